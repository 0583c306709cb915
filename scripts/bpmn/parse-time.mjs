// Times bpmn-moddle's fromXML on each file given: one warm-up, then the median of RUNS runs
// (default 15, or 7 for files over 5 MB). Prints `moddle FILE MS` per file.
//   node parse-time.mjs FILE.bpmn [...]
import { readFile } from 'node:fs/promises';
import { BpmnModdle } from 'bpmn-moddle';

const moddle = new BpmnModdle();
for (const file of process.argv.slice(2)) {
  const xml = await readFile(file, 'utf8');
  const runs = Number(process.env.RUNS) || (xml.length > 5e6 ? 7 : 15);
  const first = await moddle.fromXML(xml, 'bpmn:Definitions');
  if (first.warnings.length) console.error(`${file}: ${first.warnings.length} warnings`);
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await moddle.fromXML(xml, 'bpmn:Definitions');
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  console.log(`moddle ${file} ${times[Math.floor(times.length / 2)].toFixed(2)}`);
}
