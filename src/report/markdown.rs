//! The report as a MkDocs page (Python-Markdown with the `tables` and `attr_list`
//! extensions, as MkDocs Material sets up): headings, pipe tables, and figures as
//! `![caption](img/NAME.png){ width="..." }` with the SVG and PNG written to `img/`.
//!
//! User text is escaped so it reads back exactly: Markdown punctuation gets a backslash,
//! `<` and `&` become entities, a `|` in a table cell becomes `\|`, and a newline becomes
//! `<br>` (no user text can start a new block).

use super::content::*;
use super::Rendered;
use crate::Result;
use std::fmt::Write;

/// The width figures are shown at, in CSS pixels (the page column of MkDocs Material).
pub const FIGURE_WIDTH: f64 = 700.0;

/// Escapes text for a Markdown paragraph, heading or table cell.
pub fn escape(text: &str, in_table: bool) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let lines: Vec<&str> = text.split('\n').collect();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push_str("<br>");
        }
        let line = line.trim_end_matches('\r');
        // leading spaces would make an indented code block at the start of a paragraph
        let line = if i == 0 { line.trim_start() } else { line };
        let mut digits_only = i == 0;
        for (j, c) in line.chars().enumerate() {
            // `+`, `-` and `>` start a list or quote only as the text's first character, and
            // `.` an ordered list only after nothing but digits
            let block_start = i == 0 && (j == 0 && matches!(c, '+' | '-' | '>') || c == '.' && digits_only && j > 0);
            digits_only &= c.is_ascii_digit();
            match c {
                '+' | '-' | '.' | '>' if !block_start => out.push(c),
                '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '#' | '+' | '-' | '.' | '!' | '>' => {
                    out.push('\\');
                    out.push(c);
                }
                '<' => out.push_str("&lt;"),
                '&' => out.push_str("&amp;"),
                '|' if in_table => out.push_str("\\|"),
                '|' => out.push_str("&#124;"),
                '~' => out.push_str("&#126;"),
                '^' => out.push_str("&#94;"),
                '=' => out.push_str("&#61;"),
                '\t' => out.push(' '),
                c => out.push(c),
            }
        }
    }
    out
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_text_cannot_make_markup() {
        assert_eq!(escape("a|b", true), "a\\|b");
        assert_eq!(escape("<script>", false), "&lt;script>");
        assert_eq!(escape("# x\n- y", false), "\\# x<br>- y");
        assert_eq!(escape("- a", false), "\\- a");
        assert_eq!(escape("12. mai", false), "12\\. mai");
        assert_eq!(escape("v0.5", false), "v0.5");
        assert_eq!(escape("*fet*", true), "\\*fet\\*");
    }
}
