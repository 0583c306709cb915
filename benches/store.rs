//! The `.carepath` file: the cost of one committed edit (WAL, synchronous = NORMAL: durable
//! against a crash or kill of the program; `Session::sync` flushes for power failures) at
//! 100, 1,000 and 10,000 steps, the cost of that sync, and of opening a file of 100, 1,000 and
//! 10,000 steps. Before the criterion runs it prints p50/p99/max of single edits and opens,
//! since the targets are on the slowest, not the mean.
//!
//! `cargo bench --bench store` (add `-- none` to print only the percentiles). The files go in a
//! temporary folder, or under `CAREPATH_BENCH_DIR` (e.g. `/dev/shm` to see the cost without
//! the disk's fsync).

use carepath::edit::Edit;
use carepath::model::*;
use carepath::store::{read, Session};
use criterion::{criterion_group, BenchmarkId, Criterion};
use std::path::Path;
use std::time::{Duration, Instant};

/// A session on a new file of a generated pathway of `steps` steps.
fn session(dir: &Path, steps: usize) -> Session {
    let path = dir.join(format!("bench-{steps}.carepath"));
    let _ = std::fs::remove_file(&path);
    Session::create(&path, carepath::sample::generate(steps)).unwrap()
}

/// An edit of the kind a user makes all the time: renaming a step.
fn rename(s: &Session, i: usize) -> Edit {
    let v = &s.document().variants[0];
    let ids: Vec<StepId> = v.steps().map(|st| st.id).take(64).collect();
    let mut step = v.step(ids[i % ids.len()]).unwrap().clone();
    step.label = format!("Steg omdøpt {i}");
    Edit::UpdateStep { variant: v.id, step }
}

fn report(what: &str, mut times: Vec<Duration>) {
    times.sort();
    let at = |q: f64| times[((times.len() as f64 * q) as usize).min(times.len() - 1)];
    eprintln!(
        "{what}: p50 {:.2?}  p99 {:.2?}  max {:.2?}  (n = {})",
        at(0.50),
        at(0.99),
        times[times.len() - 1],
        times.len()
    );
}

const SIZES: [usize; 3] = [100, 1_000, 10_000];

fn percentiles(dir: &Path) {
    for steps in SIZES {
        let mut s = session(dir, steps);
        let times = (0..1_000)
            .map(|i| {
                let e = rename(&s, i);
                let t = Instant::now();
                s.apply(e).unwrap();
                t.elapsed()
            })
            .collect();
        report(&format!("apply one edit (committed) at {steps} steps"), times);
        let times = (0..200)
            .map(|i| {
                let e = rename(&s, i);
                let t = Instant::now();
                s.apply(e).unwrap();
                s.sync().unwrap();
                t.elapsed()
            })
            .collect();
        report(&format!("apply one edit and sync to disk at {steps} steps"), times);
    }
    for steps in SIZES {
        let s = session(dir, steps);
        let path = s.path().to_path_buf();
        drop(s);
        let mut times: Vec<Duration> = (0..20)
            .map(|_| {
                let t = Instant::now();
                drop(Session::open(&path).unwrap());
                t.elapsed()
            })
            .collect();
        times.sort();
        eprintln!("open a {steps}-step file: p50 {:.2?}  max {:.2?}  (n = 20)", times[10], times[19]);
    }
}

fn temp_dir() -> tempfile::TempDir {
    match std::env::var_os("CAREPATH_BENCH_DIR") {
        Some(d) => tempfile::tempdir_in(d).unwrap(),
        None => tempfile::tempdir().unwrap(),
    }
}

fn bench_apply(c: &mut Criterion) {
    let dir = temp_dir();
    let mut group = c.benchmark_group("store/apply");
    for steps in SIZES {
        let mut s = session(dir.path(), steps);
        let mut i = 0;
        group.bench_with_input(BenchmarkId::from_parameter(steps), &steps, |b, _| {
            b.iter(|| {
                i += 1;
                let e = rename(&s, i);
                s.apply(e).unwrap()
            })
        });
    }
    group.finish();
}

fn bench_open(c: &mut Criterion) {
    let dir = temp_dir();
    let mut group = c.benchmark_group("store");
    group.sample_size(20);
    for steps in SIZES {
        let path = session(dir.path(), steps).path().to_path_buf();
        group.bench_function(format!("open/{steps}"), |b| b.iter(|| drop(Session::open(&path).unwrap())));
        group.bench_function(format!("read/{steps}"), |b| b.iter(|| read(&path).unwrap()));
    }
    group.finish();
}

criterion_group!(benches, bench_apply, bench_open);

fn main() {
    let dir = temp_dir();
    percentiles(dir.path());
    benches();
    Criterion::default().configure_from_args().final_summary();
}
