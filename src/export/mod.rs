//! Exporters: pure functions from a document to bytes. [`render`] picks one by an
//! [`ExportOptions`] value; the CLI's `export` and the desktop app's export dialog both go
//! through it, and [`write_file`] puts the bytes in place atomically.

pub mod bpmn;
pub mod diagram;
pub mod json;

use crate::error::{CoreError, ErrorCode, Result};
use crate::layout::LayoutOptions;
use crate::model::{Document, Lang, VariantId};
use diagram::{DiagramOptions, Page};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::path::Path;

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
    /// BPMN 2.0 XML with diagram of one variant.
    Bpmn,
}

/// What to export and how.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
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
    /// Language of the diagram's fixed texts (title block, legend).
    #[serde(default)]
    pub lang: Lang,
}

fn one() -> f64 {
    1.0
}

/// The exported bytes.
pub fn render(doc: &Document, opts: &ExportOptions) -> Result<Vec<u8>> {
    let d = DiagramOptions { layout: opts.layout, lang: opts.lang, scale: opts.scale, page: opts.page };
    match opts.format {
        ExportFormat::Json => Ok(json::to_json(doc).into_bytes()),
        ExportFormat::Bpmn => bpmn::to_bpmn(doc, opts.variant).map(String::into_bytes),
        ExportFormat::Svg => diagram::to_svg(doc, opts.variant, &d).map(String::into_bytes),
        ExportFormat::Png => diagram::to_png(doc, opts.variant, &d),
        ExportFormat::Pdf => diagram::to_pdf(doc, opts.variant, &d),
    }
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

/// Writes `bytes` to `path` atomically: a temporary file beside it, then a rename, so a
/// reader never sees half a file and a failed export leaves the old file as it was.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    let shown = path.display();
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .ok_or_else(|| CoreError::new(ErrorCode::InvalidValue, format!("{shown}: not a file name")))?;
    let tmp = dir.join(format!(".{}.tmp-{}", name.to_string_lossy(), std::process::id()));
    let result = std::fs::write(&tmp, bytes).and_then(|_| std::fs::rename(&tmp, path));
    result.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        CoreError::new(ErrorCode::Io, format!("{shown}: cannot write: {e}"))
    })
}

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
