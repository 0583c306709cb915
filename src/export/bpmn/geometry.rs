//! Where the BPMN diagram draws things: one pool, a lane per actor (in lane order), the
//! phases as columns, and each step in its lane and column, ordered within a column by its
//! distance from the start. This is a simple stand-in behind one function, [`geometry`], to
//! be replaced by the shared swimlane layout once it exists; the exporter only needs the
//! rectangles below.

use crate::model::*;
use std::collections::{BTreeMap, HashMap, VecDeque};

/// A rectangle in diagram units (top-left origin).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn cx(&self) -> f64 {
        self.x + self.w / 2.0
    }
    pub fn cy(&self) -> f64 {
        self.y + self.h / 2.0
    }
    pub fn right(&self) -> f64 {
        self.x + self.w
    }
    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }
}

/// The rectangles of one variant's diagram.
#[derive(Debug)]
pub struct Geometry {
    pub pool: Rect,
    /// One per actor, in lane order.
    pub lanes: Vec<(ActorId, Rect)>,
    /// One per phase, in column order.
    pub phases: Vec<(PhaseId, Rect)>,
    pub steps: HashMap<StepId, Rect>,
}

const ORIGIN_X: f64 = 160.0;
const ORIGIN_Y: f64 = 80.0;
/// Width of the pool's title band plus the lane's title band.
const HEADERS: f64 = 60.0;
const SLOT_W: f64 = 160.0;
const LANE_H: f64 = 140.0;

/// The size of a step's shape, as BPMN tools draw it.
pub fn shape_size(kind: StepKind) -> (f64, f64) {
    match kind {
        StepKind::Start | StepKind::End | StepKind::Event => (36.0, 36.0),
        StepKind::Decision => (50.0, 50.0),
        StepKind::Activity | StepKind::SubPathway => (120.0, 80.0),
    }
}

/// Distance (in transitions) of each step from the nearest start, for ordering in a column.
fn ranks(doc_variant: &Variant) -> HashMap<StepId, usize> {
    let mut steps = doc_variant.steps_sorted();
    steps.sort_by_key(|s| (s.kind != StepKind::Start, s.id));
    let mut rank = HashMap::new();
    for root in steps {
        if rank.contains_key(&root.id) {
            continue;
        }
        let base = if root.kind == StepKind::Start || doc_variant.incoming(root.id).next().is_none() { 0 } else { 1 };
        let mut queue = VecDeque::from([(root.id, base)]);
        rank.insert(root.id, base);
        while let Some((id, r)) = queue.pop_front() {
            let mut next: Vec<StepId> = doc_variant.outgoing(id).map(|t| t.to).collect();
            next.sort();
            for to in next {
                if let std::collections::hash_map::Entry::Vacant(e) = rank.entry(to) {
                    e.insert(r + 1);
                    queue.push_back((to, r + 1));
                }
            }
        }
    }
    rank
}

/// Lanes, columns and step boxes for a variant.
pub fn geometry(doc: &Document, variant: &Variant) -> Geometry {
    let rank = ranks(variant);
    let lane_of: HashMap<ActorId, usize> = doc.actors.iter().enumerate().map(|(i, a)| (a.id, i)).collect();
    let phase_of: HashMap<PhaseId, usize> = doc.phases.iter().enumerate().map(|(i, p)| (p.id, i)).collect();
    // steps without an actor get a band below the lanes; without a phase, a column after them
    let n_lanes = doc.actors.len();
    let n_cols = doc.phases.len();
    let mut by_col: BTreeMap<usize, Vec<&Step>> = BTreeMap::new();
    for s in variant.steps_sorted() {
        let col = s.phase.and_then(|p| phase_of.get(&p).copied()).unwrap_or(n_cols);
        by_col.entry(col).or_default().push(s);
    }
    let any_unplaced_lane = variant.steps().any(|s| s.actor.and_then(|a| lane_of.get(&a)).is_none());
    let bands = n_lanes + usize::from(any_unplaced_lane);
    let mut slot_of: HashMap<StepId, (usize, usize)> = HashMap::new();
    let mut widths = vec![1usize; n_cols + 1];
    for (&col, steps) in &mut by_col {
        steps.sort_by_key(|s| (rank.get(&s.id).copied().unwrap_or(0), s.id));
        let mut next_free = vec![0usize; bands.max(1)];
        let (mut cur_rank, mut cur_col, mut max_used) = (usize::MAX, 0usize, None::<usize>);
        for s in steps.iter() {
            let r = rank.get(&s.id).copied().unwrap_or(0);
            if r != cur_rank {
                cur_rank = r;
                cur_col = max_used.map_or(0, |m| m + 1);
            }
            let lane = s.actor.and_then(|a| lane_of.get(&a).copied()).unwrap_or(n_lanes);
            let slot = cur_col.max(next_free[lane]);
            next_free[lane] = slot + 1;
            max_used = Some(max_used.map_or(slot, |m| m.max(slot)));
            slot_of.insert(s.id, (lane, slot));
        }
        widths[col] = max_used.map_or(1, |m| m + 1);
    }
    let mut col_x = Vec::with_capacity(n_cols + 1);
    let mut x = ORIGIN_X + HEADERS;
    for w in &widths {
        col_x.push(x);
        x += *w as f64 * SLOT_W;
    }
    let content_w = x - (ORIGIN_X + HEADERS);
    let pool = Rect { x: ORIGIN_X, y: ORIGIN_Y, w: HEADERS + content_w, h: bands.max(1) as f64 * LANE_H };
    let lanes = doc
        .actors
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id, Rect { x: ORIGIN_X + 30.0, y: ORIGIN_Y + i as f64 * LANE_H, w: pool.w - 30.0, h: LANE_H }))
        .collect();
    let phases = doc
        .phases
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id, Rect { x: col_x[i] + 4.0, y: ORIGIN_Y + 6.0, w: widths[i] as f64 * SLOT_W - 8.0, h: pool.h - 12.0 }))
        .collect();
    let mut steps = HashMap::new();
    for s in variant.steps() {
        let (lane, slot) = slot_of[&s.id];
        let col = s.phase.and_then(|p| phase_of.get(&p).copied()).unwrap_or(n_cols);
        let (w, h) = shape_size(s.kind);
        let cx = col_x[col] + slot as f64 * SLOT_W + SLOT_W / 2.0;
        let cy = ORIGIN_Y + lane as f64 * LANE_H + LANE_H / 2.0;
        steps.insert(s.id, Rect { x: cx - w / 2.0, y: cy - h / 2.0, w, h });
    }
    Geometry { pool, lanes, phases, steps }
}

/// Waypoints of a flow from one box to another: right side to left side with right-angle
/// bends, or around below when it goes back.
pub fn route(a: Rect, b: Rect) -> Vec<(f64, f64)> {
    if a == b {
        let y = a.bottom() + 20.0;
        return vec![(a.cx(), a.bottom()), (a.cx(), y), (a.right() + 20.0, y), (a.right() + 20.0, a.cy()), (a.right(), a.cy())];
    }
    if b.x >= a.right() {
        if (a.cy() - b.cy()).abs() < 0.5 {
            return vec![(a.right(), a.cy()), (b.x, b.cy())];
        }
        let mid = ((a.right() + b.x) / 2.0).round();
        return vec![(a.right(), a.cy()), (mid, a.cy()), (mid, b.cy()), (b.x, b.cy())];
    }
    if (a.cx() - b.cx()).abs() < 0.5 {
        let (top, bottom) = if a.y < b.y { (a, b) } else { (b, a) };
        let pts = vec![(top.cx(), top.bottom()), (bottom.cx(), bottom.y)];
        return if a.y < b.y { pts } else { pts.into_iter().rev().collect() };
    }
    let y = a.bottom().max(b.bottom()) + 24.0;
    vec![(a.cx(), a.bottom()), (a.cx(), y), (b.cx(), y), (b.cx(), b.bottom())]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_sit_in_their_lane_and_do_not_overlap() {
        let doc = crate::template::load("copd").unwrap();
        for v in &doc.variants {
            let g = geometry(&doc, v);
            let mut boxes: Vec<Rect> = g.steps.values().copied().collect();
            boxes.sort_by(|a, b| (a.x, a.y).partial_cmp(&(b.x, b.y)).unwrap());
            for (i, a) in boxes.iter().enumerate() {
                for b in &boxes[i + 1..] {
                    let apart = a.right() <= b.x || b.right() <= a.x || a.bottom() <= b.y || b.bottom() <= a.y;
                    assert!(apart, "{a:?} overlaps {b:?}");
                }
            }
            for s in v.steps() {
                let lane = g.lanes.iter().find(|(id, _)| Some(*id) == s.actor).unwrap().1;
                let r = g.steps[&s.id];
                assert!(r.y >= lane.y && r.bottom() <= lane.bottom());
            }
        }
    }

    #[test]
    fn routes_forward_back_and_to_itself() {
        let a = Rect { x: 0.0, y: 0.0, w: 10.0, h: 10.0 };
        let b = Rect { x: 50.0, y: 40.0, w: 10.0, h: 10.0 };
        assert_eq!(route(a, b).len(), 4);
        assert_eq!(route(b, a).len(), 4);
        assert_eq!(route(a, a).len(), 5);
    }
}
