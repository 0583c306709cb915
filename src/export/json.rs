//! Canonical JSON: the whole document with stable ordering (lanes and columns by order,
//! elements by id, struct fields in declaration order), two-space indent, a final newline.
//! The same document always gives the same bytes, and `import json` → `export json` is
//! byte-identical.

use crate::model::Document;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The file format tag written at the top of every Carepath JSON file.
pub const FORMAT_TAG: &str = "carepath";
/// The JSON format version this build writes and reads.
pub const FORMAT_VERSION: u32 = 1;

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

/// The canonical JSON text of a document.
pub fn to_json(doc: &Document) -> String {
    let file = JsonFile { format: FORMAT_TAG.to_string(), format_version: FORMAT_VERSION, document: doc };
    let mut text = serde_json::to_string_pretty(&file).expect("a document always serialises");
    text.push('\n');
    text
}

/// The JSON Schema of the file format, generated from the Rust types.
pub fn schema() -> String {
    let schema = schemars::schema_for!(JsonFile<Document>);
    let mut text = serde_json::to_string_pretty(&schema).expect("schema serialises");
    text.push('\n');
    text
}
