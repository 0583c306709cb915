//! Reports: the analysis of a pathway as a MkDocs Markdown page, one self-contained HTML file
//! or a Word document, and the needs register as CSV or XLSX, in Norwegian bokmål or English.
//!
//! The content is computed once ([`build`]: a [`Report`] of blocks assembled from the section
//! list in [`sections`]) and each format is a small writer over those blocks. [`render`] gives
//! the files of a report (a Markdown page comes with its pictures under `img/`), [`write`]
//! puts them in place, each atomically.

pub mod content;
pub mod docx;
mod docx_package;
pub mod html;
pub mod markdown;
pub mod needs;
pub mod pdf;
pub mod register;
pub mod review_sections;
pub mod sections;

use crate::error::{CoreError, ErrorCode, Result};
use crate::diagram::DiagramOptions;
use crate::layout::LayoutOptions;
use crate::model::{Document, Lang, Variant, VariantId};
pub use content::{Block, Report};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The text in the report's language.
pub fn tr(lang: Lang, nb: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Nb => nb,
        Lang::En => en,
    }
}

/// The formats of a report and of the needs register.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReportFormat {
    /// A MkDocs page with its pictures in `img/`.
    Md,
    /// One self-contained HTML file.
    Html,
    /// A Word document.
    Docx,
    /// A typeset PDF (A4, title page, contents, page numbers, Norwegian hyphenation).
    Pdf,
    /// The needs register as CSV (UTF-8, comma-separated).
    Csv,
    /// The needs register as an Excel workbook.
    Xlsx,
}

impl ReportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ReportFormat::Md => "md",
            ReportFormat::Html => "html",
            ReportFormat::Docx => "docx",
            ReportFormat::Pdf => "pdf",
            ReportFormat::Csv => "csv",
            ReportFormat::Xlsx => "xlsx",
        }
    }
}

/// What a report holds and how it is written.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ReportOptions {
    pub format: ReportFormat,
    /// The variants reported, in this order; empty means every variant of the document.
    #[serde(default)]
    pub variants: Vec<VariantId>,
    #[serde(default)]
    pub lang: Lang,
    /// How the diagrams are drawn.
    #[serde(default)]
    pub layout: LayoutOptions,
    /// The language of the metadata table's headers: the report's by default; English gives
    /// the form the DHO architecture pages use (Status | Version | Maturity | Normative level).
    #[serde(default)]
    pub metadata_headers: Option<Lang>,
}

impl ReportOptions {
    pub fn new(format: ReportFormat, lang: Lang) -> Self {
        // a report's figures leave out the lanes a variant does not use
        ReportOptions { format, variants: Vec::new(), lang, layout: LayoutOptions { hide_unused_lanes: true, ..LayoutOptions::default() }, metadata_headers: None }
    }
}

/// The chosen variants, in the order asked for (all of them when none are named).
pub fn chosen<'a>(doc: &'a Document, ids: &[VariantId]) -> Result<Vec<&'a Variant>> {
    if ids.is_empty() {
        return Ok(doc.variants.iter().collect());
    }
    ids.iter()
        .map(|id| doc.variant(*id).ok_or_else(|| CoreError::new(ErrorCode::UnknownId, format!("there is no variant with id {id}"))))
        .collect()
}

/// The report's content: every section of [`sections::SECTIONS`] in order.
pub fn build(doc: &Document, opts: &ReportOptions) -> Result<Report> {
    let cx = sections::Context {
        doc,
        format: opts.format,
        variants: chosen(doc, &opts.variants)?,
        lang: opts.lang,
        metadata_headers: opts.metadata_headers.unwrap_or(opts.lang),
        diagram: DiagramOptions { layout: opts.layout, lang: opts.lang, ..DiagramOptions::default() },
    };
    let mut blocks = Vec::new();
    for section in sections::SECTIONS {
        blocks.extend(section(&cx)?);
    }
    let m = &doc.metadata;
    let properties = content::Properties {
        subject: m.patient_group.clone(),
        authors: m.owners.clone(),
        created: m.created.0.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        modified: m.modified.0.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
    };
    Ok(Report { title: m.title.clone(), lang: opts.lang, properties, blocks })
}

/// A report as files: the main file's bytes and the files that go beside it, by path
/// relative to the main file's folder (e.g. `img/tjenesteforlop-na-situasjon.png`).
#[derive(Clone, Debug, PartialEq)]
pub struct Rendered {
    pub main: Vec<u8>,
    pub beside: Vec<(String, Vec<u8>)>,
}

/// The report's files.
pub fn render(doc: &Document, opts: &ReportOptions) -> Result<Rendered> {
    let only = |main| Ok(Rendered { main, beside: Vec::new() });
    match opts.format {
        ReportFormat::Csv => only(register::csv(doc, &chosen(doc, &opts.variants)?, opts.lang)?),
        ReportFormat::Xlsx => only(register::xlsx(doc, &chosen(doc, &opts.variants)?, opts.lang)?),
        ReportFormat::Md => markdown::render(&build(doc, opts)?),
        ReportFormat::Html => only(html::render(&build(doc, opts)?).into_bytes()),
        ReportFormat::Docx => only(docx::render(&build(doc, opts)?)?),
        ReportFormat::Pdf => only(pdf::render(&build(doc, opts)?)?),
    }
}

/// Renders the report and writes it to `path`, the pictures beside it; returns every path
/// written, the main file first. A report of several files is written whole or not at all:
/// every file first goes into a temporary folder beside `path`, and only when all are
/// written are they moved into place (the pictures first, the page last); a failure, such as
/// a full disk, leaves nothing behind and the files that were there as they were.
pub fn write(doc: &Document, opts: &ReportOptions, path: &Path) -> Result<Vec<PathBuf>> {
    let r = render(doc, opts)?;
    if r.beside.is_empty() {
        crate::tempfiles::write_file(path, &r.main)?;
        return Ok(vec![path.to_path_buf()]);
    }
    let dir = crate::tempfiles::folder_of(path);
    crate::tempfiles::sweep(dir);
    let stage = crate::tempfiles::beside(path);
    let result = write_staged(&r, &stage, dir, path);
    let _ = std::fs::remove_dir_all(&stage);
    result
}

fn write_staged(r: &Rendered, stage: &Path, dir: &Path, path: &Path) -> Result<Vec<PathBuf>> {
    let fail = |p: &Path, what: &str, e: std::io::Error| {
        CoreError::new(ErrorCode::Io, format!("{}: cannot {what}: {}", p.display(), crate::error::io_cause(&e)))
    };
    let main_name = path.file_name().ok_or_else(|| CoreError::new(ErrorCode::InvalidValue, format!("{}: not a file name", path.display())))?;
    let mut files: Vec<(PathBuf, &[u8])> = r.beside.iter().map(|(rel, b)| (PathBuf::from(rel), b.as_slice())).collect();
    files.push((PathBuf::from(main_name), &r.main));
    for (rel, bytes) in &files {
        let staged = stage.join(rel);
        let parent = staged.parent().unwrap_or(stage);
        std::fs::create_dir_all(parent).map_err(|e| fail(&dir.join(rel), "write", e))?;
        std::fs::write(&staged, bytes).map_err(|e| fail(&dir.join(rel), "write", e))?;
    }
    let mut written = vec![path.to_path_buf()];
    for (rel, _) in &files[..files.len() - 1] {
        let target = dir.join(rel);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|e| fail(parent, "create the folder", e))?;
        }
        std::fs::rename(stage.join(rel), &target).map_err(|e| fail(&target, "move into place", e))?;
        written.push(target);
    }
    std::fs::rename(stage.join(main_name), path).map_err(|e| fail(path, "move into place", e))?;
    Ok(written)
}
