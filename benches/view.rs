//! The shell's work for one edit: the edit applied, and the window's Update made (new values,
//! findings, layout delta), on generated pathways of 1,000 and 10,000 steps. Goal (issue 13):
//! ≤ 5 ms at 10,000 steps. Prints the size of one Update and of the whole view it replaces,
//! as JSON, so the figures can be reproduced.

use carepath::edit::{apply, Changed, Edit};
use carepath::sample::generate;
use carepath::view::{View, Viewer};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};

fn bench_update(c: &mut Criterion) {
    let mut group = c.benchmark_group("edit-update");
    group.sample_size(10);
    for n in [1_000, 10_000] {
        let mut doc = generate(n);
        let v = doc.variants[0].id;
        let view = View { variant: Some(v), drawing: true };
        let mut viewer = Viewer::default();
        let shown = viewer.show(&doc, view).unwrap();
        let mut step = doc.variant(v).unwrap().steps_sorted()[n / 2].clone();
        let mut round = 0u64;
        let mut last = None;
        group.bench_function(BenchmarkId::from_parameter(n), |b| {
            b.iter(|| {
                round += 1;
                step.label = format!("Steg {round}");
                let edit = Edit::UpdateStep { variant: v, step: step.clone() };
                let inverse = apply(&mut doc, edit.clone()).unwrap();
                last = Some(viewer.update(&doc, Changed::of_applied(&edit, &inverse), view).unwrap());
            })
        });
        let update = serde_json::to_string(&last.unwrap()).unwrap();
        let whole = serde_json::to_string(&shown).unwrap();
        println!("{n} steps: one rename's Update {} bytes, the whole view {} bytes", update.len(), whole.len());
    }
    group.finish();
}

criterion_group!(benches, bench_update);
criterion_main!(benches);
