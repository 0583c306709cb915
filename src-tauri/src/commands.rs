//! The commands the window may call. Each is a few lines over the core; errors cross as the
//! core's `{ code, message }`.

use crate::startup::{remember, title_of};
use crate::Session;
use carepath::edit::{Changed, Edit};
use carepath::export::ExportOptions;
use carepath::import::bpmn::ImportReport;
use carepath::layout::Layout;
use carepath::model::{Document, VariantId};
use carepath::rules::Finding;
use carepath::{CoreError, ErrorCode, Result};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use tauri::{AppHandle, Manager, State, WebviewWindow};

/// The open document, if any, and why opening the first one failed, if it did.
#[derive(Default)]
pub struct AppState {
    pub session: Mutex<Option<Session>>,
    pub startup_error: Mutex<Option<CoreError>>,
    /// Edits were committed since the last flush to disk.
    dirty: AtomicBool,
}

impl AppState {
    /// Flushes committed edits to the disk if there are any (called shortly after edits and
    /// at exit); an edit is already committed when its command returns.
    pub fn sync_if_dirty(&self) {
        if self.dirty.swap(false, Ordering::AcqRel) {
            if let Ok(Some(s)) = self.session.lock().as_deref_mut() {
                if let Err(e) = s.sync() {
                    eprintln!("carepath: {}", e.message);
                    self.dirty.store(true, Ordering::Release);
                }
            }
        }
    }

    /// Runs an edit-like operation and marks the file for flushing.
    fn edit<T>(&self, f: impl FnOnce(&mut Session) -> Result<T>) -> Result<T> {
        let out = self.with(f);
        if out.is_ok() {
            self.dirty.store(true, Ordering::Release);
        }
        out
    }

    fn with<T>(&self, f: impl FnOnce(&mut Session) -> Result<T>) -> Result<T> {
        let mut guard = self.session.lock().map_err(|_| CoreError::new(ErrorCode::Io, "the document state is poisoned"))?;
        match guard.as_mut() {
            Some(s) => f(s),
            None => Err(self
                .startup_error
                .lock()
                .ok()
                .and_then(|e| e.clone())
                .unwrap_or_else(|| CoreError::new(ErrorCode::InvalidValue, "no document is open"))),
        }
    }
}

/// Makes `session` the open document: remembers it and shows its title.
pub fn install(app: &AppHandle, slot: &mut Option<Session>, session: Session) -> Document {
    remember(app, session.path());
    set_title(app, session.document());
    let doc = session.document().clone();
    *slot = Some(session);
    doc
}

/// Closes the open document (which flushes it and releases its lock) and opens another
/// one with `open`; if that fails, the previous document is reopened.
fn switch(app: &AppHandle, state: &AppState, open: impl FnOnce() -> Result<Session>) -> Result<Document> {
    state.sync_if_dirty();
    let mut slot = state.session.lock().map_err(|_| CoreError::new(ErrorCode::Io, "the document state is poisoned"))?;
    let previous = slot.take().map(|s| s.path().to_path_buf());
    match open() {
        Ok(session) => Ok(install(app, &mut slot, session)),
        Err(e) => {
            *slot = previous.and_then(|p| Session::open(&p).ok());
            Err(e)
        }
    }
}

fn set_title(app: &AppHandle, doc: &Document) {
    if let Some(w) = app.get_webview_window("main") {
        let _ = w.set_title(&title_of(doc));
    }
}

#[tauri::command]
pub fn open_document(app: AppHandle, state: State<AppState>, path: PathBuf) -> Result<Document> {
    switch(&app, &state, || Session::open(&path))
}

#[tauri::command]
pub fn create_from_template(app: AppHandle, state: State<AppState>, name: String, path: PathBuf) -> Result<Document> {
    let doc = crate::startup::template(&name)?;
    switch(&app, &state, || Session::create(&path, doc))
}

#[tauri::command]
pub fn current_document(state: State<AppState>) -> Result<Document> {
    state.with(|s| Ok(s.document().clone()))
}

#[tauri::command]
pub fn apply_edit(window: WebviewWindow, state: State<AppState>, edit: Edit) -> Result<Vec<Changed>> {
    state.edit(|s| {
        let changed = s.apply(edit)?;
        let _ = window.set_title(&title_of(s.document()));
        Ok(changed)
    })
}

#[tauri::command]
pub fn undo(window: WebviewWindow, state: State<AppState>) -> Result<Vec<Changed>> {
    state.edit(|s| {
        let changed = s.undo()?;
        let _ = window.set_title(&title_of(s.document()));
        Ok(changed)
    })
}

#[tauri::command]
pub fn redo(window: WebviewWindow, state: State<AppState>) -> Result<Vec<Changed>> {
    state.edit(|s| {
        let changed = s.redo()?;
        let _ = window.set_title(&title_of(s.document()));
        Ok(changed)
    })
}

#[tauri::command]
pub fn validate(state: State<AppState>) -> Result<Vec<Finding>> {
    state.with(|s| Ok(carepath::rules::validate(s.document())))
}

#[tauri::command]
pub fn layout(state: State<AppState>, variant: VariantId) -> Result<Layout> {
    state.with(|s| carepath::layout::layout(s.document(), variant))
}

/// The layout's own arrangement of a variant, as one edit the window sends back through
/// `apply_edit` (so one Ctrl+Z undoes it).
#[tauri::command]
pub fn auto_arrange(state: State<AppState>, variant: VariantId) -> Result<Edit> {
    state.with(|s| Ok(carepath::layout::auto_arrange(s.document(), variant)))
}

/// Exports the open document to `path` (atomically) with the core's exporters, the same
/// ones the CLI uses; the work runs off the main thread so the window stays responsive.
#[tauri::command]
pub async fn export_document(state: State<'_, AppState>, options: ExportOptions, path: PathBuf) -> Result<()> {
    let (doc, open) = state.with(|s| Ok((s.document().clone(), s.path().to_path_buf())))?;
    if let (Ok(a), Ok(b)) = (std::fs::canonicalize(&open), std::fs::canonicalize(&path)) {
        if a == b {
            return Err(CoreError::new(ErrorCode::AlreadyExists, format!("{}: that is the open document; choose another file", path.display())));
        }
    }
    tauri::async_runtime::spawn_blocking(move || carepath::export::export_to(&doc, &options, &path).map(|_| ()))
    .await
    .map_err(|e| CoreError::new(ErrorCode::Io, format!("the export stopped: {e}")))?
}

/// Imports a BPMN 2.0 (.bpmn, .bpmn2, .xml) or Carepath JSON file into a new .carepath
/// document at `target` (default: beside the source, never over an existing file) and opens
/// it. Returns what a BPMN import left out or approximated (empty for JSON).
#[tauri::command]
pub fn import_document(app: AppHandle, state: State<AppState>, source: PathBuf, target: Option<PathBuf>) -> Result<ImportReport> {
    let (doc, report) = read_import(&source)?;
    let target = target.unwrap_or_else(|| beside(&source));
    switch(&app, &state, || Session::create(&target, doc))?;
    Ok(report)
}

fn read_import(source: &Path) -> Result<(Document, ImportReport)> {
    let ext = source.extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    if matches!(ext.as_str(), "bpmn" | "bpmn2" | "xml") {
        return carepath::import::bpmn::read(source);
    }
    let shown = source.display();
    let text = std::fs::read_to_string(source).map_err(|e| CoreError::new(ErrorCode::Io, format!("{shown}: cannot read: {e}")))?;
    let doc = carepath::import::json::from_json(&text).map_err(|e| e.context(&shown.to_string()))?;
    Ok((doc, ImportReport::default()))
}

/// `NAME.carepath` beside `source`, or `NAME-2.carepath` ... when that exists.
fn beside(source: &Path) -> PathBuf {
    let stem = source.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "import".into());
    let dir = source.parent().unwrap_or(Path::new("."));
    (1..)
        .map(|n| dir.join(if n == 1 { format!("{stem}.carepath") } else { format!("{stem}-{n}.carepath") }))
        .find(|p| !p.exists())
        .expect("some name is free")
}
