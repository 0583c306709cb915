//! A walk as a table — step number, actor, step, what that actor has received so far, and
//! the needs at the step that are unmet or manual — as plain data for the report and the
//! app, and as Markdown or text.

use super::{FlaggedNeed, Walk, WalkStep};
use crate::mdtext::{cell, table as md_table};
use crate::model::Lang;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One row: a step of the walk.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct WalkRow {
    pub number: u32,
    /// Loop rounds taken before this step.
    pub round: u32,
    pub actor: String,
    /// The step's label, with the branch taken when there were several ("… → gul"), marked
    /// "↳ " once per sub-pathway it lies in.
    pub step: String,
    /// The information types the acting actor has received so far, comma-separated.
    pub received: String,
    /// Needs at the step that are unmet or manual, with form and status, `; `-separated.
    pub flagged: String,
}

/// The walk-through table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct WalkTable {
    pub variant_name: String,
    /// Whether the walk reached an end.
    pub complete: bool,
    pub rows: Vec<WalkRow>,
}

fn flagged(f: &FlaggedNeed, lang: Lang) -> String {
    format!("{} ({}, {})", f.title, f.form.label(lang), f.status.label(lang).to_lowercase())
}

fn row(s: &WalkStep, lang: Lang) -> WalkRow {
    let taken = s.branches.iter().find(|b| b.taken).map(|b| if b.label.trim().is_empty() { b.to_label.clone() } else { b.label.clone() });
    let received = s
        .actor
        .and_then(|a| s.received.iter().find(|r| r.actor == a))
        .map(|r| r.info_types.iter().map(|t| t.name.as_str()).collect::<Vec<_>>().join(", "))
        .unwrap_or_default();
    WalkRow {
        number: s.number,
        round: s.round,
        actor: if s.participant_names.is_empty() {
            s.actor_name.clone()
        } else {
            format!("{} ({} {})", s.actor_name, if lang == Lang::Nb { "med" } else { "with" }, s.participant_names.join(", "))
        },
        // a step inside a sub-pathway is marked once per level ("↳ ", "↳↳ ")
        step: format!(
            "{}{}",
            if s.depth > 0 { format!("{} ", "↳".repeat(s.depth as usize)) } else { String::new() },
            match taken {
                Some(b) => format!("{} → {b}", s.label),
                None => s.label.clone(),
            }
        ),
        received,
        flagged: s.flagged.iter().map(|f| flagged(f, lang)).collect::<Vec<_>>().join("; "),
    }
}

/// The table of a walk, texts in `lang`.
pub fn table(walk: &Walk, lang: Lang) -> WalkTable {
    WalkTable { variant_name: walk.variant_name.clone(), complete: walk.complete, rows: walk.steps.iter().map(|s| row(s, lang)).collect() }
}

fn heads(lang: Lang) -> [&'static str; 5] {
    match lang {
        Lang::Nb => ["Nr.", "Aktør", "Steg", "Mottatt så langt", "Ikke dekket / manuelt"],
        Lang::En => ["No.", "Actor", "Step", "Received so far", "Unmet / manual"],
    }
}

fn unfinished(lang: Lang) -> &'static str {
    match lang {
        Lang::Nb => "Gjennomgangen stopper før en slutt: modellen har ingen vei videre herfra.",
        Lang::En => "The walk stops before an end: the model has no way on from here.",
    }
}

/// The walk as Markdown: the step table, then what each actor has received by the end.
pub fn markdown(walk: &Walk, lang: Lang) -> String {
    let t = table(walk, lang);
    let rows: Vec<Vec<String>> = t
        .rows
        .iter()
        .map(|r| vec![r.number.to_string(), cell(&r.actor), cell(&r.step), cell(&r.received), cell(&r.flagged)])
        .collect();
    let mut out = md_table(&heads(lang), &rows);
    if !t.complete {
        out.push_str(&format!("\n{}\n", unfinished(lang)));
    }
    if let Some(last) = walk.steps.last() {
        let head = match lang {
            Lang::Nb => ["Aktør", "Mottatt i løpet av gjennomgangen"],
            Lang::En => ["Actor", "Received during the walk"],
        };
        let rows: Vec<Vec<String>> = last
            .received
            .iter()
            .map(|r| vec![cell(&r.actor_name), cell(&r.info_types.iter().map(|t| t.name.as_str()).collect::<Vec<_>>().join(", "))])
            .collect();
        out.push('\n');
        out.push_str(&md_table(&head, &rows));
    }
    out
}

/// The walk as text for the terminal, one block per step.
pub fn text(walk: &Walk, lang: Lang) -> String {
    let t = table(walk, lang);
    let h = heads(lang);
    let mut out = String::new();
    for r in &t.rows {
        out.push_str(&format!("{:>3}. {} — {}\n", r.number, if r.actor.is_empty() { "–" } else { &r.actor }, r.step.replace('\n', " ")));
        if !r.received.is_empty() {
            out.push_str(&format!("     {}: {}\n", h[3], r.received));
        }
        if !r.flagged.is_empty() {
            out.push_str(&format!("     {}: {}\n", h[4], r.flagged));
        }
    }
    if !t.complete {
        out.push_str(unfinished(lang));
        out.push('\n');
    }
    out
}
