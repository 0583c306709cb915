//! The BPMN MIWG reference models import: each file's actors, steps, activities and
//! transitions match counts taken independently from the XML by a plain event scan (steps,
//! activities and flows inside sub-processes too, at any depth), and the result validates.
//! The files are read from `../shared/fixtures/bpmn/miwg` (beside the repository, as in CI);
//! without that folder the tests fail and say where they looked.

use carepath::import::bpmn;
use quick_xml::events::Event;
use quick_xml::Reader;
use std::collections::HashMap;
use std::path::PathBuf;

const FLOW_NODES: &[&str] = &[
    "task", "userTask", "serviceTask", "sendTask", "receiveTask", "manualTask", "scriptTask", "businessRuleTask",
    "subProcess", "transaction", "adHocSubProcess", "callActivity", "exclusiveGateway", "inclusiveGateway",
    "parallelGateway", "eventBasedGateway", "complexGateway", "startEvent", "endEvent", "intermediateThrowEvent",
    "intermediateCatchEvent", "boundaryEvent",
];

#[derive(Debug, Default, PartialEq)]
struct Counts {
    actors: usize,
    steps: usize,
    /// Tasks, sub-processes and call activities.
    activities: usize,
    transitions: usize,
}

const ACTIVITIES: &[&str] = &[
    "task", "userTask", "serviceTask", "sendTask", "receiveTask", "manualTask", "scriptTask", "businessRuleTask",
    "subProcess", "transaction", "adHocSubProcess", "callActivity",
];
const CONTAINERS: &[&str] = &["process", "subProcess", "transaction", "adHocSubProcess"];

/// Counts from a plain scan: steps and flows inside a process or any sub-process in it; one
/// actor per leaf lane of a process (or one per process without lanes) and one per pool
/// without a process.
fn scan(text: &str) -> Counts {
    let mut r = Reader::from_str(text);
    let mut path: Vec<String> = Vec::new();
    let mut process: Option<String> = None;
    let mut lanes: HashMap<String, usize> = HashMap::new();
    let mut processes: Vec<String> = Vec::new();
    let mut referenced: Vec<Option<String>> = Vec::new();
    let mut lane_has_child: Vec<bool> = Vec::new();
    let mut c = Counts::default();
    let local = |n: &[u8]| String::from_utf8_lossy(n.rsplit(|&b| b == b':').next().unwrap()).into_owned();
    loop {
        let ev = r.read_event().expect("well-formed");
        let (start, empty) = match &ev {
            Event::Start(s) => (Some(s.clone()), false),
            Event::Empty(s) => (Some(s.clone()), true),
            _ => (None, false),
        };
        if let Some(s) = start {
            let name = local(s.name().as_ref().as_bytes());
            let attr = |k: &str| s.attributes().flatten().find(|a| a.key.as_ref() == k).map(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).unwrap().into_owned());
            let parent = path.last().cloned().unwrap_or_default();
            match name.as_str() {
                "process" if parent == "definitions" => {
                    let id = attr("id").unwrap_or_default();
                    processes.push(id.clone());
                    process = Some(id);
                }
                "participant" => referenced.push(attr("processRef").map(|p| p.rsplit(':').next().unwrap().to_string())),
                "lane" => {
                    if let Some(last) = lane_has_child.last_mut() {
                        *last = true;
                    }
                    lane_has_child.push(false);
                }
                "sequenceFlow" if CONTAINERS.contains(&parent.as_str()) => c.transitions += 1,
                n if FLOW_NODES.contains(&n) && CONTAINERS.contains(&parent.as_str()) => {
                    c.steps += 1;
                    c.activities += usize::from(ACTIVITIES.contains(&n));
                }
                _ => {}
            }
            if name == "lane" && empty {
                lane_has_child.pop();
                *lanes.entry(process.clone().unwrap_or_default()).or_default() += 1;
            }
            if !empty {
                path.push(name);
            }
        }
        match ev {
            Event::End(_) => {
                let name = path.pop().unwrap_or_default();
                if name == "lane" && !lane_has_child.pop().unwrap_or(true) {
                    *lanes.entry(process.clone().unwrap_or_default()).or_default() += 1;
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let per_process = |p: &str| lanes.get(p).copied().filter(|&n| n > 0).unwrap_or(1);
    let mut seen: Vec<String> = Vec::new();
    for r in &referenced {
        match r {
            Some(p) if processes.contains(p) && !seen.contains(p) => {
                c.actors += per_process(p);
                seen.push(p.clone());
            }
            _ => c.actors += 1,
        }
    }
    for p in processes.iter().filter(|p| !seen.contains(p)) {
        c.actors += per_process(p);
    }
    c
}

/// The MIWG reference files in ../shared/fixtures (beside the repository, as in CI), sorted.
fn miwg_files() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures/bpmn/miwg");
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("the MIWG reference files are needed in {}: {e}", dir.display()));
    let mut files: Vec<PathBuf> = entries.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "bpmn")).collect();
    files.sort();
    assert!(!files.is_empty(), "no .bpmn files in {}", dir.display());
    files
}

#[test]
fn miwg_reference_models_import_with_independent_counts() {
    let files = miwg_files();
    let mut total = Counts::default();
    for f in &files {
        let bytes = std::fs::read(f).unwrap();
        let text: String = if bytes.windows(10).take(200).any(|w| w.eq_ignore_ascii_case(b"ISO-8859-1")) {
            bytes.iter().map(|&b| b as char).collect()
        } else {
            String::from_utf8(bytes.clone()).unwrap()
        };
        let want = scan(&text);
        let (doc, report) = bpmn::from_bpmn(&bytes, &f.display().to_string()).unwrap_or_else(|e| panic!("{}", e.message));
        let v = &doc.variants[0];
        let activities = v.steps().filter(|s| matches!(s.kind, carepath::model::StepKind::Activity | carepath::model::StepKind::SubPathway)).count();
        let got = Counts { actors: doc.actors.len(), steps: v.step_count(), activities, transitions: v.transition_count() };
        assert_eq!(got, want, "{}", f.display());
        total.actors += got.actors;
        total.steps += got.steps;
        total.activities += got.activities;
        total.transitions += got.transitions;
        let _ = carepath::rules::validate(&doc);
        for e in report.skipped.iter().chain(&report.approximated) {
            assert!(e.line > 0 && !e.note.is_empty());
        }
    }
    eprintln!("imported {} MIWG files: {total:?}", files.len());
    assert!(total.steps > 100 && total.transitions > 100 && total.actors > 20, "{total:?}");
}

/// The drawn steps of every MIWG file are pinned where Carepath draws them inside their own
/// lane (vertical lanes turned), and no two overlap where the file drew them apart.
#[test]
fn miwg_positions_are_pinned_inside_their_lanes() {
    let files = miwg_files();
    let mut pinned = 0;
    for f in &files {
        let (doc, _) = bpmn::read(f).unwrap_or_else(|e| panic!("{}", e.message));
        let v = &doc.variants[0];
        let l = carepath::layout::layout(&doc, v.id).unwrap();
        for b in &l.steps {
            let s = v.step(b.id).unwrap();
            if s.position.is_none() {
                continue;
            }
            pinned += 1;
            let lane = &l.lanes[b.lane];
            assert_eq!(lane.actor, s.actor, "{}: '{}' is drawn in another actor's lane", f.display(), s.label);
            assert!(b.y >= lane.y && b.y + b.h <= lane.y + lane.height, "{}: '{}' sticks out of its lane", f.display(), s.label);
            let col = &l.columns[b.column];
            assert!(b.x >= col.x && b.x + b.w <= col.x + col.width, "{}: '{}' sticks out of its column", f.display(), s.label);
            for o in l.steps.iter().filter(|o| o.id > b.id && v.step(o.id).is_some_and(|s| s.position.is_some())) {
                let apart = b.x + b.w <= o.x || o.x + o.w <= b.x || b.y + b.h <= o.y || o.y + o.h <= b.y;
                let other = &v.step(o.id).unwrap().label;
                assert!(apart, "{}: '{}' overlaps '{other}'", f.display(), s.label);
            }
        }
    }
    assert!(pinned > 300, "{pinned} pinned steps");
}

/// A.4.1 draws its pools with vertical lanes: the flow that runs down the page runs left to
/// right in Carepath, each step in its lane.
#[test]
fn vertical_lanes_are_turned() {
    let f = miwg_files().into_iter().find(|f| f.ends_with("A.4.1.bpmn")).expect("A.4.1.bpmn among the MIWG files");
    let (doc, _) = bpmn::read(&f).unwrap_or_else(|e| panic!("{}", e.message));
    let v = &doc.variants[0];
    let at = |label: &str| v.steps().find(|s| s.label == label).and_then(|s| s.position).unwrap_or_else(|| panic!("{label} is not pinned"));
    for pair in [["Start Event 1", "Task 1"], ["Task 1", "Task 2"], ["Task 2", "End Event 1"], ["Task 3", "Task 5"]] {
        assert!(at(pair[0]).x < at(pair[1]).x, "{} before {}", pair[0], pair[1]);
    }
    assert!((at("Task 1").y - at("Task 2").y).abs() < 10.0, "one lane, one row");
    assert!(at("Task 3").y > at("Task 1").y + 40.0, "Lane 2 below Lane 1");
}
