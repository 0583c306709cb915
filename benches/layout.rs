//! Layout and diagram export speed on generated pathways. Budgets: layout of 1,000 steps
//! ≤ 50 ms and of 10,000 ≤ 1 s; SVG of 1,000 steps ≤ 30 ms; PNG of 1,000 steps ≤ 0.5 s.
//! The PNG is rendered at the scale that keeps its longest side at 8,000 pixels (a 1,000-step
//! chain is a very wide drawing), printed once so the figure can be reproduced.

use carepath::export::diagram::{raster, svg, to_svg, DiagramOptions};
use carepath::layout::{layout, layout_with, LayoutOptions, Orientation};
use carepath::sample::generate;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use std::hint::black_box;

fn bench_layout(c: &mut Criterion) {
    let mut group = c.benchmark_group("layout");
    group.sample_size(20);
    for n in [100, 1_000, 10_000] {
        let doc = generate(n);
        let v = doc.variants[0].id;
        group.bench_with_input(BenchmarkId::from_parameter(n), &doc, |b, doc| b.iter(|| layout(black_box(doc), v).unwrap()));
    }
    let doc = generate(1_000);
    let opts = LayoutOptions { orientation: Orientation::Vertical, needs: true, flow: None, hide_unused_lanes: false };
    group.bench_function("1000-vertical", |b| b.iter(|| layout_with(black_box(&doc), doc.variants[0].id, &opts).unwrap()));
    group.finish();
}

fn bench_export(c: &mut Criterion) {
    let doc = generate(1_000);
    let v = doc.variants[0].id;
    let opts = DiagramOptions::default();
    let mut group = c.benchmark_group("export-1000");
    group.sample_size(10);
    group.bench_function("svg (layout included)", |b| b.iter(|| to_svg(black_box(&doc), v, &opts).unwrap()));
    let l = layout(&doc, v).unwrap();
    group.bench_function("svg (drawing only)", |b| {
        b.iter(|| svg::document(black_box(&doc), &doc.variants[0], black_box(&l), opts.lang))
    });
    let text = to_svg(&doc, v, &opts).unwrap();
    let tree = raster::tree(&text).unwrap();
    let scale = 8000.0 / tree.size().width().max(tree.size().height()) as f64;
    println!("PNG of 1,000 steps: diagram {:.0} × {:.0}, scale {scale:.4}", tree.size().width(), tree.size().height());
    group.bench_function("png (from svg)", |b| b.iter(|| raster::png(black_box(&text), scale).unwrap()));
    group.finish();
}

criterion_group!(benches, bench_layout, bench_export);
criterion_main!(benches);
