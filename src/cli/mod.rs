//! Command-line arguments and dispatch. Each command is a few lines over the library.

mod collab;
mod commands;
mod diff;
mod git;
mod review;
mod walk;

use carepath::model::Lang;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

pub use commands::run;

/// The `carepath` command with these arguments (the first is the program's name): runs it and
/// gives the exit code. The CLI binary calls it, and so does the desktop app when the
/// packages' `carepath` starts it as `carepath-desktop --cli ...` (one binary, one copy of the
/// core, in the package).
pub fn main<I, T>(args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let args = Cli::parse_from(args);
    match run(args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("carepath: error: {e}");
            ExitCode::from(2)
        }
    }
}

/// Carepath: model care pathways across actors and the data-sharing needs at each hand-over.
#[derive(Parser, Debug)]
#[command(name = "carepath", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Create a new .carepath document, empty or from a template.
    New {
        /// The file to create (must not exist).
        file: PathBuf,
        /// Start from a built-in template (see `carepath templates`).
        #[arg(long)]
        template: Option<String>,
        /// The document title.
        #[arg(long)]
        title: Option<String>,
        /// A blank document with four lanes and four phases to rename (no template).
        #[arg(long, conflicts_with = "template")]
        skeleton: bool,
        /// Language of a blank document's variant, lane and phase names (nb or en).
        #[arg(long, default_value = "nb", conflicts_with = "template")]
        lang: Lang,
    },
    /// Show a document's metadata and counts.
    Info {
        /// The .carepath file.
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
        format: TextOrJson,
        /// Measure the diagram's layout instead: size, aspect ratio, area, crossings, bends,
        /// line length and overlaps, for one variant (--variant) or every variant.
        #[arg(long)]
        layout: bool,
        /// With --layout: the variant, by name or id (default: every variant).
        #[arg(long, requires = "layout")]
        variant: Option<String>,
        /// With --layout: lanes as columns.
        #[arg(long, requires = "layout")]
        vertical: bool,
        /// With --layout: leave out the data-sharing needs layer.
        #[arg(long, requires = "layout")]
        no_needs: bool,
    },
    /// Check a document against the validation rules.
    ///
    /// Exit code 0: no errors (warnings may remain); 1: errors found; 2: the file could not be read.
    Validate {
        /// The .carepath file.
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
        format: TextOrJson,
        /// Language of the messages (nb or en).
        #[arg(long, default_value = "nb")]
        lang: Lang,
    },
    /// Export a document.
    Export {
        /// The .carepath file.
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Write here instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        #[command(flatten)]
        diagram: DiagramArgs,
        /// Language of fixed texts: diagram title block and legend, register headings (nb or en).
        #[arg(long, default_value = "nb")]
        lang: Lang,
    },
    /// Write a report: metadata, summary, diagrams, steps per phase, the information-needs
    /// analysis, needs per role, the sharing matrix, current versus desired, and the
    /// validation findings. A Markdown report writes its pictures to img/ beside the page.
    Report {
        /// The .carepath file.
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum)]
        format: ReportFormat,
        /// A variant to report, by name or id; repeat for several (default: every variant).
        #[arg(long = "variant")]
        variants: Vec<String>,
        /// Language of the report (nb or en).
        #[arg(long, default_value = "nb")]
        lang: Lang,
        /// Language of the metadata table's headers (default: the report's); en gives the form
        /// the DHO architecture pages use: Status | Version | Maturity | Normative level.
        #[arg(long)]
        metadata_headers: Option<Lang>,
        /// The file to write (for md, the pictures go to img/ beside it).
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Import a Carepath JSON or BPMN 2.0 file (by extension: .json, .bpmn or .xml) into a new
    /// .carepath document. For BPMN, what could not be mapped is listed on standard error.
    Import {
        /// The file to read.
        file: PathBuf,
        /// The .carepath file to create (must not exist).
        #[arg(short, long)]
        output: PathBuf,
    },
    /// List the built-in templates.
    Templates,
    /// Print the JSON Schema of the Carepath JSON format.
    Schema,
    /// Compare two variants (FILE:VARIANT), in one file or two. Exit code 0: the same; 1: different; 2: error.
    Diff(diff::DiffArgs),
    /// Clinician review: send a copy, merge it back, list, comment, resolve, decide.
    Review {
        #[command(subcommand)]
        command: review::ReviewCommand,
    },
    /// `.carepath` files in git: `setup` makes `git diff` show Carepath's change list and
    /// `git merge` merge documents element by element (conflicts become review comments).
    Git {
        #[command(subcommand)]
        command: git::GitCommand,
    },
    /// Live co-editing: `peer` takes part in a shared document over standard input and
    /// output, every edit through the core and committed to the file.
    Collab {
        #[command(subcommand)]
        command: collab::CollabCommand,
    },
    /// Walk through a variant: the actor at each step, what each has received, unmet and manual needs.
    Walk(walk::WalkArgs),
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextOrJson {
    Text,
    Json,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// Canonical JSON of the whole document.
    Json,
    /// BPMN 2.0 XML with diagram: every variant as a pool of its own, or the one --variant names.
    Bpmn,
    /// ArchiMate 3.1 Open Exchange XML: every variant as a view, or the one --variant names;
    /// names and properties in --lang.
    Archimate,
    /// FHIR R4 Bundle with the pathway as a CPG PlanDefinition (the --variant, else the first);
    /// canonical URLs under --fhir-base.
    Fhir,
    /// The swimlane diagram of one variant as SVG.
    Svg,
    /// The swimlane diagram as PNG.
    Png,
    /// The swimlane diagram as vector PDF.
    Pdf,
    /// The needs register as CSV: one row per need, every field (all variants, or --variant).
    Csv,
    /// The needs register as an Excel workbook (XLSX).
    Xlsx,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportFormat {
    /// A MkDocs Markdown page with its pictures in img/.
    Md,
    /// One self-contained HTML file.
    Html,
    /// A Word document.
    Docx,
    /// A typeset PDF: A4, title page, contents, page numbers, the diagrams in legible parts.
    Pdf,
}

/// Options of the diagram formats (svg, png, pdf).
#[derive(clap::Args, Debug)]
pub struct DiagramArgs {
    /// The variant to draw or export (bpmn, svg, png, pdf), by name or id (default: the first;
    /// for bpmn, every variant).
    #[arg(long)]
    pub variant: Option<String>,
    /// Leave out the data-sharing needs layer.
    #[arg(long)]
    pub no_needs: bool,
    /// Pixels per diagram unit (png).
    #[arg(long, default_value_t = 1.0)]
    pub scale: f64,
    /// PDF paging: one page the size of the diagram, or tiled A4/A3 landscape pages.
    #[arg(long, value_enum, default_value_t = PageArg::Fit)]
    pub page: PageArg,
    /// Lanes as columns, the flow running downwards.
    #[arg(long)]
    pub vertical: bool,
    /// Draw only this phase (svg, png, pdf), by name or id, with the lanes it uses and markers
    /// where the flow enters and leaves; repeat it, or give FIRST..LAST, for a range.
    #[arg(long = "phase")]
    pub phases: Vec<String>,
    /// Draw the overview (svg, png, pdf): the whole pathway wrapped into rows of phases, no
    /// wider than 3 : 1, with step numbers and markers where a row continues.
    #[arg(long, conflicts_with = "phases")]
    pub overview: bool,
    /// Draw the whole pathway as one strip even where it is wider than 3 : 1 (svg, png, pdf
    /// with --page fit). Without it, such a strip is drawn as the overview.
    #[arg(long, conflicts_with_all = ["phases", "overview"])]
    pub strip: bool,
    /// Draw a sub-pathway's own flow (svg, png, pdf) instead of the main flow, by the
    /// sub-pathway step's label or id.
    #[arg(long)]
    pub flow: Option<String>,
    /// BPMN: one variant as a pool per actor, hand-overs between actors and each need's
    /// message to each consumer as message flows (default: one pool with a lane per actor).
    #[arg(long)]
    pub pools: bool,
    /// FHIR: the base of the canonical URLs (http, https or urn), e.g.
    /// https://fhir.example.no/r4 (default: a placeholder that says to set it).
    #[arg(long)]
    pub fhir_base: Option<String>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageArg {
    Fit,
    A4,
    A3,
}

pub type Outcome = Result<ExitCode, String>;
