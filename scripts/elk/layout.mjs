// Lays out an ELK JSON graph (from `cargo run --release --example elk_compare`) with elkjs's
// layered algorithm and prints the median time over some runs, after one warm-up run.
//   node layout.mjs graph.json [runs]
import { readFileSync } from "node:fs";
import ELK from "elkjs/lib/elk.bundled.js";

const [file, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 5);
const graph = JSON.parse(readFileSync(file, "utf8"));
const elk = new ELK();
await elk.layout(structuredClone(graph));
const times = [];
for (let i = 0; i < runs; i++) {
  const g = structuredClone(graph);
  const t = performance.now();
  await elk.layout(g);
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log(`elkjs ${graph.children.length} nodes: median ${times[Math.floor(runs / 2)].toFixed(3)} ms over ${runs} runs`);
