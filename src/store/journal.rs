//! The history rows: every applied edit with its inverse, oldest first, so undo and redo
//! survive closing and reopening. Rows marked `undone` are the redo stack; they always come
//! after the done rows, so "the edit to undo" is the last done row and "the edit to redo" is
//! the first undone one. A new edit drops the undone rows, as [`History::record`] does, and
//! the done rows beyond [`HISTORY_LIMIT`]; opening reads at most that many.

use super::load::corrupt;
use crate::edit::{Edit, History, HistoryEntry, HISTORY_LIMIT};
use crate::error::Result;
use crate::model::Timestamp;
use rusqlite::{params, Connection};
use std::path::Path;

fn json(edit: &Edit) -> rusqlite::Result<String> {
    serde_json::to_string(edit).map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
}

/// Appends an applied edit, dropping whatever was undone.
pub(crate) fn record(conn: &Connection, edit: &Edit, inverse: &Edit, at: Timestamp) -> rusqlite::Result<()> {
    conn.prepare_cached("DELETE FROM history WHERE undone = 1")?.execute([])?;
    conn.prepare_cached("INSERT INTO history (edit, inverse, at) VALUES (?1, ?2, ?3)")?
        .execute(params![json(edit)?, json(inverse)?, at.to_rfc3339()])?;
    // every row is a done one here: keep the newest HISTORY_LIMIT (the key's index finds the cut)
    conn.prepare_cached("DELETE FROM history WHERE seq <= (SELECT seq FROM history ORDER BY seq DESC LIMIT 1 OFFSET ?1)")?
        .execute([HISTORY_LIMIT as i64])?;
    Ok(())
}

/// Marks the last done edit as undone.
pub(crate) fn mark_undone(conn: &Connection) -> rusqlite::Result<()> {
    let n = conn
        .prepare_cached("UPDATE history SET undone = 1 WHERE seq = (SELECT max(seq) FROM history WHERE undone = 0)")?
        .execute([])?;
    expect_one(n)
}

/// Marks the first undone edit as done again.
pub(crate) fn mark_redone(conn: &Connection) -> rusqlite::Result<()> {
    let n = conn
        .prepare_cached("UPDATE history SET undone = 0 WHERE seq = (SELECT min(seq) FROM history WHERE undone = 1)")?
        .execute([])?;
    expect_one(n)
}

fn expect_one(n: usize) -> rusqlite::Result<()> {
    match n {
        1 => Ok(()),
        // the file's history no longer matches the one in memory: write nothing
        _ => Err(rusqlite::Error::StatementChangedRows(n)),
    }
}

/// Reads the history: done edits oldest first, undone ones with the next to redo last.
pub(crate) fn load(conn: &Connection, path: &Path) -> Result<History> {
    let sql = |e| super::load::sql_error(path, e);
    // the newest HISTORY_LIMIT done rows (a file from before the limit may hold more) and
    // every undone one
    let mut stmt = conn
        .prepare(
            "SELECT seq, edit, inverse, undone FROM history WHERE undone = 1 OR seq > \
             coalesce((SELECT seq FROM history WHERE undone = 0 ORDER BY seq DESC LIMIT 1 OFFSET ?1), -1) ORDER BY seq",
        )
        .map_err(sql)?;
    let mut rows = stmt.query([HISTORY_LIMIT as i64]).map_err(sql)?;
    let mut history = History::default();
    while let Some(row) = rows.next().map_err(sql)? {
        let seq: i64 = row.get(0).map_err(|e| corrupt(path, e))?;
        let edit: String = row.get(1).map_err(|e| corrupt(path, e))?;
        let inverse: String = row.get(2).map_err(|e| corrupt(path, e))?;
        let undone: bool = row.get(3).map_err(|e| corrupt(path, e))?;
        let parse = |text: &str| -> Result<Edit> {
            serde_json::from_str(text).map_err(|e| corrupt(path, format!("history entry {seq}: {e}")))
        };
        let entry = HistoryEntry { edit: parse(&edit)?, inverse: parse(&inverse)? };
        if undone {
            history.undone.push(entry);
        } else if history.undone.is_empty() {
            history.done.push(entry);
        } else {
            return Err(corrupt(path, format!("history entry {seq} is done but follows an undone one")));
        }
    }
    history.undone.reverse();
    Ok(history)
}
