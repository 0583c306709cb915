//! The write lock of a `.carepath` file: an exclusive advisory lock (`flock` on Unix) on the
//! database file, held for as long as a [`Session`](super::Session) has the file open for
//! writing. A second writer, in this process or another, gets `file_in_use`; readers take no
//! lock. The operating system releases the lock when the process dies, so a crash never leaves
//! a file locked.
//!
//! Locks are per open file description, so a second lock attempt in the same process would
//! also fail, but it would first open and then close a descriptor on the database file, and
//! closing any descriptor drops the POSIX locks SQLite holds on that file in this process. So
//! the files this process holds are also kept in a table and refused before anything is opened.
//! On systems without `flock` (Windows) the lock is taken on a `.lock` file beside the database,
//! because a mandatory whole-file lock there would also block SQLite's own reads.

use crate::error::{CoreError, ErrorCode, Result};
use fs4::fs_std::FileExt;
use std::collections::HashSet;
use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

/// Identifies a file however it is named: device and inode on Unix.
type FileKey = (u64, u64);

static HELD: Mutex<Option<HashSet<FileKey>>> = Mutex::new(None);

fn held() -> MutexGuard<'static, Option<HashSet<FileKey>>> {
    HELD.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// An exclusive lock on one file; released on drop.
#[derive(Debug)]
pub(crate) struct FileLock {
    file: Option<File>,
    key: FileKey,
}

fn in_use(path: &Path) -> CoreError {
    CoreError::new(
        ErrorCode::FileInUse,
        format!(
            "{}: the file is open in another Carepath window or process; close it there first",
            path.display()
        ),
    )
}

fn io(path: &Path, what: &str, e: std::io::Error) -> CoreError {
    CoreError::new(ErrorCode::Io, format!("{}: could not {what}: {e}", path.display()))
}

#[cfg(unix)]
fn lock_path(path: &Path) -> PathBuf {
    path.to_path_buf()
}

#[cfg(not(unix))]
fn lock_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    path.with_file_name(name)
}

#[cfg(unix)]
fn key_of(meta: &std::fs::Metadata, _: &Path) -> FileKey {
    use std::os::unix::fs::MetadataExt;
    (meta.dev(), meta.ino())
}

#[cfg(not(unix))]
fn key_of(_: &std::fs::Metadata, path: &Path) -> FileKey {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf()).hash(&mut h);
    (0, h.finish())
}

impl FileLock {
    /// Takes the write lock of the database at `path`, or fails with `file_in_use`.
    pub(crate) fn acquire(path: &Path) -> Result<FileLock> {
        let target = lock_path(path);
        let mut opts = OpenOptions::new();
        opts.read(true);
        if target != path {
            opts.write(true).create(true).truncate(false);
        }
        let meta = std::fs::metadata(path).map_err(|e| io(path, "read the file", e))?;
        let key = key_of(&meta, path);
        let mut table = held();
        let set = table.get_or_insert_with(HashSet::new);
        if set.contains(&key) {
            return Err(in_use(path));
        }
        let file = opts.open(&target).map_err(|e| io(path, "open the file", e))?;
        match file.try_lock_exclusive() {
            Ok(true) => {}
            Ok(false) => return Err(in_use(path)),
            Err(e) => return Err(io(path, "lock the file", e)),
        }
        set.insert(key);
        Ok(FileLock { file: Some(file), key })
    }
}

/// What became of a locked file's name on disk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnDisk {
    /// The name still leads to the file that is open.
    Same,
    /// Another file has taken the name (git checkout and merge write a new file).
    Replaced,
    /// Nothing has the name any more (moved or deleted).
    Gone,
}

impl FileLock {
    /// Whether `path` still names the locked file.
    pub(crate) fn on_disk(&self, path: &Path) -> OnDisk {
        match std::fs::metadata(path) {
            Ok(meta) if key_of(&meta, path) == self.key => OnDisk::Same,
            Ok(_) => OnDisk::Replaced,
            Err(_) => OnDisk::Gone,
        }
    }
}

impl Drop for FileLock {
    fn drop(&mut self) {
        // closing the descriptor releases the lock; only then may this process lock it again
        let mut table = held();
        drop(self.file.take());
        if let Some(set) = table.as_mut() {
            set.remove(&self.key);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_is_refused_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.carepath");
        std::fs::write(&path, b"x").unwrap();
        let first = FileLock::acquire(&path).unwrap();
        let err = FileLock::acquire(&path).unwrap_err();
        assert_eq!(err.code, ErrorCode::FileInUse);
        assert!(err.message.contains("open in another Carepath window or process"), "{}", err.message);
        drop(first);
        FileLock::acquire(&path).unwrap();
    }

    #[test]
    fn a_missing_file_is_an_io_error() {
        let dir = tempfile::tempdir().unwrap();
        let err = FileLock::acquire(&dir.path().join("gone.carepath")).unwrap_err();
        assert_eq!(err.code, ErrorCode::Io);
    }
}
