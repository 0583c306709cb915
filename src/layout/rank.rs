//! The rank of each step in the flow: the length of the longest path from a start to it,
//! with loop transitions and other back edges left out so the rest is acyclic. Deterministic:
//! roots and transitions are visited in a fixed order (starts first, then by id).

use crate::model::*;
use crate::traverse::{depth_first, EdgeKind};
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

/// The forward edges (every transition but loops and back edges) and a topological order of
/// the steps along them.
struct Forward {
    order: Vec<StepId>,
    next: HashMap<StepId, Vec<StepId>>,
}

fn forward(v: &Variant) -> Forward {
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

    // an edge to a step still on the stack is a back edge, left out of the ranking
    let mut forward: HashMap<StepId, Vec<StepId>> = HashMap::new();
    let mut order = depth_first(
        roots,
        |node, i| out[&node].get(i).map(|&to| ((), to)),
        |from, (), to, kind| {
            if kind != EdgeKind::Back {
                forward.entry(from).or_default().push(to);
            }
        },
    );
    // reverse post-order is a topological order of the forward edges
    order.reverse();
    Forward { order, next: forward }
}

/// Where a step sits before it is ranked: its lane and column, whether it is pinned (a
/// pinned step takes no part in a straight hand-over) and whether it is a circle, whose label
/// hangs on the side of the higher lanes, so a straight line may meet it only from the other
/// side.
#[derive(Clone, Copy)]
pub(super) struct Seat {
    pub lane: usize,
    pub col: usize,
    pub pinned: bool,
    pub circle: bool,
    /// The footprint's extent along the flow.
    pub main: f64,
}

/// Ranks that make the pathway compact: like [`ranks`], but a hand-over to another lane of
/// the same phase may keep the rank of its source, so the two steps share a layer and the
/// transition runs straight across the lanes between them. That is allowed only where the
/// line stays clear: the source is alone in its cell, the target's cell is empty, and no
/// step lies in the lanes in between at that rank (those cells are then kept free). Every
/// other step takes the smallest rank after its predecessors whose cell is not kept free.
///
/// A loose step — one no transition leads to that is not a start, such as a step just added
/// and not connected yet — takes the first layer of its column whose cell in its lane is free,
/// rather than a layer of its own at the column's start: adding a step moves no other step,
/// and connecting it later moves only it (and what follows it).
pub(super) fn compact(v: &Variant, seats: &HashMap<StepId, Seat>) -> HashMap<StepId, usize> {
    let f = forward(v);
    let mut prev: HashMap<StepId, Vec<StepId>> = HashMap::new();
    for node in &f.order {
        for to in f.next.get(node).into_iter().flatten() {
            prev.entry(*to).or_default().push(*node);
        }
    }
    let first = assign(&f, &prev, seats, &HashMap::new());
    let starts: HashSet<StepId> = v.steps().filter(|s| s.kind == StepKind::Start).map(|s| s.id).collect();
    let loose: Vec<StepId> = f
        .order
        .iter()
        .filter(|n| !starts.contains(n) && !seats[n].pinned && prev.get(n).map_or(true, |p| p.is_empty()))
        .copied()
        .collect();
    if loose.is_empty() {
        return first;
    }
    // the layers the rest of each column uses, with how wide each is, and the cells its steps fill
    let is_loose: HashSet<StepId> = loose.iter().copied().collect();
    let mut used: HashMap<usize, std::collections::BTreeMap<usize, f64>> = HashMap::new();
    let mut filled: HashSet<(usize, usize, usize)> = HashSet::new();
    fn seat_at(used: &mut HashMap<usize, std::collections::BTreeMap<usize, f64>>, filled: &mut HashSet<(usize, usize, usize)>, s: Seat, r: usize) {
        let w = used.entry(s.col).or_default().entry(r).or_insert(0.0);
        *w = w.max(s.main);
        filled.insert((s.col, r, s.lane));
    }
    for (id, &r) in &first {
        if !is_loose.contains(id) && !seats[id].pinned {
            seat_at(&mut used, &mut filled, seats[id], r);
        }
    }
    let mut floor: HashMap<StepId, usize> = HashMap::new();
    for n in &loose {
        let s = seats[n];
        let layers = used.get(&s.col);
        let free = |wide: bool| {
            layers.and_then(|rs| rs.iter().find(|(r, w)| !filled.contains(&(s.col, **r, s.lane)) && (!wide || **w >= s.main)).map(|(r, _)| *r))
        };
        // a free cell in a layer as wide as the step keeps every other step in place
        let r = free(true).or_else(|| free(false)).or_else(|| layers.and_then(|rs| rs.keys().last()).map(|r| r + 1)).unwrap_or(0);
        seat_at(&mut used, &mut filled, s, r);
        floor.insert(*n, r);
    }
    assign(&f, &prev, seats, &floor)
}

/// The ranks along the forward edges, each step at least at its `floor`.
fn assign(f: &Forward, prev: &HashMap<StepId, Vec<StepId>>, seats: &HashMap<StepId, Seat>, floor: &HashMap<StepId, usize>) -> HashMap<StepId, usize> {
    #[derive(Default)]
    struct Cell {
        steps: Vec<StepId>,
        /// A straight hand-over starts, ends or passes here: nothing else may join.
        kept: bool,
    }
    let mut cells: HashMap<(usize, usize, usize), Cell> = HashMap::new();
    let mut rank: HashMap<StepId, usize> = HashMap::with_capacity(f.order.len());
    for node in &f.order {
        let seat = seats[node];
        let ps: &[StepId] = prev.get(node).map_or(&[], |p| p.as_slice());
        let after = ps.iter().map(|p| rank[p] + 1).max().unwrap_or(0).max(floor.get(node).copied().unwrap_or(0));
        if seat.pinned {
            rank.insert(*node, after);
            continue;
        }
        // a straight hand-over: every predecessor that sets the rank is a step of another
        // lane in this column that can take one
        let r = after.wrapping_sub(1);
        let setting: Vec<&StepId> = ps.iter().filter(|p| rank[*p] == r).collect();
        let straight = after > 0
            && !setting.is_empty()
            && setting.iter().all(|p| {
                let s = seats[*p];
                // a circle's label lies towards the higher lanes
                let clear = (!seat.circle || s.lane < seat.lane) && (!s.circle || seat.lane < s.lane);
                !s.pinned && clear && s.col == seat.col && s.lane != seat.lane
            })
            && cells.get(&(seat.col, r, seat.lane)).map_or(true, |c| c.steps.is_empty() && !c.kept)
            && setting.iter().all(|p| {
                let s = seats[*p];
                let alone = cells.get(&(s.col, r, s.lane)).is_some_and(|c| c.steps.len() == 1);
                let (lo, hi) = (s.lane.min(seat.lane), s.lane.max(seat.lane));
                alone && (lo + 1..hi).all(|l| cells.get(&(seat.col, r, l)).map_or(true, |c| c.steps.is_empty() && !c.kept))
            });
        if straight {
            for p in setting {
                let s = seats[p];
                cells.entry((s.col, r, s.lane)).or_default().kept = true;
                let (lo, hi) = (s.lane.min(seat.lane), s.lane.max(seat.lane));
                for l in lo + 1..hi {
                    cells.entry((seat.col, r, l)).or_default().kept = true;
                }
            }
            let c = cells.entry((seat.col, r, seat.lane)).or_default();
            c.kept = true;
            c.steps.push(*node);
            rank.insert(*node, r);
            continue;
        }
        let mut r = after;
        while cells.get(&(seat.col, r, seat.lane)).is_some_and(|c| c.kept) {
            r += 1;
        }
        cells.entry((seat.col, r, seat.lane)).or_default().steps.push(*node);
        rank.insert(*node, r);
    }
    rank
}
