//! The schema of a `.carepath` file and how a file is recognised: `PRAGMA application_id`
//! marks the database as Carepath's, `PRAGMA user_version` is the schema version, and the
//! dated SQL files under `migrations/` (embedded at build time) bring a file from any older
//! version to this one, all in one transaction. A file from a newer Carepath is refused.

use crate::error::{CoreError, ErrorCode, Result};
use rusqlite::Connection;
use std::path::Path;

/// `PRAGMA application_id` of every `.carepath` file: "CPTH".
pub(crate) const APPLICATION_ID: i32 = 0x4350_5448;

/// One step of a file's schema: SQL, or Rust where rows' JSON changes shape.
enum Migration {
    Sql(&'static str),
    Rows(fn(&rusqlite::Transaction) -> rusqlite::Result<()>),
}

/// The migrations, oldest first; migration `i` (from 0) brings a file to version `i + 1`.
const MIGRATIONS: &[(&str, Migration)] = &[
    ("2026-01-12-initial", Migration::Sql(include_str!("migrations_sql/2026-01-12-initial.sql"))),
    ("2026-01-20-history-time", Migration::Sql(include_str!("migrations_sql/2026-01-20-history-time.sql"))),
    // needs have parties with data roles, information types several codes and a priority
    ("2026-12-07-parties-and-codes", Migration::Rows(super::migrations::upgrade_rows)),
    ("2026-12-08-shared", Migration::Sql(include_str!("migrations_sql/2026-12-08-shared.sql"))),
];

/// The schema version this build writes.
pub(crate) const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// Reads the marks of an opened database: its schema version if it is a Carepath file this
/// build can read. Reads only; never writes.
pub(crate) fn identify(conn: &Connection, path: &Path) -> Result<u32> {
    let app: i32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(|e| super::file::sql_error(path, e))?;
    if app != APPLICATION_ID {
        return Err(CoreError::new(
            ErrorCode::NotCarepath,
            format!("{}: not a Carepath document (an SQLite database of another program)", path.display()),
        ));
    }
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| super::file::sql_error(path, e))?;
    if version > SCHEMA_VERSION as i64 {
        return Err(CoreError::new(
            ErrorCode::NewerVersion,
            format!(
                "{}: written by a newer Carepath (file version {version}; this Carepath reads versions up to \
                 {SCHEMA_VERSION}); please update Carepath to open it",
                path.display()
            ),
        ));
    }
    if version < 1 {
        return Err(CoreError::new(
            ErrorCode::Corrupt,
            format!("{}: the file is damaged (marked as Carepath but it has no schema version)", path.display()),
        ));
    }
    Ok(version as u32)
}

/// Brings a database from version `from` to [`SCHEMA_VERSION`] in one transaction; `from = 0`
/// lays out a new file and marks it as Carepath's.
pub(crate) fn migrate(conn: &mut Connection, from: u32) -> rusqlite::Result<()> {
    migrate_to(conn, from, SCHEMA_VERSION)
}

pub(crate) fn migrate_to(conn: &mut Connection, from: u32, to: u32) -> rusqlite::Result<()> {
    if from >= to {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    migrate_in(&tx, from, to)?;
    tx.commit()
}

/// The steps from version `from` to `to` inside the caller's transaction, so the caller can
/// still roll them back (an older file whose rows then turn out damaged stays as it was).
pub(crate) fn migrate_in(tx: &rusqlite::Transaction, from: u32, to: u32) -> rusqlite::Result<()> {
    if from >= to {
        return Ok(());
    }
    if from == 0 {
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    }
    for (_, step) in &MIGRATIONS[from as usize..to as usize] {
        match step {
            Migration::Sql(sql) => tx.execute_batch(sql)?,
            Migration::Rows(upgrade) => upgrade(tx)?,
        }
    }
    tx.pragma_update(None, "user_version", to)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_database_gets_every_migration_and_the_marks() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.carepath");
        let mut conn = Connection::open(&path).unwrap();
        migrate(&mut conn, 0).unwrap();
        assert_eq!(identify(&conn, &path).unwrap(), SCHEMA_VERSION);
        let cols: Vec<String> = conn
            .prepare("SELECT name FROM pragma_table_info('history')")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(cols, ["seq", "edit", "inverse", "undone", "at"]);
    }

    #[test]
    fn migrating_step_by_step_gives_the_same_schema() {
        let schema = |conn: &Connection| -> Vec<String> {
            conn.prepare("SELECT sql FROM sqlite_schema ORDER BY name")
                .unwrap()
                .query_map([], |r| r.get(0))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap()
        };
        let mut all = Connection::open_in_memory().unwrap();
        migrate(&mut all, 0).unwrap();
        let mut steps = Connection::open_in_memory().unwrap();
        for v in 0..SCHEMA_VERSION {
            migrate_to(&mut steps, v, v + 1).unwrap();
        }
        assert_eq!(schema(&all), schema(&steps));
    }

    #[test]
    fn newer_and_foreign_databases_are_refused_by_name() {
        let path = Path::new("/tmp/x.carepath");
        let conn = Connection::open_in_memory().unwrap();
        assert_eq!(identify(&conn, path).unwrap_err().code, ErrorCode::NotCarepath);
        conn.pragma_update(None, "application_id", APPLICATION_ID).unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1).unwrap();
        let err = identify(&conn, path).unwrap_err();
        assert_eq!(err.code, ErrorCode::NewerVersion);
        assert!(err.message.contains("/tmp/x.carepath"), "{}", err.message);
        assert!(err.message.contains(&format!("version {}", SCHEMA_VERSION + 1)), "{}", err.message);
        assert!(err.message.contains("update Carepath"), "{}", err.message);
    }
}
