//! Live co-editing in the window. The shared form ([`carepath::collab::Replica`]) lives here
//! beside the session; the window's Yjs provider carries its updates to and from the
//! collaboration server: what a local edit wrote goes out as the `shared-updates` event (base64),
//! what arrives comes in through [`shared_receive`]. While a document is shared, Undo and Redo
//! take back only this participant's own edits.

use crate::commands::{AppState, History};
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use carepath::collab::{Incoming, Notice, Replica, SharedPlace, SharedUpdate};
use carepath::edit::Changed;
use carepath::store::{Session, Shared};
use carepath::view::View;
use carepath::{CoreError, ErrorCode, Result};
use std::path::PathBuf;
use tauri::{AppHandle, Emitter, State};

/// The open document's sharing: where, and its shared form.
pub struct Sharing {
    pub replica: Replica,
    pub place: Shared,
    /// What Undo and Redo of one's own edits would take back or do again (the edits' names,
    /// newest last), kept beside the shared form's own undo stacks.
    done: Vec<String>,
    undone: Vec<String>,
}

impl Sharing {
    fn new(replica: Replica, place: Shared) -> Sharing {
        Sharing { replica, place, done: Vec::new(), undone: Vec::new() }
    }

    /// Undo's and Redo's names; an own edit from before this session has no name of its own.
    fn labels(&self) -> History {
        let (undo, redo) = self.replica.own_depth();
        let name = |names: &[String], depth: usize| (depth > 0).then(|| if names.len() == depth { names.last().cloned().unwrap_or_default() } else { String::new() });
        (name(&self.done, undo), name(&self.undone, redo))
    }
}

fn decode(updates: &[String]) -> Result<Vec<Vec<u8>>> {
    updates
        .iter()
        .map(|u| B64.decode(u).map_err(|e| CoreError::new(ErrorCode::InvalidValue, format!("shared document update: not base64 ({e}); nothing was changed"))))
        .collect()
}

fn place_of(sharing: &Sharing) -> SharedPlace {
    SharedPlace { server: sharing.place.server.clone(), name: sharing.place.name.clone(), token: sharing.place.token.clone(), state: B64.encode(sharing.replica.state()) }
}

impl AppState {
    /// Writes an applied local edit into the shared form, if the document is shared.
    pub(crate) fn record_shared(&self, s: &Session, changed: &[Changed]) {
        if let Ok(Some(sharing)) = self.sharing.lock().as_deref_mut() {
            let (before, _) = sharing.replica.own_depth();
            sharing.replica.record(s.document(), changed);
            if sharing.replica.own_depth().0 > before {
                sharing.done.push(s.undo_label().unwrap_or_default());
                sharing.undone.clear();
            }
        }
    }

    /// What Undo and Redo would take back or do again now: one's own edits while the document
    /// is shared, else the session's history.
    pub(crate) fn history(&self, s: &Session) -> History {
        let shared = self.sharing.lock().ok().and_then(|g| g.as_ref().map(Sharing::labels));
        shared.unwrap_or_else(|| (s.undo_label(), s.redo_label()))
    }

    /// Undo or redo of own edits through the shared form; `None` when the document is not shared.
    pub(crate) fn shared_history(&self, s: &mut Session, redo: bool) -> Option<Result<Vec<Changed>>> {
        let mut guard = self.sharing.lock().ok()?;
        let sharing = guard.as_mut()?;
        let incoming = if redo { sharing.replica.redo(s.document()) } else { sharing.replica.undo(s.document()) };
        if incoming.is_some() {
            let (from, to) = if redo { (&mut sharing.undone, &mut sharing.done) } else { (&mut sharing.done, &mut sharing.undone) };
            if let Some(name) = from.pop() {
                to.push(name);
            }
        }
        Some(match incoming {
            Some(i) => take(s, i).map(|(changed, _)| changed),
            None => Err(CoreError::new(ErrorCode::NothingToUndo, format!("there is nothing of yours to {}", if redo { "redo" } else { "undo" }))),
        })
    }

    /// Sends what the shared form wrote since the last call to the window.
    pub(crate) fn send_shared(&self, app: &AppHandle) {
        let updates: Vec<String> = match self.sharing.lock().as_deref() {
            Ok(Some(sharing)) => sharing.replica.take_updates().iter().map(|u| B64.encode(u)).collect(),
            _ => return,
        };
        if !updates.is_empty() {
            let _ = app.emit("shared-updates", updates);
        }
    }

    /// Keeps the shared form's state in the file (with each flush to disk).
    pub(crate) fn keep_shared(&self, s: &mut Session) {
        if let Ok(Some(sharing)) = self.sharing.lock().as_deref() {
            if let Err(e) = s.set_shared_state(&sharing.replica.state()) {
                eprintln!("carepath: {}", e.message);
            }
        }
    }

    /// Forgets the sharing of the document that was open.
    pub(crate) fn drop_sharing(&self) {
        if let Ok(mut g) = self.sharing.lock() {
            *g = None;
        }
    }
}

/// Applies what the shared form says to the file; the changed elements and the notices.
fn take(s: &mut Session, incoming: Incoming) -> Result<(Vec<Changed>, Vec<Notice>)> {
    let changed = match incoming.edit {
        Some(edit) => s.apply_at(edit, incoming.modified.unwrap_or_else(carepath::model::Timestamp::now))?,
        None => Vec::new(),
    };
    Ok((changed, incoming.notices))
}

/// The open document's sharing, resumed from the file (edits the kept state lacks are written
/// into it first); `None` when it is not shared.
#[tauri::command]
pub fn shared_place(app: AppHandle, state: State<AppState>, author: String) -> Result<Option<SharedPlace>> {
    let place = state.with(|s| {
        if let Ok(Some(sharing)) = state.sharing.lock().as_deref() {
            return Ok(Some(place_of(sharing)));
        }
        let Some(kept) = s.shared()? else { return Ok(None) };
        let mut replica = Replica::load(&kept.state, author)?;
        replica.reconcile(s.document());
        let sharing = Sharing::new(replica, Shared { state: Vec::new(), ..kept });
        let place = place_of(&sharing);
        *state.sharing.lock().map_err(|_| poisoned())? = Some(sharing);
        Ok(Some(place))
    })?;
    state.send_shared(&app);
    Ok(place)
}

/// Share: the open document becomes the shared document `name` on `server`; answers its
/// shared form for the window's provider.
#[tauri::command]
pub fn share_document(state: State<AppState>, server: String, name: String, token: String, author: String) -> Result<SharedPlace> {
    state.with(|s| {
        let replica = Replica::share(s.document(), author);
        let place = Shared { server, name, token, state: Vec::new() };
        s.set_shared(Some(&Shared { state: replica.state(), ..place.clone() }))?;
        let sharing = Sharing::new(replica, place);
        let out = place_of(&sharing);
        // what sharing wrote is in the state the window starts from
        sharing.replica.take_updates();
        *state.sharing.lock().map_err(|_| poisoned())? = Some(sharing);
        Ok(out)
    })
}

/// Stops sharing the open document (the file keeps everything; the server is not told).
#[tauri::command]
pub fn leave_shared(state: State<AppState>) -> Result<()> {
    state.with(|s| {
        s.set_shared(None)?;
        state.drop_sharing();
        Ok(())
    })
}

/// Updates from others: applied through the core's checks to the file and the window.
#[tauri::command]
pub fn shared_receive(app: AppHandle, state: State<AppState>, updates: Vec<String>, view: View) -> Result<SharedUpdate> {
    let bytes = decode(&updates)?;
    let refs: Vec<&[u8]> = bytes.iter().map(Vec::as_slice).collect();
    let out = state.edit_with_view(view, |s| {
        let incoming = {
            let mut guard = state.sharing.lock().map_err(|_| poisoned())?;
            let sharing = guard.as_mut().ok_or_else(|| CoreError::new(ErrorCode::InvalidValue, "the open document is not shared"))?;
            sharing.replica.receive_all(&refs, s.document())?
        };
        let left_out = incoming.left_out.clone();
        let (changed, notices) = take(s, incoming)?;
        Ok((changed, (notices, left_out)))
    })?;
    state.send_shared(&app);
    let (update, (notices, left_out)) = out;
    Ok(SharedUpdate { update, notices, left_out })
}

/// Join: the shared document the window's provider received (`state`, base64) becomes a new
/// file at `path`, opened and shared from there on.
#[tauri::command]
pub fn join_shared(app: AppHandle, state: State<AppState>, path: PathBuf, server: String, name: String, token: String, author: String, shared_state: String) -> Result<carepath::model::Document> {
    crate::files::check(&app, &path)?;
    let bytes = decode(&[shared_state])?.remove(0);
    let replica = Replica::load(&bytes, author)?;
    let projected = replica.document().ok_or_else(|| CoreError::new(ErrorCode::InvalidValue, format!("{name}: the shared document holds no document yet; nothing was created")))?;
    let place = Shared { server, name, token, state: Vec::new() };
    let doc = crate::commands::switch(&app, &state, || {
        let mut s = Session::create(&path, projected.doc)?;
        s.set_shared(Some(&Shared { state: bytes.clone(), ..place.clone() }))?;
        Ok(s)
    })?;
    *state.sharing.lock().map_err(|_| poisoned())? = Some(Sharing::new(replica, place));
    Ok(doc)
}

fn poisoned() -> CoreError {
    CoreError::new(ErrorCode::Io, "the sharing state is poisoned")
}
