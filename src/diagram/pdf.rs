//! The diagram as a vector PDF through svg2pdf, with the embedded font (subset into the file,
//! so text stays text). One page sized to the diagram, or the diagram tiled along the flow
//! onto A4 or A3 landscape pages with the lane headers repeated on every page, followed by a
//! page with the title block and the legend. Tiles are cut between steps where they can be
//! ([`super::tiles`]), so a step is not split across two pages.

use super::raster::tree;
use super::style::{esc, num, put};
use super::svg;
use super::Page;
use crate::error::{CoreError, ErrorCode, Result};
use crate::layout::text::FONT_FAMILY;
use crate::layout::{Layout, Orientation};
use crate::model::*;
use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref};
use std::collections::HashMap;

/// The largest page side PDF viewers accept, in points.
const MAX_PAGE: f64 = 14_400.0;
const PAGE_MARGIN: f64 = 28.0;
const PAGE_HEAD: f64 = 20.0;

fn failed(e: impl std::fmt::Display) -> CoreError {
    CoreError::new(ErrorCode::InvalidValue, format!("the PDF could not be made: {e}"))
}

/// PDF bytes for the diagram.
pub fn pdf(doc: &Document, variant: &Variant, l: &Layout, lang: Lang, page: Page) -> Result<Vec<u8>> {
    let pages = match page {
        Page::Fit => vec![svg::document_scaled(doc, variant, l, lang, fit_scale(doc, variant, l, lang))],
        Page::A4 => tiles(doc, variant, l, lang, (841.89, 595.28)),
        Page::A3 => tiles(doc, variant, l, lang, (1190.55, 841.89)),
    };
    assemble(&pages)
}

fn fit_scale(doc: &Document, variant: &Variant, l: &Layout, lang: Lang) -> f64 {
    let full = svg::document(doc, variant, l, lang);
    let t = tree(&full).map(|t| t.size().width().max(t.size().height()) as f64).unwrap_or(0.0);
    if t > MAX_PAGE {
        MAX_PAGE / t
    } else {
        1.0
    }
}

/// One SVG per page: the diagram cut along the flow into tiles of about even length (no page
/// holds only a sliver), the lane band repeated. The title block and legend go below the last
/// tile when they fit there (the last tile drawn a little smaller if need be), else on a page
/// of their own.
fn tiles(doc: &Document, variant: &Variant, l: &Layout, lang: Lang, (pw, ph): (f64, f64)) -> Vec<String> {
    let horizontal = l.orientation == Orientation::Horizontal;
    let (aw, ah) = (pw - 2.0 * PAGE_MARGIN, ph - 2.0 * PAGE_MARGIN - PAGE_HEAD);
    let band = l.lane_header_width;
    // along = the flow axis; across = the lanes
    let (along, across, room_along, room_across) = if horizontal { (l.width, l.height, aw, ah) } else { (l.height, l.width, ah, aw) };
    let s = (room_across / across).min(1.0);
    let tile = (room_along / s - band).max(50.0);
    // the title block and legend go after the last tile along the flow: to its right, or
    // below it with vertical lanes
    let foot_w = if horizontal { svg::title_width(doc, variant, lang).max(260.0).min(aw) } else { aw };
    let mut foot = String::new();
    let th = svg::title_block(&mut foot, doc, variant, lang, 0.0, 0.0);
    let mut leg = String::new();
    let lh = super::legend::legend(&mut leg, l, lang, 0.0, th + 16.0, foot_w);
    foot.push_str(&leg);
    let foot_along = if horizontal { foot_w + 24.0 } else { th + 16.0 + lh + 24.0 };
    let foot_fits_across = if horizontal { th + 16.0 + lh <= ah } else { true };
    // tiles of about even length, the foot counted in as if it were drawn after the end of
    // the diagram; with one tile more when the foot would not fit (the same number of pages
    // as a page of its own, but no page with only the legend)
    let total = along - band + foot_along / s;
    let k = (total / tile).ceil().max(1.0);
    let cut = |k: f64| -> Vec<(f64, f64)> {
        let even = (total / k * 1.05).min(tile);
        let mut cuts: Vec<(f64, f64)> = super::tiles::cuts(l, band, along + foot_along / s, even)
            .into_iter()
            .filter(|&(start, _)| start < along - 1e-6)
            .map(|(start, len)| (start, len.min(along - start)))
            .collect();
        if cuts.is_empty() {
            cuts.push((band, along - band));
        }
        cuts
    };
    let fits = |cuts: &[(f64, f64)]| foot_fits_across && (band + cuts.last().map_or(0.0, |c| c.1)) * s + foot_along <= room_along;
    let mut cuts = cut(k);
    for extra in 1..=2 {
        if fits(&cuts) {
            break;
        }
        let more = cut(k + extra as f64);
        if more.len() <= cuts.len() + 1 && fits(&more) {
            cuts = more;
            break;
        }
    }
    let (_, last_len) = *cuts.last().expect("at least one tile");
    // else the last tile drawn a little smaller, down to 70 %, to make room for the foot
    let smaller = (room_along - foot_along) / (band + last_len);
    let last_scale = if fits(&cuts) {
        Some(s)
    } else if foot_fits_across && smaller >= 0.7 * s {
        Some(smaller.min(s))
    } else {
        None
    };
    let n = cuts.len() + usize::from(last_scale.is_none());
    let mut body = String::new();
    svg::body(&mut body, doc, variant, l);
    let head = |out: &mut String, page: usize| {
        put(out, format_args!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"{FONT_FAMILY}\">\n",
            w = num(pw),
            h = num(ph)
        ));
        svg::defs(out);
        put(out, format_args!("<rect width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>\n", num(pw), num(ph)));
        let head = format!("{} – {} · {} {} / {}", doc.metadata.title, variant.name, if lang == Lang::Nb { "side" } else { "page" }, page, n);
        put(out, format_args!("<text x=\"{}\" y=\"{}\" font-size=\"10\" fill=\"#37474f\">{}</text>\n", num(PAGE_MARGIN), num(PAGE_MARGIN + 10.0), esc(&head)));
    };
    let mut pages = Vec::with_capacity(n);
    for (i, &(start, len)) in cuts.iter().enumerate() {
        let last = i + 1 == cuts.len();
        let scale = if last { last_scale.unwrap_or(s) } else { s };
        let mut out = String::new();
        head(&mut out, i + 1);
        let draw = super::slices::band_and_stretch(&mut out, &body, l, start, len);
        put(&mut out, format_args!("<g transform=\"translate({} {}) scale({})\">\n{draw}</g>\n", num(PAGE_MARGIN), num(PAGE_MARGIN + PAGE_HEAD), scale));
        if last && last_scale.is_some() {
            let used = (band + last_len) * scale + 24.0;
            let (fx, fy) = if horizontal { (PAGE_MARGIN + used, PAGE_MARGIN + PAGE_HEAD) } else { (PAGE_MARGIN, PAGE_MARGIN + PAGE_HEAD + used) };
            put(&mut out, format_args!("<g transform=\"translate({} {})\">\n{foot}</g>\n", num(fx), num(fy)));
        }
        out.push_str("</svg>\n");
        pages.push(out);
    }
    if last_scale.is_none() {
        // the last page: title block and legend
        let mut out = String::new();
        head(&mut out, n);
        put(&mut out, format_args!("<g transform=\"translate({} {})\">\n{foot}</g>\n", num(PAGE_MARGIN), num(PAGE_MARGIN + PAGE_HEAD)));
        out.push_str("</svg>\n");
        pages.push(out);
    }
    pages
}

/// One PDF from page SVGs, each page the size of its SVG.
pub(super) fn assemble(pages: &[String]) -> Result<Vec<u8>> {
    let mut alloc = Ref::new(1);
    let catalog = alloc.bump();
    let page_tree = alloc.bump();
    let mut pdf = Pdf::new();
    let mut kids = Vec::new();
    let mut done = Vec::new();
    for svg in pages {
        let t = tree(svg)?;
        let (chunk, root) = svg2pdf::to_chunk(&t, svg2pdf::ConversionOptions::default()).map_err(failed)?;
        let mut map = HashMap::new();
        let chunk = chunk.renumber(|old| *map.entry(old).or_insert_with(|| alloc.bump()));
        let xobject = *map.get(&root).ok_or_else(|| failed("the page has no content"))?;
        let (page, content) = (alloc.bump(), alloc.bump());
        kids.push(page);
        done.push((page, content, xobject, chunk, t.size().width(), t.size().height()));
    }
    pdf.catalog(catalog).pages(page_tree);
    pdf.pages(page_tree).kids(kids.iter().copied()).count(kids.len() as i32);
    for (page, content, xobject, chunk, w, h) in done {
        let mut p = pdf.page(page);
        p.media_box(Rect::new(0.0, 0.0, w, h));
        p.parent(page_tree);
        p.contents(content);
        p.resources().x_objects().pair(Name(b"D"), xobject);
        p.finish();
        let mut c = Content::new();
        c.transform([w, 0.0, 0.0, h, 0.0, 0.0]);
        c.x_object(Name(b"D"));
        pdf.stream(content, &c.finish());
        pdf.extend(&chunk);
    }
    Ok(pdf.finish())
}
