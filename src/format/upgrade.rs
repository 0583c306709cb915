//! Brings JSON written in an older shape of the model to the current one, wherever it is
//! stored: a JSON file of format version 1, and the element and history rows of a `.carepath`
//! file of schema version 2 or older (the store's migration calls this on every row, so the
//! edits in the undo history keep working).
//!
//! Format 1 → 2: a need's `provider` and `consumer` became its `parties` (the provider as
//! `provider`, the consumer as `consumer`, in that order); an information type's one `code`
//! became its `codes`.

use serde_json::{Map, Value};

/// Upgrades every need and information type inside `value`, at any depth. Returns whether
/// anything changed. Values already in the current shape are left as they are.
pub fn to_current(value: &mut Value) -> bool {
    match value {
        Value::Object(obj) => {
            let mut changed = need(obj) | info_type(obj);
            for v in obj.values_mut() {
                changed |= to_current(v);
            }
            changed
        }
        Value::Array(items) => items.iter_mut().fold(false, |c, v| to_current(v) | c),
        _ => false,
    }
}

/// A need of format 1: an object with a title, steps and information types, and a provider or
/// consumer instead of parties.
fn need(obj: &mut Map<String, Value>) -> bool {
    let is_need = obj.contains_key("title") && obj.contains_key("steps") && obj.contains_key("info_types");
    if !is_need || obj.contains_key("parties") || !(obj.contains_key("provider") || obj.contains_key("consumer")) {
        return false;
    }
    let mut parties = Vec::new();
    for role in ["provider", "consumer"] {
        match obj.remove(role) {
            Some(Value::Null) | None => {}
            Some(actor) => parties.push(Value::Object(Map::from_iter([("actor".to_string(), actor), ("role".to_string(), Value::from(role))]))),
        }
    }
    obj.insert("parties".into(), Value::Array(parties));
    true
}

/// An information type of format 1: an id, a name and a `code` (nothing else has a `code`
/// beside a name in the model or its edits).
fn info_type(obj: &mut Map<String, Value>) -> bool {
    if !(obj.contains_key("id") && obj.contains_key("name") && obj.contains_key("code")) || obj.contains_key("codes") {
        return false;
    }
    let codes = match obj.remove("code") {
        Some(Value::String(c)) => vec![Value::String(c)],
        _ => Vec::new(),
    };
    if !codes.is_empty() {
        obj.insert("codes".into(), Value::Array(codes));
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_format_1_need_and_info_type_take_the_current_shape_at_any_depth() {
        let mut v = json!({"op": "update_need", "variant": "v", "need": {
            "id": "n", "title": "Målinger", "steps": [], "info_types": [], "provider": "a1", "consumer": "a2"}});
        assert!(to_current(&mut v));
        assert_eq!(v["need"]["parties"], json!([{"actor": "a1", "role": "provider"}, {"actor": "a2", "role": "consumer"}]));
        assert!(v["need"].get("provider").is_none() && v["need"].get("consumer").is_none());

        let mut v = json!({"info_types": [{"id": "t", "name": "Varsel", "code": "IT19", "description": ""}, {"id": "u", "name": "Vurdering", "code": null}]});
        assert!(to_current(&mut v));
        assert_eq!(v["info_types"][0]["codes"], json!(["IT19"]));
        assert!(v["info_types"][1].get("codes").is_none() && v["info_types"][1].get("code").is_none());
    }

    #[test]
    fn the_current_shape_and_other_objects_are_left_alone() {
        let mut v = json!({"need": {"id": "n", "title": "t", "steps": [], "info_types": [], "parties": []},
                           "actor": {"id": "a", "name": "Fastlege", "kind": "gp", "order": 0},
                           "one_sided": {"id": "n", "title": "t", "steps": [], "info_types": [], "consumer": "a2"}});
        let before = v.clone();
        assert!(to_current(&mut v));
        assert_eq!(v["need"], before["need"]);
        assert_eq!(v["actor"], before["actor"]);
        assert_eq!(v["one_sided"]["parties"], json!([{"actor": "a2", "role": "consumer"}]));
    }
}
