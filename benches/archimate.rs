//! ArchiMate Open Exchange export and import of generated pathways (issue goal: export of a
//! 1,000-step pathway ≤ 50 ms, import of that export ≤ 100 ms). Prints the model's size.

use carepath::export::archimate::{to_archimate, ArchimateOptions};
use carepath::import::archimate::from_archimate;
use carepath::sample::generate;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("archimate");
    group.sample_size(10);
    for n in [1_000, 10_000] {
        let doc = generate(n);
        let options = ArchimateOptions::default();
        let xml = to_archimate(&doc, &options).unwrap();
        println!("{n} steps: the model is {} bytes", xml.len());
        group.bench_function(BenchmarkId::new("export", n), |b| b.iter(|| to_archimate(&doc, &options).unwrap()));
        group.bench_function(BenchmarkId::new("import", n), |b| b.iter(|| from_archimate(xml.as_bytes(), "bench.xml").unwrap()));
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
