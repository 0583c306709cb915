//! The report sections issue from review work: what changes from the current pathway to the
//! desired one (with the diff picture), the clinicians' review (open threads, decisions), and
//! a scenario walk-through of each chosen variant.

use super::content::*;
use super::sections::Context;
use crate::compare::{self, Side};
use crate::export::diagram::compare as picture;
use crate::review;
use crate::walkthrough::{self, WalkOptions};
use crate::Result;

fn h(level: u8, text: impl Into<String>) -> Block {
    Block::Heading { level, text: text.into() }
}

/// "Endringer fra nå-situasjon til ønsket forløp": counts per element kind, the diff picture
/// and every added, removed or changed element with its changed fields. Only when the report
/// covers both the current and the desired variant.
pub fn changes(cx: &Context) -> Result<Vec<Block>> {
    let Some((current, desired)) = compare::current_and_desired(cx.doc) else { return Ok(Vec::new()) };
    let chosen = |id| cx.variants.iter().any(|v| v.id == id);
    if !chosen(current.id) || !chosen(desired.id) {
        return Ok(Vec::new());
    }
    let (source, target) = (Side { doc: cx.doc, variant: current }, Side { doc: cx.doc, variant: desired });
    let diff = compare::diff_variants(source, target, cx.lang);
    let mut out = vec![
        h(2, cx.tr("Endringer fra nå-situasjon til ønsket forløp", "Changes from the current to the desired pathway")),
        Block::Paragraph(format!("{} → {}", current.name, desired.name)),
    ];
    if diff.is_empty() {
        out.push(Block::Paragraph(cx.tr("Ingen forskjeller.", "No differences.").into()));
        return Ok(out);
    }
    let mut counts = Table::new(&[
        cx.tr("Element", "Element"),
        cx.tr("Lagt til", "Added"),
        cx.tr("Fjernet", "Removed"),
        cx.tr("Endret", "Changed"),
    ]);
    for c in diff.counts().iter().filter(|c| c.added + c.removed + c.changed > 0) {
        counts.row(vec![c.kind.plural(cx.lang).into(), c.added.to_string(), c.removed.to_string(), c.changed.to_string()]);
    }
    out.push(Block::Table(counts));

    let svg = picture::to_svg(source, target, &cx.diagram)?;
    let (width, height) = super::sections::svg_size(&svg);
    out.push(Block::Figure(Figure {
        parts: Vec::new(),
        legend: None,
        file: format!("{}-{}", slug(cx.tr("endringer", "changes")), slug(&desired.name)),
        caption: cx.tr(
            "Endringer: + lagt til, − fjernet (skygge), ~ endret",
            "Changes: + added, − removed (ghost), ~ changed",
        )
        .into(),
        svg,
        width,
        height,
    }));

    let mut list = Table::new(&[
        cx.tr("Element", "Element"),
        cx.tr("Endring", "Change"),
        cx.tr("Navn", "Name"),
        cx.tr("Hva er endret (fra → til)", "What changed (from → to)"),
    ]);
    for e in &diff.entries {
        let what: Vec<String> = e.fields.iter().map(|f| format!("{}: {} → {}", f.name, f.before, f.after)).collect();
        let change = format!("{} {}", e.change.symbol(), e.change.label(cx.lang));
        list.row(vec![e.kind.label(cx.lang).into(), change, e.label.clone(), what.join("\n")]);
    }
    out.push(Block::Table(list));
    Ok(out)
}

/// The review: threads and decisions counted, the open threads and every decision.
pub fn review(cx: &Context) -> Result<Vec<Block>> {
    let s = review::summary(cx.doc, cx.lang);
    if s.comments == 0 && s.all_decisions.is_empty() {
        return Ok(Vec::new());
    }
    let mut out = vec![h(2, cx.tr("Gjennomgang", "Review"))];
    let mut counts = Table::new(&[cx.tr("Tema", "Topic"), cx.tr("Antall", "Count")]);
    counts.row(vec![cx.tr("Åpne tråder", "Open threads").into(), s.open_threads.to_string()]);
    counts.row(vec![cx.tr("Løste tråder", "Resolved threads").into(), s.resolved_threads.to_string()]);
    for d in s.decisions.iter().filter(|d| d.count > 0) {
        counts.row(vec![d.status.label(cx.lang).into(), d.count.to_string()]);
    }
    out.push(Block::Table(counts));
    if !s.open.is_empty() {
        out.push(h(3, cx.tr("Åpne tråder", "Open threads")));
        let mut t = Table::new(&[cx.tr("Gjelder", "About"), cx.tr("Av", "By"), cx.tr("Tid", "Time"), cx.tr("Kommentar", "Comment"), cx.tr("Svar", "Replies")]);
        for th in &s.open {
            let replies: Vec<String> = th.replies.iter().map(|r| format!("{}: {}", r.author, r.text)).collect();
            t.row(vec![th.target_label.clone(), th.root.author.clone(), th.root.created.to_rfc3339(), th.root.text.clone(), replies.join("\n")]);
        }
        out.push(Block::Table(t));
    }
    if !s.all_decisions.is_empty() {
        out.push(h(3, cx.tr("Beslutninger", "Decisions")));
        let mut t = Table::new(&[cx.tr("Gjelder", "About"), cx.tr("Status", "Status"), cx.tr("Av", "By"), cx.tr("Tid", "Time"), cx.tr("Merknad", "Note")]);
        for d in &s.all_decisions {
            let r = &d.review;
            t.row(vec![d.target_label.clone(), r.status.label(cx.lang).into(), r.reviewer.clone(), r.time.to_rfc3339(), r.note.clone()]);
        }
        out.push(Block::Table(t));
    }
    Ok(out)
}

/// A walk through each chosen variant with the default choices (first branch that can
/// finish, one loop round): who acts, what they have received, which needs are unmet or
/// manual at each step.
pub fn walkthroughs(cx: &Context) -> Result<Vec<Block>> {
    let mut out = Vec::new();
    for v in &cx.variants {
        if v.step_count() == 0 {
            continue;
        }
        let Ok(walk) = walkthrough::walk(cx.doc, v.id, &WalkOptions::default()) else { continue };
        let table = walkthrough::table(&walk, cx.lang);
        if out.is_empty() {
            out.push(h(2, cx.tr("Gjennomgang av scenario", "Scenario walk-through")));
        }
        out.push(h(3, v.name.clone()));
        let mut t = Table::new(&[
            cx.tr("Nr.", "No."),
            cx.tr("Aktør", "Actor"),
            cx.tr("Steg", "Step"),
            cx.tr("Mottatt så langt", "Received so far"),
            cx.tr("Udekket eller manuelt", "Unmet or manual"),
        ]);
        for r in &table.rows {
            t.row(vec![r.number.to_string(), r.actor.clone(), r.step.clone(), r.received.clone(), r.flagged.clone()]);
        }
        out.push(Block::Table(t));
        if !table.complete {
            out.push(Block::Paragraph(cx.tr("Gjennomgangen nådde ikke en slutt.", "The walk did not reach an end.").into()));
        }
    }
    Ok(out)
}
