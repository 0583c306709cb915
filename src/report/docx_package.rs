//! The last touches to the Word package that docx-rs has no words for: the document's
//! properties (title, subject, owners as authors, created and modified, language), the
//! proofing language of the text, and header rows that repeat on every page a table runs
//! onto. The package is copied entry by entry with fixed timestamps, so the same report
//! gives the same bytes.

use super::content::Report;
use crate::error::{CoreError, ErrorCode, Result};
use crate::diagram::style::esc;
use crate::model::Lang;
use std::io::{Cursor, Read, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

fn broken(e: impl std::fmt::Display) -> CoreError {
    CoreError::new(ErrorCode::Io, format!("the Word document could not be written: {e}"))
}

/// The language tag Word and LibreOffice know.
pub fn language(lang: Lang) -> &'static str {
    match lang {
        Lang::Nb => "nb-NO",
        Lang::En => "en-GB",
    }
}

/// `docProps/core.xml` from the report's properties.
fn core(report: &Report) -> String {
    let p = &report.properties;
    let authors = esc(&p.authors.join("; "));
    format!(
        concat!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
            "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" ",
            "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" ",
            "xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">",
            "<dc:title>{title}</dc:title><dc:subject>{subject}</dc:subject><dc:creator>{authors}</dc:creator>",
            "<cp:lastModifiedBy>{authors}</cp:lastModifiedBy><dc:language>{lang}</dc:language><cp:revision>1</cp:revision>",
            "<dcterms:created xsi:type=\"dcterms:W3CDTF\">{created}</dcterms:created>",
            "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">{modified}</dcterms:modified>",
            "</cp:coreProperties>"
        ),
        title = esc(&report.title),
        subject = esc(&p.subject),
        authors = authors,
        lang = language(report.lang),
        created = esc(&p.created),
        modified = esc(&p.modified),
    )
}

/// The first row of every table becomes a header row, repeated on each page.
fn header_rows(xml: &str) -> String {
    let mut out = String::with_capacity(xml.len() + 1024);
    let mut rest = xml;
    while let Some(i) = rest.find("<w:tbl>") {
        let (head, tail) = rest.split_at(i);
        out.push_str(head);
        match tail.find("<w:trPr>") {
            Some(j) => {
                let at = j + "<w:trPr>".len();
                out.push_str(&tail[..at]);
                out.push_str("<w:tblHeader />");
                rest = &tail[at..];
            }
            None => {
                out.push_str(tail);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The default run properties carry the report's language, for hyphenation and proofing.
fn proofing_language(xml: &str, lang: Lang) -> String {
    let tag = format!("<w:lang w:val=\"{0}\" w:eastAsia=\"{0}\" w:bidi=\"{0}\" />", language(lang));
    match xml.find("<w:rPrDefault>").and_then(|i| xml[i..].find("</w:rPr>").map(|j| i + j)) {
        Some(at) => format!("{}{tag}{}", &xml[..at], &xml[at..]),
        None => xml.to_string(),
    }
}

/// Words are hyphenated by the language's rules where a column is too narrow for them, rather
/// than broken at any letter.
fn hyphenation(xml: &str) -> String {
    let tag = "<w:autoHyphenation />";
    match xml.find("<w:defaultTabStop").and_then(|i| xml[i..].find("/>").map(|j| i + j + 2)) {
        Some(at) => format!("{}{tag}{}", &xml[..at], &xml[at..]),
        None => xml.to_string(),
    }
}

/// The package with its properties, language and header rows set.
pub fn finish(package: Vec<u8>, report: &Report) -> Result<Vec<u8>> {
    let mut zin = ZipArchive::new(Cursor::new(package)).map_err(broken)?;
    let mut zout = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated).last_modified_time(zip::DateTime::default());
    for i in 0..zin.len() {
        let mut entry = zin.by_index(i).map_err(broken)?;
        let name = entry.name().to_string();
        let mut bytes = Vec::with_capacity(entry.size() as usize);
        entry.read_to_end(&mut bytes).map_err(broken)?;
        let bytes = match name.as_str() {
            "docProps/core.xml" => core(report).into_bytes(),
            "word/document.xml" => header_rows(&String::from_utf8_lossy(&bytes)).into_bytes(),
            "word/styles.xml" => proofing_language(&String::from_utf8_lossy(&bytes), report.lang).into_bytes(),
            "word/settings.xml" => hyphenation(&String::from_utf8_lossy(&bytes)).into_bytes(),
            _ => bytes,
        };
        zout.start_file(name, options).map_err(broken)?;
        zout.write_all(&bytes).map_err(broken)?;
    }
    Ok(zout.finish().map_err(broken)?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_row_of_each_table_repeats() {
        let xml = "<w:tbl><w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr><w:tr><w:trPr></w:trPr></w:tr></w:tbl><w:p/><w:tbl><w:tr><w:trPr></w:trPr></w:tr></w:tbl>";
        let out = header_rows(xml);
        assert_eq!(out.matches("<w:tblHeader />").count(), 2);
        assert!(out.starts_with("<w:tbl><w:tr><w:trPr><w:tblHeader /><w:cantSplit />"));
    }

    #[test]
    fn the_default_run_properties_name_the_language() {
        let xml = "<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val=\"20\" /></w:rPr></w:rPrDefault></w:docDefaults><w:rPr></w:rPr>";
        let out = proofing_language(xml, Lang::Nb);
        assert!(out.contains("<w:sz w:val=\"20\" /><w:lang w:val=\"nb-NO\""), "{out}");
        assert_eq!(out.matches("w:lang").count(), 1);
    }
}
