// Lays out an ELK JSON graph (from `cargo run --release --example elk_compare`) with elkjs's
// layered algorithm, prints the median time over some runs after one warm-up run, and the
// same layout measures Carepath prints: size, area, crossings between edges, bends and total
// line length.
//   node layout.mjs graph.json [runs]
import { readFileSync } from "node:fs";
import ELK from "elkjs/lib/elk.bundled.js";

const [file, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 5);
const graph = JSON.parse(readFileSync(file, "utf8"));
const elk = new ELK();
const laid = await elk.layout(structuredClone(graph));
const times = [];
for (let i = 0; i < runs; i++) {
  const g = structuredClone(graph);
  const t = performance.now();
  await elk.layout(g);
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);

// the polylines of every edge
const lines = laid.edges.map((e) =>
  (e.sections ?? []).flatMap((s) => [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]),
);
const cross = (a, b, c, d) => {
  const o = (p, q, r) => (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x);
  return o(c, d, a) * o(c, d, b) < 0 && o(a, b, c) * o(a, b, d) < 0;
};
const segs = lines.flatMap((pts, li) => pts.slice(1).map((p, i) => [pts[i], p, li]));
let crossings = 0;
for (let i = 0; i < segs.length; i++)
  for (let j = i + 1; j < segs.length; j++)
    if (segs[i][2] !== segs[j][2] && cross(segs[i][0], segs[i][1], segs[j][0], segs[j][1])) crossings++;
const bends = lines.reduce((n, pts) => n + Math.max(pts.length - 2, 0), 0);
const length = segs.reduce((n, [p, q]) => n + Math.hypot(q.x - p.x, q.y - p.y), 0);
const name = graph.name ?? `${graph.children.length} nodes`;
console.log(
  `elkjs ${name}: median ${times[Math.floor(runs / 2)].toFixed(3)} ms over ${runs} runs | width ${laid.width.toFixed(0)} height ${laid.height.toFixed(0)} area ${(laid.width * laid.height).toFixed(0)} crossings ${crossings} bends ${bends} length ${length.toFixed(0)}`,
);
