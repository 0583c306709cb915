//! The report as a MkDocs page (Python-Markdown with the `tables` and `attr_list`
//! extensions, as MkDocs Material sets up): headings, pipe tables, and figures as
//! `![caption](img/NAME.png){ width="..." }` with the SVG and PNG written to `img/`.
//!
//! User text is escaped with [`crate::mdtext::escape`] so it reads back exactly: Markdown punctuation gets a backslash,
//! `<` and `&` become entities, a `|` in a table cell becomes `\|`, and a newline becomes
//! `<br>` (no user text can start a new block).

use super::content::*;
use super::Rendered;
use crate::Result;
use std::fmt::Write;

/// The width figures are shown at, in CSS pixels (the page column of MkDocs Material).
pub const FIGURE_WIDTH: f64 = 700.0;

pub use crate::mdtext::escape;

fn table(out: &mut String, t: &Table) {
    let row = |out: &mut String, cells: &mut dyn Iterator<Item = String>| {
        out.push('|');
        for c in cells {
            let _ = write!(out, " {} |", if c.is_empty() { " ".to_string() } else { c });
        }
        out.push('\n');
    };
    row(out, &mut t.columns.iter().map(|c| escape(c, true)));
    row(out, &mut t.columns.iter().map(|_| "---".to_string()));
    for r in &t.rows {
        row(out, &mut r.iter().enumerate().map(|(i, c)| match t.badge {
            Some((col, status)) if col == i => badge(c, status),
            _ => escape(c, true),
        }));
    }
    out.push('\n');
}

/// A status label as a coloured badge (inline HTML, which MkDocs passes through): green when
/// released, amber for review, grey while in work.
fn badge(label: &str, status: crate::model::DocStatus) -> String {
    use crate::model::DocStatus;
    let (bg, fg) = match status {
        DocStatus::Release => ("#d7f0dc", "#1b5e20"),
        DocStatus::ForReview => ("#fff1c2", "#7a5200"),
        DocStatus::WorkInProgress => ("#e3e8ee", "#37474f"),
    };
    format!(
        "<span class=\"carepath-status\" style=\"background:{bg};color:{fg};border-radius:1em;padding:0.1em 0.7em;font-weight:600;white-space:nowrap\">{}</span>",
        escape(label, true)
    )
}

/// How long a part of a diagram may be on the page: at [`FIGURE_WIDTH`] a step label (12
/// units) is then at least 9 pixels high.
pub const PART_LENGTH: f64 = FIGURE_WIDTH * 12.0 / 9.0;

/// The display width of a part of a figure, in CSS pixels: three quarters of its size, so
/// every part of a figure is shown at the same scale.
fn part_width(units: f64) -> f64 {
    (units * 9.0 / 12.0).ceil().min(FIGURE_WIDTH)
}

fn heat_map(out: &mut String, m: &HeatMap) {
    let mut t = Table { columns: std::iter::once(m.corner.clone()).chain(m.labels.iter().cloned()).collect(), rows: Vec::new(), badge: None };
    for (label, cells) in m.labels.iter().zip(&m.cells) {
        t.rows.push(std::iter::once(label.clone()).chain(cells.iter().map(HeatMap::cell_text)).collect());
    }
    table(out, &t);
}

/// The page's text and the pictures for `img/`.
pub fn render(report: &Report) -> Result<Rendered> {
    let mut out = String::new();
    let mut beside = Vec::new();
    for b in &report.blocks {
        match b {
            Block::Heading { level, text } => {
                let _ = writeln!(out, "{} {}\n", "#".repeat((*level).clamp(1, 6) as usize), escape(text, false));
            }
            Block::Paragraph(text) => {
                let _ = writeln!(out, "{}\n", escape(text, false));
            }
            Block::Table(t) => table(&mut out, t),
            Block::HeatMap(m) => heat_map(&mut out, m),
            Block::Figure(f) => {
                let (png, _, _) = f.png()?;
                beside.push((format!("img/{}.svg", f.file), f.svg.clone().into_bytes()));
                beside.push((format!("img/{}.png", f.file), png));
                let overview = if f.parts.is_empty() { f.caption.clone() } else { format!("{} – {}", f.caption, super::tr(report.lang, "oversikt", "overview")) };
                // the wrapped overview where the whole drawing is a strip, linked to the whole
                match &f.overview {
                    Some(o) => {
                        let name = format!("{}-oversikt", f.file);
                        beside.push((format!("img/{name}.png"), crate::diagram::raster::png(&o.svg, 2.0)?));
                        let width = o.width.min(FIGURE_WIDTH).round();
                        let _ = writeln!(out, "[![{}](img/{name}.png){{ width=\"{width}\" }}](img/{}.svg)\n", escape(&overview, false), f.file);
                    }
                    None => {
                        let width = f.width.min(FIGURE_WIDTH).round();
                        let _ = writeln!(out, "[![{}](img/{}.png){{ width=\"{width}\" }}](img/{}.svg)\n", escape(&overview, false), f.file, f.file);
                    }
                }
                let _ = writeln!(out, "*{}* ([SVG](img/{}.svg))\n", escape(&overview, false), f.file);
                // then each phase at a size where its labels can be read, linked to its SVG
                for (k, p) in f.parts.iter().enumerate() {
                    let name = format!("{}-{}", f.file, k + 1);
                    let png = if p.png.is_empty() { crate::diagram::raster::png(&p.svg, 2.0)? } else { p.png.clone() };
                    beside.push((format!("img/{name}.svg"), p.svg.clone().into_bytes()));
                    beside.push((format!("img/{name}.png"), png));
                    let caption = super::pdf::part_caption(f, p, report.lang);
                    let _ = writeln!(out, "[![{}](img/{name}.png){{ width=\"{}\" }}](img/{name}.svg)\n", escape(&caption, false), part_width(p.width));
                    let _ = writeln!(out, "*{}* ([SVG](img/{name}.svg))\n", escape(&caption, false));
                }
            }
        }
    }
    Ok(Rendered { main: out.into_bytes(), beside })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocStatus, Lang};

    #[test]
    fn every_status_has_its_badge_colour_in_both_languages() {
        for lang in [Lang::Nb, Lang::En] {
            let colour = |s: DocStatus| badge(s.label(lang), s).split("background:").nth(1).unwrap()[..7].to_string();
            assert_eq!(colour(DocStatus::WorkInProgress), "#e3e8ee");
            assert_eq!(colour(DocStatus::ForReview), "#fff1c2", "'{}' is shown as under review", DocStatus::ForReview.label(lang));
            assert_eq!(colour(DocStatus::Release), "#d7f0dc");
        }
    }
}
