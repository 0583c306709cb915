//! The commands the window may call. Each is a few lines over the core; errors cross as the
//! core's `{ code, message }`.

use crate::menu;
use crate::startup::{remember, title_of};
use crate::Session;
use carepath::edit::clipboard::{self, Fragment};
use carepath::edit::{Changed, Edit};
use carepath::export::ExportOptions;
use carepath::import::bpmn::ImportReport;
use carepath::layout::Layout;
use carepath::model::{Document, Position, StepId, VariantId};
use carepath::rules::Finding;
use carepath::template::{NewDocument, TemplateCard};
use carepath::view::{Shown, Update, View, Viewer};
use carepath::{CoreError, ErrorCode, Result};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use tauri::{AppHandle, Emitter, Manager, State, WebviewWindow};

/// The open document, if any, and why opening the first one failed, if it did.
#[derive(Default)]
pub struct AppState {
    pub session: Mutex<Option<Session>>,
    pub startup_error: Mutex<Option<CoreError>>,
    /// The steps last copied or cut; kept when another document is opened, so they paste
    /// there too.
    clipboard: Mutex<Option<Fragment>>,
    /// Edits were committed since the last flush to disk.
    dirty: AtomicBool,
    /// What the window was last sent, the base of each edit's update (locked inside the
    /// session's lock, never the other way round).
    viewer: Mutex<Viewer>,
    /// The open document's live co-editing, if it is shared (locked inside the session's lock).
    pub(crate) sharing: Mutex<Option<crate::shared::Sharing>>,
}

impl AppState {
    /// The open document's file, if one is open.
    pub fn document_path(&self) -> Option<std::path::PathBuf> {
        self.session.lock().ok()?.as_ref().map(|s| s.path().to_path_buf())
    }

    /// Flushes committed edits to the disk if there are any (called shortly after edits and
    /// at exit); an edit is already committed when its command returns.
    pub fn sync_if_dirty(&self) {
        if self.dirty.swap(false, Ordering::AcqRel) {
            if let Ok(Some(s)) = self.session.lock().as_deref_mut() {
                self.keep_shared(s);
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

    /// Runs a local edit, undo or redo and answers with the window's update; a shared
    /// document's shared form gets the change too.
    /// `f` answers what changed and whether it is a local change the shared form must get
    /// (an undo through the shared form is in it already).
    fn edit_and_show(&self, view: View, f: impl FnOnce(&mut Session) -> Result<(Vec<Changed>, bool)>, after: impl FnOnce(&Session) -> History) -> Result<(Update, History)> {
        self.edit_with_view(view, |s| {
            let (changed, local) = f(s)?;
            if local {
                self.record_shared(s, &changed);
            }
            let history = after(s);
            Ok((changed, history))
        })
    }

    /// Runs a change of the document and answers with the window's update and `f`'s extra.
    pub(crate) fn edit_with_view<T>(&self, view: View, f: impl FnOnce(&mut Session) -> Result<(Vec<Changed>, T)>) -> Result<(Update, T)> {
        self.edit(|s| {
            let (changed, extra) = f(s)?;
            let mut viewer = self.viewer.lock().map_err(|_| CoreError::new(ErrorCode::Io, "the view state is poisoned"))?;
            Ok((viewer.update(s.document(), changed, view)?, extra))
        })
    }

    pub(crate) fn with<T>(&self, f: impl FnOnce(&mut Session) -> Result<T>) -> Result<T> {
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

/// Makes `session` the open document: remembers it and shows its title. Returns the
/// document and what undo and redo would do, for [`show_opened`] once the state is unlocked.
pub fn install(app: &AppHandle, slot: &mut Option<Session>, session: Session) -> (Document, History) {
    remember(app, session.path());
    set_title(app, session.document());
    let labels = (session.undo_label(), session.redo_label());
    let doc = session.document().clone();
    *slot = Some(session);
    (doc, labels)
}

/// Undo and redo labels.
pub type History = (Option<String>, Option<String>);

/// The menu for a document just opened: enabled items, recent list, undo and redo. Called
/// without the document state locked (the menu lives on the main thread).
pub fn show_opened(app: &AppHandle, (undo, redo): History) {
    let words = menu::undo_state(app, undo.as_deref(), redo.as_deref());
    menu::update(app, |m| {
        m.open = true;
        m.recent = crate::startup::recent(app);
        m.undo = undo;
        m.redo = redo;
    });
    let _ = app.emit("history", words);
}

/// Closes the open document (which flushes it and releases its lock) and opens another
/// one with `open`; if that fails, the previous document is reopened.
pub(crate) fn switch(app: &AppHandle, state: &AppState, open: impl FnOnce() -> Result<Session>) -> Result<Document> {
    state.sync_if_dirty();
    state.drop_sharing();
    let mut slot = state.session.lock().map_err(|_| CoreError::new(ErrorCode::Io, "the document state is poisoned"))?;
    let previous = slot.take().map(|s| s.path().to_path_buf());
    match open() {
        Ok(session) => {
            let (doc, labels) = install(app, &mut slot, session);
            drop(slot);
            show_opened(app, labels);
            Ok(doc)
        }
        Err(e) => {
            *slot = previous.and_then(|p| Session::open_or_read_only(&p).ok());
            Err(e)
        }
    }
}

/// Opens the document again when another program (git checkout, merge or pull) replaced its
/// file, once the new file has been still for a moment, and tells the window
/// (`document-replaced`). The old session refuses edits meanwhile (`file_replaced`), so nothing
/// is written to the file that is no longer there; closing it first keeps its SQLite side files
/// from meeting the new file's.
pub fn reopen_if_replaced(app: &AppHandle, state: &AppState) {
    let path = {
        let Ok(slot) = state.session.lock() else { return };
        match slot.as_ref() {
            Some(s) if s.on_disk() == carepath::store::OnDisk::Replaced => s.path().to_path_buf(),
            _ => return,
        }
    };
    let settled = std::fs::metadata(&path).and_then(|m| m.modified()).ok().and_then(|t| t.elapsed().ok()).is_some_and(|age| age >= std::time::Duration::from_secs(1));
    if !settled {
        return;
    }
    match switch(app, state, || Session::open_or_read_only(&path)) {
        Ok(_) => {
            let _ = app.emit("document-replaced", path.display().to_string());
        }
        Err(e) => eprintln!("carepath: {}: could not open the file again: {}", path.display(), e.message),
    }
}

fn set_title(app: &AppHandle, doc: &Document) {
    if let Some(w) = app.get_webview_window("main") {
        let _ = w.set_title(&title_of(doc));
    }
}

#[tauri::command]
pub fn open_document(app: AppHandle, state: State<AppState>, path: PathBuf) -> Result<Document> {
    crate::files::check(&app, &path)?;
    switch(&app, &state, || Session::open_or_read_only(&path))
}

/// File -> New: a blank document or a template's copy, created at `path` and opened.
#[tauri::command]
pub fn create_document(app: AppHandle, state: State<AppState>, new: NewDocument, path: PathBuf) -> Result<Document> {
    crate::files::check(&app, &path)?;
    let doc = new.build()?;
    switch(&app, &state, || Session::create(&path, doc))
}

/// The national information services the catalogue's codes are checked against, for the
/// catalogue's picker.
#[tauri::command]
pub fn info_services() -> Vec<carepath::model::InfoService> {
    carepath::model::INFO_SERVICES.to_vec()
}

/// The templates File -> New offers.
#[tauri::command]
pub fn template_cards() -> Result<Vec<TemplateCard>> {
    carepath::template::cards()
}

#[tauri::command]
pub fn current_document(state: State<AppState>) -> Result<Document> {
    state.with(|s| Ok(s.document().clone()))
}

/// How many steps and needs use each actor, phase and information type: the panels' "in
/// use" marks, counted as removal checks them.
#[tauri::command]
pub fn document_usage(state: State<AppState>) -> Result<carepath::edit::Usage> {
    state.with(|s| Ok(carepath::edit::usage(s.document())))
}

/// After an edit, undo or redo: the title (the edit may have renamed the document); returns
/// what undo and redo would do now.
fn after_edit(window: &WebviewWindow, state: &AppState, s: &Session) -> History {
    let _ = window.set_title(&title_of(s.document()));
    state.history(s)
}

/// Shows the result of `after_edit` in the Undo and Redo menu items, once the document state
/// is unlocked.
fn show_history<T>(window: &WebviewWindow, out: Result<(T, History)>) -> Result<T> {
    let (value, (undo, redo)) = out?;
    menu::show_history(window.app_handle(), undo, redo);
    Ok(value)
}

/// Everything the window shows of the open document: it, its findings, and the layout of the
/// variant in `view`. Each edit's update is measured from what this last sent.
#[tauri::command]
pub fn show_view(state: State<AppState>, view: View) -> Result<Shown> {
    state.with(|s| {
        let mut viewer = state.viewer.lock().map_err(|_| CoreError::new(ErrorCode::Io, "the view state is poisoned"))?;
        viewer.show(s.document(), view)
    })
}

/// Applies an edit; answers with what changed for the window showing `view`.
#[tauri::command]
pub fn apply_edit(window: WebviewWindow, state: State<AppState>, edit: Edit, view: View) -> Result<Update> {
    let out = state.edit_and_show(view, |s| Ok((s.apply(edit)?, true)), |s| after_edit(&window, &state, s));
    state.send_shared(window.app_handle());
    show_history(&window, out)
}

/// What undo and redo would do now (the toolbar asks once; afterwards the "history" event
/// tells it after every edit, undo and redo).
#[tauri::command]
pub fn undo_state(app: AppHandle, state: State<AppState>) -> Result<carepath::edit::UndoState> {
    let (undo, redo) = state.with(|s| Ok(state.history(s)))?;
    Ok(menu::undo_state(&app, undo.as_deref(), redo.as_deref()))
}

/// Undo; in review mode (`review_only`) only a comment or a decision is undone.
#[tauri::command]
pub fn undo(window: WebviewWindow, state: State<AppState>, review_only: bool, view: View) -> Result<Update> {
    step_history(&window, &state, review_only, view, false)
}

/// Redo; in review mode (`review_only`) only a comment or a decision is redone.
#[tauri::command]
pub fn redo(window: WebviewWindow, state: State<AppState>, review_only: bool, view: View) -> Result<Update> {
    step_history(&window, &state, review_only, view, true)
}

/// One step back (`redo` false) or forward in the history: one's own edits through the shared
/// form while the document is shared, else the session's history (review items only in review
/// mode).
fn step_history(window: &WebviewWindow, state: &AppState, review_only: bool, view: View, redo: bool) -> Result<Update> {
    let out = state.edit_and_show(
        view,
        |s| match state.shared_history(s, redo) {
            Some(changed) => Ok((changed?, false)),
            None => Ok((
                match (redo, review_only) {
                    (false, false) => s.undo(),
                    (false, true) => s.undo_review(),
                    (true, false) => s.redo(),
                    (true, true) => s.redo_review(),
                }?,
                true,
            )),
        },
        |s| after_edit(window, state, s),
    );
    state.send_shared(window.app_handle());
    show_history(window, out)
}

/// Writes a full copy of the open document (with its history) to `path` and continues in the
/// copy; the old file stays as it was.
#[tauri::command]
pub fn save_as(app: AppHandle, state: State<AppState>, path: PathBuf) -> Result<()> {
    crate::files::check(&app, &path)?;
    state.sync_if_dirty();
    state.with(|s| {
        s.save_as(&path)?;
        remember(&app, s.path());
        set_title(&app, s.document());
        Ok(())
    })?;
    menu::update(&app, |m| m.recent = crate::startup::recent(&app));
    Ok(())
}

/// Closes the open document (flushed to disk and released); the window shows its start screen.
#[tauri::command]
pub fn close_document(app: AppHandle, state: State<AppState>) -> Result<()> {
    state.sync_if_dirty();
    let mut slot = state.session.lock().map_err(|_| CoreError::new(ErrorCode::Io, "the document state is poisoned"))?;
    if let Some(mut s) = slot.take() {
        s.sync()?;
    }
    if let Ok(mut e) = state.startup_error.lock() {
        *e = None;
    }
    if let Some(w) = app.get_webview_window("main") {
        let _ = w.set_title("Carepath");
    }
    menu::update(&app, |m| {
        m.open = false;
        m.undo = None;
        m.redo = None;
    });
    Ok(())
}

/// The file of the open document.
#[tauri::command]
pub fn document_path(state: State<AppState>) -> Result<String> {
    state.with(|s| Ok(s.path().display().to_string()))
}

/// Whether the open document is open for reading only (this user or drive may not write its
/// file): the window then shows a banner offering "save as".
#[tauri::command]
pub fn document_read_only(state: State<AppState>) -> Result<bool> {
    state.with(|s| Ok(s.is_read_only()))
}

/// The recently opened documents that still exist, most recent first.
#[tauri::command]
pub fn recent_documents(app: AppHandle) -> Vec<String> {
    crate::startup::recent(&app).iter().map(|p| p.display().to_string()).collect()
}

/// Copies steps of a variant to the app's clipboard (kept across documents) and returns them.
#[tauri::command]
pub fn copy(state: State<AppState>, variant: VariantId, steps: Vec<StepId>) -> Result<Fragment> {
    let fragment = state.with(|s| clipboard::copy(s.document(), variant, &steps))?;
    if let Ok(mut c) = state.clipboard.lock() {
        *c = Some(fragment.clone());
    }
    Ok(fragment)
}

/// The edit that pastes the clipboard into `variant` (pinned positions moved by `offset`);
/// the window sends it through `apply_edit`, so one undo removes the paste.
#[tauri::command]
pub fn paste(state: State<AppState>, variant: VariantId, offset: Position) -> Result<Edit> {
    let fragment = state.clipboard.lock().ok().and_then(|c| c.clone());
    let fragment = fragment.ok_or_else(|| CoreError::new(ErrorCode::InvalidValue, "there is nothing to paste"))?;
    state.with(|s| Ok(clipboard::paste(s.document(), variant, &fragment, offset)?.edit))
}

/// The window's language and view switches, shown in the menu (rebuilt in that language).
#[tauri::command]
pub fn set_menu_state(app: AppHandle, english: bool, minimap: bool, need_layer: bool) {
    menu::update(&app, |m| {
        m.english = english;
        m.minimap = minimap;
        m.need_layer = need_layer;
    });
}

#[tauri::command]
/// The findings; `drawing`: those that only say the pathway is unfinished come as notes.
pub fn validate(state: State<AppState>, drawing: bool) -> Result<Vec<Finding>> {
    state.with(|s| {
        let doc = s.document();
        Ok(if drawing { carepath::rules::validate_while_drawing(doc) } else { carepath::rules::validate(doc) })
    })
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
pub async fn export_document(app: AppHandle, state: State<'_, AppState>, options: ExportOptions, path: PathBuf) -> Result<()> {
    crate::files::check(&app, &path)?;
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
    crate::files::check(&app, &source)?;
    if let Some(t) = &target {
        crate::files::check(&app, t)?;
    }
    let (doc, report) = carepath::import::read(&source)?;
    let target = target.unwrap_or_else(|| beside(&source));
    switch(&app, &state, || Session::create(&target, doc))?;
    Ok(report)
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

/// Help → User guide: the guide bundled in the app (ui/dist/guide), in a window of its own
/// that reads nothing from the network and may call no command; brought to the front when
/// it is already open.
#[tauri::command]
pub fn open_guide(app: AppHandle) -> Result<()> {
    use tauri::Manager;
    if let Some(w) = app.get_webview_window("guide") {
        let _ = w.unminimize();
        return w.set_focus().map_err(|e| CoreError::new(ErrorCode::Io, format!("cannot show the user guide: {e}")));
    }
    tauri::WebviewWindowBuilder::new(&app, "guide", tauri::WebviewUrl::App("guide/index.html".into()))
        .title("Carepath — user guide")
        .inner_size(960.0, 820.0)
        .build()
        .map(|_| ())
        .map_err(|e| CoreError::new(ErrorCode::Io, format!("cannot open the user guide: {e}")))
}
