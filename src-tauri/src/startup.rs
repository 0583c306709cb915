//! Which document the app opens at start: `--file PATH` or a file argument, else `CAREPATH_FILE`, else the one
//! opened last (remembered in `settings.json` in the app config dir), else the COPD example
//! in the app data dir, created from the template the first time. The same settings file keeps
//! the list of recently opened documents for File → Open recent.

use crate::Session;
use carepath::model::Document;
use carepath::{CoreError, ErrorCode, Result};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use tauri::{AppHandle, Manager};

/// File name of the example created on first start.
const EXAMPLE_FILE: &str = "KOLS-eksempel.carepath";

/// How many documents File → Open recent lists.
const RECENT_MAX: usize = 8;

#[derive(Default, Serialize, Deserialize)]
struct Settings {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    last_document: Option<PathBuf>,
    /// Most recent first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    recent: Vec<PathBuf>,
    /// The name comments and review decisions are signed with.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    author: String,
}

fn settings_path(app: &AppHandle) -> Option<PathBuf> {
    app.path().app_config_dir().ok().map(|d| d.join("settings.json"))
}

fn read_settings(app: &AppHandle) -> Settings {
    settings_path(app)
        .and_then(|p| std::fs::read_to_string(p).ok())
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}

/// The recently opened documents that still exist, most recent first.
pub fn recent(app: &AppHandle) -> Vec<PathBuf> {
    read_settings(app).recent.into_iter().filter(|p| p.exists()).collect()
}

/// The name comments and review decisions are signed with ("" until it is set).
pub fn author(app: &AppHandle) -> String {
    read_settings(app).author
}

/// Keeps the reviewer's name for the next start (best effort, like the recent list).
pub fn set_author(app: &AppHandle, name: &str) {
    let mut settings = read_settings(app);
    settings.author = name.trim().to_string();
    write_settings(app, &settings);
}

fn write_settings(app: &AppHandle, settings: &Settings) {
    let Some(file) = settings_path(app) else { return };
    if let Some(dir) = file.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let tmp = file.with_extension("json.tmp");
    if let Ok(text) = serde_json::to_string_pretty(settings) {
        if std::fs::write(&tmp, text).is_ok() {
            let _ = std::fs::rename(&tmp, &file);
        }
    }
}

/// Remembers `path` as the document to reopen next time and puts it first in the recent list
/// (best effort).
pub fn remember(app: &AppHandle, path: &Path) {
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut settings = read_settings(app);
    settings.recent.retain(|p| p != &path);
    settings.recent.insert(0, path.clone());
    settings.recent.truncate(RECENT_MAX);
    settings.last_document = Some(path);
    write_settings(app, &settings);
}

/// The window title for a document.
pub fn title_of(doc: &Document) -> String {
    format!("{} — Carepath", doc.metadata.title)
}

/// The document named on the command line: `--file PATH`, `--file=PATH`, or the first
/// argument that is not an option (how the desktop hands over a double-clicked file, `%f`).
pub fn file_argument<I: IntoIterator<Item = std::ffi::OsString>>(args: I) -> Option<PathBuf> {
    let mut args = args.into_iter().skip(1);
    let mut positional = None;
    while let Some(a) = args.next() {
        if a == "--file" {
            return args.next().map(PathBuf::from);
        }
        if let Some(p) = a.to_str().and_then(|s| s.strip_prefix("--file=")) {
            return Some(PathBuf::from(p));
        }
        if positional.is_none() && !a.to_string_lossy().starts_with('-') {
            positional = Some(PathBuf::from(a));
        }
    }
    positional
}

/// A second launch of the app (a file double-clicked while Carepath runs) handed over its
/// command line: the running window comes to the front and opens the file the way File →
/// Open recent does, so one document never has two writers.
pub fn handed_over(app: &AppHandle, argv: Vec<String>, cwd: &Path) {
    if let Some(w) = app.get_webview_window("main") {
        let _ = w.unminimize();
        let _ = w.set_focus();
    }
    let Some(path) = file_argument(argv.into_iter().map(Into::into)) else { return };
    let path = cwd.join(path);
    let path = std::path::absolute(&path).unwrap_or(path);
    crate::files::hand_over(app, &path);
}

/// The document to open at start, and whether it is the default example.
pub fn start_path(app: &AppHandle) -> Result<PathBuf> {
    if let Some(p) = file_argument(std::env::args_os()) {
        return Ok(p);
    }
    if let Some(p) = std::env::var_os("CAREPATH_FILE").filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    if let Some(p) = read_settings(app).last_document.filter(|p| p.exists()) {
        return Ok(p);
    }
    let dir = app
        .path()
        .app_data_dir()
        .map_err(|e| CoreError::new(ErrorCode::Io, format!("no app data directory: {e}")))?;
    std::fs::create_dir_all(&dir).map_err(|e| CoreError::new(ErrorCode::Io, format!("{}: {e}", dir.display())))?;
    Ok(dir.join(EXAMPLE_FILE))
}

/// Opens the start document, creating the COPD example if it does not exist yet.
pub fn open_start_document(app: &AppHandle) -> Result<Session> {
    let path = start_path(app)?;
    if path.exists() {
        // a window of this app that was just closed may still be letting go of the file
        let mut tries = 0;
        loop {
            match Session::open_or_read_only(&path) {
                Err(e) if e.code == ErrorCode::FileInUse && tries < 20 => {
                    tries += 1;
                    std::thread::sleep(std::time::Duration::from_millis(250));
                }
                other => return other,
            }
        }
    } else {
        Session::create(&path, carepath::template::load("copd")?)
    }
}

#[cfg(test)]
mod tests {
    use super::file_argument;
    use std::path::PathBuf;

    fn args(a: &[&str]) -> Vec<std::ffi::OsString> {
        a.iter().map(|s| s.into()).collect()
    }

    #[test]
    fn the_file_comes_from_the_option_or_the_first_plain_argument() {
        assert_eq!(file_argument(args(&["app", "--file", "a.carepath"])), Some(PathBuf::from("a.carepath")));
        assert_eq!(file_argument(args(&["app", "--file=b.carepath"])), Some(PathBuf::from("b.carepath")));
        assert_eq!(file_argument(args(&["app", "/home/x/Mitt forløp.carepath"])), Some(PathBuf::from("/home/x/Mitt forløp.carepath")));
        assert_eq!(file_argument(args(&["app", "--some-flag", "c.carepath", "d.carepath"])), Some(PathBuf::from("c.carepath")));
        assert_eq!(file_argument(args(&["app", "c.carepath", "--file", "e.carepath"])), Some(PathBuf::from("e.carepath")), "the option wins");
        assert_eq!(file_argument(args(&["app"])), None);
        assert_eq!(file_argument(args(&["app", "--inspect"])), None);
    }
}
