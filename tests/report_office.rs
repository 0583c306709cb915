//! The Word report and the XLSX and CSV needs register read back by real readers: LibreOffice
//! headless turns the DOCX into PDF (read with pdftotext) and the XLSX into CSV; Python's csv
//! module reads the CSV. Labels with æ ø å, every need, and user text with markup characters
//! come back intact. Needs LibreOffice and poppler-utils (scripts/install-deps.sh --test).

#[path = "support/report_doc.rs"]
mod report_doc;

use carepath::model::Lang;
use carepath::report::{self, ReportFormat, ReportOptions};
use report_doc::*;
use std::process::Command;

#[test]
fn docx_report_converts_to_pdf_with_labels_needs_and_user_text() {
    let doc = copd_with_tricky_text();
    let dir = out_dir("report-docx");
    let docx = dir.join("kols.docx");
    report::write(&doc, &ReportOptions::new(ReportFormat::Docx, Lang::Nb), &docx).unwrap();
    let pdf = libreoffice(&docx, "pdf", "pdf", &dir);
    let run = Command::new("pdftotext").arg("-enc").arg("UTF-8").arg(&pdf).arg("-").output().expect("pdftotext is needed (poppler-utils)");
    assert!(run.status.success());
    let text = squeeze(&String::from_utf8(run.stdout).unwrap());
    for label in ["Digital hjemmeoppfølging – KOLS", "Normeringsnivå", "Informasjonsbehov", "Samhandlingsform", "Når og hvor lenge", "Nå-situasjon", "Ønsket forløp", "Behov per rolle", "Prioritet / tidsperspektiv", "Deling mellom aktører", "Valideringsfunn", "Pasient og pårørende"] {
        assert!(text.contains(label), "the PDF lacks {label:?}");
    }
    for title in need_titles(&doc) {
        assert!(text.contains(&squeeze(&title)), "the PDF lacks the need {title:?}");
    }
    assert!(text.contains(&squeeze(TRICKY)), "the user text is not intact in the PDF");
    // the pictures are in the file: one per variant
    let pages = Command::new("pdfimages").arg("-list").arg(&pdf).output().unwrap();
    let images = String::from_utf8_lossy(&pages.stdout).lines().skip(2).filter(|l| l.contains("image")).count();
    assert!(images >= doc.variants.len(), "{images} pictures in the PDF");
    println!("PDF of the Word report: {}", pdf.display());
}

#[test]
fn xlsx_register_reads_back_in_libreoffice_with_every_need() {
    let doc = copd_with_tricky_text();
    let dir = out_dir("report-xlsx");
    let xlsx = dir.join("behov.xlsx");
    report::write(&doc, &ReportOptions::new(ReportFormat::Xlsx, Lang::Nb), &xlsx).unwrap();
    // 44 = comma, 34 = double quote, 76 = UTF-8
    let csv = libreoffice(&xlsx, "csv:Text - txt - csv (StarCalc):44,34,76", "csv", &dir);
    let rows = python_csv(&csv);
    check_register(&doc, &rows);
}

#[test]
fn csv_register_reads_back_with_every_need_and_field() {
    let doc = copd_with_tricky_text();
    let dir = out_dir("report-csv");
    let file = dir.join("behov.csv");
    report::write(&doc, &ReportOptions::new(ReportFormat::Csv, Lang::Nb), &file).unwrap();
    let rows = python_csv(&file);
    check_register(&doc, &rows);
    let en = report::render(&doc, &ReportOptions::new(ReportFormat::Csv, Lang::En)).unwrap().main;
    assert!(String::from_utf8(en).unwrap().contains("Variant,No.,Information need,Information service,What,Why"));
}

fn check_register(doc: &carepath::model::Document, rows: &[Vec<String>]) {
    let header = &rows[0];
    assert_eq!(&header[..5], ["Variant", "Nr.", "Informasjonsbehov", "Informasjonstjeneste", "Hva"]);
    assert!(rows[1..].iter().all(|r| r[1].starts_with('B') && r[1][1..].parse::<u32>().is_ok()), "every need has its number");
    assert!(header.iter().any(|h| h == "Tidsperspektiv") && header.iter().any(|h| h == "Funksjonelle krav"));
    let total: usize = doc.variants.iter().map(|v| v.need_count()).sum();
    assert_eq!(rows.len(), total + 1, "one row per need");
    let title = header.iter().position(|h| h == "Informasjonsbehov").unwrap();
    let mut titles: Vec<&str> = rows[1..].iter().map(|r| r[title].as_str()).collect();
    let mut expected = need_titles(doc);
    titles.sort();
    expected.sort();
    assert_eq!(titles, expected);
    let what = header.iter().position(|h| h == "Hva").unwrap();
    assert!(rows.iter().any(|r| r[what] == format!("Hva: {TRICKY}")), "the user text is not intact");
    assert!(rows[1..].iter().any(|r| r[0] == "Ønsket forløp"));
}

#[test]
fn csv_register_opened_in_libreoffice_runs_no_user_formula() {
    let mut doc = carepath::template::load("copd").unwrap();
    let v = &doc.variants[0];
    let mut need = v.needs().min_by_key(|n| n.id).unwrap().clone();
    need.why = "=1+1".to_string();
    need.notes = "+47 1+2".to_string();
    let variant = v.id;
    carepath::edit::apply(&mut doc, carepath::edit::Edit::UpdateNeed { variant, need }).unwrap();
    let dir = out_dir("report-csv-formula");
    let file = dir.join("behov.csv");
    report::write(&doc, &ReportOptions::new(ReportFormat::Csv, Lang::Nb), &file).unwrap();
    // through a spreadsheet and back: LibreOffice evaluates an unguarded "=1+1" to 2
    let xlsx = libreoffice(&file, "xlsx", "xlsx", &dir);
    let back_dir = dir.join("back");
    std::fs::create_dir_all(&back_dir).unwrap();
    let csv = libreoffice(&xlsx, "csv:Text - txt - csv (StarCalc):44,34,76", "csv", &back_dir);
    let rows = python_csv(&csv);
    let cells: Vec<&str> = rows.iter().flatten().map(String::as_str).collect();
    assert!(cells.contains(&"'=1+1"), "the formula-like text did not stay text: {:?}", rows.get(1));
    assert!(cells.contains(&"'+47 1+2"));
    assert!(!cells.contains(&"2"), "a cell was evaluated as a formula");
}
