//! Writes what the desktop shell would answer for a generated pathway, so the user interface
//! can be measured in a browser with the shell's calls answered from files
//! (`scripts/ui-bench/run.sh`): `document.json` (current_document), `layout.json` (layout of
//! the first variant) and `findings.json` (validate).
//!
//! Usage: `cargo run --example ui_bench_fixture -- STEPS OUT_DIR`

use std::path::PathBuf;

fn main() {
    let mut args = std::env::args().skip(1);
    let steps: usize = args.next().and_then(|s| s.parse().ok()).expect("usage: ui_bench_fixture STEPS OUT_DIR");
    let out = PathBuf::from(args.next().expect("usage: ui_bench_fixture STEPS OUT_DIR"));
    std::fs::create_dir_all(&out).expect("cannot create the output folder");
    let doc = carepath::sample::generate(steps);
    let layout = carepath::layout::layout(&doc, doc.variants[0].id).expect("layout of a generated pathway");
    let findings = carepath::rules::validate(&doc);
    let write = |name: &str, v: serde_json::Value| std::fs::write(out.join(name), v.to_string()).expect("cannot write");
    write("document.json", serde_json::to_value(&doc).unwrap());
    write("layout.json", serde_json::to_value(&layout).unwrap());
    write("findings.json", serde_json::to_value(&findings).unwrap());
    println!("{} steps, {} transitions → {}", doc.variants[0].steps().count(), doc.variants[0].transitions().count(), out.display());
}
