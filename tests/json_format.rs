//! The canonical JSON format: byte-identical round trips, the published JSON Schema is fresh
//! and every exported document validates against it, and bad JSON gets a clear error.

mod common;

use carepath::edit::{apply, Edit};
use carepath::export::json::{schema, to_json};
use carepath::import::json::from_json;
use carepath::model::*;
use carepath::{sample, ErrorCode};

const SCHEMA_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/schema/carepath.schema.json");

fn rich_document() -> Document {
    let s = common::small();
    let mut doc = s.doc;
    let c = Comment { id: CommentId::new(), target: ElementRef::Step { variant: s.variant, id: s.measure }, author: "Dr. Ærlig \"Ø\" <script>".into(), created: Timestamp::now(), text: "Linje 1\nLinje 2 | * _".into(), resolved: false, reply_to: None, accepts: None };
    let r = Review { id: ReviewId::new(), target: ElementRef::Document, reviewer: "Åse".into(), status: ReviewStatus::ChangesRequested, time: Timestamp::now(), note: "Se på fase 2".into() };
    apply(&mut doc, Edit::AddComment { comment: c }).unwrap();
    apply(&mut doc, Edit::AddReview { review: r }).unwrap();
    apply(&mut doc, Edit::CopyVariant { source: s.variant, id: VariantId::new(), name: "Ønsket forløp".into(), kind: VariantKind::Desired }).unwrap();
    doc
}

#[test]
fn export_import_export_is_byte_identical() {
    for doc in [rich_document(), sample::generate(300)] {
        let first = to_json(&doc);
        let second = to_json(&from_json(&first).unwrap());
        assert_eq!(first, second);
        assert!(first.ends_with("}\n"));
    }
}

#[test]
fn the_same_document_always_gives_the_same_bytes() {
    let doc = rich_document();
    let copy = doc.clone();
    assert_eq!(to_json(&doc), to_json(&copy));
    // steps are written by id whatever order they were added in
    let json = to_json(&sample::generate(50));
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let ids: Vec<&str> = value["document"]["variants"][0]["steps"].as_array().unwrap().iter().map(|s| s["id"].as_str().unwrap()).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted);
}

#[test]
fn published_schema_is_up_to_date() {
    let committed = std::fs::read_to_string(SCHEMA_PATH).expect("docs/schema/carepath.schema.json exists");
    assert!(committed == schema(), "docs/schema/carepath.schema.json is stale: run `cargo run -- schema > docs/schema/carepath.schema.json`");
}

#[test]
fn exported_documents_validate_against_the_published_schema() {
    let committed: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(SCHEMA_PATH).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&committed).expect("schema compiles");
    for doc in [rich_document(), sample::generate(200)] {
        let value: serde_json::Value = serde_json::from_str(&to_json(&doc)).unwrap();
        let errors: Vec<String> = validator.iter_errors(&value).map(|e| format!("{} at {}", e, e.instance_path)).collect();
        assert!(errors.is_empty(), "{errors:#?}");
    }
    // and the schema is not vacuous: a wrong step kind fails it
    let mut bad: serde_json::Value = serde_json::from_str(&to_json(&sample::generate(10))).unwrap();
    bad["document"]["variants"][0]["steps"][0]["kind"] = "teleport".into();
    assert!(!validator.is_valid(&bad));
}

fn error_of(text: &str) -> carepath::CoreError {
    from_json(text).expect_err("input should be refused")
}

#[test]
fn bad_json_gets_a_clear_error() {
    let good = to_json(&rich_document());

    let e = error_of("{\"format\": \"carepath\",\n \"format_version\": 1,\n \"document\": {");
    assert_eq!(e.code, ErrorCode::InvalidJson);
    assert!(e.message.contains("line 3"), "{}", e.message);

    let e = error_of("{\"hello\": 1}");
    assert_eq!(e.code, ErrorCode::NotCarepath);
    for other in ["[]", "42", "{\"format\": 5}", "\"carepath\""] {
        let e = error_of(other);
        assert_eq!(e.code, ErrorCode::NotCarepath, "{other}: {}", e.message);
        assert!(e.message.contains("not a Carepath JSON file"), "{other}: {}", e.message);
    }
    for empty in ["", "  \n", "\u{feff}"] {
        let e = error_of(empty);
        assert_eq!(e.code, ErrorCode::InvalidJson);
        assert!(e.message.contains("the file is empty"), "{}", e.message);
    }
    let e = error_of("{\"format\": \"carepath\",");
    assert_eq!(e.message.matches("line").count(), 1, "the position once: {}", e.message);

    // a byte order mark before the JSON is no obstacle
    let with_bom = format!("\u{feff}{good}");
    assert_eq!(to_json(&from_json(&with_bom).unwrap()), good);

    let e = error_of(&good.replacen("\"format_version\": 2", "\"format_version\": 99", 1));
    assert_eq!(e.code, ErrorCode::NewerVersion);
    assert!(e.message.contains("newer Carepath"), "{}", e.message);

    let e = error_of(&good.replacen("\"kind\": \"start\"", "\"kind\": \"teleport\"", 1));
    assert_eq!(e.code, ErrorCode::InvalidJson);
    assert!(e.message.contains("document.variants[0].steps"), "{}", e.message);
    assert!(e.message.contains("teleport"), "{}", e.message);
}

#[test]
fn dangling_and_duplicate_ids_are_refused() {
    let doc = rich_document();
    let v = &doc.variants[0];
    let step = v.steps_sorted()[0];
    let json = to_json(&doc);

    // a step naming an actor that does not exist
    let actor = step.actor.unwrap().to_string();
    let dangling = json.replace(&format!("\"actor\": \"{actor}\""), &format!("\"actor\": \"{}\"", ActorId::new()));
    let e = error_of(&dangling);
    assert_eq!(e.code, ErrorCode::UnknownId, "{}", e.message);
    assert!(e.message.contains("variant 'Nå-situasjon'"), "{}", e.message);

    // a transition to a step that does not exist
    let t = v.transitions_sorted()[0];
    let e = error_of(&json.replace(&format!("\"to\": \"{}\"", t.to), &format!("\"to\": \"{}\"", StepId::new())));
    assert!(e.message.contains("refers to step"), "{}", e.message);

    // two actors with one id
    let mut value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let first = value["document"]["actors"][0]["id"].clone();
    value["document"]["actors"][1]["id"] = first;
    let e = error_of(&serde_json::to_string(&value).unwrap());
    assert_eq!(e.code, ErrorCode::DuplicateId, "{}", e.message);
    assert!(e.message.contains("there is already an actor with id"), "{}", e.message);

    // two steps with one id in a variant
    let mut value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let s0 = value["document"]["variants"][0]["steps"][0].clone();
    value["document"]["variants"][0]["steps"].as_array_mut().unwrap().push(s0);
    let e = error_of(&serde_json::to_string(&value).unwrap());
    assert!(e.message.contains("occurs twice"), "{}", e.message);
}

#[test]
fn a_ten_megabyte_label_is_refused_and_a_start_less_cycle_imports() {
    let doc = rich_document();
    let mut value: serde_json::Value = serde_json::from_str(&to_json(&doc)).unwrap();
    value["document"]["variants"][0]["steps"][0]["label"] = "ø".repeat(5 * 1024 * 1024).into();
    let e = error_of(&serde_json::to_string(&value).unwrap());
    assert_eq!(e.code, ErrorCode::InvalidValue);
    assert!(e.message.contains("at most 2000"), "{}", &e.message[..200.min(e.message.len())]);

    // in the metadata too: a title or description the app could not save again is refused
    let mut value: serde_json::Value = serde_json::from_str(&to_json(&doc)).unwrap();
    value["document"]["metadata"]["title"] = "x".repeat(10 * 1024 * 1024).into();
    let e = error_of(&serde_json::to_string(&value).unwrap());
    assert_eq!(e.code, ErrorCode::InvalidValue);
    assert!(e.message.starts_with("metadata: title is 10485760 characters long"), "{}", &e.message[..200.min(e.message.len())]);
    let mut value: serde_json::Value = serde_json::from_str(&to_json(&doc)).unwrap();
    value["document"]["metadata"]["owners"] = serde_json::json!(["ok", "y".repeat(2001)]);
    assert!(error_of(&serde_json::to_string(&value).unwrap()).message.contains("owner is 2001 characters"));

    // a cycle with no start is a valid model to hold (validation reports it, import accepts it)
    let mut value: serde_json::Value = serde_json::from_str(&to_json(&doc)).unwrap();
    for s in value["document"]["variants"][0]["steps"].as_array_mut().unwrap() {
        s["kind"] = "activity".into();
    }
    let steps: Vec<String> = value["document"]["variants"][0]["steps"].as_array().unwrap().iter().map(|s| s["id"].as_str().unwrap().to_string()).collect();
    let back = serde_json::json!({"id": TransitionId::new(), "from": steps[2], "to": steps[0], "label": "", "kind": "normal"});
    value["document"]["variants"][0]["transitions"].as_array_mut().unwrap().push(back);
    let doc = from_json(&serde_json::to_string(&value).unwrap()).unwrap();
    assert_eq!(doc.variants[0].transition_count(), 3);
}

/// A position of any finite value reads back from JSON as exactly the same number.
#[test]
fn positions_read_back_exactly() {
    let mut doc = carepath::sample::generate(3);
    let v = doc.variants[0].id;
    let id = doc.variants[0].steps().next().unwrap().id;
    let mut step = doc.variants[0].step(id).unwrap().clone();
    step.position = Some(carepath::model::Position { x: 3.6919162048650923e-236, y: 8e-323 });
    carepath::edit::apply(&mut doc, carepath::edit::Edit::UpdateStep { variant: v, step }).unwrap();
    let text = carepath::export::json::to_json(&doc);
    let again = carepath::import::json::from_json(&text).unwrap();
    assert_eq!(again.variants[0].step(id).unwrap().position.unwrap().x, 3.6919162048650923e-236);
    assert_eq!(carepath::export::json::to_json(&again), text);
}

#[test]
fn a_format_1_file_reads_with_its_needs_parties_and_its_catalogue_codes() {
    let mut doc = rich_document();
    for t in &mut doc.info_types {
        t.codes.truncate(1);
        t.priority = None;
    }
    let current = to_json(&doc);
    // the same document as format 1 wrote it: provider and consumer, one code
    let mut old: serde_json::Value = serde_json::from_str(&current).unwrap();
    old["format_version"] = 1.into();
    for t in old["document"]["info_types"].as_array_mut().unwrap() {
        let t = t.as_object_mut().unwrap();
        if let Some(serde_json::Value::Array(codes)) = t.remove("codes") {
            t.insert("code".into(), codes[0].clone());
        }
    }
    for v in old["document"]["variants"].as_array_mut().unwrap() {
        for n in v["needs"].as_array_mut().unwrap() {
            let n = n.as_object_mut().unwrap();
            let parties = n.remove("parties").unwrap();
            for p in parties.as_array().unwrap() {
                n.insert(p["role"].as_str().unwrap().to_string(), p["actor"].clone());
            }
        }
    }
    let text = serde_json::to_string_pretty(&old).unwrap();
    assert!(text.contains("\"provider\"") && text.contains("\"code\"") && !text.contains("\"parties\""));
    assert_eq!(to_json(&from_json(&text).unwrap()), current);
    // an error in an older file still names the place
    let bad = text.replacen("\"kind\": \"start\"", "\"kind\": \"teleport\"", 1);
    let e = from_json(&bad).expect_err("a wrong kind is refused");
    assert!(e.message.contains("document.variants[0].steps") && e.message.contains("teleport"), "{}", e.message);
}
