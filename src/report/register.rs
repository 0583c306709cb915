//! The needs register: one row per data-sharing need with every field, as CSV (UTF-8 with a
//! byte-order mark so spreadsheet programs read æ ø å right) or as an XLSX workbook with a
//! bold header row, filters, a frozen header and column widths.
//!
//! A CSV cell that a spreadsheet would read as a formula (it starts with `=`, `+`, `-`, `@`,
//! a tab or a carriage return) gets a leading apostrophe, so opening the register never runs
//! user text as a formula. The XLSX register writes every cell as text and needs no guard.

use super::needs::{register, REGISTER_WIDTHS};
use super::tr;
use crate::error::{CoreError, ErrorCode, Result};
use crate::model::{Document, Lang, Variant};
use rust_xlsxwriter::{Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook};

/// The register as CSV bytes.
pub fn csv(doc: &Document, variants: &[&Variant], lang: Lang) -> Result<Vec<u8>> {
    let t = register(doc, variants, lang);
    let fail = |e: &dyn std::fmt::Display| CoreError::new(ErrorCode::Io, format!("the CSV could not be written: {e}"));
    let mut w = ::csv::WriterBuilder::new().terminator(::csv::Terminator::CRLF).from_writer(b"\xEF\xBB\xBF".to_vec());
    w.write_record(&t.columns).map_err(|e| fail(&e))?;
    for r in &t.rows {
        w.write_record(r.iter().map(|cell| guard_formula(cell).into_owned())).map_err(|e| fail(&e))?;
    }
    w.into_inner().map_err(|e| fail(&e))
}

/// `cell` with a leading apostrophe when a spreadsheet would take it for a formula.
fn guard_formula(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

/// The register as XLSX bytes.
pub fn xlsx(doc: &Document, variants: &[&Variant], lang: Lang) -> Result<Vec<u8>> {
    let t = register(doc, variants, lang);
    let fail = |e: rust_xlsxwriter::XlsxError| CoreError::new(ErrorCode::Io, format!("the workbook could not be written: {e}"));
    let mut book = Workbook::new();
    // the workbook's own dates are the document's, so the same document gives the same bytes
    let modified = ExcelDateTime::from_timestamp(doc.metadata.modified.0.timestamp()).map_err(fail)?;
    book.set_properties(&DocProperties::new().set_title(&doc.metadata.title).set_creation_datetime(&modified));
    let sheet = book.add_worksheet();
    sheet.set_name(tr(lang, "Behovsregister", "Needs register")).map_err(fail)?;
    let head = Format::new().set_bold().set_background_color(Color::RGB(0xE4E7EB)).set_border_bottom(FormatBorder::Thin).set_text_wrap().set_align(FormatAlign::Top);
    let body = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    for (c, name) in t.columns.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, name, &head).map_err(fail)?;
        sheet.set_column_width(c as u16, REGISTER_WIDTHS.get(c).copied().unwrap_or(20.0)).map_err(fail)?;
    }
    for (r, row) in t.rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            // always as text: a need that starts with "=" is words, not a formula
            sheet.write_string_with_format(r as u32 + 1, c as u16, text, &body).map_err(fail)?;
        }
    }
    let last_col = t.columns.len().saturating_sub(1) as u16;
    sheet.autofilter(0, 0, t.rows.len() as u32, last_col).map_err(fail)?;
    sheet.set_freeze_panes(1, 0).map_err(fail)?;
    book.save_to_buffer().map_err(fail)
}

#[cfg(test)]
mod tests {
    use super::{guard_formula, xlsx};
    use crate::model::Lang;

    #[test]
    fn the_same_document_gives_the_same_workbook_bytes() {
        let doc = crate::template::load("copd").unwrap();
        let variants: Vec<_> = doc.variants.iter().collect();
        let first = xlsx(&doc, &variants, Lang::Nb).unwrap();
        // past a second boundary, where a clock in the file would show
        std::thread::sleep(std::time::Duration::from_millis(1100));
        assert!(first == xlsx(&doc, &variants, Lang::Nb).unwrap(), "the workbook changed between two runs");
    }

    #[test]
    fn the_same_document_gives_the_same_word_bytes() {
        use crate::report::{render, ReportFormat, ReportOptions};
        let doc = crate::template::load("copd").unwrap();
        let opts = ReportOptions::new(ReportFormat::Docx, Lang::Nb);
        let first = render(&doc, &opts).unwrap().main;
        std::thread::sleep(std::time::Duration::from_millis(1100));
        assert!(first == render(&doc, &opts).unwrap().main, "the Word file changed between two runs");
    }

    #[test]
    fn formula_starts_get_an_apostrophe_and_plain_text_does_not() {
        for cell in ["=HYPERLINK(\"http://x\")", "+47 1234", "-5 mg", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(guard_formula(cell), format!("'{cell}"));
        }
        for cell in ["Måling", "", "1 = 1", "'sitat'", "– tankestrek"] {
            assert_eq!(guard_formula(cell), cell);
        }
    }
}
