//! Reading files this process may not write: a read-only file, a file in a folder it may not
//! write, or a file on a read-only mount. SQLite's usual read-only connection to a WAL database
//! needs the `-shm` and `-wal` files beside it: in a folder it cannot write it fails, and in one
//! it can, it creates them with the database's own mode (0444 beside a read-only file) and can
//! never remove them, so later edits fail until they are deleted by hand. So where no `-wal`
//! exists, which means no connection has the file open, the file is read as *immutable*: no
//! locks, no side files, nothing created. Where a `-wal` exists, a writer may have edits there
//! that are not yet in the file, so SQLite's own read-only connection reads them.

use super::file::{io_error, sql_error, BUSY_TIMEOUT};
use crate::error::{CoreError, ErrorCode, Result};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// The `-wal` and `-shm` files SQLite keeps beside a WAL database.
pub(crate) fn side_files(path: &Path) -> [PathBuf; 2] {
    ["-wal", "-shm"].map(|suffix| {
        let mut name = path.as_os_str().to_os_string();
        name.push(suffix);
        PathBuf::from(name)
    })
}

/// Whether this process may write `path` (an existing file or folder): file modes, owner,
/// read-only mounts. Root may write whatever is not on a read-only mount.
pub(crate) fn may_write(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let Ok(c) = std::ffi::CString::new(path.as_os_str().as_bytes()) else { return false };
        // SAFETY: `c` is a valid NUL-terminated string for the duration of the call
        unsafe { libc::access(c.as_ptr(), libc::W_OK) == 0 }
    }
    #[cfg(not(unix))]
    {
        std::fs::metadata(path).map(|m| !m.permissions().readonly()).unwrap_or(false)
    }
}

/// Whether a writable SQLite connection could work on `path`: the file writable, and the
/// folder writable for the side files, unless both are already there and writable.
pub(crate) fn can_write_database(path: &Path) -> bool {
    if !may_write(path) {
        return false;
    }
    let [wal, shm] = side_files(path);
    may_write(crate::tempfiles::folder_of(path)) || (wal.exists() && shm.exists() && may_write(&wal) && may_write(&shm))
}

/// A read-only connection that creates nothing beside the file (see the module doc).
pub(crate) fn connect(path: &Path) -> Result<Connection> {
    let [wal, _] = side_files(path);
    let conn = if wal.exists() {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        Connection::open_with_flags(path, flags).map_err(|e| sql_error(path, e))?
    } else {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
        Connection::open_with_flags(immutable_uri(path), flags).map_err(|e| sql_error(path, e))?
    };
    conn.busy_timeout(BUSY_TIMEOUT).map_err(|e| sql_error(path, e))?;
    Ok(conn)
}

/// `file:PATH?immutable=1`, every byte of the path but the unreserved ones and `/` escaped.
fn immutable_uri(path: &Path) -> String {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut uri = String::from("file:");
    for b in path_bytes(&absolute) {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => uri.push(b as char),
            _ => uri.push_str(&format!("%{b:02X}")),
        }
    }
    uri.push_str("?immutable=1");
    uri
}

#[cfg(unix)]
fn path_bytes(path: &Path) -> Vec<u8> {
    use std::os::unix::ffi::OsStrExt;
    path.as_os_str().as_bytes().to_vec()
}

#[cfg(not(unix))]
fn path_bytes(path: &Path) -> Vec<u8> {
    // SQLite's Windows URIs take forward slashes
    path.to_string_lossy().replace('\\', "/").into_bytes()
}

/// The error for opening a file for writing that this process may not write.
pub(crate) fn refused(path: &Path) -> CoreError {
    let why = if !may_write(path) {
        "the file is read-only (its permissions or a read-only drive)"
    } else {
        "its folder is read-only, so the file cannot be changed there"
    };
    CoreError::new(
        ErrorCode::ReadOnly,
        format!("{}: cannot open for editing: {why}; it can be read, exported, or saved as a copy elsewhere", path.display()),
    )
}

/// Removes `-wal` and `-shm` files that an older read-only connection left with a mode that
/// forbids writing (0444 beside a read-only file): harmless while the `-wal` is empty, but
/// they make every later edit fail. Called under the write lock, so no Carepath writer uses
/// them; a `-wal` holding anything is never touched.
pub(crate) fn clear_stale_side_files(path: &Path) -> Result<()> {
    let [wal, shm] = side_files(path);
    let stale = |p: &Path| p.exists() && !may_write(p);
    if !(stale(&wal) || stale(&shm)) {
        return Ok(());
    }
    let wal_empty = std::fs::metadata(&wal).map(|m| m.len() == 0).unwrap_or(true);
    if !wal_empty {
        return Err(CoreError::new(
            ErrorCode::ReadOnly,
            format!("{}: cannot open for editing: {} is read-only and holds changes; make it writable", path.display(), wal.display()),
        ));
    }
    for p in [&shm, &wal] {
        match std::fs::remove_file(p) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(io_error(p, "remove the left-over read-only file", e)),
        }
    }
    Ok(())
}
