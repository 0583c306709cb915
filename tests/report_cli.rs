//! `carepath report` and `carepath export --format csv|xlsx`: the files they write, the
//! variants and language chosen, and errors that name the file and never touch the input.

#[path = "support/report_doc.rs"]
mod report_doc;

use carepath::store::Session;
use report_doc::out_dir;
use std::process::{Command, Output};

fn carepath(args: &[&str], dir: &std::path::Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_carepath")).args(args).current_dir(dir).output().unwrap()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn report_and_register_commands_write_their_files() {
    let dir = out_dir("report-cli");
    Session::create(&dir.join("kols.carepath"), carepath::template::load("copd").unwrap()).unwrap();
    let o = carepath(&["report", "kols.carepath", "--format", "md", "-o", "side/kols.md"], &dir);
    assert!(o.status.success(), "{}", err(&o));
    assert!(dir.join("side/img/tjenesteforlop-na-situasjon.png").exists());
    let md = std::fs::read_to_string(dir.join("side/kols.md")).unwrap();
    assert!(md.starts_with("# Digital hjemmeoppfølging – KOLS\n\n| Status | Versjon | Modenhet | Normeringsnivå |"));

    let o = carepath(&["report", "kols.carepath", "--format", "html", "--variant", "Ønsket forløp", "--lang", "en", "-o", "kols.html"], &dir);
    assert!(o.status.success(), "{}", err(&o));
    let html = std::fs::read_to_string(dir.join("kols.html")).unwrap();
    assert!(html.contains("<html lang=\"en\">") && html.contains("Information-needs analysis"));
    assert_eq!(html.matches("<figure").count(), 1, "only the chosen variant");
    assert!(!html.contains("Steg per fase"));

    let o = carepath(&["report", "kols.carepath", "--format", "docx", "-o", "kols.docx"], &dir);
    assert!(o.status.success(), "{}", err(&o));
    assert!(std::fs::read(dir.join("kols.docx")).unwrap().starts_with(b"PK"));

    let o = carepath(&["report", "kols.carepath", "--format", "pdf", "--variant", "Ønsket forløp", "-o", "kols.pdf"], &dir);
    assert!(o.status.success(), "{}", err(&o));
    let pdf = std::fs::read(dir.join("kols.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-") && pdf.len() > 50_000);

    let o = carepath(&["export", "kols.carepath", "--format", "xlsx", "-o", "behov.xlsx"], &dir);
    assert!(o.status.success(), "{}", err(&o));
    let o = carepath(&["export", "kols.carepath", "--format", "csv", "--variant", "Nå-situasjon", "--lang", "en"], &dir);
    assert!(o.status.success(), "{}", err(&o));
    let csv = String::from_utf8(o.stdout).unwrap();
    assert!(csv.trim_start_matches('\u{feff}').starts_with("Variant,No.,Information need,"));
    assert!(csv.lines().skip(1).all(|l| !l.starts_with("Ønsket forløp")));
}

#[test]
fn report_errors_name_the_file_and_keep_the_input() {
    let dir = out_dir("report-cli-errors");
    let file = dir.join("kols.carepath");
    Session::create(&file, carepath::template::load("copd").unwrap()).unwrap();
    let before = std::fs::read(&file).unwrap();
    let o = carepath(&["report", "kols.carepath", "--format", "html", "-o", "kols.carepath"], &dir);
    assert!(!o.status.success());
    assert!(err(&o).contains("kols.carepath") && err(&o).contains("overwrite the input"), "{}", err(&o));
    let o = carepath(&["export", "kols.carepath", "--format", "csv", "-o", "./kols.carepath"], &dir);
    assert!(!o.status.success() && err(&o).contains("overwrite the input"), "{}", err(&o));
    assert_eq!(std::fs::read(&file).unwrap(), before, "the input is untouched");
    let o = carepath(&["report", "kols.carepath", "--format", "md", "--variant", "Finnes ikke", "-o", "x.md"], &dir);
    assert!(!o.status.success() && err(&o).contains("kols.carepath") && err(&o).contains("Finnes ikke"), "{}", err(&o));
    let o = carepath(&["report", "mangler.carepath", "--format", "md", "-o", "x.md"], &dir);
    assert!(!o.status.success() && err(&o).contains("mangler.carepath"), "{}", err(&o));
    assert!(!dir.join("x.md").exists());
}
