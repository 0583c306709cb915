//! Pinned positions for steps drawn by another tool.
//!
//! A Carepath pinned position is absolute, but the lanes and columns around it are Carepath's
//! own: stacked in actor order, as tall and wide as their content. Another tool's coordinates
//! (its pools side by side or above each other, lanes of its own heights, vertical lanes, a
//! second diagram with its own origin) would put steps in the wrong lane. So the drawing is
//! kept *relative*: within its lane and phase column, each step keeps where the other tool
//! drew it compared with the other steps there (vertical lanes turned so their flow runs left
//! to right), spread apart just enough that Carepath's larger shapes do not overlap where the
//! drawn ones did not; the lanes and columns are then Carepath's, found by laying the result
//! out again until they stand still.

use crate::layout::{layout, Layout};
use crate::model::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A drawn box: x, y, width, height.
pub(super) type Bounds = (f64, f64, f64, f64);

/// One step as the other tool drew it.
pub(super) struct Drawn {
    pub step: StepId,
    pub bounds: Bounds,
    /// Which `BPMNDiagram` of the file (0 = the first).
    pub diagram: usize,
    /// Whether its lane or pool is drawn vertically.
    pub vertical: bool,
    /// The box of the activity a boundary event sits on, when drawn in the same diagram.
    pub host: Option<Bounds>,
}

/// Space between a lane's or column's edge and the first step in it.
const MARGIN_ALONG: f64 = 40.0;
const MARGIN_CROSS: f64 = 36.0;
/// Gap between the contents of two diagrams that share a lane.
const DIAGRAM_GAP: f64 = 80.0;
/// The least space kept between two steps the other tool drew apart, along and across.
const GAP_ALONG: f64 = 36.0;
const GAP_CROSS: f64 = 24.0;
/// The most the drawing is spread apart.
const MAX_SCALE: f64 = 3.0;
/// Lanes with more drawn steps than this are not searched pair by pair for the spread.
const MAX_PAIRWISE: usize = 3000;

struct Node {
    step: StepId,
    lane: Option<ActorId>,
    col: Option<PhaseId>,
    diagram: usize,
    /// Centre along the flow and across it, in the other tool's units.
    along: f64,
    cross: f64,
    /// Drawn size along and across.
    da: f64,
    dc: f64,
    /// Carepath's size along and across.
    ca: f64,
    cc: f64,
}

/// The spread along and across the flow that keeps apart, at Carepath's sizes, the steps of
/// one lane that the other tool drew apart.
fn scales(nodes: &[Node]) -> (f64, f64) {
    let mut by_lane: BTreeMap<(Option<ActorId>, usize), Vec<&Node>> = BTreeMap::new();
    for n in nodes {
        by_lane.entry((n.lane, n.diagram)).or_default().push(n);
    }
    let (mut sa, mut sc) = (1.0f64, 1.0f64);
    for group in by_lane.values().filter(|g| g.len() <= MAX_PAIRWISE) {
        for (i, a) in group.iter().enumerate() {
            for b in &group[i + 1..] {
                let gap_a = (a.along - b.along).abs();
                let gap_c = (a.cross - b.cross).abs();
                let apart_a = gap_a >= (a.da + b.da) / 2.0 && gap_a > 0.0;
                let apart_c = gap_c >= (a.dc + b.dc) / 2.0 && gap_c > 0.0;
                if apart_a {
                    // keeping them apart along the flow is enough, unless they are also
                    // apart across it and that is cheaper
                    let need_a = ((a.ca + b.ca) / 2.0 + GAP_ALONG) / gap_a;
                    let need_c = if apart_c { ((a.cc + b.cc) / 2.0 + GAP_CROSS) / gap_c } else { f64::INFINITY };
                    if need_a <= need_c {
                        sa = sa.max(need_a);
                    } else {
                        sc = sc.max(need_c);
                    }
                } else if apart_c {
                    sc = sc.max(((a.cc + b.cc) / 2.0 + GAP_CROSS) / gap_c);
                }
            }
        }
    }
    (sa.min(MAX_SCALE), sc.min(MAX_SCALE))
}

/// Lane tops and column lefts of a layout, by actor and phase.
fn frame(l: &Layout) -> (HashMap<Option<ActorId>, f64>, HashMap<Option<PhaseId>, f64>) {
    (l.lanes.iter().map(|b| (b.actor, b.y)).collect(), l.columns.iter().map(|c| (c.phase, c.x)).collect())
}

/// Whether two frames agree to half a unit.
fn still<K: std::hash::Hash + Eq>(a: &HashMap<K, f64>, b: &HashMap<K, f64>) -> bool {
    a.len() == b.len() && a.iter().all(|(k, v)| b.get(k).is_some_and(|w| (v - w).abs() < 0.5))
}

/// Sets the pinned positions of the drawn steps of the document's only variant.
pub(super) fn pin(doc: &mut Document, drawn: &[Drawn]) {
    if drawn.is_empty() || doc.variants.len() != 1 {
        return;
    }
    let vid = doc.variants[0].id;
    let Ok(first) = layout(doc, vid) else { return };
    let sizes: HashMap<StepId, (f64, f64)> = first.steps.iter().map(|b| (b.id, (b.w, b.h))).collect();
    let v = &doc.variants[0];
    let mut nodes: Vec<Node> = Vec::with_capacity(drawn.len());
    for d in drawn {
        let (Some(step), Some(&(w, h))) = (v.step(d.step), sizes.get(&d.step)) else { continue };
        let (x, y, bw, bh) = d.bounds;
        let (mut cx, mut cy) = (x + bw / 2.0, y + bh / 2.0);
        // a boundary event sits on its activity's edge: put it just outside that edge (above
        // or below; left or right in vertical lanes) so the two do not overlap
        if let Some((hx, hy, hw, hh)) = d.host {
            let touches = x <= hx + hw && hx <= x + bw && y <= hy + hh && hy <= y + bh;
            if touches && d.vertical {
                cx = if cx < hx + hw / 2.0 { hx - bw / 2.0 - 12.0 } else { hx + hw + bw / 2.0 + 12.0 };
            } else if touches {
                cy = if cy < hy + hh / 2.0 { hy - bh / 2.0 - 12.0 } else { hy + hh + bh / 2.0 + 12.0 };
            }
        }
        let (along, cross, da, dc) = if d.vertical { (cy, cx, bh, bw) } else { (cx, cy, bw, bh) };
        nodes.push(Node { step: step.id, lane: step.actor, col: step.phase, diagram: d.diagram, along, cross, da, dc, ca: w, cc: h });
    }
    let (sa, sc) = scales(&nodes);

    // across: relative to the topmost step of the lane in that diagram
    let mut cross_ref: HashMap<(Option<ActorId>, usize), f64> = HashMap::new();
    for n in &nodes {
        let top = n.cross * sc - n.cc / 2.0;
        cross_ref.entry((n.lane, n.diagram)).and_modify(|r| *r = r.min(top)).or_insert(top);
    }
    // along: relative to the leftmost step of the column in that diagram; a later diagram that
    // shares a lane with an earlier one in the column starts after it
    let mut extent: BTreeMap<(Option<PhaseId>, usize), (f64, f64)> = BTreeMap::new();
    let mut lanes_of: BTreeMap<(Option<PhaseId>, usize), BTreeSet<Option<ActorId>>> = BTreeMap::new();
    for n in &nodes {
        let (lo, hi) = (n.along * sa - n.ca / 2.0, n.along * sa + n.ca / 2.0);
        extent.entry((n.col, n.diagram)).and_modify(|e| *e = (e.0.min(lo), e.1.max(hi))).or_insert((lo, hi));
        lanes_of.entry((n.col, n.diagram)).or_default().insert(n.lane);
    }
    let mut offset: HashMap<(Option<PhaseId>, usize), f64> = HashMap::new();
    let keys: Vec<(Option<PhaseId>, usize)> = extent.keys().copied().collect();
    for (k, &(col, d)) in keys.iter().enumerate() {
        let start = keys[..k]
            .iter()
            .filter(|e| e.0 == col && !lanes_of[*e].is_disjoint(&lanes_of[&(col, d)]))
            .map(|e| offset[e] + (extent[e].1 - extent[e].0) + DIAGRAM_GAP)
            .fold(0.0, f64::max);
        offset.insert((col, d), start);
    }

    let mut data = doc.variants[0].to_data();
    let index: HashMap<StepId, usize> = data.steps.iter().enumerate().map(|(i, s)| (s.id, i)).collect();
    let (mut tops, mut lefts) = frame(&first);
    for _ in 0..6 {
        for n in &nodes {
            let (Some(&top), Some(&left)) = (tops.get(&n.lane), lefts.get(&n.col)) else { continue };
            let ext = extent[&(n.col, n.diagram)];
            let x = left + MARGIN_ALONG + offset[&(n.col, n.diagram)] + (n.along * sa - n.ca / 2.0 - ext.0);
            let y = top + MARGIN_CROSS + (n.cross * sc - n.cc / 2.0 - cross_ref[&(n.lane, n.diagram)]);
            data.steps[index[&n.step]].position = Some(Position { x: x.round(), y: y.round() });
        }
        let Ok(variant) = Variant::try_from(data.clone()) else { return };
        doc.variants[0] = variant;
        let Ok(l) = layout(doc, vid) else { return };
        let (t, f) = frame(&l);
        if still(&t, &tops) && still(&f, &lefts) {
            return;
        }
        (tops, lefts) = (t, f);
    }
}
