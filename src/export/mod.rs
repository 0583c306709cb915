//! Exporters: pure functions from a document to bytes. [`render`] picks one by an
//! [`ExportOptions`] value; the CLI's `export` and the desktop app's export dialog both go
//! through it, and [`write_file`] puts the bytes in place atomically; [`export_to`] also
//! writes what goes beside a file (a Markdown report's pictures). Reports and the needs
//! register are built in [`crate::report`].

pub mod archimate;
pub mod bpmn;
pub mod fhir;
pub mod json;

/// The diagram renderer (SVG, PNG, PDF), which reports draw their figures with too.
pub use crate::diagram;

use crate::error::{CoreError, ErrorCode, Result};
use crate::layout::LayoutOptions;
use crate::model::{Document, Lang, VariantId};
use crate::report::{self, ReportFormat, ReportOptions};
use crate::diagram::{DiagramOptions, Page};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The formats a document can be exported to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    /// Canonical JSON of the whole document (every variant).
    Json,
    /// The swimlane diagram of one variant as SVG.
    Svg,
    /// The swimlane diagram as PNG.
    Png,
    /// The swimlane diagram as vector PDF.
    Pdf,
    /// BPMN 2.0 XML with its diagram: one variant, or several as one pool each.
    Bpmn,
    /// ArchiMate 3.1 Open Exchange XML: the variants (all when none are named), a view each.
    Archimate,
    /// FHIR R4 PlanDefinition (CPG pathway) in a Bundle, of `variant`, as JSON.
    Fhir,
    /// A report as a MkDocs Markdown page, its pictures in `img/` beside it ([`export_to`]).
    Md,
    /// A report as one self-contained HTML file.
    Html,
    /// A report as a Word document.
    Docx,
    /// A report as a typeset PDF.
    ReportPdf,
    /// The needs register as CSV.
    Csv,
    /// The needs register as an Excel workbook.
    Xlsx,
}

impl ExportFormat {
    /// The report format this is, for reports and the needs register.
    pub fn report(self) -> Option<ReportFormat> {
        match self {
            ExportFormat::Md => Some(ReportFormat::Md),
            ExportFormat::Html => Some(ReportFormat::Html),
            ExportFormat::Docx => Some(ReportFormat::Docx),
            ExportFormat::ReportPdf => Some(ReportFormat::Pdf),
            ExportFormat::Csv => Some(ReportFormat::Csv),
            ExportFormat::Xlsx => Some(ReportFormat::Xlsx),
            _ => None,
        }
    }
}

/// What to export and how.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ExportOptions {
    pub format: ExportFormat,
    /// The variant drawn (ignored for JSON, which holds them all).
    pub variant: VariantId,
    /// Lane orientation and whether the data-need layer is drawn (diagrams only).
    #[serde(default)]
    pub layout: LayoutOptions,
    /// Pixels per diagram unit (PNG only).
    #[serde(default = "one")]
    pub scale: f64,
    /// How a PDF is paged.
    #[serde(default)]
    pub page: Page,
    /// Language of the diagram's fixed texts (title block, legend) and of reports.
    #[serde(default)]
    pub lang: Lang,
    /// The variants a report or register covers; empty means every variant. For BPMN: the
    /// variants written, one pool each; empty means only `variant`.
    #[serde(default)]
    pub variants: Vec<VariantId>,
    /// Diagrams only: draw just these phases (from the first to the last of them, with the
    /// lane names); empty means the whole pathway.
    #[serde(default)]
    pub phases: Vec<crate::model::PhaseId>,
    /// Diagrams only: the overview, the whole pathway wrapped into rows of phases.
    #[serde(default)]
    pub overview: bool,
    /// BPMN only: a pool per actor, hand-overs and needs as message flows (one per consumer).
    #[serde(default)]
    pub pools: bool,
    /// FHIR only: the base of the canonical URLs; none means a placeholder that says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fhir_base: Option<String>,
}

impl ExportOptions {
    /// The report options these export options stand for.
    pub fn report_options(&self, format: ReportFormat) -> ReportOptions {
        ReportOptions { format, variants: self.variants.clone(), lang: self.lang, layout: self.layout, metadata_headers: None }
    }
}

fn one() -> f64 {
    1.0
}

/// The exported bytes.
pub fn render(doc: &Document, opts: &ExportOptions) -> Result<Vec<u8>> {
    let d = DiagramOptions { layout: opts.layout, lang: opts.lang, scale: opts.scale, page: opts.page };
    match opts.format {
        ExportFormat::Json => Ok(json::to_json(doc).into_bytes()),
        ExportFormat::Bpmn if opts.pools => bpmn::to_bpmn_pools(doc, opts.variant).map(String::into_bytes),
        ExportFormat::Bpmn if opts.variants.is_empty() => bpmn::to_bpmn(doc, opts.variant).map(String::into_bytes),
        ExportFormat::Bpmn => bpmn::to_bpmn_variants(doc, &opts.variants).map(String::into_bytes),
        ExportFormat::Fhir => fhir::to_fhir(doc, &fhir::FhirOptions { variant: opts.variant, base: opts.fhir_base.clone().unwrap_or_else(|| fhir::PLACEHOLDER_BASE.to_string()), lang: opts.lang }).map(String::into_bytes),
        ExportFormat::Archimate => archimate::to_archimate(doc, &archimate::ArchimateOptions { variants: opts.variants.clone(), lang: opts.lang }).map(String::into_bytes),
        ExportFormat::Svg | ExportFormat::Png | ExportFormat::Pdf if opts.overview || !opts.phases.is_empty() => {
            let v = doc.variant(opts.variant).ok_or_else(|| CoreError::new(ErrorCode::UnknownId, format!("there is no variant with id {}", opts.variant)))?;
            if opts.format == ExportFormat::Pdf && opts.overview {
                diagram::check_pdf(v)?;
            }
            let l = crate::layout::layout_with(doc, v.id, &opts.layout)?;
            let part = if opts.overview {
                diagram::compose::overview_figure(doc, v, &l, opts.lang)
            } else {
                diagram::compose::phases(doc, v, &l, &opts.phases, opts.lang)?
            };
            match opts.format {
                ExportFormat::Svg => Ok(part.svg.into_bytes()),
                ExportFormat::Png => diagram::raster::png(&part.svg, opts.scale),
                _ => diagram::one_page_pdf(&part.svg),
            }
        }
        ExportFormat::Svg | ExportFormat::Png | ExportFormat::Pdf if opts.layout.flow.is_some() => {
            let part = flow_figure(doc, opts)?;
            match opts.format {
                ExportFormat::Svg => Ok(part.svg.into_bytes()),
                ExportFormat::Png => diagram::raster::png(&part.svg, opts.scale),
                _ => diagram::one_page_pdf(&part.svg),
            }
        }
        ExportFormat::Svg => diagram::to_svg(doc, opts.variant, &d).map(String::into_bytes),
        ExportFormat::Png => diagram::to_png(doc, opts.variant, &d),
        ExportFormat::Pdf => diagram::to_pdf(doc, opts.variant, &d),
        // a Markdown report's pictures come only with [`export_to`]
        ExportFormat::Md | ExportFormat::Html | ExportFormat::Docx | ExportFormat::ReportPdf | ExportFormat::Csv | ExportFormat::Xlsx => {
            let format = opts.format.report().expect("a report format");
            report::render(doc, &opts.report_options(format)).map(|r| r.main)
        }
    }
}

/// A sub-pathway's own flow drawn on its own, titled "variant › sub-pathway".
fn flow_figure(doc: &Document, opts: &ExportOptions) -> Result<diagram::slices::Slice> {
    let v = doc.variant(opts.variant).ok_or_else(|| CoreError::new(ErrorCode::UnknownId, format!("there is no variant with id {}", opts.variant)))?;
    let l = crate::layout::layout_with(doc, v.id, &opts.layout)?;
    let sub = opts.layout.flow.and_then(|f| v.step(f)).map_or(String::new(), |s| s.label.clone());
    let mut own = v.flow_of(opts.layout.flow).into_owned();
    own.name = format!("{} › {sub}", v.name);
    Ok(diagram::compose::flow_figure(doc, &own, &l, opts.lang))
}

/// The diff picture from `source` to `target` (see [`diagram::compare`]) as SVG, PNG or PDF
/// (one page); `opts.variant` is not used, and other formats are refused.
pub fn render_compare(source: crate::compare::Side, target: crate::compare::Side, opts: &ExportOptions) -> Result<Vec<u8>> {
    let d = DiagramOptions { layout: opts.layout, lang: opts.lang, scale: opts.scale, page: opts.page };
    match opts.format {
        ExportFormat::Svg => diagram::compare::to_svg(source, target, &d).map(String::into_bytes),
        ExportFormat::Png => diagram::compare::to_png(source, target, &d),
        ExportFormat::Pdf => diagram::compare::to_pdf(source, target, &d),
        other => Err(CoreError::new(ErrorCode::InvalidValue, format!("a comparison is drawn as svg, png or pdf, not {other:?}"))),
    }
}

/// Renders and writes an export to `path` (atomically), with any files that go beside it (the
/// pictures of a Markdown report in `img/`). Returns every path written, `path` first.
pub fn export_to(doc: &Document, opts: &ExportOptions, path: &Path) -> Result<Vec<PathBuf>> {
    if let Some(format) = opts.format.report() {
        return report::write(doc, &opts.report_options(format), path);
    }
    write_file(path, &render(doc, opts)?)?;
    Ok(vec![path.to_path_buf()])
}

pub use crate::tempfiles::write_file;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn render_and_write_an_svg_with_norwegian_letters() {
        let doc = crate::template::load("copd").unwrap();
        let opts = ExportOptions {
            format: ExportFormat::Svg,
            variant: doc.variants[0].id,
            layout: LayoutOptions::default(),
            scale: 1.0,
            page: Page::Fit,
            lang: Lang::Nb,
            variants: Vec::new(),
            phases: Vec::new(),
            overview: false,
            pools: false,
            fhir_base: None,
        };
        let bytes = render(&doc, &opts).unwrap();
        let dir = std::env::temp_dir().join(format!("carepath-export-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let out = dir.join("kols.svg");
        write_file(&out, &bytes).unwrap();
        let text = std::fs::read_to_string(&out).unwrap();
        assert!(text.starts_with("<svg") || text.starts_with("<?xml"));
        assert!(text.chars().any(|c| "æøåÆØÅ".contains(c)));
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1, "no temporary file is left");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn options_from_json_take_defaults() {
        let doc = crate::template::load("copd").unwrap();
        let v = doc.variants[0].id;
        let o: ExportOptions = serde_json::from_value(serde_json::json!({"format": "pdf", "variant": v, "page": "a4"})).unwrap();
        assert_eq!(o.page, Page::A4);
        assert_eq!(o.scale, 1.0);
        assert!(o.layout.needs);
    }
}
