//! Arbitrary bytes as a `.carepath` file: opening and reading either fail with an error or
//! give a document, never a panic; a refused file is left exactly as it was, with nothing
//! beside it.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "../common/scratch.rs"]
mod scratch;
use scratch::folder;

fuzz_target!(|data: &[u8]| {
    let path = folder().join("f.carepath");
    std::fs::write(&path, data).unwrap();
    let read = carepath::store::read(&path);
    match carepath::store::Session::open(&path) {
        Ok(s) => {
            let doc = read.expect("a file that opens for writing can be read");
            assert_eq!(carepath::export::json::to_json(s.document()), carepath::export::json::to_json(&doc));
        }
        Err(_) => {
            assert_eq!(std::fs::read(&path).unwrap(), data, "a refused file is unchanged");
            let names: Vec<_> = std::fs::read_dir(folder()).unwrap().map(|e| e.unwrap().file_name()).collect();
            assert_eq!(names.len(), 1, "nothing beside a refused file: {names:?}");
        }
    }
    for entry in std::fs::read_dir(folder()).unwrap() {
        let _ = std::fs::remove_file(entry.unwrap().path());
    }
});
