//! BPMN 2.0 export of one variant as a collaboration of pools, one per actor, the way
//! organisations draw hand-overs between themselves (`carepath export --format bpmn --pools`):
//!
//! | Carepath | BPMN |
//! | --- | --- |
//! | actor | a `participant` (pool) with its own `process` holding the actor's steps; an actor without steps in the variant is a pool without a process |
//! | transition within one actor | `sequenceFlow` in that actor's process |
//! | transition between actors (a hand-over) | `messageFlow` from step to step |
//! | data-sharing need | a `messageFlow` per consumer: from the need's step in a source's pool (else that pool) to the consumer's step at the need (else its pool), named by the need |
//! | phase | `group` of the collaboration |
//! | sub-pathway holding a flow | collapsed `subProcess` in its actor's process with the whole flow inside, and a diagram page |
//!
//! As in the one-pool export, everything travels also as Carepath JSON in `extensionElements`
//! (each pool its actor, each step and flow its element, the collaboration the document, the
//! catalogue and the variant's needs), so Carepath → BPMN → Carepath loses nothing. The pools
//! are drawn where the layout draws the lanes.

use super::geometry::{geometry, route, Rect};
use super::xml::Xml;
use super::{edge, element_of, json, num, open_definitions, shape, step_marks, write_document_data, write_nested_pages, write_phase_group, Part};
use crate::error::{CoreError, ErrorCode, Result};
use crate::format::bpmn::need_name;
use crate::model::*;
use std::collections::BTreeSet;

/// The BPMN 2.0 XML of one variant, a pool per actor.
pub fn to_bpmn_pools(doc: &Document, variant_id: VariantId) -> Result<String> {
    let v = doc.variant(variant_id).ok_or_else(|| CoreError::new(ErrorCode::UnknownId, format!("no variant with id {variant_id}")))?;
    let geo = geometry(doc, v, None)?;
    let nested = v.nested_flows().into_iter().map(|f| Ok((f, geometry(doc, v, Some(f))?))).collect::<Result<Vec<_>>>()?;
    let part = Part { v, sfx: String::new(), dy: 0.0, geo, nested, steps: v.steps_sorted(), transitions: v.transitions_sorted(), needs: v.needs().collect(), links: Vec::new() };
    let mut x = Xml::new();
    open_definitions(&mut x, doc, v.id);
    let flows = message_flows(doc, v);
    write_collaboration(&mut x, doc, v, &flows);
    let mut first = true;
    for a in &doc.actors {
        if v.flow_steps(None).any(|s| s.actor == Some(a.id)) {
            write_process(&mut x, &part, Some(a.id), first);
            first = false;
        }
    }
    if v.flow_steps(None).any(|s| s.actor.is_none()) {
        write_process(&mut x, &part, None, first);
    }
    write_diagram(&mut x, &part, &flows);
    write_nested_pages(&mut x, &part);
    x.close("bpmn:definitions");
    Ok(x.finish())
}

/// The pool (participant) of an actor, or of the steps without one.
fn pool(actor: Option<ActorId>) -> String {
    actor.map_or_else(|| "Pool_unassigned".to_string(), |a| format!("Pool_{a}"))
}

fn process(actor: Option<ActorId>) -> String {
    actor.map_or_else(|| "Process_unassigned".to_string(), |a| format!("Process_{a}"))
}

/// One message flow: its id, name, ends (element ids) and the Carepath element it stands for.
struct Message {
    id: String,
    name: String,
    from: String,
    to: String,
    /// A hand-over: the transition.
    transition: Option<TransitionId>,
}

/// The hand-overs between actors and a message per consumer of each need, in id order.
fn message_flows(doc: &Document, v: &Variant) -> Vec<Message> {
    let mut out = Vec::new();
    let actor_of = |s: StepId| v.step(s).and_then(|s| s.actor);
    for t in v.transitions_sorted() {
        let main = v.step(t.from).is_some_and(|s| s.within.is_none());
        if main && actor_of(t.from) != actor_of(t.to) {
            out.push(Message { id: format!("Flow_{}", t.id), name: t.label.clone(), from: format!("Step_{}", t.from), to: format!("Step_{}", t.to), transition: Some(t.id) });
        }
    }
    let has_pool = |a: ActorId| doc.actor(a).is_some();
    for n in v.needs() {
        let main_steps: Vec<StepId> = n.steps.iter().copied().filter(|s| v.step(*s).is_some_and(|s| s.within.is_none())).collect();
        let sources: Vec<ActorId> = n.sources().filter(|a| has_pool(*a)).collect();
        let Some(&first_source) = sources.first() else { continue };
        let from_step = main_steps.iter().copied().find(|s| actor_of(*s).is_some_and(|a| sources.contains(&a)));
        let from_actor = from_step.and_then(actor_of).unwrap_or(first_source);
        let from = from_step.map_or_else(|| pool(Some(from_actor)), |s| format!("Step_{s}"));
        for c in n.consumers().filter(|c| has_pool(*c) && *c != from_actor) {
            let to = main_steps.iter().copied().find(|s| actor_of(*s) == Some(c)).map_or_else(|| pool(Some(c)), |s| format!("Step_{s}"));
            out.push(Message { id: format!("Msg_{}_{c}", n.id), name: need_name(doc, n), from: from.clone(), to, transition: None });
        }
    }
    out
}

fn write_collaboration(x: &mut Xml, doc: &Document, v: &Variant, flows: &[Message]) {
    x.open("bpmn:collaboration", &[("id", &format!("Collaboration_{}", v.id))]);
    x.open("bpmn:extensionElements", &[]);
    write_document_data(x, doc, |id| id == v.id);
    // the needs whole: their message flows name them, one per consumer
    let needs: Vec<&DataNeed> = v.needs().collect();
    x.text("cp:needs", &[], &json(&needs));
    x.close("bpmn:extensionElements");
    let with_steps: BTreeSet<Option<ActorId>> = v.flow_steps(None).map(|s| s.actor).collect();
    for a in &doc.actors {
        let mut attrs = vec![("id", pool(Some(a.id))), ("name", a.name.clone())];
        if with_steps.contains(&Some(a.id)) {
            attrs.push(("processRef", process(Some(a.id))));
        }
        let attrs: Vec<(&str, &str)> = attrs.iter().map(|(k, v)| (*k, v.as_str())).collect();
        x.open("bpmn:participant", &attrs);
        x.open("bpmn:extensionElements", &[]);
        x.text("cp:actor", &[], &json(a));
        x.close("bpmn:extensionElements");
        x.close("bpmn:participant");
    }
    if with_steps.contains(&None) {
        x.open("bpmn:participant", &[("id", &pool(None)), ("name", "Uten aktør"), ("processRef", &process(None))]);
        x.open("bpmn:extensionElements", &[]);
        x.text("cp:unassigned", &[], "");
        x.close("bpmn:extensionElements");
        x.close("bpmn:participant");
    }
    for m in flows {
        x.open("bpmn:messageFlow", &[("id", &m.id), ("name", &m.name), ("sourceRef", &m.from), ("targetRef", &m.to)]);
        x.open("bpmn:extensionElements", &[]);
        match m.transition.and_then(|t| v.transition(t)) {
            Some(t) => x.text("cp:transition", &[], &json(t)),
            None => x.text("cp:message", &[], ""),
        }
        x.close("bpmn:extensionElements");
        x.close("bpmn:messageFlow");
    }
    for p in &doc.phases {
        write_phase_group(x, p, "");
    }
    x.close("bpmn:collaboration");
}

/// The process of one actor's pool: its main-flow steps (a sub-pathway with the whole of its
/// flow inside) and the sequence flows between them.
fn write_process(x: &mut Xml, part: &Part, actor: Option<ActorId>, first: bool) {
    let v = part.v;
    x.open("bpmn:process", &[("id", &process(actor)), ("isExecutable", "false")]);
    if first {
        x.open("bpmn:extensionElements", &[]);
        x.text("cp:variant", &[], &json(&VariantHeader::of(v)));
        x.close("bpmn:extensionElements");
    }
    let mine: BTreeSet<StepId> = part.steps.iter().filter(|s| s.within.is_none() && s.actor == actor).map(|s| s.id).collect();
    write_steps(x, part, None, &mine);
    x.close("bpmn:process");
}

/// The steps of one flow that `keep` allows (all of a nested flow), then its sequence flows.
fn write_steps(x: &mut Xml, part: &Part, within: Option<StepId>, keep: &BTreeSet<StepId>) {
    let v = part.v;
    let here = |s: &Step| s.within == within && (within.is_some() || keep.contains(&s.id));
    let flows: Vec<&&Transition> = part.transitions.iter().filter(|t| v.step(t.from).is_some_and(here) && v.step(t.to).is_some_and(here)).collect();
    for s in part.steps.iter().filter(|s| here(s)) {
        let holds = s.kind == StepKind::SubPathway && v.holds_flow(s.id);
        let tag = if holds { "bpmn:subProcess" } else { element_of(s.kind) };
        x.open(tag, &[("id", &format!("Step_{}", s.id)), ("name", &s.label)]);
        if !s.description.is_empty() {
            x.text("bpmn:documentation", &[], &s.description);
        }
        x.open("bpmn:extensionElements", &[]);
        let r = part.rect(s.id);
        x.text("cp:step", &[("x", &num(r.x)), ("y", &num(r.y))], &json(s));
        x.close("bpmn:extensionElements");
        for t in flows.iter().filter(|t| t.to == s.id) {
            x.text("bpmn:incoming", &[], &format!("Flow_{}", t.id));
        }
        for t in flows.iter().filter(|t| t.from == s.id) {
            x.text("bpmn:outgoing", &[], &format!("Flow_{}", t.id));
        }
        if holds {
            write_steps(x, part, Some(s.id), keep);
        }
        x.close(tag);
    }
    for t in flows {
        x.open("bpmn:sequenceFlow", &[("id", &format!("Flow_{}", t.id)), ("name", &t.label), ("sourceRef", &format!("Step_{}", t.from)), ("targetRef", &format!("Step_{}", t.to))]);
        x.open("bpmn:extensionElements", &[]);
        x.text("cp:transition", &[], &json(t));
        x.close("bpmn:extensionElements");
        x.close("bpmn:sequenceFlow");
    }
}

fn write_diagram(x: &mut Xml, part: &Part, flows: &[Message]) {
    let v = part.v;
    let geo = &part.geo;
    x.open("bpmndi:BPMNDiagram", &[("id", &format!("Diagram_{}", v.id)), ("name", &v.name)]);
    x.open("bpmndi:BPMNPlane", &[("id", &format!("Plane_{}", v.id)), ("bpmnElement", &format!("Collaboration_{}", v.id))]);
    // the pools where the layout draws the lanes; a pool of the unassigned steps below them
    let mut boxes: Vec<(String, Rect)> = geo.lanes.iter().map(|(a, r)| (pool(Some(*a)), *r)).collect();
    if v.flow_steps(None).any(|s| s.actor.is_none()) {
        let bottom = geo.lanes.iter().map(|(_, r)| r.bottom()).fold(geo.pool.y, f64::max);
        boxes.push((pool(None), Rect { x: geo.pool.x + 30.0, y: bottom, w: geo.pool.w - 30.0, h: 120.0 }));
    }
    for (id, r) in &boxes {
        shape(x, id, &[("isHorizontal", "true")], *r);
    }
    for (p, r) in &geo.phases {
        shape(x, &format!("Phase_{p}"), &[], *r);
    }
    for s in part.steps.iter().filter(|s| s.within.is_none()) {
        if let Some(r) = geo.steps.get(&s.id) {
            shape(x, &format!("Step_{}", s.id), step_marks(v, s), *r);
        }
    }
    let rect_of = |id: &str| -> Option<Rect> {
        if let Some((_, r)) = boxes.iter().find(|(b, _)| b == id) {
            return Some(*r);
        }
        let step = id.strip_prefix("Step_")?;
        part.steps.iter().find(|s| s.id.to_string() == step).and_then(|s| geo.steps.get(&s.id)).copied()
    };
    let actor_of = |s: StepId| v.step(s).and_then(|s| s.actor);
    for t in part.transitions.iter().filter(|t| geo.steps.contains_key(&t.from) && geo.steps.contains_key(&t.to) && actor_of(t.from) == actor_of(t.to)) {
        let points = geo.routes.get(&t.id).cloned().unwrap_or_else(|| route(geo.steps[&t.from], geo.steps[&t.to]));
        edge(x, &format!("Flow_{}_di", t.id), &format!("Flow_{}", t.id), &points);
    }
    for m in flows {
        let points = match m.transition {
            Some(t) => geo.routes.get(&t).cloned(),
            None => None,
        };
        let points = points.or_else(|| {
            let (a, b) = (rect_of(&m.from)?, rect_of(&m.to)?);
            // straight across the pools, from the edge facing the other end
            let (ya, yb) = if a.cy() < b.cy() { (a.bottom(), b.y) } else { (a.y, b.bottom()) };
            let xm = if m.to.starts_with("Pool_") { a.cx() } else { b.cx() };
            let xa = if m.from.starts_with("Pool_") { xm } else { a.cx() };
            Some(vec![(xa, ya), (xm, yb)])
        });
        if let Some(points) = points {
            edge(x, &format!("{}_di", m.id), &m.id, &points);
        }
    }
    x.close("bpmndi:BPMNPlane");
    x.close("bpmndi:BPMNDiagram");
}
