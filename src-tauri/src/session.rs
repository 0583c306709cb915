//! TEMPORARY FALLBACK — remove when `carepath::store` lands on main.
//!
//! The core's `store::Session` (SQLite, durable edits) is still a contract with `todo!()`
//! bodies. Until it is implemented, this stand-in with the same API keeps the app usable:
//! it writes the document as canonical JSON to the file (temporary file + rename after
//! every edit) and keeps undo history in memory. Once the store lands, this file is deleted
//! and `main.rs` uses `carepath::store::Session` instead.

use carepath::edit::{apply, Changed, Edit, History};
use carepath::{CoreError, ErrorCode, Result};
use carepath::model::Document;
use std::path::{Path, PathBuf};

pub struct Session {
    path: PathBuf,
    doc: Document,
    history: History,
}

fn io(path: &Path, e: std::io::Error) -> CoreError {
    CoreError::new(ErrorCode::Io, format!("{}: {e}", path.display()))
}

fn write(path: &Path, doc: &Document) -> Result<()> {
    let tmp = path.with_extension("carepath-tmp");
    std::fs::write(&tmp, carepath::export::json::to_json(doc)).map_err(|e| io(&tmp, e))?;
    std::fs::rename(&tmp, path).map_err(|e| io(path, e))
}

impl Session {
    pub fn create(path: &Path, doc: Document) -> Result<Session> {
        if path.exists() {
            return Err(CoreError::new(ErrorCode::AlreadyExists, format!("{} already exists", path.display())));
        }
        write(path, &doc)?;
        Ok(Session { path: path.to_path_buf(), doc, history: History::default() })
    }
    pub fn open(path: &Path) -> Result<Session> {
        let text = std::fs::read_to_string(path).map_err(|e| io(path, e))?;
        let doc = carepath::import::json::from_json(&text).map_err(|e| e.context(path.display()))?;
        Ok(Session { path: path.to_path_buf(), doc, history: History::default() })
    }
    pub fn path(&self) -> &Path {
        &self.path
    }
    pub fn document(&self) -> &Document {
        &self.doc
    }
    pub fn apply(&mut self, edit: Edit) -> Result<Vec<Changed>> {
        let mut next = self.doc.clone();
        let inverse = apply(&mut next, edit.clone())?;
        write(&self.path, &next)?;
        self.doc = next;
        let changed = Changed::of_applied(&edit, &inverse);
        self.history.record(edit, inverse);
        Ok(changed)
    }
    pub fn undo(&mut self) -> Result<Vec<Changed>> {
        let entry = self.history.done.pop().ok_or_else(|| CoreError::new(ErrorCode::NothingToUndo, "nothing to undo"))?;
        let mut next = self.doc.clone();
        apply(&mut next, entry.inverse.clone())?;
        write(&self.path, &next)?;
        self.doc = next;
        let changed = Changed::of_applied(&entry.edit, &entry.inverse);
        self.history.undone.push(entry);
        Ok(changed)
    }
    pub fn redo(&mut self) -> Result<Vec<Changed>> {
        let entry = self.history.undone.pop().ok_or_else(|| CoreError::new(ErrorCode::NothingToUndo, "nothing to redo"))?;
        let mut next = self.doc.clone();
        apply(&mut next, entry.edit.clone())?;
        write(&self.path, &next)?;
        self.doc = next;
        let changed = Changed::of_applied(&entry.edit, &entry.inverse);
        self.history.done.push(entry);
        Ok(changed)
    }
}
