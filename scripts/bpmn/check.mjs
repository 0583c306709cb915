// Imports each BPMN file given on the command line with bpmn-moddle and fails (exit 1) on
// any error or warning, printing them. Used by tests/bpmn_moddle.rs on Carepath's exports.
//   node check.mjs FILE.bpmn [FILE.bpmn ...]
import { readFile } from 'node:fs/promises';
import { BpmnModdle } from 'bpmn-moddle';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node check.mjs FILE.bpmn [...]');
  process.exit(2);
}
const moddle = new BpmnModdle();
let failed = false;
for (const file of files) {
  const xml = await readFile(file, 'utf8');
  try {
    const { rootElement, warnings } = await moddle.fromXML(xml, 'bpmn:Definitions');
    if (warnings.length > 0) {
      failed = true;
      for (const w of warnings) console.error(`${file}: warning: ${w.message}`);
    }
    const processes = rootElement.rootElements.filter((e) => e.$type === 'bpmn:Process');
    const nodes = processes.flatMap((p) => p.flowElements || []).length;
    console.log(`${file}: ok (${warnings.length} warnings, ${nodes} flow elements, ${rootElement.diagrams.length} diagram(s))`);
  } catch (e) {
    failed = true;
    console.error(`${file}: error: ${e.message}`);
  }
}
process.exit(failed ? 1 : 0);
