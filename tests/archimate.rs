//! ArchiMate Open Exchange export and import: the export of the templates validates against
//! The Open Group's ArchiMate 3.1 schemas (xmllint, offline, with their key/keyref rules),
//! is the same bytes twice, escapes user text, and reads back to the same actors,
//! information types, steps and transitions; Archi's Sample1 model imports; bad files are
//! refused with file, line and cause, and nothing is created.

use carepath::export::archimate::{to_archimate, ArchimateOptions};
use carepath::import::archimate::from_archimate;
use carepath::model::*;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

fn shared(rel: &str) -> PathBuf {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures").join(rel);
    assert!(p.exists(), "the fixture {} is needed (../shared/fixtures beside the repository)", p.display());
    p
}

fn validate(name: &str, xml: &str) {
    let xsd = shared("xsd/archimate/archimate3_Diagram.xsd");
    assert!(Command::new("xmllint").arg("--version").output().is_ok(), "xmllint is needed: apt-get install libxml2-utils");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(name);
    std::fs::write(&file, xml).unwrap();
    let out = Command::new("xmllint").arg("--noout").arg("--nonet").arg("--schema").arg(&xsd).arg(&file).output().unwrap();
    assert!(out.status.success(), "{name} does not validate:\n{}", String::from_utf8_lossy(&out.stderr));
}

fn cli(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_carepath")).args(args).output().expect("carepath runs")
}

/// What a round trip must keep: actors, information types, steps and transitions by name.
fn shape(doc: &Document) -> (BTreeSet<(String, String)>, BTreeSet<String>, BTreeSet<(String, String, String, Option<String>)>, BTreeSet<(String, String, String, String)>) {
    let actors = doc.actors.iter().map(|a| (a.name.clone(), format!("{:?}", a.kind))).collect();
    let infos = doc.info_types.iter().map(|i| i.name.clone()).collect();
    let mut steps = BTreeSet::new();
    let mut transitions = BTreeSet::new();
    for v in &doc.variants {
        let label = |id: StepId| v.step(id).map(|s| s.label.clone()).unwrap_or_default();
        for s in v.steps() {
            let actor = s.actor.and_then(|a| doc.actor(a)).map(|a| a.name.clone());
            steps.insert((v.name.clone(), s.label.clone(), format!("{:?}", s.kind), actor));
        }
        for t in v.transitions() {
            transitions.insert((v.name.clone(), label(t.from), label(t.to), t.label.clone()));
        }
    }
    (actors, infos, steps, transitions)
}

#[test]
fn every_template_exports_a_model_the_archimate_schemas_accept_and_reads_back() {
    for name in ["copd", "heart-failure", "diabetes-type-2", "frail-elderly"] {
        let doc = carepath::template::load(name).unwrap();
        for lang in [Lang::Nb, Lang::En] {
            let xml = to_archimate(&doc, &ArchimateOptions { variants: Vec::new(), lang }).unwrap();
            validate(&format!("{name}.xml"), &xml);
            assert_eq!(xml, to_archimate(&doc, &ArchimateOptions { variants: Vec::new(), lang }).unwrap(), "{name}: two exports are the same bytes");
            let code = if lang == Lang::Nb { "xml:lang=\"nb\"" } else { "xml:lang=\"en\"" };
            assert!(xml.contains(code), "{name}: names carry the language");
        }
        let xml = to_archimate(&doc, &ArchimateOptions::default()).unwrap();
        let (back, _) = from_archimate(xml.as_bytes(), &format!("{name}.xml")).unwrap();
        let (a, b) = (shape(&doc), shape(&back));
        assert_eq!(a.0, b.0, "{name}: actors");
        assert!(a.1.is_subset(&b.1), "{name}: information types {:?} not in {:?}", a.1.difference(&b.1).collect::<Vec<_>>(), b.1);
        assert_eq!(a.2, b.2, "{name}: steps (variant, label, kind, lane)");
        assert_eq!(a.3, b.3, "{name}: transitions");
        let nested = |d: &Document| d.variants.iter().flat_map(|v| v.steps()).filter(|s| s.within.is_some()).count();
        assert_eq!(nested(&doc), nested(&back), "{name}: the steps of sub-pathways' own flows stay inside them");
        let phases = |d: &Document| d.phases.iter().map(|p| p.name.clone()).collect::<Vec<_>>();
        assert_eq!(phases(&doc), phases(&back), "{name}: phases");
    }
}

#[test]
fn the_copd_model_maps_systems_needs_and_phases_as_the_mapping_says() {
    let doc = carepath::template::load("copd").unwrap();
    let xml = to_archimate(&doc, &ArchimateOptions::default()).unwrap();
    let parsed = roxmltree::Document::parse(&xml).unwrap();
    let of_type = |t: &str| parsed.descendants().filter(|n| n.tag_name().name() == "element" && n.attribute(("http://www.w3.org/2001/XMLSchema-instance", "type")) == Some(t)).count();
    let systems = doc.actors.iter().filter(|a| a.kind == ActorKind::System).count();
    assert_eq!(of_type("ApplicationComponent"), systems);
    assert_eq!(of_type("BusinessActor"), doc.actors.len() - systems);
    assert_eq!(of_type("Grouping"), doc.phases.len());
    assert_eq!(of_type("BusinessObject"), doc.info_types.len());
    assert!(of_type("DataObject") > 0, "information a system holds is also a data object");
    let rel = |t: &str| parsed.descendants().filter(|n| n.tag_name().name() == "relationship" && n.attribute(("http://www.w3.org/2001/XMLSchema-instance", "type")) == Some(t)).count();
    let transitions: usize = doc.variants.iter().map(|v| v.transition_count()).sum();
    assert_eq!(rel("Triggering"), transitions);
    assert!(rel("Flow") > 0 && rel("Access") > 0, "needs are flows between parties and access to their objects");
    let views = parsed.descendants().filter(|n| n.tag_name().name() == "view").count();
    assert!(views >= doc.variants.len(), "a view per variant");
    // a need's properties: its form, in the document's language
    assert!(xml.contains("Samhandlingsform") && xml.contains("Slå opp og tilgjengeliggjøre"));
}

#[test]
fn user_text_is_escaped_and_control_characters_do_not_break_the_model() {
    let mut doc = carepath::template::load("copd").unwrap();
    doc.metadata.title = "KOLS <&> \"sitat\" 'enkel' \u{1}\u{7}".into();
    doc.actors[0].name = "Pasient & pårørende <b>".into();
    let v = doc.variants[0].id;
    let mut data = doc.variant(v).unwrap().to_data();
    data.steps[0].label = "Måler ]]> <script>\u{0}\tny\nlinje".into();
    data.steps[0].description = "a < b && c > d".into();
    doc.variants[0] = Variant::try_from(data).unwrap();
    let xml = to_archimate(&doc, &ArchimateOptions::default()).unwrap();
    validate("escaped.xml", &xml);
    assert!(!xml.contains("<script>") && !xml.contains("<b>"));
    let (back, _) = from_archimate(xml.as_bytes(), "escaped.xml").unwrap();
    assert!(back.actors.iter().any(|a| a.name == "Pasient & pårørende <b>"));
}

#[test]
fn archis_sample_imports_the_role_and_the_process_in_its_lane() {
    let file = shared("archimate/Sample1.xml");
    let (doc, report) = carepath::import::read(&file).unwrap();
    assert_eq!(doc.actors.len(), 1);
    assert_eq!(doc.actors[0].name, "Sales Person");
    assert_eq!(doc.variants.len(), 1);
    let steps: Vec<&Step> = doc.variants[0].steps().collect();
    assert_eq!(steps.len(), 1);
    assert_eq!(steps[0].label, "Sell Product");
    assert_eq!(steps[0].kind, StepKind::Activity);
    assert_eq!(steps[0].actor, Some(doc.actors[0].id), "the assignment puts the process in the role's lane");
    assert_eq!(steps[0].description, "A description of the sell product process");
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    // and the CLI makes a document of it
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sample.carepath");
    let r = cli(&["import", file.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    let r = cli(&["validate", out.to_str().unwrap()]);
    assert!(r.status.code() != Some(2), "{}", String::from_utf8_lossy(&r.stderr));
}

fn refused(dir: &Path, name: &str, content: &str, expect: &[&str]) {
    let file = dir.join(name);
    std::fs::write(&file, content).unwrap();
    let out = dir.join(format!("{name}.carepath"));
    let r = cli(&["import", file.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(r.status.code(), Some(2), "{name} is refused");
    let err = String::from_utf8_lossy(&r.stderr);
    assert!(err.contains(name), "the error names the file: {err}");
    for e in expect {
        assert!(err.contains(e), "{name}: the error says '{e}': {err}");
    }
    assert!(!out.exists(), "{name}: nothing is created");
}

#[test]
fn bad_models_are_refused_with_file_line_and_cause_and_nothing_is_created() {
    let dir = tempfile::tempdir().unwrap();
    let head = r#"<?xml version="1.0" encoding="UTF-8"?>
<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="id-m">"#;
    refused(
        dir.path(),
        "dangling.xml",
        &format!("{head}\n<name>M</name>\n<elements>\n<element identifier=\"id-a\" xsi:type=\"BusinessProcess\"><name>A</name></element>\n</elements>\n<relationships>\n<relationship identifier=\"id-r\" source=\"id-a\" target=\"id-gone\" xsi:type=\"Triggering\"/>\n</relationships>\n</model>\n"),
        &["line 8", "id-gone"],
    );
    refused(dir.path(), "doctype.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE model [<!ENTITY x \"y\">]>\n<model/>\n", &["DOCTYPE"]);
    refused(
        dir.path(),
        "bpmn.xml",
        "<?xml version=\"1.0\"?>\n<model xmlns=\"http://example.org/other\"/>\n",
        &["line 2", "not an ArchiMate"],
    );
    refused(dir.path(), "broken.xml", &format!("{head}\n<name>M</name>\n<elements>\n</model>\n"), &["line"]);
    refused(
        dir.path(),
        "twice.xml",
        &format!("{head}\n<elements>\n<element identifier=\"id-a\" xsi:type=\"BusinessActor\"><name>A</name></element>\n<element identifier=\"id-a\" xsi:type=\"BusinessRole\"><name>B</name></element>\n</elements>\n</model>\n"),
        &["line 5", "used twice"],
    );
    // over the size cap
    let big = dir.path().join("big.xml");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(129 << 20).unwrap();
    let out = dir.path().join("big.carepath");
    let r = cli(&["import", big.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(r.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&r.stderr).contains("at most"), "{}", String::from_utf8_lossy(&r.stderr));
    assert!(!out.exists());
}

#[test]
fn the_cli_exports_a_variant_or_all_and_imports_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("kols.carepath");
    assert!(cli(&["new", doc.to_str().unwrap(), "--template", "copd"]).status.success());
    let all = dir.path().join("kols.xml");
    let r = cli(&["export", doc.to_str().unwrap(), "--format", "archimate", "-o", all.to_str().unwrap()]);
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    let one = dir.path().join("onsket.xml");
    let r = cli(&["export", doc.to_str().unwrap(), "--format", "archimate", "--variant", "Ønsket forløp", "--lang", "en", "-o", one.to_str().unwrap()]);
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    let text = std::fs::read_to_string(&one).unwrap();
    validate("onsket.xml", &text);
    assert!(text.contains("xsi:type=\"Diagram\""), "a view of the variant");
    assert!(text.contains(">Ønsket forløp</value>") && !text.contains(">Nå-situasjon</value>"), "only the variant asked for");
    let back = dir.path().join("back.carepath");
    let r = cli(&["import", all.to_str().unwrap(), "-o", back.to_str().unwrap()]);
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    assert!(String::from_utf8_lossy(&r.stderr).contains("not imported"), "the report says what was left out");
    let info = cli(&["info", back.to_str().unwrap()]);
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.contains("Nå-situasjon") && info.contains("Ønsket forløp"), "{info}");
}
