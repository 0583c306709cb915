//! Copy and paste of steps, also between documents. [`copy`] takes steps of a variant out as
//! a self-contained [`Fragment`]: the steps, the transitions among them, the needs whose steps
//! are all inside, and the actors, phases and information types they name. [`paste`] turns a
//! fragment into one [`Edit::Batch`] for a variant of any document: every step, transition and
//! need gets a fresh id; actors, phases and information types are matched by id, else by name
//! (ignoring case), else added; pinned positions are moved by an offset so the copies do not
//! sit on the originals. Undoing the batch removes the whole paste.

use super::check::unknown;
use super::Edit;
use crate::error::{CoreError, ErrorCode, Result};
use crate::model::*;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};

/// Steps taken out of a variant with everything they need to stand on their own.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Fragment {
    /// The actors the steps and needs name, in lane order.
    pub actors: Vec<Actor>,
    /// The phases the steps name, in column order.
    pub phases: Vec<Phase>,
    /// The information types the needs name, in catalogue order.
    pub info_types: Vec<InfoType>,
    /// In the order they were asked for.
    pub steps: Vec<Step>,
    /// The transitions whose both ends are among the steps, ordered by id.
    pub transitions: Vec<Transition>,
    /// The needs whose steps are all among the steps, ordered by id.
    pub needs: Vec<DataNeed>,
}

impl Fragment {
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }
}

/// Copies `steps` of `variant` (each must exist) into a fragment; a sub-pathway comes with
/// the flow it holds.
pub fn copy(doc: &Document, variant: VariantId, steps: &[StepId]) -> Result<Fragment> {
    let v = doc.variant(variant).ok_or_else(|| unknown("variant", variant))?;
    let mut inside = BTreeSet::new();
    let mut picked = Vec::new();
    for &id in steps {
        let s = v.step(id).ok_or_else(|| unknown("step", id))?;
        if inside.insert(id) {
            picked.push(s.clone());
        }
    }
    for &id in steps {
        for d in v.descendants(id) {
            if inside.insert(d) {
                picked.push(v.step(d).expect("a step of this variant").clone());
            }
        }
    }
    let transitions: Vec<Transition> = v
        .transitions_sorted()
        .into_iter()
        .filter(|t| inside.contains(&t.from) && inside.contains(&t.to))
        .cloned()
        .collect();
    let needs: Vec<DataNeed> = v
        .needs()
        .filter(|n| !n.steps.is_empty() && n.steps.iter().all(|s| inside.contains(s)))
        .cloned()
        .collect();
    let actor_ids: BTreeSet<ActorId> = picked
        .iter()
        .flat_map(|s| s.actor.into_iter().chain(s.participants.iter().copied()))
        .chain(needs.iter().flat_map(|n| n.actors()))
        .collect();
    let phase_ids: BTreeSet<PhaseId> = picked.iter().filter_map(|s| s.phase).collect();
    let info_ids: BTreeSet<InfoTypeId> = needs.iter().flat_map(|n| n.info_types.iter().copied()).collect();
    Ok(Fragment {
        actors: doc.actors.iter().filter(|a| actor_ids.contains(&a.id)).cloned().collect(),
        phases: doc.phases.iter().filter(|p| phase_ids.contains(&p.id)).cloned().collect(),
        info_types: doc.info_types.iter().filter(|t| info_ids.contains(&t.id)).cloned().collect(),
        steps: picked,
        transitions,
        needs,
    })
}

/// What a paste made: the edit to apply and the ids the pasted steps will have, in the
/// fragment's order.
#[derive(Clone, Debug, PartialEq)]
pub struct Pasted {
    pub edit: Edit,
    pub steps: Vec<StepId>,
}

/// The edit that pastes `fragment` into `variant` of `doc`, pinned positions moved by
/// `offset`. Nothing is changed until the edit is applied.
pub fn paste(doc: &Document, variant: VariantId, fragment: &Fragment, offset: Position) -> Result<Pasted> {
    doc.variant(variant).ok_or_else(|| unknown("variant", variant))?;
    if fragment.is_empty() {
        return Err(CoreError::new(ErrorCode::InvalidValue, "there is nothing to paste"));
    }
    let mut edits = Vec::new();

    let mut actors = HashMap::new();
    let mut next = doc.actors.len() as u32;
    for a in &fragment.actors {
        let found = doc.actor(a.id).or_else(|| doc.actors.iter().find(|x| same_name(&x.name, &a.name)));
        let id = match found {
            Some(x) => x.id,
            None => {
                edits.push(Edit::AddActor { actor: Actor { order: next, ..a.clone() } });
                next += 1;
                a.id
            }
        };
        actors.insert(a.id, id);
    }
    let mut phases = HashMap::new();
    let mut next = doc.phases.len() as u32;
    for p in &fragment.phases {
        let found = doc.phase(p.id).or_else(|| doc.phases.iter().find(|x| same_name(&x.name, &p.name)));
        let id = match found {
            Some(x) => x.id,
            None => {
                edits.push(Edit::AddPhase { phase: Phase { order: next, ..p.clone() } });
                next += 1;
                p.id
            }
        };
        phases.insert(p.id, id);
    }
    let mut infos = HashMap::new();
    for t in &fragment.info_types {
        let found = doc.info_type(t.id).or_else(|| doc.info_types.iter().find(|x| same_name(&x.name, &t.name)));
        let id = match found {
            Some(x) => x.id,
            None => {
                edits.push(Edit::AddInfoType { info_type: t.clone(), index: None });
                t.id
            }
        };
        infos.insert(t.id, id);
    }
    // a reference the fragment does not carry stays as it is only if this document has it
    let actor = |a: Option<ActorId>| a.and_then(|a| actors.get(&a).copied().or_else(|| doc.actor(a).map(|x| x.id)));
    let phase = |p: Option<PhaseId>| p.and_then(|p| phases.get(&p).copied().or_else(|| doc.phase(p).map(|x| x.id)));

    let mut steps = HashMap::new();
    let mut new_ids = Vec::new();
    for s in &fragment.steps {
        let id = StepId::new();
        steps.insert(s.id, id);
        new_ids.push(id);
    }
    // a sub-pathway before the steps within it; a step whose sub-pathway was not copied
    // lands in the flow the paste goes to (the window's)
    let depth = |s: &Step| {
        let mut d = 0;
        let mut at = s.within;
        while let Some(w) = at.filter(|_| d <= fragment.steps.len()) {
            d += 1;
            at = fragment.steps.iter().find(|x| x.id == w).and_then(|x| x.within);
        }
        d
    };
    let mut ordered: Vec<&Step> = fragment.steps.iter().collect();
    ordered.sort_by_key(|s| depth(s));
    for s in ordered {
        let step = Step {
            id: steps[&s.id],
            actor: actor(s.actor),
            phase: phase(s.phase),
            participants: unique(s.participants.iter().filter_map(|&p| actor(Some(p)))),
            position: s.position.map(|p| Position { x: p.x + offset.x, y: p.y + offset.y }),
            within: s.within.and_then(|w| steps.get(&w).copied()),
            ..s.clone()
        };
        edits.push(Edit::AddStep { variant, step });
    }
    for t in &fragment.transitions {
        let (Some(&from), Some(&to)) = (steps.get(&t.from), steps.get(&t.to)) else { continue };
        edits.push(Edit::AddTransition { variant, transition: Transition { id: TransitionId::new(), from, to, ..t.clone() } });
    }
    for n in &fragment.needs {
        let mapped: Option<Vec<StepId>> = n.steps.iter().map(|s| steps.get(s).copied()).collect();
        let Some(mapped) = mapped else { continue };
        let need = DataNeed {
            id: NeedId::new(),
            steps: mapped,
            parties: unique(n.parties.iter().filter_map(|p| actor(Some(p.actor)).map(|a| Party { actor: a, ..*p }))),
            info_types: n.info_types.iter().filter_map(|t| infos.get(t).copied().or_else(|| doc.info_type(*t).map(|x| x.id))).collect(),
            ..n.clone()
        };
        edits.push(Edit::AddNeed { variant, need });
    }
    Ok(Pasted { edit: Edit::batch("paste", edits), steps: new_ids })
}

/// The items in their order, each once.
fn unique<T: PartialEq>(items: impl Iterator<Item = T>) -> Vec<T> {
    items.fold(Vec::new(), |mut v, x| {
        if !v.contains(&x) {
            v.push(x);
        }
        v
    })
}

fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}
