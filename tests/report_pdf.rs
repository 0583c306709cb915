//! The typeset PDF report read back by real readers: pdftotext finds every section, every need
//! and user text with markup characters intact; pdffonts finds every font embedded; pdfinfo
//! finds A4 pages and the document's properties. The Word report opened and saved again by
//! LibreOffice keeps its repeated header rows and its properties. Needs poppler-utils and
//! LibreOffice (scripts/install-deps.sh --test).

#[path = "support/report_doc.rs"]
mod report_doc;

use carepath::model::Lang;
use carepath::report::{self, ReportFormat, ReportOptions};
use report_doc::*;
use std::path::Path;
use std::process::Command;

fn poppler(tool: &str, args: &[&str], file: &Path) -> String {
    let run = Command::new(tool)
        .args(args)
        .arg(file)
        .args(if tool == "pdftotext" { vec!["-"] } else { vec![] })
        .output()
        .unwrap_or_else(|_| panic!("{tool} is needed to read the PDF back: apt-get install poppler-utils (scripts/install-deps.sh --test)"));
    assert!(run.status.success(), "{tool} failed on {}: {}", file.display(), String::from_utf8_lossy(&run.stderr));
    String::from_utf8(run.stdout).unwrap()
}

#[test]
fn pdf_report_has_every_section_the_user_text_and_embedded_fonts() {
    let doc = copd_with_tricky_text();
    let dir = out_dir("report-pdf");
    let pdf = dir.join("kols.pdf");
    report::write(&doc, &ReportOptions::new(ReportFormat::Pdf, Lang::Nb), &pdf).unwrap();

    let text = squeeze(&poppler("pdftotext", &["-enc", "UTF-8"], &pdf));
    for label in [
        "Digital hjemmeoppfølging – KOLS",
        "Innhold",
        "Normeringsnivå",
        "Sammendrag",
        "Nå-situasjon",
        "Ønsket forløp",
        "Steg per fase",
        "Analyse av informasjonsbehov",
        "Behov per rolle",
        "Deling mellom aktører",
        "Valideringsfunn",
        "Pasient og pårørende",
        "Tegnforklaring",
    ] {
        assert!(text.contains(label), "the PDF lacks {label:?}");
    }
    for phase in &doc.phases {
        assert!(text.contains(&format!("Ønsket forløp – {}", phase.name)), "no figure of the phase {:?}", phase.name);
    }
    for title in need_titles(&doc) {
        assert!(text.contains(&squeeze(&title)), "the PDF lacks the need {title:?}");
    }
    assert!(text.contains(&squeeze(TRICKY)), "the user text is not intact in the PDF");

    let fonts = poppler("pdffonts", &[], &pdf);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{fonts}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        // name, type (may be two words), encoding, emb, sub, uni, object id
        assert_eq!(cols[cols.len() - 5], "yes", "a font is not embedded: {row}");
    }

    let info = poppler("pdfinfo", &[], &pdf);
    assert!(info.contains("Page size:       595.276 x 841.89 pts (A4)"), "{info}");
    assert!(info.contains("Title:           Digital hjemmeoppfølging – KOLS"), "{info}");
    let pages: usize = info.lines().find_map(|l| l.strip_prefix("Pages:")).unwrap().trim().parse().unwrap();
    assert!(pages >= 20, "{pages} pages");
    // page numbers in the footer: the last page carries its number
    let last = poppler("pdftotext", &["-f", &pages.to_string(), "-l", &pages.to_string()], &pdf);
    assert!(last.trim_end().ends_with(&pages.to_string()), "{last}");
}

#[test]
fn pdf_report_is_the_same_run_after_run_and_speaks_english_when_asked() {
    let doc = carepath::template::load("copd").unwrap();
    let a = report::render(&doc, &ReportOptions::new(ReportFormat::Pdf, Lang::Nb)).unwrap().main;
    let b = report::render(&doc, &ReportOptions::new(ReportFormat::Pdf, Lang::Nb)).unwrap().main;
    assert!(a.starts_with(b"%PDF-"));
    assert!(a == b, "two runs gave different bytes");
    let dir = out_dir("report-pdf-en");
    let pdf = dir.join("copd.pdf");
    report::write(&doc, &ReportOptions::new(ReportFormat::Pdf, Lang::En), &pdf).unwrap();
    let text = squeeze(&poppler("pdftotext", &["-enc", "UTF-8"], &pdf));
    for label in ["Contents", "Summary", "Information-needs analysis", "Needs per role", "Legend"] {
        assert!(text.contains(label), "the English PDF lacks {label:?}");
    }
}

#[test]
fn word_report_keeps_header_rows_and_properties_through_libreoffice() {
    let doc = carepath::template::load("copd").unwrap();
    let dir = out_dir("report-docx-props");
    let docx = dir.join("kols.docx");
    report::write(&doc, &ReportOptions::new(ReportFormat::Docx, Lang::Nb), &docx).unwrap();
    // LibreOffice reads the file and writes it again as Word: what survives, it understood
    let out = dir.join("again");
    std::fs::create_dir_all(&out).unwrap();
    let again = libreoffice(&docx, "docx:MS Word 2007 XML", "docx", &out);
    let part = |name: &str| {
        let file = std::fs::File::open(&again).unwrap();
        let mut zip = zip::ZipArchive::new(file).unwrap();
        let mut s = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut s).unwrap();
        s
    };
    let body = part("word/document.xml");
    let headers = body.matches("<w:tblHeader").count();
    assert!(headers >= 10, "{headers} header rows");
    let core = part("docProps/core.xml");
    assert!(core.contains("Digital hjemmeoppfølging – KOLS"), "{core}");
    assert!(core.contains(&doc.metadata.owners[0]), "{core}");
    assert!(core.contains("nb-NO"), "{core}");
    let year = doc.metadata.created.0.format("%Y").to_string();
    assert!(core.contains(&format!("<dcterms:created xsi:type=\"dcterms:W3CDTF\">{year}")), "{core}");
}
