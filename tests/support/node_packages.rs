//! The Node.js packages of a helper script folder (`scripts/bpmn`, `scripts/elk` ...),
//! installed with `npm ci` at most once even when several test binaries ask at the same
//! time: nextest runs tests as parallel processes, and two `npm ci` in one folder delete
//! each other's files. `scripts/test-all.sh` installs them before the tests start; this is
//! the fallback for a plain `cargo test`.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The folder `scripts/<name>` with every package in `needed` present under
/// `node_modules`, or the reason it cannot be had.
pub fn installed(name: &str, needed: &[&str]) -> Result<PathBuf, String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scripts").join(name);
    if Command::new("node").arg("--version").output().is_err() {
        return Err("Node.js is not installed".into());
    }
    let complete = |d: &Path| needed.iter().all(|p| d.join("node_modules").join(p).join("package.json").exists());
    // Always through the lock (`flock`, util-linux): a test that looked while another
    // was half-way through `npm ci` would otherwise see a half-written folder.
    let lock = std::env::temp_dir().join(format!("carepath-npm-{name}.lock"));
    let check: Vec<String> = needed.iter().map(|p| format!("[ -f node_modules/{p}/package.json ]")).collect();
    let script = format!("{} || npm ci --no-audit --no-fund --loglevel=error", check.join(" && "));
    let status = Command::new("flock")
        .arg(&lock)
        .args(["sh", "-c", &script])
        .current_dir(&dir)
        .status()
        .map_err(|e| format!("cannot run flock/npm: {e}"))?;
    if status.success() && complete(&dir) {
        Ok(dir)
    } else {
        Err(format!("`npm ci` in {} failed", dir.display()))
    }
}
