//! What the JSON writer and reader share: the file header (format tag and version) around
//! the document.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The file format tag written at the top of every Carepath JSON file.
pub const FORMAT_TAG: &str = "carepath";
/// The JSON format version this build writes and reads.
pub const FORMAT_VERSION: u32 = 2;

/// A Carepath JSON file: a format header and the document.
#[derive(Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Carepath document")]
pub struct JsonFile<D> {
    /// Always "carepath".
    pub format: String,
    /// The version of this format.
    pub format_version: u32,
    pub document: D,
}

