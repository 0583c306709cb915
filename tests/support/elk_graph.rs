//! One variant as an ELK JSON graph for `scripts/elk/layout.mjs`: the steps with the sizes
//! Carepath measured, the transitions, phases as partitions (columns, in order) and Carepath's
//! lanes as constraints: each node starts centred in its lane, and ELK's interactive crossing
//! minimisation and node placement keep that order and height. ELK has no swimlanes; this is
//! the closest it comes. The graph also carries, under `carepath`, the lanes and header bands
//! the script needs to check that ELK kept every node in its lane and to size the drawing as
//! a swimlane diagram. Used by `examples/elk_compare.rs` and `tests/layout_vs_elk.rs`.

use carepath::layout::{layout_with, Layout, LayoutOptions};
use carepath::model::{Document, Step, Variant};

/// Carepath's layout of the variant without the need layer (ELK lays out no need
/// connectors), and the same graph for ELK.
pub fn build(doc: &Document, v: &Variant, name: &str) -> (Layout, serde_json::Value) {
    let l = layout_with(doc, v.id, &LayoutOptions { needs: false, ..Default::default() }).expect("the variant exists");
    let phase_index = |s: &Step| doc.phases.iter().position(|p| Some(p.id) == s.phase).unwrap_or(doc.phases.len());
    let lane_index = |s: &Step| doc.actors.iter().position(|a| Some(a.id) == s.actor).unwrap_or(doc.actors.len());
    let top = |y: f64| y - l.column_header_height;
    let nodes: Vec<serde_json::Value> = l
        .steps
        .iter()
        .map(|b| {
            let s = v.step(b.id).expect("laid-out step exists");
            let lane = &l.lanes[b.lane];
            serde_json::json!({
                "id": b.id.to_string(), "width": b.w, "height": b.h,
                "x": 0.0, "y": top(lane.y) + (lane.height - b.h) / 2.0,
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
            "elk.layered.spacing.nodeNodeBetweenLayers": "32",
            "elk.layered.crossingMinimization.strategy": "INTERACTIVE",
            "elk.layered.nodePlacement.strategy": "INTERACTIVE"
        },
        "children": nodes,
        "edges": edges,
        "carepath": {
            "lanes": l.lanes.iter().map(|b| [top(b.y), top(b.y) + b.height]).collect::<Vec<_>>(),
            "lane": l.steps.iter().map(|b| b.lane).collect::<Vec<_>>(),
            "header": [l.lane_header_width, l.column_header_height]
        }
    });
    (l, graph)
}
