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
        row(out, &mut r.iter().map(|c| escape(c, true)));
    }
    out.push('\n');
}

fn heat_map(out: &mut String, m: &HeatMap) {
    let mut t = Table { columns: std::iter::once(m.corner.clone()).chain(m.labels.iter().cloned()).collect(), rows: Vec::new() };
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
                let width = f.width.min(FIGURE_WIDTH).round();
                let _ = writeln!(out, "![{}](img/{}.png){{ width=\"{width}\" }}\n", escape(&f.caption, false), f.file);
                let _ = writeln!(out, "*{}* ([SVG](img/{}.svg))\n", escape(&f.caption, false), f.file);
            }
        }
    }
    Ok(Rendered { main: out.into_bytes(), beside })
}
