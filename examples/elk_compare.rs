//! Lays out a pathway with Carepath, prints its time and layout measures, and writes the same
//! graph as ELK JSON for `scripts/elk/compare.sh`, which lays it out with elkjs and prints
//! elkjs's time and the same measures beside Carepath's.
//!
//! `cargo run --release --example elk_compare -- WHAT OUT.json [RUNS]`, WHAT being a number of
//! steps (a generated pathway) or `copd:N` (variant N of the COPD template, from 0). Prints
//! one line: `carepath NAME: median MS ms over RUNS runs | width W height H area A
//! crossings C bends B length L overlaps O`.
//!
//! The ELK graph (`tests/support/elk_graph.rs`) has Carepath's node sizes, phases as
//! partitions and Carepath's lanes as constraints; both sides leave out the need layer.

#[path = "../tests/support/elk_graph.rs"]
mod elk_graph;

use carepath::layout::measure::measure;
use carepath::sample::generate;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let what = args.get(1).cloned().unwrap_or_else(|| "1000".into());
    let out = args.get(2).cloned().unwrap_or_else(|| "graph.json".into());
    let runs: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(15);
    let (doc, index, name) = match what.strip_prefix("copd:") {
        Some(i) => {
            let i: usize = i.parse().expect("copd:N with N a variant index");
            let doc = carepath::template::load("copd").expect("the COPD template");
            let name = format!("COPD {}", doc.variants[i].name);
            (doc, i, name)
        }
        None => {
            let n: usize = what.parse().expect("a number of steps or copd:N");
            (generate(n), 0, format!("{n} steps"))
        }
    };
    let v = &doc.variants[index];
    let (l, graph) = elk_graph::build(&doc, v, &name);
    std::fs::write(&out, serde_json::to_string(&graph).expect("json")).expect("write the ELK graph");

    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            let l = carepath::layout::layout_with(&doc, v.id, &carepath::layout::LayoutOptions { needs: false, ..Default::default() })
                .expect("layout");
            std::hint::black_box(&l);
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let m = measure(&l);
    println!(
        "carepath {name}: median {:.3} ms over {runs} runs | width {:.0} height {:.0} area {:.0} crossings {} bends {} length {:.0} overlaps {}",
        times[runs / 2],
        m.width,
        m.height,
        m.area,
        m.crossings,
        m.bends,
        m.length,
        m.overlaps.total()
    );
}
