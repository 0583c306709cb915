//! The finished [`Layout`]: abstract coordinates turned into diagram coordinates, headers
//! wrapped, and the labels of transitions and the badges of needs placed. A label goes to the
//! first of a list of candidate places along its route (near the source first for
//! transitions, near the middle first for need badges) that overlaps no step and no label
//! placed before it; a spatial grid keeps that check fast on large diagrams.

use super::place::{Plan, LANE_TEXT, PHASE_TEXT};
use super::route::{header_lanes, How, Link, Owner, EDGE_TEXT};
use super::text::{self, Style};
use super::*;

/// Need badges.
pub(super) const BADGE_TEXT: Style = Style::new(11.0, false);
const BADGE_WIDTH: f64 = 140.0;
/// Padding inside a badge.
pub const BADGE_PAD: f64 = 3.0;

/// Rectangles indexed by the grid cells they touch, each with the route it belongs to (lines)
/// or none (shapes and labels). The cells cover the diagram densely; a rectangle reaching
/// past its edge is filed under the edge cells (clamping keeps every overlap in a shared cell).
struct Grid {
    cell: f64,
    cols: i64,
    rows: i64,
    /// Row-major: cell (x, y) at `y * cols + x`.
    cells: Vec<Vec<u32>>,
    rects: Vec<[f64; 4]>,
    owners: Vec<Option<usize>>,
}

impl Grid {
    /// A grid over a diagram `width` × `height`.
    fn new(width: f64, height: f64) -> Grid {
        let cell = 160.0;
        let (cols, rows) = (((width / cell).ceil() as i64).max(1), ((height / cell).ceil() as i64).max(1));
        Grid { cell, cols, rows, cells: vec![Vec::new(); (cols * rows) as usize], rects: Vec::new(), owners: Vec::new() }
    }
    /// The cells `r` touches: columns and rows, clamped to the grid.
    fn span(&self, r: [f64; 4]) -> (std::ops::RangeInclusive<i64>, std::ops::RangeInclusive<i64>) {
        let at = |v: f64, n: i64| ((v / self.cell).floor() as i64).clamp(0, n - 1);
        (at(r[0], self.cols)..=at(r[0] + r[2], self.cols), at(r[1], self.rows)..=at(r[1] + r[3], self.rows))
    }
    fn insert(&mut self, r: [f64; 4]) {
        self.insert_owned(r, None);
    }
    fn insert_owned(&mut self, r: [f64; 4], owner: Option<usize>) {
        let i = self.rects.len() as u32;
        self.rects.push(r);
        self.owners.push(owner);
        let (xs, ys) = self.span(r);
        for y in ys {
            for x in xs.clone() {
                self.cells[(y * self.cols + x) as usize].push(i);
            }
        }
    }
    /// Whether `r` overlaps anything but the lines of route `own`.
    fn hits(&self, r: [f64; 4], own: Option<usize>) -> bool {
        let (xs, ys) = self.span(r);
        ys.into_iter().any(|y| {
            xs.clone().any(|x| {
                self.cells[(y * self.cols + x) as usize].iter().any(|&i| {
                    let i = i as usize;
                    (own.is_none() || self.owners[i] != own) && overlap(self.rects[i], r)
                })
            })
        })
    }
    /// Adds the segments of a route's polyline as thin rectangles.
    fn insert_line(&mut self, pts: &[Point], owner: usize) {
        for w in pts.windows(2) {
            let (x0, y0) = (w[0].x.min(w[1].x), w[0].y.min(w[1].y));
            let (x1, y1) = (w[0].x.max(w[1].x), w[0].y.max(w[1].y));
            self.insert_owned([x0 - 0.5, y0 - 0.5, x1 - x0 + 1.0, y1 - y0 + 1.0], Some(owner));
        }
    }
}

fn overlap(a: [f64; 4], b: [f64; 4]) -> bool {
    a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3]
}

/// Text centred in a box.
fn block(lines: Vec<String>, style: Style, bx: f64, by: f64, bw: f64, bh: f64) -> TextBlock {
    let w = text::widest(&lines, style).ceil();
    let h = lines.len() as f64 * style.line_height();
    TextBlock { x: bx + (bw - w) / 2.0, y: by + (bh - h) / 2.0, w, h, size: style.size, bold: style.bold, lines }
}

pub(super) fn assemble(
    plan: &Plan,
    doc: &Document,
    var: &Variant,
    opts: &LayoutOptions,
    links: Vec<Link>,
    lane_names: &[String],
    phase_names: &[String],
) -> Layout {
    let o = plan.o;
    let horizontal = o == Orientation::Horizontal;
    let lanes_end = plan.lanes.last().map_or(plan.phb, |l| l.v + l.ext);
    let cols_end = plan.cols.last().map_or(plan.lhb, |c| c.0 + c.1);
    let (width, height) = if horizontal { (cols_end, lanes_end) } else { (lanes_end, cols_end) };
    let header_needs = route::header_needs(plan, var, opts);
    let header_room = if header_needs > 0 { 8.0 + header_needs.min(12) as f64 * 6.0 } else { 0.0 };

    let lanes: Vec<LaneBox> = plan
        .lanes
        .iter()
        .zip(&plan.lane_keys)
        .enumerate()
        .map(|(i, (l, key))| {
            if horizontal {
                let lines = text::wrap(&lane_names[i], plan.lane_text, LANE_TEXT);
                LaneBox { actor: *key, y: l.v, height: l.ext, x: 0.0, width, header: block(lines, LANE_TEXT, 0.0, l.v, plan.lane_text + 20.0, l.ext) }
            } else {
                let lines = text::wrap(&lane_names[i], l.ext - 16.0, LANE_TEXT);
                let band = plan.lhb - header_room;
                LaneBox { actor: *key, y: 0.0, height, x: l.v, width: l.ext, header: block(lines, LANE_TEXT, l.v, 0.0, l.ext, band) }
            }
        })
        .collect();
    let col_keys: Vec<Option<PhaseId>> = {
        let mut k: Vec<Option<PhaseId>> = doc.phases.iter().map(|p| Some(p.id)).collect();
        k.truncate(plan.cols.len());
        k.resize(plan.cols.len(), None);
        k
    };
    let columns: Vec<ColumnBox> = plan
        .cols
        .iter()
        .enumerate()
        .map(|(i, &(u, ext))| {
            if horizontal {
                let lines = text::wrap(&phase_names[i], ext - 20.0, PHASE_TEXT);
                ColumnBox { phase: col_keys[i], x: u, width: ext, y: 0.0, height, header: block(lines, PHASE_TEXT, u, 0.0, ext, plan.phb) }
            } else {
                let lines = text::wrap(&phase_names[i], plan.phb - 20.0, PHASE_TEXT);
                ColumnBox { phase: col_keys[i], x: 0.0, width, y: u, height: ext, header: block(lines, PHASE_TEXT, 0.0, u, plan.phb, ext) }
            }
        })
        .collect();

    let mut grid = Grid::new(width, height);
    // reading order: phase by phase, along the flow, lanes from the first
    let mut order: Vec<usize> = (0..plan.nodes.len()).collect();
    order.sort_by(|&a, &b| {
        let (na, nb) = (&plan.nodes[a], &plan.nodes[b]);
        let along = |n: &super::place::Node| n.u + n.main / 2.0;
        na.col.cmp(&nb.col).then(along(na).total_cmp(&along(nb))).then(na.lane.cmp(&nb.lane)).then(na.v.total_cmp(&nb.v)).then(na.step.id.cmp(&nb.step.id))
    });
    let mut numbers = vec![0u32; plan.nodes.len()];
    for (k, &i) in order.iter().enumerate() {
        numbers[i] = k as u32 + 1;
    }
    let steps: Vec<StepBox> = plan
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let f = plan.real(n.u, n.v);
            let g = &n.geom;
            grid.insert([f.x, f.y, g.fw, g.fh]);
            let label = TextBlock {
                x: f.x + g.tx,
                y: f.y + g.ty,
                w: g.tw,
                h: g.th,
                size: super::shape::STEP_TEXT.size,
                bold: false,
                lines: g.lines.clone(),
            };
            let (sx, sy) = (f.x + g.sx, f.y + g.sy);
            let r = super::number_radius(numbers[i]);
            let (nx, ny) = super::number_centre(n.step.kind, sx, sy, g.sw, g.sh, r);
            grid.insert([nx - r, ny - r, 2.0 * r, 2.0 * r]);
            let number_at = Point { x: nx, y: ny };
            let participants = participant_marks(doc, sx, sy, g.sw, &n.step.participants);
            StepBox { id: n.step.id, x: sx, y: sy, w: g.sw, h: g.sh, pinned: n.layer.is_none(), kind: n.step.kind, lane: n.lane, column: n.col, label, number: numbers[i], number_at, number_r: r, participants }
        })
        .collect();
    let area = if horizontal { [plan.lhb, plan.phb, width, height] } else { [plan.phb, plan.lhb, width, height] };
    let transitions = var.transitions_sorted();
    let needs: Vec<&DataNeed> = var.needs().collect();
    let mut edges = Vec::with_capacity(transitions.len());
    let mut need_paths: Vec<Vec<Vec<Point>>> = vec![Vec::new(); needs.len()];
    let mut need_relays: Vec<Vec<usize>> = vec![Vec::new(); needs.len()];
    // labels keep off every line but their own: transitions are routes 0.., needs follow
    let route_of = |o: Owner| match o {
        Owner::Edge(i) => i,
        Owner::Need(i) => transitions.len() + i,
    };
    let real: Vec<Vec<Point>> = links.iter().map(|l| l.points.iter().map(|&(u, v)| plan.real(u, v)).collect()).collect();
    for (l, pts) in links.iter().zip(&real) {
        grid.insert_line(pts, route_of(l.owner));
    }
    for (l, pts) in links.into_iter().zip(real) {
        let own = Some(route_of(l.owner));
        match l.owner {
            Owner::Edge(i) => {
                let t = transitions[i];
                let label = l.label.map(|(lines, w, h)| {
                    let (x, y) = place(&mut grid, area, &pts, w, h, false, own);
                    TextBlock { x, y, w, h, size: EDGE_TEXT.size, bold: false, lines }
                });
                edges.push(EdgeRoute { id: t.id, from: t.from, to: t.to, kind: t.kind, signal: t.signal, points: pts, label });
            }
            Owner::Need(i) => {
                if matches!(l.how, How::Lane { relay: true, .. }) {
                    need_relays[i].push(need_paths[i].len());
                }
                need_paths[i].push(pts)
            }
        }
    }
    let mut need_routes = Vec::new();
    let need_numbers = var.need_numbers();
    if opts.needs {
        let mut header_k = 0;
        for (i, need) in needs.iter().enumerate() {
            let mut paths = std::mem::take(&mut need_paths[i]);
            let mut between_headers = false;
            if let Some((p, c)) = header_lanes(plan, need) {
                let u = plan.lhb - 6.0 - (header_k % 12) as f64 * 6.0;
                header_k += 1;
                let (lp, lc) = (&plan.lanes[p], &plan.lanes[c]);
                paths.push(vec![plan.real(u, lp.v + lp.ext / 2.0), plan.real(u, lc.v + lc.ext / 2.0)]);
                between_headers = true;
            }
            // the need's number and short title, as every report table shows them
            let text_of = format!("{} {}", Variant::need_label(&need_numbers, need.id), short_title(&need.title));
            let lines = text::wrap(&text_of, BADGE_WIDTH, BADGE_TEXT);
            let (w, h) = (text::widest(&lines, BADGE_TEXT).ceil() + 2.0 * BADGE_PAD, lines.len() as f64 * BADGE_TEXT.line_height() + 2.0 * BADGE_PAD);
            let anchor: Vec<Point> = match paths.first() {
                Some(p) => p.clone(),
                None => match need.steps.iter().find_map(|s| steps.iter().find(|b| b.id == *s)) {
                    Some(b) => vec![Point { x: b.x + b.w, y: b.y }, Point { x: b.x + b.w, y: b.y + b.h }, Point { x: b.x, y: b.y + b.h }],
                    None => Vec::new(),
                },
            };
            let badge = (!lines.is_empty() && !anchor.is_empty()).then(|| {
                let (x, y) = place(&mut grid, area, &anchor, w, h, true, Some(transitions.len() + i));
                TextBlock { x, y, w, h, size: BADGE_TEXT.size, bold: false, lines }
            });
            let number = Variant::need_label(&need_numbers, need.id);
            let (tw, th) = (text::width(&number, BADGE_TEXT).ceil() + 2.0 * BADGE_PAD, BADGE_TEXT.line_height() + 2.0 * BADGE_PAD);
            let tags = paths
                .iter()
                .skip(1)
                .filter(|p| p.len() >= 2)
                .map(|p| {
                    let (x, y) = place(&mut grid, area, p, tw, th, true, Some(transitions.len() + i));
                    TextBlock { x, y, w: tw, h: th, size: BADGE_TEXT.size, bold: false, lines: vec![number.clone()] }
                })
                .collect();
            need_routes.push(NeedRoute { id: need.id, form: need.form, paths, relays: std::mem::take(&mut need_relays[i]), between_headers, badge, tags });
        }
    }
    Layout {
        variant: var.id,
        orientation: o,
        width,
        height,
        lane_header_width: plan.lhb,
        column_header_height: plan.phb,
        lanes,
        columns,
        steps,
        edges,
        needs: need_routes,
    }
}

use super::route;

/// A need's title cut after about 44 characters at a word, for its badge.
fn short_title(title: &str) -> String {
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    if title.chars().count() <= 48 {
        return title;
    }
    let mut out = String::new();
    for w in title.split(' ') {
        if out.chars().count() + w.chars().count() > 44 {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    if out.is_empty() {
        out = title.chars().take(44).collect();
    }
    out.trim_end_matches([',', ';', ':', '.', '–', '-', ' ']).to_string() + "…"
}

/// Places a w × h box next to a polyline: the first candidate that stays inside `area` and
/// overlaps nothing in the grid; the box is then added to the grid.
fn place(grid: &mut Grid, area: [f64; 4], pts: &[Point], w: f64, h: f64, middle_first: bool, own: Option<usize>) -> (f64, f64) {
    let mut segs: Vec<(Point, Point)> = pts.windows(2).map(|s| (s[0], s[1])).collect();
    if middle_first {
        let mid = segs.len() / 2;
        segs.sort_by_key(|s| {
            let i = pts.windows(2).position(|p| p[0] == s.0 && p[1] == s.1).unwrap_or(0);
            (i as i64 - mid as i64).abs()
        });
    }
    let mut first = None;
    for (a, b) in segs {
        for (x, y) in candidates(a, b, w, h) {
            let r = [x, y, w, h];
            first.get_or_insert((x, y));
            let inside = x >= area[0] + 2.0 && y >= area[1] + 2.0 && x + w <= area[2] - 2.0 && y + h <= area[3] - 2.0;
            if inside && !grid.hits([x - 1.0, y - 1.0, w + 2.0, h + 2.0], own) {
                grid.insert(r);
                return (x, y);
            }
        }
    }
    // nothing free along the route: search outwards from the first candidate
    let (x0, y0) = first.unwrap_or((area[0], area[1]));
    for ring in 1..=40 {
        let d = ring as f64 * 12.0;
        let steps = ring * 4;
        for k in 0..steps {
            let a = std::f64::consts::TAU * k as f64 / steps as f64;
            let (x, y) = ((x0 + d * a.cos()).round(), (y0 + d * a.sin()).round());
            let inside = x >= area[0] + 2.0 && y >= area[1] + 2.0 && x + w <= area[2] - 2.0 && y + h <= area[3] - 2.0;
            if inside && !grid.hits([x - 1.0, y - 1.0, w + 2.0, h + 2.0], own) {
                grid.insert([x, y, w, h]);
                return (x, y);
            }
        }
    }
    grid.insert([x0, y0, w, h]);
    (x0, y0)
}

fn candidates(a: Point, b: Point, w: f64, h: f64) -> Vec<(f64, f64)> {
    let mut out = Vec::new();
    if (a.y - b.y).abs() < 1e-9 {
        let xs = if b.x >= a.x { [a.x + 5.0, (a.x + b.x - w) / 2.0, b.x - w - 5.0] } else { [a.x - w - 5.0, (a.x + b.x - w) / 2.0, b.x + 5.0] };
        for x in xs {
            out.push((x, a.y - h - 2.0));
            out.push((x, a.y + 2.0));
        }
    } else {
        let ys = if b.y >= a.y { [a.y + 5.0, (a.y + b.y - h) / 2.0, b.y - h - 5.0] } else { [a.y - h - 5.0, (a.y + b.y - h) / 2.0, b.y + 5.0] };
        for y in ys {
            out.push((a.x + 4.0, y));
            out.push((a.x - w - 4.0, y));
        }
    }
    out
}
