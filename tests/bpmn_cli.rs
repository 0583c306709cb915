//! The CLI's BPMN paths: `export --format bpmn [--variant NAME]` and `import FILE.bpmn`,
//! which prints the import report on standard error.

use std::path::Path;
use std::process::Command;

fn carepath(args: &[&str], dir: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_carepath")).args(args).current_dir(dir).output().unwrap()
}

#[test]
fn export_a_variant_to_bpmn_and_import_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(carepath(&["new", "kols.carepath", "--template", "copd"], d).status.success());
    let out = carepath(&["export", "kols.carepath", "--format", "bpmn", "--variant", "ønsket forløp", "-o", "kols.bpmn"], d);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let xml = std::fs::read_to_string(d.join("kols.bpmn")).unwrap();
    assert!(xml.contains("name=\"Ønsket forløp\""));
    let out = carepath(&["import", "kols.bpmn", "-o", "tilbake.carepath"], d);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("(0 not imported, 0 approximated)"));
    let json = carepath(&["export", "tilbake.carepath", "--format", "json"], d);
    assert!(String::from_utf8_lossy(&json.stdout).contains("\"Ønsket forløp\""));

    // without --variant every variant goes into the file, and the whole document comes back
    let out = carepath(&["export", "kols.carepath", "--format", "bpmn", "-o", "alle.bpmn"], d);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = carepath(&["import", "alle.bpmn", "-o", "alle.carepath"], d);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let original = carepath(&["export", "kols.carepath", "--format", "json"], d).stdout;
    let back = carepath(&["export", "alle.carepath", "--format", "json"], d).stdout;
    assert!(!original.is_empty());
    assert!(original == back, "the canonical JSON differs after the BPMN round trip");

    let out = carepath(&["export", "kols.carepath", "--format", "bpmn", "--variant", "finnes ikke"], d);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Nå-situasjon"));
}

#[test]
fn import_reports_what_it_left_out_and_names_the_file_on_errors() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bpmn/two-pools.bpmn");
    let out = carepath(&["import", fixture.to_str().unwrap(), "-o", "to.carepath"], d);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("two-pools.bpmn:57:5: not imported: dataStore 'Ikke her' (ds_inner): no Carepath counterpart"), "{err}");
    assert!(err.contains("(4 not imported, 4 approximated)"), "{err}");
    std::fs::write(d.join("ond.bpmn"), "<!DOCTYPE x><definitions/>").unwrap();
    let out = carepath(&["import", "ond.bpmn", "-o", "ond.carepath"], d);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("ond.bpmn: line 1, column 1: the file has a DOCTYPE"));
    assert!(!d.join("ond.carepath").exists());
}
