//! Writes one JSON Schema that holds every type crossing the desktop boundary: the file
//! format (from `export::json::schema()`), the document, edits, what an edit changed, errors,
//! validation findings, the layout, export options, the import report, and the results of
//! comparing variants, review listings and merges, and walk-throughs. `ui/scripts/gen-types.sh` turns it into TypeScript,
//! so the user interface never re-declares a Rust type.
//!
//! Usage: `cargo run --example write_schemas -- OUT.json`

use carepath::edit::clipboard::Fragment;
use carepath::edit::{Changed, Edit};
use carepath::export::ExportOptions;
use carepath::import::bpmn::ImportReport;
use carepath::layout::Layout;
use carepath::model::{Document, ElementRef, Lang};
use carepath::rules::Finding;
use carepath::CoreError;
use schemars::generate::SchemaSettings;
use serde_json::{json, Map, Value};

fn main() {
    let out = std::env::args()
        .nth(1)
        .expect("usage: write_schemas OUT.json");
    let mut generator = SchemaSettings::draft2020_12().into_generator();
    generator.subschema_for::<Document>();
    generator.subschema_for::<Edit>();
    generator.subschema_for::<Changed>();
    generator.subschema_for::<carepath::view::View>();
    generator.subschema_for::<carepath::view::Shown>();
    generator.subschema_for::<carepath::view::Update>();
    generator.subschema_for::<carepath::edit::UndoState>();
    generator.subschema_for::<CoreError>();
    generator.subschema_for::<Finding>();
    generator.subschema_for::<Layout>();
    generator.subschema_for::<ElementRef>();
    generator.subschema_for::<Lang>();
    generator.subschema_for::<ExportOptions>();
    generator.subschema_for::<ImportReport>();
    generator.subschema_for::<carepath::summary::VariantSummary>();
    generator.subschema_for::<Fragment>();
    generator.subschema_for::<carepath::template::NewDocument>();
    generator.subschema_for::<carepath::template::TemplateCard>();
    generator.subschema_for::<carepath::model::InfoService>();
    generator.subschema_for::<carepath::compare::Diff>();
    generator.subschema_for::<carepath::compare::VariantPair>();
    generator.subschema_for::<carepath::view::menu::MenuEvent>();
    generator.subschema_for::<carepath::edit::Usage>();
    generator.subschema_for::<carepath::review::ReviewFilter>();
    generator.subschema_for::<carepath::review::ReviewListing>();
    generator.subschema_for::<carepath::review::Marker>();
    generator.subschema_for::<carepath::review::ReviewSummary>();
    generator.subschema_for::<carepath::review::MergeReport>();
    generator.subschema_for::<carepath::walkthrough::WalkOptions>();
    generator.subschema_for::<carepath::walkthrough::Walk>();
    generator.subschema_for::<carepath::walkthrough::WalkTable>();
    generator.subschema_for::<carepath::collab::SharedPlace>();
    generator.subschema_for::<carepath::collab::SharedUpdate>();
    let mut defs: Map<String, Value> = generator.take_definitions(true).into_iter().collect();

    // the file format, exactly as the core publishes it
    let mut file: Value =
        serde_json::from_str(&carepath::export::json::schema()).expect("schema is JSON");
    let file_obj = file.as_object_mut().expect("schema is an object");
    if let Some(Value::Object(file_defs)) = file_obj.remove("$defs") {
        for (k, v) in file_defs {
            if let Some(old) = defs.get(&k) {
                assert_eq!(
                    old, &v,
                    "definition {k} differs between the file schema and the IPC types"
                );
            }
            defs.insert(k, v);
        }
    }
    file_obj.remove("$schema");
    defs.insert("CarepathFile".into(), file);

    // schemars numbers a second type with the same name ("Variant2" for VariantData, whose
    // schema is the Variant one); merge such twins so TypeScript gets one type
    let twins: Vec<(String, String)> = defs
        .keys()
        .filter_map(|k| {
            let base = k.trim_end_matches(|c: char| c.is_ascii_digit());
            (base != k && defs.get(base) == defs.get(k)).then(|| (k.clone(), base.to_string()))
        })
        .collect();
    for (twin, _) in &twins {
        defs.remove(twin);
    }
    let mut text = serde_json::to_string(&defs).expect("serialises");
    for (twin, base) in &twins {
        text = text.replace(
            &format!("\"#/$defs/{twin}\""),
            &format!("\"#/$defs/{base}\""),
        );
    }
    let defs: Map<String, Value> = serde_json::from_str(&text).expect("still JSON");
    assert!(!text.contains("Variant2"), "unmerged duplicate definition");

    let mut sorted: Vec<(String, Value)> = defs.into_iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    let root = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "CarepathTypes",
        "description": "Every type that crosses the boundary between the Carepath core and its user interface. Generated; do not edit.",
        "type": "object",
        "$defs": Map::from_iter(sorted),
    });
    let mut text = serde_json::to_string_pretty(&root).expect("serialises");
    text.push('\n');
    std::fs::write(&out, text).unwrap_or_else(|e| panic!("{out}: {e}"));
}
