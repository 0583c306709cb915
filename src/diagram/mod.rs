//! Diagram export: the swimlane diagram of one variant as SVG, PNG or PDF. All three draw the
//! same [`crate::layout::Layout`] through the same SVG, with the font embedded in the binary,
//! so output is identical on every machine and Norwegian letters always render.

pub mod compare;
pub mod compose;
mod legend;
mod pdf;
pub mod raster;
pub mod slices;
pub mod style;
pub mod svg;
mod tiles;

use crate::error::{CoreError, ErrorCode, Result};
use crate::layout::{layout_with, LayoutOptions};
use crate::model::*;

/// How a PDF is paged.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Page {
    /// One page the size of the diagram.
    #[default]
    Fit,
    /// A4 landscape pages, the diagram cut along the flow, lane headers on every page.
    A4,
    /// A3 landscape pages, likewise.
    A3,
}

/// Choices for a diagram export.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DiagramOptions {
    pub layout: LayoutOptions,
    /// Language of the fixed texts (title block, legend).
    pub lang: Lang,
    /// Pixels per diagram unit (PNG only).
    pub scale: f64,
    pub page: Page,
}

impl Default for DiagramOptions {
    fn default() -> Self {
        DiagramOptions { layout: LayoutOptions::default(), lang: Lang::Nb, scale: 1.0, page: Page::Fit }
    }
}

fn variant(doc: &Document, id: VariantId) -> Result<&Variant> {
    doc.variant(id).ok_or_else(|| CoreError::new(ErrorCode::UnknownId, format!("there is no variant with id {id}")))
}

/// The diagram as SVG text.
pub fn to_svg(doc: &Document, variant_id: VariantId, opts: &DiagramOptions) -> Result<String> {
    let l = layout_with(doc, variant_id, &opts.layout)?;
    Ok(svg::document(doc, variant(doc, variant_id)?, &l, opts.lang))
}

/// The diagram as PNG bytes at `opts.scale`. Too large a picture is refused from the layout's
/// size, before it is drawn.
pub fn to_png(doc: &Document, variant_id: VariantId, opts: &DiagramOptions) -> Result<Vec<u8>> {
    let l = layout_with(doc, variant_id, &opts.layout)?;
    raster::check(l.width, l.height, opts.scale)?;
    raster::png(&svg::document(doc, variant(doc, variant_id)?, &l, opts.lang), opts.scale)
}

/// The most steps one PDF picture draws: beyond, making it takes minutes and gigabytes (a
/// 100,000-step pathway took 51 s and 1.8 GB) and no page shows it legibly.
pub const MAX_PDF_STEPS: usize = 20_000;

/// Refuses a PDF of a variant with more steps than [`MAX_PDF_STEPS`], before anything is drawn.
pub(crate) fn check_pdf(v: &Variant) -> Result<()> {
    let n = v.step_count();
    if n > MAX_PDF_STEPS {
        return Err(CoreError::new(
            ErrorCode::InvalidValue,
            format!("the variant '{}' has {n} steps, too many for one PDF picture (at most {MAX_PDF_STEPS}); draw a part (--phase), or export SVG", v.name),
        ));
    }
    Ok(())
}

/// One SVG drawing as a one-page vector PDF the size of the drawing.
pub fn one_page_pdf(svg: &str) -> Result<Vec<u8>> {
    pdf::assemble(&[svg.to_string()])
}

/// The diagram as vector PDF bytes, paged as `opts.page` says.
pub fn to_pdf(doc: &Document, variant_id: VariantId, opts: &DiagramOptions) -> Result<Vec<u8>> {
    let v = variant(doc, variant_id)?;
    check_pdf(v)?;
    let l = layout_with(doc, variant_id, &opts.layout)?;
    pdf::pdf(doc, v, &l, opts.lang, opts.page)
}
