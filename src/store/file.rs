//! The file beneath a store: opening SQLite connections without ever creating or changing a
//! file that has not been recognised, building new files at a temporary path beside the target
//! and moving them into place whole, and turning SQLite and I/O failures into errors that name
//! the file and the cause.

use super::readonly;
use crate::error::{CoreError, ErrorCode, Result};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long a statement waits for a lock held briefly by a reader in another process.
pub(crate) const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// An SQLite failure on `path` as a Carepath error.
pub(crate) fn sql_error(path: &Path, e: rusqlite::Error) -> CoreError {
    use rusqlite::ErrorCode as S;
    let p = path.display();
    let (code, text) = match &e {
        rusqlite::Error::SqliteFailure(f, _) => match f.code {
            S::NotADatabase => (ErrorCode::NotCarepath, "not a Carepath document (not an SQLite database)".to_string()),
            S::DatabaseCorrupt => (ErrorCode::Corrupt, format!("the file is damaged ({e})")),
            S::DiskFull => (ErrorCode::Io, "could not write: the disk is full".to_string()),
            S::CannotOpen => (ErrorCode::Io, format!("could not open the file ({e})")),
            S::ReadOnly => (ErrorCode::ReadOnly, format!("could not write: the file is read-only ({e})")),
            S::PermissionDenied => (ErrorCode::Io, format!("permission denied ({e})")),
            S::DatabaseBusy | S::DatabaseLocked => (ErrorCode::Io, format!("the file is busy in another process ({e})")),
            // a write that found no room comes back as an I/O error from the WAL
            S::SystemIoFailure if disk_full(path) => (ErrorCode::Io, "could not write: the disk is full".to_string()),
            _ => (ErrorCode::Io, format!("could not read or write the file ({e})")),
        },
        // a value that does not fit its column: only a damaged file has those
        _ => (ErrorCode::Corrupt, format!("the file is damaged ({e})")),
    };
    CoreError::new(code, format!("{p}: {text}"))
}

/// Whether the drive holding `path` has no room left for another page.
fn disk_full(path: &Path) -> bool {
    let folder = crate::tempfiles::folder_of(path);
    fs4::available_space(folder).map(|free| free < 64 * 1024).unwrap_or(false)
}

/// An I/O failure on `path` while doing `what`.
pub(crate) fn io_error(path: &Path, what: &str, e: std::io::Error) -> CoreError {
    CoreError::new(ErrorCode::Io, format!("{}: could not {what}: {}", path.display(), crate::error::io_cause(&e)))
}

/// Checks that `path` is an existing, non-empty file, before SQLite sees it (SQLite would
/// happily treat an empty file as an empty database).
pub(crate) fn check_existing(path: &Path) -> Result<()> {
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => CoreError::new(ErrorCode::Io, format!("{}: no such file", path.display())),
        _ => io_error(path, "read the file", e),
    })?;
    if meta.is_dir() {
        return Err(CoreError::new(ErrorCode::NotCarepath, format!("{}: is a folder, not a Carepath document", path.display())));
    }
    if let Err(e) = std::fs::File::open(path) {
        return Err(match e.kind() {
            std::io::ErrorKind::PermissionDenied => CoreError::new(
                ErrorCode::Io,
                format!("{}: permission denied: this user may not read the file (check its permissions)", path.display()),
            ),
            _ => io_error(path, "read the file", e),
        });
    }
    if meta.len() == 0 {
        return Err(CoreError::new(ErrorCode::NotCarepath, format!("{}: the file is empty; it is not a Carepath document", path.display())));
    }
    Ok(())
}

/// Checks that the folder a new file at `path` goes into exists, so that a failure names the
/// file the user asked for and the cause, not the temporary file it is built in.
pub(crate) fn check_folder(path: &Path) -> Result<()> {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => return Ok(()),
    };
    match std::fs::metadata(folder) {
        Ok(meta) if meta.is_dir() => Ok(()),
        Ok(_) => Err(CoreError::new(
            ErrorCode::Io,
            format!("{}: cannot create the file: {} is not a folder", path.display(), folder.display()),
        )),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(CoreError::new(
            ErrorCode::Io,
            format!("{}: cannot create the file: the folder {} does not exist", path.display(), folder.display()),
        )),
        Err(e) => Err(io_error(path, "create the file", e)),
    }
}

/// The same error naming `path` where it named the temporary file `tmp` a new file was built in.
pub(crate) fn name_target(e: CoreError, tmp: &Path, path: &Path) -> CoreError {
    let (tmp, path) = (tmp.display().to_string(), path.display().to_string());
    CoreError { message: e.message.replace(&tmp, &path), ..e }
}

/// A read-only connection to an existing file; it cannot change the file and creates nothing
/// beside it ([`readonly::connect`]).
pub(crate) fn open_read_only(path: &Path) -> Result<Connection> {
    readonly::connect(path)
}

/// A connection for reading a recognised file without the write lock: writable underneath,
/// so that closing it tidies away the `-wal` and `-shm` files SQLite makes beside a WAL
/// database when no other connection still uses them, but refusing every write (`query_only`).
/// A file this process may not write, or whose folder it may not write, is read through a
/// read-only connection instead.
pub(crate) fn open_reader(path: &Path) -> Result<Connection> {
    if !readonly::can_write_database(path) {
        return open_read_only(path);
    }
    match Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX) {
        Ok(conn) => {
            conn.busy_timeout(BUSY_TIMEOUT).map_err(|e| sql_error(path, e))?;
            conn.pragma_update(None, "query_only", true).map_err(|e| sql_error(path, e))?;
            Ok(conn)
        }
        Err(_) => open_read_only(path),
    }
}

/// A writable connection to an existing file (never creates one), every commit durable.
pub(crate) fn open_writable(path: &Path) -> Result<Connection> {
    connect(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)
}

/// A writable connection to a new file.
pub(crate) fn create_file(path: &Path) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = connect(path, flags)?;
    use_wal(&conn, path)?;
    Ok(conn)
}

fn connect(path: &Path, flags: OpenFlags) -> Result<Connection> {
    let conn = Connection::open_with_flags(path, flags).map_err(|e| sql_error(path, e))?;
    conn.busy_timeout(BUSY_TIMEOUT).map_err(|e| sql_error(path, e))?;
    // WAL + NORMAL: every commit survives a crash or kill of the program; Session::sync
    // flushes to the disk for power failures (see the module doc)
    conn.pragma_update(None, "synchronous", "NORMAL").map_err(|e| sql_error(path, e))?;
    Ok(conn)
}

/// Puts the file in WAL mode (a no-op when it already is): readers never block the writer.
pub(crate) fn use_wal(conn: &Connection, path: &Path) -> Result<()> {
    let mode: String =
        conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0)).map_err(|e| sql_error(path, e))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(CoreError::new(ErrorCode::Io, format!("{}: could not switch the file to WAL mode (it is in {mode} mode)", path.display())));
    }
    Ok(())
}

/// A fresh path in the folder of `path`, for building a file before it is moved into place;
/// first removes what killed processes left there ([`crate::tempfiles::sweep`]).
pub(crate) fn temp_beside(path: &Path) -> PathBuf {
    crate::tempfiles::sweep(crate::tempfiles::folder_of(path));
    crate::tempfiles::beside(path)
}

/// Removes a temporary file and what SQLite may have left beside it; errors are ignored.
pub(crate) fn remove_temp(tmp: &Path) {
    let _ = std::fs::remove_file(tmp);
    for suffix in ["-wal", "-shm", "-journal"] {
        let mut side = tmp.as_os_str().to_os_string();
        side.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(side));
    }
}

/// Flushes a finished temporary file to disk.
pub(crate) fn sync_file(path: &Path) -> Result<()> {
    std::fs::File::open(path).and_then(|f| f.sync_all()).map_err(|e| io_error(path, "write the file to disk", e))
}

/// Moves a finished file from `tmp` to `path` in one step. Without `replace` an existing file
/// at `path` is never overwritten (`already_exists`), even one that appears meanwhile.
pub(crate) fn publish(tmp: &Path, path: &Path, replace: bool) -> Result<()> {
    if replace {
        std::fs::rename(tmp, path).map_err(|e| io_error(path, "move the new file into place", e))?;
    } else {
        match std::fs::hard_link(tmp, path) {
            Ok(()) => {
                let _ = std::fs::remove_file(tmp);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return Err(already_exists(path)),
            // a file system without hard links: check, then rename
            Err(_) => {
                if path.exists() {
                    return Err(already_exists(path));
                }
                std::fs::rename(tmp, path).map_err(|e| io_error(path, "move the new file into place", e))?;
            }
        }
    }
    sync_folder(path);
    Ok(())
}

pub(crate) fn already_exists(path: &Path) -> CoreError {
    CoreError::new(ErrorCode::AlreadyExists, format!("{}: a file with this name already exists", path.display()))
}

/// Makes a rename durable (Unix); best effort.
fn sync_folder(path: &Path) {
    #[cfg(unix)]
    {
        let folder = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        if let Ok(f) = std::fs::File::open(folder) {
            let _ = f.sync_all();
        }
    }
    #[cfg(not(unix))]
    let _ = path;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publish_without_replace_never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let (tmp, path) = (dir.path().join("t"), dir.path().join("a.carepath"));
        std::fs::write(&path, b"old").unwrap();
        std::fs::write(&tmp, b"new").unwrap();
        assert_eq!(publish(&tmp, &path, false).unwrap_err().code, ErrorCode::AlreadyExists);
        assert_eq!(std::fs::read(&path).unwrap(), b"old");
        publish(&tmp, &path, true).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        assert!(!tmp.exists());
    }

    #[test]
    fn a_read_only_open_of_a_missing_file_creates_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("none.carepath");
        assert_eq!(check_existing(&path).unwrap_err().code, ErrorCode::Io);
        assert!(open_writable(&path).is_err());
        assert!(!path.exists());
        let t = temp_beside(&path);
        assert_eq!(t.parent(), path.parent());
        assert_ne!(temp_beside(&path), t);
    }

    #[test]
    fn a_new_file_in_a_missing_folder_is_refused_by_its_own_name() {
        let dir = tempfile::tempdir().unwrap();
        assert!(check_folder(&dir.path().join("a.carepath")).is_ok());
        assert!(check_folder(Path::new("a.carepath")).is_ok());
        let path = dir.path().join("borte").join("a.carepath");
        let err = check_folder(&path).unwrap_err();
        assert!(err.message.starts_with(&path.display().to_string()), "{}", err.message);
        assert!(err.message.contains("does not exist"), "{}", err.message);
        let file = dir.path().join("fil");
        std::fs::write(&file, b"x").unwrap();
        assert!(check_folder(&file.join("a.carepath")).unwrap_err().message.contains("is not a folder"));
    }
}
