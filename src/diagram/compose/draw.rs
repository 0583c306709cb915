//! Drawing the rows of a composed figure. Each row is a layout of its own, in the row's
//! coordinates: its lanes cut to the kept range, its phases cut to the stretch, its steps and
//! the labels it owns moved into place, and every line clipped to the stretch. A line cut at
//! the edge has no arrowhead or start dot there. Drawn from these layouts, the figure needs no
//! clip paths, so it renders as fast as the stretch is small.

use super::{extent, markers_len, owns, phase_names, Axes, Row, MARK_H, MARK_PAD, MARK_TEXT, ROW_GAP};
use crate::diagram::slices::Slice;
use crate::diagram::style::{esc, num, put, transition_style};
use crate::diagram::svg;
use crate::layout::text::{self, FONT_FAMILY};
use crate::layout::{ColumnBox, LaneBox, Layout, Orientation, ParticipantMark, Point, StepBox, TextBlock};
use crate::model::*;

/// The figure of the rows, stacked across the flow.
pub(super) fn draw(doc: &Document, variant: &Variant, l: &Layout, rows: &[Row]) -> Slice {
    let (w, h) = extent(l, rows);
    let mut out = String::with_capacity(l.steps.len() * 900 + 4096);
    put(&mut out, format_args!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"{FONT_FAMILY}\">\n",
        w = num(w),
        h = num(h)
    ));
    svg::defs(&mut out);
    put(&mut out, format_args!("<rect width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>\n", num(w), num(h)));
    rows_svg(&mut out, variant, l, rows);
    out.push_str("</svg>\n");
    slice(doc, l, rows, out, (w, h))
}

/// The figure of the rows as a document of its own: the title block above it and the legend
/// under it, as the whole diagram has them.
pub(super) fn draw_framed(doc: &Document, variant: &Variant, l: &Layout, rows: &[Row], lang: Lang) -> Slice {
    let (out, size) = svg::framed(doc, variant, l, lang, 1.0, extent(l, rows), |out| rows_svg(out, variant, l, rows));
    slice(doc, l, rows, out, size)
}

fn slice(doc: &Document, l: &Layout, rows: &[Row], svg: String, (w, h): (f64, f64)) -> Slice {
    let phase = phase_names(doc, l, rows);
    let (start, end) = (rows.first().map_or(0.0, |r| r.stretch.start), rows.last().map_or(0.0, |r| r.stretch.end));
    Slice { svg, width: w, height: h, phase, part: 1, parts: 1, start, len: end - start, png: Vec::new() }
}

/// The rows, stacked across the flow from the origin.
fn rows_svg(out: &mut String, variant: &Variant, l: &Layout, rows: &[Row]) {
    let ax = Axes { horizontal: l.orientation == Orientation::Horizontal };
    let mut oc = 0.0;
    for r in rows {
        let (dx, dy) = ax.shift(0.0, oc);
        put(out, format_args!("<g class=\"row\" transform=\"translate({} {})\">\n", num(dx), num(dy)));
        row(out, variant, l, ax, r);
        out.push_str("</g>\n");
        oc += r.thickness(l.column_header_height) + ROW_GAP;
    }
}

/// Moves points of the diagram into the row's coordinates.
#[derive(Clone, Copy)]
struct Place {
    ax: Axes,
    /// Added along and across the flow.
    along: f64,
    across: f64,
}

impl Place {
    fn point(self, p: Point) -> Point {
        let (dx, dy) = self.ax.shift(self.along, self.across);
        Point { x: p.x + dx, y: p.y + dy }
    }
    fn text(self, t: &TextBlock) -> TextBlock {
        let p = self.point(Point { x: t.x, y: t.y });
        TextBlock { x: p.x, y: p.y, ..t.clone() }
    }
}

fn row(out: &mut String, variant: &Variant, l: &Layout, ax: Axes, r: &Row) {
    let (band, header) = (l.lane_header_width, l.column_header_height);
    let s = r.stretch;
    let place = Place { ax, along: band + r.m0 - s.start, across: header - r.from };
    let local = row_layout(l, ax, r, place);
    svg::frame(out, variant, &local);
    // the lines, clipped to the stretch and the kept lanes
    let clip = [s.start, s.end, r.from, r.to];
    out.push_str("<g class=\"needs\">\n");
    for n in &l.needs {
        for (i, p) in n.paths.iter().enumerate() {
            for (piece, first, last) in clipped(ax, p, clip) {
                let pts: Vec<Point> = piece.into_iter().map(|q| place.point(q)).collect();
                if last && n.relays.contains(&i) {
                    svg::relay_line(out, n.form, &pts);
                } else {
                    svg::need_line(out, n.form, &pts, first, last);
                }
            }
        }
    }
    out.push_str("</g>\n<g class=\"transitions\">\n");
    for e in &l.edges {
        for (piece, first, last) in clipped(ax, &e.points, clip) {
            let pts: Vec<Point> = piece.into_iter().map(|q| place.point(q)).collect();
            svg::edge_line(out, e.kind, e.signal, &pts, first, last);
        }
    }
    out.push_str("</g>\n");
    svg::steps(out, &local);
    svg::labels(out, &local, &|_| true);
    let len = s.end - s.start;
    for (marks, at, m, before) in [(&r.before, band, r.m0, true), (&r.after, band + r.m0 + len, r.m1, false)] {
        for (across, label) in marks.iter() {
            marker(out, ax, label, at, m, header + across - r.from, before);
        }
    }
}

/// The row as a layout of its own (see the module comment).
fn row_layout(l: &Layout, ax: Axes, r: &Row, place: Place) -> Layout {
    let (band, header) = (l.lane_header_width, l.column_header_height);
    let s = r.stretch;
    let length = r.length(band);
    let thickness = r.thickness(header);
    let lanes = l
        .lanes
        .iter()
        .filter_map(|lane| {
            let (a, n) = if ax.horizontal { (lane.y, lane.height) } else { (lane.x, lane.width) };
            let (from, to) = (a.max(r.from), (a + n).min(r.to));
            if to <= from + 1e-6 {
                return None;
            }
            let at = header + from - r.from;
            let [x, y, width, height] = ax.rect(0.0, length, at, to - from);
            // a lane only partly kept (where a label reaches into it) shows no name
            // the name stays in the band: moved across only
            let mut name = Place { along: 0.0, ..place }.text(&lane.header);
            if to - from < n - 1e-6 {
                name.lines.clear();
            }
            Some(LaneBox { actor: lane.actor, x, y, width, height, header: name })
        })
        .collect();
    let kept: Vec<&ColumnBox> = l
        .columns
        .iter()
        .filter(|c| {
            let (a, b) = if ax.horizontal { (c.x, c.x + c.width) } else { (c.y, c.y + c.height) };
            a < s.end - 1e-6 && b > s.start + 1e-6
        })
        .collect();
    let n = kept.len();
    let columns = kept
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let (a, b) = if ax.horizontal { (c.x, c.x + c.width) } else { (c.y, c.y + c.height) };
            // cut to the stretch; the first and last take in the room for markers
            let from = if i == 0 { band } else { a.max(s.start) + place.along };
            let to = if i + 1 == n { length } else { b.min(s.end) + place.along };
            let mut name = c.header.clone();
            // the phase name centred on what is shown of the phase
            let tw = if ax.horizontal { name.w } else { name.h };
            let at = from + ((to - from) - tw).max(0.0) / 2.0;
            let across = if ax.horizontal { name.y } else { name.x };
            (name.x, name.y) = ax.shift(at, across);
            let [x, y, width, height] = ax.rect(from, to - from, 0.0, thickness);
            ColumnBox { phase: c.phase, x, y, width, height, header: name }
        })
        .collect();
    let steps = l
        .steps
        .iter()
        .filter(|b| {
            let c = ax.along(Point { x: b.x + b.w / 2.0, y: b.y + b.h / 2.0 });
            c >= s.start && c < s.end
        })
        .map(|b| {
            let p = place.point(Point { x: b.x, y: b.y });
            let participants = b.participants.iter().map(|m| ParticipantMark { at: place.point(m.at), ..m.clone() }).collect();
            StepBox { x: p.x, y: p.y, label: place.text(&b.label), number_at: place.point(b.number_at), participants, ..b.clone() }
        })
        .collect();
    // the labels the stretch owns, as labels of lines with no points
    let mut needs = Vec::new();
    let mut edges = Vec::new();
    for e in &l.edges {
        if let Some(t) = e.label.as_ref().filter(|t| owns(ax, s, t)) {
            edges.push(crate::layout::EdgeRoute { points: Vec::new(), label: Some(place.text(t)), ..e.clone() });
        }
    }
    for nr in &l.needs {
        let badge = nr.badge.as_ref().filter(|t| owns(ax, s, t)).map(|t| place.text(t));
        let tags: Vec<TextBlock> = nr.tags.iter().filter(|t| owns(ax, s, t)).map(|t| place.text(t)).collect();
        if badge.is_some() || !tags.is_empty() {
            needs.push(crate::layout::NeedRoute { paths: Vec::new(), badge, tags, ..nr.clone() });
        }
    }
    let [_, _, width, height] = ax.rect(0.0, length, 0.0, thickness);
    Layout {
        variant: l.variant,
        orientation: l.orientation,
        width,
        height,
        lane_header_width: band,
        column_header_height: header,
        lanes,
        columns,
        steps,
        edges,
        needs,
    }
}

/// The pieces of an orthogonal polyline inside `clip` (along from, along to, across from,
/// across to), each with whether it holds the line's first and last point.
fn clipped(ax: Axes, pts: &[Point], clip: [f64; 4]) -> Vec<(Vec<Point>, bool, bool)> {
    let [a0, a1, c0, c1] = clip;
    let make = |along: f64, across: f64| {
        let (x, y) = ax.shift(along, across);
        Point { x, y }
    };
    let mut pieces: Vec<(Vec<Point>, bool, bool)> = Vec::new();
    let mut open = false;
    let n = pts.len();
    for (i, w) in pts.windows(2).enumerate() {
        let (pa, pc, qa, qc) = (ax.along(w[0]), ax.across(w[0]), ax.along(w[1]), ax.across(w[1]));
        // Liang–Barsky on the segment
        let (mut t0, mut t1) = (0.0f64, 1.0f64);
        let (da, dc) = (qa - pa, qc - pc);
        let mut inside = true;
        for (p, q) in [(-da, pa - a0), (da, a1 - pa), (-dc, pc - c0), (dc, c1 - pc)] {
            if p.abs() < 1e-12 {
                if q < 0.0 {
                    inside = false;
                }
            } else {
                let t = q / p;
                if p < 0.0 { t0 = t0.max(t) } else { t1 = t1.min(t) }
            }
        }
        if !inside || t1 < t0 || (t1 - t0) * (da.abs() + dc.abs()) < 1e-9 {
            open = false;
            continue;
        }
        let from = make(pa + t0 * da, pc + t0 * dc);
        let to = make(pa + t1 * da, pc + t1 * dc);
        if open && t0 < 1e-9 {
            let piece = pieces.last_mut().expect("an open piece");
            piece.0.push(to);
        } else {
            pieces.push((vec![from, to], i == 0 && t0 < 1e-9, false));
        }
        open = t1 > 1.0 - 1e-9;
        if i + 2 == n && open {
            pieces.last_mut().expect("a piece").2 = true;
        }
    }
    pieces
}

/// A marker where a line crosses a cut: a short line from the cut and a pill with the text.
fn marker(out: &mut String, ax: Axes, label: &str, at: f64, m: f64, across: f64, before: bool) {
    let tw = text::width(label, MARK_TEXT) + 8.0;
    let len = markers_len(ax, label);
    let pill_at = if before { at + MARK_PAD } else { at + m - MARK_PAD - len };
    let (line_from, line_to) = if before { (pill_at + len, at + m) } else { (at, pill_at) };
    let colour = transition_style(TransitionKind::Normal).0;
    let (x1, y1) = ax.shift(line_from, across);
    let (x2, y2) = ax.shift(line_to, across);
    put(out, format_args!("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{colour}\" stroke-width=\"1.5\"/>\n", num(x1), num(y1), num(x2), num(y2)));
    let [x, y, w, h] = if ax.horizontal { [pill_at, across - MARK_H / 2.0, tw, MARK_H] } else { [across - tw / 2.0, pill_at, tw, MARK_H] };
    put(out, format_args!(
        "<rect class=\"cut-marker\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"7\" fill=\"#ffffff\" stroke=\"{colour}\" stroke-width=\"1.2\"/><text x=\"{}\" y=\"{}\" font-size=\"{}\" font-weight=\"bold\" fill=\"{colour}\" text-anchor=\"middle\">{}</text>\n",
        num(x), num(y), num(w), num(h), num(x + w / 2.0), num(y + h / 2.0 + 0.36 * MARK_TEXT.size), num(MARK_TEXT.size), esc(label)
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_polyline_is_cut_into_the_pieces_inside_with_its_ends_kept_where_they_are_inside() {
        let ax = Axes { horizontal: true };
        let p = |x: f64, y: f64| Point { x, y };
        // in, out to the right, back in: two pieces; the first holds the start, the second the end
        let line = [p(10.0, 10.0), p(150.0, 10.0), p(150.0, 50.0), p(50.0, 50.0)];
        let pieces = clipped(ax, &line, [0.0, 100.0, 0.0, 100.0]);
        assert_eq!(pieces.len(), 2);
        assert_eq!(pieces[0], (vec![p(10.0, 10.0), p(100.0, 10.0)], true, false));
        assert_eq!(pieces[1], (vec![p(100.0, 50.0), p(50.0, 50.0)], false, true));
        // wholly inside: one piece with both ends, its bends kept
        let inside = [p(10.0, 10.0), p(20.0, 10.0), p(20.0, 30.0)];
        assert_eq!(clipped(ax, &inside, [0.0, 100.0, 0.0, 100.0]), vec![(inside.to_vec(), true, true)]);
        // wholly outside: nothing
        assert!(clipped(ax, &[p(200.0, 10.0), p(300.0, 10.0)], [0.0, 100.0, 0.0, 100.0]).is_empty());
    }
}
