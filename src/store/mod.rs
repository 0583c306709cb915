//! The `.carepath` file: one SQLite database (WAL, `synchronous = NORMAL`) holding the document
//! as one row per element, and the edit history. A [`Session`] has a file open for writing,
//! under an exclusive lock; each accepted edit, undo and redo is one transaction that writes
//! exactly the changed rows and the history entry, committed before the call returns, so a
//! crash or kill of the program loses at most the edit in flight. [`read`] reads a file
//! without the lock.
//!
//! Durability against power loss: a commit reaches the operating system before the call
//! returns, but the disk is flushed by [`Session::sync`] (and on close), not on every edit —
//! an fsync per edit costs 3–4 ms on common virtual disks, while a commit without it costs
//! tens of microseconds. The desktop app calls `sync` shortly after the last edit, so a power
//! failure can lose at most the edits of that last moment; the file itself stays consistent.
//!
//! Modules: `schema` (marks, version, migrations), `file` (connections, temporary files,
//! errors), `lock` (the write lock), `rows` (writing elements), `load` (reading them
//! back), `journal` (history rows), `open` (open, create, copy).

mod file;
mod journal;
mod load;
mod lock;
mod migrations;
mod open;
mod readonly;
mod rows;
mod schema;

use crate::edit::{self, Changed, Edit, History};
use crate::error::{CoreError, ErrorCode, Result};
use crate::model::{Document, Timestamp};
pub use lock::OnDisk;
use lock::FileLock;
use rusqlite::{Connection, TransactionBehavior};
use std::path::{Path, PathBuf};

/// The schema version of the files this build writes (`PRAGMA user_version`).
pub const FILE_VERSION: u32 = schema::SCHEMA_VERSION;
/// `PRAGMA application_id` of every `.carepath` file.
pub const APPLICATION_ID: i32 = schema::APPLICATION_ID;

/// Where a document is shared for live co-editing, and the shared form as last held here.
#[derive(Clone, Debug, PartialEq)]
pub struct Shared {
    /// The collaboration server's address (`wss://…`).
    pub server: String,
    /// The document's name on the server.
    pub name: String,
    pub token: String,
    /// The shared (Yjs) form's state, as one update.
    pub state: Vec<u8>,
}

/// An open document; every accepted edit is committed before the call returns. A session
/// opened with [`Session::open_read_only`] refuses edits (`read_only`) until "save as" has
/// moved it to a file it may write.
pub struct Session {
    path: PathBuf,
    doc: Document,
    history: History,
    // the connection closes before the lock is released (fields drop in this order)
    conn: Connection,
    // None: open for reading only
    _lock: Option<FileLock>,
}

impl Session {
    /// Writes `doc` to a new file at `path` (refused with `already_exists` if a file is there)
    /// and keeps it open for writing.
    pub fn create(path: &Path, doc: Document) -> Result<Session> {
        Ok(Session::from(path, open::create(path, doc)?))
    }
    /// Opens a file for writing; `file_in_use` if another process has it open for writing.
    pub fn open(path: &Path) -> Result<Session> {
        Ok(Session::from(path, open::open(path)?))
    }
    /// Opens a file for reading only, for a file this user or drive does not let it write
    /// (`read_only` from [`Session::open`]): the document and its history can be read,
    /// exported and saved as a copy; edits, undo and redo are refused. Nothing is created
    /// beside the file.
    pub fn open_read_only(path: &Path) -> Result<Session> {
        let (conn, doc, history) = open::open_read_only(path)?;
        Ok(Session { path: path.to_path_buf(), doc, history, conn, _lock: None })
    }
    /// Opens a file for writing, or for reading only when this user or drive may not write
    /// it ([`Session::is_read_only`] tells which); every other failure is returned as it is.
    pub fn open_or_read_only(path: &Path) -> Result<Session> {
        match Session::open(path) {
            Err(e) if e.code == ErrorCode::ReadOnly => Session::open_read_only(path),
            other => other,
        }
    }
    fn from(path: &Path, o: open::Opened) -> Session {
        Session { path: path.to_path_buf(), doc: o.doc, history: o.history, conn: o.conn, _lock: Some(o.lock) }
    }
    /// Whether edits are refused because the file was opened for reading only.
    pub fn is_read_only(&self) -> bool {
        self._lock.is_none()
    }
    fn check_writable(&self) -> Result<()> {
        if self.is_read_only() {
            return Err(CoreError::new(
                ErrorCode::ReadOnly,
                format!("{}: the file is open for reading only; use Save as to keep changes in a copy. The edit was not made.", self.path.display()),
            ));
        }
        match self.on_disk() {
            OnDisk::Same => Ok(()),
            OnDisk::Replaced => Err(CoreError::new(
                ErrorCode::FileReplaced,
                format!("{}: another program (for example git) replaced the file while it was open; the edit was not made. Open the file again to go on from what it holds now.", self.path.display()),
            )),
            OnDisk::Gone => Err(CoreError::new(
                ErrorCode::FileReplaced,
                format!("{}: the file was moved or deleted while it was open; the edit was not made. Use Save as to keep the document.", self.path.display()),
            )),
        }
    }
    /// What became of the open file's name on disk since it was opened for writing (a file
    /// open for reading only is always `Same`).
    pub fn on_disk(&self) -> OnDisk {
        self._lock.as_ref().map_or(OnDisk::Same, |l| l.on_disk(&self.path))
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
    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }
    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }
    /// What undo would undo, for a menu ("add step").
    pub fn undo_label(&self) -> Option<String> {
        self.history.undo_label()
    }
    /// What redo would redo.
    pub fn redo_label(&self) -> Option<String> {
        self.history.redo_label()
    }

    /// Applies an edit and commits it durably; returns what changed. If the file cannot be
    /// written, the document is left as it was and the error is `io`.
    pub fn apply(&mut self, edit: Edit) -> Result<Vec<Changed>> {
        self.apply_at(edit, Timestamp::now())
    }

    /// Applies an edit made elsewhere (a co-editor's, through the shared document), stamping
    /// the document with the modification time the shared document holds, so every
    /// participant's file says the same.
    pub fn apply_at(&mut self, edit: Edit, modified: Timestamp) -> Result<Vec<Changed>> {
        self.check_writable()?;
        let inverse = edit::apply(&mut self.doc, edit.clone())?;
        let changed = Changed::of_applied(&edit, &inverse);
        let written = self.commit_at(&changed, modified, |conn, now| journal::record(conn, &edit, &inverse, now));
        match written {
            Ok(()) => {
                self.history.record(edit, inverse);
                Ok(changed)
            }
            Err(e) => {
                let _ = edit::apply(&mut self.doc, inverse);
                Err(e)
            }
        }
    }

    /// Where the document is shared, if it is: server, name, token and the shared form's state.
    pub fn shared(&self) -> Result<Option<Shared>> {
        use rusqlite::OptionalExtension;
        self.conn
            .query_row("SELECT server, name, token, state FROM shared WHERE one = 1", [], |r| {
                Ok(Shared { server: r.get(0)?, name: r.get(1)?, token: r.get(2)?, state: r.get(3)? })
            })
            .optional()
            .map_err(|e| file::sql_error(&self.path, e))
    }

    /// Records where the document is shared and the shared form's state (replacing what was
    /// there), committed before it returns; `None` stops sharing.
    pub fn set_shared(&mut self, shared: Option<&Shared>) -> Result<()> {
        self.check_writable()?;
        let result = match shared {
            Some(s) => self.conn.execute(
                "INSERT INTO shared (one, server, name, token, state) VALUES (1, ?1, ?2, ?3, ?4)
                 ON CONFLICT (one) DO UPDATE SET server = ?1, name = ?2, token = ?3, state = ?4",
                rusqlite::params![s.server, s.name, s.token, s.state],
            ),
            None => self.conn.execute("DELETE FROM shared", []),
        };
        result.map(|_| ()).map_err(|e| file::sql_error(&self.path, e))
    }

    /// Keeps the shared form's state of a shared document (after each change to it).
    pub fn set_shared_state(&mut self, state: &[u8]) -> Result<()> {
        self.check_writable()?;
        self.conn
            .execute("UPDATE shared SET state = ?1 WHERE one = 1", [state])
            .map(|_| ())
            .map_err(|e| file::sql_error(&self.path, e))
    }

    /// Flushes every committed edit to the disk (a WAL checkpoint with fsync), so the edits
    /// survive a power failure too. Cheap when nothing changed since the last call.
    pub fn sync(&mut self) -> Result<()> {
        if self.is_read_only() {
            return Ok(());
        }
        self.conn
            .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))
            .map_err(|e| CoreError::new(ErrorCode::Io, format!("{}: could not flush to disk: {e}", self.path.display())))
    }

    /// Undoes the last edit (`nothing_to_undo` when there is none).
    pub fn undo(&mut self) -> Result<Vec<Changed>> {
        self.check_writable()?;
        let entry = self.history.done.last().ok_or_else(|| nothing("undo"))?;
        let inverse = entry.inverse.clone();
        let redo = edit::apply(&mut self.doc, inverse.clone())?;
        let changed = Changed::of_applied(&inverse, &redo);
        match self.commit(&changed, |conn, _| journal::mark_undone(conn)) {
            Ok(()) => {
                let entry = self.history.done.pop().expect("checked above");
                self.history.undone.push(entry);
                Ok(changed)
            }
            Err(e) => {
                let _ = edit::apply(&mut self.doc, redo);
                Err(e)
            }
        }
    }

    /// Undo in review mode: like [`Session::undo`], but refused with `review_only` when the
    /// last edit changed the model rather than a comment or a decision.
    pub fn undo_review(&mut self) -> Result<Vec<Changed>> {
        if let Some(e) = self.history.done.last().filter(|e| !e.edit.is_review()) {
            return Err(review_only("undo", &e.edit));
        }
        self.undo()
    }

    /// Redo in review mode: refused with `review_only` when it would change the model.
    pub fn redo_review(&mut self) -> Result<Vec<Changed>> {
        if let Some(e) = self.history.undone.last().filter(|e| !e.edit.is_review()) {
            return Err(review_only("redo", &e.edit));
        }
        self.redo()
    }

    /// Redoes the last undone edit (`nothing_to_undo` when there is none).
    pub fn redo(&mut self) -> Result<Vec<Changed>> {
        self.check_writable()?;
        let entry = self.history.undone.last().ok_or_else(|| nothing("redo"))?;
        let edit = entry.edit.clone();
        let inverse = edit::apply(&mut self.doc, edit.clone())?;
        let changed = Changed::of_applied(&edit, &inverse);
        match self.commit(&changed, |conn, _| journal::mark_redone(conn)) {
            Ok(()) => {
                let entry = self.history.undone.pop().expect("checked above");
                self.history.done.push(entry);
                Ok(changed)
            }
            Err(e) => {
                let _ = edit::apply(&mut self.doc, inverse);
                Err(e)
            }
        }
    }

    /// Writes the rows of an edit already made in memory, its history change and the new
    /// modification time in one transaction. On failure nothing is written and the
    /// modification time in memory is restored; the caller reverts the edit.
    fn commit(
        &mut self,
        changed: &[Changed],
        history: impl FnOnce(&Connection, Timestamp) -> rusqlite::Result<()>,
    ) -> Result<()> {
        self.commit_at(changed, Timestamp::now(), history)
    }

    fn commit_at(
        &mut self,
        changed: &[Changed],
        now: Timestamp,
        history: impl FnOnce(&Connection, Timestamp) -> rusqlite::Result<()>,
    ) -> Result<()> {
        let before = self.doc.metadata.modified;
        self.doc.metadata.modified = now;
        let doc = &self.doc;
        let result = (|| {
            let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            rows::write_changed(&tx, doc, changed)?;
            history(&tx, now)?;
            tx.commit()
        })();
        result.map_err(|e| {
            self.doc.metadata.modified = before;
            let e = file::sql_error(&self.path, e);
            CoreError::new(ErrorCode::Io, format!("{} The edit was not made.", e.message))
        })
    }

    /// Writes a copy (with history) to `path` and continues in the copy. The old file stays as
    /// it is and is released.
    pub fn save_as(&mut self, path: &Path) -> Result<()> {
        if same_file(&self.path, path) {
            if self.is_read_only() {
                return Err(readonly::refused(path));
            }
            return Ok(());
        }
        let (conn, lock) = open::copy_to(&self.conn, &self.path, path)?;
        // the old connection closes before its lock goes
        self.conn = conn;
        self._lock = Some(lock);
        self.path = path.to_path_buf();
        Ok(())
    }
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session")
            .field("path", &self.path)
            .field("read_only", &self.is_read_only())
            .field("steps", &self.doc.step_count())
            .field("done", &self.history.done.len())
            .field("undone", &self.history.undone.len())
            .finish()
    }
}

fn review_only(what: &str, edit: &Edit) -> CoreError {
    CoreError::new(
        ErrorCode::ReviewOnly,
        format!("review mode can {what} only comments and decisions; \"{}\" changes the pathway: leave review mode to {what} it", edit.describe()),
    )
}

fn nothing(what: &str) -> CoreError {
    CoreError::new(ErrorCode::NothingToUndo, format!("there is nothing to {what}"))
}

/// Whether two paths name the same existing file (links and `..` resolved).
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Reads a document without taking the write lock (works while another process edits it).
pub fn read(path: &Path) -> Result<Document> {
    open::read(path)
}

/// Whether the file at `path` is marked as a Carepath document (an SQLite header carrying
/// Carepath's application id). Reads only the first 100 bytes, never opens it as a database;
/// for refusing to write an export over a document.
pub fn is_carepath_file(path: &Path) -> bool {
    use std::io::Read;
    let mut header = [0u8; 100];
    let Ok(mut f) = std::fs::File::open(path) else { return false };
    if f.read_exact(&mut header).is_err() {
        return false;
    }
    header.starts_with(b"SQLite format 3\0") && header[68..72] == APPLICATION_ID.to_be_bytes()
}
