//! BPMN 2.0 export of one variant or several, with diagram interchange (BPMNDI) so other modellers
//! (bpmn.io, Camunda Modeler, Signavio, ...) open and draw it.
//!
//! The mapping keeps the flow one process, because a Carepath transition may hand over
//! between any two actors and BPMN only lets sequence flows run inside one pool:
//!
//! | Carepath | BPMN |
//! | --- | --- |
//! | variant | a `participant` (pool) of the one `collaboration`, with its `process`; further variants ([`to_bpmn_variants`]) are further pools stacked below, their element ids ending in `_v2`, `_v3` ... |
//! | actor | a `lane` of that pool, in lane order |
//! | step: start / end / event | `startEvent` / `endEvent` / `intermediateThrowEvent` |
//! | step: activity / decision | `task` / `exclusiveGateway` |
//! | step: sub-pathway | `callActivity`; one that holds a flow of its own is a collapsed `subProcess` with that flow inside it (steps, flows; not lanes), drawn on a diagram page of its own |
//! | step description | `documentation` |
//! | transition | `sequenceFlow` (label = name) |
//! | phase | `group` with a `categoryValue` (the phase name) in the category "Phases" |
//! | information type used by a need | `dataObject` named after it |
//! | data-sharing need | `dataObjectReference` (name = title and, in brackets, the information types; pointing at its first information type) with a `dataOutputAssociation` from its first step and `dataInputAssociation`s to the others; for events and gateways, which cannot carry data associations, directed `association`s |
//!
//! Everything BPMN has no place for travels in `extensionElements` in the namespace
//! [`NS_CAREPATH`], as the element's canonical Carepath JSON: each lane carries its actor,
//! each step, flow, group and data object reference its step, transition, phase or need,
//! the process the variant's header, and the collaboration the document's id and metadata,
//! the whole information catalogue, and the comments and reviews that concern this variant or
//! the document. The importer reads those back, so Carepath → BPMN → Carepath loses nothing;
//! what other tools change in names, element types, lanes and flow ends still wins.
//!
//! Output is deterministic: elements in canonical order (lanes by order, everything else by
//! id), fixed number formatting, no timestamps.

mod geometry;
mod pools;
pub mod xml;

pub use geometry::{geometry, Geometry, Rect};
pub use pools::to_bpmn_pools;

use crate::error::{CoreError, ErrorCode, Result};
use crate::model::*;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use xml::Xml;

pub use crate::format::bpmn::{NS_BPMNDI, NS_CAREPATH, NS_DC, NS_DI, NS_MODEL};
use crate::format::bpmn::{need_name, DocumentHeader};

/// The variant to export: the one named (by name or id), or else the first.
pub fn pick_variant<'a>(doc: &'a Document, name: Option<&str>) -> Result<&'a Variant> {
    match name {
        Some(n) => doc.variant_named(n).ok_or_else(|| {
            let names: Vec<&str> = doc.variants.iter().map(|v| v.name.as_str()).collect();
            CoreError::new(ErrorCode::UnknownId, format!("there is no variant named '{n}'; the document has: {}", names.join(", ")))
        }),
        None => doc.variants.first().ok_or_else(|| CoreError::new(ErrorCode::InvalidValue, "the document has no variant to export")),
    }
}

/// The BPMN element name of a step kind.
pub fn element_of(kind: StepKind) -> &'static str {
    match kind {
        StepKind::Start => "bpmn:startEvent",
        StepKind::End => "bpmn:endEvent",
        StepKind::Event => "bpmn:intermediateThrowEvent",
        StepKind::Activity => "bpmn:task",
        StepKind::Decision => "bpmn:exclusiveGateway",
        StepKind::SubPathway => "bpmn:callActivity",
    }
}

/// Whether BPMN lets this kind carry data associations (activities do; events and gateways
/// get plain associations instead).
fn has_data_associations(kind: StepKind) -> bool {
    matches!(kind, StepKind::Activity | StepKind::SubPathway)
}

pub(super) fn json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("model values always serialise")
}

pub(super) fn num(v: f64) -> String {
    format!("{}", (v * 100.0).round() / 100.0)
}

/// A need's link to one of its steps: `out` when data flows from the step to the need.
struct Link {
    need: NeedId,
    step: StepId,
    out: bool,
}

fn links(variant: &Variant) -> Vec<Link> {
    let mut out = Vec::new();
    for n in variant.needs() {
        let mut seen = BTreeSet::new();
        let steps: Vec<StepId> = n.steps.iter().copied().filter(|s| seen.insert(*s) && variant.step(*s).is_some()).collect();
        for (i, &s) in steps.iter().enumerate() {
            out.push(Link { need: n.id, step: s, out: i == 0 && steps.len() > 1 });
        }
    }
    out
}

/// The BPMN 2.0 XML of one variant.
pub fn to_bpmn(doc: &Document, variant_id: VariantId) -> Result<String> {
    to_bpmn_variants(doc, &[variant_id])
}

/// One variant's part of the file: its steps, flows and needs, where its pool is drawn, and
/// the suffix that keeps its element ids apart from the other variants' (variants share step
/// and actor ids; the first variant's ids have no suffix).
pub(super) struct Part<'a> {
    v: &'a Variant,
    sfx: String,
    /// How far down the pool is drawn from where the layout puts it.
    dy: f64,
    geo: Geometry,
    /// Each nested flow's own drawing, by the sub-pathway step that holds it.
    nested: Vec<(StepId, Geometry)>,
    steps: Vec<&'a Step>,
    transitions: Vec<&'a Transition>,
    needs: Vec<&'a DataNeed>,
    links: Vec<Link>,
}

/// The BPMN 2.0 XML of the given variants, in that order: one pool (participant and process)
/// each, stacked top to bottom in one diagram, so the whole document goes through BPMN.
pub fn to_bpmn_variants(doc: &Document, variants: &[VariantId]) -> Result<String> {
    if variants.is_empty() {
        return Err(CoreError::new(ErrorCode::InvalidValue, "the document has no variant to export"));
    }
    let mut parts: Vec<Part> = Vec::new();
    let mut dy = 0.0;
    for (k, &vid) in variants.iter().enumerate() {
        let v = doc.variant(vid).ok_or_else(|| CoreError::new(ErrorCode::UnknownId, format!("no variant with id {vid}")))?;
        if parts.iter().any(|p| p.v.id == vid) {
            continue;
        }
        let mut geo = geometry(doc, v, None)?;
        geo.shift(dy);
        let nested = v.nested_flows().into_iter().map(|f| Ok((f, geometry(doc, v, Some(f))?))).collect::<Result<Vec<_>>>()?;
        let needs: Vec<&DataNeed> = v.needs().collect();
        let shift = dy;
        dy = data_bottom(&geo, &needs) + POOL_GAP;
        parts.push(Part { v, sfx: if k == 0 { String::new() } else { format!("_v{}", k + 1) }, dy: shift, geo, nested, steps: v.steps_sorted(), transitions: v.transitions_sorted(), links: links(v), needs });
    }
    let first = parts[0].v.id;
    let mut x = Xml::new();
    open_definitions(&mut x, doc, first);
    write_collaboration(&mut x, doc, &parts);
    for part in &parts {
        write_process(&mut x, doc, part);
    }
    write_diagram(&mut x, &parts);
    x.close("bpmn:definitions");
    Ok(x.finish())
}

/// Opens the file's root with Carepath's namespaces, and writes the category whose values the
/// phase groups point at.
fn open_definitions(x: &mut Xml, doc: &Document, first: VariantId) {
    let def_id = format!("Definitions_{}", doc.id);
    let tns = format!("urn:uuid:{}", doc.id);
    x.open(
        "bpmn:definitions",
        &[
            ("xmlns:bpmn", NS_MODEL),
            ("xmlns:bpmndi", NS_BPMNDI),
            ("xmlns:dc", NS_DC),
            ("xmlns:di", NS_DI),
            ("xmlns:cp", NS_CAREPATH),
            ("id", &def_id),
            ("name", &doc.metadata.title),
            ("targetNamespace", &tns),
            ("exporter", "Carepath"),
            ("exporterVersion", env!("CARGO_PKG_VERSION")),
        ],
    );
    x.open("bpmn:category", &[("id", &format!("Phases_{first}")), ("name", "Phases")]);
    for p in &doc.phases {
        x.empty("bpmn:categoryValue", &[("id", &format!("PhaseValue_{}", p.id)), ("value", &p.name)]);
    }
    x.close("bpmn:category");
}

/// The document's header and catalogue, and the comments and reviews on the document or on
/// the variants `ours` keeps, as Carepath JSON in the collaboration's extension elements.
fn write_document_data(x: &mut Xml, doc: &Document, ours: impl Fn(VariantId) -> bool) {
    x.text("cp:document", &[], &json(&DocumentHeader { id: doc.id, metadata: doc.metadata.clone() }));
    x.text("cp:catalogue", &[], &json(&doc.info_types));
    let concerns = |t: &ElementRef| match *t {
        ElementRef::Variant { id } => ours(id),
        ElementRef::Step { variant, .. } | ElementRef::Transition { variant, .. } | ElementRef::Need { variant, .. } => ours(variant),
        _ => true,
    };
    let comments: Vec<&Comment> = doc.comments.iter().filter(|c| concerns(&c.target)).collect();
    let reviews: Vec<&Review> = doc.reviews.iter().filter(|r| concerns(&r.target)).collect();
    x.text("cp:comments", &[], &json(&comments));
    x.text("cp:reviews", &[], &json(&reviews));
}

/// A phase as a group pointing at its category value, with the phase as Carepath JSON.
fn write_phase_group(x: &mut Xml, p: &Phase, sfx: &str) {
    x.open("bpmn:group", &[("id", &format!("Phase_{}{sfx}", p.id)), ("categoryValueRef", &format!("PhaseValue_{}", p.id))]);
    x.open("bpmn:extensionElements", &[]);
    x.text("cp:phase", &[], &json(p));
    x.close("bpmn:extensionElements");
    x.close("bpmn:group");
}

/// A shape of a diagram: `element`'s box, with extra attributes such as `isHorizontal`.
fn shape(x: &mut Xml, element: &str, extra: &[(&str, &str)], r: Rect) {
    let id = format!("{element}_di");
    let mut attrs = vec![("id", id.as_str()), ("bpmnElement", element)];
    attrs.extend_from_slice(extra);
    x.open("bpmndi:BPMNShape", &attrs);
    bounds(x, r);
    x.close("bpmndi:BPMNShape");
}

/// What a step's shape marks: a decision's X, a sub-pathway holding a flow drawn collapsed.
fn step_marks(v: &Variant, s: &Step) -> &'static [(&'static str, &'static str)] {
    match s.kind {
        StepKind::Decision => &[("isMarkerVisible", "true")],
        StepKind::SubPathway if v.holds_flow(s.id) => &[("isExpanded", "false")],
        _ => &[],
    }
}

/// Space between one pool's data objects and the next pool.
const POOL_GAP: f64 = 60.0;

fn write_collaboration(x: &mut Xml, doc: &Document, parts: &[Part]) {
    let first = parts[0].v.id;
    x.open("bpmn:collaboration", &[("id", &format!("Collaboration_{first}"))]);
    x.open("bpmn:extensionElements", &[]);
    write_document_data(x, doc, |id| parts.iter().any(|p| p.v.id == id));
    x.close("bpmn:extensionElements");
    for p in parts {
        let vid = p.v.id;
        x.empty("bpmn:participant", &[("id", &format!("Pool_{vid}")), ("name", &p.v.name), ("processRef", &format!("Process_{vid}"))]);
    }
    x.close("bpmn:collaboration");
}

impl Part<'_> {
    /// Where a step is drawn: on the pool, or on its nested flow's own page.
    pub(super) fn rect(&self, step: StepId) -> Rect {
        self.geo.steps.get(&step).or_else(|| self.nested.iter().find_map(|(_, g)| g.steps.get(&step))).copied().unwrap_or(Rect { x: 0.0, y: 0.0, w: 0.0, h: 0.0 })
    }
}

fn write_process(x: &mut Xml, doc: &Document, part: &Part) {
    let Part { v, sfx, steps, transitions, needs, links, dy, .. } = part;
    let vid = v.id;
    x.open("bpmn:process", &[("id", &format!("Process_{vid}")), ("name", &v.name), ("isExecutable", "false")]);
    if !v.description.is_empty() {
        x.text("bpmn:documentation", &[], &v.description);
    }
    x.open("bpmn:extensionElements", &[]);
    let header = VariantHeader::of(v);
    let shift = [("dy", num(*dy))];
    let attrs: Vec<(&str, &str)> = shift.iter().filter(|_| *dy != 0.0).map(|(k, v)| (*k, v.as_str())).collect();
    x.text("cp:variant", &attrs, &json(&header));
    x.close("bpmn:extensionElements");
    if !doc.actors.is_empty() {
        let mut in_lane: BTreeMap<ActorId, Vec<StepId>> = BTreeMap::new();
        // a nested step lies in its sub-process, not in the pool's lanes
        for s in steps.iter().filter(|s| s.within.is_none()) {
            if let Some(a) = s.actor {
                in_lane.entry(a).or_default().push(s.id);
            }
        }
        x.open("bpmn:laneSet", &[("id", &format!("LaneSet_{vid}"))]);
        for a in &doc.actors {
            x.open("bpmn:lane", &[("id", &format!("Actor_{}{sfx}", a.id)), ("name", &a.name)]);
            x.open("bpmn:extensionElements", &[]);
            x.text("cp:actor", &[], &json(a));
            x.close("bpmn:extensionElements");
            for s in in_lane.get(&a.id).into_iter().flatten() {
                x.text("bpmn:flowNodeRef", &[], &format!("Step_{s}{sfx}"));
            }
            x.close("bpmn:lane");
        }
        x.close("bpmn:laneSet");
    }
    let mut incoming: HashMap<StepId, Vec<TransitionId>> = HashMap::new();
    let mut outgoing: HashMap<StepId, Vec<TransitionId>> = HashMap::new();
    for t in transitions {
        outgoing.entry(t.from).or_default().push(t.id);
        incoming.entry(t.to).or_default().push(t.id);
    }
    let mut step_links: HashMap<StepId, Vec<&Link>> = HashMap::new();
    for l in links {
        step_links.entry(l.step).or_default().push(l);
    }
    let flows = Flows { part, incoming, outgoing, step_links };
    flows.write(x, None);
    // one data object per information type the needs carry, in catalogue order
    let used: BTreeSet<InfoTypeId> = needs.iter().flat_map(|n| n.info_types.iter().copied()).collect();
    for it in doc.info_types.iter().filter(|t| used.contains(&t.id)) {
        x.empty("bpmn:dataObject", &[("id", &format!("Info_{}{sfx}", it.id)), ("name", &it.name)]);
    }
    for n in needs {
        let obj = n.info_types.first().filter(|t| used.contains(t)).map(|t| format!("Info_{t}{sfx}"));
        let mut attrs = vec![("id", format!("Need_{}{sfx}", n.id)), ("name", need_name(doc, n))];
        if let Some(o) = obj {
            attrs.push(("dataObjectRef", o));
        }
        let attrs: Vec<(&str, &str)> = attrs.iter().map(|(k, v)| (*k, v.as_str())).collect();
        x.open("bpmn:dataObjectReference", &attrs);
        x.open("bpmn:extensionElements", &[]);
        x.text("cp:need", &[], &json(n));
        x.close("bpmn:extensionElements");
        x.close("bpmn:dataObjectReference");
    }
    for p in &doc.phases {
        write_phase_group(x, p, sfx);
    }
    for l in links.iter().filter(|l| v.step(l.step).is_some_and(|s| !has_data_associations(s.kind))) {
        let (src, dst) = if l.out { (format!("Step_{}{sfx}", l.step), format!("Need_{}{sfx}", l.need)) } else { (format!("Need_{}{sfx}", l.need), format!("Step_{}{sfx}", l.step)) };
        x.empty("bpmn:association", &[("id", &format!("Assoc_{}_{}{sfx}", l.need, l.step)), ("sourceRef", &src), ("targetRef", &dst), ("associationDirection", "One")]);
    }
    x.close("bpmn:process");
}

/// Writes the steps and sequence flows of one flow of a variant, a sub-pathway that holds a
/// flow of its own as a `subProcess` with that flow inside.
struct Flows<'p, 'a> {
    part: &'p Part<'a>,
    incoming: HashMap<StepId, Vec<TransitionId>>,
    outgoing: HashMap<StepId, Vec<TransitionId>>,
    step_links: HashMap<StepId, Vec<&'p Link>>,
}

impl Flows<'_, '_> {
    fn write(&self, x: &mut Xml, within: Option<StepId>) {
        let Part { v, sfx, steps, transitions, .. } = self.part;
        for s in steps.iter().filter(|s| s.within == within) {
            let holds = s.kind == StepKind::SubPathway && v.holds_flow(s.id);
            let tag = if holds { "bpmn:subProcess" } else { element_of(s.kind) };
            let id = format!("Step_{}{sfx}", s.id);
            x.open(tag, &[("id", &id), ("name", &s.label)]);
            if !s.description.is_empty() {
                x.text("bpmn:documentation", &[], &s.description);
            }
            x.open("bpmn:extensionElements", &[]);
            // where the step is drawn, so a move in another tool can be told on import
            let r = self.part.rect(s.id);
            x.text("cp:step", &[("x", &num(r.x)), ("y", &num(r.y))], &json(s));
            x.close("bpmn:extensionElements");
            for t in self.incoming.get(&s.id).into_iter().flatten() {
                x.text("bpmn:incoming", &[], &format!("Flow_{t}{sfx}"));
            }
            for t in self.outgoing.get(&s.id).into_iter().flatten() {
                x.text("bpmn:outgoing", &[], &format!("Flow_{t}{sfx}"));
            }
            if has_data_associations(s.kind) {
                let mine = self.step_links.get(&s.id).map(Vec::as_slice).unwrap_or(&[]);
                let prop = format!("Property_{}{sfx}", s.id);
                if mine.iter().any(|l| !l.out) {
                    x.empty("bpmn:property", &[("id", &prop), ("name", "__targetRef_placeholder")]);
                }
                for l in mine.iter().filter(|l| !l.out) {
                    x.open("bpmn:dataInputAssociation", &[("id", &format!("DataIn_{}_{}{sfx}", l.need, s.id))]);
                    x.text("bpmn:sourceRef", &[], &format!("Need_{}{sfx}", l.need));
                    x.text("bpmn:targetRef", &[], &prop);
                    x.close("bpmn:dataInputAssociation");
                }
                for l in mine.iter().filter(|l| l.out) {
                    x.open("bpmn:dataOutputAssociation", &[("id", &format!("DataOut_{}_{}{sfx}", l.need, s.id))]);
                    x.text("bpmn:targetRef", &[], &format!("Need_{}{sfx}", l.need));
                    x.close("bpmn:dataOutputAssociation");
                }
            }
            if holds {
                self.write(x, Some(s.id));
            }
            x.close(tag);
        }
        let in_flow = |t: &&&Transition| v.step(t.from).is_some_and(|s| s.within == within);
        for t in transitions.iter().filter(in_flow) {
            x.open(
                "bpmn:sequenceFlow",
                &[("id", &format!("Flow_{}{sfx}", t.id)), ("name", &t.label), ("sourceRef", &format!("Step_{}{sfx}", t.from)), ("targetRef", &format!("Step_{}{sfx}", t.to))],
            );
            x.open("bpmn:extensionElements", &[]);
            x.text("cp:transition", &[], &json(t));
            x.close("bpmn:extensionElements");
            x.close("bpmn:sequenceFlow");
        }
    }
}

pub(super) fn bounds(x: &mut Xml, r: Rect) {
    x.empty("dc:Bounds", &[("x", &num(r.x)), ("y", &num(r.y)), ("width", &num(r.w)), ("height", &num(r.h))]);
}

pub(super) fn edge(x: &mut Xml, id: &str, element: &str, points: &[(f64, f64)]) {
    x.open("bpmndi:BPMNEdge", &[("id", id), ("bpmnElement", element)]);
    for &(px, py) in points {
        x.empty("di:waypoint", &[("x", &num(px)), ("y", &num(py))]);
    }
    x.close("bpmndi:BPMNEdge");
}

/// Horizontal and vertical pitch of the data objects under the pool.
const DATA_BIN: f64 = 100.0;
const DATA_ROW: f64 = 200.0;

/// Where each need's data object is drawn: in rows below the pool, each under its first step
/// where there is room (bins and rows leave room for the label under each object, which
/// bpmn.io wraps at 90 units wide: up to ten lines, the information types included).
fn data_boxes(geo: &Geometry, needs: &[&DataNeed]) -> Vec<(NeedId, Rect)> {
    let mut taken: BTreeSet<(i64, i64)> = BTreeSet::new();
    let mut out = Vec::with_capacity(needs.len());
    for n in needs {
        let cx = n.steps.iter().find_map(|s| geo.steps.get(s)).map_or(geo.pool.x + 80.0, |r| r.cx());
        let bin = (cx / DATA_BIN).round() as i64;
        let row = (0..).find(|row| taken.insert((*row, bin))).unwrap_or(0);
        out.push((n.id, Rect { x: bin as f64 * DATA_BIN - 18.0, y: geo.pool.bottom() + 40.0 + row as f64 * DATA_ROW, w: 36.0, h: 50.0 }));
    }
    out
}

/// The lowest point of a pool and its data objects with their labels.
fn data_bottom(geo: &Geometry, needs: &[&DataNeed]) -> f64 {
    data_boxes(geo, needs).iter().map(|(_, r)| r.y + DATA_ROW - 10.0).fold(geo.pool.bottom(), f64::max)
}

fn write_diagram(x: &mut Xml, parts: &[Part]) {
    let first = parts[0].v.id;
    x.open("bpmndi:BPMNDiagram", &[("id", &format!("Diagram_{first}")), ("name", &parts[0].v.name)]);
    x.open("bpmndi:BPMNPlane", &[("id", &format!("Plane_{first}")), ("bpmnElement", &format!("Collaboration_{first}"))]);
    for part in parts {
        write_pool_shapes(x, part);
    }
    x.close("bpmndi:BPMNPlane");
    x.close("bpmndi:BPMNDiagram");
    for part in parts {
        write_nested_pages(x, part);
    }
}

/// A diagram page per nested flow, its plane the collapsed sub-process (as bpmn.io draws a
/// sub-process one opens): the flow's steps and sequence flows where Carepath lays them out.
pub(super) fn write_nested_pages(x: &mut Xml, part: &Part) {
    let Part { v, sfx, transitions, .. } = part;
    for (sub, geo) in &part.nested {
        let name = v.step(*sub).map_or("", |s| s.label.as_str());
        x.open("bpmndi:BPMNDiagram", &[("id", &format!("Diagram_{sub}{sfx}")), ("name", name)]);
        x.open("bpmndi:BPMNPlane", &[("id", &format!("Plane_{sub}{sfx}")), ("bpmnElement", &format!("Step_{sub}{sfx}"))]);
        let mut drawn: Vec<(&StepId, &Rect)> = geo.steps.iter().collect();
        drawn.sort_by_key(|(id, _)| **id);
        for (id, r) in drawn {
            if let Some(s) = v.step(*id) {
                shape(x, &format!("Step_{id}{sfx}"), step_marks(v, s), *r);
            }
        }
        for t in transitions.iter().filter(|t| geo.steps.contains_key(&t.from)) {
            let points = geo.routes.get(&t.id).cloned().unwrap_or_else(|| geometry::route(geo.steps[&t.from], geo.steps[&t.to]));
            edge(x, &format!("Flow_{}{sfx}_di", t.id), &format!("Flow_{}{sfx}", t.id), &points);
        }
        x.close("bpmndi:BPMNPlane");
        x.close("bpmndi:BPMNDiagram");
    }
}

fn write_pool_shapes(x: &mut Xml, part: &Part) {
    let Part { v, sfx, geo, steps, transitions, needs, links, .. } = part;
    let vid = v.id;
    shape(x, &format!("Pool_{vid}"), &[("isHorizontal", "true")], geo.pool);
    for (a, r) in &geo.lanes {
        shape(x, &format!("Actor_{a}{sfx}"), &[("isHorizontal", "true")], *r);
    }
    for (p, r) in &geo.phases {
        // the phase name across the top of its column: without label bounds bpmn-js wraps it
        // into a 90-unit-wide box
        let element = format!("Phase_{p}{sfx}");
        x.open("bpmndi:BPMNShape", &[("id", &format!("{element}_di")), ("bpmnElement", &element)]);
        bounds(x, *r);
        x.open("bpmndi:BPMNLabel", &[]);
        bounds(x, Rect { x: r.x + 10.0, y: r.y + 4.0, w: (r.w - 20.0).max(20.0), h: 14.0 });
        x.close("bpmndi:BPMNLabel");
        x.close("bpmndi:BPMNShape");
    }
    for s in steps.iter().filter(|s| s.within.is_none()) {
        shape(x, &format!("Step_{}{sfx}", s.id), step_marks(v, s), geo.steps[&s.id]);
    }
    let need_box: HashMap<NeedId, Rect> = data_boxes(geo, needs).into_iter().collect();
    for n in needs {
        shape(x, &format!("Need_{}{sfx}", n.id), &[], need_box[&n.id]);
    }
    for t in transitions.iter().filter(|t| geo.steps.contains_key(&t.from)) {
        let points = geo.routes.get(&t.id).cloned().unwrap_or_else(|| geometry::route(geo.steps[&t.from], geo.steps[&t.to]));
        edge(x, &format!("Flow_{}{sfx}_di", t.id), &format!("Flow_{}{sfx}", t.id), &points);
    }
    for l in links {
        let (Some(s), Some(d)) = (geo.steps.get(&l.step), need_box.get(&l.need)) else { continue };
        let kind = v.step(l.step).map(|s| s.kind).unwrap_or(StepKind::Activity);
        let id = if !has_data_associations(kind) {
            format!("Assoc_{}_{}{sfx}", l.need, l.step)
        } else if l.out {
            format!("DataOut_{}_{}{sfx}", l.need, l.step)
        } else {
            format!("DataIn_{}_{}{sfx}", l.need, l.step)
        };
        let (a, b) = ((s.cx(), s.bottom()), (d.cx(), d.y));
        let pts = if l.out { [a, b] } else { [b, a] };
        edge(x, &format!("{id}_di"), &id, &pts);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_document_gives_the_same_bytes_and_escapes_text() {
        let mut doc = crate::template::load("copd").unwrap();
        doc.metadata.created = Timestamp::parse("2026-01-01T00:00:00Z").unwrap();
        doc.metadata.modified = doc.metadata.created;
        doc.actors[0].name = "Pasient <&> \"pårørende\"\nny linje".into();
        let v = doc.variants[0].id;
        let a = to_bpmn(&doc, v).unwrap();
        assert_eq!(a, to_bpmn(&doc, v).unwrap());
        assert!(a.contains("name=\"Pasient &lt;&amp;&gt; &quot;pårørende&quot;&#10;ny linje\""), "escaped lane name");
        assert!(a.contains("<bpmn:exclusiveGateway"));
        assert!(a.contains("<bpmn:group"));
    }

    #[test]
    fn picks_the_named_or_first_variant() {
        let doc = crate::template::load("copd").unwrap();
        assert_eq!(pick_variant(&doc, None).unwrap().id, doc.variants[0].id);
        assert_eq!(pick_variant(&doc, Some(&doc.variants[1].name)).unwrap().id, doc.variants[1].id);
        let e = pick_variant(&doc, Some("finnes ikke")).unwrap_err();
        assert!(e.message.contains(&doc.variants[0].name));
    }
}
