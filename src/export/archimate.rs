//! ArchiMate 3.1 Open Exchange Format export: the pathway in the architects' language, so it
//! opens in Archi (and other tools that read the exchange format) with a picture.
//!
//! The mapping is documented in docs/archimate.md. In short: people and organisations are
//! business actors, systems application components; activities and sub-pathways business
//! processes, decisions junctions, start/end/events business events; transitions triggering
//! relationships; phases groupings (aggregating their steps); each information type a
//! business object, realised by a data object where a system takes part in a need for it;
//! each need flow relationships between its parties and access relationships to its business
//! objects, with its form, priority, horizon, status, when and why as properties. One view per
//! variant (and per sub-pathway's own flow) with lanes as containers and the steps and
//! transitions where the canvas draws them.
//!
//! Identifiers are derived from the element ids (`id-<uuid>`), so two exports of one document
//! are identical; a step shared by several exported variants (a variant copied from another
//! keeps its step ids) gets the variant's number appended after its first variant.

use crate::error::{CoreError, ErrorCode, Result};
use crate::format::archimate::{actor_type, ident, step_type, Prop, NS, NS_XSI, SCHEMA_LOCATION};
use crate::layout::{layout_with, LayoutOptions, Point};
use crate::model::*;
use crate::xmltext::Xml;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// What to export: the variants (all when empty) and the language of names and properties.
#[derive(Clone, Debug, Default)]
pub struct ArchimateOptions {
    pub variants: Vec<VariantId>,
    pub lang: Lang,
}


/// One relationship of the model.
struct Rel {
    id: String,
    kind: &'static str,
    source: String,
    target: String,
    name: String,
    doc: String,
    access: Option<&'static str>,
    props: Vec<(Prop, String)>,
}

impl Rel {
    fn new(id: String, kind: &'static str, source: String, target: String) -> Self {
        Rel { id, kind, source, target, name: String::new(), doc: String::new(), access: None, props: Vec::new() }
    }
}

/// The ArchiMate model of the document's variants (see the module doc).
pub fn to_archimate(doc: &Document, options: &ArchimateOptions) -> Result<String> {
    let variants: Vec<&Variant> = if options.variants.is_empty() {
        doc.variants.iter().collect()
    } else {
        options
            .variants
            .iter()
            .map(|id| doc.variant(*id).ok_or_else(|| CoreError::new(ErrorCode::UnknownId, format!("there is no variant with id {id}"))))
            .collect::<Result<_>>()?
    };
    if variants.is_empty() {
        return Err(CoreError::new(ErrorCode::InvalidValue, "the document has no variant to export"));
    }
    let lang = options.lang;
    let l = lang.code();

    // a step's element id: its own the first time, with the variant's number after that
    let mut step_ids: HashMap<(VariantId, StepId), String> = HashMap::new();
    let mut seen: BTreeSet<StepId> = BTreeSet::new();
    for v in &variants {
        let n = doc.variants.iter().position(|x| x.id == v.id).unwrap_or(0) + 1;
        for s in v.steps_sorted() {
            let id = if seen.insert(s.id) { ident(s.id) } else { format!("{}-{n}", ident(s.id)) };
            step_ids.insert((v.id, s.id), id);
        }
    }
    let suffix = |v: &Variant, base: String| -> String {
        let first = variants.iter().position(|x| x.id == v.id) == Some(0);
        if first { base } else { format!("{base}-{}", doc.variants.iter().position(|x| x.id == v.id).unwrap_or(0) + 1) }
    };
    let actor_kind: HashMap<ActorId, ActorKind> = doc.actors.iter().map(|a| (a.id, a.kind)).collect();

    // information types a system holds: a system takes part in a need for it
    let mut held: BTreeMap<InfoTypeId, BTreeSet<ActorId>> = BTreeMap::new();
    for v in &variants {
        for n in v.needs() {
            for a in n.actors().filter(|a| actor_kind.get(a) == Some(&ActorKind::System)) {
                for &it in &n.info_types {
                    if doc.info_type(it).is_some() {
                        held.entry(it).or_default().insert(a);
                    }
                }
            }
        }
    }

    let mut x = Xml::new();
    x.open(
        "model",
        &[("xmlns", NS), ("xmlns:xsi", NS_XSI), ("xsi:schemaLocation", SCHEMA_LOCATION), ("identifier", &ident(doc.id))],
    );
    x.text("name", &[("xml:lang", l)], &doc.metadata.title);
    if !doc.metadata.description.trim().is_empty() {
        x.text("documentation", &[("xml:lang", l)], &doc.metadata.description);
    }

    // elements
    x.open("elements", &[]);
    let mut actors: Vec<&Actor> = doc.actors.iter().collect();
    actors.sort_by_key(|a| a.order);
    for a in &actors {
        let mut props = vec![(Prop::ActorKind, a.kind.label(lang).to_string())];
        if !a.organisation.trim().is_empty() {
            props.push((Prop::Organisation, a.organisation.clone()));
        }
        element(&mut x, l, &ident(a.id), actor_type(a.kind), &a.name, "", &props);
    }
    for it in &doc.info_types {
        let props: Vec<(Prop, String)> = if it.codes.is_empty() { Vec::new() } else { vec![(Prop::InfoServices, it.codes.join(", "))] };
        element(&mut x, l, &ident(it.id), "BusinessObject", &it.name, &it.description, &props);
        if held.contains_key(&it.id) {
            element(&mut x, l, &format!("{}-data", ident(it.id)), "DataObject", &it.name, "", &props);
        }
    }
    for p in &doc.phases {
        element(&mut x, l, &ident(p.id), "Grouping", &p.name, &p.description, &[]);
    }
    for v in &variants {
        for s in v.steps_sorted() {
            let mut props = vec![(Prop::StepKind, s.kind.label(lang).to_string()), (Prop::Variant, v.name.clone())];
            if let Some(d) = s.duration.as_ref().filter(|d| !d.trim().is_empty()) {
                props.push((Prop::Duration, d.clone()));
            }
            element(&mut x, l, &step_ids[&(v.id, s.id)], step_type(s.kind), &s.label, &s.description, &props);
        }
    }
    x.close("elements");

    // relationships
    let mut rels: Vec<Rel> = Vec::new();
    for v in &variants {
        let sid = |s: StepId| step_ids[&(v.id, s)].clone();
        for t in v.transitions_sorted() {
            let mut r = Rel::new(suffix(v, ident(t.id)), "Triggering", sid(t.from), sid(t.to));
            r.name = t.label.clone();
            if !t.signal.is_none() {
                r.props.push((Prop::Signal, t.signal.label(lang).to_string()));
            }
            rels.push(r);
        }
        for s in v.steps_sorted() {
            let performers = s.actor.filter(|a| actor_kind.contains_key(a)).into_iter().chain(s.participants.iter().copied().filter(|a| actor_kind.contains_key(a)));
            for (k, a) in performers.enumerate() {
                let kind = if actor_kind[&a] == ActorKind::System { "Serving" } else { "Assignment" };
                let id = if k == 0 { format!("{}-performer", sid(s.id)) } else { format!("{}-participant-{k}", sid(s.id)) };
                rels.push(Rel::new(id, kind, ident(a), sid(s.id)));
            }
            if let Some(p) = s.phase.filter(|p| doc.phase(*p).is_some()) {
                rels.push(Rel::new(format!("{}-phase", sid(s.id)), "Aggregation", ident(p), sid(s.id)));
            }
            if let Some(w) = s.within.filter(|w| v.step(*w).is_some()) {
                // a process is composed of processes and junctions; events it can only be
                // associated with (ArchiMate 3.1's relationship table)
                let kind = if step_type(s.kind) == "BusinessEvent" { "Association" } else { "Composition" };
                rels.push(Rel::new(format!("{}-within", sid(s.id)), kind, sid(w), sid(s.id)));
            }
        }
        for n in v.needs() {
            let base = suffix(v, ident(n.id));
            let mut props = vec![(Prop::Form, n.form.label(lang).to_string()), (Prop::Status, n.status.label(lang).to_string())];
            if let Some(p) = n.priority {
                props.push((Prop::Priority, p.label(lang).to_string()));
            }
            if let Some(h) = n.horizon {
                props.push((Prop::Horizon, h.label(lang).to_string()));
            }
            for (prop, text) in [(Prop::When, &n.when), (Prop::Why, &n.why)] {
                if !text.trim().is_empty() {
                    props.push((prop, text.clone()));
                }
            }
            props.push((Prop::Variant, v.name.clone()));
            let known = |a: &ActorId| actor_kind.contains_key(a);
            let sources: Vec<ActorId> = n.sources().filter(known).collect();
            let processors: Vec<ActorId> = n.processors().filter(known).collect();
            let consumers: Vec<ActorId> = n.consumers().filter(known).collect();
            let mut hops: Vec<(ActorId, ActorId)> = Vec::new();
            if processors.is_empty() {
                hops.extend(sources.iter().flat_map(|&s| consumers.iter().map(move |&c| (s, c))));
            } else {
                hops.extend(sources.iter().flat_map(|&s| processors.iter().map(move |&p| (s, p))));
                hops.extend(processors.iter().flat_map(|&p| consumers.iter().map(move |&c| (p, c))));
            }
            for (k, (a, b)) in hops.into_iter().filter(|(a, b)| a != b).enumerate() {
                let mut r = Rel::new(format!("{base}-flow-{}", k + 1), "Flow", ident(a), ident(b));
                r.name = n.title.clone();
                r.doc = n.what.clone();
                r.props = props.clone();
                rels.push(r);
            }
            let mut k = 0;
            for party in n.parties.iter().filter(|p| known(&p.actor)) {
                for it in n.info_types.iter().filter(|it| doc.info_type(**it).is_some()) {
                    k += 1;
                    let mut r = Rel::new(format!("{base}-access-{k}"), "Access", ident(party.actor), ident(*it));
                    r.access = Some(match party.role {
                        DataRole::Producer | DataRole::Provider => "Write",
                        DataRole::Processor => "ReadWrite",
                        DataRole::Consumer => "Read",
                    });
                    r.props = vec![(Prop::Role, party.role.label(lang).to_string())];
                    r.name = n.title.clone();
                    rels.push(r);
                }
            }
        }
    }
    for (it, systems) in &held {
        rels.push(Rel::new(format!("{}-realises", ident(*it)), "Realization", format!("{}-data", ident(*it)), ident(*it)));
        for a in systems {
            rels.push(Rel::new(format!("{}-holds-{}", ident(*a), ident(*it)), "Access", ident(*a), format!("{}-data", ident(*it))));
        }
    }
    x.open("relationships", &[]);
    for r in &rels {
        let mut attrs = vec![("identifier", r.id.as_str()), ("source", r.source.as_str()), ("target", r.target.as_str()), ("xsi:type", r.kind)];
        if let Some(a) = r.access {
            attrs.push(("accessType", a));
        }
        if r.name.trim().is_empty() && r.doc.trim().is_empty() && r.props.is_empty() {
            x.empty("relationship", &attrs);
            continue;
        }
        x.open("relationship", &attrs);
        if !r.name.trim().is_empty() {
            x.text("name", &[("xml:lang", l)], &r.name);
        }
        if !r.doc.trim().is_empty() {
            x.text("documentation", &[("xml:lang", l)], &r.doc);
        }
        properties(&mut x, l, &r.props);
        x.close("relationship");
    }
    x.close("relationships");

    x.open("propertyDefinitions", &[]);
    for p in Prop::ALL {
        x.open("propertyDefinition", &[("identifier", p.id()), ("type", "string")]);
        x.text("name", &[("xml:lang", l)], p.name(lang));
        x.close("propertyDefinition");
    }
    x.close("propertyDefinitions");

    x.open("views", &[]);
    x.open("diagrams", &[]);
    let rel_of: HashMap<String, &Rel> = rels.iter().filter(|r| r.kind == "Triggering").map(|r| (r.id.clone(), r)).collect();
    for v in &variants {
        let mut flows: Vec<(Option<StepId>, String)> = vec![(None, v.name.clone())];
        for s in v.steps_sorted() {
            if s.kind == StepKind::SubPathway && v.steps().any(|x| x.within == Some(s.id)) {
                flows.push((Some(s.id), format!("{} › {}", v.name, s.label)));
            }
        }
        for (flow, name) in flows {
            view(&mut x, l, doc, v, flow, &name, &step_ids, &|t| suffix(v, ident(t)), &rel_of)?;
        }
    }
    x.close("diagrams");
    x.close("views");
    x.close("model");
    Ok(x.finish())
}

fn element(x: &mut Xml, l: &str, id: &str, kind: &str, name: &str, documentation: &str, props: &[(Prop, String)]) {
    x.open("element", &[("identifier", id), ("xsi:type", kind)]);
    x.text("name", &[("xml:lang", l)], name);
    if !documentation.trim().is_empty() {
        x.text("documentation", &[("xml:lang", l)], documentation);
    }
    properties(x, l, props);
    x.close("element");
}

fn properties(x: &mut Xml, l: &str, props: &[(Prop, String)]) {
    if props.is_empty() {
        return;
    }
    x.open("properties", &[]);
    for (p, value) in props {
        x.open("property", &[("propertyDefinitionRef", p.id())]);
        x.text("value", &[("xml:lang", l)], value);
        x.close("property");
    }
    x.close("properties");
}

/// Whole, non-negative diagram units (the schema's integers).
fn unit(v: f64) -> String {
    format!("{}", v.max(0.0).round() as i64)
}

fn size(v: f64) -> String {
    format!("{}", v.round().max(1.0) as i64)
}

fn rgb(css: &str) -> Option<(u8, u8, u8)> {
    let h = css.strip_prefix('#')?;
    if h.len() != 6 {
        return None;
    }
    let p = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).ok();
    Some((p(0)?, p(2)?, p(4)?))
}

/// A light tint of a lane colour, as the canvas paints lanes.
fn tint((r, g, b): (u8, u8, u8)) -> (u8, u8, u8) {
    let t = |c: u8| (c as f64 + (255.0 - c as f64) * 0.85).round() as u8;
    (t(r), t(g), t(b))
}

fn fill(x: &mut Xml, (r, g, b): (u8, u8, u8)) {
    x.open("style", &[]);
    x.empty("fillColor", &[("r", &r.to_string()), ("g", &g.to_string()), ("b", &b.to_string())]);
    x.close("style");
}

#[allow(clippy::too_many_arguments)]
fn view(
    x: &mut Xml,
    l: &str,
    doc: &Document,
    v: &Variant,
    flow: Option<StepId>,
    name: &str,
    step_ids: &HashMap<(VariantId, StepId), String>,
    transition_id: &dyn Fn(TransitionId) -> String,
    triggering: &HashMap<String, &Rel>,
) -> Result<()> {
    let layout = layout_with(doc, v.id, &LayoutOptions { needs: false, flow, ..LayoutOptions::default() })?;
    let view_id = match flow {
        None => format!("{}-view", ident(v.id)),
        Some(f) => format!("{}-view-{}", ident(v.id), f),
    };
    x.open("view", &[("identifier", &view_id), ("xsi:type", "Diagram")]);
    x.text("name", &[("xml:lang", l)], name);
    let node = |what: &str, id: &dyn std::fmt::Display| format!("{view_id}-{what}-{id}");
    // phase headers: the phases' groupings along the top
    for c in &layout.columns {
        if let Some(p) = c.phase {
            x.empty(
                "node",
                &[
                    ("identifier", &node("phase", &p)),
                    ("elementRef", &ident(p)),
                    ("xsi:type", "Element"),
                    ("x", &unit(c.x)),
                    ("y", &unit(0.0)),
                    ("w", &size(c.width)),
                    ("h", &size(layout.column_header_height)),
                ],
            );
        }
    }
    // lanes as containers holding the actor and its steps
    let mut by_lane: BTreeMap<usize, Vec<&crate::layout::StepBox>> = BTreeMap::new();
    for b in &layout.steps {
        by_lane.entry(b.lane).or_default().push(b);
    }
    for (k, lane) in layout.lanes.iter().enumerate() {
        let actor = lane.actor.and_then(|a| doc.actor(a));
        let lane_id = node("lane", &k);
        x.open(
            "node",
            &[("identifier", &lane_id), ("xsi:type", "Container"), ("x", &unit(lane.x)), ("y", &unit(lane.y)), ("w", &size(lane.width)), ("h", &size(lane.height))],
        );
        x.text("label", &[("xml:lang", l)], actor.map_or("", |a| a.name.as_str()));
        if let Some(c) = actor.and_then(|a| a.colour.as_deref()).and_then(rgb) {
            fill(x, tint(c));
        }
        if let Some(a) = actor {
            let pad = 10.0;
            x.empty(
                "node",
                &[
                    ("identifier", &node("actor", &a.id)),
                    ("elementRef", &ident(a.id)),
                    ("xsi:type", "Element"),
                    ("x", &unit(lane.x + pad)),
                    ("y", &unit(lane.y + pad)),
                    ("w", &size((layout.lane_header_width - 2.0 * pad).max(40.0))),
                    ("h", &size((lane.height - 2.0 * pad).clamp(30.0, 60.0))),
                ],
            );
        }
        for b in by_lane.get(&k).into_iter().flatten() {
            let Some(id) = step_ids.get(&(v.id, b.id)) else { continue };
            x.empty(
                "node",
                &[("identifier", &node("step", &b.id)), ("elementRef", id), ("xsi:type", "Element"), ("x", &unit(b.x)), ("y", &unit(b.y)), ("w", &size(b.w)), ("h", &size(b.h))],
            );
        }
        x.close("node");
    }
    for e in &layout.edges {
        let rid = transition_id(e.id);
        if !triggering.contains_key(&rid) {
            continue;
        }
        let inner: &[Point] = if e.points.len() > 2 { &e.points[1..e.points.len() - 1] } else { &[] };
        let attrs = [
            ("identifier", node("flow", &e.id)),
            ("relationshipRef", rid),
            ("xsi:type", "Relationship".to_string()),
            ("source", node("step", &e.from)),
            ("target", node("step", &e.to)),
        ];
        let attrs: Vec<(&str, &str)> = attrs.iter().map(|(k, v)| (*k, v.as_str())).collect();
        if inner.is_empty() {
            x.empty("connection", &attrs);
        } else {
            x.open("connection", &attrs);
            for p in inner {
                x.empty("bendpoint", &[("x", &unit(p.x)), ("y", &unit(p.y))]);
            }
            x.close("connection");
        }
    }
    x.close("view");
    Ok(())
}
