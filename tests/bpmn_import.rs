//! BPMN import of files from other tools: pools and lanes to actors, flow nodes to steps,
//! message flows and linked data objects to needs, groups to phases, and a report that names
//! everything left out. Hostile or broken input gives an error that names the file.

use carepath::import::bpmn::{from_bpmn, read};
use carepath::model::*;
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bpmn").join(name)
}

#[test]
fn pools_lanes_flows_and_data_map_and_the_rest_is_reported() {
    let (doc, report) = read(&fixture("two-pools.bpmn")).unwrap_or_else(|e| panic!("{}", e.message));
    assert_eq!(doc.metadata.title, "Forverring – KOLS");
    let names: Vec<&str> = doc.actors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Sykepleier", "Lege & team", "Hjemmetjeneste", "Sykehus", "Pasient"]);
    assert_eq!(doc.actors[0].organisation, "Kommunen");
    let v = &doc.variants[0];
    assert_eq!(v.step_count(), 9, "start, vurder, gw, lege, sub and the task inside it, boundary, end, motta");
    assert_eq!(v.transition_count(), 6);
    let step = |label: &str| v.steps().find(|s| s.label == label).unwrap_or_else(|| panic!("no step {label}"));
    let vurder = step("Vurdere\nmålinger");
    assert_eq!(vurder.kind, StepKind::Activity);
    assert_eq!(vurder.description, "Sykepleier ser på SpO2 og puls.");
    // drawn steps are pinned, kept in the order the file draws them, inside their own lane
    let start = step("Rødt varsel");
    let (Some(ps), Some(pv)) = (start.position, vurder.position) else { panic!("drawn steps are pinned") };
    assert!(ps.x < pv.x, "the start stays left of the task: {ps:?} {pv:?}");
    assert!(step("Lege vurderer").position.is_none(), "a step the file does not draw is laid out");
    assert_eq!(doc.phases.len(), 1);
    assert_eq!(doc.phases[0].name, "Oppfølging");
    assert_eq!(vurder.phase, Some(doc.phases[0].id), "inside the group's box");
    assert_eq!(step("Ferdig").phase, None, "outside the group's box");
    assert_eq!(step("Besøk").kind, StepKind::SubPathway);
    assert_eq!(step("Begge").kind, StepKind::Decision);
    assert_eq!(step("Lege vurderer").actor, Some(doc.actors[1].id), "nested lane");
    assert_eq!(step("Motta henvisning").actor, Some(doc.actors[3].id), "pool without lanes");
    assert!(v.transitions().any(|t| t.label == "rød"), "condition as label");
    // needs: two message flows and the data object reference
    let need = |title: &str| v.needs().find(|n| n.title == title).unwrap_or_else(|| panic!("no need {title}"));
    let h = need("Henvisning");
    assert_eq!((h.provider(), h.consumers().next()), (Some(doc.actors[0].id), Some(doc.actors[3].id)));
    assert_eq!(h.form, InteractionForm::Unknown);
    assert_eq!(need("Innkalling").consumers().next(), Some(doc.actors[4].id), "black-box pool");
    let m = need("Siste målinger");
    let malinger = doc.info_types.iter().find(|t| t.name == "Målinger").unwrap();
    assert_eq!(malinger.codes, ["IT17", "IT07"], "catalogue entry reused");
    assert_eq!(m.info_types, vec![malinger.id]);
    assert_eq!(m.steps, vec![vurder.id, step("Lege vurderer").id]);
    assert_eq!((m.provider(), m.consumers().next()), (Some(doc.actors[0].id), Some(doc.actors[1].id)));
    assert!(doc.info_types.iter().any(|t| t.name == "Sjekkliste"), "new data object, new entry");
    // the report names what had no counterpart, and what was approximated
    let skipped: Vec<&str> = report.skipped.iter().map(|e| e.element.as_str()).collect();
    for want in ["extensionElements", "dataStore", "textAnnotation", "association"] {
        assert!(skipped.contains(&want), "{want} not reported: {skipped:?}");
    }
    // the sub-process's own diagram page is read with its flow, not reported
    assert!(!skipped.contains(&"BPMNDiagram"), "{skipped:?}");
    // the sub-process's task is imported into the sub-pathway's own flow
    assert!(report.skipped.iter().all(|e| e.id.as_deref() != Some("inner")), "{skipped:?}");
    assert_eq!(step("Indre oppgave").within, Some(step("Besøk").id));
    let approx: Vec<&str> = report.approximated.iter().map(|e| e.element.as_str()).collect();
    for want in ["parallelGateway", "boundaryEvent", "timerEventDefinition"] {
        assert!(approx.contains(&want), "{want} not reported: {approx:?}");
    }
    assert!(!approx.contains(&"subProcess"), "a sub-process is mapped whole: {approx:?}");
    let _ = carepath::rules::validate(&doc);
}

#[test]
fn a_file_without_groups_gets_one_phase() {
    let xml = r#"<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x">
      <process id="p" name="Prosess"><startEvent id="s"/><task id="t" name="A"/><sequenceFlow id="f" sourceRef="s" targetRef="t"/></process>
    </definitions>"#;
    let (doc, report) = from_bpmn(xml.as_bytes(), "mini.bpmn").unwrap();
    assert!(report.is_empty(), "{report:?}");
    assert_eq!(doc.phases.len(), 1);
    assert_eq!(doc.phases[0].name, "Forløp");
    assert_eq!(doc.actors.len(), 1);
    assert_eq!(doc.actors[0].name, "Prosess");
    assert!(doc.variants[0].steps().all(|s| s.phase == Some(doc.phases[0].id) && s.actor == Some(doc.actors[0].id)));
}

#[test]
fn hostile_and_broken_input_gives_errors_naming_the_file() {
    let cases: &[(&[u8], &str)] = &[
        (b"<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;\">]>\n<definitions>&lol2;</definitions>", "DOCTYPE"),
        (b"<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">\n  <process id=\"p\">\n    <task id=\"t\">\n  </process>\n</definitions>", "line 4"),
        (b"<html><body/></html>", "not a BPMN 2.0 file"),
        (b"", "no XML element"),
        (b"<a>\xff\xfe</a>", "UTF-8"),
        (b"<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">&xxe;</definitions>", "unknown entity"),
    ];
    for (bytes, want) in cases {
        let e = from_bpmn(bytes, "ond.bpmn").unwrap_err();
        assert!(e.message.starts_with("ond.bpmn: ") && e.message.contains(want), "{want}: {}", e.message);
    }
    let deep = format!("<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">{}", "<x>".repeat(100_000));
    assert!(from_bpmn(deep.as_bytes(), "dyp.bpmn").unwrap_err().message.contains("deeper"));
    // a file over the size bound is refused before it is read (a sparse file: no disk used)
    let dir = tempfile::tempdir().unwrap();
    let huge = dir.path().join("stor.bpmn");
    std::fs::File::create(&huge).unwrap().set_len(carepath::import::bpmn::tree::MAX_BYTES as u64 + 1).unwrap();
    let e = read(&huge).unwrap_err();
    assert!(e.message.contains("stor.bpmn") && e.message.contains("at most"), "{}", e.message);
    let e = read(&fixture("finnes-ikke.bpmn")).unwrap_err();
    assert!(e.message.contains("finnes-ikke.bpmn"), "{}", e.message);
}

#[test]
fn duplicate_ids_are_refused_with_both_places_and_dangling_references_are_reported() {
    let xml = r#"<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x">
      <process id="p"><task id="t" name="A"/><task id="t" name="B"/>
      <sequenceFlow id="f" sourceRef="t" targetRef="nowhere"/>
      <laneSet><lane id="l" name="L"><flowNodeRef>ghost</flowNodeRef></lane></laneSet></process>
    </definitions>"#;
    let e = from_bpmn(xml.as_bytes(), "dup.bpmn").unwrap_err();
    assert_eq!(e.message, "dup.bpmn: line 2, column 46: the id 't' is already used by the element at line 2, column 23; BPMN ids must be unique");
    let (doc, report) = from_bpmn(xml.replacen(r#"id="t" name="B""#, r#"id="u" name="B""#, 1).as_bytes(), "dup.bpmn").unwrap();
    assert_eq!(doc.variants[0].step_count(), 2);
    assert_eq!(doc.variants[0].transition_count(), 0);
    assert!(report.skipped.iter().any(|e| e.element == "sequenceFlow"));
    // a raw '<' in an attribute is malformed XML, with its place
    let e = from_bpmn(xml.replacen(r#"name="A""#, r#"name="A<B""#, 1).as_bytes(), "lt.bpmn").unwrap_err();
    assert!(e.message.starts_with("lt.bpmn: line 2, column 23: attribute 'name' holds a raw '<'"), "{}", e.message);
}

/// What other tools write: a Camunda Modeler file with its own attributes and extensions and
/// no diagram, a collaboration of pools without lanes, message flows whose ends are not
/// imported, a data object without a name. Everything maps or is reported.
#[test]
fn files_of_other_tools_map_or_are_reported() {
    let camunda = r#"<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn" exporter="Camunda Modeler" exporterVersion="5.20.0">
  <bpmn:process id="Oppfolging" name="Oppfølging" isExecutable="true" camunda:historyTimeToLive="180">
    <bpmn:startEvent id="Start" name="Måling mottatt"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="Vurder" name="Vurdere måling" camunda:assignee="sykepleier">
      <bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name="x">1</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements>
      <bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:exclusiveGateway id="Gw" name="Avvik?"><bpmn:incoming>F2</bpmn:incoming></bpmn:exclusiveGateway>
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Vurder"/>
    <bpmn:sequenceFlow id="F2" sourceRef="Vurder" targetRef="Gw"/>
    <bpmn:dataObject id="Anon"/>
  </bpmn:process>
</bpmn:definitions>"#;
    let (doc, report) = from_bpmn(camunda.as_bytes(), "camunda.bpmn").unwrap_or_else(|e| panic!("{}", e.message));
    assert_eq!(doc.actors.len(), 1);
    assert_eq!(doc.actors[0].name, "Oppfølging");
    let v = &doc.variants[0];
    assert_eq!((v.step_count(), v.transition_count()), (3, 2));
    assert!(v.steps().all(|s| s.position.is_none()), "no diagram: laid out by Carepath");
    let skipped: Vec<(&str, &str)> = report.skipped.iter().map(|e| (e.element.as_str(), e.note.as_str())).collect();
    assert!(skipped.iter().any(|(e, n)| *e == "extensionElements" && n.contains("another tool")), "{skipped:?}");
    assert!(skipped.iter().any(|(e, n)| *e == "dataObject" && n.contains("without a name")), "{skipped:?}");

    let pools = r#"<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x">
      <collaboration id="c">
        <participant id="pa" name="Fastlege" processRef="p1"/>
        <participant id="pb" name="Kommune" processRef="p2"/>
        <messageFlow id="m1" name="Henvisning" sourceRef="t1" targetRef="pb"/>
        <messageFlow id="m2" name="Svar" sourceRef="inner" targetRef="t1"/>
      </collaboration>
      <process id="p1"><task id="t1" name="Henvise"/><subProcess id="sp" name="Del"><task id="inner" name="Indre"/></subProcess></process>
      <process id="p2"><task id="t2" name="Vurdere søknad"/></process>
    </definitions>"#;
    let (doc, report) = from_bpmn(pools.as_bytes(), "pools.bpmn").unwrap_or_else(|e| panic!("{}", e.message));
    let names: Vec<&str> = doc.actors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Fastlege", "Kommune"], "a pool without lanes is one actor");
    let v = &doc.variants[0];
    let h = v.needs().find(|n| n.title == "Henvisning").unwrap();
    assert_eq!((h.provider(), h.consumers().next(), h.form), (Some(doc.actors[0].id), Some(doc.actors[1].id), InteractionForm::Unknown));
    // a message flow from a task inside a sub-process starts at that task's actor
    let svar = v.needs().find(|n| n.title == "Svar").unwrap();
    assert_eq!(svar.provider(), Some(doc.actors[0].id));
    assert!(v.steps().any(|s| s.label == "Indre" && s.within.is_some()), "the sub-process content is imported");
    assert!(report.approximated.iter().all(|e| e.id.as_deref() != Some("m2")), "{report:?}");
}

/// Sub-processes become sub-pathways with a flow of their own: one nested in another, one with
/// lanes of its own; a call activity stays a sub-pathway step without a flow.
#[test]
fn sub_processes_become_nested_flows_in_their_lanes() {
    let xml = r#"<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x">
      <collaboration id="c"><participant id="pool" name="Kommune" processRef="p"/></collaboration>
      <process id="p">
        <laneSet id="ls"><lane id="l1" name="Sykepleier"><flowNodeRef>s</flowNodeRef><flowNodeRef>sub</flowNodeRef><flowNodeRef>e</flowNodeRef></lane>
          <lane id="l2" name="Lege"><flowNodeRef>other</flowNodeRef></lane></laneSet>
        <startEvent id="s"/>
        <subProcess id="sub" name="Oppfølging">
          <laneSet id="sls"><lane id="sl1" name="Lege"><flowNodeRef>a</flowNodeRef></lane>
            <lane id="sl2" name="Fysioterapeut"><flowNodeRef>inner</flowNodeRef></lane></laneSet>
          <startEvent id="ss"/>
          <task id="a" name="Vurdere"/>
          <subProcess id="inner" name="Trening"><startEvent id="is"/><task id="it" name="Øvelser"/><endEvent id="ie"/>
            <sequenceFlow id="if1" sourceRef="is" targetRef="it"/><sequenceFlow id="if2" sourceRef="it" targetRef="ie"/></subProcess>
          <endEvent id="se"/>
          <sequenceFlow id="sf1" sourceRef="ss" targetRef="a"/><sequenceFlow id="sf2" sourceRef="a" targetRef="inner"/>
          <sequenceFlow id="sf3" sourceRef="inner" targetRef="se"/>
        </subProcess>
        <task id="other" name="Skrive epikrise"/>
        <callActivity id="call" name="Felles plan"/>
        <endEvent id="e"/>
        <sequenceFlow id="f1" sourceRef="s" targetRef="sub"/><sequenceFlow id="f2" sourceRef="sub" targetRef="other"/>
        <sequenceFlow id="f3" sourceRef="other" targetRef="call"/><sequenceFlow id="f4" sourceRef="call" targetRef="e"/>
      </process>
    </definitions>"#;
    let (doc, report) = from_bpmn(xml.as_bytes(), "nested.bpmn").unwrap();
    assert!(report.skipped.is_empty(), "{report:?}");
    let v = &doc.variants[0];
    let by = |label: &str| v.steps().find(|s| s.label == label).unwrap_or_else(|| panic!("{label} imported"));
    let actor = |name: &str| doc.actors.iter().find(|a| a.name == name).map(|a| a.id);
    let sub = by("Oppfølging").id;
    let inner = by("Trening").id;
    assert_eq!(by("Vurdere").within, Some(sub));
    assert_eq!(by("Trening").within, Some(sub));
    assert_eq!(by("Øvelser").within, Some(inner));
    assert_eq!(by("Skrive epikrise").within, None);
    assert_eq!(by("Felles plan").kind, StepKind::SubPathway);
    assert!(!v.holds_flow(by("Felles plan").id), "a call activity holds no flow");
    // the sub-process's own lanes: an actor of the same name is reused, a new one is made
    assert_eq!(by("Vurdere").actor, actor("Lege"));
    assert_eq!(by("Trening").actor, actor("Fysioterapeut"));
    assert!(actor("Fysioterapeut").is_some());
    assert_eq!(doc.actors.iter().filter(|a| a.name == "Lege").count(), 1);
    // without a lane, a nested step is in its sub-pathway's lane
    assert_eq!(by("Øvelser").actor, by("Trening").actor);
    assert_eq!(v.step_count(), 12);
    assert_eq!(v.transition_count(), 9);
    assert_eq!(v.flow_of(Some(sub)).transition_count(), 3);
    assert_eq!(v.flow_of(Some(inner)).transition_count(), 2);
    assert_eq!(v.flow_of(None).transition_count(), 4);
    assert_eq!(v.nested_flows(), vec![sub, inner]);
    let errors: Vec<_> = carepath::rules::validate(&doc).into_iter().filter(|f| f.severity == carepath::rules::Severity::Error).collect();
    assert!(errors.is_empty(), "{errors:?}");
}
