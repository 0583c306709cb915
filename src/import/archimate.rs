//! ArchiMate Open Exchange Format import: what a pathway team reuses from the architecture.
//!
//! - business actors, roles and collaborations become actors; application components (and
//!   nodes, devices, system software) system actors;
//! - business objects, data objects and contracts become information types (a data object
//!   that realises a business object is that business object; names repeat once);
//! - business processes, functions and interactions become activities (a process composed of
//!   other steps a sub-pathway with them as its own flow), or-junctions decisions, business
//!   events starts, ends or events by where the flow meets them; triggering relationships
//!   between them become transitions;
//! - assignment (or serving, from a system) to a step puts it in that actor's lane, further
//!   ones make participants; a grouping that aggregates steps is a phase;
//! - the steps of each view make a variant (a Carepath export's steps carry their variant);
//! - properties written by Carepath (step and actor kind, services, duration) are read back.
//!
//! Everything else (flows, access, other element types, views' pictures) is listed in the
//! report with its line and column. Files with a DOCTYPE, over the size cap, not in the
//! exchange format's namespace, or with references to identifiers that do not exist are
//! refused with the file, line and cause, and nothing is created.

use super::bpmn::tree::{Ns, Tree};
use super::bpmn::{ImportReport, ReportEntry};
use crate::error::Result;
use crate::format::archimate::{by_label, Prop};
use crate::model::*;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

struct Concept<'t> {
    at: u32,
    id: &'t str,
    kind: &'t str,
    name: String,
    doc: String,
    props: HashMap<Prop, String>,
    source: Option<&'t str>,
    target: Option<&'t str>,
}

fn text_of(tree: &Tree, i: u32, name: &str) -> String {
    tree.child(i, Ns::Archimate, name).map(|c| tree.get(c).text.trim().to_string()).unwrap_or_default()
}

fn xsi_type<'t>(tree: &'t Tree, i: u32) -> &'t str {
    tree.attrs(i).iter().find(|(k, _)| k == "xsi:type" || k.ends_with(":type")).map(|(_, v)| v.as_ref()).unwrap_or("")
}

/// Imports an ArchiMate model from bytes; `name` (usually the file name) prefixes every error.
pub fn from_archimate(bytes: &[u8], name: &str) -> Result<(Document, ImportReport)> {
    super::from_xml(bytes, name, build)
}

/// Imports an ArchiMate Open Exchange file.
pub fn read(path: &Path) -> Result<(Document, ImportReport)> {
    let (bytes, shown) = super::read_xml(path)?;
    from_archimate(&bytes, &shown)
}

fn at(tree: &Tree, i: u32) -> String {
    let (l, c) = tree.line_col(i);
    format!("line {l}, column {c}")
}

fn entry(tree: &Tree, c: &Concept, note: &str) -> ReportEntry {
    let (line, column) = tree.line_col(c.at);
    ReportEntry { element: c.kind.to_string(), id: Some(c.id.to_string()), name: Some(c.name.clone()).filter(|n| !n.is_empty()), line, column, note: note.into() }
}

const ACTORS: &[&str] = &["BusinessActor", "BusinessRole", "BusinessCollaboration"];
const SYSTEMS: &[&str] = &["ApplicationComponent", "ApplicationCollaboration", "Node", "Device", "SystemSoftware"];
const OBJECTS: &[&str] = &["BusinessObject", "DataObject", "Contract"];
const ACTIVITIES: &[&str] = &["BusinessProcess", "BusinessFunction", "BusinessInteraction"];

fn build(tree: &Tree, file_title: &str) -> std::result::Result<(Document, ImportReport), String> {
    let root = tree.get(0);
    if root.ns != Ns::Archimate || root.name != "model" {
        return Err(format!(
            "{}: not an ArchiMate Open Exchange model (the root element is <{}>, not <model> in {})",
            at(tree, 0),
            root.name,
            crate::format::archimate::NS
        ));
    }
    // property definitions: identifier → the Carepath property it stands for
    let mut defs: HashMap<&str, Option<Prop>> = HashMap::new();
    if let Some(pd) = tree.child(0, Ns::Archimate, "propertyDefinitions") {
        for d in tree.children(pd, Ns::Archimate, "propertyDefinition") {
            let id = tree.attr(d, "identifier").unwrap_or("");
            defs.insert(id, Prop::of(id, &text_of(tree, d, "name")));
        }
    }
    let concept = |i: u32| -> std::result::Result<Concept, String> {
        let id = tree.attr(i, "identifier").ok_or_else(|| format!("{}: an element without an identifier", at(tree, i)))?;
        let mut props = HashMap::new();
        if let Some(ps) = tree.child(i, Ns::Archimate, "properties") {
            for p in tree.children(ps, Ns::Archimate, "property") {
                let r = tree.attr(p, "propertyDefinitionRef").unwrap_or("");
                match defs.get(r) {
                    Some(Some(prop)) => {
                        props.insert(*prop, text_of(tree, p, "value"));
                    }
                    Some(None) => {}
                    None => return Err(format!("{}: the property refers to '{r}', which is no property definition of the model", at(tree, p))),
                }
            }
        }
        Ok(Concept {
            at: i,
            id,
            kind: xsi_type(tree, i),
            name: text_of(tree, i, "name"),
            doc: text_of(tree, i, "documentation"),
            props,
            source: tree.attr(i, "source"),
            target: tree.attr(i, "target"),
        })
    };
    let mut elements: Vec<Concept> = Vec::new();
    if let Some(es) = tree.child(0, Ns::Archimate, "elements") {
        for e in tree.children(es, Ns::Archimate, "element") {
            elements.push(concept(e)?);
        }
    }
    let mut relationships: Vec<Concept> = Vec::new();
    if let Some(rs) = tree.child(0, Ns::Archimate, "relationships") {
        for r in tree.children(rs, Ns::Archimate, "relationship") {
            relationships.push(concept(r)?);
        }
    }
    let mut ids: HashSet<&str> = HashSet::new();
    for c in elements.iter().chain(&relationships) {
        if !ids.insert(c.id) {
            return Err(format!("{}: the identifier '{}' is used twice", at(tree, c.at), c.id));
        }
    }
    for r in &relationships {
        for end in [r.source, r.target] {
            match end {
                None => return Err(format!("{}: the relationship '{}' has no source or target", at(tree, r.at), r.id)),
                Some(e) if !ids.contains(e) => {
                    return Err(format!("{}: the relationship '{}' refers to '{e}', which is no element or relationship of the model", at(tree, r.at), r.id))
                }
                _ => {}
            }
        }
    }
    let kind_of: HashMap<&str, &str> = elements.iter().map(|e| (e.id, e.kind)).collect();
    let is = |id: &str, kinds: &[&str]| kind_of.get(id).is_some_and(|k| kinds.contains(k));
    let is_step = |id: &str| is(id, ACTIVITIES) || is(id, &["BusinessEvent", "OrJunction", "AndJunction"]);

    let model_name = text_of(tree, 0, "name");
    let mut doc = Document::new(if model_name.is_empty() { file_title.to_string() } else { model_name.clone() });
    doc.metadata.description = text_of(tree, 0, "documentation");
    let mut report = ImportReport::default();
    let mut used: HashSet<&str> = HashSet::new();

    // actors
    let mut actor_of: HashMap<&str, ActorId> = HashMap::new();
    for e in elements.iter().filter(|e| ACTORS.contains(&e.kind) || SYSTEMS.contains(&e.kind)) {
        let kind = e
            .props
            .get(&Prop::ActorKind)
            .and_then(|t| by_label(ActorKind::ALL, ActorKind::label, t))
            .unwrap_or(if SYSTEMS.contains(&e.kind) { ActorKind::System } else { ActorKind::Other });
        let id = ActorId::new();
        let order = doc.actors.len() as u32;
        doc.actors.push(Actor {
            id,
            name: e.name.clone(),
            kind,
            organisation: e.props.get(&Prop::Organisation).cloned().unwrap_or_default(),
            colour: Some(next_lane_colour(&doc.actors).to_string()),
            order,
        });
        actor_of.insert(e.id, id);
        used.insert(e.id);
    }
    // information types: a data object realising a business object is that object
    let mut realises: HashMap<&str, &str> = HashMap::new();
    for r in relationships.iter().filter(|r| r.kind == "Realization") {
        if let (Some(s), Some(t)) = (r.source, r.target) {
            if is(s, &["DataObject"]) && is(t, &["BusinessObject"]) {
                realises.insert(s, t);
                used.insert(r.id);
            }
        }
    }
    let mut info_of: HashMap<&str, InfoTypeId> = HashMap::new();
    let mut by_name: HashMap<String, InfoTypeId> = HashMap::new();
    for e in elements.iter().filter(|e| OBJECTS.contains(&e.kind)) {
        used.insert(e.id);
        if realises.contains_key(e.id) {
            continue;
        }
        let key = e.name.trim().to_lowercase();
        if let Some(&it) = by_name.get(&key) {
            info_of.insert(e.id, it);
            continue;
        }
        let id = InfoTypeId::new();
        let codes = e.props.get(&Prop::InfoServices).map(|c| c.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect()).unwrap_or_default();
        doc.info_types.push(InfoType { id, name: e.name.clone(), codes, description: e.doc.clone(), priority: None });
        by_name.insert(key, id);
        info_of.insert(e.id, id);
    }
    for (d, b) in &realises {
        if let Some(&it) = info_of.get(b) {
            info_of.insert(d, it);
        }
    }

    // steps, their lanes, phases, parents and transitions
    let steps: Vec<&Concept> = elements.iter().filter(|e| is_step(e.id)).collect();
    let step_of: HashMap<&str, &Concept> = steps.iter().map(|c| (c.id, *c)).collect();
    let mut lanes: HashMap<&str, Vec<ActorId>> = HashMap::new();
    let mut phase_of: HashMap<&str, &str> = HashMap::new();
    let mut parent: HashMap<&str, &str> = HashMap::new();
    let mut triggers: Vec<&Concept> = Vec::new();
    for r in &relationships {
        let (s, t) = (r.source.unwrap_or(""), r.target.unwrap_or(""));
        let mapped = match r.kind {
            "Assignment" | "Serving" if actor_of.contains_key(s) && is_step(t) => {
                lanes.entry(t).or_default().push(actor_of[s]);
                true
            }
            "Aggregation" | "Composition" if is(s, &["Grouping"]) && is_step(t) => phase_of.insert(t, s).is_none(),
            "Composition" | "Aggregation" | "Association" if is(s, ACTIVITIES) && is_step(t) && s != t => parent.insert(t, s).is_none(),
            "Triggering" if is_step(s) && is_step(t) => {
                triggers.push(r);
                true
            }
            _ => false,
        };
        if mapped {
            used.insert(r.id);
        }
    }
    // a parent chain must end (no cycles), and a transition may not join two flows
    fn top(p: &HashMap<&str, &str>, start: &str) -> Option<String> {
        let mut s = start.to_string();
        let mut seen = HashSet::new();
        while let Some(&q) = p.get(s.as_str()) {
            if !seen.insert(q) {
                return None;
            }
            s = q.to_string();
        }
        Some(s)
    }
    let cyclic: Vec<&str> = parent.keys().copied().filter(|s| top(&parent, s).is_none()).collect();
    for s in cyclic {
        parent.remove(s);
    }
    loop {
        let crossing: Vec<&str> = triggers
            .iter()
            .filter(|t| parent.get(t.source.unwrap()) != parent.get(t.target.unwrap()))
            .flat_map(|t| [t.source.unwrap(), t.target.unwrap()])
            .filter(|s| parent.contains_key(s))
            .collect();
        if crossing.is_empty() {
            break;
        }
        for s in crossing {
            if let Some(p) = parent.remove(s) {
                let c = step_of[s];
                report.approximated.push(entry(tree, c, &format!("kept in the flow of its surroundings, not inside '{p}': a transition joins it to steps outside")));
            }
        }
    }

    // phases: groupings that hold steps, in document order; else one phase for all
    for g in elements.iter().filter(|e| e.kind == "Grouping" && phase_of.values().any(|p| *p == e.id)) {
        used.insert(g.id);
        let order = doc.phases.len() as u32;
        doc.phases.push(Phase { id: PhaseId::new(), name: g.name.clone(), description: g.doc.clone(), order });
    }
    let phase_ids: HashMap<&str, PhaseId> =
        elements.iter().filter(|e| e.kind == "Grouping" && phase_of.values().any(|p| *p == e.id)).zip(doc.phases.iter()).map(|(g, p)| (g.id, p.id)).collect();
    if doc.phases.is_empty() && !steps.is_empty() {
        doc.phases.push(Phase { id: PhaseId::new(), name: "Forløp".into(), description: String::new(), order: 0 });
    }
    let only_phase = (phase_ids.is_empty()).then(|| doc.phases.first().map(|p| p.id)).flatten();

    // variants: a Carepath export's own, else the first view showing the step (or its
    // outermost sub-pathway), else one named after the model
    let mut first_view: HashMap<&str, String> = HashMap::new();
    if let Some(vs) = tree.child(0, Ns::Archimate, "views") {
        for ds in tree.children(vs, Ns::Archimate, "diagrams") {
            for v in tree.children(ds, Ns::Archimate, "view") {
                let vname = text_of(tree, v, "name");
                let mut stack = vec![v];
                while let Some(n) = stack.pop() {
                    for k in tree.children(n, Ns::Archimate, "node") {
                        stack.push(k);
                        if let Some(r) = tree.attr(k, "elementRef") {
                            if !ids.contains(r) {
                                return Err(format!("{}: the view's node refers to '{r}', which is no element of the model", at(tree, k)));
                            }
                            if let Some((&id, _)) = kind_of.get_key_value(r) {
                                first_view.entry(id).or_insert_with(|| vname.clone());
                            }
                        }
                    }
                }
            }
        }
    }
    let fallback = if model_name.is_empty() { file_title.to_string() } else { model_name.clone() };
    let variant_name = |s: &Concept| -> String {
        if let Some(v) = s.props.get(&Prop::Variant).filter(|v| !v.is_empty()) {
            return v.clone();
        }
        let outer = top(&parent, s.id).unwrap_or_else(|| s.id.to_string());
        first_view.get(outer.as_str()).or_else(|| first_view.get(s.id)).cloned().unwrap_or_else(|| fallback.clone())
    };
    let mut variant_steps: BTreeMap<usize, (String, Vec<&Concept>)> = BTreeMap::new();
    let mut order_of: HashMap<String, usize> = HashMap::new();
    for s in &steps {
        let name = variant_name(s);
        let n = order_of.len();
        let k = *order_of.entry(name.clone()).or_insert(n);
        variant_steps.entry(k).or_insert_with(|| (name, Vec::new())).1.push(s);
    }

    let has_children: HashSet<&str> = parent.values().copied().collect();
    let mut step_id: HashMap<&str, StepId> = HashMap::new();
    for (k, (name, members)) in &variant_steps {
        let kind = by_label(VariantKind::ALL, VariantKind::label, name).unwrap_or(if *k == 0 { VariantKind::Current } else { VariantKind::Alternative });
        let mut data = VariantData { id: VariantId::new(), name: name.clone(), kind, description: String::new(), based_on: None, steps: Vec::new(), transitions: Vec::new(), needs: Vec::new() };
        let member: HashSet<&str> = members.iter().map(|s| s.id).collect();
        let inner: Vec<&Concept> = triggers.iter().copied().filter(|t| member.contains(t.source.unwrap()) && member.contains(t.target.unwrap())).collect();
        let with_incoming: HashSet<&str> = inner.iter().map(|t| t.target.unwrap()).collect();
        let with_outgoing: HashSet<&str> = inner.iter().map(|t| t.source.unwrap()).collect();
        for s in members {
            let (incoming, outgoing) = (with_incoming.contains(s.id), with_outgoing.contains(s.id));
            let guessed = match s.kind {
                "BusinessEvent" if !incoming && outgoing => StepKind::Start,
                "BusinessEvent" if incoming && !outgoing => StepKind::End,
                "BusinessEvent" => StepKind::Event,
                "OrJunction" | "AndJunction" => StepKind::Decision,
                _ if has_children.contains(s.id) => StepKind::SubPathway,
                _ => StepKind::Activity,
            };
            let kind = s.props.get(&Prop::StepKind).and_then(|t| by_label(StepKind::ALL, StepKind::label, t)).unwrap_or(guessed);
            if s.kind == "AndJunction" {
                report.approximated.push(entry(tree, s, "a parallel (and) junction became a decision"));
            }
            let id = StepId::new();
            step_id.insert(s.id, id);
            let performers = lanes.get(s.id).cloned().unwrap_or_default();
            let mut step = Step::new(kind, s.name.clone(), performers.first().copied(), phase_of.get(s.id).and_then(|g| phase_ids.get(g)).copied().or(only_phase));
            step.id = id;
            step.description = s.doc.clone();
            step.duration = s.props.get(&Prop::Duration).cloned().filter(|d| !d.is_empty());
            step.participants = performers.iter().skip(1).copied().filter(|a| Some(*a) != step.actor).collect();
            step.participants.dedup();
            data.steps.push(step);
            used.insert(s.id);
        }
        // the steps were pushed in the members' order
        for (s, st) in members.iter().zip(data.steps.iter_mut()) {
            if let Some(p) = parent.get(s.id).and_then(|p| step_id.get(p)).copied() {
                st.within = Some(p);
            }
        }
        for t in inner {
            let mut tr = Transition::new(step_id[t.source.unwrap()], step_id[t.target.unwrap()], t.name.clone());
            if let Some(sig) = t.props.get(&Prop::Signal).and_then(|x| by_label(Signal::ALL, Signal::label, x)) {
                tr.signal = sig;
            }
            data.transitions.push(tr);
        }
        doc.variants.push(Variant::try_from(data).map_err(|e| e.to_string())?);
    }
    for t in &triggers {
        let (s, d) = (t.source.unwrap(), t.target.unwrap());
        if variant_name(step_of[s]) != variant_name(step_of[d]) {
            used.remove(t.id);
        }
    }
    if doc.variants.is_empty() {
        doc.variants.push(Variant::new(VariantId::new(), fallback));
    }
    for c in elements.iter().chain(&relationships).filter(|c| !used.contains(c.id)) {
        let note = match c.kind {
            "Flow" => "a flow relationship: not imported (data-sharing needs are drawn in Carepath)",
            "Access" => "an access relationship: not imported",
            _ => "no counterpart in a pathway: not imported",
        };
        report.skipped.push(entry(tree, c, note));
    }
    let _ = info_of;
    Ok((doc, report))
}
