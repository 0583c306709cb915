//! The native menu bar (File, Edit, View, Help) in bokmål or English. Every item sends one
//! `menu` event with its id to the window, which runs the command (ui/src/commands); the menu
//! itself does nothing to the document.
//!
//! Shortcut ownership: the menu carries the accelerators of commands that mean nothing inside
//! a text field (New, Open, Save as, Import, Export, Close, Find, zoom, F1). The text-editing
//! keys (Ctrl+Z/Y/X/C/V/A, Delete) stay with the page: a GTK accelerator takes the key before
//! the web view sees it, so an accelerator on them would break undo, copy and paste inside
//! text fields. Those items therefore show no accelerator; the shortcuts dialog lists them.

use carepath::view::menu::{MenuCommand, MenuEvent};
use std::path::PathBuf;
use std::sync::Mutex;
use tauri::menu::{CheckMenuItem, Menu, MenuItem, PredefinedMenuItem, Submenu};
use tauri::{AppHandle, Emitter, Manager, Wry};

/// What the menu shows besides its fixed items; the window sends the first three.
#[derive(Clone, Debug, PartialEq)]
pub struct MenuState {
    pub english: bool,
    pub minimap: bool,
    pub need_layer: bool,
    pub recent: Vec<PathBuf>,
    /// What undo and redo would do ("add step"), when anything.
    pub undo: Option<String>,
    pub redo: Option<String>,
    /// Whether a document is open (else only New, Open and the recent list are enabled).
    pub open: bool,
}

impl Default for MenuState {
    fn default() -> Self {
        Self { english: false, minimap: false, need_layer: true, recent: Vec::new(), undo: None, redo: None, open: true }
    }
}

/// The menu's state and the items whose text changes after every edit.
#[derive(Default)]
pub struct MenuHolder {
    pub state: Mutex<MenuState>,
    history: Mutex<Option<(MenuItem<Wry>, MenuItem<Wry>)>>,
}

fn tr(english: bool, nb: &'static str, en: &'static str) -> &'static str {
    if english {
        en
    } else {
        nb
    }
}

/// The op names of `Edit::describe` in bokmål; a batch's own label if it has no entry.
fn edit_name(english: bool, what: &str) -> String {
    if english {
        return what.to_string();
    }
    let nb = match what {
        "set metadata" => "endre metadata",
        "add actor" => "legg til aktør",
        "update actor" => "endre aktør",
        "remove actor" => "slett aktør",
        "add phase" => "legg til fase",
        "update phase" => "endre fase",
        "remove phase" => "slett fase",
        "add info type" => "legg til informasjonstype",
        "update info type" => "endre informasjonstype",
        "remove info type" => "slett informasjonstype",
        "add variant" | "copy variant" => "legg til variant",
        "update variant" => "endre variant",
        "remove variant" => "slett variant",
        "add step" => "legg til steg",
        "update step" => "endre steg",
        "remove step" => "slett steg",
        "add transition" => "legg til overgang",
        "update transition" => "endre overgang",
        "remove transition" => "slett overgang",
        "add need" => "legg til behov",
        "update need" => "endre behov",
        "remove need" => "slett behov",
        "paste" => "lim inn",
        "append step" => "legg til neste steg",
        "move" => "flytt steg",
        "add comment" => "legg til kommentar",
        "update comment" => "endre kommentar",
        "remove comment" => "slett kommentar",
        "add review" | "update review" => "vurdering",
        "remove review" => "slett vurdering",
        "merge review" => "hent inn gjennomgang",
        "delete" => "slett",
        "auto arrange" => "ordne automatisk",
        _ => return String::new(),
    };
    nb.to_string()
}

/// "Angre legg til steg" / "Undo add step", or plain "Angre" / "Undo".
fn history_text(english: bool, redo: bool, what: Option<&str>) -> String {
    let verb = if redo { tr(english, "Gjør om", "Redo") } else { tr(english, "Angre", "Undo") };
    match what.map(|w| edit_name(english, w)) {
        Some(name) if !name.is_empty() => format!("{verb} {name}"),
        _ => verb.to_string(),
    }
}

fn item(app: &AppHandle, id: MenuCommand, text: &str, enabled: bool, accel: Option<&str>) -> tauri::Result<MenuItem<Wry>> {
    MenuItem::with_id(app, id.id(), text, enabled, accel)
}

fn check(app: &AppHandle, id: MenuCommand, text: &str, checked: bool, accel: Option<&str>) -> tauri::Result<CheckMenuItem<Wry>> {
    CheckMenuItem::with_id(app, id.id(), text, true, checked, accel)
}

/// Builds the whole menu bar for `s`.
fn build(app: &AppHandle, s: &MenuState) -> tauri::Result<(Menu<Wry>, MenuItem<Wry>, MenuItem<Wry>)> {
    let e = s.english;
    let o = s.open;
    let sep = || PredefinedMenuItem::separator(app);

    let recent_items: Vec<MenuItem<Wry>> = s
        .recent
        .iter()
        .enumerate()
        .map(|(i, p)| MenuItem::with_id(app, format!("recent:{i}"), p.display().to_string().replace('&', "&&"), true, None::<&str>))
        .collect::<tauri::Result<_>>()?;
    let recent = Submenu::with_id(app, MenuCommand::Recent.id(), tr(e, "Åpne nylig", "Open recent"), !recent_items.is_empty())?;
    for r in &recent_items {
        recent.append(r)?;
    }
    let file = Submenu::with_items(
        app,
        tr(e, "&Fil", "&File"),
        true,
        &[
            &item(app, MenuCommand::New, tr(e, "Nytt dokument …", "New document …"), true, Some("CmdOrCtrl+N"))?,
            &item(app, MenuCommand::Open, tr(e, "Åpne …", "Open …"), true, Some("CmdOrCtrl+O"))?,
            &recent,
            &sep()?,
            &item(app, MenuCommand::SaveAs, tr(e, "Lagre som …", "Save as …"), o, Some("CmdOrCtrl+Shift+S"))?,
            &item(app, MenuCommand::Import, tr(e, "Importer …", "Import …"), true, Some("CmdOrCtrl+I"))?,
            &item(app, MenuCommand::Export, tr(e, "Eksporter …", "Export …"), o, Some("CmdOrCtrl+E"))?,
            &sep()?,
            &item(app, MenuCommand::SendReview, tr(e, "Send til gjennomgang …", "Send for review …"), o, None)?,
            &item(app, MenuCommand::MergeReview, tr(e, "Flett inn gjennomgang …", "Merge review …"), o, None)?,
            &item(app, MenuCommand::Share, tr(e, "Del for samskriving …", "Share for co-editing …"), o, None)?,
            &item(app, MenuCommand::JoinShared, tr(e, "Bli med i delt dokument …", "Join shared document …"), true, None)?,
            &item(app, MenuCommand::Settings, tr(e, "Innstillinger …", "Settings …"), true, None)?,
            &sep()?,
            &item(app, MenuCommand::Close, tr(e, "Lukk", "Close"), o, Some("CmdOrCtrl+W"))?,
        ],
    )?;

    let undo = item(app, MenuCommand::Undo, &history_text(e, false, s.undo.as_deref()), o && s.undo.is_some(), None)?;
    let redo = item(app, MenuCommand::Redo, &history_text(e, true, s.redo.as_deref()), o && s.redo.is_some(), None)?;
    let edit = Submenu::with_items(
        app,
        tr(e, "&Rediger", "&Edit"),
        true,
        &[
            &undo,
            &redo,
            &sep()?,
            &item(app, MenuCommand::Cut, tr(e, "Klipp ut", "Cut"), o, None)?,
            &item(app, MenuCommand::Copy, tr(e, "Kopier", "Copy"), o, None)?,
            &item(app, MenuCommand::Paste, tr(e, "Lim inn", "Paste"), o, None)?,
            &item(app, MenuCommand::Delete, tr(e, "Slett", "Delete"), o, None)?,
            &sep()?,
            &item(app, MenuCommand::SelectAll, tr(e, "Merk alt", "Select all"), o, None)?,
            &item(app, MenuCommand::Find, tr(e, "Søk …", "Find …"), o, Some("CmdOrCtrl+F"))?,
        ],
    )?;

    let language = Submenu::with_items(
        app,
        tr(e, "Språk", "Language"),
        true,
        &[&check(app, MenuCommand::LangNb, "Norsk bokmål", !e, None)?, &check(app, MenuCommand::LangEn, "English", e, None)?],
    )?;
    let view = Submenu::with_items(
        app,
        tr(e, "&Vis", "&View"),
        true,
        &[
            &item(app, MenuCommand::ZoomIn, tr(e, "Zoom inn", "Zoom in"), o, Some("CmdOrCtrl+="))?,
            &item(app, MenuCommand::ZoomOut, tr(e, "Zoom ut", "Zoom out"), o, Some("CmdOrCtrl+-"))?,
            &item(app, MenuCommand::Fit, tr(e, "Tilpass til vinduet", "Fit to window"), o, Some("CmdOrCtrl+0"))?,
            &sep()?,
            &check(app, MenuCommand::Minimap, tr(e, "Oversiktskart", "Minimap"), s.minimap, None)?,
            &check(app, MenuCommand::NeedLayer, tr(e, "Lag for informasjonsbehov", "Data-need layer"), s.need_layer, None)?,
            &item(app, MenuCommand::ReviewMode, tr(e, "Gjennomgangsmodus", "Review mode"), o, None)?,
            &item(app, MenuCommand::CompareMode, tr(e, "Sammenlign varianter", "Compare variants"), o, None)?,
            &item(app, MenuCommand::CompareFile, tr(e, "Sammenlign med en variant i en annen fil …", "Compare with a variant in another file …"), o, None)?,
            &item(app, MenuCommand::WalkMode, tr(e, "Gå gjennom et scenario", "Walk through a scenario"), o, None)?,
            &sep()?,
            &language,
        ],
    )?;
    let help = Submenu::with_items(
        app,
        tr(e, "&Hjelp", "&Help"),
        true,
        &[
            &item(app, MenuCommand::Shortcuts, tr(e, "Hurtigtaster", "Keyboard shortcuts"), true, Some("F1"))?,
            &item(app, MenuCommand::Guide, tr(e, "Brukerveiledning (engelsk)", "User guide"), true, None)?,
            &item(app, MenuCommand::About, tr(e, "Om Carepath", "About Carepath"), true, None)?,
        ],
    )?;
    let menu = Menu::with_items(app, &[&file, &edit, &view, &help])?;
    Ok((menu, undo, redo))
}

/// Builds the menu for the current state and makes it the window's menu bar.
pub fn rebuild(app: &AppHandle) {
    let holder = app.state::<MenuHolder>();
    let state = holder.state.lock().map(|s| s.clone()).unwrap_or_default();
    match build(app, &state) {
        Ok((menu, undo, redo)) => {
            if let Err(e) = app.set_menu(menu) {
                eprintln!("carepath: cannot show the menu: {e}");
            }
            if let Ok(mut h) = holder.history.lock() {
                *h = Some((undo, redo));
            }
        }
        Err(e) => eprintln!("carepath: cannot build the menu: {e}"),
    }
}

/// Changes the menu state with `f` and rebuilds the menu if that changed anything.
pub fn update(app: &AppHandle, f: impl FnOnce(&mut MenuState)) {
    let holder = app.state::<MenuHolder>();
    let changed = match holder.state.lock() {
        Ok(mut s) => {
            let before = s.clone();
            f(&mut s);
            *s != before
        }
        Err(_) => false,
    };
    let built = holder.history.lock().map(|h| h.is_some()).unwrap_or(false);
    if changed || !built {
        rebuild(app);
    }
}

/// Shows what undo and redo would do now (after an edit, undo or redo), without a rebuild.
fn undo_words(english: bool, undo: Option<&str>, redo: Option<&str>) -> carepath::edit::UndoState {
    carepath::edit::UndoState {
        undo: undo.map(|w| history_text(english, false, Some(w))),
        redo: redo.map(|w| history_text(english, true, Some(w))),
    }
}

/// What undo and redo would do, in the menu's language.
pub fn undo_state(app: &AppHandle, undo: Option<&str>, redo: Option<&str>) -> carepath::edit::UndoState {
    let english = app.state::<MenuHolder>().state.lock().map(|s| s.english).unwrap_or(false);
    undo_words(english, undo, redo)
}

pub fn show_history(app: &AppHandle, undo: Option<String>, redo: Option<String>) {
    let holder = app.state::<MenuHolder>();
    let english = {
        let Ok(mut s) = holder.state.lock() else { return };
        s.undo = undo.clone();
        s.redo = redo.clone();
        s.english
    };
    // the toolbar shows the same: whether each can be done, and what it would do
    let _ = app.emit("history", undo_words(english, undo.as_deref(), redo.as_deref()));
    let items = holder.history.lock().ok().and_then(|h| h.clone());
    if let Some((u, r)) = items {
        let _ = u.set_text(history_text(english, false, undo.as_deref()));
        let _ = u.set_enabled(undo.is_some());
        let _ = r.set_text(history_text(english, true, redo.as_deref()));
        let _ = r.set_enabled(redo.is_some());
    }
}

/// Sends a chosen menu item to the window as a `menu` event.
pub fn on_event(app: &AppHandle, id: &str) {
    let state = app.state::<MenuHolder>().state.lock().map(|s| s.clone()).unwrap_or_default();
    let recent = id.strip_prefix("recent:").and_then(|i| i.parse::<usize>().ok());
    let Some(command) = recent.map(|_| MenuCommand::Recent).or_else(|| MenuCommand::from_id(id)) else {
        eprintln!("carepath: a menu item with the unknown id {id:?} was chosen");
        return;
    };
    let mut cmd = MenuEvent { id: command, path: recent.and_then(|i| state.recent.get(i)).map(|p| p.display().to_string()), checked: None };
    match command {
        // a check item has just toggled itself
        MenuCommand::Minimap => cmd.checked = Some(!state.minimap),
        MenuCommand::NeedLayer => cmd.checked = Some(!state.need_layer),
        _ => {}
    }
    if let Some(c) = cmd.checked {
        if let Ok(mut s) = app.state::<MenuHolder>().state.lock() {
            if command == MenuCommand::Minimap {
                s.minimap = c;
            } else {
                s.need_layer = c;
            }
        }
    }
    let language = matches!(command, MenuCommand::LangNb | MenuCommand::LangEn);
    if language {
        cmd.checked = Some(true);
    }
    if let Err(e) = app.emit("menu", cmd) {
        eprintln!("carepath: cannot send the menu command: {e}");
    }
    if language {
        // the clicked item has toggled itself; show the current language checked until the
        // window switches and sends the new one (which rebuilds the menu in that language)
        rebuild(app);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn history_items_name_the_edit_in_the_chosen_language() {
        assert_eq!(history_text(false, false, Some("add step")), "Angre legg til steg");
        // the batches the window sends have their own names
        assert_eq!(history_text(false, true, Some("append step")), "Gjør om legg til neste steg");
        assert_eq!(history_text(false, false, Some("move")), "Angre flytt steg");
        assert_eq!(history_text(true, true, Some("add step")), "Redo add step");
        assert_eq!(history_text(false, false, Some("something new")), "Angre");
        assert_eq!(history_text(true, false, None), "Undo");
    }
}
