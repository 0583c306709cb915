// Lays out an ELK JSON graph (from `cargo run --release --example elk_compare`) with elkjs's
// layered algorithm, twice, and prints for each the median time over some runs after one
// warm-up run and the layout measures Carepath prints: size, area, crossings between edges,
// bends and total line length.
//
// - "lanes kept": Carepath's lanes as constraints. Every node starts centred in its lane and
//   ELK's interactive crossing minimisation and node placement keep that height and order;
//   the drawing's size adds the lane-name and phase-name bands a swimlane diagram has. The
//   line also counts the nodes ELK still moved out of their lane ("off lane"); where that is
//   not 0 the drawing is no swimlane diagram and its measures flatter ELK.
// - "lanes as hints": ELK free to pack steps of all lanes into a few rows (lane index only as
//   an order hint), which no swimlane diagram can do; for reference.
//   node layout.mjs graph.json [runs]
import { readFileSync } from "node:fs";
import ELK from "elkjs/lib/elk.bundled.js";

const [file, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 5);
const graph = JSON.parse(readFileSync(file, "utf8"));
const swimlanes = graph.carepath;
delete graph.carepath;
const name = graph.name ?? `${graph.children.length} nodes`;
const elk = new ELK();

async function timed(g) {
  const laid = await elk.layout(structuredClone(g));
  const times = [];
  for (let i = 0; i < runs; i++) {
    const c = structuredClone(g);
    const t = performance.now();
    await elk.layout(c);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { laid, ms: times[Math.floor(runs / 2)] };
}

function measures(laid) {
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
  return { crossings, bends, length };
}

const print = (what, ms, width, height, m, extra = "") =>
  console.log(
    `elkjs ${what} ${name}: median ${ms.toFixed(3)} ms over ${runs} runs | width ${width.toFixed(0)} height ${height.toFixed(0)} area ${(width * height).toFixed(0)} crossings ${m.crossings} bends ${m.bends} length ${m.length.toFixed(0)}${extra}`,
  );

// lanes kept
{
  const { laid, ms } = await timed(graph);
  // ELK moves the whole drawing to its padding: undo that before looking at the lanes
  const shift = Math.min(...laid.children.map((n) => n.y)) - Math.min(...graph.children.map((n) => n.y));
  const off = laid.children.filter((n, i) => {
    const [top, bottom] = swimlanes.lanes[swimlanes.lane[i]];
    const y = n.y - shift;
    return y < top - 0.5 || y + n.height > bottom + 0.5;
  }).length;
  const [laneHeader, phaseHeader] = swimlanes.header;
  const lanesBottom = Math.max(...swimlanes.lanes.map(([, b]) => b));
  const width = laid.width + laneHeader;
  const height = Math.max(laid.height, lanesBottom) + phaseHeader;
  print("(lanes kept)", ms, width, height, measures(laid), ` off lane ${off}`);
}

// lanes as hints
{
  const free = structuredClone(graph);
  for (const n of free.children) {
    delete n.x;
    delete n.y;
  }
  delete free.layoutOptions["elk.layered.crossingMinimization.strategy"];
  delete free.layoutOptions["elk.layered.nodePlacement.strategy"];
  const { laid, ms } = await timed(free);
  print("(lanes as hints)", ms, laid.width, laid.height, measures(laid));
}
