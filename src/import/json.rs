//! Reads Carepath JSON. Syntax errors name line and column, type errors the JSON path
//! (`document.variants[0].steps[3].kind`), and references are checked by building the
//! document through the same edit checks the editor uses, so an imported document is exactly
//! as valid as an edited one: no dangling or duplicate ids.

use crate::edit::{apply, Edit};
use crate::error::{CoreError, ErrorCode, Result};
use crate::format::json::{JsonFile, FORMAT_TAG, FORMAT_VERSION};
use crate::model::*;

/// Parses and checks Carepath JSON text.
pub fn from_json(text: &str) -> Result<Document> {
    // editors on Windows may start a UTF-8 file with a byte order mark
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let not_carepath = || CoreError::new(ErrorCode::NotCarepath, "not a Carepath JSON file (expected \"format\": \"carepath\" at the top)");
    if text.trim().is_empty() {
        return Err(CoreError::new(ErrorCode::InvalidJson, "the file is empty; it is not a Carepath JSON file"));
    }
    let de = &mut serde_json::Deserializer::from_str(text);
    // read the header first so a newer file gets the right message, not a field error
    let header: Header = serde_json::from_str(text).map_err(|e| {
        if e.is_data() {
            // well-formed JSON of another shape (an array, a number, "format": 5)
            return not_carepath();
        }
        let msg = e.to_string();
        CoreError::new(ErrorCode::InvalidJson, format!("cannot read the JSON at line {}, column {}: {}", e.line(), e.column(), strip_position(&msg)))
    })?;
    match header.format.as_deref() {
        Some(FORMAT_TAG) => {}
        _ => return Err(not_carepath()),
    }
    match header.format_version {
        Some(v) if v > FORMAT_VERSION as u64 => {
            return Err(CoreError::new(
                ErrorCode::NewerVersion,
                format!("written by a newer Carepath (format version {v}; this version reads up to {FORMAT_VERSION}); please update Carepath"),
            ))
        }
        Some(v) if v < FORMAT_VERSION as u64 => return from_older(text),
        Some(_) => {}
        None => return Err(CoreError::new(ErrorCode::InvalidJson, "missing \"format_version\"")),
    }
    let file: JsonFile<Document> = serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        CoreError::new(
            ErrorCode::InvalidJson,
            format!("at {path} (line {}, column {}): {}", inner.line(), inner.column(), strip_position(&inner.to_string())),
        )
    })?;
    rebuild(file.document)
}

/// Reads a file of an older format version: brought to the current shape as a JSON tree
/// ([`crate::format::upgrade`]), then read as a current file; errors name the JSON path.
fn from_older(text: &str) -> Result<Document> {
    let mut tree: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        CoreError::new(ErrorCode::InvalidJson, format!("cannot read the JSON at line {}, column {}: {}", e.line(), e.column(), strip_position(&e.to_string())))
    })?;
    crate::format::upgrade::to_current(&mut tree);
    let file: JsonFile<Document> = serde_path_to_error::deserialize(tree).map_err(|e| {
        let path = e.path().to_string();
        CoreError::new(ErrorCode::InvalidJson, format!("at {path}: {}", e.into_inner()))
    })?;
    rebuild(file.document)
}

/// The format header; everything else is skipped on this first pass.
#[derive(serde::Deserialize)]
struct Header {
    format: Option<String>,
    format_version: Option<u64>,
}

fn strip_position(msg: &str) -> &str {
    msg.rfind(" at line ").map_or(msg, |i| &msg[..i])
}

/// Rebuilds a parsed document through the edit checks; returns it in canonical order.
pub fn rebuild(parsed: Document) -> Result<Document> {
    let mut parsed = parsed;
    parsed.normalise();
    crate::edit::check_metadata(&parsed.metadata).map_err(|e| e.context("metadata"))?;
    let mut doc = Document::bare(parsed.id, parsed.metadata);
    let place = |what: &str, name: &str| format!("{what} '{}'", crate::model::limits::short(name));
    for actor in parsed.actors {
        let p = place("actor", &actor.name);
        apply(&mut doc, Edit::AddActor { actor }).map_err(|e| e.context(p))?;
    }
    for phase in parsed.phases {
        let p = place("phase", &phase.name);
        apply(&mut doc, Edit::AddPhase { phase }).map_err(|e| e.context(p))?;
    }
    for info_type in parsed.info_types {
        let p = place("information type", &info_type.name);
        apply(&mut doc, Edit::AddInfoType { info_type, index: None }).map_err(|e| e.context(p))?;
    }
    for v in parsed.variants {
        let p = place("variant", &v.name);
        crate::edit::insert_variant(&mut doc, v, None).map_err(|e| e.context(p))?;
    }
    // comments and reviews may outlive the element they were about (history); ids stay unique
    for c in parsed.comments {
        if doc.comment(c.id).is_some() {
            return Err(CoreError::new(ErrorCode::DuplicateId, format!("comment id {} occurs twice", c.id)));
        }
        doc.comments.push(c);
    }
    for r in parsed.reviews {
        if doc.review(r.id).is_some() {
            return Err(CoreError::new(ErrorCode::DuplicateId, format!("review id {} occurs twice", r.id)));
        }
        doc.reviews.push(r);
    }
    doc.normalise();
    Ok(doc)
}
