//! The report as a Word document (docx-rs): A4 portrait, heading styles Word's navigation pane
//! knows, tables with a shaded header row that repeats on every page and columns as wide as
//! their words, each diagram in parts along the flow that print legibly one per page (the
//! same parts as the PDF report), and the sharing matrix as a heat-map table. The document's
//! properties, language and hyphenation are set in [`super::docx_package`].

use super::content::{Block, Figure, HeatMap, Report, Table};
use super::tr;
use crate::error::{CoreError, ErrorCode, Result};
use docx_rs::{
    AlignmentType, BreakType, Docx, LineSpacing, PageMargin, Paragraph, Pic, Run, RunFonts, Shading, ShdType, Style, StyleType, TableCell,
    TableLayoutType, TableRow, WidthType,
};

/// A4 portrait in twentieths of a point.
const PAGE_W: u32 = 11_906;
const PAGE_H: u32 = 16_838;
const MARGIN: u32 = 850;
const TEXT_W: u32 = PAGE_W - 2 * MARGIN;
const EMU_PER_TWIP: u64 = 635;
const HEADER_FILL: &str = "E4E7EB";

/// A run of text with its newlines as line breaks.
fn run(text: &str) -> Run {
    let mut r = Run::new();
    // docx-rs escapes markup but not the characters XML 1.0 forbids
    let text = crate::xmltext::safe(text);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            r = r.add_break(BreakType::TextWrapping);
        }
        r = r.add_text(line.trim_end_matches('\r'));
    }
    r
}

fn para(text: &str) -> Paragraph {
    Paragraph::new().add_run(run(text))
}

fn cell(text: &str, header: bool, fill: Option<&str>, size: usize) -> TableCell {
    let mut r = run(text).size(size);
    if header {
        r = r.bold();
    }
    let mut c = TableCell::new().add_paragraph(Paragraph::new().add_run(r));
    if let Some(fill) = fill.or(header.then_some(HEADER_FILL)) {
        c = c.shading(Shading::new().shd_type(ShdType::Clear).color("auto").fill(fill));
    }
    c
}

/// Column widths in twips: each column first gets room for the longest word of its cells and
/// of its header (at 9 pt about 115 twips a character, plus the cell padding; only words of
/// more than 24 letters may break), the rest of the text width is shared by how much text
/// the columns hold.
fn grid(t: &Table) -> Vec<usize> {
    let n = t.columns.len();
    let texts = |i: usize| t.rows.iter().map(move |r| r[i].as_str()).chain([t.columns[i].as_str()]);
    let least: Vec<f64> = (0..n)
        .map(|i| texts(i).flat_map(|c| c.split_whitespace()).map(|w| w.chars().count()).max().unwrap_or(1).min(24) as f64 * 115.0 + 200.0)
        .collect();
    let weight: Vec<f64> = (0..n)
        .map(|i| {
            let longest = texts(i).map(|c| c.chars().count()).max().unwrap_or(1) as f64;
            let mean = texts(i).map(|c| c.chars().count()).sum::<usize>() as f64 / (t.rows.len() + 1) as f64;
            (mean * 0.7 + longest * 0.3).clamp(4.0, 80.0)
        })
        .collect();
    let spare = (TEXT_W as f64 - least.iter().sum::<f64>()).max(0.0);
    let total: f64 = weight.iter().sum();
    let widths: Vec<f64> = (0..n).map(|i| least[i] + spare * weight[i] / total).collect();
    let scale = TEXT_W as f64 / widths.iter().sum::<f64>();
    widths.iter().map(|w| (w * scale) as usize).collect()
}

fn table(t: &Table) -> docx_rs::Table {
    let widths = grid(t);
    // wide tables in 7 pt, the rest in 8 pt (half-points)
    let size = if t.columns.len() > 6 { 14 } else { 16 };
    let row = |cells: &[String], header: bool| {
        let cells = cells.iter().zip(&widths).map(|(c, w)| cell(c, header, None, size).width(*w, WidthType::Dxa)).collect();
        TableRow::new(cells).cant_split()
    };
    let mut rows = vec![row(&t.columns, true)];
    rows.extend(t.rows.iter().map(|r| row(r, false)));
    docx_rs::Table::new(rows).set_grid(widths).width(TEXT_W as usize, WidthType::Dxa).layout(TableLayoutType::Fixed)
}

fn heat_map(m: &HeatMap) -> docx_rs::Table {
    let mut header = vec![cell(&m.corner, true, None, 14)];
    header.extend(m.labels.iter().map(|l| cell(l, true, None, 14)));
    let mut rows = vec![TableRow::new(header).cant_split()];
    for (label, cells) in m.labels.iter().zip(&m.cells) {
        let mut row = vec![cell(label, true, None, 14)];
        for c in cells {
            let fill = m.colour(c.count).trim_start_matches('#').to_uppercase();
            row.push(cell(&HeatMap::cell_text(c), false, (c.count > 0).then_some(fill.as_str()), 14));
        }
        rows.push(TableRow::new(row).cant_split());
    }
    let n = m.labels.len() + 1;
    docx_rs::Table::new(rows).set_grid(vec![TEXT_W as usize / n; n]).width(TEXT_W as usize, WidthType::Dxa)
}

/// The pixel size a PNG's header gives.
fn png_size(png: &[u8]) -> Option<(u32, u32)> {
    let w = u32::from_be_bytes(png.get(16..20)?.try_into().ok()?);
    let h = u32::from_be_bytes(png.get(20..24)?.try_into().ok()?);
    Some((w, h))
}

/// The `n`th picture of the report (from 1), `width_pt` points wide. Its id is numbered per
/// report: docx-rs would number pictures across the whole process, so a second report
/// differed from the first.
fn picture(png: Vec<u8>, (w, h): (u32, u32), width_pt: f64, n: usize) -> Paragraph {
    let emu = |pt: f64| (pt * 20.0 * EMU_PER_TWIP as f64) as u32;
    let height_pt = width_pt * h as f64 / w.max(1) as f64;
    let pic = Pic::new_with_dimensions(png, w, h).size(emu(width_pt), emu(height_pt)).id(format!("rIdImage{n}"));
    Paragraph::new().add_run(Run::new().add_image(pic)).align(AlignmentType::Center)
}

/// A figure's paragraphs: the whole picture fitted to the page, or its parts one per page at
/// the scale the PDF report uses, each with its caption, and the legend after them.
fn figure(d: Docx, f: &Figure, pictures: &mut usize, lang: crate::model::Lang) -> Result<Docx> {
    let text_w = TEXT_W as f64 / 20.0;
    let text_h = (PAGE_H - 2 * MARGIN) as f64 / 20.0 - 60.0;
    let caption = |text: &str| para(text).style("Caption").align(AlignmentType::Center);
    if f.parts.is_empty() {
        let (png, w, h) = f.png()?;
        let s = (text_w / f.width.max(1.0)).min(text_h * 0.66 / f.height.max(1.0)).min(1.0);
        *pictures += 1;
        return Ok(d.add_paragraph(picture(png, (w, h), f.width * s, *pictures)).add_paragraph(caption(&f.caption)));
    }
    let mut d = d;
    if let Some(o) = &f.overview {
        let png = crate::diagram::raster::png(&o.svg, 2.0)?;
        let size = png_size(&png).unwrap_or(((o.width * 2.0).ceil() as u32, (o.height * 2.0).ceil() as u32));
        let s = (text_w / o.width.max(1.0)).min(text_h * 0.8 / o.height.max(1.0)).min(1.0);
        *pictures += 1;
        let text = format!("{} – {}", f.caption, super::tr(lang, "oversikt", "overview"));
        d = d.add_paragraph(picture(png, size, o.width * s, *pictures)).add_paragraph(caption(&text));
    }
    let s = super::pdf::scale(f);
    for (k, p) in f.parts.iter().enumerate() {
        let png = if p.png.is_empty() { crate::diagram::raster::png(&p.svg, 2.0)? } else { p.png.clone() };
        let size = png_size(&png).unwrap_or(((p.width * 2.0).ceil() as u32, (p.height * 2.0).ceil() as u32));
        *pictures += 1;
        let text = super::pdf::part_caption(f, p, lang);
        d = d.add_paragraph(picture(png, size, p.width * s, *pictures).page_break_before(k > 0 || f.overview.is_some())).add_paragraph(caption(&text));
    }
    if let Some(l) = &f.legend {
        let png = crate::diagram::raster::png(&l.svg, 2.0)?;
        *pictures += 1;
        d = d.add_paragraph(picture(png, ((l.width * 2.0).ceil() as u32, (l.height * 2.0).ceil() as u32), l.width * s, *pictures));
    }
    Ok(d)
}

fn styles(d: Docx) -> Docx {
    let heading = |id: &str, name: &str, size: usize, level: usize| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .size(size)
            .bold()
            .color("00695C")
            .outline_lvl(level)
            .next("Normal")
            .line_spacing(LineSpacing::new().before(if level == 0 { 0 } else { 240 }).after(80))
    };
    d.add_style(Style::new("Normal", StyleType::Paragraph).name("Normal").size(20))
        .add_style(heading("Heading1", "Heading 1", 36, 0))
        .add_style(heading("Heading2", "Heading 2", 30, 1))
        .add_style(heading("Heading3", "Heading 3", 24, 2))
        .add_style(heading("Heading4", "Heading 4", 21, 3))
        .add_style(heading("Heading5", "Heading 5", 20, 4))
        .add_style(Style::new("Caption", StyleType::Paragraph).name("Caption").size(18).italic())
}

/// The Word document's bytes.
pub fn render(report: &Report) -> Result<Vec<u8>> {
    let mut d = styles(Docx::new())
        .page_size(PAGE_W, PAGE_H)
        .page_margin(PageMargin::new().top(MARGIN as i32).bottom(MARGIN as i32).left(MARGIN as i32).right(MARGIN as i32))
        .default_fonts(RunFonts::new().ascii("Calibri").hi_ansi("Calibri").cs("Calibri"))
        .default_size(20);
    let mut pictures = 0;
    for b in &report.blocks {
        d = match b {
            Block::Heading { level, text } => {
                let style = format!("Heading{}", (*level).clamp(1, 5));
                d.add_paragraph(para(text).style(&style).keep_next(true))
            }
            Block::Paragraph(text) => d.add_paragraph(para(text)),
            Block::Table(t) => d.add_table(table(t)).add_paragraph(Paragraph::new()),
            Block::HeatMap(m) => d
                .add_table(heat_map(m))
                .add_paragraph(Paragraph::new())
                .add_paragraph(para(tr(report.lang, "Fargen viser antall behov: jo mørkere, jo flere.", "The colour shows the number of needs: the darker, the more.")).style("Caption")),
            Block::Figure(f) => figure(d, f, &mut pictures, report.lang)?,
        };
    }
    let mut out = std::io::Cursor::new(Vec::new());
    d.build().pack(&mut out).map_err(|e| CoreError::new(ErrorCode::Io, format!("the Word document could not be written: {e}")))?;
    super::docx_package::finish(out.into_inner(), report)
}
