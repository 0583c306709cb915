//! The second pass of the BPMN import: from the element tree to a document (not yet checked)
//! and the report. Every element that is mapped is marked used; whatever is left unmarked at
//! the end goes into the report, so nothing is dropped without a word.

use super::place::{self, Drawn};
use super::report::{self, ImportReport};
use super::tree::{Ns, Tree};
use crate::format::bpmn::{need_name, DocumentHeader};
use crate::xmltext::safe as xml_safe;
use crate::model::limits::MAX_LABEL_CHARS;
use crate::model::*;
use serde::de::DeserializeOwned;
use foldhash::{HashMap, HashSet};

const TASKS: &[&str] = &["task", "userTask", "serviceTask", "sendTask", "receiveTask", "manualTask", "scriptTask", "businessRuleTask"];
const SUBS: &[&str] = &["subProcess", "transaction", "adHocSubProcess", "callActivity"];
const GATEWAYS: &[&str] = &["exclusiveGateway", "inclusiveGateway", "parallelGateway", "eventBasedGateway", "complexGateway"];

/// The step kind of a BPMN flow node, or `None` for anything else.
pub fn step_kind(name: &str) -> Option<StepKind> {
    Some(match name {
        n if TASKS.contains(&n) => StepKind::Activity,
        n if SUBS.contains(&n) => StepKind::SubPathway,
        n if GATEWAYS.contains(&n) => StepKind::Decision,
        "startEvent" => StepKind::Start,
        "endEvent" => StepKind::End,
        "intermediateThrowEvent" | "intermediateCatchEvent" | "boundaryEvent" => StepKind::Event,
        _ => return None,
    })
}

use place::Bounds;

/// A link between a data object reference and a step: `out` when the step writes it.
struct Link {
    data: u32,
    node: u32,
    out: bool,
    via: u32,
}

struct Builder<'t> {
    t: &'t Tree<'t>,
    used: Vec<bool>,
    /// Each drawn element's box and the diagram it is drawn in (the first that has it).
    bounds: HashMap<&'t str, (Bounds, usize)>,
    /// Shapes drawn with `isHorizontal="false"` (vertical pools and lanes).
    vertical: HashSet<&'t str>,
    /// The participant (pool) of each process.
    pool_of: HashMap<u32, u32>,
    /// The lane, pool or process each actor came from, and the pool around it.
    actor_from: HashMap<ActorId, (u32, Option<u32>)>,
    drawn: Vec<Drawn>,
    /// The pool whose actors are being made.
    current_pool: Option<u32>,
    report: ImportReport,
    doc: Document,
    carepath: bool,
    node_actor: HashMap<u32, ActorId>,
    pool_actor: HashMap<u32, ActorId>,
    groups: Vec<(PhaseId, Option<Bounds>)>,
    step_of: HashMap<u32, StepId>,
    steps: Vec<Step>,
    transitions: Vec<Transition>,
    needs: Vec<DataNeed>,
    info_of: HashMap<u32, InfoTypeId>,
    taken: HashSet<uuid::Uuid>,
    /// The processes and sub-processes of the variant being built, outer before inner.
    containers: Vec<u32>,
    /// Ids taken by steps, transitions and needs of the variant being built (variants may
    /// share them).
    local: HashSet<uuid::Uuid>,
}

fn clip(s: &str) -> String {
    s.chars().take(MAX_LABEL_CHARS).collect()
}

/// Builds the document and the report from a parsed file.
pub fn build<'t>(t: &'t Tree<'t>, title: &str) -> Result<(Document, ImportReport), String> {
    let root = t.get(0);
    if root.ns != Ns::Model || root.name != "definitions" {
        return Err(format!("not a BPMN 2.0 file: the root element is '{}', not BPMN 'definitions'", root.name));
    }
    let mut b = Builder {
        t,
        used: vec![false; t.elements.len()],
        bounds: HashMap::default(),
        vertical: HashSet::default(),
        pool_of: HashMap::default(),
        actor_from: HashMap::default(),
        drawn: Vec::new(),
        current_pool: None,
        report: ImportReport::default(),
        doc: Document::new(clip(t.attr(0, "name").filter(|n| !n.trim().is_empty()).unwrap_or(title))),
        carepath: false,
        node_actor: HashMap::default(),
        pool_actor: HashMap::default(),
        groups: Vec::new(),
        step_of: HashMap::default(),
        steps: Vec::new(),
        transitions: Vec::new(),
        needs: Vec::new(),
        info_of: HashMap::default(),
        taken: HashSet::default(),
        containers: Vec::new(),
        local: HashSet::default(),
    };
    b.used[0] = true;
    b.diagrams();
    b.document_header();
    let (pools, processes) = b.pools();
    // a process with Carepath's variant header is a variant of its own; any other process
    // belongs to the first
    let headers: Vec<Option<VariantHeader>> = processes.iter().map(|&p| b.variant_header(p)).collect();
    let mut groups: Vec<(Option<VariantHeader>, Vec<u32>)> = Vec::new();
    for (&p, h) in processes.iter().zip(headers) {
        match h {
            Some(h) => groups.push((Some(h), vec![p])),
            None if groups.is_empty() => groups.push((None, vec![p])),
            None => groups[0].1.push(p),
        }
    }
    if groups.is_empty() {
        groups.push((None, Vec::new()));
    }
    b.phases(&processes);
    let mut variants = Vec::with_capacity(groups.len());
    for (k, (header, procs)) in groups.into_iter().enumerate() {
        b.local.clear();
        for &p in &procs {
            b.steps_of(p);
        }
        let containers = std::mem::take(&mut b.containers);
        for &p in &containers {
            b.flows_of(p);
        }
        b.data(&containers);
        if k == 0 {
            b.message_flows(&pools);
        }
        let data = VariantData {
            id: header.as_ref().map_or_else(VariantId::new, |h| h.id),
            name: header.as_ref().map(|h| h.name.clone()).unwrap_or_else(|| "Importert forløp".into()),
            kind: header.as_ref().map_or(VariantKind::Current, |h| h.kind),
            description: header.as_ref().map(|h| h.description.clone()).unwrap_or_default(),
            based_on: header.as_ref().and_then(|h| h.based_on),
            steps: std::mem::take(&mut b.steps),
            transitions: std::mem::take(&mut b.transitions),
            needs: std::mem::take(&mut b.needs),
        };
        variants.push(Variant::try_from(data).map_err(|e| e.to_string())?);
    }
    let mut report = std::mem::take(&mut b.report);
    report::unused(t, &b.used, &mut report);
    let mut doc = b.doc;
    doc.variants = variants;
    place::pin(&mut doc, &b.drawn);
    Ok((doc, report))
}

impl<'t> Builder<'t> {
    fn mark_tree(&mut self, i: u32) {
        let mut stack = vec![i];
        while let Some(c) = stack.pop() {
            self.used[c as usize] = true;
            stack.extend_from_slice(self.t.kids(c));
        }
    }

    /// The element an id reference names (a QName prefix is ignored).
    fn lookup(&self, r: &str) -> Option<u32> {
        let r = r.trim();
        self.t.ids.get(r).or_else(|| r.split_once(':').and_then(|(_, l)| self.t.ids.get(l))).copied()
    }

    fn ref_attr(&self, i: u32, name: &str) -> Option<u32> {
        self.t.attr(i, name).and_then(|r| self.lookup(r))
    }

    fn name(&self, i: u32) -> Option<&'t str> {
        self.t.attr(i, "name").map(str::trim).filter(|n| !n.is_empty())
    }

    /// A fresh id for a step, transition or need unless `want` is free in this variant.
    fn claim_local(&mut self, want: Option<uuid::Uuid>) -> uuid::Uuid {
        match want {
            Some(u) if !self.taken.contains(&u) && self.local.insert(u) => u,
            _ => {
                let u = uuid::Uuid::now_v7();
                self.local.insert(u);
                u
            }
        }
    }

    /// A fresh id unless `want` is free.
    fn claim(&mut self, want: Option<uuid::Uuid>) -> uuid::Uuid {
        match want {
            Some(u) if self.taken.insert(u) => u,
            _ => {
                let u = uuid::Uuid::now_v7();
                self.taken.insert(u);
                u
            }
        }
    }

    /// The Carepath JSON of an element (`<extensionElements><cp:TAG>json</cp:TAG>`), marking
    /// the extension elements used; another tool's extensions stay unmarked and are reported.
    fn cp<T: DeserializeOwned>(&mut self, i: u32, tag: &str) -> Option<T> {
        let ext = self.t.child(i, Ns::Model, "extensionElements")?;
        let mut found = None;
        let mut foreign = false;
        let t = self.t;
        for &c in t.kids(ext) {
            let e = self.t.get(c);
            if e.ns != Ns::Carepath {
                foreign = true;
                continue;
            }
            self.used[c as usize] = true;
            if e.name == tag {
                // files of an older Carepath carry the older shape of the model
                let upgraded = serde_json::from_str::<serde_json::Value>(&e.text).map(|mut v| {
                    crate::format::upgrade::to_current(&mut v);
                    v
                });
                match upgraded.and_then(serde_json::from_value::<T>) {
                    Ok(v) => found = Some(v),
                    Err(err) => self.report.approximated.push(ImportReport::entry(self.t, c, format!("its Carepath data could not be read ({err}); the BPMN alone was used"))),
                }
            }
        }
        if !foreign || found.is_some() {
            self.used[ext as usize] = true;
        }
        if found.is_some() {
            self.carepath = true;
        }
        found
    }

    /// Marks the plain parts of a mapped element: documentation, incoming/outgoing, Carepath
    /// extensions.
    fn mark_plain_children(&mut self, i: u32) {
        let t = self.t;
        for &c in t.kids(i) {
            let e = t.get(c);
            if e.ns == Ns::Model && matches!(e.name.as_ref(), "documentation" | "incoming" | "outgoing") {
                self.used[c as usize] = true;
            }
            if e.ns == Ns::Model && e.name == "extensionElements" && t.kids(c).iter().all(|&g| t.get(g).ns == Ns::Carepath) {
                self.mark_tree(c);
            }
        }
    }

    fn documentation(&self, i: u32) -> String {
        self.t.children(i, Ns::Model, "documentation").map(|d| self.t.get(d).text.trim()).collect::<Vec<_>>().join("\n\n")
    }

    fn diagrams(&mut self) {
        let diagrams: Vec<u32> = self.t.children(0, Ns::BpmnDi, "BPMNDiagram").collect();
        for (n, &d) in diagrams.iter().enumerate() {
            // the first page, and the pages of sub-processes (whose flows are imported and
            // laid out anew, as the first page's are)
            let of_sub = self.t.children(d, Ns::BpmnDi, "BPMNPlane").any(|p| {
                self.ref_attr(p, "bpmnElement").is_some_and(|e| matches!(self.t.get(e).name.as_ref(), "subProcess" | "transaction" | "adHocSubProcess"))
            });
            if n == 0 || of_sub {
                self.mark_tree(d);
            }
            for plane in self.t.children(d, Ns::BpmnDi, "BPMNPlane").collect::<Vec<_>>() {
                for s in self.t.children(plane, Ns::BpmnDi, "BPMNShape").collect::<Vec<_>>() {
                    let (Some(el), Some(bx)) = (self.t.attr(s, "bpmnElement"), self.t.child(s, Ns::Dc, "Bounds")) else { continue };
                    let num = |k: &str| self.t.attr(bx, k).and_then(|v| v.trim().parse::<f64>().ok()).filter(|v| v.is_finite());
                    if let (Some(x), Some(y), Some(w), Some(h)) = (num("x"), num("y"), num("width"), num("height")) {
                        let el = el.rsplit(':').next().unwrap_or(el);
                        self.bounds.entry(el).or_insert(((x, y, w, h), n));
                        if self.t.attr(s, "isHorizontal").is_some_and(|v| v.trim() == "false") {
                            self.vertical.insert(el);
                        }
                    }
                }
            }
        }
    }

    fn bounds_of(&self, i: u32) -> Option<Bounds> {
        self.drawn_at(i).map(|(b, _)| b)
    }

    /// An element's box and the diagram it is drawn in.
    fn drawn_at(&self, i: u32) -> Option<(Bounds, usize)> {
        self.t.attr(i, "id").and_then(|id| self.bounds.get(id)).copied()
    }

    /// Whether an element is drawn vertically.
    fn is_vertical(&self, i: u32) -> bool {
        self.t.attr(i, "id").is_some_and(|id| self.vertical.contains(id))
    }

    /// Whether the lanes of an actor run vertically: its own shape says so, or else its pool's.
    fn actor_vertical(&self, a: Option<ActorId>) -> bool {
        let Some(&(el, pool)) = a.and_then(|a| self.actor_from.get(&a)) else { return false };
        if self.drawn_at(el).is_some() {
            return self.is_vertical(el);
        }
        pool.is_some_and(|p| self.is_vertical(p))
    }

    /// Reads the Carepath document header, catalogue, comments and reviews when present.
    fn document_header(&mut self) {
        let collabs: Vec<u32> = self.t.children(0, Ns::Model, "collaboration").collect();
        for c in collabs {
            if let Some(h) = self.cp::<DocumentHeader>(c, "document") {
                self.doc.id = h.id;
                self.doc.metadata = h.metadata;
                if let Some(cat) = self.cp::<Vec<InfoType>>(c, "catalogue") {
                    self.doc.info_types = cat;
                }
                self.doc.comments = self.cp::<Vec<Comment>>(c, "comments").unwrap_or_default();
                self.doc.reviews = self.cp::<Vec<Review>>(c, "reviews").unwrap_or_default();
                break;
            }
        }
        for it in &self.doc.info_types {
            self.taken.insert(it.id.0);
        }
    }

    /// The Carepath variant header of a process, when it has one.
    fn variant_header(&mut self, p: u32) -> Option<VariantHeader> {
        let h = self.cp::<VariantHeader>(p, "variant")?;
        self.used[p as usize] = true;
        Some(h)
    }

    fn new_actor(&mut self, el: u32, name: &str, organisation: &str, json: Option<Actor>) -> ActorId {
        let order = self.doc.actors.len() as u32;
        let mut a = json.unwrap_or(Actor { id: ActorId::new(), name: String::new(), kind: ActorKind::Other, organisation: organisation.into(), colour: None, order });
        a.id = ActorId(self.claim(Some(a.id.0)));
        if xml_safe(&a.name) != name {
            a.name = clip(name);
        }
        a.order = order;
        self.used[el as usize] = true;
        let id = a.id;
        self.doc.actors.push(a);
        let pool = self.current_pool;
        self.actor_from.insert(id, (el, pool));
        id
    }

    /// Actors from pools and lanes; returns the participants and the processes in order.
    fn pools(&mut self) -> (Vec<u32>, Vec<u32>) {
        let t = self.t;
        let mut participants = Vec::new();
        let mut owned = Vec::new();
        for c in t.children(0, Ns::Model, "collaboration").collect::<Vec<_>>() {
            self.used[c as usize] = true;
            self.mark_plain_children(c);
            for p in t.children(c, Ns::Model, "participant").collect::<Vec<_>>() {
                self.mark_plain_children(p);
                participants.push(p);
                let process = self.ref_attr(p, "processRef").filter(|&pr| t.get(pr).name == "process");
                let name = self.name(p).or_else(|| process.and_then(|pr| self.name(pr))).map(str::to_string).unwrap_or_else(|| format!("Aktør {}", self.doc.actors.len() + 1));
                self.used[p as usize] = true;
                // the pool of the steps of no actor in Carepath's --pools export
                if self.cp_element(p, "unassigned").is_some() {
                    if let Some(pr) = process.filter(|pr| !owned.contains(pr)) {
                        owned.push(pr);
                        self.pool_of.insert(pr, p);
                        self.used[pr as usize] = true;
                        self.mark_plain_children(pr);
                    }
                    continue;
                }
                // a pool per actor (Carepath's --pools export) carries its actor
                let json = self.cp::<Actor>(p, "actor");
                match process {
                    Some(pr) if !owned.contains(&pr) => {
                        owned.push(pr);
                        self.pool_of.insert(pr, p);
                        if let Some(a) = self.process_actors(pr, &name, json) {
                            self.pool_actor.insert(p, a);
                        }
                    }
                    _ => {
                        self.current_pool = None;
                        let a = self.new_actor(p, &name, "", json);
                        self.pool_actor.insert(p, a);
                    }
                }
            }
        }
        for pr in t.children(0, Ns::Model, "process").collect::<Vec<_>>() {
            if !owned.contains(&pr) {
                let name = self.name(pr).map(str::to_string).unwrap_or_else(|| format!("Aktør {}", self.doc.actors.len() + 1));
                owned.push(pr);
                self.process_actors(pr, &name, None);
            }
        }
        (participants, owned)
    }

    /// The actors of one process: its leaf lanes, or one for the whole pool (returned).
    fn process_actors(&mut self, pr: u32, pool: &str, pool_json: Option<Actor>) -> Option<ActorId> {
        let t = self.t;
        self.current_pool = self.pool_of.get(&pr).copied();
        self.used[pr as usize] = true;
        self.mark_plain_children(pr);
        // preorder over lane sets: parents assign their nodes first, deeper lanes override
        let mut stack: Vec<u32> = t.children(pr, Ns::Model, "laneSet").collect::<Vec<_>>().into_iter().rev().collect();
        let mut assignments: Vec<(u32, Vec<u32>)> = Vec::new();
        let mut leaves = 0;
        while let Some(i) = stack.pop() {
            self.used[i as usize] = true;
            self.mark_plain_children(i);
            let e = t.get(i);
            if e.name == "laneSet" || e.name == "childLaneSet" {
                for &l in t.kids(i).iter().rev() {
                    if t.get(l).ns == Ns::Model && t.get(l).name == "lane" {
                        stack.push(l);
                    }
                }
                continue;
            }
            let children: Vec<u32> = t.children(i, Ns::Model, "childLaneSet").filter(|&c| t.child(c, Ns::Model, "lane").is_some()).collect();
            let refs: Vec<u32> = t.children(i, Ns::Model, "flowNodeRef").collect();
            for &r in &refs {
                self.used[r as usize] = true;
            }
            let nodes: Vec<u32> = refs.iter().filter_map(|&r| self.lookup(&t.get(r).text)).collect();
            if children.is_empty() {
                leaves += 1;
                let json = self.cp::<Actor>(i, "actor");
                let name = self.name(i).unwrap_or(pool).to_string();
                // each variant's pool has a lane per actor: the first makes the actor
                let a = match json.as_ref().map(|j| j.id).filter(|&id| self.doc.actor(id).is_some()) {
                    Some(id) => {
                        self.used[i as usize] = true;
                        id
                    }
                    None => self.new_actor(i, &name, pool, json),
                };
                for (_, pending) in assignments.drain(..) {
                    for n in pending {
                        self.node_actor.entry(n).or_insert(a);
                    }
                }
                for n in nodes {
                    self.node_actor.insert(n, a);
                }
            } else {
                // a parent lane: its nodes go to its first leaf unless a deeper lane claims them
                assignments.push((i, nodes));
                for &c in children.iter().rev() {
                    stack.push(c);
                }
            }
        }
        if leaves > 0 {
            return None;
        }
        let a = self.new_actor(pr, pool, "", pool_json);
        self.pool_actor.insert(pr, a);
        Some(a)
    }

    /// Phases from groups, in their drawn order from left to right.
    fn phases(&mut self, processes: &[u32]) {
        let t = self.t;
        let mut holders: Vec<u32> = processes.to_vec();
        holders.extend(t.children(0, Ns::Model, "collaboration"));
        let mut found: Vec<(Phase, Option<Bounds>, bool)> = Vec::new();
        for h in holders {
            for g in t.children(h, Ns::Model, "group").collect::<Vec<_>>() {
                self.used[g as usize] = true;
                self.mark_plain_children(g);
                let json = self.cp::<Phase>(g, "phase");
                // each variant's pool has a group per phase: the first makes the phase
                if json.as_ref().is_some_and(|j| found.iter().any(|f| f.2 && f.0.id == j.id)) {
                    continue;
                }
                let value = self.ref_attr(g, "categoryValueRef").map(|cv| {
                    self.used[cv as usize] = true;
                    t.attr(cv, "value").unwrap_or("").trim().to_string()
                });
                let name = value.filter(|v| !v.is_empty()).or_else(|| self.name(g).map(str::to_string)).unwrap_or_else(|| format!("Fase {}", found.len() + 1));
                let from_json = json.is_some();
                let mut p = json.unwrap_or(Phase { id: PhaseId::new(), name: String::new(), description: String::new(), order: 0 });
                p.id = PhaseId(self.claim(Some(p.id.0)));
                if xml_safe(&p.name) != name {
                    p.name = clip(&name);
                }
                found.push((p, self.bounds_of(g), from_json));
            }
        }
        for cat in t.children(0, Ns::Model, "category").collect::<Vec<_>>() {
            if t.kids(cat).iter().any(|&c| self.used[c as usize]) {
                self.used[cat as usize] = true;
            }
        }
        if found.is_empty() {
            if !self.carepath {
                let p = Phase { id: PhaseId::new(), name: "Forløp".into(), description: String::new(), order: 0 };
                self.groups.push((p.id, None));
                self.doc.phases.push(p);
            }
            return;
        }
        if found.iter().all(|f| !f.2) {
            found.sort_by(|a, b| a.1.map(|r| r.0).unwrap_or(f64::MAX).total_cmp(&b.1.map(|r| r.0).unwrap_or(f64::MAX)));
            for (i, f) in found.iter_mut().enumerate() {
                f.0.order = i as u32;
            }
        }
        for (p, bx, _) in found {
            self.groups.push((p.id, bx));
            self.doc.phases.push(p);
        }
    }

    /// The phase whose group holds the centre of a drawn node (the smallest such group).
    fn phase_at(&self, i: u32) -> Option<PhaseId> {
        if self.groups.len() == 1 && self.groups[0].1.is_none() {
            return Some(self.groups[0].0);
        }
        let (x, y, w, h) = self.bounds_of(i)?;
        let (cx, cy) = (x + w / 2.0, y + h / 2.0);
        self.groups
            .iter()
            .filter_map(|(p, b)| b.map(|b| (p, b)))
            .filter(|(_, b)| cx >= b.0 && cx <= b.0 + b.2 && cy >= b.1 && cy <= b.1 + b.3)
            .min_by(|a, b| (a.1 .2 * a.1 .3).total_cmp(&(b.1 .2 * b.1 .3)))
            .map(|(p, _)| *p)
    }

    fn steps_of(&mut self, pr: u32) {
        // once per process: finding it scans the process's children
        let frame = self.carepath_frame(pr);
        let actor = self.pool_actor.get(&pr).copied();
        self.steps_in(pr, None, frame, actor, None);
    }

    /// The steps directly inside a process or sub-process (`within`: the sub-pathway step of a
    /// sub-process), and those inside its sub-processes in turn. A step outside any lane is in
    /// `actor`'s lane (the pool's, or the sub-process's own) and, unless drawn in a phase,
    /// in `phase`.
    fn steps_in(&mut self, pr: u32, within: Option<StepId>, frame: Option<f64>, actor: Option<ActorId>, phase: Option<PhaseId>) {
        let t = self.t;
        self.containers.push(pr);
        if within.is_some() {
            self.sub_lanes(pr);
        }
        for &i in t.kids(pr) {
            let e = t.get(i);
            let Some(kind) = (if e.ns == Ns::Model { step_kind(&e.name) } else { None }) else { continue };
            self.used[i as usize] = true;
            self.mark_plain_children(i);
            let json = self.cp::<Step>(i, "step");
            let name = t.attr(i, "name").unwrap_or("").to_string();
            let from_json = json.is_some();
            let mut s = json.unwrap_or_else(|| Step::new(kind, "", None, None));
            s.id = StepId(self.claim_local(Some(s.id.0)));
            s.kind = kind;
            if xml_safe(&s.label) != name {
                s.label = clip(name.trim());
            }
            s.within = within;
            if !from_json {
                s.description = self.documentation(i);
                // a step drawn on a sub-process's own page lies in its sub-pathway's phase
                s.phase = match (within, self.drawn_at(i)) {
                    (Some(_), Some((_, d))) if d > 0 => phase,
                    _ => self.phase_at(i).or(phase),
                };
                s.position = None;
            } else if let Some(p) = self.moved(frame, i) {
                s.position = Some(p);
            }
            let own = self.node_actor.get(&i).copied();
            if from_json && within.is_some() {
                // Carepath writes no lanes inside a sub-process: the step's own actor stands
                // unless another tool put it in a lane
                if own.is_some() || s.actor.is_some_and(|a| self.doc.actor(a).is_none()) {
                    s.actor = own;
                }
            } else {
                let lane = own.or(actor);
                if lane.is_some() || s.actor.is_some_and(|a| self.doc.actor(a).is_none()) {
                    s.actor = lane;
                }
            }
            if within.is_some() {
                // a nested flow is laid out on its own page, not pinned where the file drew it
            } else if let (false, Some(((x, y, _, _), 0)), Some(dy)) = (from_json, self.drawn_at(i), frame) {
                // a step added in another tool to a pool Carepath drew: the file's frame is
                // Carepath's own
                s.position = Some(Position { x, y: y - dy });
            } else if let (false, Some((bounds, diagram))) = (from_json, self.drawn_at(i)) {
                let host = self.ref_attr(i, "attachedToRef").and_then(|h| self.drawn_at(h)).filter(|h| h.1 == diagram).map(|h| h.0);
                self.drawn.push(Drawn { step: s.id, bounds, diagram, vertical: self.actor_vertical(s.actor), host });
            }
            if s.phase.is_some_and(|p| self.doc.phase(p).is_none()) {
                s.phase = None;
            }
            self.approximations(i, &e.name);
            self.step_of.insert(i, s.id);
            let (id, lane, col) = (s.id, s.actor, s.phase);
            self.steps.push(s);
            if matches!(e.name.as_ref(), "subProcess" | "transaction" | "adHocSubProcess") {
                self.steps_in(i, Some(id), None, lane, col);
            }
        }
    }

    /// The lanes of a sub-process that has its own: each leaf lane is the actor of that name
    /// (a new actor when the document has none), and the steps it names are in its lane.
    fn sub_lanes(&mut self, sub: u32) {
        let t = self.t;
        let mut stack: Vec<u32> = t.children(sub, Ns::Model, "laneSet").collect();
        while let Some(i) = stack.pop() {
            self.used[i as usize] = true;
            self.mark_plain_children(i);
            let kids: Vec<u32> = t.kids(i).to_vec();
            let mut leaf = true;
            for c in kids {
                let e = t.get(c);
                if e.ns == Ns::Model && matches!(e.name.as_ref(), "lane" | "childLaneSet") {
                    leaf = false;
                    stack.push(c);
                }
            }
            if t.get(i).name != "lane" {
                continue;
            }
            let refs: Vec<u32> = t.children(i, Ns::Model, "flowNodeRef").collect();
            for &r in &refs {
                self.used[r as usize] = true;
            }
            if !leaf && t.children(i, Ns::Model, "childLaneSet").any(|c| t.child(c, Ns::Model, "lane").is_some()) {
                continue;
            }
            let name = self.name(i).unwrap_or("").to_string();
            let existing = self.doc.actors.iter().find(|a| !name.is_empty() && a.name.trim().eq_ignore_ascii_case(&name)).map(|a| a.id);
            let a = match existing {
                Some(a) => {
                    self.used[i as usize] = true;
                    a
                }
                None => {
                    let name = if name.is_empty() { format!("Aktør {}", self.doc.actors.len() + 1) } else { name };
                    self.new_actor(i, &name, "", None)
                }
            };
            for r in refs {
                if let Some(n) = self.lookup(&t.get(r).text) {
                    self.node_actor.insert(n, a);
                }
            }
        }
    }

    /// Where a step Carepath exported now is, when another tool moved its shape: the shape's
    /// top-left differs from the place recorded on its `cp:step`. In the layout's frame (the
    /// pools of further variants are drawn `dy` lower, as recorded on `cp:variant`: `frame`,
    /// from [`Builder::carepath_frame`]).
    fn moved(&self, frame: Option<f64>, i: u32) -> Option<Position> {
        let ((x, y, _, _), diagram) = self.drawn_at(i)?;
        let step = self.cp_element(i, "step")?;
        let (wx, wy) = (self.num_attr(step, "x")?, self.num_attr(step, "y")?);
        if diagram != 0 || ((x - wx).abs() < 0.5 && (y - wy).abs() < 0.5) {
            return None;
        }
        Some(Position { x, y: y - frame? })
    }

    /// An element's Carepath extension element `cp:TAG`.
    fn cp_element(&self, el: u32, tag: &str) -> Option<u32> {
        self.t.child(el, Ns::Model, "extensionElements").and_then(|e| self.t.child(e, Ns::Carepath, tag))
    }

    fn num_attr(&self, el: u32, k: &str) -> Option<f64> {
        self.t.attr(el, k).and_then(|v| v.trim().parse::<f64>().ok()).filter(|v| v.is_finite())
    }

    /// For a process Carepath wrote (it has a `cp:variant`), how far its pool is drawn below the
    /// layout's frame; `None` for a process of another tool.
    fn carepath_frame(&self, pr: u32) -> Option<f64> {
        let v = self.cp_element(pr, "variant")?;
        Some(self.num_attr(v, "dy").unwrap_or(0.0))
    }

    /// Report entries for what a step keeps only approximately.
    fn approximations(&mut self, i: u32, tag: &str) {
        let t = self.t;
        let note = match tag {
            "inclusiveGateway" | "parallelGateway" | "eventBasedGateway" | "complexGateway" => Some(format!("imported as a decision; the {tag} semantics are not kept")),
            "boundaryEvent" => {
                let on = self.ref_attr(i, "attachedToRef").and_then(|a| self.name(a)).unwrap_or("?");
                Some(format!("imported as an event step; its attachment to '{on}' is not kept"))
            }
            "transaction" | "adHocSubProcess" => Some(format!("imported as a sub-pathway with its own flow; the {tag} semantics are not kept")),
            "subProcess" if t.attr(i, "triggeredByEvent").is_some_and(|v| v.trim() == "true") => {
                Some("an event sub-process: imported as a sub-pathway with its own flow, not connected to the flow around it".to_string())
            }
            _ => None,
        };
        if let Some(n) = note {
            self.report.approximated.push(ImportReport::entry(t, i, n));
        }
        for &c in t.kids(i) {
            let name = &t.get(c).name;
            if t.get(c).ns == Ns::Model && name.ends_with("EventDefinition") {
                self.mark_tree(c);
                self.report.approximated.push(ImportReport::entry(t, c, format!("the event's trigger ({}) is not kept", name.trim_end_matches("EventDefinition"))));
            }
        }
    }

    fn flows_of(&mut self, pr: u32) {
        let t = self.t;
        for i in t.children(pr, Ns::Model, "sequenceFlow").collect::<Vec<_>>() {
            let from = self.ref_attr(i, "sourceRef").and_then(|s| self.step_of.get(&s).copied());
            let to = self.ref_attr(i, "targetRef").and_then(|s| self.step_of.get(&s).copied());
            let (Some(from), Some(to)) = (from, to) else {
                self.report.skipped.push(ImportReport::entry(t, i, "a sequence flow whose ends are not both imported steps"));
                self.used[i as usize] = true;
                continue;
            };
            self.used[i as usize] = true;
            self.mark_plain_children(i);
            let json = self.cp::<Transition>(i, "transition");
            let name = t.attr(i, "name").unwrap_or("").to_string();
            let mut tr = json.unwrap_or_else(|| Transition::new(from, to, ""));
            tr.id = TransitionId(self.claim_local(Some(tr.id.0)));
            tr.from = from;
            tr.to = to;
            if xml_safe(&tr.label) != name {
                tr.label = clip(name.trim());
            }
            if let Some(c) = t.child(i, Ns::Model, "conditionExpression") {
                let cond = t.get(c).text.trim();
                if tr.label.is_empty() && !cond.is_empty() {
                    tr.label = clip(cond);
                    self.used[c as usize] = true;
                } else if cond.is_empty() {
                    self.used[c as usize] = true;
                }
            }
            self.transitions.push(tr);
        }
    }

    /// Information types from data objects, and needs from data object references.
    fn data(&mut self, processes: &[u32]) {
        let t = self.t;
        let mut links: Vec<Link> = Vec::new();
        for &pr in processes {
            for &i in t.kids(pr) {
                let e = t.get(i);
                if e.ns != Ns::Model {
                    continue;
                }
                if self.step_of.contains_key(&i) {
                    for c in t.kids(i).iter().copied() {
                        let ce = t.get(c);
                        let out = match ce.name.as_ref() {
                            "dataOutputAssociation" => true,
                            "dataInputAssociation" => false,
                            _ => continue,
                        };
                        let end = if out { "targetRef" } else { "sourceRef" };
                        for r in t.children(c, Ns::Model, end) {
                            if let Some(d) = self.lookup(&t.get(r).text) {
                                links.push(Link { data: d, node: i, out, via: c });
                            }
                        }
                    }
                } else if e.name == "association" {
                    let (Some(s), Some(d)) = (self.ref_attr(i, "sourceRef"), self.ref_attr(i, "targetRef")) else { continue };
                    if self.step_of.contains_key(&s) && t.get(d).name == "dataObjectReference" {
                        links.push(Link { data: d, node: s, out: true, via: i });
                    } else if self.step_of.contains_key(&d) && t.get(s).name == "dataObjectReference" {
                        links.push(Link { data: s, node: d, out: false, via: i });
                    }
                }
            }
        }
        for &pr in processes {
            for i in t.children(pr, Ns::Model, "dataObject").collect::<Vec<_>>() {
                self.used[i as usize] = true;
                self.mark_plain_children(i);
                let Some(name) = self.name(i) else {
                    self.report.skipped.push(ImportReport::entry(t, i, "a data object without a name: no information type was made"));
                    continue;
                };
                let id = match self.doc.info_types.iter().find(|it| it.name.trim().eq_ignore_ascii_case(name)) {
                    Some(it) => it.id,
                    None => {
                        let id = InfoTypeId(self.claim(None));
                        self.doc.info_types.push(InfoType { id, name: clip(name), codes: Vec::new(), description: self.documentation(i), priority: None });
                        id
                    }
                };
                self.info_of.insert(i, id);
            }
        }
        let mut links_of: HashMap<u32, Vec<&Link>> = HashMap::default();
        for l in &links {
            links_of.entry(l.data).or_default().push(l);
        }
        let step_ids: HashSet<StepId> = self.steps.iter().map(|s| s.id).collect();
        let actor_of: HashMap<StepId, Option<ActorId>> = self.steps.iter().map(|s| (s.id, s.actor)).collect();
        for &pr in processes {
            for r in t.children(pr, Ns::Model, "dataObjectReference").collect::<Vec<_>>() {
                self.used[r as usize] = true;
                self.mark_plain_children(r);
                let mine: Vec<&Link> = links_of.get(&r).cloned().unwrap_or_default();
                for l in &mine {
                    self.mark_tree(l.via);
                    if let Some(p) = t.kids(l.node).iter().find(|&&c| t.attr(c, "name") == Some("__targetRef_placeholder")) {
                        self.used[*p as usize] = true;
                    }
                }
                let object = self.ref_attr(r, "dataObjectRef");
                let info = object.and_then(|o| self.info_of.get(&o).copied());
                if let Some(mut n) = self.cp::<DataNeed>(r, "need") {
                    n.id = NeedId(self.claim_local(Some(n.id.0)));
                    n.steps.retain(|s| step_ids.contains(s));
                    n.parties.retain(|p| self.doc.actor(p.actor).is_some());
                    n.info_types.retain(|it| self.doc.info_type(*it).is_some());
                    let name = t.attr(r, "name").unwrap_or("");
                    // the name is the title and the information types, unless another tool
                    // renamed it
                    if xml_safe(&need_name(&self.doc, &n)) != name {
                        n.title = clip(name.trim());
                    }
                    self.needs.push(n);
                    continue;
                }
                if mine.is_empty() {
                    self.report.skipped.push(ImportReport::entry(t, r, "a data object reference linked to no step; its data object became an information type"));
                    continue;
                }
                let outs: Vec<u32> = mine.iter().filter(|l| l.out).map(|l| l.node).collect();
                let ins: Vec<u32> = mine.iter().filter(|l| !l.out).map(|l| l.node).collect();
                let title = self.name(r).or_else(|| object.and_then(|o| self.name(o))).unwrap_or("Informasjon");
                let mut steps: Vec<StepId> = Vec::new();
                for n in outs.iter().chain(&ins) {
                    let s = self.step_of[n];
                    if !steps.contains(&s) {
                        steps.push(s);
                    }
                }
                let actor = |nodes: &[u32]| nodes.iter().find_map(|n| actor_of.get(&self.step_of[n]).copied().flatten());
                let mut need = DataNeed::new(clip(title), steps, Party::pair(actor(&outs), actor(&ins)));
                need.id = NeedId(self.claim_local(None));
                need.info_types = info.into_iter().collect();
                self.needs.push(need);
            }
        }
    }

    /// Needs from message flows between pools, tasks and events.
    fn message_flows(&mut self, _participants: &[u32]) {
        let t = self.t;
        let actor_of: HashMap<StepId, Option<ActorId>> = self.steps.iter().map(|s| (s.id, s.actor)).collect();
        let step_ids: HashSet<StepId> = self.steps.iter().map(|s| s.id).collect();
        for c in t.children(0, Ns::Model, "collaboration").collect::<Vec<_>>() {
            // a pool per actor: the variant's needs whole (their message flows only name them)
            let whole = self.cp::<Vec<DataNeed>>(c, "needs");
            for mut n in whole.iter().flatten().cloned() {
                n.id = NeedId(self.claim_local(Some(n.id.0)));
                n.steps.retain(|s| step_ids.contains(s));
                n.parties.retain(|p| self.doc.actor(p.actor).is_some());
                n.info_types.retain(|it| self.doc.info_type(*it).is_some());
                self.needs.push(n);
            }
            for m in t.children(c, Ns::Model, "messageFlow").collect::<Vec<_>>() {
                self.used[m as usize] = true;
                self.mark_plain_children(m);
                // a hand-over between pools: a transition
                if let Some(mut tr) = self.cp::<Transition>(m, "transition") {
                    let end = |k: &str| self.ref_attr(m, k).and_then(|e| self.step_of.get(&e).copied());
                    if let (Some(from), Some(to)) = (end("sourceRef"), end("targetRef")) {
                        tr.id = TransitionId(self.claim_local(Some(tr.id.0)));
                        tr.from = from;
                        tr.to = to;
                        let name = t.attr(m, "name").unwrap_or("").to_string();
                        if xml_safe(&tr.label) != name {
                            tr.label = clip(name.trim());
                        }
                        self.transitions.push(tr);
                        continue;
                    }
                }
                // a need's message to one consumer, the need itself read whole above
                if whole.is_some() && self.cp_element(m, "message").is_some() {
                    continue;
                }
                let json = self.cp::<DataNeed>(m, "need");
                let end = |k: &str| -> (Option<StepId>, Option<ActorId>) {
                    let Some(e) = self.ref_attr(m, k) else { return (None, None) };
                    if let Some(&s) = self.step_of.get(&e) {
                        return (Some(s), actor_of.get(&s).copied().flatten());
                    }
                    (None, self.pool_actor.get(&e).copied())
                };
                let (s1, a1) = end("sourceRef");
                let (s2, a2) = end("targetRef");
                if json.is_none() && (a1.is_none() || a2.is_none()) {
                    let which = if a1.is_none() && a2.is_none() { "either end" } else if a1.is_none() { "its source" } else { "its target" };
                    self.report.approximated.push(ImportReport::entry(t, m, format!("imported as a need, but {which} is no imported step or pool, so the need lacks that actor")));
                }
                let message = self.ref_attr(m, "messageRef");
                if let Some(msg) = message {
                    self.used[msg as usize] = true;
                    self.mark_plain_children(msg);
                }
                let title = self.name(m).or_else(|| message.and_then(|x| self.name(x))).unwrap_or("Melding").to_string();
                let mut need = json.unwrap_or_else(|| {
                    let mut n = DataNeed::new(clip(&title), Vec::new(), Party::pair(a1, a2));
                    n.steps = [s1, s2].into_iter().flatten().collect();
                    if let Some(it) = self.doc.info_types.iter().find(|it| it.name.eq_ignore_ascii_case(&title)) {
                        n.info_types.push(it.id);
                    }
                    n
                });
                need.id = NeedId(self.claim_local(Some(need.id.0)));
                need.steps.dedup();
                self.needs.push(need);
            }
        }
    }
}
