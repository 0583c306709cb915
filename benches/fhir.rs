//! FHIR R4 export (a Bundle with the pathway's PlanDefinition) of generated pathways (issue
//! goal: a 1,000-step pathway ≤ 50 ms). Prints the Bundle's size.

use carepath::export::fhir::{to_fhir, FhirOptions, PLACEHOLDER_BASE};
use carepath::model::Lang;
use carepath::sample::generate;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("fhir");
    group.sample_size(10);
    for n in [1_000, 10_000] {
        let doc = generate(n);
        let options = FhirOptions { variant: doc.variants[0].id, base: PLACEHOLDER_BASE.to_string(), lang: Lang::Nb };
        let json = to_fhir(&doc, &options).unwrap();
        println!("{n} steps: the Bundle is {} bytes", json.len());
        group.bench_function(BenchmarkId::new("export", n), |b| b.iter(|| to_fhir(&doc, &options).unwrap()));
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
