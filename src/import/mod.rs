//! Importers: bytes to a checked document, or a clear error naming the place and the cause.
//! [`read`] picks the importer for a file the same way for the CLI and the desktop shell.

pub mod archimate;
pub mod bpmn;
pub mod json;

use crate::error::{io_cause, CoreError, ErrorCode, Result};
use crate::model::Document;
use bpmn::ImportReport;
use std::path::Path;

/// The file formats [`read`] imports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// BPMN 2.0 XML: `.bpmn`, `.bpmn2` or `.xml`.
    Bpmn,
    /// ArchiMate Open Exchange XML: an `.xml` file whose root is in the exchange format's
    /// namespace ([`format_of_file`]).
    Archimate,
    /// Carepath JSON: any other name.
    Json,
}

/// The format of a file, by its extension (case does not matter).
pub fn format_of(path: &Path) -> Format {
    let ext = path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    if matches!(ext.as_str(), "bpmn" | "bpmn2" | "xml") {
        Format::Bpmn
    } else {
        Format::Json
    }
}

/// The format of a file: by its extension, and for `.xml` by its first bytes (an ArchiMate
/// Open Exchange model names its namespace there; anything else is taken as BPMN).
pub fn format_of_file(path: &Path) -> Format {
    let format = format_of(path);
    let xml = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("xml"));
    if format == Format::Bpmn && xml {
        use std::io::Read;
        let mut head = Vec::with_capacity(4096);
        if let Ok(f) = std::fs::File::open(path) {
            let _ = f.take(4096).read_to_end(&mut head);
        }
        if memchr::memmem::find(&head, crate::format::archimate::NS.as_bytes()).is_some() || root_is_model(&head) {
            return Format::Archimate;
        }
    }
    format
}

/// An XML format's import from bytes: decoded and parsed into the bounded tree, mapped by
/// `build` (given the tree and a title from `name`), then checked as any document is; `name`
/// (usually the file name) prefixes every error. BPMN and ArchiMate share it.
fn from_xml(
    bytes: &[u8],
    name: &str,
    build: impl for<'t> FnOnce(&'t bpmn::tree::Tree<'t>, &str) -> std::result::Result<(Document, ImportReport), String>,
) -> Result<(Document, ImportReport)> {
    let fail = |m: String| CoreError::new(ErrorCode::NotCarepath, format!("{name}: {m}"));
    let text = bpmn::tree::decode(bytes).map_err(fail)?;
    let tree = bpmn::tree::parse(&text).map_err(fail)?;
    let title = Path::new(name).file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let (doc, report) = build(&tree, &title).map_err(fail)?;
    let doc = json::rebuild(doc).map_err(|e| e.context(name))?;
    Ok((doc, report))
}

/// An XML file's bytes and its shown name, refused by name when it is over the tree's size cap
/// (before anything is read) or cannot be read.
fn read_xml(path: &Path) -> Result<(Vec<u8>, String)> {
    let shown = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| CoreError::new(ErrorCode::Io, format!("{shown}: cannot read: {e}")))?;
    if meta.len() > bpmn::tree::MAX_BYTES as u64 {
        return Err(CoreError::new(ErrorCode::InvalidValue, format!("{shown}: the file is {} bytes; at most {} are read", meta.len(), bpmn::tree::MAX_BYTES)));
    }
    let bytes = std::fs::read(path).map_err(|e| CoreError::new(ErrorCode::Io, format!("{shown}: cannot read: {e}")))?;
    Ok((bytes, shown))
}

/// Whether the first element of an XML head is `<model>` (any prefix): an ArchiMate model,
/// perhaps in the wrong namespace, which the ArchiMate reader then explains.
fn root_is_model(head: &[u8]) -> bool {
    let text = String::from_utf8_lossy(head);
    let mut rest = text.as_ref();
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        if rest.starts_with('?') || rest.starts_with('!') {
            continue;
        }
        let name: String = rest.chars().take_while(|c| !c.is_whitespace() && *c != '>' && *c != '/').collect();
        return name.rsplit(':').next() == Some("model");
    }
    false
}

/// Imports a BPMN, ArchiMate or Carepath JSON file (see [`format_of_file`]); every error names
/// the file. The report lists what a BPMN or ArchiMate import left out or approximated (empty
/// for JSON).
pub fn read(path: &Path) -> Result<(Document, ImportReport)> {
    match format_of_file(path) {
        Format::Bpmn => return bpmn::read(path),
        Format::Archimate => return archimate::read(path),
        Format::Json => {}
    }
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| CoreError::new(ErrorCode::Io, format!("{shown}: cannot read: {}", io_cause(&e))))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        CoreError::new(ErrorCode::InvalidValue, format!("{shown}: not UTF-8 text (invalid byte at offset {})", e.utf8_error().valid_up_to()))
    })?;
    let doc = json::from_json(&text).map_err(|e| e.context(&shown))?;
    Ok((doc, ImportReport::default()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_format_follows_the_extension_in_any_case() {
        for bpmn in ["a.bpmn", "b.BPMN2", "dir.x/c.Xml"] {
            assert_eq!(format_of(Path::new(bpmn)), Format::Bpmn, "{bpmn}");
        }
        for json in ["a.json", "b", "c.bpmn.json", "d.carepath"] {
            assert_eq!(format_of(Path::new(json)), Format::Json, "{json}");
        }
    }

    #[test]
    fn a_file_that_is_not_utf8_is_named_with_the_offset() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("forløp.json");
        std::fs::write(&path, b"{\"a\": \"\xff\"}").unwrap();
        let e = read(&path).unwrap_err();
        assert_eq!(e.message, format!("{}: not UTF-8 text (invalid byte at offset 7)", path.display()));
        let e = read(&dir.path().join("mangler.json")).unwrap_err();
        assert!(e.message.contains("mangler.json: cannot read"), "{}", e.message);
    }
}
