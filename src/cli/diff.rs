//! `carepath diff A[:VARIANT] B[:VARIANT]`: the differences from one variant to another, in
//! one file or two. Exit code 0: the same; 1: different; 2: the command could not be done.

use super::Outcome;
use carepath::compare::{self, Side};
use carepath::export::{self, diagram::Page, ExportFormat, ExportOptions};
use carepath::layout::LayoutOptions;
use carepath::model::{Document, Lang, Variant};
use clap::ValueEnum;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiffFormat {
    Text,
    Json,
    Md,
}

/// Arguments of `carepath diff`.
#[derive(clap::Args, Debug)]
pub struct DiffArgs {
    /// The source: FILE.carepath, or FILE.carepath:VARIANT (variant by name or id; default: the first).
    pub source: String,
    /// The target: FILE.carepath or FILE.carepath:VARIANT (default: the variant with the
    /// source's id or name, else the first; for the same file, the variant after the source's).
    pub target: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    pub format: DiffFormat,
    /// Also draw the differences to this file: .svg, .png or .pdf.
    #[arg(long)]
    pub picture: Option<PathBuf>,
    /// Language of the output (nb or en).
    #[arg(long, default_value = "nb")]
    pub lang: Lang,
    /// Leave the need layer out of the picture.
    #[arg(long)]
    pub no_needs: bool,
    /// Pixels per diagram unit in a PNG picture.
    #[arg(long, default_value_t = 1.0)]
    pub scale: f64,
}

/// Splits `FILE:VARIANT` at the last ':' — only when the part before it is an existing file
/// and either the whole text is not a file or the part after it names one of its variants,
/// so paths like `C:\pathways\kols.carepath` stay whole.
pub fn split_spec(spec: &str) -> (PathBuf, Option<String>) {
    if let Some(i) = spec.rfind(':') {
        let (file, variant) = (&spec[..i], &spec[i + 1..]);
        if !variant.is_empty() && Path::new(file).is_file() {
            let whole_is_file = Path::new(spec).is_file();
            let names_variant = || carepath::store::read(Path::new(file)).is_ok_and(|d| d.variant_named(variant).is_some());
            if !whole_is_file || names_variant() {
                return (PathBuf::from(file), Some(variant.to_string()));
            }
        }
    }
    (PathBuf::from(spec), None)
}

fn open(spec: &str) -> Result<(PathBuf, Option<String>, Document), String> {
    let (file, variant) = split_spec(spec);
    let doc = carepath::store::read(&file).map_err(|e| e.message)?;
    Ok((file, variant, doc))
}

fn named<'a>(file: &Path, doc: &'a Document, name: &str) -> Result<&'a Variant, String> {
    doc.variant_named(name).ok_or_else(|| {
        let names: Vec<&str> = doc.variants.iter().map(|v| v.name.as_str()).collect();
        format!("{}: there is no variant named '{name}'; the document has: {}", file.display(), names.join(", "))
    })
}

fn first<'a>(file: &Path, doc: &'a Document) -> Result<&'a Variant, String> {
    doc.variants.first().ok_or_else(|| format!("{}: the document has no variant", file.display()))
}

pub fn run(a: DiffArgs) -> Outcome {
    let (fa, va, da) = open(&a.source)?;
    let (fb, vb, db) = open(&a.target)?;
    let source = match &va {
        Some(n) => named(&fa, &da, n)?,
        None => first(&fa, &da)?,
    };
    let same_file = fa.canonicalize().ok() == fb.canonicalize().ok();
    let target = match &vb {
        Some(n) => named(&fb, &db, n)?,
        None if same_file => {
            let i = da.variants.iter().position(|v| v.id == source.id).unwrap_or(0);
            db.variants.get(i + 1).ok_or_else(|| format!("{}: name the variant to compare with (FILE:VARIANT); the document has only one", fb.display()))?
        }
        None => db.variant(source.id).or_else(|| db.variant_named(&source.name)).map_or_else(|| first(&fb, &db), Ok)?,
    };
    let d = compare::diff_variants(Side { doc: &da, variant: source }, Side { doc: &db, variant: target }, a.lang);
    let text = match a.format {
        DiffFormat::Text => compare::text(&d),
        DiffFormat::Json => compare::json(&d),
        DiffFormat::Md => compare::markdown(&d),
    };
    if let Some(out) = &a.picture {
        let ext = out.extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
        let format = match ext.as_str() {
            "svg" => ExportFormat::Svg,
            "png" => ExportFormat::Png,
            "pdf" => ExportFormat::Pdf,
            _ => return Err(format!("{}: the picture must be a .svg, .png or .pdf file", out.display())),
        };
        let opts = ExportOptions {
            format,
            variant: target.id,
            layout: LayoutOptions { needs: !a.no_needs, ..LayoutOptions::default() },
            scale: a.scale,
            page: Page::Fit,
            lang: a.lang,
            variants: Vec::new(),
            phases: Vec::new(),
            overview: false,
            pools: false,
            fhir_base: None,
        };
        let bytes = export::render_compare(Side { doc: &da, variant: source }, Side { doc: &db, variant: target }, &opts)
            .map_err(|e| format!("{}: {}", out.display(), e.message))?;
        export::write_file(out, &bytes).map_err(|e| e.message)?;
    }
    super::commands::write_out(None, text.as_bytes())?;
    Ok(if d.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
