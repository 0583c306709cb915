//! The COPD template's variants laid out by Carepath against elkjs (layered, orthogonal
//! routing, phases as partitions, Carepath's lanes kept as constraints) on the measures the
//! layout issue names: Carepath has fewer or equal crossings, shorter or equal total line
//! length and a smaller or equal area, and elkjs really kept its steps in their lanes (else the
//! comparison would be with a drawing that is no swimlane diagram; a node or two out of 20
//! ELK leaves its lane only flatters ELK). Needs Node.js; the
//! packages of `scripts/elk` are installed by `npm ci` on first use. Speed is compared by
//! `scripts/elk/compare.sh`, not here.

#[path = "support/elk_graph.rs"]
mod elk_graph;
#[path = "support/node_packages.rs"]
mod node_packages;

use carepath::layout::measure::measure;
use std::collections::HashMap;
use std::process::Command;

/// The numbers after each name on the line that `layout.mjs` prints for the run that
/// keeps the lanes: width, height, area, crossings, bends, length, off lane.
fn elk_lanes_kept(graph: &serde_json::Value) -> HashMap<String, f64> {
    let dir = node_packages::installed("elk", &["elkjs"]).unwrap_or_else(|e| panic!("scripts/elk is needed for this test: {e}"));
    let file = std::env::temp_dir().join(format!("carepath-elk-{}-{}.json", std::process::id(), graph["name"].as_str().unwrap_or("graph").len()));
    std::fs::write(&file, serde_json::to_string(graph).unwrap()).unwrap();
    let out = Command::new("node").arg("layout.mjs").arg(&file).arg("1").current_dir(&dir).output().expect("run node");
    std::fs::remove_file(&file).ok();
    assert!(out.status.success(), "layout.mjs failed: {}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    let line = text.lines().find(|l| l.starts_with("elkjs (lanes kept)")).unwrap_or_else(|| panic!("no lane-keeping run in:\n{text}"));
    let (_, figures) = line.split_once(" | ").expect("measures after |");
    let words: Vec<&str> = figures.split_whitespace().collect();
    let mut m = HashMap::new();
    let mut i = 0;
    while i < words.len() {
        // "off lane N" is the one two-word name
        let (name, value) = if words[i] == "off" { ("off lane".to_string(), words[i + 2]) } else { (words[i].to_string(), words[i + 1]) };
        i += if words[i] == "off" { 3 } else { 2 };
        m.insert(name, value.parse().unwrap_or_else(|_| panic!("{value} in {line}")));
    }
    m
}

#[test]
fn carepath_lays_out_the_copd_variants_at_least_as_well_as_elkjs_with_lanes() {
    let doc = carepath::template::load("copd").unwrap();
    for v in &doc.variants {
        let (l, graph) = elk_graph::build(&doc, v, &v.name);
        let ours = measure(&l);
        let elk = elk_lanes_kept(&graph);
        let report = format!("{}: Carepath {ours:?}\nelkjs {elk:?}", v.name);
        // a node ELK moved out of its lane flatters ELK's measures (it is then no swimlane
        // diagram); a few such nodes still make a comparison Carepath has to win, more do not
        assert!(elk["off lane"] <= (l.steps.len() / 20) as f64, "elkjs left its lanes, so this is no fair comparison: {report}");
        assert!(elk["crossings"] > 0.0 && elk["length"] > 0.0, "elkjs drew no lines: {report}");
        assert!(ours.crossings as f64 <= elk["crossings"], "more crossings: {report}");
        assert!(ours.length <= elk["length"], "longer lines: {report}");
        assert!(ours.area <= elk["area"], "larger area: {report}");
        assert_eq!(ours.overlaps.total(), 0, "{report}");
    }
}
