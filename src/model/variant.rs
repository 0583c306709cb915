//! A variant of the pathway ("Nå-situasjon", "Ønsket forløp"): its steps and transitions held
//! as a petgraph `StableDiGraph`, and its data-sharing needs. Graph indices stay inside the
//! core; everything outside speaks in `StepId` and `TransitionId`.
//!
//! On disk and in JSON a variant is a [`VariantData`]: lists sorted by id, so the same variant
//! always serialises to the same bytes.

use super::ids::*;
use super::kinds::VariantKind;
use super::step::{DataNeed, Step, Transition};
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;
use foldhash::HashMap;
use std::collections::BTreeMap;

/// The flow graph of a variant.
pub(crate) type FlowGraph = StableDiGraph<Step, Transition>;

/// One variant of the pathway.
#[derive(Clone, Debug, Default)]
pub struct Variant {
    pub id: VariantId,
    pub name: String,
    pub kind: VariantKind,
    pub description: String,
    /// The variant this one was copied from, if any.
    pub based_on: Option<VariantId>,
    flow: FlowGraph,
    step_nodes: HashMap<StepId, NodeIndex>,
    transition_edges: HashMap<TransitionId, EdgeIndex>,
    needs: BTreeMap<NeedId, DataNeed>,
    /// How many steps lie in a sub-pathway's own flow (see `nested.rs`).
    pub(super) nested: usize,
    /// For a flow cut out of a variant: the needs' numbers in the whole variant, so a need
    /// keeps its number in a sub-pathway's figure.
    pub(super) numbers: Option<std::sync::Arc<HashMap<NeedId, u32>>>,
}

/// The serialised form of a variant.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Variant")]
pub struct VariantData {
    pub id: VariantId,
    pub name: String,
    pub kind: VariantKind,
    #[serde(default)]
    pub description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub based_on: Option<VariantId>,
    /// Ordered by id.
    pub steps: Vec<Step>,
    /// Ordered by id.
    pub transitions: Vec<Transition>,
    /// Ordered by id.
    #[serde(default)]
    pub needs: Vec<DataNeed>,
}

/// A variant without its contents: name, kind and description. Storage keeps it as one row
/// and BPMN export carries it on the process.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VariantHeader {
    pub id: VariantId,
    pub name: String,
    pub kind: VariantKind,
    #[serde(default)]
    pub description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub based_on: Option<VariantId>,
}

impl VariantHeader {
    /// The header of a variant.
    pub fn of(v: &Variant) -> Self {
        Self { id: v.id, name: v.name.clone(), kind: v.kind, description: v.description.clone(), based_on: v.based_on }
    }
    /// The header of a variant's serialised form.
    pub fn of_data(v: &VariantData) -> Self {
        Self { id: v.id, name: v.name.clone(), kind: v.kind, description: v.description.clone(), based_on: v.based_on }
    }
}

impl VariantData {
    /// A variant with no steps, transitions or needs.
    pub fn empty(id: VariantId, name: impl Into<String>, kind: VariantKind) -> Self {
        Self {
            id,
            name: name.into(),
            kind,
            description: String::new(),
            based_on: None,
            steps: Vec::new(),
            transitions: Vec::new(),
            needs: Vec::new(),
        }
    }
}

/// Why a [`VariantData`] cannot become a [`Variant`].
#[derive(Clone, Debug, PartialEq)]
pub enum VariantDataError {
    DuplicateStep(StepId),
    DuplicateTransition(TransitionId),
    DuplicateNeed(NeedId),
    /// A transition names a step the variant does not have.
    DanglingTransition { transition: TransitionId, step: StepId },
    /// A step lies within a step the variant does not have.
    DanglingWithin { step: StepId, within: StepId },
    /// A step lies, through its sub-pathways, within itself.
    WithinItself(StepId),
    /// A step lies within a step that is not a sub-pathway.
    WithinNoSubPathway { step: StepId, within: StepId },
    /// A transition joins steps of two different flows (main and nested, or two nested).
    CrossFlowTransition(TransitionId),
}

impl std::fmt::Display for VariantDataError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::DuplicateStep(id) => write!(f, "step id {id} occurs twice"),
            Self::DuplicateTransition(id) => write!(f, "transition id {id} occurs twice"),
            Self::DuplicateNeed(id) => write!(f, "need id {id} occurs twice"),
            Self::DanglingTransition { transition, step } => {
                write!(f, "transition {transition} refers to step {step}, which this variant does not have")
            }
            Self::DanglingWithin { step, within } => {
                write!(f, "step {step} lies within step {within}, which this variant does not have")
            }
            Self::WithinItself(id) => write!(f, "step {id} lies within itself through its sub-pathways"),
            Self::WithinNoSubPathway { step, within } => {
                write!(f, "step {step} lies within step {within}, which is not a sub-pathway")
            }
            Self::CrossFlowTransition(id) => {
                write!(f, "transition {id} joins steps of two different flows (a sub-pathway's flow has its own transitions)")
            }
        }
    }
}

impl Variant {
    /// An empty variant.
    pub fn new(id: VariantId, name: impl Into<String>) -> Self {
        Self { id, name: name.into(), ..Default::default() }
    }

    pub fn step(&self, id: StepId) -> Option<&Step> {
        self.step_nodes.get(&id).map(|&n| &self.flow[n])
    }
    pub fn transition(&self, id: TransitionId) -> Option<&Transition> {
        self.transition_edges.get(&id).map(|&e| &self.flow[e])
    }
    pub fn need(&self, id: NeedId) -> Option<&DataNeed> {
        self.needs.get(&id)
    }
    pub fn step_count(&self) -> usize {
        self.step_nodes.len()
    }
    pub fn transition_count(&self) -> usize {
        self.transition_edges.len()
    }
    pub fn need_count(&self) -> usize {
        self.needs.len()
    }

    /// Steps in no particular order (fast).
    pub fn steps(&self) -> impl Iterator<Item = &Step> {
        self.flow.node_weights()
    }
    /// Transitions in no particular order (fast).
    pub fn transitions(&self) -> impl Iterator<Item = &Transition> {
        self.flow.edge_weights()
    }
    /// Needs ordered by id.
    pub fn needs(&self) -> impl Iterator<Item = &DataNeed> {
        self.needs.values()
    }
    /// The needs numbered 1, 2 … (shown as B1, B2 …) in the order they were made: by id,
    /// as ids grow with time. The number is the same in every picture and table, and a need
    /// keeps it through every edit but the deletion of a need made before it. A variant
    /// copied from another keeps the ids, so a need has the same number in both.
    pub fn need_numbers(&self) -> HashMap<NeedId, u32> {
        if let Some(n) = &self.numbers {
            return (**n).clone();
        }
        let mut ids: Vec<NeedId> = self.needs().map(|n| n.id).collect();
        ids.sort_unstable();
        ids.into_iter().enumerate().map(|(i, id)| (id, i as u32 + 1)).collect()
    }

    /// A need's number as pictures and tables show it: "B7" (0 for a need not in the map).
    pub fn need_label(numbers: &HashMap<NeedId, u32>, need: NeedId) -> String {
        format!("B{}", numbers.get(&need).copied().unwrap_or(0))
    }

    /// Steps ordered by id.
    pub fn steps_sorted(&self) -> Vec<&Step> {
        let mut v: Vec<&Step> = self.steps().collect();
        v.sort_unstable_by_key(|s| s.id);
        v
    }
    /// Transitions ordered by id.
    pub fn transitions_sorted(&self) -> Vec<&Transition> {
        let mut v: Vec<&Transition> = self.transitions().collect();
        v.sort_unstable_by_key(|t| t.id);
        v
    }
    /// Transitions leaving a step.
    pub fn outgoing(&self, id: StepId) -> impl Iterator<Item = &Transition> {
        self.edges_of(id, Direction::Outgoing)
    }
    /// Transitions arriving at a step.
    pub fn incoming(&self, id: StepId) -> impl Iterator<Item = &Transition> {
        self.edges_of(id, Direction::Incoming)
    }
    fn edges_of(&self, id: StepId, dir: Direction) -> impl Iterator<Item = &Transition> {
        self.step_nodes
            .get(&id)
            .into_iter()
            .flat_map(move |&n| self.flow.edges_directed(n, dir).map(|e| e.weight()))
    }

    /// The graph, for analysis inside the core.
    pub(crate) fn graph(&self) -> &FlowGraph {
        &self.flow
    }
    /// The node of a step, for analysis inside the core.
    pub(crate) fn node(&self, id: StepId) -> Option<NodeIndex> {
        self.step_nodes.get(&id).copied()
    }

    /// Inserts a step; replaces nothing (the caller checked the id is new).
    pub(crate) fn insert_step(&mut self, step: Step) {
        debug_assert!(!self.step_nodes.contains_key(&step.id));
        let id = step.id;
        self.nested += usize::from(step.within.is_some());
        let n = self.flow.add_node(step);
        self.step_nodes.insert(id, n);
    }
    /// Replaces a step's fields; returns the old step.
    pub(crate) fn replace_step(&mut self, step: Step) -> Option<Step> {
        let n = *self.step_nodes.get(&step.id)?;
        self.nested += usize::from(step.within.is_some());
        let old = std::mem::replace(&mut self.flow[n], step);
        self.nested -= usize::from(old.within.is_some());
        Some(old)
    }
    /// Removes a step and the transitions touching it.
    pub(crate) fn remove_step(&mut self, id: StepId) -> Option<(Step, Vec<Transition>)> {
        let n = self.step_nodes.remove(&id)?;
        let edges: Vec<EdgeIndex> = self
            .flow
            .edges_directed(n, Direction::Outgoing)
            .chain(self.flow.edges_directed(n, Direction::Incoming))
            .map(|e| e.id())
            .collect();
        let mut removed = Vec::new();
        for e in edges {
            if let Some(t) = self.flow.remove_edge(e) {
                self.transition_edges.remove(&t.id);
                if !removed.iter().any(|r: &Transition| r.id == t.id) {
                    removed.push(t);
                }
            }
        }
        removed.sort_by_key(|t| t.id);
        let step = self.flow.remove_node(n)?;
        self.nested -= usize::from(step.within.is_some());
        Some((step, removed))
    }
    /// Inserts a transition between two existing steps; false if a step is missing.
    pub(crate) fn insert_transition(&mut self, t: Transition) -> bool {
        let (Some(&a), Some(&b)) = (self.step_nodes.get(&t.from), self.step_nodes.get(&t.to)) else {
            return false;
        };
        let id = t.id;
        let e = self.flow.add_edge(a, b, t);
        self.transition_edges.insert(id, e);
        true
    }
    pub(crate) fn remove_transition(&mut self, id: TransitionId) -> Option<Transition> {
        let e = self.transition_edges.remove(&id)?;
        self.flow.remove_edge(e)
    }
    /// Replaces a transition, reconnecting it if its ends changed; returns the old one.
    pub(crate) fn replace_transition(&mut self, t: Transition) -> Option<Transition> {
        let old = self.transition(t.id)?.clone();
        if old.from == t.from && old.to == t.to {
            let e = self.transition_edges[&t.id];
            self.flow[e] = t;
        } else {
            self.remove_transition(t.id);
            if !self.insert_transition(t) {
                self.insert_transition(old.clone());
                return None;
            }
        }
        Some(old)
    }
    pub(crate) fn insert_need(&mut self, need: DataNeed) -> Option<DataNeed> {
        self.needs.insert(need.id, need)
    }
    pub(crate) fn remove_need(&mut self, id: NeedId) -> Option<DataNeed> {
        self.needs.remove(&id)
    }

    /// The serialisable form, lists sorted by id.
    pub fn to_data(&self) -> VariantData {
        VariantData {
            id: self.id,
            name: self.name.clone(),
            kind: self.kind,
            description: self.description.clone(),
            based_on: self.based_on,
            steps: self.steps_sorted().into_iter().cloned().collect(),
            transitions: self.transitions_sorted().into_iter().cloned().collect(),
            needs: self.needs.values().cloned().collect(),
        }
    }

    /// A copy under a new id, name and kind that keeps every element id, so the two compare.
    pub fn copy_as(&self, id: VariantId, name: impl Into<String>, kind: VariantKind) -> Variant {
        let mut v = self.clone();
        v.id = id;
        v.kind = kind;
        v.name = name.into();
        v.based_on = Some(self.id);
        v
    }
}

impl TryFrom<VariantData> for Variant {
    type Error = VariantDataError;
    fn try_from(data: VariantData) -> Result<Self, Self::Error> {
        let mut v = Variant::new(data.id, data.name);
        v.kind = data.kind;
        v.description = data.description;
        v.based_on = data.based_on;
        for s in data.steps {
            if v.step_nodes.contains_key(&s.id) {
                return Err(VariantDataError::DuplicateStep(s.id));
            }
            v.insert_step(s);
        }
        for t in data.transitions {
            if v.transition_edges.contains_key(&t.id) {
                return Err(VariantDataError::DuplicateTransition(t.id));
            }
            let (tid, from, to) = (t.id, t.from, t.to);
            if !v.insert_transition(t) {
                let step = if v.step_nodes.contains_key(&from) { to } else { from };
                return Err(VariantDataError::DanglingTransition { transition: tid, step });
            }
        }
        v.check_nesting()?;
        for n in data.needs {
            let id = n.id;
            if v.insert_need(n).is_some() {
                return Err(VariantDataError::DuplicateNeed(id));
            }
        }
        Ok(v)
    }
}

impl PartialEq for Variant {
    fn eq(&self, other: &Self) -> bool {
        self.to_data() == other.to_data()
    }
}

impl Serialize for Variant {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.to_data().serialize(s)
    }
}

impl<'de> Deserialize<'de> for Variant {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let data = VariantData::deserialize(d)?;
        let name = data.name.clone();
        Variant::try_from(data).map_err(|e| serde::de::Error::custom(format!("variant '{name}': {e}")))
    }
}

impl schemars::JsonSchema for Variant {
    fn schema_name() -> Cow<'static, str> {
        VariantData::schema_name()
    }
    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        VariantData::json_schema(g)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::kinds::StepKind;

    fn two_steps() -> (Variant, StepId, StepId) {
        let mut v = Variant::new(VariantId::new(), "Nå");
        let a = Step::new(StepKind::Start, "a", None, None);
        let b = Step::new(StepKind::End, "b", None, None);
        let (ia, ib) = (a.id, b.id);
        v.insert_step(a);
        v.insert_step(b);
        (v, ia, ib)
    }

    #[test]
    fn removing_a_step_removes_its_transitions() {
        let (mut v, a, b) = two_steps();
        assert!(v.insert_transition(Transition::new(a, b, "")));
        assert!(v.insert_transition(Transition::new(b, b, "again")));
        let (_, removed) = v.remove_step(b).unwrap();
        assert_eq!(removed.len(), 2);
        assert_eq!(v.transition_count(), 0);
        assert_eq!(v.outgoing(a).count(), 0);
    }

    #[test]
    fn data_round_trip_is_sorted_and_rejects_duplicates() {
        let (mut v, a, b) = two_steps();
        v.insert_transition(Transition::new(a, b, "x"));
        let data = v.to_data();
        assert!(data.steps.windows(2).all(|w| w[0].id < w[1].id));
        let back = Variant::try_from(data.clone()).unwrap();
        assert_eq!(back, v);
        let mut dup = data.clone();
        dup.steps.push(dup.steps[0].clone());
        assert_eq!(Variant::try_from(dup).unwrap_err(), VariantDataError::DuplicateStep(data.steps[0].id));
        let mut dangling = data;
        dangling.transitions[0].to = StepId::new();
        assert!(matches!(Variant::try_from(dangling), Err(VariantDataError::DanglingTransition { .. })));
    }

    #[test]
    fn copy_keeps_element_ids() {
        let (v, a, _) = two_steps();
        let c = v.copy_as(VariantId::new(), "Ønsket", VariantKind::Desired);
        assert!(c.step(a).is_some());
        assert_eq!(c.based_on, Some(v.id));
    }
}
