//! The rank of each step in the flow: the length of the longest path from a start to it,
//! with loop transitions and other back edges left out so the rest is acyclic. Deterministic:
//! roots and transitions are visited in a fixed order (starts first, then by id).

use crate::model::*;
use std::collections::{HashMap, HashSet};

/// Rank of every step of the variant.
pub(super) fn ranks(v: &Variant) -> HashMap<StepId, usize> {
    let steps = v.steps_sorted();
    let out: HashMap<StepId, Vec<StepId>> = steps
        .iter()
        .map(|s| {
            let mut ts: Vec<&Transition> = v.outgoing(s.id).filter(|t| t.kind != TransitionKind::Loop).collect();
            ts.sort_by_key(|t| t.id);
            (s.id, ts.into_iter().map(|t| t.to).collect())
        })
        .collect();
    let has_incoming: HashSet<StepId> = out.values().flatten().copied().collect();
    let mut roots: Vec<StepId> = steps.iter().filter(|s| s.kind == StepKind::Start).map(|s| s.id).collect();
    roots.extend(steps.iter().filter(|s| s.kind != StepKind::Start && !has_incoming.contains(&s.id)).map(|s| s.id));
    roots.extend(steps.iter().map(|s| s.id));

    // depth-first search: an edge to a step still on the stack is a back edge
    let mut forward: HashMap<StepId, Vec<StepId>> = HashMap::new();
    let mut state: HashMap<StepId, u8> = HashMap::new(); // 1 = on stack, 2 = done
    let mut order = Vec::with_capacity(steps.len()); // post-order
    for root in roots {
        if state.contains_key(&root) {
            continue;
        }
        state.insert(root, 1);
        let mut stack: Vec<(StepId, usize)> = vec![(root, 0)];
        while let Some((node, i)) = stack.pop() {
            let next = out[&node].get(i).copied();
            match next {
                Some(to) => {
                    stack.push((node, i + 1));
                    match state.get(&to) {
                        Some(1) => {} // back edge: ignored for ranking
                        Some(_) => forward.entry(node).or_default().push(to),
                        None => {
                            forward.entry(node).or_default().push(to);
                            state.insert(to, 1);
                            stack.push((to, 0));
                        }
                    }
                }
                None => {
                    state.insert(node, 2);
                    order.push(node);
                }
            }
        }
    }
    // reverse post-order is a topological order of the forward edges
    let mut rank: HashMap<StepId, usize> = steps.iter().map(|s| (s.id, 0)).collect();
    for &node in order.iter().rev() {
        let r = rank[&node];
        for to in forward.get(&node).into_iter().flatten() {
            let e = rank.get_mut(to).expect("every step has a rank");
            *e = (*e).max(r + 1);
        }
    }
    rank
}
