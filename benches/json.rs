//! Canonical JSON export and import of generated pathways of 100, 1,000 and 10,000 steps.

use carepath::export::json::to_json;
use carepath::import::json::from_json;
use carepath::sample::generate;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};

fn json(c: &mut Criterion) {
    let mut group = c.benchmark_group("json");
    group.sample_size(20);
    for n in [100, 1_000, 10_000] {
        let doc = generate(n);
        let text = to_json(&doc);
        group.bench_with_input(BenchmarkId::new("export", n), &doc, |b, d| b.iter(|| to_json(d)));
        group.bench_with_input(BenchmarkId::new("import", n), &text, |b, t| b.iter(|| from_json(t).unwrap()));
    }
    group.finish();
}

criterion_group!(benches, json);
criterion_main!(benches);
