//! The shared form projected onto a document: every element read back and added through the
//! core's checks, in an order that depends on the shared form alone (lists by their order and
//! id, contents by id), so every replica that holds the same shared form projects the same
//! document. An element the checks refuse is left out and named.

use super::form::{self, child, parse, read_all, Read, DOCUMENT};
use crate::edit::{apply, Edit};
use crate::model::*;
use serde_json::Value;
use yrs::{Map, Out, ReadTxn};

/// A projection and what it left out.
pub struct Projected {
    pub doc: Document,
    pub left_out: Vec<String>,
}

/// The document the shared form holds; `None` when it holds none yet (no id).
pub fn project<T: ReadTxn>(txn: &T) -> Option<Projected> {
    let root = txn.get_map(DOCUMENT)?;
    let id: DocumentId = match root.get(txn, "id") {
        Some(Out::Any(a)) => serde_json::from_value(form::json(&a)).ok()?,
        _ => return None,
    };
    let mut left_out = Vec::new();
    let mut metadata = Metadata::new("");
    if let Some(m) = child(txn, &root, "metadata") {
        let mut read = read_all_fields(txn, &m);
        let modified = match root.get(txn, "modified") {
            Some(Out::Any(a)) => form::json(&a),
            _ => Value::Null,
        };
        read.insert("modified".into(), modified);
        match serde_json::from_value::<Metadata>(Value::Object(read)) {
            Ok(m) => metadata = m,
            Err(e) => left_out.push(format!("metadata: {e}")),
        }
    }
    let mut doc = Document::bare(id, metadata);
    let mut p = Projector { doc: &mut doc, left_out: &mut left_out };

    for (i, a) in sorted(txn, "actors", |r| r.value.get("order").and_then(Value::as_f64)).iter().enumerate() {
        p.add::<Actor>(a, "actor", |mut actor| {
            actor.order = i as u32;
            Edit::AddActor { actor }
        });
    }
    for (i, a) in sorted(txn, "phases", |r| r.value.get("order").and_then(Value::as_f64)).iter().enumerate() {
        p.add::<Phase>(a, "phase", |mut phase| {
            phase.order = i as u32;
            Edit::AddPhase { phase }
        });
    }
    for t in sorted(txn, "info_types", |r| r.order) {
        p.add::<InfoType>(&t, "information type", |info_type| Edit::AddInfoType { info_type, index: None });
    }
    let variants = txn.get_map("variants");
    let mut headers = variants.as_ref().map(|v| read_all(txn, v, true)).unwrap_or_default();
    headers.sort_by(|a, b| order_key(a.order, &a.id).partial_cmp(&order_key(b.order, &b.id)).expect("orders are numbers"));
    for mut h in headers {
        for c in form::CONTENTS {
            h.value.insert(c.into(), Value::Array(Vec::new()));
        }
        let Some(vmap) = variants.as_ref().and_then(|v| child(txn, v, &h.id)) else { continue };
        if !p.add::<VariantData>(&h, "variant", |v| Edit::AddVariant { variant: Box::new(v), index: None }) {
            continue;
        }
        let variant: VariantId = serde_json::from_value(Value::String(h.id.clone())).expect("an added variant's id parses");
        let contents = |name: &str| {
            let mut items = child(txn, &vmap, name).map(|m| read_all(txn, &m, false)).unwrap_or_default();
            items.sort_by(|a, b| a.id.cmp(&b.id));
            items
        };
        for s in contents("steps") {
            p.add::<Step>(&s, "step", |step| Edit::AddStep { variant, step });
        }
        for t in contents("transitions") {
            p.add::<Transition>(&t, "transition", |transition| Edit::AddTransition { variant, transition });
        }
        for n in contents("needs") {
            p.add::<DataNeed>(&n, "need", |need| Edit::AddNeed { variant, need });
        }
    }
    for c in sorted(txn, "comments", |_| None) {
        p.add::<Comment>(&c, "comment", |comment| Edit::AddComment { comment });
    }
    for r in sorted(txn, "reviews", |_| None) {
        p.add::<Review>(&r, "review", |review| Edit::AddReview { review });
    }
    doc.normalise();
    Some(Projected { doc, left_out })
}

fn read_all_fields<T: ReadTxn>(txn: &T, m: &yrs::MapRef) -> serde_json::Map<String, Value> {
    m.iter(txn)
        .filter_map(|(k, v)| match v {
            Out::Any(a) if !k.starts_with('~') => Some((k.to_string(), form::json(&a))),
            _ => None,
        })
        .collect()
}

fn order_key(order: Option<f64>, id: &str) -> (f64, &str) {
    (order.unwrap_or(f64::MAX), id)
}

/// A root list's elements by their order (when `order` gives one), then id.
fn sorted<T: ReadTxn>(txn: &T, name: &str, order: impl Fn(&Read) -> Option<f64>) -> Vec<Read> {
    let Some(list) = txn.get_map(name) else { return Vec::new() };
    let mut items: Vec<(Option<f64>, Read)> = read_all(txn, &list, false).into_iter().map(|r| (order(&r), r)).collect();
    items.sort_by(|(oa, a), (ob, b)| order_key(*oa, &a.id).partial_cmp(&order_key(*ob, &b.id)).expect("orders are numbers"));
    items.into_iter().map(|(_, r)| r).collect()
}

struct Projector<'a> {
    doc: &'a mut Document,
    left_out: &'a mut Vec<String>,
}

impl Projector<'_> {
    /// Adds one element through the core's checks; whether it was added.
    fn add<T: serde::de::DeserializeOwned>(&mut self, read: &Read, what: &str, edit: impl FnOnce(T) -> Edit) -> bool {
        let Some(element) = parse::<T>(read) else {
            self.left_out.push(format!("{what} {}: fields this version cannot read", read.id));
            return false;
        };
        match apply(self.doc, edit(element)) {
            Ok(_) => true,
            Err(e) => {
                self.left_out.push(format!("{what} {}: {}", read.id, e.message));
                false
            }
        }
    }
}
