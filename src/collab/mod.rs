//! Live co-editing: a [`Replica`] keeps the document's shared form (a Yjs document, through
//! the `yrs` crate; layout in [`form`]) beside the core's document, so any Yjs server or
//! client (Hocuspocus, y-websocket) carries it.
//!
//! - A local edit goes through the core first (checked, committed to the `.carepath` file);
//!   then [`Replica::record`] writes the elements it changed into the shared form, field by
//!   field, and the update to send waits in [`Replica::take_updates`].
//! - An update from others is applied with [`Replica::receive`]: the shared form is projected
//!   onto a document through the core's checks ([`project`]), and the returned edit turns the
//!   core's document into that projection, so every replica that has seen the same updates
//!   holds the same document. An element the checks refuse (a step whose lane another
//!   participant removed meanwhile) is left out, on every replica alike, and named.
//! - Undo and redo ([`Replica::undo`]) take back only this replica's own edits (Yjs' undo
//!   manager, tracking the local origin), whatever others did since.
//! - A field this replica wrote that an update from others replaced is reported as a
//!   [`Notice`] (the same field resolves by last writer).

pub mod form;
mod project;
mod wire;
#[cfg(test)]
mod tests;

pub use project::{project, Projected};
pub use wire::{SharedPlace, SharedUpdate};

use crate::edit::{Changed, Edit};
use crate::error::{CoreError, ErrorCode, Result};
use crate::merge::{merge, MergeOptions};
use crate::model::*;
use form::{child, element, write_fields, BY, DOCUMENT, LISTS, ORDER};
use serde::Serialize;
use serde_json::Value;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use yrs::updates::decoder::Decode;
use yrs::{Doc, Map, MapRef, Out, ReadTxn, StateVector, Transact, TransactionMut, UndoManager, Update, WriteTxn};

const LOCAL: &str = "carepath-local";
const REMOTE: &str = "carepath-remote";
const INIT: &str = "carepath-init";

/// A field this replica wrote that someone else's change replaced.
#[derive(Clone, Debug, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Notice {
    /// The element, as `list/id` (`variants/<v>/steps/<s>` for a step).
    pub element: String,
    pub field: String,
    /// The value this replica wrote, and the one that replaced it.
    pub mine: Value,
    pub theirs: Value,
    /// Who wrote the element last, as the shared form says.
    pub by: String,
}

/// What an update from others (or an undo) does to the core's document.
#[derive(Debug)]
pub struct Incoming {
    /// The edit that turns the core's document into the shared form's projection; `None` when
    /// nothing visible changed.
    pub edit: Option<Edit>,
    /// The modification time the shared form holds.
    pub modified: Option<Timestamp>,
    pub notices: Vec<Notice>,
    /// Elements of the shared form the core's checks refused, described.
    pub left_out: Vec<String>,
}

/// The shared form of one document, with this participant's undo history.
pub struct Replica {
    ydoc: Doc,
    undo: UndoManager,
    outbox: Arc<Mutex<Vec<Vec<u8>>>>,
    author: String,
    /// Own writes not yet replaced: element path → field → value.
    mine: HashMap<String, HashMap<String, Value>>,
}

impl Replica {
    /// An empty replica, to join a shared document into.
    pub fn new(author: impl Into<String>) -> Replica {
        let ydoc = Doc::new();
        let outbox = Arc::new(Mutex::new(Vec::new()));
        let sink = outbox.clone();
        ydoc.observe_update_v1("carepath-outbox", move |txn: &TransactionMut, e| {
            let remote = txn.origin().is_some_and(|o| o.as_ref() == REMOTE.as_bytes());
            if !remote {
                sink.lock().expect("outbox lock").push(e.update.clone());
            }
        })
        .expect("a new document accepts an observer");
        let mut undo = UndoManager::with_options(yrs::undo::Options { capture_timeout_millis: 0, ..Default::default() });
        for name in std::iter::once(DOCUMENT).chain(LISTS) {
            let map = ydoc.get_or_insert_map(name);
            undo.expand_scope(&ydoc, &map);
        }
        undo.include_origin(LOCAL);
        Replica { ydoc, undo, outbox, author: author.into(), mine: HashMap::new() }
    }

    /// The shared form of `doc`, to publish it.
    pub fn share(doc: &Document, author: impl Into<String>) -> Replica {
        let r = Replica::new(author);
        {
            let mut txn = r.ydoc.transact_mut_with(INIT);
            let root = txn.get_or_insert_map(DOCUMENT);
            root.insert(&mut txn, "id", doc.id.to_string());
            r.write_document(&mut txn, doc);
        }
        r
    }

    /// A replica from its saved state ([`Replica::state`]).
    pub fn load(state: &[u8], author: impl Into<String>) -> Result<Replica> {
        let r = Replica::new(author);
        r.apply(state, INIT)?;
        // nothing new to send: whoever connects this replica syncs from its whole state
        r.take_updates();
        Ok(r)
    }

    /// The whole shared form as one Yjs update.
    pub fn state(&self) -> Vec<u8> {
        self.ydoc.transact().encode_state_as_update_v1(&StateVector::default())
    }

    /// Who this replica writes as.
    pub fn author(&self) -> &str {
        &self.author
    }

    /// The updates made here (local edits, undo, redo) not yet taken, oldest first.
    pub fn take_updates(&self) -> Vec<Vec<u8>> {
        std::mem::take(&mut *self.outbox.lock().expect("outbox lock"))
    }

    /// Writes the elements an applied local edit changed; the update waits in
    /// [`Replica::take_updates`], and one [`Replica::undo`] takes this edit back.
    pub fn record(&mut self, doc: &Document, changed: &[Changed]) {
        {
            let mut txn = self.ydoc.transact_mut_with(LOCAL);
            let root = txn.get_or_insert_map(DOCUMENT);
            set_if_changed(&mut txn, &root, "modified", &to_json(&doc.metadata.modified));
            let mut writer = Writer { author: &self.author, mine: &mut self.mine };
            for c in changed {
                writer.changed(&mut txn, doc, *c);
            }
        }
        self.undo.reset();
    }

    /// Writes whatever of `doc` the shared form does not hold yet, as local edits: after a
    /// restart, edits committed to the file after the shared form's state was last kept.
    /// Returns whether anything was written.
    pub fn reconcile(&mut self, doc: &Document) -> bool {
        let Some(projected) = self.document() else {
            let mut txn = self.ydoc.transact_mut_with(LOCAL);
            let root = txn.get_or_insert_map(DOCUMENT);
            root.insert(&mut txn, "id", doc.id.to_string());
            self.write_document(&mut txn, doc);
            return true;
        };
        let options = MergeOptions::default();
        let Some(edit) = merge(&projected.doc, &projected.doc, doc, &options).edit else { return false };
        let changed: Vec<Changed> = edit.changed().into_iter().collect();
        self.record(doc, &changed);
        true
    }

    /// Applies an update from others; the returned edit brings the core's document to what the
    /// shared form now says.
    pub fn receive(&mut self, update: &[u8], doc: &Document) -> Result<Incoming> {
        self.receive_all(&[update], doc)
    }

    /// Applies several updates and projects once (cheaper than one [`Replica::receive`] each).
    /// A bad update is refused with nothing of it applied; the ones before it stay applied.
    pub fn receive_all(&mut self, updates: &[&[u8]], doc: &Document) -> Result<Incoming> {
        for u in updates {
            self.apply(u, REMOTE)?;
        }
        Ok(self.incoming(doc))
    }

    /// Takes back this replica's last own edit (others' edits stay); `None` when there is none.
    pub fn undo(&mut self, doc: &Document) -> Option<Incoming> {
        self.undo.undo_blocking().then(|| self.incoming(doc))
    }

    /// Does again what [`Replica::undo`] took back.
    pub fn redo(&mut self, doc: &Document) -> Option<Incoming> {
        self.undo.redo_blocking().then(|| self.incoming(doc))
    }

    pub fn can_undo(&self) -> bool {
        self.undo.can_undo()
    }
    pub fn can_redo(&self) -> bool {
        self.undo.can_redo()
    }
    /// How many own edits undo and redo could take back or do again.
    pub fn own_depth(&self) -> (usize, usize) {
        (self.undo.undo_stack().len(), self.undo.redo_stack().len())
    }

    /// The shared form as a document (`None` before it holds one, as when joining).
    pub fn document(&self) -> Option<Projected> {
        project(&self.ydoc.transact())
    }

    fn apply(&self, update: &[u8], origin: &str) -> Result<()> {
        let bad = |e: &dyn std::fmt::Display| CoreError::new(ErrorCode::InvalidValue, format!("shared document update: {e}; nothing was changed"));
        let update = Update::decode_v1(update).map_err(|e| bad(&e))?;
        let mut txn = self.ydoc.transact_mut_with(origin);
        txn.apply_update(update).map_err(|e| bad(&e))
    }

    fn incoming(&mut self, doc: &Document) -> Incoming {
        let txn = self.ydoc.transact();
        let notices = replaced(&mut self.mine, &self.author, &txn);
        let Some(projected) = project(&txn) else {
            return Incoming { edit: None, modified: None, notices, left_out: Vec::new() };
        };
        let options = MergeOptions { ours: String::new(), theirs: String::new(), lang: Lang::En };
        let edit = merge(doc, doc, &projected.doc, &options).edit.map(|e| match e {
            Edit::Batch { edits, .. } => Edit::batch("changes from others", edits),
            other => other,
        });
        Incoming { edit, modified: Some(projected.doc.metadata.modified), notices, left_out: projected.left_out }
    }

}

/// Own writes that the shared form no longer holds (and forgets them).
fn replaced<T: ReadTxn>(mine: &mut HashMap<String, HashMap<String, Value>>, author: &str, txn: &T) -> Vec<Notice> {
        let mut notices = Vec::new();
        for (path, fields) in mine.iter_mut() {
            let map = element_at(txn, path);
            let by = map.as_ref().and_then(|m| read(txn, m, BY)).and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
            fields.retain(|field, mine| {
                let now = map.as_ref().and_then(|m| read(txn, m, field)).unwrap_or(Value::Null);
                if now == *mine {
                    return true;
                }
                // a removed element is not a replaced field
                if map.is_some() && by != author {
                    notices.push(Notice { element: path.clone(), field: field.clone(), mine: mine.clone(), theirs: now, by: by.clone() });
                }
                false
            });
        }
        mine.retain(|_, f| !f.is_empty());
        notices
}

impl Replica {
    fn write_document(&self, txn: &mut TransactionMut, doc: &Document) {
        let root = txn.get_or_insert_map(DOCUMENT);
        set_if_changed(txn, &root, "modified", &to_json(&doc.metadata.modified));
        let mut mine = HashMap::new();
        let mut writer = Writer { author: &self.author, mine: &mut mine };
        for c in [Changed::Metadata, Changed::Actors, Changed::Phases, Changed::InfoTypes] {
            writer.changed(txn, doc, c);
        }
        for v in &doc.variants {
            writer.changed(txn, doc, Changed::Variant { variant: v.id });
        }
        for c in &doc.comments {
            writer.changed(txn, doc, Changed::Comment { id: c.id });
        }
        for r in &doc.reviews {
            writer.changed(txn, doc, Changed::Review { id: r.id });
        }
    }
}

fn to_json<T: Serialize>(v: &T) -> Value {
    serde_json::to_value(v).expect("model types serialise")
}

fn read<T: ReadTxn>(txn: &T, map: &MapRef, key: &str) -> Option<Value> {
    match map.get(txn, key) {
        Some(Out::Any(a)) => Some(form::json(&a)),
        _ => None,
    }
}

fn set_if_changed(txn: &mut TransactionMut, map: &MapRef, key: &str, value: &Value) {
    if read(txn, map, key).as_ref() != Some(value) {
        map.insert(txn, key, form::any(value));
    }
}

/// The element map at a path (`actors/<id>`, `variants/<v>/steps/<s>`, `document/metadata`).
fn element_at<T: ReadTxn>(txn: &T, path: &str) -> Option<MapRef> {
    let mut parts = path.split('/');
    let mut map = txn.get_map(parts.next()?)?;
    for p in parts {
        map = child(txn, &map, p)?;
    }
    Some(map)
}

/// Writes changed elements into the shared form, remembering what it wrote.
struct Writer<'a> {
    author: &'a str,
    mine: &'a mut HashMap<String, HashMap<String, Value>>,
}

impl Writer<'_> {
    fn changed(&mut self, txn: &mut TransactionMut, doc: &Document, c: Changed) {
        match c {
            Changed::Metadata => {
                let root = txn.get_or_insert_map(DOCUMENT);
                let m = element(txn, &root, "metadata", false);
                let f = form::metadata_fields(&doc.metadata);
                self.write(txn, &m, format!("{DOCUMENT}/metadata"), &f, None, false);
            }
            Changed::Actors => self.list(txn, "actors", doc.actors.iter().map(|a| (a.id.to_string(), to_fields(a))), false),
            Changed::Phases => self.list(txn, "phases", doc.phases.iter().map(|p| (p.id.to_string(), to_fields(p))), false),
            Changed::InfoTypes => self.list(txn, "info_types", doc.info_types.iter().map(|t| (t.id.to_string(), to_fields(t))), true),
            Changed::Variant { variant } | Changed::VariantHeader { variant } => {
                let whole = matches!(c, Changed::Variant { .. });
                self.variants(txn, doc, variant, whole);
            }
            Changed::Step { variant, id } => {
                self.content(txn, doc, variant, "steps", id.to_string(), |v| v.step(id).map(to_fields))
            }
            Changed::Transition { variant, id } => {
                self.content(txn, doc, variant, "transitions", id.to_string(), |v| v.transition(id).map(to_fields))
            }
            Changed::Need { variant, id } => {
                self.content(txn, doc, variant, "needs", id.to_string(), |v| v.need(id).map(to_fields))
            }
            Changed::Comment { id } => {
                let f = doc.comments.iter().find(|c| c.id == id).map(to_fields);
                self.one(txn, "comments", id.to_string(), f)
            }
            Changed::Review { id } => {
                let f = doc.reviews.iter().find(|r| r.id == id).map(to_fields);
                self.one(txn, "reviews", id.to_string(), f)
            }
        }
    }

    fn write(&mut self, txn: &mut TransactionMut, map: &MapRef, path: String, fields: &Fields, order: Option<usize>, nested: bool) {
        let extra: Vec<(&str, Value)> = order.map(|i| (ORDER, Value::from(i as u64))).into_iter().collect();
        let written = write_fields(txn, map, fields, &extra, nested);
        if written.is_empty() {
            return;
        }
        // always written with the fields, so it resolves together with them
        map.insert(txn, BY, self.author);
        let mine = self.mine.entry(path).or_default();
        for f in written {
            mine.insert(f.clone(), fields.get(&f).cloned().unwrap_or(Value::Null));
        }
    }

    /// A whole list: every element written, those no longer in the document removed.
    fn list(&mut self, txn: &mut TransactionMut, name: &str, items: impl Iterator<Item = (String, Fields)>, ordered: bool) {
        let list = txn.get_or_insert_map(name);
        let mut keep = std::collections::HashSet::new();
        for (i, (id, f)) in items.enumerate() {
            let m = element(txn, &list, &id, false);
            self.write(txn, &m, format!("{name}/{id}"), &f, ordered.then_some(i), false);
            keep.insert(id);
        }
        let gone: Vec<String> = list.keys(txn).filter(|k| !keep.contains(*k)).map(str::to_string).collect();
        for k in gone {
            list.remove(txn, &k);
        }
    }

    /// One element of a root list, written or (when `None`) removed.
    fn one(&mut self, txn: &mut TransactionMut, name: &str, id: String, fields: Option<Fields>) {
        let list = txn.get_or_insert_map(name);
        match fields {
            Some(f) => {
                let m = element(txn, &list, &id, false);
                self.write(txn, &m, format!("{name}/{id}"), &f, None, false);
            }
            None => {
                list.remove(txn, &id);
            }
        }
    }

    fn variants(&mut self, txn: &mut TransactionMut, doc: &Document, variant: VariantId, whole: bool) {
        let list = txn.get_or_insert_map("variants");
        let key = variant.to_string();
        let Some(v) = doc.variant(variant) else {
            list.remove(txn, &key);
            return self.orders(txn, doc, &list);
        };
        let existed = child(txn, &list, &key).is_some();
        let m = element(txn, &list, &key, true);
        let mut header = to_fields(&VariantHeader::of(v));
        header.remove("id");
        self.write(txn, &m, format!("variants/{key}"), &header, None, true);
        if whole || !existed {
            for (name, items) in [
                ("steps", v.steps_sorted().into_iter().map(|s| (s.id.to_string(), to_fields(s))).collect::<Vec<_>>()),
                ("transitions", v.transitions_sorted().into_iter().map(|t| (t.id.to_string(), to_fields(t))).collect()),
                ("needs", v.needs().map(|n| (n.id.to_string(), to_fields(n))).collect()),
            ] {
                let contents = element(txn, &m, name, false);
                let mut keep = std::collections::HashSet::new();
                for (id, f) in items {
                    let e = element(txn, &contents, &id, false);
                    self.write(txn, &e, format!("variants/{key}/{name}/{id}"), &f, None, false);
                    keep.insert(id);
                }
                let gone: Vec<String> = contents.keys(txn).filter(|k| !keep.contains(*k)).map(str::to_string).collect();
                for k in gone {
                    contents.remove(txn, &k);
                }
            }
        }
        self.orders(txn, doc, &list);
    }

    /// Every variant's place in the list.
    fn orders(&mut self, txn: &mut TransactionMut, doc: &Document, list: &MapRef) {
        for (i, v) in doc.variants.iter().enumerate() {
            if let Some(m) = child(txn, list, &v.id.to_string()) {
                set_if_changed(txn, &m, ORDER, &Value::from(i as u64));
            }
        }
    }

    fn content(&mut self, txn: &mut TransactionMut, doc: &Document, variant: VariantId, name: &str, id: String, fields: impl Fn(&Variant) -> Option<Fields>) {
        let list = txn.get_or_insert_map("variants");
        let key = variant.to_string();
        if child(txn, &list, &key).is_none() {
            return self.variants(txn, doc, variant, true);
        }
        let m = element(txn, &list, &key, true);
        let contents = element(txn, &m, name, false);
        match doc.variant(variant).and_then(fields) {
            Some(f) => {
                let e = element(txn, &contents, &id, false);
                self.write(txn, &e, format!("variants/{key}/{name}/{id}"), &f, None, false);
            }
            None => {
                contents.remove(txn, &id);
            }
        }
    }
}

type Fields = serde_json::Map<String, Value>;

fn to_fields<T: Serialize>(e: &T) -> Fields {
    form::fields(e)
}
