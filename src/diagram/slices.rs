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

/// The diagram in parts of at most `max_along` units along the flow (lane band included),
/// each with only the lanes it uses and markers where the flow enters and leaves it.
pub fn slices(doc: &Document, variant: &Variant, l: &Layout, max_along: f64, lang: Lang) -> Vec<Slice> {
    let horizontal = l.orientation == Orientation::Horizontal;
    let band = l.lane_header_width;
    let mut out = Vec::new();
    for (col, stretch) in l.columns.iter().zip(super::compose::column_stretches(l)) {
        let (from, to) = (stretch.start, stretch.end);
        let name = col.phase.and_then(|p| doc.phase(p)).map(|p| p.name.clone()).unwrap_or_default();
        // the room for markers and labels at the cuts is known once a part is drawn: where a
        // part comes out too long, the phase is cut again with that much less
        let mut tile = (max_along - band).max(120.0);
        let parts = loop {
            // parts of about even length: a phase up to a tenth longer than a part stays whole
            // (drawn a little smaller), a longer one gets even parts, not a page and a sliver
            let k = ((to - from) / (tile * 1.1)).ceil().max(1.0);
            let even = ((to - from) / k * 1.1).min(tile * 1.1);
            let parts: Vec<Slice> = super::tiles::cuts(l, from, to, even)
                .into_iter()
                .map(|(start, len)| super::compose::compose(doc, variant, l, &[super::compose::Stretch { start, end: start + len }], lang))
                .collect();
            let along_of = |p: &Slice| if horizontal { p.width } else { p.height };
            let over = parts.iter().map(|p| along_of(p) - max_along * 1.1).fold(0.0, f64::max);
            if over <= 1e-6 || tile <= 120.0 {
                break parts;
            }
            tile = (tile - over - 1.0).max(120.0);
        };
        let n = parts.len();
        out.extend(parts.into_iter().enumerate().map(|(k, p)| Slice { phase: name.clone(), part: k + 1, parts: n, ..p }));
    }
    out
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

/// Fills in the parts' PNG pictures at `scale` pixels per unit, on every core: each part is
/// its own small drawing.
pub fn with_pngs(parts: &mut [Slice], scale: f64) -> crate::Result<()> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    let per = parts.len().div_ceil(cores).max(1);
    std::thread::scope(|s| {
        let work: Vec<_> = parts
            .chunks_mut(per)
            .map(|chunk| {
                s.spawn(move || {
                    for p in chunk.iter_mut() {
                        p.png = super::raster::png(&p.svg, scale)?;
                    }
                    Ok::<(), crate::error::CoreError>(())
                })
            })
            .collect();
        work.into_iter().try_for_each(|h| h.join().expect("a picture thread"))
    })
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
        let parts = slices(&doc, v, &l, 900.0, Lang::Nb);
        assert!(parts.len() >= doc.phases.len(), "{}", parts.len());
        // every phase has its parts, in order
        let phases: Vec<&str> = parts.iter().filter(|p| p.part == 1).map(|p| p.phase.as_str()).collect();
        assert_eq!(phases, doc.phases.iter().map(|p| p.name.as_str()).collect::<Vec<_>>());
        let flow: f64 = parts.iter().map(|p| p.len).sum();
        assert!((flow - (l.width - l.lane_header_width)).abs() < 1e-6);
        for p in &parts {
            // the part, the lane band and the room for markers where the flow enters and leaves
            assert!(p.width <= 900.0 * 1.1 + 1e-9, "{} {}", p.len, p.width);
            assert!(p.height <= l.height + 1e-9);
            crate::diagram::raster::tree(&p.svg).unwrap();
        }
        let leg = legend(&l, Lang::Nb, 700.0);
        assert!(leg.height > 10.0 && leg.svg.contains("Tegnforklaring"));
    }
}
