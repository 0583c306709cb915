//! Which files the window may have written or opened: only those the user chose in a native
//! dialog during this session (the dialogs are opened here, not by the page), the open
//! document, the recent documents and the start document. So a compromised page cannot make
//! the app write anywhere. A chosen file may get another extension (the export dialog swaps
//! it with the format). `CAREPATH_ALLOW_PATHS` (folders, separated like `PATH`) allows more,
//! for automated tests that cannot click a native dialog; the page cannot set it.

use carepath::{CoreError, ErrorCode, Result};
use serde::Deserialize;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use tauri::{AppHandle, Manager};
use tauri_plugin_dialog::DialogExt;

/// The files chosen in this session's dialogs.
#[derive(Default)]
pub struct Chosen(Mutex<HashSet<PathBuf>>);

#[derive(Deserialize)]
pub struct Filter {
    name: String,
    extensions: Vec<String>,
}

/// What the page asks a dialog to show.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DialogOptions {
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    filters: Vec<Filter>,
    #[serde(default)]
    default_path: Option<PathBuf>,
}

fn builder(app: &AppHandle, o: &DialogOptions) -> tauri_plugin_dialog::FileDialogBuilder<tauri::Wry> {
    let mut b = app.dialog().file();
    if let Some(t) = &o.title {
        b = b.set_title(t);
    }
    for f in &o.filters {
        let ext: Vec<&str> = f.extensions.iter().map(String::as_str).collect();
        b = b.add_filter(&f.name, &ext);
    }
    let asked = o.default_path.as_deref().and_then(Path::parent).filter(|d| !d.as_os_str().is_empty());
    let document = app.try_state::<crate::commands::AppState>().and_then(|s| s.document_path());
    let documents = app.path().document_dir().ok().or_else(|| app.path().home_dir().ok());
    if let Some(dir) = start_folder(asked, document.as_deref(), documents) {
        b = b.set_directory(dir);
    }
    if let Some(name) = o.default_path.as_deref().and_then(Path::file_name) {
        b = b.set_file_name(name.to_string_lossy());
    }
    b
}

/// The folder a file dialog starts in: the one the page asked for, else the open document's,
/// else the user's documents folder (never the program's working folder).
fn start_folder(asked: Option<&Path>, document: Option<&Path>, documents: Option<PathBuf>) -> Option<PathBuf> {
    asked
        .filter(|d| d.is_dir())
        .map(Path::to_path_buf)
        .or_else(|| document.and_then(Path::parent).filter(|d| d.is_dir()).map(Path::to_path_buf))
        .or_else(|| documents.filter(|d| d.is_dir()))
}

impl Chosen {
    /// Remembers the file a dialog returned, if any, and hands it on.
    fn remember(&self, picked: Option<tauri_plugin_dialog::FilePath>) -> Option<PathBuf> {
        let path = picked.and_then(|p| p.into_path().ok())?;
        if let Ok(mut set) = self.0.lock() {
            set.insert(path.clone());
        }
        Some(path)
    }
}

/// The native "save" dialog; the file chosen may then be written.
#[tauri::command]
pub async fn choose_save(app: AppHandle, chosen: tauri::State<'_, Chosen>, options: DialogOptions) -> Result<Option<PathBuf>> {
    Ok(chosen.remember(builder(&app, &options).blocking_save_file()))
}

/// The native "open" dialog for one file; the file chosen may then be opened.
#[tauri::command]
pub async fn choose_open(app: AppHandle, chosen: tauri::State<'_, Chosen>, options: DialogOptions) -> Result<Option<PathBuf>> {
    Ok(chosen.remember(builder(&app, &options).blocking_pick_file()))
}

/// `path` without its extension.
fn stem_path(path: &Path) -> PathBuf {
    path.with_extension("")
}

/// Whether `path` is `chosen`, or `chosen` with an extension added or swapped.
fn same_choice(path: &Path, chosen: &Path) -> bool {
    path == chosen || stem_path(path) == stem_path(chosen) || stem_path(path) == chosen
}

fn allowed_folders() -> Vec<PathBuf> {
    std::env::var_os("CAREPATH_ALLOW_PATHS").map(|v| std::env::split_paths(&v).filter(|p| p.is_absolute()).collect()).unwrap_or_default()
}

/// A file the desktop handed to a second launch: it counts as chosen (the user
/// double-clicked it), and the window opens it as it opens a recent document.
pub fn hand_over(app: &AppHandle, path: &Path) {
    use tauri::Emitter;
    if let Ok(mut set) = app.state::<Chosen>().0.lock() {
        set.insert(path.to_path_buf());
    }
    let open = carepath::view::menu::MenuEvent { id: carepath::view::menu::MenuCommand::Recent, path: Some(path.display().to_string()), checked: None };
    if let Err(e) = app.emit("menu", open) {
        eprintln!("carepath: cannot hand {} to the window: {e}", path.display());
    }
}

/// Refuses a path the user did not choose (see the module doc); `known` are the open
/// document, the recent documents and the start document.
pub fn permit(chosen: &Chosen, known: &[PathBuf], path: &Path) -> Result<()> {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let ok = chosen.0.lock().map(|set| set.iter().any(|c| same_choice(&absolute, c))).unwrap_or(false)
        || known.iter().any(|k| k == &absolute || carepath::store::same_file(k, &absolute))
        || allowed_folders().iter().any(|f| absolute.starts_with(f));
    if ok {
        return Ok(());
    }
    Err(CoreError::new(
        ErrorCode::InvalidValue,
        format!("{}: not a file chosen in this session; choose it with Open, Save as or Export", path.display()),
    ))
}

/// Refuses a path the user did not choose in this window (see the module doc).
pub fn check(app: &AppHandle, path: &Path) -> Result<()> {
    use tauri::Manager;
    let mut known = crate::startup::recent(app);
    if let Ok(guard) = app.state::<crate::commands::AppState>().session.lock() {
        known.extend(guard.as_ref().map(|s| s.path().to_path_buf()));
    }
    known.extend(crate::startup::start_path(app).ok());
    permit(&app.state::<Chosen>(), &known, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dialogs_start_beside_the_document_else_in_the_documents_folder() {
        let root = std::env::temp_dir().join(format!("carepath-dialog-{}", std::process::id()));
        let dir = &root;
        let (docs, project) = (dir.join("Dokumenter"), dir.join("prosjekt"));
        std::fs::create_dir_all(&docs).unwrap();
        std::fs::create_dir_all(&project).unwrap();
        let doc = project.join("kols.carepath");
        assert_eq!(start_folder(None, Some(&doc), Some(docs.clone())), Some(project.clone()));
        assert_eq!(start_folder(Some(&docs), Some(&doc), None), Some(docs.clone()), "the folder asked for wins");
        assert_eq!(start_folder(None, None, Some(docs.clone())), Some(docs.clone()));
        let gone = dir.join("slettet").join("x.carepath");
        assert_eq!(start_folder(Some(&dir.join("finnes-ikke")), Some(&gone), Some(docs.clone())), Some(docs));
        assert_eq!(start_folder(None, None, None), None);
        std::fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn only_chosen_files_and_their_other_extensions_are_permitted() {
        let chosen = Chosen::default();
        chosen.remember(Some(tauri_plugin_dialog::FilePath::Path("/home/a/rapport.svg".into())));
        chosen.remember(Some(tauri_plugin_dialog::FilePath::Path("/home/a/Nytt forløp".into())));
        let known = vec![PathBuf::from("/home/a/kols.carepath")];
        assert!(permit(&chosen, &known, Path::new("/home/a/rapport.svg")).is_ok());
        assert!(permit(&chosen, &known, Path::new("/home/a/rapport.pdf")).is_ok());
        assert!(permit(&chosen, &known, Path::new("/home/a/Nytt forløp.carepath")).is_ok());
        assert!(permit(&chosen, &known, Path::new("/home/a/kols.carepath")).is_ok());
        for bad in ["/home/a/annet.svg", "/home/b/rapport.svg", "/etc/passwd", "/home/a/.bashrc"] {
            let e = permit(&chosen, &known, Path::new(bad)).unwrap_err();
            assert!(e.message.contains("not a file chosen"), "{bad}: {}", e.message);
        }
    }
}
