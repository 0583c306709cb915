//! Report speed: the full report (content, diagrams drawn and rasterised, file bytes) of the
//! COPD template and of a generated 1,000-step document, in every format, plus the needs
//! register. Budgets: COPD ≤ 1 s, 1,000 steps ≤ 3 s for a full report.

use carepath::model::Lang;
use carepath::report::{render, ReportFormat, ReportOptions};
use carepath::sample::generate;
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

fn bench_reports(c: &mut Criterion) {
    let docs = [("copd", carepath::template::load("copd").unwrap()), ("1000-steps", generate(1_000))];
    for (name, doc) in &docs {
        let mut group = c.benchmark_group(format!("report-{name}"));
        group.sample_size(10);
        for format in [ReportFormat::Md, ReportFormat::Html, ReportFormat::Docx, ReportFormat::Pdf, ReportFormat::Csv, ReportFormat::Xlsx] {
            let opts = ReportOptions::new(format, Lang::Nb);
            group.bench_function(format.extension(), |b| b.iter(|| render(black_box(doc), &opts).unwrap()));
        }
        group.finish();
    }
}

criterion_group!(benches, bench_reports);
criterion_main!(benches);
