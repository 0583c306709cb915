//! Figures made of stretches of the diagram along the flow, each drawn with only the lanes it
//! uses and stacked one under the other: the figure of some phases (one stretch), and the
//! overview, where the whole pathway wraps into rows of phases so it keeps a readable shape.
//! Where a transition crosses the edge of a stretch, a marker names the step at its other end
//! ("fra 12", "til 25"), so the flow can be followed from row to row or into the next figure.

use super::slices::Slice;
use crate::layout::text::{self, Style};
use crate::layout::{Layout, Orientation, Point, TextBlock};
use crate::model::*;
use std::collections::HashMap;

/// Room between two rows of a composed figure.
const ROW_GAP: f64 = 24.0;
/// The text of a cut marker.
const MARK_TEXT: Style = Style::new(9.0, true);
const MARK_H: f64 = 15.0;
/// Free room on each side of a marker.
const MARK_PAD: f64 = 4.0;
/// The widest an overview should be for its height, and the shape it aims at.
pub const MAX_ASPECT: f64 = 3.0;
const AIM_ASPECT: f64 = 2.0;

/// A stretch along the flow, `start..end` in diagram units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stretch {
    pub start: f64,
    pub end: f64,
}

/// How one stretch is drawn: which lanes (a contiguous range), and the markers at its cuts.
struct Row {
    stretch: Stretch,
    /// Across the flow: where the kept lanes start and end in the diagram.
    from: f64,
    to: f64,
    /// Markers before and after the stretch: across position and text.
    before: Vec<(f64, String)>,
    after: Vec<(f64, String)>,
    /// The room for the markers before and after the stretch, along the flow.
    m0: f64,
    m1: f64,
}

/// The along-the-flow length of a marker.
fn markers_len(ax: Axes, label: &str) -> f64 {
    if ax.horizontal { text::width(label, MARK_TEXT) + 8.0 } else { MARK_H }
}

impl Row {
    fn margin(ax: Axes, marks: &[(f64, String)]) -> f64 {
        if marks.is_empty() {
            return 0.0;
        }
        marks.iter().map(|(_, t)| markers_len(ax, t)).fold(0.0, f64::max).ceil() + 2.0 * MARK_PAD
    }
    fn length(&self, band: f64) -> f64 {
        band + self.m0 + (self.stretch.end - self.stretch.start) + self.m1
    }
    fn thickness(&self, header: f64) -> f64 {
        header + (self.to - self.from)
    }
}

/// Along and across the flow, for either orientation.
#[derive(Clone, Copy)]
struct Axes {
    horizontal: bool,
}

impl Axes {
    fn along(self, p: Point) -> f64 {
        if self.horizontal { p.x } else { p.y }
    }
    fn across(self, p: Point) -> f64 {
        if self.horizontal { p.y } else { p.x }
    }
    /// A rectangle given along and across the flow, as x, y, width, height.
    fn rect(self, along: f64, along_len: f64, across: f64, across_len: f64) -> [f64; 4] {
        if self.horizontal { [along, across, along_len, across_len] } else { [across, along, across_len, along_len] }
    }
    fn shift(self, along: f64, across: f64) -> (f64, f64) {
        if self.horizontal { (along, across) } else { (across, along) }
    }
}

/// Whether a label belongs to a stretch: its centre is in it.
fn owns(ax: Axes, s: Stretch, t: &TextBlock) -> bool {
    let c = ax.along(Point { x: t.x + t.w / 2.0, y: t.y + t.h / 2.0 });
    c >= s.start && c < s.end
}

/// How far a label reaches along and across: (along from, along to, across from, across to).
fn reach(ax: Axes, t: &TextBlock) -> [f64; 4] {
    let (p, q) = (Point { x: t.x, y: t.y }, Point { x: t.x + t.w, y: t.y + t.h });
    [ax.along(p), ax.along(q), ax.across(p), ax.across(q)]
}

fn labels_of(l: &Layout) -> impl Iterator<Item = &TextBlock> {
    l.edges.iter().filter_map(|e| e.label.as_ref()).chain(l.needs.iter().flat_map(|n| n.badge.iter().chain(&n.tags)))
}

/// The lanes a stretch uses: every lane that holds one of its steps, or that one of its lines
/// passes, as a contiguous range across the flow, widened as far as its labels reach. `None`
/// when the stretch is empty.
fn lanes_used(l: &Layout, s: Stretch) -> Option<(f64, f64)> {
    let ax = Axes { horizontal: l.orientation == Orientation::Horizontal };
    let inside = |a: f64, b: f64| a.min(b) < s.end && a.max(b) > s.start;
    let mut lo = f64::INFINITY;
    let mut hi = f64::NEG_INFINITY;
    let mut take = |a: f64, b: f64| {
        lo = lo.min(a.min(b));
        hi = hi.max(a.max(b));
    };
    for b in &l.steps {
        for (x, y, w, h) in [(b.x, b.y, b.w, b.h), (b.label.x, b.label.y, b.label.w, b.label.h)] {
            let (p, q) = (Point { x, y }, Point { x: x + w, y: y + h });
            if inside(ax.along(p), ax.along(q)) {
                take(ax.across(p), ax.across(q));
            }
        }
    }
    let paths = l.edges.iter().map(|e| &e.points).chain(l.needs.iter().flat_map(|n| &n.paths));
    for pts in paths {
        for w in pts.windows(2) {
            let (a, b) = (ax.along(w[0]), ax.along(w[1]));
            if inside(a, b) || (a - b).abs() < 1e-9 && a > s.start && a < s.end {
                take(ax.across(w[0]), ax.across(w[1]));
            }
        }
    }
    if !lo.is_finite() {
        return None;
    }
    // widened to whole lanes, a little more where a label reaches over
    let lane_span = |lane: &crate::layout::LaneBox| if ax.horizontal { (lane.y, lane.y + lane.height) } else { (lane.x, lane.x + lane.width) };
    let spans: Vec<(f64, f64)> = l.lanes.iter().map(lane_span).filter(|(a, b)| *b > lo + 1e-6 && *a < hi - 1e-6).collect();
    let mut from = spans.iter().map(|s| s.0).fold(lo, f64::min);
    let mut to = spans.iter().map(|s| s.1).fold(hi, f64::max);
    for t in labels_of(l).filter(|t| owns(ax, s, t)) {
        let [_, _, a, b] = reach(ax, t);
        from = from.min(a - 2.0);
        to = to.max(b + 2.0);
    }
    Some((from, to))
}

/// The markers at the two cuts of a stretch: for each transition crossing a cut, the number of
/// the step at its other end, those crossing at one place merged.
fn markers(l: &Layout, s: Stretch, lang: Lang) -> (Vec<(f64, String)>, Vec<(f64, String)>) {
    let ax = Axes { horizontal: l.orientation == Orientation::Horizontal };
    let number: HashMap<StepId, u32> = l.steps.iter().map(|b| (b.id, b.number)).collect();
    let (from_word, to_word) = match lang {
        Lang::Nb => ("fra", "til"),
        Lang::En => ("from", "to"),
    };
    // (cut: 0 before, 1 after; across; entering) -> numbers
    let mut at: Vec<((usize, i64, bool), Vec<u32>)> = Vec::new();
    for e in &l.edges {
        for w in e.points.windows(2) {
            let (a, b) = (ax.along(w[0]), ax.along(w[1]));
            for (cut, pos) in [(0, s.start), (1, s.end)] {
                if a.min(b) < pos - 1e-6 && a.max(b) > pos + 1e-6 {
                    let forward = b > a;
                    let entering = (cut == 0) == forward;
                    let other = if entering { e.from } else { e.to };
                    let key = (cut, (ax.across(w[0]) * 2.0).round() as i64, entering);
                    let n = number.get(&other).copied().unwrap_or(0);
                    match at.iter_mut().find(|(k, _)| *k == key) {
                        Some((_, ns)) => ns.push(n),
                        None => at.push((key, vec![n])),
                    }
                }
            }
        }
    }
    let (mut before, mut after) = (Vec::new(), Vec::new());
    for ((cut, across, entering), mut ns) in at {
        ns.sort_unstable();
        ns.dedup();
        let list = ns.iter().map(u32::to_string).collect::<Vec<_>>().join(", ");
        let label = format!("{} {list}", if entering { from_word } else { to_word });
        if cut == 0 { &mut before } else { &mut after }.push((across as f64 / 2.0, label));
    }
    for side in [&mut before, &mut after] {
        side.sort_by(|a, b| a.0.total_cmp(&b.0));
    }
    (before, after)
}

fn row(l: &Layout, s: Stretch, lang: Lang) -> Option<Row> {
    let (from, to) = lanes_used(l, s)?;
    let (before, after) = markers(l, s, lang);
    let ax = Axes { horizontal: l.orientation == Orientation::Horizontal };
    // the room before and after: for the markers, and for labels reaching over the cuts
    let (m0, m1) = (Row::margin(ax, &before), Row::margin(ax, &after));
    let (mut over0, mut over1) = (0.0f64, 0.0f64);
    for t in labels_of(l).filter(|t| owns(ax, s, t)) {
        let [a, b, _, _] = reach(ax, t);
        over0 = over0.max((s.start - a + 2.0).ceil());
        over1 = over1.max((b - s.end + 2.0).ceil());
    }
    // markers on the outer side, labels reaching over next to the cut
    Some(Row { stretch: s, from, to, before, after, m0: m0 + over0, m1: m1 + over1 })
}

/// The figure of the stretches, one row each, stacked across the flow.
pub fn compose(doc: &Document, variant: &Variant, l: &Layout, stretches: &[Stretch], lang: Lang) -> Slice {
    let rows: Vec<Row> = stretches.iter().filter_map(|s| row(l, *s, lang)).collect();
    draw(doc, variant, l, &rows)
}

fn size(l: &Layout, rows: &[Row]) -> (f64, f64) {
    let band = l.lane_header_width;
    let length = rows.iter().map(|r| r.length(band)).fold(0.0, f64::max);
    let thickness: f64 = rows.iter().map(|r| r.thickness(l.column_header_height)).sum::<f64>() + ROW_GAP * rows.len().saturating_sub(1) as f64;
    (length.ceil(), thickness.ceil())
}

fn phase_names(doc: &Document, l: &Layout, rows: &[Row]) -> String {
    let ax = Axes { horizontal: l.orientation == Orientation::Horizontal };
    let mut names: Vec<String> = Vec::new();
    for c in &l.columns {
        let (a, b) = if ax.horizontal { (c.x, c.x + c.width) } else { (c.y, c.y + c.height) };
        if rows.iter().any(|r| a < r.stretch.end - 1e-6 && b > r.stretch.start + 1e-6) {
            if let Some(p) = c.phase.and_then(|p| doc.phase(p)) {
                names.push(p.name.clone());
            }
        }
    }
    names.join(" – ")
}

/// Where each column runs along the flow (the last one to the diagram's end).
pub(super) fn column_stretches(l: &Layout) -> Vec<Stretch> {
    let horizontal = l.orientation == Orientation::Horizontal;
    let along = if horizontal { l.width } else { l.height };
    let n = l.columns.len();
    l.columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let (a, b) = if horizontal { (c.x, c.x + c.width) } else { (c.y, c.y + c.height) };
            Stretch { start: a, end: if i + 1 == n { along } else { b } }
        })
        .collect()
}

/// The phases from the first to the last of `phases` as one figure with only the lanes they
/// use and markers where the flow enters and leaves.
pub fn phases(doc: &Document, variant: &Variant, l: &Layout, phases: &[PhaseId], lang: Lang) -> crate::Result<Slice> {
    use crate::error::{CoreError, ErrorCode};
    let cols: Vec<usize> = phases.iter().filter_map(|p| l.columns.iter().position(|c| c.phase == Some(*p))).collect();
    let (Some(&first), Some(&last)) = (cols.iter().min(), cols.iter().max()) else {
        return Err(CoreError::new(ErrorCode::UnknownId, format!("variant '{}' has none of the phases asked for", variant.name)));
    };
    let all = column_stretches(l);
    Ok(compose(doc, variant, l, &[Stretch { start: all[first].start, end: all[last].end }], lang))
}

/// A sub-pathway's own flow as a figure of its own: the phases from the first to the last it
/// uses, the lanes it uses, with the title block above and the legend under it. `variant` is
/// the flow cut out of its variant and named after both.
pub fn flow_figure(doc: &Document, variant: &Variant, l: &Layout, lang: Lang) -> Slice {
    let all = column_stretches(l);
    let used = l.steps.iter().map(|b| b.column);
    let first = used.clone().min().unwrap_or(0);
    let last = used.max().unwrap_or(all.len().saturating_sub(1));
    let rows: Vec<Row> = all.get(first).zip(all.get(last)).and_then(|(a, b)| row(l, Stretch { start: a.start, end: b.end }, lang)).into_iter().collect();
    draw::draw_framed(doc, variant, l, &rows, lang)
}

/// The whole pathway wrapped into rows of whole phases (a phase too long for a row is cut
/// between its steps), as few rows as keep it no wider than [`MAX_ASPECT`] for its height and
/// close to [`AIM_ASPECT`].
pub fn overview(doc: &Document, variant: &Variant, l: &Layout, lang: Lang) -> Slice {
    draw(doc, variant, l, &overview_rows(l, lang))
}

/// The overview as a figure of its own, to export: with the title block above it and the
/// legend under it, as the whole diagram has them.
pub fn overview_figure(doc: &Document, variant: &Variant, l: &Layout, lang: Lang) -> Slice {
    draw::draw_framed(doc, variant, l, &overview_rows(l, lang), lang)
}

/// Whether the whole drawing is a horizontal strip wider than [`MAX_ASPECT`]: a figure no
/// page shows legibly, which the overview wraps into rows.
pub fn too_wide(l: &Layout) -> bool {
    l.orientation == Orientation::Horizontal && l.width / l.height.max(1.0) > MAX_ASPECT
}

/// The size of the overview, without drawing it.
pub fn overview_size(l: &Layout) -> (f64, f64) {
    extent(l, &overview_rows(l, Lang::Nb))
}

/// The width and height of the rows stacked across the flow.
fn extent(l: &Layout, rows: &[Row]) -> (f64, f64) {
    let (length, thickness) = size(l, rows);
    let [_, _, w, h] = Axes { horizontal: l.orientation == Orientation::Horizontal }.rect(0.0, length, 0.0, thickness);
    (w, h)
}

fn overview_rows(l: &Layout, lang: Lang) -> Vec<Row> {
    let columns = column_stretches(l);
    let whole = columns.first().zip(columns.last()).map(|(a, b)| Stretch { start: a.start, end: b.end });
    let one: Vec<Row> = whole.and_then(|s| row(l, s, lang)).into_iter().collect();
    if l.orientation == Orientation::Vertical || one.is_empty() {
        return one;
    }
    let aspect = |rows: &[Row]| {
        let (w, h) = size(l, rows);
        w / h.max(1.0)
    };
    if aspect(&one) <= MAX_ASPECT {
        return one;
    }
    // units: the phases, and a phase longer than a row should be cut between its steps
    let full = one[0].thickness(l.column_header_height);
    let total: f64 = columns.iter().map(|s| s.end - s.start).sum();
    let target = (AIM_ASPECT * total * full).sqrt().max(300.0);
    let mut units = Vec::new();
    for s in columns {
        if s.end - s.start > target * 1.1 {
            let k = ((s.end - s.start) / target).ceil();
            units.extend(super::tiles::cuts(l, s.start, s.end, (s.end - s.start) / k * 1.1).into_iter().map(|(a, n)| Stretch { start: a, end: a + n }));
        } else {
            units.push(s);
        }
    }
    // for each number of rows, the split with the shortest longest row; the one nearest the aim
    let mut best: Option<(f64, Vec<Row>)> = None;
    for k in 2..=units.len() {
        let groups = split(&units, k);
        let rows: Vec<Row> = groups.iter().filter_map(|g| row(l, Stretch { start: g.0, end: g.1 }, lang)).collect();
        let a = aspect(&rows);
        let score = (a / AIM_ASPECT).ln().abs() + if a > MAX_ASPECT { 10.0 } else { 0.0 };
        if best.as_ref().is_none_or(|(s, _)| score < *s) {
            best = Some((score, rows));
        }
        if a < AIM_ASPECT / 2.0 {
            break;
        }
    }
    best.map(|b| b.1).unwrap_or(one)
}

/// `units` (in order, touching) in `k` contiguous groups whose longest is as short as can be:
/// the smallest limit a greedy packing meets with `k` groups, found by bisection.
fn split(units: &[Stretch], k: usize) -> Vec<(f64, f64)> {
    let len = |s: &Stretch| s.end - s.start;
    let pack = |limit: f64| {
        let mut groups: Vec<(f64, f64)> = Vec::new();
        for u in units {
            match groups.last_mut() {
                Some(g) if u.end - g.0 <= limit + 1e-6 => g.1 = u.end,
                _ => groups.push((u.start, u.end)),
            }
        }
        groups
    };
    let (mut lo, mut hi) = (units.iter().map(len).fold(0.0, f64::max), units.iter().map(len).sum::<f64>());
    for _ in 0..40 {
        let mid = (lo + hi) / 2.0;
        if pack(mid).len() <= k { hi = mid } else { lo = mid }
    }
    pack(hi)
}

mod draw;
use draw::draw;

#[cfg(test)]
mod tests;
