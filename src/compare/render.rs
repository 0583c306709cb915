//! A [`Diff`] as plain text (for the terminal), Markdown (for the report: a summary table and
//! a table per element kind, headings at level 3 so the report can put its own level-2
//! section above) and JSON. Text in the diff's language; every user text escaped in Markdown.

use super::{ChangeKind, Diff, DiffEntry, ElementKind};
use crate::mdtext::{cell, inline, table};
use crate::model::Lang;

fn heading(diff: &Diff) -> String {
    let (a, b) = (&diff.source, &diff.target);
    match diff.lang {
        Lang::Nb => format!("Endringer fra «{}» til «{}»", a.variant_name, b.variant_name),
        Lang::En => format!("Changes from “{}” to “{}”", a.variant_name, b.variant_name),
    }
}

fn sides(diff: &Diff) -> Option<(String, String)> {
    let (a, b) = (&diff.source, &diff.target);
    (a.document != b.document || a.title != b.title).then(|| (a.title.clone(), b.title.clone()))
}

fn nothing(lang: Lang) -> &'static str {
    match lang {
        Lang::Nb => "Ingen forskjeller.",
        Lang::En => "No differences.",
    }
}

fn was(lang: Lang, label: &str) -> String {
    match lang {
        Lang::Nb => format!("tidligere «{label}»"),
        Lang::En => format!("was “{label}”"),
    }
}

fn counts_line(diff: &Diff, kind: ElementKind) -> Option<String> {
    let c = diff.counts().into_iter().find(|c| c.kind == kind)?;
    if c.added + c.removed + c.changed == 0 {
        return None;
    }
    let l = diff.lang;
    Some(format!(
        "{}: {} {}, {} {}, {} {}",
        kind.plural(l),
        c.added,
        ChangeKind::Added.label(l).to_lowercase(),
        c.removed,
        ChangeKind::Removed.label(l).to_lowercase(),
        c.changed,
        ChangeKind::Changed.label(l).to_lowercase()
    ))
}

/// The diff as plain text: a heading, counts per kind, then each entry with its symbol
/// (+ added, − removed, ~ changed) and, for a change, each field `before → after`.
pub fn text(diff: &Diff) -> String {
    let l = diff.lang;
    let mut out = heading(diff) + "\n";
    if let Some((a, b)) = sides(diff) {
        out.push_str(&format!("  {}: {a}\n  {}: {b}\n", if l == Lang::Nb { "Fra" } else { "From" }, if l == Lang::Nb { "Til" } else { "To" }));
    }
    if diff.is_empty() {
        out.push_str(nothing(l));
        out.push('\n');
        return out;
    }
    for kind in ElementKind::ALL {
        if let Some(line) = counts_line(diff, kind) {
            out.push_str(&format!("  {line}\n"));
        }
    }
    for kind in ElementKind::ALL {
        let entries: Vec<&DiffEntry> = diff.entries.iter().filter(|e| e.kind == kind).collect();
        if entries.is_empty() {
            continue;
        }
        out.push_str(&format!("\n{}\n", kind.plural(l)));
        for e in entries {
            let renamed = e.before_label.as_deref().map(|b| format!("  ({})", was(l, b))).unwrap_or_default();
            out.push_str(&format!("  {} {}{renamed}\n", e.change.symbol(), one_line(&e.label)));
            for f in &e.fields {
                out.push_str(&format!("      {}: {} → {}\n", f.name, one_line(&f.before), one_line(&f.after)));
            }
        }
    }
    out
}

fn one_line(s: &str) -> String {
    s.replace(['\r', '\n'], " ")
}

/// The diff as Markdown: who is compared with what, a count table, and per element kind a
/// table with one row per added or removed element and one per changed field.
pub fn markdown(diff: &Diff) -> String {
    let l = diff.lang;
    let mut out = String::new();
    let (from, to) = match l {
        Lang::Nb => ("Fra", "Til"),
        Lang::En => ("From", "To"),
    };
    let side = |s: &super::DiffSide| format!("{} ({})", inline(&s.variant_name), inline(&s.title));
    out.push_str(&format!("**{from}:** {} · **{to}:** {}\n\n", side(&diff.source), side(&diff.target)));
    if diff.is_empty() {
        out.push_str(nothing(l));
        out.push('\n');
        return out;
    }
    let kind_head = if l == Lang::Nb { "Elementtype" } else { "Element kind" };
    let rows: Vec<Vec<String>> = diff
        .counts()
        .iter()
        .filter(|c| c.added + c.removed + c.changed > 0)
        .map(|c| vec![c.kind.plural(l).to_string(), c.added.to_string(), c.removed.to_string(), c.changed.to_string()])
        .collect();
    out.push_str(&table(&[kind_head, ChangeKind::Added.label(l), ChangeKind::Removed.label(l), ChangeKind::Changed.label(l)], &rows));
    let (change, field, before, after) = match l {
        Lang::Nb => ("Endring", "Felt", "Før", "Etter"),
        Lang::En => ("Change", "Field", "Before", "After"),
    };
    for kind in ElementKind::ALL {
        let entries: Vec<&DiffEntry> = diff.entries.iter().filter(|e| e.kind == kind).collect();
        if entries.is_empty() {
            continue;
        }
        out.push_str(&format!("\n### {}\n\n", kind.plural(l)));
        let mut rows = Vec::new();
        for e in entries {
            let mark = format!("{} {}", e.change.symbol(), e.change.label(l));
            let mut name = cell(&e.label);
            if let Some(b) = &e.before_label {
                name = format!("{name} ({})", inline(&was(l, b)));
            }
            if e.fields.is_empty() {
                rows.push(vec![mark.clone(), name.clone(), "–".into(), "–".into(), "–".into()]);
            }
            for f in &e.fields {
                rows.push(vec![mark.clone(), name.clone(), cell(&f.name), cell(&f.before), cell(&f.after)]);
            }
        }
        out.push_str(&table(&[change, kind.label(l), field, before, after], &rows));
    }
    out
}

/// The diff as pretty JSON (the [`Diff`] type), ending in a newline.
pub fn json(diff: &Diff) -> String {
    serde_json::to_string_pretty(diff).expect("a diff serialises") + "\n"
}
