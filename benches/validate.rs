//! Validation speed on generated pathways of 100, 1,000 and 10,000 steps (the budget is
//! 20 ms for 10,000 steps), the analysis functions at 10,000 steps, and the generator itself.

use carepath::rules::{counts, handovers, paths, sharing_matrix, validate};
use carepath::sample::generate;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use std::hint::black_box;

fn bench_validate(c: &mut Criterion) {
    let mut group = c.benchmark_group("validate");
    for n in [100, 1_000, 10_000] {
        let doc = generate(n);
        assert!(validate(&doc).is_empty(), "a generated pathway of {n} steps breaks no rule");
        group.bench_with_input(BenchmarkId::from_parameter(n), &doc, |b, doc| b.iter(|| validate(black_box(doc))));
    }
    group.finish();
}

fn bench_analysis(c: &mut Criterion) {
    let doc = generate(10_000);
    let v = &doc.variants[0];
    let mut group = c.benchmark_group("analysis-10000");
    group.bench_function("handovers", |b| b.iter(|| handovers(black_box(&doc), v)));
    group.bench_function("sharing_matrix", |b| b.iter(|| sharing_matrix(black_box(&doc), v)));
    group.bench_function("counts", |b| b.iter(|| counts(black_box(&doc), v)));
    group.bench_function("paths-100", |b| b.iter(|| paths(black_box(v), 100)));
    group.finish();
}

fn bench_generate(c: &mut Criterion) {
    let mut group = c.benchmark_group("generate");
    group.sample_size(10);
    group.bench_function("10000", |b| b.iter(|| generate(black_box(10_000))));
    group.finish();
}

criterion_group!(benches, bench_validate, bench_analysis, bench_generate);
criterion_main!(benches);
