//! The diagram cut along the flow into parts: one per phase, and a phase longer than the given
//! length in several, each part with the lane names repeated on its left (or top), so a long
//! pathway prints at a legible size one part per page. Cuts inside a phase fall between steps
//! where they can ([`super::tiles`]). The title block and legend are not in the parts;
//! [`legend`] draws the legend on its own.

use super::style::{num, put};
use super::{legend as legend_mod, svg};
use crate::layout::text::FONT_FAMILY;
use crate::layout::{Layout, Orientation};
use crate::model::*;

/// One part of the diagram as a standalone SVG, and its size in diagram units.
#[derive(Clone, Debug, PartialEq)]
pub struct Slice {
    pub svg: String,
    pub width: f64,
    pub height: f64,
    /// The phase the part shows (empty for steps without a phase), and which of its parts
    /// this is (from 1) of how many.
    pub phase: String,
    pub part: usize,
    pub parts: usize,
    /// Where the part starts along the flow and how long it is (diagram units).
    pub start: f64,
    pub len: f64,
    /// The part as a PNG picture, when asked for ([`with_pngs`]); empty otherwise.
    pub png: Vec<u8>,
}

/// The diagram in parts of at most `max_along` units along the flow (lane band included).
pub fn slices(doc: &Document, variant: &Variant, l: &Layout, max_along: f64) -> Vec<Slice> {
    let horizontal = l.orientation == Orientation::Horizontal;
    let band = l.lane_header_width;
    let along = if horizontal { l.width } else { l.height };
    let tile = (max_along - band).max(120.0);
    let mut body = String::new();
    svg::body(&mut body, doc, variant, l);
    let mut pieces = Vec::new();
    for (c, col) in l.columns.iter().enumerate() {
        let (from, to) = if horizontal { (col.x, col.x + col.width) } else { (col.y, col.y + col.height) };
        let to = if c + 1 == l.columns.len() { along } else { to };
        // parts of about even length: a phase up to a tenth longer than a part stays whole
        // (drawn a little smaller), a longer one gets even parts, not a page and a sliver
        let k = ((to - from) / (tile * 1.1)).ceil().max(1.0);
        let even = ((to - from) / k * 1.1).min(tile * 1.1);
        let cuts = super::tiles::cuts(l, from, to, even);
        let name = col.phase.and_then(|p| doc.phase(p)).map(|p| p.name.clone()).unwrap_or_default();
        let n = cuts.len();
        pieces.extend(cuts.into_iter().enumerate().map(|(k, cut)| (cut, name.clone(), k + 1, n)));
    }
    pieces
        .into_iter()
        .map(|((start, len), phase, number, count)| Slice { phase, part: number, parts: count, ..part_svg(&body, l, start, len) })
        .collect()
}

/// Writes the clip paths and the drawing `body` as the reusable group `#d`, and returns the
/// markup that draws from it the lane band and, beside it, the stretch `start..start + len`
/// along the flow. Shared by the parts here and the tiles of a paged PDF.
pub(super) fn band_and_stretch(out: &mut String, body: &str, l: &Layout, start: f64, len: f64) -> String {
    let horizontal = l.orientation == Orientation::Horizontal;
    let band = l.lane_header_width;
    let across = if horizontal { l.height } else { l.width };
    let (clip, lanes, shift) = if horizontal {
        ([band, 0.0, len, across], [0.0, 0.0, band, across], format!("translate({} 0)", num(band - start)))
    } else {
        ([0.0, band, across, len], [0.0, 0.0, across, band], format!("translate(0 {})", num(band - start)))
    };
    for (id, r) in [("part", clip), ("lanes", lanes)] {
        put(out, format_args!("<clipPath id=\"{id}\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/></clipPath>\n", num(r[0]), num(r[1]), num(r[2]), num(r[3])));
    }
    put(out, format_args!("<defs><g id=\"d\">\n{body}</g></defs>\n"));
    format!("<g clip-path=\"url(#part)\"><use xlink:href=\"#d\" transform=\"{shift}\"/></g>\n<g clip-path=\"url(#lanes)\"><use xlink:href=\"#d\"/></g>\n")
}

/// One part: the stretch `start..start + len` along the flow, the lane band beside it.
fn part_svg(body: &str, l: &Layout, start: f64, len: f64) -> Slice {
    let horizontal = l.orientation == Orientation::Horizontal;
    let band = l.lane_header_width;
    let across = if horizontal { l.height } else { l.width };
    let (w, h) = if horizontal { (band + len, across) } else { (across, band + len) };
    let mut out = String::with_capacity(body.len() * 2 + 1024);
    put(&mut out, format_args!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"{FONT_FAMILY}\">\n",
        w = num(w),
        h = num(h)
    ));
    svg::defs(&mut out);
    let draw = band_and_stretch(&mut out, body, l, start, len);
    put(&mut out, format_args!("<rect width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>\n", num(w), num(h)));
    out.push_str(&draw);
    out.push_str("</svg>\n");
    Slice { svg: out, width: w, height: h, phase: String::new(), part: 1, parts: 1, start, len, png: Vec::new() }
}

/// The phases from the first to the last of `phases` (a range of columns, with the lane names
/// on the left), as one standalone SVG, for a figure of part of a pathway.
pub fn phases(doc: &Document, variant: &Variant, l: &Layout, phases: &[PhaseId]) -> crate::Result<Slice> {
    use crate::error::{CoreError, ErrorCode};
    let cols: Vec<usize> = phases.iter().filter_map(|p| l.columns.iter().position(|c| c.phase == Some(*p))).collect();
    let (Some(&first), Some(&last)) = (cols.iter().min(), cols.iter().max()) else {
        return Err(CoreError::new(ErrorCode::UnknownId, format!("variant '{}' has none of the phases asked for", variant.name)));
    };
    let horizontal = l.orientation == Orientation::Horizontal;
    let (a, b) = (&l.columns[first], &l.columns[last]);
    let (start, end) = if horizontal { (a.x, b.x + b.width) } else { (a.y, b.y + b.height) };
    let mut body = String::new();
    svg::body(&mut body, doc, variant, l);
    let name = (first..=last).filter_map(|c| l.columns[c].phase.and_then(|p| doc.phase(p))).map(|p| p.name.clone()).collect::<Vec<_>>().join(" – ");
    let mut part = part_svg(&body, l, start, end - start);
    part.phase = name;
    Ok(part)
}

/// The legend of a diagram as a standalone SVG `width` units wide.
pub fn legend(l: &Layout, lang: Lang, width: f64) -> Slice {
    let mut body = String::new();
    let h = legend_mod::legend(&mut body, l, lang, 0.0, 0.0, width).ceil();
    let mut out = String::new();
    put(&mut out, format_args!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"{FONT_FAMILY}\">\n",
        w = num(width),
        h = num(h)
    ));
    svg::defs(&mut out);
    out.push_str(&body);
    out.push_str("</svg>\n");
    Slice { svg: out, width, height: h, phase: String::new(), part: 1, parts: 1, start: 0.0, len: width, png: Vec::new() }
}

/// Fills in the parts' PNG pictures at `scale` pixels per unit: the drawing is rendered once
/// and each part cut from it with the lane band beside it, then encoded with fast
/// compression, so a report with many parts stays quick.
pub fn with_pngs(doc: &Document, variant: &Variant, l: &Layout, parts: &mut [Slice], scale: f64) -> crate::Result<()> {
    use crate::error::{CoreError, ErrorCode};
    use resvg::tiny_skia::{IntRect, Pixmap, PixmapPaint, Transform};
    let failed = |what: &str| CoreError::new(ErrorCode::InvalidValue, format!("the diagram's picture could not be made: {what}"));
    let horizontal = l.orientation == Orientation::Horizontal;
    let mut whole = String::with_capacity(l.steps.len() * 800 + 4096);
    put(&mut whole, format_args!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"{FONT_FAMILY}\">\n",
        w = num(l.width),
        h = num(l.height)
    ));
    svg::defs(&mut whole);
    put(&mut whole, format_args!("<rect width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>\n", num(l.width), num(l.height)));
    svg::body(&mut whole, doc, variant, l);
    whole.push_str("</svg>\n");
    let tree = super::raster::tree(&whole)?;
    let px = |v: f64| (v * scale).round().max(1.0) as u32;
    let mut full = Pixmap::new(px(l.width), px(l.height)).ok_or_else(|| failed("too large"))?;
    full.fill(resvg::tiny_skia::Color::WHITE);
    resvg::render(&tree, Transform::from_scale(scale as f32, scale as f32), &mut full.as_mut());
    let band = px(l.lane_header_width);
    let across = if horizontal { full.height() } else { full.width() };
    for p in parts.iter_mut() {
        let total = if horizontal { full.width() } else { full.height() };
        let from = px(p.start).min(total - 1);
        let len = px(p.len).min(total - from);
        let rect = |a: u32, n: u32| if horizontal { IntRect::from_xywh(a as i32, 0, n, across) } else { IntRect::from_xywh(0, a as i32, across, n) };
        let lanes = rect(0, band).and_then(|r| full.clone_rect(r)).ok_or_else(|| failed("the lane band"))?;
        let piece = rect(from, len).and_then(|r| full.clone_rect(r)).ok_or_else(|| failed("a part"))?;
        let (w, h) = if horizontal { (band + piece.width(), across) } else { (across, band + piece.height()) };
        let mut out = Pixmap::new(w, h).ok_or_else(|| failed("too large"))?;
        out.draw_pixmap(0, 0, lanes.as_ref(), &PixmapPaint::default(), Transform::identity(), None);
        let (x, y) = if horizontal { (band as i32, 0) } else { (0, band as i32) };
        out.draw_pixmap(x, y, piece.as_ref(), &PixmapPaint::default(), Transform::identity(), None);
        p.png = super::raster::encode(&out)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::layout;

    #[test]
    fn parts_cover_the_flow_and_repeat_the_lane_names() {
        let doc = crate::template::load("copd").unwrap();
        let v = &doc.variants[1];
        let l = layout(&doc, v.id).unwrap();
        let parts = slices(&doc, v, &l, 900.0);
        assert!(parts.len() >= doc.phases.len(), "{}", parts.len());
        // every phase has its parts, in order
        let phases: Vec<&str> = parts.iter().filter(|p| p.part == 1).map(|p| p.phase.as_str()).collect();
        assert_eq!(phases, doc.phases.iter().map(|p| p.name.as_str()).collect::<Vec<_>>());
        let flow: f64 = parts.iter().map(|p| p.width - l.lane_header_width).sum();
        assert!((flow - (l.width - l.lane_header_width)).abs() < 1e-6);
        for p in &parts {
            assert!(p.width <= 900.0 * 1.1 + 1e-9 && (p.height - l.height).abs() < 1e-9);
            for lane in doc.actors.iter().take(2) {
                let first_word = lane.name.split_whitespace().next().unwrap();
                assert!(p.svg.contains(first_word), "{first_word}");
            }
            crate::export::diagram::raster::tree(&p.svg).unwrap();
        }
        let leg = legend(&l, Lang::Nb, 700.0);
        assert!(leg.height > 10.0 && leg.svg.contains("Tegnforklaring"));
    }
}
