//! The report as a typeset PDF: the report's blocks written as Typst markup and typeset by
//! Typst, used as a library with the program's own fonts ([`world`]). A4 portrait, a title
//! page with the metadata, a table of contents, page numbers and a running header, table
//! header rows repeated on every page, hyphenation in the report's language, and each
//! pathway diagram cut into parts along the flow that print one per page with text of at
//! least 7 pt ([`PART_LENGTH`]).
//!
//! User text only ever enters the markup as Typst string literals ([`lit`]), so no text can
//! change the markup around it.

mod world;

use super::content::{Block, Figure, HeatMap, Report, Table};
use super::tr;
use crate::error::{CoreError, ErrorCode, Result};
use crate::model::Lang;
use std::fmt::Write;
use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;

/// How long a part of a diagram is along the flow, lane names included (diagram units).
/// Drawn at [`scale`] the smallest diagram text (11 units) prints at 7 pt or more.
pub const PART_LENGTH: f64 = 720.0;
/// The text area of the page, in points: A4 less the margins, and the height a figure with
/// its caption may take.
const TEXT_W: f64 = 595.28 - 2.0 * 42.52;
const FIGURE_H: f64 = 841.89 - 2.0 * 42.52 - 44.0;
const GREEN: &str = "rgb(\"#00695c\")";

fn failed(e: impl std::fmt::Display) -> CoreError {
    CoreError::new(ErrorCode::InvalidValue, format!("the PDF report could not be typeset: {e}"))
}

/// A Typst string literal holding `text` exactly (characters XML and PDF text cannot hold are
/// dropped).
pub fn lit(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// How long the parts of a diagram `height` units high are: as long as the page is wide at the
/// scale the height allows, and at least [`PART_LENGTH`].
pub fn part_length(height: f64) -> f64 {
    (TEXT_W / (FIGURE_H / height.max(1.0)).min(1.0)).max(PART_LENGTH)
}

/// The scale at which the parts of a figure are drawn: the same for every part, as large as
/// the page allows, never above 1 (points per diagram unit).
pub fn scale(f: &Figure) -> f64 {
    let widest = f.parts.iter().map(|p| p.width).fold(PART_LENGTH, f64::max);
    let tallest = f.parts.iter().map(|p| p.height).fold(1.0, f64::max);
    (TEXT_W / widest).min(FIGURE_H / tallest).min(1.0)
}

fn preamble(out: &mut String, report: &Report) {
    let p = &report.properties;
    let (lang, region) = match report.lang {
        Lang::Nb => ("nb", "no"),
        Lang::En => ("en", "gb"),
    };
    let authors: Vec<String> = p.authors.iter().map(|a| lit(a)).collect();
    let date = modified(report).map_or("auto".to_string(), |(y, m, d)| format!("datetime(year: {y}, month: {m}, day: {d})"));
    let _ = writeln!(out, "#set document(title: {}, author: ({}), date: {date})", lit(&report.title), authors.iter().map(|a| format!("{a},")).collect::<String>());
    let _ = writeln!(out, "#set text(font: \"DejaVu Sans\", size: 9.5pt, lang: \"{lang}\", region: \"{region}\", hyphenate: true)");
    out.push_str("#set par(justify: true, leading: 0.62em)\n");
    let _ = writeln!(
        out,
        "#set page(paper: \"a4\", margin: (x: 1.5cm, y: 1.5cm), numbering: \"1\", number-align: center + bottom, header: context {{ if here().page() > 1 {{ set text(size: 7.5pt, fill: luma(110)); {}; h(1fr); {} }} }})",
        lit(&report.title),
        lit(&p.subject)
    );
    out.push_str("#set heading(numbering: \"1.1\")\n");
    out.push_str("#show heading.where(level: 1): it => { pagebreak(weak: true); it }\n");
    let _ = writeln!(out, "#show heading: set text(fill: {GREEN})");
    out.push_str("#show heading: set block(above: 1.3em, below: 0.7em)\n");
    out.push_str("#set table(stroke: 0.4pt + luma(175), inset: (x: 3.5pt, y: 3pt), fill: (_, y) => if y == 0 { luma(228) })\n");
    out.push_str("#show table: set text(size: 8pt)\n");
    out.push_str("#show table: set par(justify: false)\n");
    out.push_str("#show table.cell.where(y: 0): set text(weight: \"bold\")\n");
    out.push_str("#show figure.caption: set text(size: 8.5pt)\n");
}

/// Column widths: a column of short cells (numbers, codes) as wide as its content, the others
/// relative: room for each column's longest word, the rest by how much text it holds.
fn columns(t: &Table) -> String {
    let n = t.columns.len();
    let texts = |i: usize| t.rows.iter().map(move |r| r[i].as_str()).chain([t.columns[i].as_str()]);
    let widths: Vec<f64> = (0..n)
        .map(|i| {
            let word = texts(i).flat_map(|c| c.split_whitespace()).map(|w| w.chars().count()).max().unwrap_or(1).min(16) as f64;
            let longest = texts(i).map(|c| c.chars().count()).max().unwrap_or(1) as f64;
            let mean = texts(i).map(|c| c.chars().count()).sum::<usize>() as f64 / (t.rows.len() + 1) as f64;
            word.max((mean * 0.7 + longest * 0.3).clamp(4.0, 70.0))
        })
        .collect();
    let short = |i: usize| texts(i).map(|c| c.chars().count()).max().unwrap_or(0) <= 8;
    let list: Vec<String> = widths.iter().enumerate().map(|(i, w)| if short(i) { "auto".to_string() } else { format!("{w:.1}fr") }).collect();
    format!("({},)", list.join(", "))
}

fn table(out: &mut String, t: &Table) {
    let size = if t.columns.len() > 6 { "#show table: set text(size: 7pt)\n" } else { "" };
    let _ = write!(out, "#[\n{size}#table(columns: {}, table.header(", columns(t));
    for c in &t.columns {
        let _ = write!(out, "{}, ", lit(c));
    }
    out.push_str("),\n");
    for r in &t.rows {
        for c in r {
            let _ = write!(out, "{}, ", lit(c));
        }
        out.push('\n');
    }
    out.push_str(")\n]\n\n");
}

fn heat_map(out: &mut String, m: &HeatMap, lang: Lang) {
    let n = m.labels.len() + 1;
    let _ = write!(out, "#table(columns: ({}), table.header({}, ", vec!["1fr"; n].join(", "), lit(&m.corner));
    for l in &m.labels {
        let _ = write!(out, "{}, ", lit(l));
    }
    out.push_str("),\n");
    for (label, cells) in m.labels.iter().zip(&m.cells) {
        let _ = write!(out, "table.cell(fill: luma(228), strong({})), ", lit(label));
        for c in cells {
            let text = lit(&HeatMap::cell_text(c));
            if c.count > 0 {
                let _ = write!(out, "table.cell(fill: rgb({}), {text}), ", lit(&m.colour(c.count)));
            } else {
                let _ = write!(out, "{text}, ");
            }
        }
        out.push('\n');
    }
    out.push_str(")\n");
    let _ = writeln!(out, "#text(size: 8.5pt, {})\n", lit(tr(lang, "Fargen viser antall behov: jo mørkere, jo flere.", "The colour shows the number of needs: the darker, the more.")));
}

/// "Tjenesteforløp: Ønsket forløp – Oppstart (del 1 av 2)".
pub fn part_caption(f: &Figure, p: &crate::diagram::slices::Slice, lang: Lang) -> String {
    let mut text = f.caption.clone();
    if !p.phase.is_empty() {
        text = format!("{text} – {}", p.phase);
    }
    if p.parts > 1 {
        text = format!("{text} ({} {} {} {})", tr(lang, "del", "part"), p.part, tr(lang, "av", "of"), p.parts);
    }
    text
}

fn figure(out: &mut String, files: &mut Vec<(String, Vec<u8>)>, f: &Figure, lang: Lang) {
    let mut add = |svg: &str| {
        let name = format!("/figure-{}.svg", files.len() + 1);
        files.push((name.clone(), svg.as_bytes().to_vec()));
        name
    };
    if f.parts.is_empty() {
        let s = (TEXT_W / f.width.max(1.0)).min(FIGURE_H / f.height.max(1.0)).min(1.0);
        let name = add(&f.svg);
        let _ = writeln!(out, "#figure(image({}, width: {:.2}pt), caption: {})\n", lit(&name), f.width * s, lit(&f.caption));
        return;
    }
    if let Some(o) = &f.overview {
        let s = (TEXT_W / o.width.max(1.0)).min(FIGURE_H / o.height.max(1.0)).min(1.0);
        let name = add(&o.svg);
        let caption = format!("{} – {}", f.caption, tr(lang, "oversikt", "overview"));
        let _ = writeln!(out, "#figure(image({}, width: {:.2}pt), caption: {})\n", lit(&name), o.width * s, lit(&caption));
    }
    let s = scale(f);
    for p in &f.parts {
        let name = add(&p.svg);
        let caption = part_caption(f, p, lang);
        let _ = writeln!(out, "#figure(image({}, width: {:.2}pt), caption: {})\n", lit(&name), p.width * s, lit(&caption));
    }
    if let Some(l) = &f.legend {
        let name = add(&l.svg);
        let _ = writeln!(out, "#block(breakable: false, image({}, width: {:.2}pt))\n", lit(&name), l.width * s);
    }
}

/// The whole report as Typst markup, and the pictures it refers to.
pub fn markup(report: &Report) -> (String, Vec<(String, Vec<u8>)>) {
    let mut out = String::with_capacity(64 * 1024);
    let mut files = Vec::new();
    preamble(&mut out, report);
    let p = &report.properties;
    // the title page: everything before the first section
    let first_section = report.blocks.iter().position(|b| matches!(b, Block::Heading { level: 2, .. })).unwrap_or(report.blocks.len());
    out.push_str("#page(numbering: none, header: none)[\n#v(3.5cm)\n");
    let _ = writeln!(out, "#text(size: 24pt, weight: \"bold\", fill: {GREEN}, {})\n", lit(&report.title));
    if !p.subject.trim().is_empty() {
        let _ = writeln!(out, "#text(size: 13pt, {})\n#v(0.8cm)\n", lit(&p.subject));
    }
    for b in &report.blocks[..first_section] {
        match b {
            Block::Heading { .. } => {}
            Block::Paragraph(text) => {
                let _ = writeln!(out, "#par({})\n", lit(text));
            }
            Block::Table(t) => table(&mut out, t),
            Block::HeatMap(m) => heat_map(&mut out, m, report.lang),
            Block::Figure(f) => figure(&mut out, &mut files, f, report.lang),
        }
    }
    out.push_str("#v(1fr)\n");
    let by = [p.authors.join(", "), p.modified.get(..10).unwrap_or_default().to_string()].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" · ");
    let _ = writeln!(out, "#text(size: 9pt, fill: luma(90), {})\n]\n", lit(&by));
    let _ = writeln!(out, "#outline(title: {}, depth: 2)\n#pagebreak()\n", lit(tr(report.lang, "Innhold", "Contents")));
    for b in &report.blocks[first_section..] {
        match b {
            Block::Heading { level, text } => {
                let _ = writeln!(out, "#heading(level: {}, {})", level.saturating_sub(1).max(1), lit(text));
            }
            Block::Paragraph(text) => {
                let _ = writeln!(out, "#par({})\n", lit(text));
            }
            Block::Table(t) => table(&mut out, t),
            Block::HeatMap(m) => heat_map(&mut out, m, report.lang),
            Block::Figure(f) => figure(&mut out, &mut files, f, report.lang),
        }
    }
    (out, files)
}

/// The day the document was last changed: year, month, day.
fn modified(report: &Report) -> Option<(i32, u8, u8)> {
    let mut it = report.properties.modified.get(..10)?.split('-');
    Some((it.next()?.parse().ok()?, it.next()?.parse().ok()?, it.next()?.parse().ok()?))
}

/// The PDF bytes of a report.
pub fn render(report: &Report) -> Result<Vec<u8>> {
    let (source, files) = markup(report);
    let today = modified(report).and_then(|(y, m, d)| Datetime::from_ymd(y, m, d));
    let world = world::ReportWorld::new(source, files, today);
    let doc: PagedDocument = typst::compile(&world).output.map_err(|errors| failed(errors.iter().map(|e| e.message.as_str()).collect::<Vec<_>>().join("; ")))?;
    let options = typst_pdf::PdfOptions { ident: Smart::Custom(report.title.clone()), creator: Smart::Custom(Some("Carepath".into())), ..Default::default() };
    typst_pdf::pdf(&doc, &options).map_err(|errors| failed(errors.iter().map(|e| e.message.as_str()).collect::<Vec<_>>().join("; ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_text_stays_inside_its_string() {
        assert_eq!(lit("a\"b\\c\nd\u{b}e"), "\"a\\\"b\\\\c\\nde\"");
        assert_eq!(lit("#set page(width: 1pt) ]  [ $x$ <l> @r"), "\"#set page(width: 1pt) ]  [ $x$ <l> @r\"");
    }
}
