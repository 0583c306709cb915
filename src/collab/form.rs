//! The document's shared (Yjs) form, so any Yjs client or server reads and writes it:
//!
//! - root map `document`: `id`, `modified`, and `metadata` (a map of the metadata's fields
//!   but `modified`);
//! - root maps `actors`, `phases`, `info_types`, `variants`, `comments`, `reviews`: element
//!   id → a map of the element's fields (its JSON form without `id`, one entry a field, so
//!   concurrent edits of different fields both survive and one field resolves by last
//!   writer);
//! - a variant's map also holds `steps`, `transitions` and `needs`: id → field map;
//! - information types and variants hold their place in the list as `~order`; every element
//!   map holds `~by`, who wrote it last.
//!
//! Values are plain JSON values (Yjs "any"); a nested object (a step's position) is one value.

use crate::model::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map as JsonMap, Value};
use yrs::types::map::MapPrelim;
use yrs::{Any, Map, MapRef, Out, ReadTxn, TransactionMut};

pub const DOCUMENT: &str = "document";
pub const LISTS: [&str; 6] = ["actors", "phases", "info_types", "variants", "comments", "reviews"];
pub const CONTENTS: [&str; 3] = ["steps", "transitions", "needs"];
pub const ORDER: &str = "~order";
pub const BY: &str = "~by";

/// A value as JSON: whole floats become integers, so a number written by JavaScript reads
/// back into an integer field.
pub fn json(any: &Any) -> Value {
    match any {
        Any::Number(n) => {
            let f: f64 = match n {
                yrs::any::Number::Int(i) => return Value::from(*i),
                yrs::any::Number::Float(f) => *f,
            };
            if f.fract() == 0.0 && f.abs() < 9_007_199_254_740_992.0 {
                Value::from(f as i64)
            } else {
                serde_json::Number::from_f64(f).map(Value::Number).unwrap_or(Value::Null)
            }
        }
        Any::Array(items) => Value::Array(items.iter().map(json).collect()),
        Any::Map(m) => Value::Object(m.iter().map(|(k, v)| (k.clone(), json(v))).collect()),
        other => serde_json::to_value(other).unwrap_or(Value::Null),
    }
}

pub fn any(value: &Value) -> Any {
    match value {
        Value::Null => Any::Null,
        Value::Bool(b) => Any::Bool(*b),
        Value::Number(n) => match n.as_i64() {
            Some(i) => Any::Number(i.into()),
            None => Any::Number(n.as_f64().unwrap_or(0.0).into()),
        },
        Value::String(s) => Any::String(s.as_str().into()),
        Value::Array(items) => Any::Array(items.iter().map(any).collect()),
        Value::Object(m) => Any::Map(std::sync::Arc::new(m.iter().map(|(k, v)| (k.clone(), any(v))).collect())),
    }
}

/// The fields of an element's JSON form, without its id.
pub fn fields<T: Serialize>(element: &T) -> JsonMap<String, Value> {
    match serde_json::to_value(element).expect("model types serialise") {
        Value::Object(mut m) => {
            m.remove("id");
            m
        }
        _ => JsonMap::new(),
    }
}

fn is_field(key: &str, nested: bool) -> bool {
    !key.starts_with('~') && !(nested && CONTENTS.contains(&key))
}

/// Writes `fields` into an element's map: only the fields that differ are set, fields the
/// element no longer has are removed. Returns the fields set or removed.
pub fn write_fields(txn: &mut TransactionMut, map: &MapRef, fields: &JsonMap<String, Value>, extra: &[(&str, Value)], nested: bool) -> Vec<String> {
    let mut written = Vec::new();
    let stale: Vec<String> = map.keys(txn).filter(|k| is_field(k, nested) && !fields.contains_key(*k)).map(str::to_string).collect();
    for k in stale {
        map.remove(txn, &k);
        written.push(k);
    }
    for (k, v) in fields.iter().map(|(k, v)| (k.as_str(), v)).chain(extra.iter().map(|(k, v)| (*k, v))) {
        let same = matches!(map.get(txn, k), Some(Out::Any(a)) if json(&a) == *v);
        if !same {
            map.insert(txn, k, any(v));
            if !k.starts_with('~') {
                written.push(k.to_string());
            }
        }
    }
    written
}

/// The element map under `id` in `list`, made when missing (with the content maps of a
/// variant).
pub fn element(txn: &mut TransactionMut, list: &MapRef, id: &str, nested: bool) -> MapRef {
    if let Some(Out::YMap(m)) = list.get(txn, id) {
        return m;
    }
    let m = list.insert(txn, id, MapPrelim::default());
    if nested {
        for c in CONTENTS {
            m.insert(txn, c, MapPrelim::default());
        }
    }
    m
}

/// The map under `key`, if it is one.
pub fn child<T: ReadTxn>(txn: &T, map: &MapRef, key: &str) -> Option<MapRef> {
    match map.get(txn, key) {
        Some(Out::YMap(m)) => Some(m),
        _ => None,
    }
}

/// An element read back: its fields with `id`, and its place in the list.
pub struct Read {
    pub id: String,
    pub value: JsonMap<String, Value>,
    pub order: Option<f64>,
}

/// Every element map in `list`, as JSON with its id.
pub fn read_all<T: ReadTxn>(txn: &T, list: &MapRef, nested: bool) -> Vec<Read> {
    let mut out = Vec::new();
    for (id, v) in list.iter(txn) {
        let Out::YMap(m) = v else { continue };
        let mut value = JsonMap::new();
        value.insert("id".into(), Value::String(id.to_string()));
        let mut order = None;
        for (k, v) in m.iter(txn) {
            let Out::Any(a) = v else { continue };
            if k == ORDER {
                order = json(&a).as_f64();
            } else if is_field(k, nested) {
                value.insert(k.to_string(), json(&a));
            }
        }
        out.push(Read { id: id.to_string(), value, order });
    }
    out
}

/// An element from its JSON form; `None` (left out) when a foreign client wrote something this
/// version cannot read.
pub fn parse<T: DeserializeOwned>(read: &Read) -> Option<T> {
    serde_json::from_value(Value::Object(read.value.clone())).ok()
}

/// The metadata's fields as shared: all but `modified`.
pub fn metadata_fields(m: &Metadata) -> JsonMap<String, Value> {
    let mut f = fields(m);
    f.remove("modified");
    f
}
