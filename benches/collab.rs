//! Live co-editing, the core's share of it: the size of the shared (Yjs) form of the COPD
//! document and of a 10,000-step pathway, the time to join (load that state and project it onto
//! a document), and the time a participant takes to apply one co-editor's edit (the update
//! received, projected through the core's checks, and the edit that brings the document there).
//! The network's share is measured by server/bench/latency.mjs.

use carepath::collab::Replica;
use carepath::edit::{apply, Changed, Edit};
use carepath::model::*;
use carepath::sample::generate;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("collab");
    group.sample_size(10);
    let copd = carepath::template::load("copd").unwrap();
    for (name, doc) in [("copd", copd), ("10000", generate(10_000))] {
        let sharer = Replica::share(&doc, "a");
        let state = sharer.state();
        println!("{name}: the shared form is {} bytes ({} steps)", state.len(), doc.step_count());
        group.bench_function(BenchmarkId::new("join", name), |b| {
            b.iter(|| Replica::load(&state, "b").unwrap().document().unwrap())
        });
        // one co-editor's relabelling of a step, as an update
        let mut edited = doc.clone();
        let variant = edited.variants[0].id;
        let step = Step { label: "Endret av en annen".into(), ..edited.variants[0].steps_sorted()[1].clone() };
        let edit = Edit::UpdateStep { variant, step };
        let inverse = apply(&mut edited, edit.clone()).unwrap();
        let mut other = Replica::load(&state, "c").unwrap();
        other.record(&edited, &Changed::of_applied(&edit, &inverse));
        let mut updates = other.take_updates();
        assert_eq!(updates.len(), 1, "one edit, one update");
        let update = updates.remove(0);
        group.bench_function(BenchmarkId::new("receive_edit", name), |b| {
            b.iter_batched(
                || Replica::load(&state, "b").unwrap(),
                |mut r| r.receive(&update, &doc).unwrap(),
                criterion::BatchSize::LargeInput,
            )
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
