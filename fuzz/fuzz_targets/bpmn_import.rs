//! BPMN import of arbitrary bytes: an error naming the place, or a document whose canonical
//! JSON imports again; never a panic or a hang.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok((doc, _report)) = carepath::import::bpmn::from_bpmn(data, "fuzz.bpmn") {
        let json = carepath::export::json::to_json(&doc);
        carepath::import::json::from_json(&json).expect("an imported document is a valid document");
    }
});
