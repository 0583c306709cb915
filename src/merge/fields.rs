//! Field-by-field three-way merge of one element, on its serialised (JSON) form: a field changed
//! on one side only takes that side's value; a field changed on both sides to the same value
//! is taken; a field changed on both sides to different values keeps ours and is a conflict.
//! Objects nested in an element (a step's position) merge field by field too; lists and
//! scalars are single values.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

/// One field both sides changed to different values: ours is kept.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldConflict {
    /// The field's path in the element's JSON form ("label", "position.x").
    pub field: String,
    pub ours: Value,
    pub theirs: Value,
}

/// The merged value of an element both sides changed, and the fields that conflicted.
pub struct Merged<T> {
    pub value: T,
    pub conflicts: Vec<FieldConflict>,
}

/// Merges `ours` and `theirs`, both descended from `base`.
pub fn merge<T: Serialize + DeserializeOwned + Clone>(base: &T, ours: &T, theirs: &T) -> Merged<T> {
    merge_values(to_value(base), ours, theirs)
}

/// Merges two elements added on both sides under one id: every field they differ in is a
/// conflict.
pub fn merge_unrelated<T: Serialize + DeserializeOwned + Clone>(ours: &T, theirs: &T) -> Merged<T> {
    merge_values(Value::Object(Map::new()), ours, theirs)
}

fn merge_values<T: Serialize + DeserializeOwned + Clone>(b: Value, ours: &T, theirs: &T) -> Merged<T> {
    let (o, t) = (to_value(ours), to_value(theirs));
    let mut conflicts = Vec::new();
    let merged = merge_value(&b, &o, &t, "", &mut conflicts);
    match serde_json::from_value(merged) {
        Ok(value) => Merged { value, conflicts },
        // a combination of fields the element does not allow as a whole: keep ours and say so
        Err(e) => Merged {
            value: ours.clone(),
            conflicts: vec![FieldConflict { field: format!("({e})"), ours: o, theirs: t }],
        },
    }
}

fn to_value<T: Serialize>(v: &T) -> Value {
    serde_json::to_value(v).expect("model types serialise")
}

fn merge_value(b: &Value, o: &Value, t: &Value, path: &str, conflicts: &mut Vec<FieldConflict>) -> Value {
    if o == t || t == b {
        return o.clone();
    }
    if o == b {
        return t.clone();
    }
    match (b, o, t) {
        (Value::Object(bm), Value::Object(om), Value::Object(tm)) => Value::Object(merge_objects(bm, om, tm, path, conflicts)),
        _ => {
            conflicts.push(FieldConflict { field: path.to_string(), ours: o.clone(), theirs: t.clone() });
            o.clone()
        }
    }
}

fn merge_objects(b: &Map<String, Value>, o: &Map<String, Value>, t: &Map<String, Value>, path: &str, conflicts: &mut Vec<FieldConflict>) -> Map<String, Value> {
    let mut out = Map::new();
    // ours' field order first, then fields only theirs has
    let keys = o.keys().chain(t.keys().filter(|k| !o.contains_key(*k))).chain(b.keys().filter(|k| !o.contains_key(*k) && !t.contains_key(*k)));
    for key in keys {
        let field = if path.is_empty() { key.clone() } else { format!("{path}.{key}") };
        let (bv, ov, tv) = (b.get(key).unwrap_or(&Value::Null), o.get(key).unwrap_or(&Value::Null), t.get(key).unwrap_or(&Value::Null));
        let v = merge_value(bv, ov, tv, &field, conflicts);
        // present when the side whose value was taken has the field
        let present = if ov == tv || tv == bv || ov != bv { o.contains_key(key) } else { t.contains_key(key) };
        if present || !v.is_null() {
            out.insert(key.clone(), v);
        }
    }
    out
}

/// A value for a comment: text as it is, anything else as compact JSON, cut at 200 characters.
pub fn shown(v: &Value) -> String {
    let s = match v {
        Value::String(s) => format!("'{s}'"),
        Value::Null => "—".to_string(),
        other => other.to_string(),
    };
    if s.chars().count() > 200 {
        format!("{}…", s.chars().take(200).collect::<String>())
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn run(b: Value, o: Value, t: Value) -> (Value, Vec<FieldConflict>) {
        let m = merge(&b, &o, &t);
        (m.value, m.conflicts)
    }

    #[test]
    fn fields_changed_on_different_sides_both_arrive() {
        let (v, c) = run(json!({"label": "a", "note": "x"}), json!({"label": "A", "note": "x"}), json!({"label": "a", "note": "X"}));
        assert_eq!(v, json!({"label": "A", "note": "X"}));
        assert!(c.is_empty());
    }

    #[test]
    fn the_same_field_changed_differently_keeps_ours_and_is_a_conflict() {
        let (v, c) = run(json!({"label": "a"}), json!({"label": "ours"}), json!({"label": "theirs"}));
        assert_eq!(v, json!({"label": "ours"}));
        assert_eq!(c, vec![FieldConflict { field: "label".into(), ours: json!("ours"), theirs: json!("theirs") }]);
    }

    #[test]
    fn nested_objects_merge_per_field_and_lists_are_one_value() {
        let (v, c) = run(
            json!({"position": {"x": 0, "y": 0}, "tags": [1]}),
            json!({"position": {"x": 5, "y": 0}, "tags": [1, 2]}),
            json!({"position": {"x": 0, "y": 7}, "tags": [1, 3]}),
        );
        assert_eq!(v, json!({"position": {"x": 5, "y": 7}, "tags": [1, 2]}));
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].field, "tags");
    }

    #[test]
    fn a_field_added_on_one_side_arrives_and_one_removed_on_one_side_goes() {
        let (v, c) = run(json!({"a": 1, "b": 2}), json!({"a": 1, "b": 2, "c": 3}), json!({"a": 1}));
        assert_eq!(v, json!({"a": 1, "c": 3}));
        assert!(c.is_empty());
    }
}
