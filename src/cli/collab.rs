//! `carepath collab peer FILE`: a co-editing participant on standard input and output, so a
//! script or a relay (a Yjs provider connected to the collaboration server) can take part in
//! a shared document through the core: every edit is checked and committed to FILE before its
//! update is printed, and every update received is applied through the core's checks.
//!
//! One JSON object a line in, one or more out:
//! - `{"updates": ["<base64>", …]}` — updates from others → `{"ok": {"changed": N, "notices": […], "left_out": […]}}`
//! - `{"edit": <edit>}` — a local edit → `{"update": "<base64>"}` … then `{"ok": {…}}`
//! - `{"undo": true}` / `{"redo": true}` — own edits only → updates, then `{"ok": {…}}`
//! - `{"get": "json"}` → `{"json": "<canonical JSON>"}`; `{"get": "state"}` → `{"state": "<base64>"}`
//! - `{"save": true}` — keep the shared state in FILE (also done at the end of input)
//!
//! A failure answers `{"error": "…"}` and changes nothing. With no FILE yet, the peer joins:
//! FILE is created from the first updates that hold a document.

use super::Outcome;
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use carepath::collab::{Incoming, Notice, Replica};
use carepath::edit::Edit;
use carepath::export::json::to_json;
use carepath::store::{Session, Shared};
use clap::Subcommand;
use serde_json::{json, Value};
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Subcommand, Debug)]
pub enum CollabCommand {
    /// Take part in a shared document over standard input and output (JSON lines).
    Peer {
        /// The .carepath file: shared from when it exists, created on joining when it does not.
        file: PathBuf,
        /// The name others see on this participant's changes.
        #[arg(long, default_value = "carepath")]
        author: String,
        /// Where the document is shared, kept in the file with the shared state.
        #[arg(long, default_value = "")]
        server: String,
        #[arg(long, default_value = "")]
        name: String,
        #[arg(long, default_value = "")]
        token: String,
    },
}

pub fn run(command: CollabCommand) -> Outcome {
    let CollabCommand::Peer { file, author, server, name, token } = command;
    let mut peer = Peer::start(&file, author, Shared { server, name, token, state: Vec::new() })?;
    // a restarted peer's kept state, then what sharing (or reconciling) wrote, go out first
    if peer.restarted {
        peer.say(&json!({ "update": B64.encode(peer.replica.state()) }))?;
    }
    peer.send()?;
    let stdin = std::io::stdin();
    for line in stdin.lock().lines() {
        let line = line.map_err(|e| format!("standard input: {e}"))?;
        if line.trim().is_empty() {
            continue;
        }
        let answer = peer.handle(&line).unwrap_or_else(|e| json!({ "error": e }));
        peer.say(&answer)?;
    }
    peer.save().map_err(|e| format!("{}: {e}", file.display()))?;
    Ok(ExitCode::SUCCESS)
}

struct Peer {
    file: PathBuf,
    session: Option<Session>,
    replica: Replica,
    shared: Shared,
    /// Started from the shared state kept in the file.
    restarted: bool,
    out: std::io::Stdout,
}

impl Peer {
    fn start(file: &Path, author: String, shared: Shared) -> Result<Peer, String> {
        if !file.exists() {
            return Ok(Peer { file: file.into(), session: None, replica: Replica::new(author), shared, restarted: false, out: std::io::stdout() });
        }
        let session = Session::open(file).map_err(|e| e.message)?;
        let kept = session.shared().map_err(|e| e.message)?;
        let replica = match &kept {
            Some(k) => {
                let mut r = Replica::load(&k.state, author).map_err(|e| format!("{}: {}", file.display(), e.message))?;
                r.reconcile(session.document());
                r
            }
            None => Replica::share(session.document(), author),
        };
        let restarted = kept.is_some();
        let shared = Shared { state: Vec::new(), ..kept.unwrap_or(shared) };
        Ok(Peer { file: file.into(), session: Some(session), replica, shared, restarted, out: std::io::stdout() })
    }

    fn say(&self, v: &Value) -> Result<(), String> {
        let mut out = self.out.lock();
        writeln!(out, "{v}").and_then(|_| out.flush()).map_err(|e| format!("standard output: {e}"))
    }

    /// Prints the updates made here since the last call.
    fn send(&self) -> Result<(), String> {
        for u in self.replica.take_updates() {
            self.say(&json!({ "update": B64.encode(u) }))?;
        }
        Ok(())
    }

    fn handle(&mut self, line: &str) -> Result<Value, String> {
        let msg: Value = serde_json::from_str(line).map_err(|e| format!("not a JSON object: {e}"))?;
        if let Some(updates) = msg.get("updates").and_then(Value::as_array) {
            let bytes = updates
                .iter()
                .map(|u| u.as_str().and_then(|s| B64.decode(s).ok()).ok_or("an update is not base64 text"))
                .collect::<Result<Vec<_>, _>>()?;
            let refs: Vec<&[u8]> = bytes.iter().map(Vec::as_slice).collect();
            return self.receive(&refs);
        }
        if let Some(edit) = msg.get("edit") {
            let edit: Edit = serde_json::from_value(edit.clone()).map_err(|e| format!("not an edit: {e}"))?;
            let session = self.session.as_mut().ok_or("no document yet: it comes with the first updates")?;
            let changed = session.apply(edit).map_err(|e| e.message)?;
            self.replica.record(session.document(), &changed);
            self.send()?;
            return Ok(json!({ "ok": { "changed": changed.len() } }));
        }
        if msg.get("undo").is_some() || msg.get("redo").is_some() {
            let session = self.session.as_ref().ok_or("no document yet")?;
            let incoming = if msg.get("undo").is_some() { self.replica.undo(session.document()) } else { self.replica.redo(session.document()) };
            let Some(incoming) = incoming else { return Ok(json!({ "ok": { "changed": 0 } })) };
            self.send()?;
            return self.take(incoming);
        }
        match msg.get("get").and_then(Value::as_str) {
            Some("json") => {
                let session = self.session.as_ref().ok_or("no document yet")?;
                return Ok(json!({ "json": to_json(session.document()) }));
            }
            Some("state") => return Ok(json!({ "state": B64.encode(self.replica.state()) })),
            _ => {}
        }
        if msg.get("save").is_some() {
            self.save()?;
            return Ok(json!({ "ok": {} }));
        }
        Err(format!("unknown request: {line}"))
    }

    fn receive(&mut self, updates: &[&[u8]]) -> Result<Value, String> {
        let Some(session) = self.session.as_ref() else {
            // joining: the document is there once the shared form holds one
            for u in updates {
                self.replica.receive(u, &carepath::model::Document::new("")).map_err(|e| e.message)?;
            }
            let Some(projected) = self.replica.document() else { return Ok(json!({ "ok": { "changed": 0 } })) };
            let session = Session::create(&self.file, projected.doc).map_err(|e| e.message)?;
            self.session = Some(session);
            self.save()?;
            return Ok(json!({ "ok": { "changed": 1, "joined": true, "left_out": projected.left_out } }));
        };
        let incoming = self.replica.receive_all(updates, session.document()).map_err(|e| e.message)?;
        self.take(incoming)
    }

    /// Applies what the shared form says to the file.
    fn take(&mut self, incoming: Incoming) -> Result<Value, String> {
        let session = self.session.as_mut().ok_or("no document yet")?;
        let mut changed = 0;
        if let Some(edit) = incoming.edit {
            let modified = incoming.modified.unwrap_or_else(carepath::model::Timestamp::now);
            changed = session.apply_at(edit, modified).map_err(|e| e.message)?.len();
        }
        let notices: Vec<&Notice> = incoming.notices.iter().collect();
        Ok(json!({ "ok": { "changed": changed, "notices": notices, "left_out": incoming.left_out } }))
    }

    fn save(&mut self) -> Result<(), String> {
        let Some(session) = self.session.as_mut() else { return Ok(()) };
        let shared = Shared { state: self.replica.state(), ..self.shared.clone() };
        session.set_shared(Some(&shared)).map_err(|e| e.message)
    }
}
