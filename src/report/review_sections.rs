//! The report sections issue from review work: what changes from the current pathway to the
//! desired one (with the diff picture), the clinicians' review (open threads, decisions), and
//! a scenario walk-through of each chosen variant.

use super::content::*;
use super::sections::Context;
use crate::compare::{self, Side};
use crate::diagram::compare as picture;
use crate::review;
use crate::model::StepId;
use crate::walkthrough;
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
        overview: None,
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
        let Ok(all) = walkthrough::scenarios(cx.doc, v.id) else { continue };
        if out.is_empty() {
            out.push(h(2, cx.tr("Gjennomgang av scenarioer", "Scenario walk-throughs")));
            out.push(Block::Paragraph(
                cx.tr(
                    "Scenarioene går til sammen gjennom hvert utfall av hver beslutning, med sløyfer tatt én gang. Hvert scenario etter det første viser stegene fra beslutningen der det skiller seg ut.",
                    "Together the scenarios take every outcome of every decision, loops taken once. Each scenario after the first shows the steps from the decision where it differs.",
                )
                .into(),
            ));
        }
        out.push(h(3, v.name.clone()));
        let numbers = crate::layout::step_numbers(cx.doc, v.id).unwrap_or_default();
        let first: Vec<StepId> = all[0].walk.steps.iter().map(|s| s.step).collect();
        for (k, sc) in all.iter().enumerate() {
            let table = walkthrough::table(&sc.walk, cx.lang);
            // where a later scenario leaves the first: the step that takes the forced way
            let from = sc.forced.and_then(|t| sc.walk.steps.iter().position(|s| s.branches.iter().any(|b| b.transition == t && b.taken))).unwrap_or(0);
            let same_start = sc.walk.steps[..from].iter().map(|s| s.step).eq(first.iter().copied().take(from));
            let from = if same_start { from } else { 0 };
            let title = match sc.forced.and_then(|t| v.transition(t)) {
                None => format!("Scenario {}: {}", k + 1, cx.tr("hovedforløpet", "the main flow")),
                Some(t) => {
                    let decision = v.step(t.from).map(|s| s.label.clone()).unwrap_or_default();
                    let way = if t.label.trim().is_empty() { v.step(t.to).map(|s| s.label.clone()).unwrap_or_default() } else { t.label.clone() };
                    format!("Scenario {}: {decision} → {way}", k + 1)
                }
            };
            out.push(h(4, title));
            let mut t = Table::new(&[
                cx.tr("Nr.", "No."),
                cx.tr("Aktør", "Actor"),
                cx.tr("Steg", "Step"),
                cx.tr("Mottatt så langt", "Received so far"),
                cx.tr("Udekket eller manuelt", "Unmet or manual"),
            ]);
            for (r, s) in table.rows.iter().zip(&sc.walk.steps).skip(from) {
                let n = numbers.get(&s.step).map(|n| n.to_string()).unwrap_or_else(|| r.number.to_string());
                t.row(vec![n, r.actor.clone(), r.step.clone(), r.received.clone(), r.flagged.clone()]);
            }
            out.push(Block::Table(t));
            if !table.complete {
                out.push(Block::Paragraph(cx.tr("Gjennomgangen nådde ikke en slutt.", "The walk did not reach an end.").into()));
            }
        }
    }
    Ok(out)
}
