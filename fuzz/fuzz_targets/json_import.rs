//! Carepath JSON import of arbitrary text: an error or a document, never a panic; a document
//! that imports exports to canonical JSON that imports to the same canonical JSON.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(doc) = carepath::import::json::from_json(text) {
        let once = carepath::export::json::to_json(&doc);
        let again = carepath::import::json::from_json(&once).expect("canonical JSON imports");
        assert_eq!(once, carepath::export::json::to_json(&again), "canonical JSON is stable");
    }
});
