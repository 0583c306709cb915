//! Canonical JSON: the whole document with stable ordering (lanes and columns by order,
//! elements by id, struct fields in declaration order), two-space indent, a final newline.
//! The same document always gives the same bytes, and `import json` → `export json` is
//! byte-identical.

use crate::model::Document;

pub use crate::format::json::{JsonFile, FORMAT_TAG, FORMAT_VERSION};

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
