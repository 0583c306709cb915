//! `carepath diff` as a user runs it on real .carepath files: exit codes (0 same, 1 different,
//! 2 error), the three formats, the picture in three formats, and FILE:VARIANT parsing.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn carepath(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_carepath")).args(args).output().expect("carepath runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn copd(dir: &Path, name: &str) -> PathBuf {
    let f = dir.join(name);
    let out = carepath(&["new", f.to_str().unwrap(), "--template", "copd"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    f
}

#[test]
fn two_variants_of_one_file_differ_and_a_copy_is_equal() {
    let d = tempfile::tempdir().unwrap();
    let f = copd(d.path(), "kols.carepath");
    let f = f.to_str().unwrap();
    let now = format!("{f}:Nå-situasjon");
    let want = format!("{f}:Ønsket forløp");
    let out = carepath(&["diff", &now, &want]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let t = text(&out.stdout);
    assert!(t.starts_with("Endringer fra «Nå-situasjon» til «Ønsket forløp»"), "{t}");
    assert!(t.contains("+ Ser måleserier og trend i nasjonal målingstjeneste"), "{t}");
    assert!(t.contains("− Fører målinger og vurdering manuelt inn i EPJ"), "{t}");

    // the same variant of two files with the same content: equal
    let copy = d.path().join("kopi.carepath");
    std::fs::copy(f, &copy).unwrap();
    let out = carepath(&["diff", &want, &format!("{}:Ønsket forløp", copy.display())]);
    assert_eq!(out.status.code(), Some(0), "{}{}", text(&out.stdout), text(&out.stderr));
    assert!(text(&out.stdout).contains("Ingen forskjeller."));
    // without variants on two files: the first variant, and the one with its id
    let out = carepath(&["diff", f, copy.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains("No differences."));
    // by id, in English JSON
    let json = carepath(&["diff", &now, &want, "--format", "json", "--lang", "en"]);
    assert_eq!(json.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let target_id = v["target"]["variant"].as_str().unwrap().to_string();
    assert_eq!(v["lang"], "en");
    assert!(v["entries"].as_array().unwrap().iter().any(|e| e["kind"] == "step" && e["change"] == "removed"));
    let by_id = carepath(&["diff", &now, &format!("{f}:{target_id}"), "--format", "json", "--lang", "en"]);
    assert_eq!(by_id.stdout, json.stdout);
    // Markdown
    let md = carepath(&["diff", &now, &want, "--format", "md"]);
    // four steps of the system actors and the alert are added, one step removed
    assert!(text(&md.stdout).contains("| Steg | 5 | 1 | 8 |"), "{}", text(&md.stdout));
}

#[test]
fn errors_name_the_file_and_exit_2() {
    let d = tempfile::tempdir().unwrap();
    let f = copd(d.path(), "kols.carepath");
    let f = f.to_str().unwrap();
    let missing = d.path().join("finnes-ikke.carepath");
    let out = carepath(&["diff", missing.to_str().unwrap(), f]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("finnes-ikke.carepath"), "{}", text(&out.stderr));
    let out = carepath(&["diff", &format!("{f}:Nå-situasjon"), &format!("{f}:Drømmeforløp")]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("Drømmeforløp") && err.contains("kols.carepath") && err.contains("Ønsket forløp"), "{err}");
    let out = carepath(&["diff", f, f, "--picture", d.path().join("bilde.gif").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("bilde.gif"));
}

#[test]
fn a_colon_splits_off_a_variant_only_when_it_names_one() {
    let d = tempfile::tempdir().unwrap();
    let f = copd(d.path(), "kols.carepath");
    // a file whose own name has a colon and the part after it names no variant: the whole path
    let odd = d.path().join("kols.carepath:kopi");
    std::fs::copy(&f, &odd).unwrap();
    let out = carepath(&["diff", odd.to_str().unwrap(), f.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    // the part after the colon names a variant of the file before it: split
    let named = d.path().join("kols.carepath:Nå-situasjon");
    std::fs::copy(&f, &named).unwrap();
    let out = carepath(&["diff", named.to_str().unwrap(), &format!("{}:Ønsket forløp", f.display()), "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["source"]["variant_name"], "Nå-situasjon");
}

#[test]
fn the_picture_exports_to_svg_png_and_pdf() {
    let d = tempfile::tempdir().unwrap();
    let f = copd(d.path(), "kols.carepath");
    let f = f.to_str().unwrap();
    let (now, want) = (format!("{f}:Nå-situasjon"), format!("{f}:Ønsket forløp"));
    for ext in ["svg", "png", "pdf"] {
        let pic = d.path().join(format!("endringer.{ext}"));
        let out = carepath(&["diff", &now, &want, "--picture", pic.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
        let bytes = std::fs::read(&pic).unwrap();
        match ext {
            "svg" => {
                let t = String::from_utf8(bytes).unwrap();
                let doc = roxmltree::Document::parse(&t).unwrap();
                assert!(doc.descendants().any(|n| n.attribute("class") == Some("removed")));
            }
            "png" => {
                let dec = png::Decoder::new(std::io::Cursor::new(bytes)).read_info().unwrap();
                assert!(dec.info().width > 2000);
            }
            _ => assert!(bytes.starts_with(b"%PDF-")),
        }
    }
}
