//! The flow as the walk sees it: ways on from each step in transition-id order, which
//! transitions are loop rounds (the back edges of a depth-first search from the starts), how few rounds each step needs to reach an end, and from which steps a
//! loop can still be reached. All linear in steps plus transitions.

use crate::model::*;
use crate::traverse::{depth_first, EdgeKind};
use std::collections::{HashMap, HashSet, VecDeque};

pub(super) struct Flow<'a> {
    out: HashMap<StepId, Vec<&'a Transition>>,
    loops: HashSet<TransitionId>,
    /// Fewest loop rounds from a step to an end; absent when no end can be reached.
    rounds_to_end: HashMap<StepId, u32>,
    /// Steps from which a loop round can be taken.
    can_loop: HashSet<StepId>,
}

impl<'a> Flow<'a> {
    pub fn of(v: &'a Variant) -> Self {
        let steps = v.steps_sorted();
        let mut out: HashMap<StepId, Vec<&Transition>> = steps.iter().map(|s| (s.id, Vec::new())).collect();
        for t in v.transitions_sorted() {
            out.entry(t.from).or_default().push(t);
        }
        let loops = loop_rounds(&steps, &out);
        let mut incoming: HashMap<StepId, Vec<&Transition>> = HashMap::new();
        for ts in out.values() {
            for t in ts {
                incoming.entry(t.to).or_default().push(t);
            }
        }
        // 0-1 breadth-first search backwards from the ends: a loop round costs 1
        let mut rounds_to_end: HashMap<StepId, u32> = HashMap::new();
        let mut queue: VecDeque<StepId> = VecDeque::new();
        for s in steps.iter().filter(|s| s.kind == StepKind::End) {
            rounds_to_end.insert(s.id, 0);
            queue.push_back(s.id);
        }
        while let Some(s) = queue.pop_front() {
            let d = rounds_to_end[&s];
            for t in incoming.get(&s).map(Vec::as_slice).unwrap_or_default() {
                let w = u32::from(loops.contains(&t.id));
                let nd = d + w;
                if rounds_to_end.get(&t.from).map_or(true, |&x| nd < x) {
                    rounds_to_end.insert(t.from, nd);
                    if w == 0 {
                        queue.push_front(t.from);
                    } else {
                        queue.push_back(t.from);
                    }
                }
            }
        }
        // steps that lead, without a round, to the source of a loop round
        let mut can_loop: HashSet<StepId> = HashSet::new();
        let mut queue: VecDeque<StepId> = out.values().flatten().filter(|t| loops.contains(&t.id)).map(|t| t.from).collect();
        while let Some(s) = queue.pop_front() {
            if !can_loop.insert(s) {
                continue;
            }
            for t in incoming.get(&s).map(Vec::as_slice).unwrap_or_default() {
                if !loops.contains(&t.id) {
                    queue.push_back(t.from);
                }
            }
        }
        Flow { out, loops, rounds_to_end, can_loop }
    }

    /// The ways on from a step, by transition id.
    pub fn out(&self, s: StepId) -> &[&'a Transition] {
        self.out.get(&s).map(Vec::as_slice).unwrap_or_default()
    }

    pub fn is_loop(&self, t: TransitionId) -> bool {
        self.loops.contains(&t)
    }

    /// Rounds needed to finish after taking `t` (`u32::MAX`: never).
    fn cost(&self, t: &Transition) -> u32 {
        self.rounds_to_end.get(&t.to).map_or(u32::MAX, |&r| r.saturating_add(u32::from(self.is_loop(t.id))))
    }

    /// The way on from `at` on its `visit`-th visit (0-based), with `left` rounds left.
    pub fn choose(&self, at: StepId, visit: usize, choices: &[TransitionId], left: u32) -> Option<&'a Transition> {
        let out = self.out(at);
        let allowed = |t: &&Transition| self.cost(t) <= left;
        let mine: Vec<&Transition> = choices.iter().filter_map(|id| out.iter().find(|t| t.id == *id).copied()).collect();
        if let Some(&t) = mine.get(visit.min(mine.len().saturating_sub(1))) {
            if allowed(&t) {
                return Some(t);
            }
        }
        if left > 0 {
            if let Some(t) = out.iter().find(|t| allowed(t) && (self.is_loop(t.id) || self.can_loop.contains(&t.to))) {
                return Some(t);
            }
        }
        if let Some(t) = out.iter().find(|t| allowed(t)) {
            return Some(t);
        }
        // no way finishes within the rounds left: the one needing fewest, else the first
        out.iter().filter(|t| self.cost(t) < u32::MAX).min_by_key(|t| self.cost(t)).or(out.first()).copied()
    }
}

/// The back edges of a depth-first search from the starts (then from every other step),
/// taking transitions in id order: the transitions that close a cycle. A transition drawn
/// as a loop that merely joins the main loop further on (like "oppfølgingen fortsetter" after
/// a deterioration) is not a round of its own; the one going back to an earlier step is.
fn loop_rounds(steps: &[&Step], out: &HashMap<StepId, Vec<&Transition>>) -> HashSet<TransitionId> {
    let mut loops: HashSet<TransitionId> = HashSet::new();
    let mut roots: Vec<StepId> = steps.iter().filter(|s| s.kind == StepKind::Start).map(|s| s.id).collect();
    roots.extend(steps.iter().map(|s| s.id));
    depth_first(
        roots,
        |node, i| out.get(&node).and_then(|ts| ts.get(i)).map(|t| (t.id, t.to)),
        |_, t, _, kind| {
            if kind == EdgeKind::Back {
                loops.insert(t);
            }
        },
    );
    loops
}
