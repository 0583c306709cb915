//! Times Carepath's layout of a generated pathway and writes the same graph as ELK JSON, for
//! `scripts/elk/compare.sh`, which lays the graph out with elkjs and prints the ratio.
//!
//! `cargo run --release --example elk_compare -- STEPS OUT.json [RUNS]` prints one line:
//! `carepath STEPS steps: median MS ms over RUNS runs (WIDTH × HEIGHT)`.

use carepath::layout::layout;
use carepath::sample::generate;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let steps: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(1000);
    let out = args.get(2).cloned().unwrap_or_else(|| "graph.json".into());
    let runs: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(15);
    let doc = generate(steps);
    let v = &doc.variants[0];
    let l = layout(&doc, v.id).expect("the generated variant exists");

    // the same graph for ELK: nodes with Carepath's measured sizes, partitioned by phase
    let phase_index = |s: &carepath::model::Step| doc.phases.iter().position(|p| Some(p.id) == s.phase).unwrap_or(0);
    let nodes: Vec<serde_json::Value> = l
        .steps
        .iter()
        .map(|b| {
            let s = v.step(b.id).expect("laid-out step exists");
            serde_json::json!({
                "id": b.id.to_string(), "width": b.w, "height": b.h,
                "layoutOptions": { "elk.partitioning.partition": phase_index(s) }
            })
        })
        .collect();
    let edges: Vec<serde_json::Value> = v
        .transitions_sorted()
        .iter()
        .map(|t| serde_json::json!({ "id": t.id.to_string(), "sources": [t.from.to_string()], "targets": [t.to.to_string()] }))
        .collect();
    let graph = serde_json::json!({
        "id": "root",
        "layoutOptions": {
            "elk.algorithm": "layered",
            "elk.direction": "RIGHT",
            "elk.edgeRouting": "ORTHOGONAL",
            "elk.partitioning.activate": "true"
        },
        "children": nodes,
        "edges": edges
    });
    std::fs::write(&out, serde_json::to_string(&graph).expect("json")).expect("write the ELK graph");

    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            let l = layout(&doc, v.id).expect("layout");
            std::hint::black_box(&l);
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!("carepath {steps} steps: median {:.3} ms over {runs} runs ({:.0} × {:.0})", times[runs / 2], l.width, l.height);
}
