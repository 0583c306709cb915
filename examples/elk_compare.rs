//! Lays out a pathway with Carepath, prints its time and layout measures, and writes the same
//! graph as ELK JSON for `scripts/elk/compare.sh`, which lays it out with elkjs and prints
//! elkjs's time and the same measures beside Carepath's.
//!
//! `cargo run --release --example elk_compare -- WHAT OUT.json [RUNS]`, WHAT being a number of
//! steps (a generated pathway) or `copd:N` (variant N of the COPD template, from 0). Prints
//! one line: `carepath NAME: median MS ms over RUNS runs | width W height H area A
//! crossings C bends B length L overlaps O`.
//!
//! The ELK graph has Carepath's node sizes; phases are partitions (columns, in order) and each
//! node carries its lane index as a layer-internal order hint; ELK has no swimlanes, so the
//! comparison favours it on area and crossings.

use carepath::layout::{layout, measure::measure};
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
    let l = layout(&doc, v.id).expect("the variant exists");

    // the same graph for ELK: nodes with Carepath's measured sizes, partitioned by phase
    let phase_index = |s: &carepath::model::Step| doc.phases.iter().position(|p| Some(p.id) == s.phase).unwrap_or(doc.phases.len());
    let lane_index = |s: &carepath::model::Step| doc.actors.iter().position(|a| Some(a.id) == s.actor).unwrap_or(doc.actors.len());
    let nodes: Vec<serde_json::Value> = l
        .steps
        .iter()
        .map(|b| {
            let s = v.step(b.id).expect("laid-out step exists");
            serde_json::json!({
                "id": b.id.to_string(), "width": b.w, "height": b.h,
                "layoutOptions": {
                    "elk.partitioning.partition": phase_index(s),
                    "elk.layered.crossingMinimization.positionId": lane_index(s)
                }
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
        "name": name,
        "layoutOptions": {
            "elk.algorithm": "layered",
            "elk.direction": "RIGHT",
            "elk.edgeRouting": "ORTHOGONAL",
            "elk.partitioning.activate": "true",
            "elk.spacing.nodeNode": "26",
            "elk.layered.spacing.nodeNodeBetweenLayers": "32"
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
    // transitions only, as ELK lays out no need connectors
    let no_needs = carepath::layout::layout_with(&doc, v.id, &carepath::layout::LayoutOptions { needs: false, ..Default::default() }).expect("layout");
    let m = measure(&no_needs);
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
