//! Where a tiled PDF cuts the diagram along the flow. A cut falls between shapes and labels
//! where it can, so no step, transition label or need badge is split across two pages; where
//! the labels leave no room, it still falls between steps; only where nothing fits does a cut
//! go through one, at the full length of a page.

use crate::layout::{Layout, Orientation, TextBlock};

/// Room kept between a cut and what it passes.
const MARGIN: f64 = 4.0;
/// A page holds at least this share of its length before a cut may come early.
const MIN_FILL: f64 = 0.5;

/// The stretches along the flow that a cut should not go through: steps, and with `labels`
/// the labels and badges too.
fn blocked(l: &Layout, labels: bool) -> Vec<(f64, f64)> {
    let horizontal = l.orientation == Orientation::Horizontal;
    let along = |x: f64, y: f64, w: f64, h: f64| if horizontal { (x, x + w) } else { (y, y + h) };
    let text = |t: &TextBlock| along(t.x, t.y, t.w, t.h);
    let mut spans: Vec<(f64, f64)> = Vec::new();
    for b in &l.steps {
        spans.push(along(b.x, b.y, b.w, b.h));
        spans.push(text(&b.label));
    }
    if labels {
        spans.extend(l.edges.iter().filter_map(|e| e.label.as_ref()).map(text));
        spans.extend(l.needs.iter().flat_map(|n| n.badge.iter().chain(&n.tags)).map(text));
        spans.extend(l.columns.iter().map(|c| text(&c.header)));
    }
    let mut spans: Vec<(f64, f64)> = spans.into_iter().filter(|s| s.1 > s.0).map(|(a, b)| (a - MARGIN, b + MARGIN)).collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    // merged into disjoint stretches
    let mut merged: Vec<(f64, f64)> = Vec::with_capacity(spans.len());
    for s in spans {
        match merged.last_mut() {
            Some(m) if s.0 <= m.1 => m.1 = m.1.max(s.1),
            _ => merged.push(s),
        }
    }
    merged
}

/// The tiles along the flow, as (start, length), from `start` to `end` with at most `tile`
/// each.
pub(super) fn cuts(l: &Layout, start: f64, end: f64, tile: f64) -> Vec<(f64, f64)> {
    let (all, steps) = (blocked(l, true), blocked(l, false));
    let mut out = Vec::new();
    let mut at = start;
    while end - at > 1e-6 {
        let limit = at + tile;
        if limit >= end {
            out.push((at, end - at));
            break;
        }
        // before the stretch the full-length cut would go through, if that leaves the page
        // full enough: first clear of labels too, then clear of steps
        let before = |merged: &[(f64, f64)]| {
            let i = merged.partition_point(|m| m.1 <= limit);
            match merged.get(i) {
                Some(&(a, _)) if a < limit => (a >= at + MIN_FILL * tile).then_some(a),
                _ => Some(limit),
            }
        };
        let cut = before(&all).or_else(|| before(&steps)).unwrap_or(limit);
        out.push((at, cut - at));
        at = cut;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{layout, layout_with, LayoutOptions};

    fn splits(l: &Layout, cut: f64) -> bool {
        let horizontal = l.orientation == Orientation::Horizontal;
        l.steps.iter().any(|b| {
            let (a, e) = if horizontal { (b.x, b.x + b.w) } else { (b.y, b.y + b.h) };
            a < cut && cut < e
        })
    }

    #[test]
    fn tiles_cover_the_diagram_and_cut_between_steps() {
        let doc = crate::template::load("copd").unwrap();
        for v in &doc.variants {
            for orientation in [Orientation::Horizontal, Orientation::Vertical] {
                let l = layout_with(&doc, v.id, &LayoutOptions { orientation, needs: true, flow: None, hide_unused_lanes: false }).unwrap();
                let along = if orientation == Orientation::Horizontal { l.width } else { l.height };
                let band = l.lane_header_width;
                let tiles = cuts(&l, band, along, 1200.0);
                assert!(tiles.len() >= 3);
                assert_eq!(tiles[0].0, band);
                for w in tiles.windows(2) {
                    assert!((w[0].0 + w[0].1 - w[1].0).abs() < 1e-9, "tiles meet: {tiles:?}");
                }
                let last = tiles.last().unwrap();
                assert!((last.0 + last.1 - along).abs() < 1e-9);
                for t in &tiles {
                    assert!(t.1 <= 1200.0 + 1e-9 && t.1 > 0.0);
                }
                for t in &tiles[1..] {
                    assert!(!splits(&l, t.0), "{orientation:?}: a cut at {} goes through a step", t.0);
                }
            }
        }
    }

    #[test]
    fn a_cut_goes_through_a_shape_only_when_nothing_else_fits() {
        let doc = crate::sample::generate(30);
        let l = layout(&doc, doc.variants[0].id).unwrap();
        // tiles shorter than a step: the cuts cannot avoid the steps, and still end
        let tiles = cuts(&l, l.lane_header_width, l.width, 60.0);
        assert!(tiles.iter().all(|t| t.1 > 0.0 && t.1 <= 60.0 + 1e-9));
        let end = tiles.last().map(|t| t.0 + t.1).unwrap();
        assert!((end - l.width).abs() < 1e-9);
    }
}
