//! Getting a file ready for a session: recognising it before anything can change it, locking
//! it, migrating an older one and loading it; building a new file beside its final name and
//! moving it into place whole; copying an open file for "save as".
//!
//! Order matters for "never modify a file that fails to open": a file is first identified
//! through a read-only connection (exists, not empty, SQLite, Carepath's application id, a
//! version this build reads); only then is it locked and opened for writing, and only an
//! identified older file is migrated, in one transaction.

use super::file::{self, sql_error};
use super::lock::FileLock;
use super::schema::{self, SCHEMA_VERSION};
use super::{journal, load, readonly, rows};
use crate::edit::History;
use crate::error::{CoreError, ErrorCode, Result};
use crate::model::Document;
use rusqlite::Connection;
use std::path::Path;

/// A file open for writing, with what it holds.
pub(super) struct Opened {
    pub conn: Connection,
    pub lock: FileLock,
    pub doc: Document,
    pub history: History,
}

/// Identifies an existing file without changing it; returns its schema version.
fn identify(path: &Path) -> Result<u32> {
    file::check_existing(path)?;
    let conn = file::open_read_only(path)?;
    schema::identify(&conn, path)
}

/// Runs `f` on a file; when it fails because the file is not one this build can use, removes
/// the empty `-wal` and its `-shm` that opening it made beside it (a read-only connection to a
/// file marked as WAL creates them and cannot remove them). Side files that were there before,
/// or a `-wal` that holds anything, are never touched; neither are files someone may be
/// writing (the failure is then `file_in_use` or an I/O error, not one of these).
fn leaving_nothing_behind<T>(path: &Path, f: impl FnOnce() -> Result<T>) -> Result<T> {
    let [wal, shm] = readonly::side_files(path);
    let existed = (wal.exists(), shm.exists());
    let result = f();
    if let Err(e) = &result {
        let refused = matches!(e.code, ErrorCode::NotCarepath | ErrorCode::Corrupt | ErrorCode::NewerVersion);
        let empty_wal = std::fs::metadata(&wal).map(|m| m.len() == 0).unwrap_or(false);
        if refused && !existed.0 && !existed.1 && empty_wal {
            let _ = std::fs::remove_file(&shm);
            let _ = std::fs::remove_file(&wal);
        }
    }
    result
}

pub(super) fn open(path: &Path) -> Result<Opened> {
    leaving_nothing_behind(path, || open_locked(path))
}

fn open_locked(path: &Path) -> Result<Opened> {
    identify(path)?;
    if !readonly::can_write_database(path) {
        return Err(readonly::refused(path));
    }
    let lock = FileLock::acquire(path)?;
    readonly::clear_stale_side_files(path)?;
    let mut conn = file::open_writable(path)?;
    // identify again under the lock: the file may have been replaced in between
    let version = schema::identify(&conn, path)?;
    let (doc, history) = if version < SCHEMA_VERSION {
        // an older file is migrated and read in one transaction: when its rows turn out
        // damaged the migration is rolled back and the refused file stays as it was
        check_integrity(&conn, path)?;
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).map_err(|e| sql_error(path, e))?;
        schema::migrate_in(&tx, version, SCHEMA_VERSION).map_err(|e| sql_error(path, e))?;
        let doc = load::document(&tx, path)?;
        let history = journal::load(&tx, path)?;
        tx.commit().map_err(|e| sql_error(path, e))?;
        (doc, history)
    } else {
        let tx = conn.unchecked_transaction().map_err(|e| sql_error(path, e))?;
        let doc = load::document(&tx, path)?;
        let history = journal::load(&tx, path)?;
        tx.rollback().map_err(|e| sql_error(path, e))?;
        (doc, history)
    };
    file::use_wal(&conn, path)?;
    Ok(Opened { conn, lock, doc, history })
}

/// Opens a file this process may not write for reading only: the document, its history and
/// a read-only connection to copy it from ("save as"). Creates nothing beside the file.
pub(super) fn open_read_only(path: &Path) -> Result<(Connection, Document, History)> {
    leaving_nothing_behind(path, || {
        let version = identify(path)?;
        let conn = file::open_read_only(path)?;
        if version < SCHEMA_VERSION {
            let doc = read_migrated(&conn, path, version)?;
            return Ok((conn, doc, History::default()));
        }
        let (doc, history) = {
            let tx = conn.unchecked_transaction().map_err(|e| sql_error(path, e))?;
            (load::document(&tx, path)?, journal::load(&tx, path)?)
        };
        Ok((conn, doc, history))
    })
}

/// Reads a document through a read-only connection; takes no lock.
pub(super) fn read(path: &Path) -> Result<Document> {
    leaving_nothing_behind(path, || read_unlocked(path))
}

fn read_unlocked(path: &Path) -> Result<Document> {
    let version = identify(path)?;
    let conn = file::open_reader(path)?;
    if version < SCHEMA_VERSION {
        return read_migrated(&conn, path, version);
    }
    let tx = conn.unchecked_transaction().map_err(|e| sql_error(path, e))?;
    load::document(&tx, path)
}

/// Reads an older file through a migrated copy in the temporary folder; the file is untouched.
fn read_migrated(conn: &Connection, path: &Path, version: u32) -> Result<Document> {
    let name = path.file_name().map(Path::new).unwrap_or(Path::new("old.carepath"));
    let tmp = file::temp_beside(&std::env::temp_dir().join(name));
    let result = (|| {
        // VACUUM INTO writes only the copy, but query_only refuses it all the same
        conn.pragma_update(None, "query_only", false).map_err(|e| sql_error(path, e))?;
        vacuum_into(conn, path, &tmp)?;
        let mut copy = file::open_writable(&tmp)?;
        schema::migrate(&mut copy, version).map_err(|e| sql_error(path, e))?;
        load::document(&copy, path)
    })();
    file::remove_temp(&tmp);
    result
}

fn check_integrity(conn: &Connection, path: &Path) -> Result<()> {
    let verdict: String =
        conn.query_row("PRAGMA quick_check(1)", [], |r| r.get(0)).map_err(|e| sql_error(path, e))?;
    if verdict != "ok" {
        return Err(load::corrupt(path, verdict));
    }
    Ok(())
}

fn vacuum_into(conn: &Connection, path: &Path, tmp: &Path) -> Result<()> {
    let target = tmp.to_str().ok_or_else(|| {
        CoreError::new(ErrorCode::Io, format!("{}: cannot write a copy to a path that is not valid UTF-8", tmp.display()))
    })?;
    conn.execute("VACUUM INTO ?1", [target]).map_err(|e| sql_error(path, e))?;
    Ok(())
}

/// Writes `doc` to a new file at `path` and opens it for writing.
pub(super) fn create(path: &Path, doc: Document) -> Result<Opened> {
    if std::fs::symlink_metadata(path).is_ok() {
        return Err(file::already_exists(path));
    }
    file::check_folder(path)?;
    let doc = crate::import::json::rebuild(doc).map_err(|e| e.context(path.display()))?;
    let tmp = file::temp_beside(path);
    let result = (|| {
        let mut conn = file::create_file(&tmp)?;
        schema::migrate(&mut conn, 0).map_err(|e| sql_error(path, e))?;
        let tx = conn.transaction().map_err(|e| sql_error(path, e))?;
        rows::write_all(&tx, &doc).map_err(|e| sql_error(path, e))?;
        tx.commit().map_err(|e| sql_error(path, e))?;
        finish(conn, &tmp, path, false)
    })();
    match result {
        Ok((conn, lock)) => Ok(Opened { conn, lock, doc, history: History::default() }),
        Err(e) => {
            file::remove_temp(&tmp);
            Err(file::name_target(e, &tmp, path))
        }
    }
}

/// Writes a full copy (history included) of the open file to `to`; returns it, open and locked.
pub(super) fn copy_to(conn: &Connection, from: &Path, to: &Path) -> Result<(Connection, FileLock)> {
    if std::fs::metadata(to).is_ok() {
        // refuse to replace a file someone is editing
        drop(FileLock::acquire(to)?);
    }
    file::check_folder(to)?;
    let tmp = file::temp_beside(to);
    let result = (|| {
        vacuum_into(conn, from, &tmp)?;
        let copy = file::open_writable(&tmp)?;
        file::use_wal(&copy, &tmp)?;
        finish(copy, &tmp, to, true)
    })();
    if result.is_err() {
        file::remove_temp(&tmp);
    }
    result.map_err(|e| file::name_target(e, &tmp, to))
}

/// Closes a finished temporary file, flushes it, locks it, moves it into place and reopens it.
/// The lock is taken before the move: it belongs to the file, not the name, so no other
/// process can open the new file before this one holds it.
fn finish(conn: Connection, tmp: &Path, path: &Path, replace: bool) -> Result<(Connection, FileLock)> {
    conn.close().map_err(|(_, e)| sql_error(path, e))?;
    file::sync_file(tmp)?;
    let lock = FileLock::acquire(tmp)?;
    file::publish(tmp, path, replace)?;
    let conn = file::open_writable(path)?;
    Ok((conn, lock))
}

#[cfg(test)]
mod tests {
    use crate::store::{read, Session};

    /// Turns a current file into one of schema version 1 (before history times).
    fn make_version_1(path: &std::path::Path) {
        let conn = rusqlite::Connection::open(path).unwrap();
        conn.execute_batch("DROP TABLE shared; ALTER TABLE history DROP COLUMN at; PRAGMA user_version = 1;").unwrap();
    }

    /// Turns a current file into one of schema version 2, as the release before needs had
    /// parties wrote it: each need's first two parties as `provider` and `consumer`, each
    /// information type's first code as `code`, in the rows and in the history's edits.
    fn make_version_2(path: &std::path::Path) {
        let conn = rusqlite::Connection::open(path).unwrap();
        let need = |at: &str| {
            format!(
                "json_remove(json_set({at}, '$.provider', json_extract({at}, '$.parties[0].actor'), \
                 '$.consumer', json_extract({at}, '$.parties[1].actor')), '$.parties')"
            )
        };
        conn.execute_batch(&format!(
            "UPDATE element SET body = {} WHERE kind = 'need';
             UPDATE element SET body = json_remove(json_set(body, '$.code', json_extract(body, '$.codes[0]')), '$.codes', '$.priority')
               WHERE kind = 'info_type';
             UPDATE history SET edit = json_set(edit, '$.need', json({})) WHERE json_extract(edit, '$.need') IS NOT NULL;
             DROP TABLE shared;
             PRAGMA user_version = 2;",
            need("body"),
            need("json_extract(edit, '$.need')"),
        ))
        .unwrap();
        let old: String = conn.query_row("SELECT body FROM element WHERE kind = 'need' LIMIT 1", [], |r| r.get(0)).unwrap();
        assert!(old.contains("\"provider\"") && !old.contains("\"parties\""), "{old}");
    }

    #[test]
    fn a_file_of_the_release_before_parties_opens_migrated_with_its_undo_history() {
        use crate::model::*;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v2.carepath");
        let mut doc = crate::sample::generate(30);
        for t in &mut doc.info_types {
            t.codes.truncate(1);
            t.priority = None;
        }
        let mut s = Session::create(&path, doc).unwrap();
        let v = &s.document().variants[0];
        let (vid, at, a, b) = (v.id, v.steps_sorted()[1].id, s.document().actors[0].id, s.document().actors[1].id);
        let need = DataNeed::new("Målinger til fastlegen", vec![at], Party::pair(Some(a), Some(b)));
        s.apply(crate::edit::Edit::AddNeed { variant: vid, need }).unwrap();
        let expected = crate::export::json::to_json(s.document());
        drop(s);
        make_version_2(&path);

        assert_eq!(crate::export::json::to_json(&read(&path).unwrap()), expected, "read through a migrated copy");
        let mut s = Session::open(&path).unwrap();
        assert_eq!(crate::export::json::to_json(s.document()), expected);
        let n = s.document().variants[0].needs().find(|n| n.title == "Målinger til fastlegen").unwrap().clone();
        assert_eq!(n.parties, Party::pair(Some(a), Some(b)));
        s.undo().unwrap();
        assert!(s.document().variants[0].needs().all(|n| n.title != "Målinger til fastlegen"));
        s.redo().unwrap();
        assert_eq!(crate::export::json::to_json(s.document()), expected, "the edit from before the migration redoes");
    }

    #[test]
    fn an_older_file_with_a_damaged_row_is_refused_and_left_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("damaged.carepath");
        drop(Session::create(&path, crate::sample::generate(10)).unwrap());
        make_version_2(&path);
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute("UPDATE element SET body = '{\"id\": 5}' WHERE kind = 'step' AND rowid IN (SELECT rowid FROM element WHERE kind = 'step' LIMIT 1)", [])
            .or_else(|_| conn.execute("UPDATE element SET body = '{\"id\": 5}' WHERE kind = 'step'", []))
            .unwrap();
        drop(conn);
        let before = std::fs::read(&path).unwrap();
        let err = Session::open(&path).err().expect("a damaged file is refused");
        assert_eq!(err.code, crate::ErrorCode::Corrupt, "{}", err.message);
        assert_eq!(std::fs::read(&path).unwrap(), before, "the refused file is not migrated");
        let conn = rusqlite::Connection::open(&path).unwrap();
        let version: u32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        assert_eq!(version, 2);
    }

    #[test]
    fn an_older_file_is_read_as_is_and_migrated_when_opened_for_writing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.carepath");
        let mut s = Session::create(&path, crate::sample::generate(30)).unwrap();
        let v = s.document().variants[0].id;
        let step = crate::model::Step::new(crate::model::StepKind::Activity, "gammel", None, None);
        s.apply(crate::edit::Edit::AddStep { variant: v, step }).unwrap();
        let expected = crate::export::json::to_json(s.document());
        drop(s);
        make_version_1(&path);
        let before = std::fs::read(&path).unwrap();

        assert_eq!(crate::export::json::to_json(&read(&path).unwrap()), expected);
        assert_eq!(std::fs::read(&path).unwrap(), before, "reading does not migrate");

        let mut s = Session::open(&path).unwrap();
        assert_eq!(crate::export::json::to_json(s.document()), expected);
        assert_eq!(s.history().done.len(), 1);
        s.undo().unwrap();
        s.redo().unwrap();
        drop(s);
        let conn = rusqlite::Connection::open(&path).unwrap();
        let version: u32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        assert_eq!(version, super::SCHEMA_VERSION);
        let times: Vec<Option<String>> = conn
            .prepare("SELECT at FROM history ORDER BY seq")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(times, [None], "the entry from before the migration has no time");
    }
}
