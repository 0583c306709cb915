//! The depth-first search that the layout (to leave back edges out of the ranking) and the
//! walk-through (to find the transitions that close a cycle) share: iterative, so a pathway
//! of any length needs no deep recursion, and deterministic, taking roots and out-edges in
//! the order given.

use foldhash::{HashMap, HashMapExt};
use std::hash::Hash;

/// What an edge is in the search.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EdgeKind {
    /// Leads to a node seen for the first time.
    Tree,
    /// Leads to a node still on the stack: the edge closes a cycle.
    Back,
    /// Leads to a node already finished (a forward or cross edge).
    Done,
}

/// Searches from each of `roots` in turn that is not yet reached. `out(node, i)` gives the
/// node's `i`-th out-edge and the node it leads to (`None` after the last); `edge` is told of
/// every edge and its kind as it is taken. Returns the nodes in post-order, whose reverse is
/// a topological order of the edges that are not back edges.
pub fn depth_first<N, E>(
    roots: impl IntoIterator<Item = N>,
    mut out: impl FnMut(N, usize) -> Option<(E, N)>,
    mut edge: impl FnMut(N, E, N, EdgeKind),
) -> Vec<N>
where
    N: Copy + Eq + Hash,
{
    let mut on_stack: HashMap<N, bool> = HashMap::new(); // false once finished
    let mut post = Vec::new();
    for root in roots {
        if on_stack.contains_key(&root) {
            continue;
        }
        on_stack.insert(root, true);
        let mut stack: Vec<(N, usize)> = vec![(root, 0)];
        while let Some((node, i)) = stack.pop() {
            match out(node, i) {
                Some((e, to)) => {
                    stack.push((node, i + 1));
                    match on_stack.get(&to) {
                        Some(true) => edge(node, e, to, EdgeKind::Back),
                        Some(false) => edge(node, e, to, EdgeKind::Done),
                        None => {
                            edge(node, e, to, EdgeKind::Tree);
                            on_stack.insert(to, true);
                            stack.push((to, 0));
                        }
                    }
                }
                None => {
                    on_stack.insert(node, false);
                    post.push(node);
                }
            }
        }
    }
    post
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_tree_back_and_done_edges_apart_and_returns_the_post_order() {
        // 0 → 1 → 2 → 0 (back), 0 → 2 (done once 2 is finished), 3 → 1 (done, from a later root)
        let out: Vec<Vec<usize>> = vec![vec![1, 2], vec![2], vec![0], vec![1]];
        let mut kinds = Vec::new();
        let post = depth_first([0, 3, 1], |n, i| out[n].get(i).map(|&to| ((n, to), to)), |_, e, _, k| kinds.push((e, k)));
        assert_eq!(post, vec![2, 1, 0, 3]);
        assert_eq!(
            kinds,
            vec![((0, 1), EdgeKind::Tree), ((1, 2), EdgeKind::Tree), ((2, 0), EdgeKind::Back), ((0, 2), EdgeKind::Done), ((3, 1), EdgeKind::Done)]
        );
    }

    #[test]
    fn a_long_chain_needs_no_recursion() {
        let n = 200_000;
        let post = depth_first([0usize], |v, i| (i == 0 && v + 1 < n).then_some(((), v + 1)), |_, _, _, _| {});
        assert_eq!(post.len(), n);
        assert_eq!(post[0], n - 1);
    }
}
