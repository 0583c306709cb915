//! The `.carepath` file: one SQLite database. API contract (implementation in progress).

use crate::edit::{Changed, Edit, History};
use crate::error::Result;
use crate::model::Document;
use std::path::{Path, PathBuf};

/// An open document, writable; every accepted edit is committed before the call returns.
pub struct Session {
    path: PathBuf,
    doc: Document,
    history: History,
}

impl Session {
    /// Writes `doc` to a new file at `path` (refused with `already_exists` if a file is there)
    /// and keeps it open for writing.
    pub fn create(path: &Path, doc: Document) -> Result<Session> {
        let _ = (path, doc);
        todo!()
    }
    /// Opens a file for writing; `file_in_use` if another process has it open for writing.
    pub fn open(path: &Path) -> Result<Session> {
        let _ = path;
        todo!()
    }
    pub fn path(&self) -> &Path {
        &self.path
    }
    pub fn document(&self) -> &Document {
        &self.doc
    }
    pub fn history(&self) -> &History {
        &self.history
    }
    /// Applies an edit and commits it durably; returns what changed.
    pub fn apply(&mut self, edit: Edit) -> Result<Vec<Changed>> {
        let _ = edit;
        todo!()
    }
    /// Undoes the last edit (`nothing_to_undo` when there is none).
    pub fn undo(&mut self) -> Result<Vec<Changed>> {
        todo!()
    }
    /// Redoes the last undone edit (`nothing_to_undo` when there is none).
    pub fn redo(&mut self) -> Result<Vec<Changed>> {
        todo!()
    }
    /// Writes a copy (with history) to `path` and continues in the copy.
    pub fn save_as(&mut self, path: &Path) -> Result<()> {
        let _ = path;
        todo!()
    }
}

/// Reads a document without taking the write lock (works while another process edits it).
pub fn read(path: &Path) -> Result<Document> {
    let _ = path;
    todo!()
}
