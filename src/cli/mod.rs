//! Command-line arguments and dispatch. Each command is a few lines over the library.

mod commands;

use carepath::model::Lang;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

pub use commands::run;

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
    },
    /// Show a document's metadata and counts.
    Info {
        /// The .carepath file.
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
        format: TextOrJson,
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
        /// The variant to export, by name or id (BPMN exports one variant; default: the first).
        #[arg(long)]
        variant: Option<String>,
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
    /// BPMN 2.0 XML with diagram of one variant (see --variant).
    Bpmn,
}

pub type Outcome = Result<ExitCode, String>;
