//! `carepath walk` on the COPD template: default walk, chosen branches by label, loop rounds,
//! the three formats, and a clear error for a choice that names nothing.

use std::path::Path;
use std::process::{Command, Output};

fn carepath(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_carepath")).args(args).output().expect("carepath runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn copd(dir: &Path) -> String {
    let f = dir.join("kols.carepath");
    let out = carepath(&["new", f.to_str().unwrap(), "--template", "copd"]);
    assert!(out.status.success());
    f.to_str().unwrap().to_string()
}

const MEASURE: &str = "Måler SpO2, puls, blodtrykk og vekt og svarer på symptomskjema";

#[test]
fn walk_with_choices_and_loops() {
    let d = tempfile::tempdir().unwrap();
    let f = copd(d.path());
    let out = carepath(&["walk", &f, "--variant", "Nå-situasjon"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let t = text(&out.stdout);
    assert!(t.starts_with("  1. Fastlege — Pasient med KOLS og behov for tett oppfølging"), "{t}");
    assert!(t.contains("Ikke dekket / manuelt: "), "{t}");
    assert_eq!(t.matches(MEASURE).count(), 2, "{t}");

    let out = carepath(&["walk", &f, "--variant", "Ønsket forløp", "--choose", "Trafikklys: grønn, gul eller rød?=gul", "--loops", "2", "--format", "json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let w: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(w["complete"], true);
    assert_eq!(w["loops"], 2);
    let steps = w["steps"].as_array().unwrap();
    let lights: Vec<&serde_json::Value> = steps.iter().filter(|s| s["label"] == "Trafikklys: grønn, gul eller rød?").collect();
    assert_eq!(lights.len(), 3);
    for l in lights {
        let taken: Vec<&serde_json::Value> = l["branches"].as_array().unwrap().iter().filter(|b| b["taken"] == true).collect();
        assert_eq!(taken[0]["label"], "gul");
    }
    assert_eq!(steps.iter().filter(|s| s["label"] == MEASURE).count(), 3);

    let out = carepath(&["walk", &f, "--format", "md", "--lang", "en", "--loops", "0"]);
    let md = text(&out.stdout);
    assert!(md.starts_with("| No. | Actor | Step | Received so far | Unmet / manual |"), "{md}");
    assert!(md.contains("| Actor | Received during the walk |"), "{md}");
    assert_eq!(md.matches(MEASURE).count(), 1);
}

#[test]
fn a_choice_that_names_nothing_lists_the_choices() {
    let d = tempfile::tempdir().unwrap();
    let f = copd(d.path());
    let out = carepath(&["walk", &f, "--choose", "Trafikklys: grønn, gul eller rød?=blå"]);
    assert_eq!(out.status.code(), Some(2));
    let e = text(&out.stderr);
    assert!(e.contains("kols.carepath") && e.contains("blå") && e.contains("Trafikklys: grønn, gul eller rød? = "), "{e}");
    let out = carepath(&["walk", &f, "--variant", "Fremtid"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("Fremtid"));
}
