//! The paths through a variant, from each start step to an end step, for walk-throughs and
//! reports. A path visits each step at most twice, so every loop is taken at most once per
//! path (and a loop inside a loop is not taken again on the second round). The search never explodes: it stops after `max_paths` paths, skips steps from
//! which no end can be reached, and gives up after a fixed amount of work.

use super::graph::{nodes_of_kind, reaching_an_end};
use crate::model::{StepId, StepKind, Variant};
use petgraph::stable_graph::NodeIndex;
use petgraph::visit::{EdgeRef, NodeIndexable};
use petgraph::Direction;

/// Most transitions the search may follow in one call, whatever the graph.
const WORK_LIMIT: usize = 5_000_000;

/// Paths from each start (in step-id order) to an end; branches are tried in transition-id
/// order. At most `max_paths` paths; each step at most twice per path.
pub fn paths(variant: &Variant, max_paths: usize) -> Vec<Vec<StepId>> {
    let mut found = Vec::new();
    if max_paths == 0 {
        return found;
    }
    let g = variant.graph();
    let useful = reaching_an_end(variant);
    // the ways on from each step that can still reach an end, in transition-id order
    let mut next: Vec<Vec<NodeIndex>> = vec![Vec::new(); g.node_bound()];
    for n in g.node_indices() {
        let mut out: Vec<_> = g
            .edges_directed(n, Direction::Outgoing)
            .filter(|e| useful[e.target().index()])
            .map(|e| (e.weight().id, e.target()))
            .collect();
        out.sort_unstable_by_key(|&(id, _)| id);
        next[n.index()] = out.into_iter().map(|(_, m)| m).collect();
    }
    let mut visits = vec![0u8; g.node_bound()];
    let mut work = 0usize;
    for start in nodes_of_kind(variant, StepKind::Start) {
        if !useful[start.index()] {
            continue;
        }
        // the path so far; each frame remembers its step and the next branch to try
        let mut frames: Vec<(NodeIndex, usize)> = vec![(start, 0)];
        visits[start.index()] = 1;
        while let Some(&(node, branch)) = frames.last() {
            let top = frames.len() - 1;
            if branch == 0 && g[node].kind == StepKind::End {
                found.push(frames.iter().map(|&(n, _)| g[n].id).collect());
                if found.len() >= max_paths {
                    return found;
                }
                frames[top].1 = usize::MAX; // an end ends the path
                continue;
            }
            match next[node.index()].get(branch) {
                Some(&m) => {
                    frames[top].1 += 1;
                    work += 1;
                    if work > WORK_LIMIT {
                        return found;
                    }
                    if visits[m.index()] < 2 {
                        visits[m.index()] += 1;
                        frames.push((m, 0));
                    }
                }
                None => {
                    frames.pop();
                    visits[node.index()] -= 1;
                }
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TransitionKind;
    use crate::rules::testkit::Model;

    #[test]
    fn paths_follow_each_branch_in_transition_order() {
        let m = Model::valid();
        let names = |p: &Vec<StepId>| p.iter().map(|&s| m.variant().step(s).unwrap().label.clone()).collect::<Vec<_>>();
        let ps = paths(m.variant(), 10);
        assert_eq!(ps.iter().map(names).collect::<Vec<_>>(), vec![
            vec!["Start", "Måle", "Vurdere", "Slutt"],
            vec!["Start", "Måle", "Vurdere", "Ringe pasient", "Slutt"],
        ]);
        assert_eq!(paths(m.variant(), 1).len(), 1);
        assert!(paths(m.variant(), 0).is_empty());
    }

    #[test]
    fn each_loop_is_taken_at_most_once() {
        let mut m = Model::valid();
        let (call, measure) = (m.find("Ringe pasient"), m.find("Måle"));
        m.link_as(call, measure, "igjen", TransitionKind::Loop);
        let ps = paths(m.variant(), 100);
        // green; red then end; red, loop, green; red, loop, red again, end
        assert_eq!(ps.len(), 4);
        assert!(ps.iter().any(|p| p.iter().filter(|&&s| s == measure).count() == 2));
        assert!(ps.iter().all(|p| p.iter().filter(|&&s| s == measure).count() <= 2));
    }

    #[test]
    fn paths_are_bounded_and_never_hang() {
        let doc = crate::sample::generate(1000);
        let ps = paths(&doc.variants[0], 25);
        assert_eq!(ps.len(), 25);
        assert!(ps.iter().all(|p| p.len() >= 900));
        let mut m = Model::empty();
        let a = m.step(StepKind::Activity, "a", Some(0), Some(0));
        let b = m.step(StepKind::Activity, "b", Some(0), Some(0));
        m.link(a, b);
        m.link(b, a);
        assert!(paths(m.variant(), 10).is_empty());
    }
}
