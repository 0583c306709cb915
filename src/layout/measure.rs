//! Quality measures of a finished [`Layout`]: size and aspect ratio, crossings between lines,
//! bends, total line length and every overlap (shape on shape, label on shape, label on label,
//! label on a line, line through a shape). The CLI prints them (`carepath info --layout`), the
//! tests hold the overlaps at zero and `scripts/elk/` compares them with elkjs.

use super::{Layout, Point};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How good a layout is; smaller is better for everything but the counts of elements.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Measures {
    pub steps: usize,
    /// Transitions and need connectors (one per path).
    pub lines: usize,
    pub width: f64,
    pub height: f64,
    /// Width divided by height.
    pub aspect: f64,
    pub area: f64,
    /// Points where two lines cross (lines meeting at a shared end do not count).
    pub crossings: usize,
    /// Turns along all lines.
    pub bends: usize,
    /// Total length of all lines.
    pub length: f64,
    /// Overlaps that make the picture hard to read; a clean layout has none.
    pub overlaps: Overlaps,
}

/// Overlap counts by what lies on what.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Overlaps {
    /// Two step footprints (shape and outside label) overlap.
    pub shapes: usize,
    /// A transition label or need badge lies on a step footprint.
    pub label_on_shape: usize,
    /// Two labels or badges overlap.
    pub labels: usize,
    /// A label or badge lies on a line that is not its own.
    pub label_on_line: usize,
    /// A line runs through a step that is not one of its ends.
    pub line_through_shape: usize,
}

impl Overlaps {
    pub fn total(&self) -> usize {
        self.shapes
            + self.label_on_shape
            + self.labels
            + self.label_on_line
            + self.line_through_shape
    }
}

type Rect = [f64; 4];

fn overlap(a: Rect, b: Rect) -> bool {
    a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3]
}

/// Whether an axis-parallel or other segment passes through the inside of a rectangle
/// (touching its border does not count).
fn through(p: Point, q: Point, r: Rect) -> bool {
    let e = 0.5;
    let (x0, y0, x1, y1) = (r[0] + e, r[1] + e, r[0] + r[2] - e, r[1] + r[3] - e);
    if x1 <= x0 || y1 <= y0 {
        return false;
    }
    // Liang–Barsky clipping of the segment against the shrunk rectangle
    let (dx, dy) = (q.x - p.x, q.y - p.y);
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for (pp, qq) in [
        (-dx, p.x - x0),
        (dx, x1 - p.x),
        (-dy, p.y - y0),
        (dy, y1 - p.y),
    ] {
        if pp == 0.0 {
            if qq < 0.0 {
                return false;
            }
        } else {
            let t = qq / pp;
            if pp < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    t0 < t1
}

/// Whether two segments cross at a point inside both (not at an end of either).
fn cross(a: Point, b: Point, c: Point, d: Point) -> bool {
    let o = |p: Point, q: Point, r: Point| (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x);
    let (d1, d2, d3, d4) = (o(c, d, a), o(c, d, b), o(a, b, c), o(a, b, d));
    d1 * d2 < 0.0 && d3 * d4 < 0.0
}

struct Line<'a> {
    points: &'a [Point],
    /// Index of the owning route: transitions first, then needs.
    owner: usize,
    ends: [Option<usize>; 2],
}

/// Measures a layout.
pub fn measure(l: &Layout) -> Measures {
    let step_at = |id| l.steps.iter().position(|s| s.id == id);
    let mut lines: Vec<Line> = l
        .edges
        .iter()
        .enumerate()
        .map(|(i, e)| Line {
            points: &e.points,
            owner: i,
            ends: [step_at(e.from), step_at(e.to)],
        })
        .collect();
    for (i, n) in l.needs.iter().enumerate() {
        for p in &n.paths {
            let ends = [p.first(), p.last()].map(|pt| {
                pt.and_then(|pt| {
                    l.steps
                        .iter()
                        .position(|s| near_rect(*pt, [s.x, s.y, s.w, s.h]))
                })
            });
            lines.push(Line {
                points: p,
                owner: l.edges.len() + i,
                ends,
            });
        }
    }
    let footprints: Vec<Rect> = l
        .steps
        .iter()
        .map(|s| {
            let (x0, y0) = (s.x.min(s.label.x), s.y.min(s.label.y));
            let (x1, y1) = (
                (s.x + s.w).max(s.label.x + s.label.w),
                (s.y + s.h).max(s.label.y + s.label.h),
            );
            [x0, y0, x1 - x0, y1 - y0]
        })
        .collect();
    let shapes: Vec<Rect> = l.steps.iter().map(|s| [s.x, s.y, s.w, s.h]).collect();
    let mut labels: Vec<(Rect, usize)> = Vec::new();
    for (i, e) in l.edges.iter().enumerate() {
        if let Some(t) = &e.label {
            labels.push(([t.x, t.y, t.w, t.h], i));
        }
    }
    for (i, n) in l.needs.iter().enumerate() {
        for t in n.badge.iter().chain(&n.tags) {
            labels.push(([t.x, t.y, t.w, t.h], l.edges.len() + i));
        }
    }

    let mut o = Overlaps::default();
    for i in 0..footprints.len() {
        for j in i + 1..footprints.len() {
            o.shapes += overlap(footprints[i], footprints[j]) as usize;
        }
    }
    for (k, (a, _)) in labels.iter().enumerate() {
        o.label_on_shape += footprints.iter().filter(|f| overlap(*a, **f)).count();
        o.labels += labels[k + 1..]
            .iter()
            .filter(|(b, _)| overlap(*a, *b))
            .count();
    }
    let segs: Vec<(Point, Point, usize)> = lines
        .iter()
        .enumerate()
        .flat_map(|(li, line)| line.points.windows(2).map(move |w| (w[0], w[1], li)))
        .collect();
    for (r, owner) in &labels {
        o.label_on_line += lines
            .iter()
            .filter(|line| {
                line.owner != *owner && line.points.windows(2).any(|w| through(w[0], w[1], *r))
            })
            .count();
    }
    for line in &lines {
        for (si, s) in shapes.iter().enumerate() {
            if line.ends.contains(&Some(si)) {
                continue;
            }
            o.line_through_shape +=
                line.points.windows(2).any(|w| through(w[0], w[1], *s)) as usize;
        }
    }
    let mut crossings = 0;
    for (i, a) in segs.iter().enumerate() {
        for b in &segs[i + 1..] {
            if lines[a.2].owner != lines[b.2].owner && cross(a.0, a.1, b.0, b.1) {
                crossings += 1;
            }
        }
    }
    let bends = lines.iter().map(|l| l.points.len().saturating_sub(2)).sum();
    let length = segs
        .iter()
        .map(|(p, q, _)| ((q.x - p.x).powi(2) + (q.y - p.y).powi(2)).sqrt())
        .sum::<f64>();
    Measures {
        steps: l.steps.len(),
        lines: lines.len(),
        width: l.width,
        height: l.height,
        aspect: if l.height > 0.0 {
            l.width / l.height
        } else {
            0.0
        },
        area: l.width * l.height,
        crossings,
        bends,
        length: length.round(),
        overlaps: o,
    }
}

fn near_rect(p: Point, r: Rect) -> bool {
    let e = 1.5;
    p.x >= r[0] - e && p.x <= r[0] + r[2] + e && p.y >= r[1] - e && p.y <= r[1] + r[3] + e
}

impl Measures {
    /// One line per measure, for the CLI.
    pub fn to_text(&self) -> String {
        let o = &self.overlaps;
        format!(
            "steps: {}\nlines: {}\nwidth: {:.0}\nheight: {:.0}\naspect ratio: {:.2} : 1\narea: {:.0}\ncrossings: {}\nbends: {}\nline length: {:.0}\noverlaps: {} (shapes {}, label on shape {}, labels {}, label on line {}, line through shape {})\n",
            self.steps,
            self.lines,
            self.width,
            self.height,
            self.aspect,
            self.area,
            self.crossings,
            self.bends,
            self.length,
            o.total(),
            o.shapes,
            o.label_on_shape,
            o.labels,
            o.label_on_line,
            o.line_through_shape
        )
    }
}
