//! FHIR R4 export: every template's Bundle parses as FHIR 4.0.1 with a real structural
//! validator (fhir.resources 6.4.0 in a private venv, scripts/fhir/venv.sh), every reference
//! and canonical inside it resolves, the CPG pathway pattern's required elements are there
//! (tests/support/fhir_check.py); ids are stable, the canonical base is the user's, the
//! mapping follows docs/fhir.md.

use carepath::export::fhir::{resource_type, to_fhir, FhirOptions, PLACEHOLDER_BASE};
use carepath::model::*;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn validator() -> PathBuf {
    let out = Command::new("bash").arg(root().join("scripts/fhir/venv.sh")).output().expect("bash runs");
    assert!(out.status.success(), "the FHIR validator could not be installed (scripts/fhir/venv.sh):\n{}", String::from_utf8_lossy(&out.stderr));
    PathBuf::from(String::from_utf8_lossy(&out.stdout).trim())
}

fn check(python: &Path, name: &str, json: &str) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(name);
    std::fs::write(&file, json).unwrap();
    let out = Command::new(python).arg(root().join("tests/support/fhir_check.py")).arg(&file).output().unwrap();
    assert!(out.status.success(), "{name} is not a valid R4 pathway:\n{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn options(doc: &Document, v: usize) -> FhirOptions {
    FhirOptions { variant: doc.variants[v].id, base: PLACEHOLDER_BASE.into(), lang: Lang::Nb }
}

#[test]
fn every_template_is_a_valid_r4_pathway_bundle() {
    let python = validator();
    for name in ["copd", "heart-failure", "diabetes-type-2", "frail-elderly"] {
        let doc = carepath::template::load(name).unwrap();
        for v in 0..doc.variants.len() {
            let json = to_fhir(&doc, &options(&doc, v)).unwrap();
            let summary = check(&python, &format!("{name}-{v}.json"), &json);
            let activities = doc.variants[v].steps().filter(|s| s.kind == StepKind::Activity).count();
            assert_eq!(summary["resources"]["ActivityDefinition"], activities, "{name}: an ActivityDefinition per activity");
            assert_eq!(summary["resources"]["PlanDefinition"], 1);
            assert_eq!(json, to_fhir(&doc, &options(&doc, v)).unwrap(), "{name}: the same bytes twice");
        }
    }
}

#[test]
fn the_copd_pathway_maps_phases_steps_branches_participants_and_needs() {
    let doc = carepath::template::load("copd").unwrap();
    let v = &doc.variants[1];
    let json: Value = serde_json::from_str(&to_fhir(&doc, &FhirOptions { variant: v.id, base: "https://fhir.kommune.no/r4/".into(), lang: Lang::En }).unwrap()).unwrap();
    let plan = &json["entry"][0]["resource"];
    assert_eq!(plan["url"], format!("https://fhir.kommune.no/r4/PlanDefinition/{}", v.id), "the base the user set, without a double slash");
    assert_eq!(plan["language"], "en");
    let phases = plan["action"].as_array().unwrap();
    let used: std::collections::BTreeSet<PhaseId> = v.steps().filter(|s| s.within.is_none()).filter_map(|s| s.phase).collect();
    assert_eq!(phases.len(), used.len(), "an action per phase with steps");
    let mut all = Vec::new();
    fn flat<'a>(acts: &'a [Value], out: &mut Vec<&'a Value>) {
        for a in acts {
            out.push(a);
            flat(a["action"].as_array().map(Vec::as_slice).unwrap_or(&[]), out);
        }
    }
    flat(phases, &mut all);
    let steps: Vec<&&Value> = all.iter().filter(|a| a["code"][0]["text"] != "phase").collect();
    assert_eq!(steps.len(), v.step_count(), "every step is an action, nested sub-pathway flows included");
    // transitions as relatedAction
    let related: usize = steps.iter().map(|a| a["relatedAction"].as_array().map_or(0, Vec::len)).sum();
    assert_eq!(related, v.transition_count());
    // a decision's branch labels are conditions on where they lead
    let decision = v.steps().find(|s| s.kind == StepKind::Decision).expect("COPD has a decision");
    for t in v.outgoing(decision.id).filter(|t| !t.label.is_empty()) {
        let target = steps.iter().find(|a| a["id"] == t.to.to_string()).unwrap();
        let texts: Vec<&str> = target["condition"].as_array().unwrap().iter().map(|c| c["expression"]["description"].as_str().unwrap()).collect();
        assert!(texts.iter().any(|d| d.contains(&t.label)), "{texts:?} names the branch {}", t.label);
    }
    // participants: the patient as patient, systems as devices
    let kinds: std::collections::BTreeSet<&str> = steps.iter().flat_map(|a| a["participant"].as_array().into_iter().flatten()).map(|p| p["type"].as_str().unwrap()).collect();
    assert!(kinds.contains("patient") && kinds.contains("device") && kinds.contains("practitioner"), "{kinds:?}");
    // needs as data requirements typed by their information
    let types: std::collections::BTreeSet<&str> = steps
        .iter()
        .flat_map(|a| a["input"].as_array().into_iter().flatten().chain(a["output"].as_array().into_iter().flatten()))
        .map(|r| r["type"].as_str().unwrap())
        .collect();
    assert!(types.contains("Observation") && types.contains("CarePlan") && types.contains("MedicationStatement"), "{types:?}");
}

#[test]
fn information_types_map_to_the_resources_the_mapping_names() {
    let doc = Document::new("x");
    let by = |n: &str| resource_type(doc.info_types.iter().find(|i| i.name == n).unwrap());
    assert_eq!(by("Målinger"), "Observation");
    assert_eq!(by("Skjemabesvarelser"), "QuestionnaireResponse");
    assert_eq!(by("Egenbehandlingsplan"), "CarePlan");
    assert_eq!(by("Legemiddelliste"), "MedicationStatement");
    assert_eq!(by("Notat / journalnotat"), "DocumentReference");
    assert_eq!(by("Klinisk oppsummering"), "DocumentReference");
    assert_eq!(by("Dialog"), "Communication");
    assert_eq!(by("Varsel"), "Flag");
    let unknown = InfoType { id: InfoTypeId::new(), name: "Noe annet".into(), codes: vec!["IT19".into()], description: String::new(), priority: None };
    assert_eq!(resource_type(&unknown), "Encounter", "by the service code when the name says nothing");
}

#[test]
fn the_cli_writes_the_bundle_with_the_users_base_and_refuses_a_bad_one() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("kols.carepath");
    let cli = |args: &[&str]| Command::new(env!("CARGO_BIN_EXE_carepath")).args(args).output().unwrap();
    assert!(cli(&["new", doc.to_str().unwrap(), "--template", "copd"]).status.success());
    let out = dir.path().join("kols.json");
    let r = cli(&["export", doc.to_str().unwrap(), "--format", "fhir", "--variant", "Ønsket forløp", "-o", out.to_str().unwrap()]);
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains(PLACEHOLDER_BASE), "the default base is the placeholder that says so");
    let r = cli(&["export", doc.to_str().unwrap(), "--format", "fhir", "--fhir-base", "https://fhir.example.no", "-o", out.to_str().unwrap()]);
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    assert!(std::fs::read_to_string(&out).unwrap().contains("https://fhir.example.no/PlanDefinition/"));
    let r = cli(&["export", doc.to_str().unwrap(), "--format", "fhir", "--fhir-base", "fhir.example.no", "-o", out.to_str().unwrap()]);
    assert_eq!(r.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&r.stderr).contains("not an http(s) or urn address"));
}

#[test]
fn user_text_with_quotes_and_controls_stays_valid_json_and_fhir() {
    let python = validator();
    let mut doc = carepath::template::load("copd").unwrap();
    doc.metadata.title = "KOLS \"hjem\" \\ <b> \u{1}\u{7}".into();
    let v = doc.variants[0].id;
    let mut data = doc.variant(v).unwrap().to_data();
    data.steps[0].label = "Måler\u{0} \"SpO2\"\n".into();
    doc.variants[0] = Variant::try_from(data).unwrap();
    let json = to_fhir(&doc, &options(&doc, 0)).unwrap();
    check(&python, "escaped.json", &json);
    assert!(!json.contains('\u{1}') && !json.contains("\\u0001"), "control characters are left out");
}
