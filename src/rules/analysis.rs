//! Graph analysis of one variant, for panels and reports: the hand-overs between actors and
//! the needs that cover them, the actor × actor sharing matrix, the paths from start to end
//! ([`paths`]), and counts per actor and phase. Results are plain serialisable values in a
//! deterministic order, speaking in ids only.

use crate::model::*;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use foldhash::{HashMap, HashMapExt};

pub use super::paths::paths;

/// A transition between steps of two different actors.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Handover {
    pub transition: TransitionId,
    pub from_step: StepId,
    pub to_step: StepId,
    pub from_actor: ActorId,
    pub to_actor: ActorId,
    /// Needs that cover it, in id order: a need at the from or to step between these two
    /// actors, in either direction.
    pub needs: Vec<NeedId>,
}

/// Which needs cover which (step, pair of actors); the pair is kept in sorted order so that
/// both directions find the same needs.
pub(crate) struct Coverage(HashMap<(StepId, ActorId, ActorId), Vec<NeedId>>);

impl Coverage {
    pub fn of(v: &Variant) -> Self {
        let mut map: HashMap<_, Vec<NeedId>> = HashMap::new();
        for n in v.needs() {
            // every two parties share the information: the source and each consumer, a
            // processor between them, the editors of one shared source
            let actors: Vec<ActorId> = n.actors().collect();
            for (i, &p) in actors.iter().enumerate() {
                for &c in &actors[i + 1..] {
                    let (a, b) = (p.min(c), p.max(c));
                    for &s in &n.steps {
                        let ids = map.entry((s, a, b)).or_default();
                        if ids.last() != Some(&n.id) {
                            ids.push(n.id); // needs come in id order, so each list stays sorted
                        }
                    }
                }
            }
        }
        Coverage(map)
    }

    fn at(&self, step: StepId, a: ActorId, b: ActorId) -> &[NeedId] {
        self.0.get(&(step, a.min(b), a.max(b))).map_or(&[], Vec::as_slice)
    }

    /// Whether a need covers a hand-over from step `from` (actor `a`) to step `to` (actor `b`).
    pub fn covers(&self, from: StepId, to: StepId, a: ActorId, b: ActorId) -> bool {
        !self.at(from, a, b).is_empty() || !self.at(to, a, b).is_empty()
    }

    /// The needs covering a hand-over, in id order.
    pub fn needs(&self, from: StepId, to: StepId, a: ActorId, b: ActorId) -> Vec<NeedId> {
        let mut ids: Vec<NeedId> = self.at(from, a, b).iter().chain(self.at(to, a, b)).copied().collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }
}

/// The actors of a transition's two steps, when both have one and they differ.
fn handover_actors(v: &Variant, t: &Transition) -> Option<(ActorId, ActorId)> {
    let a = v.step(t.from)?.actor?;
    let b = v.step(t.to)?.actor?;
    (a != b).then_some((a, b))
}

/// Every hand-over of the variant, in transition-id order.
pub fn handovers(doc: &Document, variant: &Variant) -> Vec<Handover> {
    let _ = doc; // the variant holds everything needed; kept for a uniform signature
    let coverage = Coverage::of(variant);
    variant
        .transitions_sorted()
        .into_iter()
        .filter_map(|t| {
            let (a, b) = handover_actors(variant, t)?;
            Some(Handover {
                transition: t.id,
                from_step: t.from,
                to_step: t.to,
                from_actor: a,
                to_actor: b,
                needs: coverage.needs(t.from, t.to, a, b),
            })
        })
        .collect()
}

/// What flows from one source (producer or provider) to one consumer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct SharingCell {
    /// Needs with this provider and consumer, in id order.
    pub needs: Vec<NeedId>,
    /// Their information types, each once, in catalogue order.
    pub info_types: Vec<InfoTypeId>,
}

/// Actor × actor: who provides what to whom.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct SharingMatrix {
    /// Row and column order: the actors in lane order.
    pub actors: Vec<ActorId>,
    /// `cells[provider][consumer]`, indexed like `actors`.
    pub cells: Vec<Vec<SharingCell>>,
    /// Needs left out because they lack a source or a consumer, in id order.
    pub incomplete: Vec<NeedId>,
}

impl SharingMatrix {
    /// The cell from `provider` to `consumer`.
    pub fn cell(&self, provider: ActorId, consumer: ActorId) -> Option<&SharingCell> {
        let row = self.actors.iter().position(|&a| a == provider)?;
        let col = self.actors.iter().position(|&a| a == consumer)?;
        Some(&self.cells[row][col])
    }
}

/// The sharing matrix of a variant's needs.
pub fn sharing_matrix(doc: &Document, variant: &Variant) -> SharingMatrix {
    let mut lanes: Vec<&Actor> = doc.actors.iter().collect();
    lanes.sort_by_key(|a| (a.order, a.id));
    let actors: Vec<ActorId> = lanes.iter().map(|a| a.id).collect();
    let index: HashMap<ActorId, usize> = actors.iter().enumerate().map(|(i, &a)| (a, i)).collect();
    let catalogue: HashMap<InfoTypeId, usize> = doc.info_types.iter().enumerate().map(|(i, t)| (t.id, i)).collect();
    let mut cells = vec![vec![SharingCell::default(); actors.len()]; actors.len()];
    let mut incomplete = Vec::new();
    for n in variant.needs() {
        let (sources, consumers): (Vec<usize>, Vec<usize>) =
            (n.sources().filter_map(|a| index.get(&a).copied()).collect(), n.consumers().filter_map(|a| index.get(&a).copied()).collect());
        if sources.is_empty() || consumers.is_empty() {
            incomplete.push(n.id);
            continue;
        }
        // every source to every consumer (a producer and a provider of one need both count)
        for &p in &sources {
            for &c in &consumers {
                let cell = &mut cells[p][c];
                cell.needs.push(n.id);
                cell.info_types.extend(&n.info_types);
            }
        }
    }
    for cell in cells.iter_mut().flatten() {
        cell.info_types.sort_by_key(|t| (catalogue.get(t).copied().unwrap_or(usize::MAX), *t));
        cell.info_types.dedup();
    }
    SharingMatrix { actors, cells, incomplete }
}

/// Steps in one actor's lane.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ActorCount {
    pub actor: ActorId,
    /// Steps in the actor's lane.
    pub steps: usize,
    /// Joint steps in other lanes the actor takes part in.
    #[serde(default)]
    pub joint: usize,
}

/// Steps in one phase's column.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct PhaseCount {
    pub phase: PhaseId,
    pub steps: usize,
}

/// Sizes of a variant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Counts {
    pub steps: usize,
    pub transitions: usize,
    pub handovers: usize,
    pub needs: usize,
    /// Every actor in lane order, also those with no steps.
    pub per_actor: Vec<ActorCount>,
    /// Every phase in column order, also those with no steps.
    pub per_phase: Vec<PhaseCount>,
    pub steps_without_actor: usize,
    pub steps_without_phase: usize,
}

/// Counts steps per actor and per phase, and totals of a variant.
pub fn counts(doc: &Document, variant: &Variant) -> Counts {
    let mut by_actor: HashMap<ActorId, usize> = HashMap::new();
    let mut by_phase: HashMap<PhaseId, usize> = HashMap::new();
    let (mut no_actor, mut no_phase) = (0, 0);
    for s in variant.steps() {
        match s.actor {
            Some(a) => *by_actor.entry(a).or_default() += 1,
            None => no_actor += 1,
        }
        match s.phase {
            Some(p) => *by_phase.entry(p).or_default() += 1,
            None => no_phase += 1,
        }
    }
    let mut actors: Vec<&Actor> = doc.actors.iter().collect();
    actors.sort_by_key(|a| (a.order, a.id));
    let mut phases: Vec<&Phase> = doc.phases.iter().collect();
    phases.sort_by_key(|p| (p.order, p.id));
    Counts {
        steps: variant.step_count(),
        transitions: variant.transition_count(),
        handovers: variant.transitions().filter(|t| handover_actors(variant, t).is_some()).count(),
        needs: variant.need_count(),
        per_actor: actors
            .iter()
            .map(|a| ActorCount {
                actor: a.id,
                steps: by_actor.get(&a.id).copied().unwrap_or(0),
                joint: variant.steps().filter(|s| s.actor != Some(a.id) && s.participants.contains(&a.id)).count(),
            })
            .collect(),
        per_phase: phases.iter().map(|p| PhaseCount { phase: p.id, steps: by_phase.get(&p.id).copied().unwrap_or(0) }).collect(),
        steps_without_actor: no_actor,
        steps_without_phase: no_phase,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testkit::Model;

    #[test]
    fn handovers_list_cross_actor_transitions_with_covering_needs() {
        let m = Model::valid();
        let h = handovers(&m.doc, m.variant());
        assert_eq!(h.len(), 1);
        assert_eq!((h[0].from_step, h[0].to_step), (m.find("Måle"), m.find("Vurdere")));
        assert_eq!((h[0].from_actor, h[0].to_actor), (m.actors[0], m.actors[1]));
        assert_eq!(h[0].needs, vec![m.only_need()]);
        let json = serde_json::to_value(&h[0]).unwrap();
        assert!(json.get("from_actor").is_some());
    }

    #[test]
    fn sharing_matrix_puts_needs_in_provider_rows_and_consumer_columns() {
        let mut m = Model::valid();
        let first = m.only_need();
        let assess = m.find("Vurdere");
        let back = m.need("Råd til pasient", vec![assess], 1, 0);
        let extra = m.doc.info_types[8].id;
        m.change_need(back, |n| n.info_types.insert(0, extra));
        let loose = m.need("Løst", vec![assess], 1, 0);
        m.change_need(loose, |n| n.parties.retain(|p| !p.role.is_source()));
        let x = sharing_matrix(&m.doc, m.variant());
        assert_eq!(x.actors, m.actors);
        assert_eq!(x.cells[0][1].needs, vec![first]);
        assert_eq!(x.cell(m.actors[1], m.actors[0]).unwrap().needs, vec![back]);
        assert_eq!(x.cells[1][0].info_types, vec![m.doc.info_types[0].id, extra], "catalogue order");
        assert!(x.cells[0][0].needs.is_empty());
        assert_eq!(x.incomplete, vec![loose]);
    }

    #[test]
    fn counts_per_actor_phase_and_totals() {
        let mut m = Model::valid();
        let loose = m.step(StepKind::Activity, "Løs", None, None);
        m.link(m.find("Start"), loose);
        let c = counts(&m.doc, m.variant());
        assert_eq!((c.steps, c.transitions, c.handovers, c.needs), (6, 6, 1, 1));
        assert_eq!(c.per_actor.iter().map(|a| a.steps).collect::<Vec<_>>(), vec![2, 3]);
        assert_eq!(c.per_phase.iter().map(|p| p.steps).collect::<Vec<_>>(), vec![2, 3]);
        assert_eq!((c.steps_without_actor, c.steps_without_phase), (1, 1));
    }
}
