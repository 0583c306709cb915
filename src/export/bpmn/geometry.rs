//! Where the BPMN diagram draws things: one pool, a lane per actor (in lane order), the
//! phases as columns, each step in its lane and column and each transition along its route,
//! all taken from the shared swimlane layout ([`crate::layout`]).

use crate::error::Result;
use crate::layout::{layout_with, LayoutOptions, Orientation};
use crate::model::*;
use std::collections::HashMap;

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
    /// Waypoints of each transition, from the layout's orthogonal routing.
    pub routes: HashMap<TransitionId, Vec<(f64, f64)>>,
}

impl Geometry {
    /// Moves everything down by `dy` (the pools of further variants sit below the first).
    pub fn shift(&mut self, dy: f64) {
        if dy == 0.0 {
            return;
        }
        let down = |r: &mut Rect| r.y += dy;
        down(&mut self.pool);
        self.lanes.iter_mut().for_each(|(_, r)| down(r));
        self.phases.iter_mut().for_each(|(_, r)| down(r));
        self.steps.values_mut().for_each(down);
        self.routes.values_mut().flatten().for_each(|p| p.1 += dy);
    }
}

/// Width of the pool's own title band, left of the lane titles.
const POOL_BAND: f64 = 30.0;

fn rect(x: f64, y: f64, w: f64, h: f64) -> Rect {
    Rect { x, y, w, h }
}

/// Lanes, columns, step boxes and transition routes for one flow of a variant (`flow`: a
/// sub-pathway's own, else the main flow), taken from the shared swimlane layout so the BPMN
/// diagram matches the canvas and the SVG/PNG/PDF exports.
pub fn geometry(doc: &Document, variant: &Variant, flow: Option<StepId>) -> Result<Geometry> {
    let layout = layout_with(doc, variant.id, &LayoutOptions { orientation: Orientation::Horizontal, needs: false, flow, hide_unused_lanes: false })?;
    let (mut top, mut bottom, mut left, mut right) = (0.0f64, layout.height, 0.0f64, layout.width);
    if !layout.lanes.is_empty() {
        top = layout.lanes.iter().map(|l| l.y).fold(f64::INFINITY, f64::min);
        bottom = layout.lanes.iter().map(|l| l.y + l.height).fold(f64::NEG_INFINITY, f64::max);
        left = layout.lanes.iter().map(|l| l.x).fold(f64::INFINITY, f64::min);
        right = layout.lanes.iter().map(|l| l.x + l.width).fold(f64::NEG_INFINITY, f64::max);
    }
    let pool = rect(left - POOL_BAND, top, right - left + POOL_BAND, bottom - top);
    let lanes = layout.lanes.iter().filter_map(|l| Some((l.actor?, rect(l.x, l.y, l.width, l.height)))).collect();
    let phases = layout
        .columns
        .iter()
        .filter_map(|c| Some((c.phase?, rect(c.x + 4.0, top + 6.0, c.width - 8.0, bottom - top - 12.0))))
        .collect();
    let steps = layout.steps.iter().map(|b| (b.id, rect(b.x, b.y, b.w, b.h))).collect();
    let routes = layout.edges.iter().map(|e| (e.id, e.points.iter().map(|p| (p.x, p.y)).collect())).collect();
    Ok(Geometry { pool, lanes, phases, steps, routes })
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
            let g = geometry(&doc, v, None).unwrap();
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
