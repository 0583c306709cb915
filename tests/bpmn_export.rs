//! BPMN export: the output validates against the OMG BPMN 2.0 schema (xmllint, schema from
//! `../shared/fixtures/xsd/bpmn20`; skipped with a message when either is missing), is the
//! same bytes for the same document, and Carepath → BPMN → Carepath loses nothing.

mod common;
#[path = "support/node_packages.rs"]
mod node_packages;

use carepath::export::bpmn::{pick_variant, to_bpmn, to_bpmn_pools, to_bpmn_variants};
use carepath::import::bpmn::from_bpmn;
use carepath::model::*;
use std::path::PathBuf;
use std::process::Command;

/// The OMG schema beside the repository (as in CI), with xmllint to check against it; a
/// missing one fails the test and says how to get it.
fn schema() -> PathBuf {
    let xsd = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures/xsd/bpmn20/BPMN20.xsd");
    assert!(xsd.exists(), "the BPMN schema is needed at {}", xsd.display());
    assert!(
        Command::new("xmllint").arg("--version").output().is_ok(),
        "xmllint is needed: apt-get install libxml2-utils (scripts/install-deps.sh --test)"
    );
    xsd
}

fn xmllint(xsd: &PathBuf, name: &str, xml: &str) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(name);
    std::fs::write(&file, xml).unwrap();
    let out = Command::new("xmllint").arg("--noout").arg("--schema").arg(xsd).arg(&file).output().unwrap();
    assert!(out.status.success(), "{name} does not validate:\n{}", String::from_utf8_lossy(&out.stderr));
}

/// A small model whose text has everything that needs escaping, and every step kind.
fn awkward() -> Document {
    let mut s = common::small();
    let v = s.doc.variant(s.variant).unwrap().clone();
    let mut data = v.to_data();
    for st in &mut data.steps {
        st.label = format!("{} <&> \"sitat\" 'enkel'\nny linje\tæøå ÆØÅ \u{1}", st.label);
        st.description = "Beskrivelse med ]]> og &amp; og \r\n linjeskift".into();
        st.position = Some(Position { x: 12.5, y: -3.0 });
    }
    let gateway = Step::new(StepKind::Decision, "Grønn?", Some(s.nurse), Some(s.p2));
    let event = Step::new(StepKind::Event, "Varsel", Some(s.nurse), None);
    let sub = Step::new(StepKind::SubPathway, "Forverring", None, Some(s.p1));
    data.transitions.push(Transition { id: TransitionId::new(), from: s.measure, to: gateway.id, label: "a < b".into(), kind: TransitionKind::Loop, signal: Signal::None });
    data.transitions.push(Transition { id: TransitionId::new(), from: gateway.id, to: gateway.id, label: String::new(), kind: TransitionKind::Exception, signal: Signal::None });
    let mut need = DataNeed::new("Plan & \"varsel\"", vec![gateway.id, event.id, sub.id, s.end], Party::pair(Some(s.nurse), None));
    need.what = "<b>fet</b>\n".into();
    need.priority = Some(Priority::High);
    need.horizon = Some(Horizon::Long);
    need.status = NeedStatus::PartlyMet;
    need.form = InteractionForm::SharedEditing;
    need.info_types = vec![s.doc.info_types[8].id, s.doc.info_types[2].id];
    data.needs.push(need);
    // the sub-pathway holds a flow, and a sub-pathway inside it a flow of its own
    let nest = |kind, label: &str, actor, within| {
        let mut st = Step::new(kind, label, actor, Some(s.p1));
        st.within = Some(within);
        st
    };
    let n_start = nest(StepKind::Start, "Start <inne>", None, sub.id);
    let n_task = nest(StepKind::Activity, "Ringe & avtale", Some(s.patient), sub.id);
    let n_sub = nest(StepKind::SubPathway, "Opplæring", Some(s.nurse), sub.id);
    let n_deep = nest(StepKind::Activity, "Vise \"inhalator\"", Some(s.nurse), n_sub.id);
    let n_end = nest(StepKind::End, "Ferdig", Some(s.nurse), sub.id);
    for (a, b) in [(n_start.id, n_task.id), (n_task.id, n_sub.id), (n_sub.id, n_end.id)] {
        data.transitions.push(Transition::new(a, b, "videre"));
    }
    let mut inner_need = DataNeed::new("Avtale", vec![n_task.id, n_deep.id], Party::pair(Some(s.patient), Some(s.nurse)));
    inner_need.info_types = vec![s.doc.info_types[1].id];
    data.needs.push(inner_need);
    data.steps.extend([gateway, event, sub, n_start, n_task, n_sub, n_deep, n_end]);
    data.description = "Variant med \"alt\"".into();
    s.doc.variants = vec![Variant::try_from(data).unwrap()];
    s.doc.metadata.owners = vec!["Eier <1>".into()];
    s.doc.comments.push(Comment {
        id: CommentId::new(),
        target: ElementRef::Step { variant: s.variant, id: s.start },
        author: "Kari".into(),
        created: Timestamp::parse("2026-02-01T10:00:00Z").unwrap(),
        text: "Stemmer dette?\n– ja".into(),
        resolved: false,
        reply_to: None,
        accepts: None,
    });
    carepath::import::json::rebuild(s.doc).unwrap()
}

fn assert_round_trip(doc: &Document, v: &Variant) {
    let xml = to_bpmn(doc, v.id).unwrap();
    let (back, report) = from_bpmn(xml.as_bytes(), "round-trip.bpmn").unwrap_or_else(|e| panic!("{}", e.message));
    assert!(report.is_empty(), "{}", report.to_text("round-trip.bpmn"));
    assert_eq!(back.id, doc.id);
    assert_eq!(back.metadata, doc.metadata);
    assert_eq!(back.actors, doc.actors);
    assert_eq!(back.phases, doc.phases);
    assert_eq!(back.info_types, doc.info_types);
    assert_eq!(back.variants.len(), 1);
    assert_eq!(back.variants[0].to_data(), v.to_data(), "variant '{}'", v.name);
    let concerns_other = |t: &ElementRef| matches!(t, ElementRef::Step { variant, .. } | ElementRef::Transition { variant, .. } | ElementRef::Need { variant, .. } | ElementRef::Variant { id: variant } if *variant != v.id);
    let comments: Vec<&Comment> = doc.comments.iter().filter(|c| !concerns_other(&c.target)).collect();
    assert_eq!(back.comments.iter().collect::<Vec<_>>(), comments);
    // and the imported document exports to the same bytes
    assert_eq!(to_bpmn(&back, v.id).unwrap(), xml);
}

#[test]
fn copd_variants_round_trip_through_bpmn_without_loss() {
    let doc = carepath::template::load("copd").unwrap();
    for v in &doc.variants {
        assert_round_trip(&doc, v);
    }
}

/// Every variant of the document in one file, one pool each: the whole document comes back,
/// the same canonical JSON (both COPD variants; and a comment on a step of the second).
#[test]
fn whole_documents_round_trip_through_one_bpmn_file() {
    let mut copd = carepath::template::load("copd").unwrap();
    let second = &copd.variants[1];
    let step = second.steps_sorted()[2].id;
    copd.comments.push(Comment {
        id: CommentId::new(),
        target: ElementRef::Step { variant: second.id, id: step },
        author: "Lege".into(),
        created: Timestamp::parse("2026-03-01T08:00:00Z").unwrap(),
        text: "Gjelder bare ønsket forløp".into(),
        resolved: true,
        reply_to: None,
        accepts: None,
    });
    for doc in [copd, awkward()] {
        let ids: Vec<VariantId> = doc.variants.iter().map(|v| v.id).collect();
        let xml = to_bpmn_variants(&doc, &ids).unwrap();
        let (back, report) = from_bpmn(xml.as_bytes(), "alt.bpmn").unwrap_or_else(|e| panic!("{}", e.message));
        assert!(report.is_empty(), "{}", report.to_text("alt.bpmn"));
        assert_eq!(back.variants.len(), doc.variants.len());
        assert_eq!(carepath::export::json::to_json(&back), carepath::export::json::to_json(&doc));
        assert_eq!(to_bpmn_variants(&back, &ids).unwrap(), xml, "and the same bytes again");
    }
}

#[test]
fn awkward_text_and_every_step_kind_round_trip() {
    let doc = awkward();
    assert_round_trip(&doc, &doc.variants[0]);
}

#[test]
fn export_is_deterministic_and_escapes_user_text() {
    let doc = awkward();
    let v = pick_variant(&doc, None).unwrap();
    let a = to_bpmn(&doc, v.id).unwrap();
    assert_eq!(a, to_bpmn(&doc.clone(), v.id).unwrap());
    assert!(a.contains("&lt;&amp;&gt; &quot;sitat&quot; &apos;enkel&apos;&#10;ny linje&#9;æøå ÆØÅ \u{FFFD}"));
    assert!(!a.contains('\u{1}'));
    // the two sub-pathways that hold a flow are collapsed sub-processes, each with its page
    assert_eq!(a.matches("<bpmn:subProcess ").count(), 2);
    assert_eq!(a.matches("<bpmndi:BPMNDiagram ").count(), 3);
    assert_eq!(a.matches("isExpanded=\"false\"").count(), 2);
    let tree_ok = quick_xml::Reader::from_str(&a).read_event().is_ok();
    assert!(tree_ok);
}

#[test]
fn exports_validate_against_the_bpmn_schema() {
    let xsd = schema();
    let copd = carepath::template::load("copd").unwrap();
    for (i, v) in copd.variants.iter().enumerate() {
        xmllint(&xsd, &format!("copd-{i}.bpmn"), &to_bpmn(&copd, v.id).unwrap());
    }
    let all: Vec<VariantId> = copd.variants.iter().map(|v| v.id).collect();
    xmllint(&xsd, "copd-all.bpmn", &to_bpmn_variants(&copd, &all).unwrap());
    let doc = awkward();
    xmllint(&xsd, "awkward.bpmn", &to_bpmn(&doc, doc.variants[0].id).unwrap());
    let generated = carepath::sample::generate(300);
    xmllint(&xsd, "generated.bpmn", &to_bpmn(&generated, generated.variants[0].id).unwrap());
    let mut empty = Document::new("Tom");
    let vid = VariantId::new();
    empty.variants.push(Variant::new(vid, "Tom variant"));
    xmllint(&xsd, "empty.bpmn", &to_bpmn(&empty, vid).unwrap());
    for (i, v) in copd.variants.iter().enumerate() {
        xmllint(&xsd, &format!("copd-pools-{i}.bpmn"), &to_bpmn_pools(&copd, v.id).unwrap());
    }
    xmllint(&xsd, "awkward-pools.bpmn", &to_bpmn_pools(&doc, doc.variants[0].id).unwrap());
}

/// bpmn-moddle (the model layer of bpmn.io) in `scripts/bpmn`, installed with `npm ci` on
/// first use.
fn moddle_script() -> PathBuf {
    match node_packages::installed("bpmn", &["bpmn-moddle"]) {
        Ok(dir) => dir.join("check.mjs"),
        Err(why) => panic!("bpmn-moddle is needed for this test: {why} (scripts/install-deps.sh --test)"),
    }
}

#[test]
fn bpmn_moddle_reads_exports_without_warnings() {
    let script = moddle_script();
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    let copd = carepath::template::load("copd").unwrap();
    for (i, v) in copd.variants.iter().enumerate() {
        files.push((format!("copd-{i}.bpmn"), to_bpmn(&copd, v.id).unwrap()));
    }
    let all: Vec<VariantId> = copd.variants.iter().map(|v| v.id).collect();
    files.push(("copd-all.bpmn".into(), to_bpmn_variants(&copd, &all).unwrap()));
    let doc = awkward();
    files.push(("awkward.bpmn".into(), to_bpmn(&doc, doc.variants[0].id).unwrap()));
    let generated = carepath::sample::generate(300);
    files.push(("generated.bpmn".into(), to_bpmn(&generated, generated.variants[0].id).unwrap()));
    for (i, v) in copd.variants.iter().enumerate() {
        files.push((format!("copd-pools-{i}.bpmn"), to_bpmn_pools(&copd, v.id).unwrap()));
    }
    files.push(("awkward-pools.bpmn".into(), to_bpmn_pools(&doc, doc.variants[0].id).unwrap()));
    let mut cmd = Command::new("node");
    cmd.arg(&script);
    for (name, xml) in &files {
        let path = dir.path().join(name);
        std::fs::write(&path, xml).unwrap();
        cmd.arg(path);
    }
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "bpmn-moddle reported problems:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Moves the drawn shape of `element` by (dx, dy) in a BPMN file, as a modeller would.
fn move_shape(xml: &str, element: &str, dx: f64, dy: f64) -> String {
    let at = xml.find(&format!("bpmnElement=\"{element}\"")).unwrap_or_else(|| panic!("no shape for {element}"));
    let b = at + xml[at..].find("<dc:Bounds").unwrap();
    let end = b + xml[b..].find("/>").unwrap();
    let attr = |name: &str| -> f64 {
        let s = xml[b..end].find(&format!(" {name}=\"")).unwrap() + b + name.len() + 3;
        xml[s..s + xml[s..].find('"').unwrap()].parse().unwrap()
    };
    let (x, y, w, h) = (attr("x"), attr("y"), attr("width"), attr("height"));
    format!("{}<dc:Bounds x=\"{}\" y=\"{}\" width=\"{w}\" height=\"{h}\"{}", &xml[..b], x + dx, y + dy, &xml[end..])
}

/// A step moved in another tool (bpmn.io, Camunda Modeler) comes back pinned where it was put,
/// in either pool of a whole-document file; steps nobody moved stay unpinned.
#[test]
fn a_step_moved_in_another_tool_is_pinned_there() {
    let doc = carepath::template::load("copd").unwrap();
    let ids: Vec<VariantId> = doc.variants.iter().map(|v| v.id).collect();
    let xml = to_bpmn_variants(&doc, &ids).unwrap();
    let first = doc.variants[0].steps_sorted()[4].id;
    let second = doc.variants[1].steps_sorted()[6].id;
    // where the export drew each step, in the layout's frame (the BPMN diagram has no need layer)
    let plain = carepath::layout::LayoutOptions { needs: false, ..Default::default() };
    let before: Vec<_> = ids.iter().map(|&v| carepath::layout::layout_with(&doc, v, &plain).unwrap()).collect();
    let was = |k: usize, s: StepId| before[k].steps.iter().find(|b| b.id == s).map(|b| (b.x, b.y)).unwrap();
    let moved = move_shape(&move_shape(&xml, &format!("Step_{first}"), 30.0, 12.0), &format!("Step_{second}_v2"), -20.0, 40.0);
    let (back, report) = from_bpmn(moved.as_bytes(), "flyttet.bpmn").unwrap_or_else(|e| panic!("{}", e.message));
    assert!(report.is_empty(), "{}", report.to_text("flyttet.bpmn"));
    let pos = |k: usize, s: StepId| back.variants[k].step(s).unwrap().position;
    let (x0, y0) = was(0, first);
    assert_eq!(pos(0, first), Some(Position { x: x0 + 30.0, y: y0 + 12.0 }));
    let (x1, y1) = was(1, second);
    assert_eq!(pos(1, second), Some(Position { x: x1 - 20.0, y: y1 + 40.0 }), "in the layout's frame, not the file's");
    let pinned = back.variants.iter().flat_map(|v| v.steps()).filter(|s| s.position.is_some()).count();
    assert_eq!(pinned, 2, "only the moved steps are pinned");
    let after = carepath::layout::layout_with(&back, ids[1], &plain).unwrap();
    let b = after.steps.iter().find(|b| b.id == second).unwrap();
    assert_eq!((b.x, b.y), (x1 - 20.0, y1 + 40.0), "drawn where it was put");
}

/// A task added in another tool to a pool Carepath drew is pinned where it was drawn (the
/// file's frame is Carepath's), in its lane, with its flows.
#[test]
fn a_task_added_in_another_tool_lands_where_it_was_drawn() {
    let doc = carepath::template::load("copd").unwrap();
    let v = &doc.variants[0];
    let xml = to_bpmn(&doc, v.id).unwrap();
    let lane = format!("<bpmn:lane id=\"Actor_{}\"", doc.actors[1].id);
    let from = v.steps_sorted()[3].id;
    let at = xml.find(&lane).unwrap();
    let at = at + xml[at..].find("</bpmn:extensionElements>").unwrap() + "</bpmn:extensionElements>".len();
    let added = format!("{}<bpmn:flowNodeRef>Ny</bpmn:flowNodeRef>{}", &xml[..at], &xml[at..])
        .replacen("<bpmn:sequenceFlow ", &format!("<bpmn:task id=\"Ny\" name=\"Ny oppgave\"/>\n<bpmn:sequenceFlow id=\"NyFlow\" sourceRef=\"Step_{from}\" targetRef=\"Ny\"/>\n<bpmn:sequenceFlow "), 1)
        .replacen("</bpmndi:BPMNPlane>", "<bpmndi:BPMNShape id=\"Ny_di\" bpmnElement=\"Ny\"><dc:Bounds x=\"2000\" y=\"140\" width=\"100\" height=\"80\"/></bpmndi:BPMNShape>\n</bpmndi:BPMNPlane>", 1);
    let (back, report) = from_bpmn(added.as_bytes(), "ny.bpmn").unwrap_or_else(|e| panic!("{}", e.message));
    assert!(report.is_empty(), "{}", report.to_text("ny.bpmn"));
    let ny = back.variants[0].steps().find(|s| s.label == "Ny oppgave").expect("the added task");
    assert_eq!(ny.position, Some(Position { x: 2000.0, y: 140.0 }));
    assert_eq!(ny.actor, Some(doc.actors[1].id));
    assert_eq!(back.variants[0].step_count(), v.step_count() + 1);
    assert_eq!(back.variants[0].transition_count(), v.transition_count() + 1);
    assert_eq!(back.variants[0].steps().filter(|s| s.position.is_some()).count(), 1, "the others stay unpinned");
}

/// A need's data object shows its title and information types in other tools; the import
/// keeps the title, unless the other tool renamed it.
#[test]
fn needs_are_named_by_title_and_information_types() {
    let doc = carepath::template::load("copd").unwrap();
    let v = &doc.variants[0];
    let need = v.needs().find(|n| n.info_types.len() >= 2).unwrap();
    let types: Vec<&str> = need.info_types.iter().map(|t| doc.info_type(*t).unwrap().name.as_str()).collect();
    let shown = format!("{} ({})", need.title, types.join(", "));
    let xml = to_bpmn(&doc, v.id).unwrap();
    let attr = format!("name=\"{}\"", carepath::export::bpmn::xml::escape_attr(&shown));
    assert!(xml.contains(&attr), "{attr}");
    let (back, _) = from_bpmn(xml.as_bytes(), "navn.bpmn").unwrap();
    assert_eq!(back.variants[0].need(need.id).unwrap().title, need.title);
    let renamed = xml.replace(&attr, "name=\"Henvisning\"");
    let (back, _) = from_bpmn(renamed.as_bytes(), "navn.bpmn").unwrap();
    assert_eq!(back.variants[0].need(need.id).unwrap().title, "Henvisning");
}

/// A pool per actor: every hand-over between actors and each need's message to each consumer
/// is a message flow, the actor's own steps a process; Carepath reads it back to the same
/// document (COPD variants, and the awkward one with nested flows and steps of no actor).
#[test]
fn a_pool_per_actor_has_message_flows_per_hand_over_and_consumer_and_round_trips() {
    let copd = carepath::template::load("copd").unwrap();
    let awkward = awkward();
    for (doc, v) in copd.variants.iter().map(|v| (&copd, v)).chain([(&awkward, &awkward.variants[0])]) {
        let xml = to_bpmn_pools(doc, v.id).unwrap();
        let main_steps: Vec<&Step> = v.steps().filter(|s| s.within.is_none()).collect();
        let actor_of = |id: StepId| v.step(id).and_then(|s| s.actor);
        let handovers = v.transitions().filter(|t| v.step(t.from).is_some_and(|s| s.within.is_none()) && actor_of(t.from) != actor_of(t.to)).count();
        let consumers: usize = v
            .needs()
            .map(|n| {
                let from = n.steps.iter().filter(|s| v.step(**s).is_some_and(|s| s.within.is_none())).find_map(|s| actor_of(*s).filter(|a| n.sources().any(|x| x == *a))).or(n.sources().next());
                if n.sources().next().is_none() { 0 } else { n.consumers().filter(|c| Some(*c) != from).count() }
            })
            .sum();
        assert_eq!(xml.matches("<bpmn:messageFlow ").count(), handovers + consumers, "{}", v.name);
        assert_eq!(xml.matches("<bpmn:participant ").count(), doc.actors.len() + usize::from(main_steps.iter().any(|s| s.actor.is_none())), "{}", v.name);
        let (back, report) = from_bpmn(xml.as_bytes(), "pools.bpmn").unwrap_or_else(|e| panic!("{}", e.message));
        assert!(report.is_empty(), "{}: {}", v.name, report.to_text("pools.bpmn"));
        assert_eq!(back.actors, doc.actors, "{}", v.name);
        assert_eq!(back.phases, doc.phases);
        assert_eq!(back.info_types, doc.info_types);
        assert_eq!(back.variants.len(), 1);
        assert_eq!(back.variants[0].to_data(), v.to_data(), "variant '{}'", v.name);
        assert_eq!(to_bpmn_pools(&back, v.id).unwrap(), xml, "and the same bytes again");
    }
}
