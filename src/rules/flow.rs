//! Rules about the shape of the flow: a variant needs a start and an end, every step must be
//! reachable from a start and lead on to an end, decisions branch with conditions, and a way
//! back to an earlier phase is marked as a loop. All traversals are linear and terminate on
//! any graph, including cycles that no start leads into.

use super::context::{Emit, VariantCtx};
use super::graph::{reachable_from_starts, reaching_an_end};
use crate::model::{StepKind, TransitionKind};
use petgraph::algo::kosaraju_scc;
use petgraph::visit::NodeIndexable;
use petgraph::Direction;

pub(super) fn no_start(cx: &VariantCtx, out: &mut Emit) {
    if !cx.steps.iter().any(|s| s.kind == StepKind::Start) {
        let name = crate::model::limits::short(&cx.v.name);
        out.push(
            vec![cx.variant_ref()],
            format!("Varianten «{name}» har ikke noe startsteg."),
            format!("Variant '{name}' has no start step."),
        );
    }
}

pub(super) fn no_end(cx: &VariantCtx, out: &mut Emit) {
    if !cx.steps.iter().any(|s| s.kind == StepKind::End) {
        let name = crate::model::limits::short(&cx.v.name);
        out.push(
            vec![cx.variant_ref()],
            format!("Varianten «{name}» har ikke noe sluttsteg."),
            format!("Variant '{name}' has no end step."),
        );
    }
}

pub(super) fn unreachable_step(cx: &VariantCtx, out: &mut Emit) {
    let seen = reachable_from_starts(cx.v);
    for s in &cx.steps {
        let n = cx.v.node(s.id).expect("step of this variant");
        if !seen[n.index()] {
            let label = cx.step_label(s.id);
            out.push(
                vec![cx.step_ref(s.id)],
                format!("Steget «{label}» kan ikke nås fra noe startsteg."),
                format!("Step '{label}' cannot be reached from any start step."),
            );
        }
    }
}

pub(super) fn dead_end(cx: &VariantCtx, out: &mut Emit) {
    for s in &cx.steps {
        if s.kind != StepKind::End && cx.v.outgoing(s.id).next().is_none() {
            let label = cx.step_label(s.id);
            out.push(
                vec![cx.step_ref(s.id)],
                format!("Steget «{label}» er en blindvei: det er ikke et sluttsteg og har ingen vei videre."),
                format!("Step '{label}' is a dead end: it is not an end step and has no way on."),
            );
        }
    }
}

/// A cycle that, once entered, can never be left: no end inside and no transition out.
pub(super) fn closed_loop(cx: &VariantCtx, out: &mut Emit) {
    let reaches = reaching_an_end(cx.v);
    let g = cx.v.graph();
    if g.node_indices().all(|n| reaches[n.index()]) {
        return; // every step leads to an end: no closed loop can exist
    }
    let sccs = kosaraju_scc(g);
    let mut component = vec![usize::MAX; g.node_bound()];
    for (c, nodes) in sccs.iter().enumerate() {
        nodes.iter().for_each(|n| component[n.index()] = c);
    }
    let mut loops = Vec::new();
    for (c, nodes) in sccs.iter().enumerate() {
        let cyclic = nodes.len() > 1 || g.contains_edge(nodes[0], nodes[0]);
        if !cyclic || nodes.iter().any(|&n| reaches[n.index()]) {
            continue;
        }
        let leaves = nodes.iter().any(|&n| g.neighbors_directed(n, Direction::Outgoing).any(|m| component[m.index()] != c));
        if !leaves {
            let mut ids: Vec<_> = nodes.iter().map(|&n| g[n].id).collect();
            ids.sort_unstable();
            loops.push(ids);
        }
    }
    loops.sort_unstable();
    for ids in loops {
        let labels = ids.iter().take(5).map(|&id| cx.step_label(id)).collect::<Vec<_>>().join(", ");
        let more = if ids.len() > 5 { " …" } else { "" };
        out.push(
            ids.iter().map(|&id| cx.step_ref(id)).collect(),
            format!("Stegene {labels}{more} danner en sløyfe uten vei ut til et sluttsteg."),
            format!("Steps {labels}{more} form a loop with no way out to an end step."),
        );
    }
}

pub(super) fn decision_branches(cx: &VariantCtx, out: &mut Emit) {
    for s in cx.steps.iter().filter(|s| s.kind == StepKind::Decision) {
        let branches = cx.v.outgoing(s.id).count();
        if branches < 2 {
            let label = cx.step_label(s.id);
            out.push(
                vec![cx.step_ref(s.id)],
                format!("Beslutningen «{label}» har {branches} utgående grener; den trenger minst to."),
                format!("Decision '{label}' has {branches} outgoing branches; it needs at least two."),
            );
        }
    }
}

pub(super) fn unlabelled_branch(cx: &VariantCtx, out: &mut Emit) {
    for t in &cx.transitions {
        let from_decision = cx.v.step(t.from).is_some_and(|s| s.kind == StepKind::Decision);
        if from_decision && t.label.trim().is_empty() {
            let (from, to) = (cx.step_label(t.from), cx.step_label(t.to));
            out.push(
                vec![cx.transition_ref(t.id), cx.step_ref(t.from), cx.step_ref(t.to)],
                format!("Grenen fra beslutningen «{from}» til «{to}» har ingen betingelse."),
                format!("The branch from decision '{from}' to '{to}' has no condition."),
            );
        }
    }
}

pub(super) fn end_with_outgoing(cx: &VariantCtx, out: &mut Emit) {
    for s in cx.steps.iter().filter(|s| s.kind == StepKind::End) {
        let mut ts: Vec<_> = cx.v.outgoing(s.id).map(|t| t.id).collect();
        if ts.is_empty() {
            continue;
        }
        ts.sort_unstable();
        let label = cx.step_label(s.id);
        let mut elements = vec![cx.step_ref(s.id)];
        elements.extend(ts.iter().map(|&t| cx.transition_ref(t)));
        out.push(
            elements,
            format!("Sluttsteget «{label}» har {} utgående overganger.", ts.len()),
            format!("End step '{label}' has {} outgoing transitions.", ts.len()),
        );
    }
}

pub(super) fn backward_without_loop(cx: &VariantCtx, out: &mut Emit) {
    for t in cx.transitions.iter().filter(|t| t.kind != TransitionKind::Loop) {
        let (Some(from), Some(to)) = (cx.v.step(t.from), cx.v.step(t.to)) else { continue };
        let (Some(pf), Some(pt)) = (cx.phase_order(from), cx.phase_order(to)) else { continue };
        if pt < pf {
            let (a, b) = (cx.step_label(t.from), cx.step_label(t.to));
            out.push(
                vec![cx.transition_ref(t.id), cx.step_ref(t.from), cx.step_ref(t.to)],
                format!("Overgangen fra «{a}» går tilbake til «{b}» i en tidligere fase, men er ikke merket som sløyfe."),
                format!("The transition from '{a}' goes back to '{b}' in an earlier phase but is not marked as a loop."),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::*;
    use crate::rules::testkit::Model;

    #[test]
    fn no_start_and_no_end_fire_only_when_missing() {
        let m = Model::valid();
        assert!(m.findings("no-start").is_empty() && m.findings("no-end").is_empty());
        let m = Model::empty();
        let (s, e) = (m.findings("no-start"), m.findings("no-end"));
        assert_eq!((s.len(), e.len()), (1, 1));
        assert_eq!(s[0].elements, vec![ElementRef::Variant { id: m.vid }]);
        assert_eq!(s[0].message_nb, "Varianten «Ønsket forløp» har ikke noe startsteg.");
    }

    #[test]
    fn unreachable_step_finds_islands() {
        assert!(Model::valid().findings("unreachable-step").is_empty());
        let mut m = Model::valid();
        let island = m.step(StepKind::Activity, "Øy", Some(0), Some(0));
        m.link(island, m.find("Slutt"));
        let f = m.findings("unreachable-step");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].elements, vec![m.step_ref(island)]);
        assert!(f[0].message_en.contains("'Øy'"));
    }

    #[test]
    fn cycle_without_start_makes_every_step_unreachable_and_a_closed_loop() {
        let mut m = Model::empty();
        let a = m.step(StepKind::Activity, "a", Some(0), Some(0));
        let b = m.step(StepKind::Activity, "b", Some(1), Some(0));
        m.link(a, b);
        m.link(b, a);
        assert_eq!(m.findings("unreachable-step").len(), 2);
        assert!(m.findings("dead-end").is_empty());
        let loops = m.findings("closed-loop");
        assert_eq!(loops.len(), 1);
        assert_eq!(loops[0].elements.len(), 2);
    }

    #[test]
    fn dead_end_is_a_non_end_step_with_no_way_on() {
        assert!(Model::valid().findings("dead-end").is_empty());
        let mut m = Model::valid();
        let stuck = m.step(StepKind::Activity, "Venter", Some(1), Some(1));
        m.link(m.find("Måle"), stuck);
        let f = m.findings("dead-end");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].elements, vec![m.step_ref(stuck)]);
    }

    #[test]
    fn closed_loop_needs_a_cycle_with_no_exit() {
        let mut m = Model::valid();
        let (call, measure) = (m.find("Ringe pasient"), m.find("Måle"));
        m.link_as(call, measure, "", TransitionKind::Loop);
        assert!(m.findings("closed-loop").is_empty(), "a loop with an exit is fine");
        let mut m = Model::valid();
        let x = m.step(StepKind::Activity, "x", Some(1), Some(1));
        m.link_as(m.find("Vurdere"), x, "gul", TransitionKind::Normal);
        m.link_as(x, x, "igjen", TransitionKind::Loop);
        let f = m.findings("closed-loop");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].elements, vec![m.step_ref(x)]);
    }

    #[test]
    fn decision_branches_needs_two_ways_out() {
        assert!(Model::valid().findings("decision-branches").is_empty());
        let mut m = Model::valid();
        let d = m.step(StepKind::Decision, "Velge", Some(1), Some(1));
        m.link(m.find("Ringe pasient"), d);
        m.link_as(d, m.find("Slutt"), "ja", TransitionKind::Normal);
        let f = m.findings("decision-branches");
        assert_eq!(f.len(), 1);
        assert!(f[0].message_nb.contains("1 utgående grener"));
    }

    #[test]
    fn unlabelled_branch_flags_empty_conditions_only_on_decisions() {
        let m = Model::valid();
        assert!(m.findings("unlabelled-branch").is_empty(), "plain transitions need no label");
        let mut m = Model::valid();
        let t = m.link_as(m.find("Vurdere"), m.find("Måle"), "  ", TransitionKind::Loop);
        let f = m.findings("unlabelled-branch");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].elements[0], ElementRef::Transition { variant: m.vid, id: t });
    }

    #[test]
    fn end_with_outgoing_flags_ends_that_go_on() {
        assert!(Model::valid().findings("end-with-outgoing").is_empty());
        let mut m = Model::valid();
        m.link(m.find("Slutt"), m.find("Ringe pasient"));
        assert_eq!(m.findings("end-with-outgoing").len(), 1);
    }

    #[test]
    fn backward_without_loop_wants_loops_marked() {
        let mut m = Model::valid();
        let (call, measure) = (m.find("Ringe pasient"), m.find("Måle"));
        m.link_as(call, measure, "", TransitionKind::Loop);
        assert!(m.findings("backward-without-loop").is_empty());
        let mut m = Model::valid();
        m.link(call_of(&m), m.find("Måle"));
        let f = m.findings("backward-without-loop");
        assert_eq!(f.len(), 1);
        assert!(f[0].message_nb.contains("tidligere fase"));
    }

    fn call_of(m: &Model) -> StepId {
        m.find("Ringe pasient")
    }
}
