//! BPMN export and import of generated pathways of 1,000 and 10,000 steps.
//!
//! `cargo bench --bench bpmn` runs the criterion benchmarks. With `BPMN_BENCH_DIR=DIR` set it
//! instead writes `DIR/generated-N-KIND.bpmn` for 10,000, 20,000 and 40,000 steps, KIND
//! `diagram` (as Carepath exports) or `plain` (the same without its BPMNDiagram), and prints one
//! line per file with the median import time in milliseconds (`import N KIND MS PATH`), for
//! `scripts/bpmn/bench.sh` to compare with bpmn-moddle on the same files in the same run and
//! to print the growth per doubling. With `BPMN_BENCH_ONE=FILE` it imports that one file once
//! and exits, for `scripts/bpmn/growth.sh` to count instructions in one fresh process per size.

use carepath::export::bpmn::to_bpmn;
use carepath::import::bpmn::from_bpmn;
use carepath::sample::generate;
use criterion::{criterion_group, BenchmarkId, Criterion};
use std::time::Instant;

const SIZES: [usize; 2] = [1_000, 10_000];

fn bpmn_xml(n: usize) -> String {
    let doc = generate(n);
    to_bpmn(&doc, doc.variants[0].id).expect("generated documents export")
}

fn bpmn(c: &mut Criterion) {
    let mut group = c.benchmark_group("bpmn");
    group.sample_size(10);
    for n in SIZES {
        let doc = generate(n);
        let xml = to_bpmn(&doc, doc.variants[0].id).unwrap();
        group.bench_with_input(BenchmarkId::new("export", n), &doc, |b, d| b.iter(|| to_bpmn(d, d.variants[0].id).unwrap()));
        group.bench_with_input(BenchmarkId::new("import", n), &xml, |b, x| b.iter(|| from_bpmn(x.as_bytes(), "bench.bpmn").unwrap()));
    }
    group.finish();
}

/// The file without its diagram: what a process-only tool writes.
fn without_diagram(xml: &str) -> String {
    match (xml.find("<bpmndi:BPMNDiagram"), xml.rfind("</bpmndi:BPMNDiagram>")) {
        (Some(a), Some(b)) => format!("{}{}", &xml[..a], &xml[b + "</bpmndi:BPMNDiagram>".len()..]),
        _ => xml.to_string(),
    }
}

/// Writes the files and prints the median import time of each.
fn compare(dir: &str) {
    for n in [10_000, 20_000, 40_000] {
      let full = bpmn_xml(n);
      for (kind, xml) in [("diagram", full.clone()), ("plain", without_diagram(&full))] {
        let path = std::path::Path::new(dir).join(format!("generated-{n}-{kind}.bpmn"));
        std::fs::write(&path, &xml).expect("bench directory is writable");
        let runs = 5;
        let bytes = std::fs::read(&path).unwrap();
        from_bpmn(&bytes, "warm-up").unwrap();
        let mut times: Vec<f64> = (0..runs)
            .map(|_| {
                let t = Instant::now();
                let (doc, _) = from_bpmn(&bytes, "bench.bpmn").unwrap();
                std::hint::black_box(doc);
                t.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        times.sort_by(f64::total_cmp);
        println!("import {n} {kind} {:.2} {}", times[times.len() / 2], path.display());
      }
    }
}

criterion_group!(benches, bpmn);

/// Imports one file once and exits: what `scripts/bpmn/growth.sh` counts in a fresh process.
fn import_once(path: &str) {
    let bytes = std::fs::read(path).expect("the file to import is readable");
    let (doc, _) = from_bpmn(&bytes, path).expect("the file imports");
    std::hint::black_box(doc);
}

fn main() {
    if let Ok(path) = std::env::var("BPMN_BENCH_ONE") {
        return import_once(&path);
    }
    match std::env::var("BPMN_BENCH_DIR") {
        Ok(dir) => compare(&dir),
        Err(_) => {
            benches();
            Criterion::default().configure_from_args().final_summary();
        }
    }
}
