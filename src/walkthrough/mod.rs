//! Scenario walk-through: one path through a variant, from a start to an end, choosing a
//! branch at each step with several ways on and going round loops a chosen number of times.
//! At each step of the path: who acts and what they do, what every actor has received so far
//! along this path, and which needs at this step are unmet or handled manually.
//!
//! Choices are transition ids. Without a choice the walk takes the first way on (by
//! transition id) that still lets it finish; while loop rounds remain it prefers a way that
//! leads round a loop, so the default walk (one round) goes round once. A loop round is taking
//! a transition back to an earlier step of the flow (a back edge of a depth-first search from
//! the start, whatever the transition's kind). A way on is only
//! taken if an end can still be reached with the rounds left, so a walk never gets stuck in a
//! loop; it stops early only where the model has no way on.
//!
//! What an actor "has received": the information types of the needs at the steps passed
//! (this one included) of which that actor is a consumer, unless the need is unmet.
//!
//! A sub-pathway that holds a flow of its own is walked into: after the sub-pathway step come
//! the steps of its flow, from its first start (choices and loop rounds as above, the rounds
//! counted afresh), one level deeper; then the walk goes on after the sub-pathway.

mod graph;
mod table;

pub use table::{markdown, table, text, WalkRow, WalkTable};

use crate::error::{CoreError, ErrorCode, Result};
use crate::model::*;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};

/// The most loop rounds a walk takes, whatever it is asked for.
pub const MAX_LOOPS: u32 = 1000;

/// How to walk.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct WalkOptions {
    /// Where to begin (default: the first start step by id).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<StepId>,
    /// Branches to take. At a step with several ways on, its k-th visit takes the k-th of
    /// these transitions that leave it (the last one again on later visits), when that still
    /// lets the walk finish.
    pub choices: Vec<TransitionId>,
    /// How many loop rounds to take (at most [`MAX_LOOPS`]).
    pub loops: u32,
}

impl Default for WalkOptions {
    fn default() -> Self {
        WalkOptions { start: None, choices: Vec::new(), loops: 1 }
    }
}

/// An information type with its name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct InfoTypeName {
    pub id: InfoTypeId,
    pub name: String,
}

/// What one actor has received so far.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Received {
    pub actor: ActorId,
    pub actor_name: String,
    /// In catalogue order.
    pub info_types: Vec<InfoTypeName>,
}

/// A need at a step that is unmet, partly met, or handled manually.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct FlaggedNeed {
    pub need: NeedId,
    pub title: String,
    /// The names of its sources (producers and providers), joined by ", ".
    pub provider_name: String,
    /// The names of its consumers, joined by ", ".
    pub consumer_name: String,
    pub form: InteractionForm,
    pub status: NeedStatus,
    /// The form is manual or not yet known.
    pub manual: bool,
    /// The status is unmet or partly met.
    pub unmet: bool,
}

/// A way on from a step.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Branch {
    pub transition: TransitionId,
    pub label: String,
    pub to: StepId,
    pub to_label: String,
    /// Whether the walk took it.
    pub taken: bool,
}

/// One step of the walk and the state after it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct WalkStep {
    /// 1, 2, 3 ...
    pub number: u32,
    pub step: StepId,
    pub kind: StepKind,
    pub label: String,
    pub actor: Option<ActorId>,
    pub actor_name: String,
    /// The names of the other actors who take part in a joint step, in the step's order.
    #[serde(default)]
    pub participant_names: Vec<String>,
    pub phase_name: String,
    /// The transition that led here (none at the start).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub via: Option<TransitionId>,
    /// Loop rounds taken before this step.
    pub round: u32,
    /// Every actor, in lane order, with what it has received so far.
    pub received: Vec<Received>,
    /// Needs at this step that are unmet or manual, by title.
    pub flagged: Vec<FlaggedNeed>,
    /// The ways on from here when there are several (a choice the walk made).
    pub branches: Vec<Branch>,
    /// How many sub-pathways deep the step lies (0: the flow the walk began in).
    #[serde(default)]
    pub depth: u32,
}

/// A walk through a variant.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Walk {
    pub variant: VariantId,
    pub variant_name: String,
    pub steps: Vec<WalkStep>,
    /// Whether the walk reached an end step.
    pub complete: bool,
    /// Loop rounds taken.
    pub loops: u32,
}

/// How deep a walk goes into sub-pathways within sub-pathways.
const MAX_DEPTH: u32 = 32;

/// Walks through a variant of the document.
pub fn walk(doc: &Document, variant: VariantId, opts: &WalkOptions) -> Result<Walk> {
    let v = doc
        .variant(variant)
        .ok_or_else(|| CoreError::new(ErrorCode::UnknownId, format!("there is no variant with id {variant}")))?;
    let start = match opts.start {
        Some(s) if v.step(s).is_some() => s,
        Some(s) => return Err(CoreError::new(ErrorCode::UnknownId, format!("variant '{}' has no step with id {s}", v.name))),
        None => first_start(v, None).ok_or_else(|| CoreError::new(ErrorCode::InvalidValue, format!("variant '{}' has no start step", v.name)))?,
    };
    let mut state = State::new(doc, v);
    let flow = v.step(start).and_then(|s| s.within);
    let (complete, rounds) = walk_flow(v, flow, start, opts, &mut state, 0);
    Ok(Walk { variant, variant_name: v.name.clone(), steps: state.steps, complete, loops: rounds })
}

/// The first start step (by id) of a flow (`None`: the main flow).
fn first_start(v: &Variant, flow: Option<StepId>) -> Option<StepId> {
    v.flow_steps(flow).filter(|s| s.kind == StepKind::Start).map(|s| s.id).min()
}

/// Walks one flow from `start`, into the flows of the sub-pathways it passes; whether it
/// reached an end, and the loop rounds it took.
fn walk_flow(v: &Variant, flow: Option<StepId>, start: StepId, opts: &WalkOptions, state: &mut State, depth: u32) -> (bool, u32) {
    let own = v.flow_of(flow);
    let g = graph::Flow::of(&own);
    let mut visits: HashMap<StepId, usize> = HashMap::new();
    let loops = opts.loops.min(MAX_LOOPS);
    let (mut at, mut via, mut left, mut rounds) = (start, None, loops, 0u32);
    // a bound no walk reaches: each round passes each step at most once more
    let limit = (loops as usize + 2) * (own.step_count() + 1);
    let mut complete = false;
    for _ in 0..limit {
        let Some(step) = own.step(at) else { break };
        let visit = *visits.entry(at).and_modify(|n| *n += 1).or_insert(0);
        let out = g.out(at);
        let next = if step.kind == StepKind::End { None } else { g.choose(at, visit, &opts.choices, left) };
        let branches = if out.len() > 1 {
            out.iter()
                .map(|t| Branch {
                    transition: t.id,
                    label: t.label.clone(),
                    to: t.to,
                    to_label: own.step(t.to).map(|s| s.label.clone()).unwrap_or_default(),
                    taken: next.map(|n: &Transition| n.id) == Some(t.id),
                })
                .collect()
        } else {
            Vec::new()
        };
        state.pass(step, via, rounds, branches, depth);
        if step.kind == StepKind::SubPathway && depth < MAX_DEPTH {
            if let Some(inner) = first_start(v, Some(step.id)) {
                walk_flow(v, Some(step.id), inner, opts, state, depth + 1);
            }
        }
        if step.kind == StepKind::End {
            complete = true;
            break;
        }
        let Some(t) = next else { break };
        if g.is_loop(t.id) {
            rounds += 1;
            left = left.saturating_sub(1);
        }
        via = Some(t.id);
        at = t.to;
    }
    (complete, rounds)
}

/// The branch transitions of a shortest path from the first start step to `to`: through the
/// main flow to the outermost sub-pathway around `to`, then inside each flow in turn.
fn way_to(v: &Variant, to: StepId) -> Vec<TransitionId> {
    let around = v.enclosing(to);
    let flows = std::iter::once(None).chain(around.iter().copied().map(Some));
    let targets = around.iter().copied().chain(std::iter::once(to));
    flows.zip(targets).flat_map(|(flow, target)| way_within(v, flow, target)).collect()
}

/// The branch transitions of a shortest path from a flow's first start step to `to` in that
/// flow (breadth first, transitions in id order).
fn way_within(v: &Variant, flow: Option<StepId>, to: StepId) -> Vec<TransitionId> {
    let Some(start) = first_start(v, flow) else {
        return Vec::new();
    };
    let mut came: HashMap<StepId, Option<&Transition>> = HashMap::from([(start, None)]);
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(at) = queue.pop_front() {
        if at == to {
            break;
        }
        let mut next: Vec<&Transition> = v.outgoing(at).collect();
        next.sort_by_key(|t| t.id);
        for t in next {
            if !came.contains_key(&t.to) {
                came.insert(t.to, Some(t));
                queue.push_back(t.to);
            }
        }
    }
    let mut path = Vec::new();
    let mut at = to;
    while let Some(Some(t)) = came.get(&at) {
        if v.outgoing(t.from).count() > 1 {
            path.push(t.id);
        }
        at = t.from;
    }
    path.reverse();
    path
}

/// The most scenarios [`scenarios`] gives for one variant.
pub const MAX_SCENARIOS: usize = 24;

/// One walk of a set that covers every way on: the branch it was made to take (none for the
/// first, default walk) and the walk.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    pub forced: Option<TransitionId>,
    pub walk: Walk,
}

/// Walks that together take every way on from every step with several (every outcome of
/// every decision), loops taken once: the default walk first, then, for each way on no walk
/// has taken yet (in transition order), a walk made to take it. A way on that no walk can
/// take and still finish is left out. At most [`MAX_SCENARIOS`].
pub fn scenarios(doc: &Document, variant: VariantId) -> Result<Vec<Scenario>> {
    let v = doc
        .variant(variant)
        .ok_or_else(|| CoreError::new(ErrorCode::UnknownId, format!("there is no variant with id {variant}")))?;
    let first = walk(doc, variant, &WalkOptions::default())?;
    let taken = |w: &Walk| -> Vec<TransitionId> { w.steps.iter().filter_map(|s| s.via).collect() };
    let mut covered: std::collections::HashSet<TransitionId> = taken(&first).into_iter().collect();
    let mut out = vec![Scenario { forced: None, walk: first }];
    let mut branching: Vec<&Transition> = v.transitions_sorted().into_iter().filter(|t| v.outgoing(t.from).count() > 1).collect();
    branching.sort_by_key(|t| t.id);
    for t in branching {
        if out.len() >= MAX_SCENARIOS {
            break;
        }
        if covered.contains(&t.id) {
            continue;
        }
        // the ways on that lead from the start to the step, then this one
        let mut choices = way_to(v, t.from);
        choices.push(t.id);
        let w = walk(doc, variant, &WalkOptions { choices, ..WalkOptions::default() })?;
        if w.complete && w.steps.iter().any(|s| s.via == Some(t.id)) {
            covered.extend(taken(&w));
            out.push(Scenario { forced: Some(t.id), walk: w });
        }
    }
    Ok(out)
}

/// The transition leaving a step labelled `decision` (or with that id) whose label, or whose
/// target's label, is `branch` (case-insensitive). For `--choose DECISION=BRANCH`.
pub fn find_branch(variant: &Variant, decision: &str, branch: &str) -> Option<TransitionId> {
    let same = |a: &str, b: &str| a.trim().to_lowercase() == b.trim().to_lowercase();
    let mut steps = variant.steps_sorted();
    steps.retain(|s| same(&s.label, decision) || s.id.to_string() == decision.trim());
    steps.iter().find_map(|s| {
        let mut ts: Vec<&Transition> = variant.outgoing(s.id).collect();
        ts.sort_by_key(|t| t.id);
        ts.iter()
            .find(|t| same(&t.label, branch))
            .or_else(|| ts.iter().find(|t| variant.step(t.to).is_some_and(|s| same(&s.label, branch))))
            .map(|t| t.id)
    })
}

/// The growing state of a walk.
struct State<'a> {
    doc: &'a Document,
    /// The needs at each step, by id.
    needs_at: HashMap<StepId, Vec<&'a DataNeed>>,
    got: HashMap<ActorId, BTreeSet<usize>>,
    steps: Vec<WalkStep>,
}

impl<'a> State<'a> {
    fn new(doc: &'a Document, v: &'a Variant) -> Self {
        let mut needs_at: HashMap<StepId, Vec<&DataNeed>> = HashMap::new();
        for n in v.needs() {
            for s in &n.steps {
                let at = needs_at.entry(*s).or_default();
                if at.last().map(|x| x.id) != Some(n.id) {
                    at.push(n);
                }
            }
        }
        State { doc, needs_at, got: HashMap::new(), steps: Vec::new() }
    }

    fn actor_name(&self, id: Option<ActorId>) -> String {
        self.doc.actor_name(id)
    }

    /// Actors' names joined by ", ".
    fn names(&self, actors: impl Iterator<Item = ActorId>) -> String {
        self.doc.actor_names(actors)
    }

    fn pass(&mut self, step: &Step, via: Option<TransitionId>, round: u32, branches: Vec<Branch>, depth: u32) {
        let mut flagged = Vec::new();
        let here = self.needs_at.get(&step.id).map(Vec::as_slice).unwrap_or_default();
        for n in here {
            if n.status != NeedStatus::Unmet {
                for c in n.consumers() {
                    let set = self.got.entry(c).or_default();
                    for t in &n.info_types {
                        if let Some(i) = self.doc.info_types.iter().position(|x| x.id == *t) {
                            set.insert(i);
                        }
                    }
                }
            }
            let manual = matches!(n.form, InteractionForm::Manual | InteractionForm::Unknown);
            let unmet = matches!(n.status, NeedStatus::Unmet | NeedStatus::PartlyMet);
            if manual || unmet {
                flagged.push(FlaggedNeed {
                    need: n.id,
                    title: n.title.clone(),
                    provider_name: self.names(n.sources()),
                    consumer_name: self.names(n.consumers()),
                    form: n.form,
                    status: n.status,
                    manual,
                    unmet,
                });
            }
        }
        flagged.sort_by_key(|f| (f.title.to_lowercase(), f.need));
        let received = self
            .doc
            .actors
            .iter()
            .map(|a| Received {
                actor: a.id,
                actor_name: a.name.clone(),
                info_types: self
                    .got
                    .get(&a.id)
                    .map(|s| s.iter().map(|&i| InfoTypeName { id: self.doc.info_types[i].id, name: self.doc.info_types[i].name.clone() }).collect())
                    .unwrap_or_default(),
            })
            .collect();
        self.steps.push(WalkStep {
            number: self.steps.len() as u32 + 1,
            step: step.id,
            kind: step.kind,
            label: step.label.clone(),
            actor: step.actor,
            actor_name: self.actor_name(step.actor),
            participant_names: step.participants.iter().map(|&p| self.actor_name(Some(p))).filter(|n| !n.is_empty()).collect(),
            phase_name: step.phase.and_then(|p| self.doc.phase(p)).map(|p| p.name.clone()).unwrap_or_default(),
            via,
            round,
            received,
            flagged,
            branches,
            depth,
        });
    }
}

#[cfg(test)]
mod tests;
