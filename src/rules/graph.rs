//! Graph traversals the rules and the analysis share, on the petgraph graph of a variant.
//! Each is linear in steps plus transitions, keeps a visited set, and terminates on any
//! graph, including cycles that no start leads into.

use crate::model::{StepKind, Variant};
use petgraph::stable_graph::NodeIndex;
use petgraph::visit::NodeIndexable;
use petgraph::Direction;
use std::collections::VecDeque;

/// Indices of the steps of a kind, in step-id order.
pub(crate) fn nodes_of_kind(v: &Variant, kind: StepKind) -> Vec<NodeIndex> {
    let g = v.graph();
    let mut nodes: Vec<NodeIndex> = g.node_indices().filter(|&n| g[n].kind == kind).collect();
    nodes.sort_unstable_by_key(|&n| g[n].id);
    nodes
}

/// Marks every node reachable from `roots`, following transitions in `dir` (breadth first,
/// each node visited once). The result is indexed by `NodeIndex::index()`.
pub(crate) fn reachable(v: &Variant, roots: &[NodeIndex], dir: Direction) -> Vec<bool> {
    let g = v.graph();
    let mut seen = vec![false; g.node_bound()];
    let mut queue: VecDeque<NodeIndex> = VecDeque::with_capacity(roots.len());
    for &r in roots {
        if !std::mem::replace(&mut seen[r.index()], true) {
            queue.push_back(r);
        }
    }
    while let Some(n) = queue.pop_front() {
        for m in g.neighbors_directed(n, dir) {
            if !std::mem::replace(&mut seen[m.index()], true) {
                queue.push_back(m);
            }
        }
    }
    seen
}

/// Steps reachable from any start step.
pub(crate) fn reachable_from_starts(v: &Variant) -> Vec<bool> {
    reachable(v, &nodes_of_kind(v, StepKind::Start), Direction::Outgoing)
}

/// Steps from which some end step can be reached.
pub(crate) fn reaching_an_end(v: &Variant) -> Vec<bool> {
    reachable(v, &nodes_of_kind(v, StepKind::End), Direction::Incoming)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testkit::Model;

    #[test]
    fn reachability_terminates_on_a_cycle_without_start() {
        let mut m = Model::empty();
        let a = m.step(StepKind::Activity, "a", Some(0), Some(0));
        let b = m.step(StepKind::Activity, "b", Some(0), Some(0));
        m.link(a, b);
        m.link(b, a);
        let v = m.variant();
        assert!(reachable_from_starts(v).iter().all(|r| !r));
        assert!(reaching_an_end(v).iter().all(|r| !r));
        let na = v.node(a).unwrap();
        let seen = reachable(v, &[na], Direction::Outgoing);
        assert!(seen[na.index()] && seen[v.node(b).unwrap().index()]);
    }
}
