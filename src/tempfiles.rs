//! Temporary files beside their targets: one naming scheme (`.NAME.PID-N.tmp`) for every file
//! or folder the core builds before moving it into place, and a sweep that removes what a
//! killed process left behind. The sweep removes only entries of this scheme whose process
//! is gone (a live process, or a new one that got the same number, keeps its own), and the
//! side files SQLite made beside them (`-wal`, `-shm`, `-journal`).

use crate::error::{CoreError, ErrorCode, Result};
use std::path::{Path, PathBuf};

/// A fresh path in the folder of `path` for building it before it is moved into place.
pub(crate) fn beside(path: &Path) -> PathBuf {
    use std::sync::atomic::{AtomicU32, Ordering};
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "carepath".into());
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    path.with_file_name(format!(".{name}.{}-{n}.tmp", std::process::id()))
}

/// Writes `bytes` to `path` atomically: a temporary file beside it, then a rename, so a
/// reader never sees half a file and a failed export leaves the old file as it was.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    let shown = path.display();
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .ok_or_else(|| CoreError::new(ErrorCode::InvalidValue, format!("{shown}: not a file name")))?;
    sweep(dir);
    let tmp = beside(&dir.join(name));
    let result = std::fs::write(&tmp, bytes).and_then(|_| std::fs::rename(&tmp, path));
    result.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        CoreError::new(ErrorCode::Io, format!("{shown}: cannot write: {}", crate::error::io_cause(&e)))
    })
}

/// The process that made a temporary entry of this scheme, from its name.
fn maker(name: &str) -> Option<u32> {
    let name = name.strip_prefix('.')?;
    let base = ["-wal", "-shm", "-journal"].iter().find_map(|s| name.strip_suffix(s)).unwrap_or(name);
    let stem = base.strip_suffix(".tmp")?;
    let (_, tail) = stem.rsplit_once('.')?;
    let (pid, n) = tail.split_once('-')?;
    if pid.is_empty() || n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    pid.parse().ok()
}

fn alive(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else { return true };
        // SAFETY: signal 0 only checks that the process exists and may be signalled
        let r = unsafe { libc::kill(pid, 0) };
        r == 0 || std::io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
}

/// Removes the temporary entries in `folder` whose process is gone; returns how many.
/// Best effort: what cannot be read or removed stays.
pub(crate) fn sweep(folder: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(folder) else { return 0 };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(maker) else { continue };
        if alive(pid) {
            continue;
        }
        let path = entry.path();
        let gone = match entry.file_type() {
            Ok(t) if t.is_dir() => std::fs::remove_dir_all(&path),
            _ => std::fs::remove_file(&path),
        };
        if gone.is_ok() {
            removed += 1;
        }
    }
    removed
}

/// The folder a file at `path` is in (`.` for a bare name).
pub(crate) fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_of_the_scheme_are_recognised_with_their_process() {
        assert_eq!(maker(".a.carepath.123-4.tmp"), Some(123));
        assert_eq!(maker(".a.carepath.123-4.tmp-wal"), Some(123));
        assert_eq!(maker(".rapport.md.77-0.tmp"), Some(77));
        assert_eq!(maker("a.carepath.123-4.tmp"), None);
        assert_eq!(maker(".a.carepath"), None);
        assert_eq!(maker(".a.x-4.tmp"), None);
        let mine = beside(Path::new("/x/b.carepath"));
        assert_eq!(maker(mine.file_name().unwrap().to_str().unwrap()), Some(std::process::id()));
    }

    #[test]
    fn the_sweep_removes_only_what_a_gone_process_left() {
        let dir = tempfile::tempdir().unwrap();
        // a process that has ended: a child that ran and was waited for
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let gone = child.id();
        child.wait().unwrap();
        let names = [
            format!(".a.carepath.{gone}-0.tmp"),
            format!(".a.carepath.{gone}-0.tmp-wal"),
            format!(".a.carepath.{gone}-0.tmp-shm"),
        ];
        for n in &names {
            std::fs::write(dir.path().join(n), b"x").unwrap();
        }
        std::fs::create_dir(dir.path().join(format!(".rapport.md.{gone}-1.tmp"))).unwrap();
        std::fs::write(dir.path().join(format!(".rapport.md.{gone}-1.tmp/side.md")), b"x").unwrap();
        let mine = beside(&dir.path().join("b.carepath"));
        std::fs::write(&mine, b"x").unwrap();
        std::fs::write(dir.path().join("a.carepath"), b"x").unwrap();
        std::fs::write(dir.path().join(".skjult.tmp"), b"x").unwrap();
        assert_eq!(sweep(dir.path()), 4);
        let mut left: Vec<String> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
        left.sort();
        let mut want = vec![".skjult.tmp".to_string(), "a.carepath".into(), mine.file_name().unwrap().to_str().unwrap().to_string()];
        want.sort();
        assert_eq!(left, want);
    }
}
