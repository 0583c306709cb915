//! The size of each step: its shape by kind, its label wrapped with real font metrics, and the
//! footprint (shape plus a label drawn outside it) that the layout keeps free of other steps.
//! Labels go inside rectangles and diamonds, which grow to hold them; circles (start, end,
//! event) carry their label beside them, below in horizontal layouts and to the right in
//! vertical ones, so the flow's way in and out of a circle never crosses its own label.
//! Also the point where a transition meets a shape's boundary.

use super::text::{self, Style};
use super::Orientation;
use crate::model::StepKind;

/// Step labels.
pub const STEP_TEXT: Style = Style::new(12.0, false);
/// Space between a label and the border of the shape that holds it.
const INSET: f64 = 10.0;
/// Gap between a circle and its label.
const CIRCLE_LABEL_GAP: f64 = 6.0;
/// Width that labels beside circles wrap to.
const CIRCLE_LABEL_WIDTH: f64 = 150.0;
/// How wide a label may grow to keep its longest word whole (Norwegian compounds such as
/// "egenbehandlingsplanen;"); only longer words are broken.
const WORD_ROOM: f64 = 300.0;

/// The smallest shape of each kind (the label may make it larger).
pub fn step_size(kind: StepKind) -> (f64, f64) {
    match kind {
        StepKind::Start | StepKind::End => (40.0, 40.0),
        StepKind::Event => (44.0, 44.0),
        StepKind::Decision => (136.0, 84.0),
        StepKind::Activity | StepKind::SubPathway => (124.0, 60.0),
    }
}

/// Whether a kind is drawn as a circle with its label outside.
pub fn is_circle(kind: StepKind) -> bool {
    matches!(kind, StepKind::Start | StepKind::End | StepKind::Event)
}

/// The measured geometry of one step, relative to the top left of its footprint.
#[derive(Clone, Debug)]
pub(super) struct StepGeom {
    /// Footprint size.
    pub fw: f64,
    pub fh: f64,
    /// Shape rectangle inside the footprint.
    pub sx: f64,
    pub sy: f64,
    pub sw: f64,
    pub sh: f64,
    /// Label rectangle inside the footprint, and its lines.
    pub tx: f64,
    pub ty: f64,
    pub tw: f64,
    pub th: f64,
    pub lines: Vec<String>,
}

/// Measures a step of the given kind and label.
pub(super) fn measure(kind: StepKind, label: &str, orientation: Orientation) -> StepGeom {
    let lh = STEP_TEXT.line_height();
    let (min_w, min_h) = step_size(kind);
    // the widest word, up to the room a label may take to keep it whole
    let word = label.split_whitespace().map(|w| text::width(w, STEP_TEXT).ceil()).fold(0.0, f64::max).min(WORD_ROOM);
    if is_circle(kind) {
        let lines = text::wrap(label, CIRCLE_LABEL_WIDTH.max(word), STEP_TEXT);
        let tw = text::widest(&lines, STEP_TEXT).ceil();
        let th = lines.len() as f64 * lh;
        let d = min_w;
        return match orientation {
            Orientation::Horizontal => {
                let fw = d.max(tw);
                let gap = if lines.is_empty() { 0.0 } else { CIRCLE_LABEL_GAP };
                StepGeom { fw, fh: d + gap + th, sx: (fw - d) / 2.0, sy: 0.0, sw: d, sh: d, tx: (fw - tw) / 2.0, ty: d + gap, tw, th, lines }
            }
            Orientation::Vertical => {
                let fh = d.max(th);
                let gap = if lines.is_empty() { 0.0 } else { CIRCLE_LABEL_GAP };
                StepGeom { fw: d + gap + tw, fh, sx: 0.0, sy: (fh - d) / 2.0, sw: d, sh: d, tx: d + gap, ty: (fh - th) / 2.0, tw, th, lines }
            }
        };
    }
    // long labels get a wider shape before it grows taller
    let wide = text::width(label, STEP_TEXT) > 6.0 * (min_w - 2.0 * INSET);
    let (w, lines, h) = match kind {
        StepKind::Decision => {
            // a w × h rhombus holds a centred a × b rectangle when a/w + b/h <= 1
            let w = if wide { 260.0 } else { min_w }.max((word / 0.6).ceil());
            let lines = text::wrap(label, 0.6 * w, STEP_TEXT);
            let th = lines.len() as f64 * lh;
            (w, lines, (th / 0.38).ceil().max(min_h))
        }
        _ => {
            let w = if wide { 240.0 } else { min_w }.max(word + 2.0 * INSET);
            let lines = text::wrap(label, w - 2.0 * INSET, STEP_TEXT);
            let marker = if kind == StepKind::SubPathway { 14.0 } else { 0.0 };
            let th = lines.len() as f64 * lh;
            (w, lines, (th + 2.0 * INSET + marker).ceil().max(min_h))
        }
    };
    let tw = text::widest(&lines, STEP_TEXT).ceil();
    let th = lines.len() as f64 * lh;
    let shift = if kind == StepKind::SubPathway { 7.0 } else { 0.0 };
    StepGeom { fw: w, fh: h, sx: 0.0, sy: 0.0, sw: w, sh: h, tx: (w - tw) / 2.0, ty: (h - th) / 2.0 - shift, tw, th, lines }
}

/// How far the boundary of a shape reaches along the main axis from its centre, at a given
/// offset across it (`half_main`, `half_cross`: half the shape's extents on those axes).
pub(super) fn reach(kind: StepKind, half_main: f64, half_cross: f64, offset: f64) -> f64 {
    let d = offset.abs().min(half_cross);
    if is_circle(kind) {
        (half_main * half_main - d * d).max(0.0).sqrt()
    } else if kind == StepKind::Decision {
        half_main * (1.0 - d / half_cross)
    } else {
        half_main
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_grow_to_hold_long_labels() {
        let short = measure(StepKind::Activity, "Måler SpO2", Orientation::Horizontal);
        assert_eq!((short.sw, short.sh), step_size(StepKind::Activity));
        let long = measure(StepKind::Activity, &"Måler blodtrykk og puls ".repeat(21), Orientation::Horizontal);
        assert!(long.sh > 200.0 && long.tw <= long.sw - 2.0 * INSET && long.th <= long.sh);
        let d = measure(StepKind::Decision, &"Er trafikklyset rødt? ".repeat(5), Orientation::Horizontal);
        assert!(d.tw / d.sw + d.th / d.sh <= 1.0 + 1e-9);
    }

    #[test]
    fn long_words_widen_the_shape_instead_of_breaking() {
        let whole = |g: &StepGeom, label: &str| g.lines.iter().flat_map(|l| l.split(' ')).eq(label.split_whitespace());
        for kind in [StepKind::Activity, StepKind::Decision, StepKind::Start] {
            let label = "Oppdaterer egenbehandlingsplanen; oppfølgingen fortsetter";
            let g = measure(kind, label, Orientation::Horizontal);
            assert!(whole(&g, label), "{kind:?}: {:?}", g.lines);
            assert!(g.tw <= g.fw, "{kind:?}");
            let label = "Legemiddelsamstemmingsvurdering?";
            let g = measure(kind, label, Orientation::Horizontal);
            assert!(whole(&g, label), "{kind:?}: {:?}", g.lines);
        }
        // a word longer than any shape may grow is still broken, and the shape stays bounded
        let g = measure(StepKind::Activity, &"x".repeat(200), Orientation::Horizontal);
        assert!(g.lines.len() > 1 && g.sw <= WORD_ROOM + 2.0 * INSET);
    }

    #[test]
    fn circle_labels_sit_outside_the_circle() {
        let h = measure(StepKind::Start, "Pasient med KOLS", Orientation::Horizontal);
        assert!(h.ty >= h.sy + h.sh);
        let v = measure(StepKind::End, "Avsluttet", Orientation::Vertical);
        assert!(v.tx >= v.sx + v.sw);
    }

    #[test]
    fn reach_follows_the_outline() {
        assert_eq!(reach(StepKind::Activity, 80.0, 30.0, 20.0), 80.0);
        assert_eq!(reach(StepKind::Decision, 90.0, 42.0, 0.0), 90.0);
        assert!(reach(StepKind::Decision, 90.0, 42.0, 21.0) < 50.0);
        assert!((reach(StepKind::Start, 20.0, 20.0, 0.0) - 20.0).abs() < 1e-9);
    }
}
