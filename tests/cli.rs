//! The `carepath` command as a user runs it: exit codes, stdout for data, stderr for
//! diagnostics that name the file, and no change to existing files on bad input.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn carepath(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_carepath")).args(args).output().expect("carepath runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn dir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

fn p(d: &Path, name: &str) -> PathBuf {
    d.join(name)
}

#[test]
fn new_from_template_then_info_validate_export_import() {
    let d = dir();
    let file = p(d.path(), "kols.carepath");
    let f = file.to_str().unwrap();
    let out = carepath(&["new", f, "--template", "copd", "--title", "KOLS – Ålesund"]);
    assert!(out.status.success(), "{}", text(&out.stderr));

    let out = carepath(&["info", f]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let info = text(&out.stdout);
    assert!(info.contains("KOLS – Ålesund"), "{info}");
    assert!(info.contains("Nå-situasjon") && info.contains("Ønsket forløp"), "{info}");

    let out = carepath(&["info", f, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["variants"][0]["steps"].as_u64().unwrap() >= 20);

    let out = carepath(&["validate", f]);
    assert_eq!(out.status.code(), Some(0), "{}{}", text(&out.stdout), text(&out.stderr));
    assert!(text(&out.stderr).contains("kols.carepath: 0 feil, 0 advarsel/advarsler, 3 merknad(er)"), "{}", text(&out.stderr));
    let out = carepath(&["validate", f, "--lang", "en"]);
    assert!(text(&out.stderr).contains("kols.carepath: 0 error(s), 0 warning(s), 3 note(s)"), "{}", text(&out.stderr));
    assert!(text(&out.stdout).starts_with("info: partly-met-need-in-desired [Ønsket forløp]: Need '"), "{}", text(&out.stdout));

    let out = carepath(&["validate", f, "--format", "json", "--lang", "en"]);
    let findings: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(findings.is_array());

    let json = p(d.path(), "kols.json");
    let out = carepath(&["export", f, "--format", "json", "-o", json.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout_json = carepath(&["export", f, "--format", "json"]).stdout;
    assert_eq!(std::fs::read(&json).unwrap(), stdout_json);

    let copy = p(d.path(), "copy.carepath");
    let out = carepath(&["import", json.to_str().unwrap(), "-o", copy.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let again = carepath(&["export", copy.to_str().unwrap(), "--format", "json"]).stdout;
    assert_eq!(again, stdout_json, "import → export is byte-identical");
}

#[test]
fn validate_exits_1_on_errors_and_2_on_unreadable_files() {
    let d = dir();
    // a document whose only variant has a cycle with no start and no end
    let file = p(d.path(), "broken.carepath");
    let json = p(d.path(), "broken.json");
    let doc = carepath::sample::generate(10);
    let mut value: serde_json::Value = serde_json::from_str(&carepath::export::json::to_json(&doc)).unwrap();
    for s in value["document"]["variants"][0]["steps"].as_array_mut().unwrap() {
        s["kind"] = "activity".into();
    }
    std::fs::write(&json, serde_json::to_string(&value).unwrap()).unwrap();
    assert!(carepath(&["import", json.to_str().unwrap(), "-o", file.to_str().unwrap()]).status.success());
    let out = carepath(&["validate", file.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    assert!(text(&out.stdout).contains("no-start"), "{}", text(&out.stdout));

    let missing = p(d.path(), "nope.carepath");
    let out = carepath(&["validate", missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("nope.carepath"), "{}", text(&out.stderr));

    let junk = p(d.path(), "junk.carepath");
    std::fs::write(&junk, b"this is not a database at all, just some words").unwrap();
    let out = carepath(&["validate", junk.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("junk.carepath"), "{}", text(&out.stderr));
    assert_eq!(std::fs::read(&junk).unwrap(), b"this is not a database at all, just some words");
}

#[test]
fn import_refuses_bad_json_and_never_overwrites() {
    let d = dir();
    let target = p(d.path(), "existing.carepath");
    assert!(carepath(&["new", target.to_str().unwrap()]).status.success());
    let before = std::fs::read(&target).unwrap();

    let bad_utf8 = p(d.path(), "bad.json");
    std::fs::write(&bad_utf8, [b'{', 0xff, 0xfe, b'}']).unwrap();
    let out = carepath(&["import", bad_utf8.to_str().unwrap(), "-o", p(d.path(), "x.carepath").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("bad.json") && text(&out.stderr).contains("UTF-8"), "{}", text(&out.stderr));
    assert!(!p(d.path(), "x.carepath").exists());

    let good = p(d.path(), "good.json");
    std::fs::write(&good, carepath::export::json::to_json(&carepath::sample::generate(5))).unwrap();
    let out = carepath(&["import", good.to_str().unwrap(), "-o", target.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("existing.carepath"), "{}", text(&out.stderr));
    assert_eq!(std::fs::read(&target).unwrap(), before, "existing file untouched");
}

#[test]
fn every_command_has_help_and_templates_are_listed() {
    for cmd in ["new", "info", "validate", "export", "import", "templates", "schema"] {
        let out = carepath(&[cmd, "--help"]);
        assert!(out.status.success(), "{cmd} --help");
        assert!(text(&out.stdout).contains("Usage: carepath"), "{cmd}");
    }
    let out = carepath(&["templates"]);
    let listed = text(&out.stdout);
    assert!(listed.contains("copd\tDigital hjemmeoppfølging – KOLS\tDigital home follow-up – COPD"), "{listed}");
    assert!(listed.contains("heart-failure\tDigital hjemmeoppfølging – hjertesvikt\tDigital home follow-up – heart failure"), "{listed}");
    assert!(listed.contains("diabetes-type-2\t") && listed.contains("frail-elderly\t"), "{listed}");
    let out = carepath(&["export", "x.carepath", "--format", "pdfx"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn new_and_import_into_a_missing_folder_name_the_file_and_the_folder() {
    let d = dir();
    let target = p(d.path(), "borte/kols.carepath");
    let out = carepath(&["new", target.to_str().unwrap(), "--template", "copd"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("borte/kols.carepath: cannot create the file: the folder"), "{err}");
    assert!(err.contains("does not exist") && !err.contains(".kols.carepath."), "{err}");
    assert!(out.stdout.is_empty());

    let json = p(d.path(), "k.json");
    std::fs::write(&json, carepath::export::json::to_json(&carepath::sample::generate(5))).unwrap();
    let out = carepath(&["import", json.to_str().unwrap(), "-o", target.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("borte/kols.carepath: cannot create the file"), "{}", text(&out.stderr));
    assert_eq!(std::fs::read_dir(d.path()).unwrap().count(), 1, "nothing but the JSON was written");
}

#[test]
fn export_and_report_never_write_over_a_carepath_document() {
    let d = dir();
    let (a, b) = (p(d.path(), "a.carepath"), p(d.path(), "b.carepath"));
    assert!(carepath(&["new", a.to_str().unwrap(), "--template", "copd"]).status.success());
    assert!(carepath(&["new", b.to_str().unwrap()]).status.success());
    let before = std::fs::read(&b).unwrap();
    for args in [
        vec!["export", a.to_str().unwrap(), "--format", "json", "-o", b.to_str().unwrap()],
        vec!["export", a.to_str().unwrap(), "--format", "svg", "-o", b.to_str().unwrap()],
        vec!["export", a.to_str().unwrap(), "--format", "csv", "-o", b.to_str().unwrap()],
        vec!["report", a.to_str().unwrap(), "--format", "html", "-o", b.to_str().unwrap()],
    ] {
        let out = carepath(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(text(&out.stderr).contains("b.carepath: is a Carepath document"), "{}", text(&out.stderr));
        assert_eq!(std::fs::read(&b).unwrap(), before, "{args:?} left the document alone");
    }
    // an ordinary file is replaced as before
    let json = p(d.path(), "a.json");
    std::fs::write(&json, b"old").unwrap();
    assert!(carepath(&["export", a.to_str().unwrap(), "--format", "json", "-o", json.to_str().unwrap()]).status.success());
    assert!(std::fs::read_to_string(&json).unwrap().starts_with("{"));
}

#[test]
fn new_refuses_a_title_longer_than_any_edit_allows() {
    let d = dir();
    let file = p(d.path(), "lang.carepath");
    let title = "x".repeat(2001);
    let out = carepath(&["new", file.to_str().unwrap(), "--title", &title]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("lang.carepath: metadata: title is 2001 characters long; at most 2000"), "{err}");
    assert!(!file.exists());
    assert!(carepath(&["new", file.to_str().unwrap(), "--title", &title[..2000]]).status.success());
}

#[test]
fn info_layout_measures_every_variant_with_no_overlaps() {
    let d = dir();
    let file = p(d.path(), "kols.carepath");
    let f = file.to_str().unwrap();
    assert!(carepath(&["new", f, "--template", "copd"]).status.success());
    let out = carepath(&["info", f, "--layout", "--format", "json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 2);
    // the desired pathway routes data through four system actors' steps more
    for (v, steps) in list.iter().zip([39, 43]) {
        let m = &v["measures"];
        assert_eq!(m["steps"], steps, "{v}");
        for k in ["shapes", "label_on_shape", "labels", "label_on_line", "line_through_shape"] {
            assert_eq!(m["overlaps"][k], 0, "{k}: {v}");
        }
        let (w, h) = (m["width"].as_f64().unwrap(), m["height"].as_f64().unwrap());
        assert!((m["aspect"].as_f64().unwrap() - w / h).abs() < 1e-9);
        assert!(m["crossings"].as_u64().is_some() && m["bends"].as_u64().unwrap() > 0);
        // the overview wraps the strip into rows no wider than 3 : 1
        let o = v["overview"]["aspect"].as_f64().unwrap();
        assert!(w / h > 3.0 && (1.0..=3.0).contains(&o), "{v}");
        // and that is what export draws for such a strip
        assert_eq!(v["export_draws"], "overview", "{v}");
    }
    let out = carepath(&["info", f, "--layout", "--variant", "Ønsket forløp", "--vertical"]);
    let t = text(&out.stdout);
    assert!(out.status.success() && t.starts_with("Ønsket forløp\n") && t.contains("aspect ratio: ") && !t.contains("Nå-situasjon"), "{t}");
    assert!(t.contains("export draws: the whole drawing"), "a vertical drawing is drawn whole: {t}");
    let out = carepath(&["info", f, "--layout", "--variant", "Finnes ikke"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("kols.carepath"), "{}", text(&out.stderr));
}

#[test]
fn new_without_a_template_is_blank_with_an_optional_skeleton() {
    let d = dir();
    let blank = p(d.path(), "blank.carepath");
    assert!(carepath(&["new", blank.to_str().unwrap(), "--title", "Hjertesvikt"]).status.success());
    let doc = carepath::store::read(&blank).unwrap();
    assert_eq!(doc.metadata.title, "Hjertesvikt");
    assert_eq!((doc.actors.len(), doc.phases.len(), doc.variants.len()), (0, 0, 1));
    assert_eq!(doc.variants[0].step_count(), 0);
    assert!(!doc.info_types.is_empty(), "the default information catalogue");

    let skeleton = p(d.path(), "skeleton.carepath");
    let out = carepath(&["new", skeleton.to_str().unwrap(), "--skeleton", "--lang", "en"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let doc = carepath::store::read(&skeleton).unwrap();
    assert_eq!((doc.actors.len(), doc.phases.len()), (4, 4));
    assert_eq!((doc.metadata.title.as_str(), doc.variants[0].name.as_str()), ("New service pathway", "Current pathway"));

    // a skeleton is for blank documents only
    let out = carepath(&["new", p(d.path(), "x.carepath").to_str().unwrap(), "--template", "copd", "--skeleton"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!p(d.path(), "x.carepath").exists());
}
