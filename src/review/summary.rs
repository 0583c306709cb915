//! The review at a glance, for the report and the CLI: threads open and resolved, decisions
//! per status, the open threads and every decision, as data and as Markdown.

use super::{list, Decision, ReviewFilter, Thread};
use crate::mdtext::{cell, table};
use crate::model::*;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How many decisions have one status.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct StatusCount {
    pub status: ReviewStatus,
    pub count: u32,
}

/// The state of the review of a document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ReviewSummary {
    pub comments: u32,
    pub open_threads: u32,
    pub resolved_threads: u32,
    /// Every status, in its display order.
    pub decisions: Vec<StatusCount>,
    /// The open threads, oldest first.
    pub open: Vec<Thread>,
    /// Every decision, oldest first.
    pub all_decisions: Vec<Decision>,
}

/// The summary of a document's review.
pub fn summary(doc: &Document, lang: Lang) -> ReviewSummary {
    let all = list(doc, &ReviewFilter::default(), lang);
    let open: Vec<Thread> = all.threads.iter().filter(|t| t.open).cloned().collect();
    ReviewSummary {
        comments: doc.comments.len() as u32,
        open_threads: open.len() as u32,
        resolved_threads: (all.threads.len() - open.len()) as u32,
        decisions: ReviewStatus::ALL
            .iter()
            .map(|&status| StatusCount { status, count: doc.reviews.iter().filter(|r| r.status == status).count() as u32 })
            .collect(),
        open,
        all_decisions: all.decisions,
    }
}

/// The summary as Markdown: counts, a table of decisions and a table of open threads (with
/// their replies), headings at level 3.
pub fn summary_markdown(s: &ReviewSummary, lang: Lang) -> String {
    let nb = lang == Lang::Nb;
    let mut out = String::new();
    let counts: Vec<String> = s.decisions.iter().map(|c| format!("{} {}", c.count, c.status.label(lang).to_lowercase())).collect();
    out.push_str(&if nb {
        format!(
            "{} kommentarer i {} åpne og {} løste tråder. Vurderinger: {}.\n",
            s.comments,
            s.open_threads,
            s.resolved_threads,
            counts.join(", ")
        )
    } else {
        format!("{} comments in {} open and {} resolved threads. Decisions: {}.\n", s.comments, s.open_threads, s.resolved_threads, counts.join(", "))
    });
    let date = |t: &Timestamp| t.0.format("%Y-%m-%d").to_string();
    if !s.all_decisions.is_empty() {
        out.push_str(&format!("\n### {}\n\n", if nb { "Vurderinger" } else { "Decisions" }));
        let head = if nb { ["Element", "Vurdering", "Av", "Dato", "Merknad"] } else { ["Element", "Decision", "By", "Date", "Note"] };
        let rows: Vec<Vec<String>> = s
            .all_decisions
            .iter()
            .map(|d| vec![cell(&d.target_label), cell(d.review.status.label(lang)), cell(&d.review.reviewer), date(&d.review.time), cell(&d.review.note)])
            .collect();
        out.push_str(&table(&head, &rows));
    }
    if !s.open.is_empty() {
        out.push_str(&format!("\n### {}\n\n", if nb { "Åpne kommentarer" } else { "Open comments" }));
        let head = if nb { ["Element", "Av", "Dato", "Kommentar"] } else { ["Element", "By", "Date", "Comment"] };
        let mut rows = Vec::new();
        for t in &s.open {
            rows.push(vec![cell(&t.target_label), cell(&t.root.author), date(&t.root.created), cell(&t.root.text)]);
            for r in &t.replies {
                rows.push(vec!["↳".into(), cell(&r.author), date(&r.created), cell(&r.text)]);
            }
        }
        out.push_str(&table(&head, &rows));
    }
    out
}
