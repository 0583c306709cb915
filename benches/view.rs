//! The shell's work for one edit: the edit applied, and the window's Update made (new values,
//! findings, layout delta), on generated pathways of 1,000 and 10,000 steps. Two edits: a
//! rename (a letter of a step's label changed back and forth, the edit made most) and a
//! structural one (a step moved to another lane and back, which lays the variant out again).
//! Goal (issue 13): ≤ 5 ms at 10,000 steps. Prints the size of one Update and of the whole
//! view it replaces, as JSON, so the figures can be reproduced.

/// The allocator the app and the CLI use (src-tauri/src/main.rs), so the figures are theirs.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

use carepath::edit::{apply, Changed, Edit};
use carepath::model::Step;
use carepath::sample::generate;
use carepath::view::{Update, View, Viewer};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};

/// The step as edit number `round` leaves it.
type Change = fn(&Step, u64, &[carepath::model::ActorId]) -> Step;

fn rename(step: &Step, round: u64, _: &[carepath::model::ActorId]) -> Step {
    let mut s = step.clone();
    let last = if round % 2 == 0 { 'a' } else { 'e' };
    s.label.pop();
    s.label.push(last);
    s
}

fn move_lane(step: &Step, round: u64, actors: &[carepath::model::ActorId]) -> Step {
    let mut s = step.clone();
    let others: Vec<_> = actors
        .iter()
        .copied()
        .filter(|a| Some(*a) != step.actor)
        .collect();
    if round % 2 == 0 {
        s.actor = others.first().copied();
    }
    s
}

fn bench_update(c: &mut Criterion) {
    let edits: [(&str, Change); 2] = [("rename", rename), ("move-lane", move_lane)];
    for (name, change) in edits {
        let mut group = c.benchmark_group(format!("edit-update/{name}"));
        group.sample_size(10);
        for n in [1_000, 10_000] {
            let mut doc = generate(n);
            let v = doc.variants[0].id;
            let actors: Vec<_> = doc.actors.iter().map(|a| a.id).collect();
            let view = View {
                variant: Some(v),
                drawing: true,
                flow: None,
            };
            let mut viewer = Viewer::default();
            let shown = viewer.show(&doc, view).unwrap();
            let step = doc.variant(v).unwrap().steps_sorted()[n / 2].clone();
            let mut round = 0u64;
            let mut last: Option<Update> = None;
            group.bench_function(BenchmarkId::from_parameter(n), |b| {
                b.iter(|| {
                    round += 1;
                    let edit = Edit::UpdateStep {
                        variant: v,
                        step: change(&step, round, &actors),
                    };
                    let inverse = apply(&mut doc, edit.clone()).unwrap();
                    last = Some(
                        viewer
                            .update(&doc, Changed::of_applied(&edit, &inverse), view)
                            .unwrap(),
                    );
                })
            });
            // a filter that skips this benchmark leaves no update to measure
            let Some(last) = last else { continue };
            let update = serde_json::to_string(&last).unwrap();
            let whole = serde_json::to_string(&shown).unwrap();
            println!(
                "{n} steps, {name}: one Update {} bytes, the whole view {} bytes",
                update.len(),
                whole.len()
            );
        }
        group.finish();
    }
}

criterion_group!(benches, bench_update);
criterion_main!(benches);
