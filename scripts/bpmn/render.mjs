// Renders a BPMN file with bpmn-js (the bpmn.io viewer) in headless Chromium and writes a
// screenshot. Fails (exit 1, printing the messages) when importXML throws or warns, when the
// page logs a console error, or when the canvas holds fewer shapes or connections than the
// file's diagram (BPMNShape / BPMNEdge) asks for. Used by tests/bpmn_render.rs.
//   node render.mjs FILE.bpmn OUT.png
// No network: the viewer bundle and its CSS are read from node_modules and inlined, and the
// page is given with setContent. Needs Debian's chromium (CHROMIUM overrides the path).
import { readFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { offlinePage } from '../chromium.mjs';

const [file, out] = process.argv.slice(2);
if (!file || !out) {
  console.error('usage: node render.mjs FILE.bpmn OUT.png');
  process.exit(2);
}
const require = createRequire(import.meta.url);
const dist = dirname(require.resolve('bpmn-js/dist/bpmn-viewer.production.min.js'));
const viewerJs = await readFile(join(dist, 'bpmn-viewer.production.min.js'), 'utf8');
const css = (await readFile(join(dist, 'assets/diagram-js.css'), 'utf8')) + (await readFile(join(dist, 'assets/bpmn-js.css'), 'utf8'));
const xml = await readFile(file, 'utf8');

const html = `<!doctype html><html><head><meta charset="utf-8">
<style>${css}
html, body, #canvas { margin: 0; width: 100%; height: 100%; background: white; }</style>
</head><body><div id="canvas"></div><script>${viewerJs.replace(/<\/script/gi, '<\\/script')}</script></body></html>`;

const problems = [];
let browser;
try {
  // Nothing may be fetched: the page is self-contained.
  browser = await offlinePage(chromium, { width: 1800, height: 1000 }, html, problems);
  const { page } = browser;

  const result = await page.evaluate(async (xml) => {
    const viewer = (window.viewer = new BpmnJS({ container: '#canvas' }));
    let warnings;
    try {
      ({ warnings } = await viewer.importXML(xml));
    } catch (e) {
      return { error: e.message, warnings: (e.warnings || []).map((w) => w.message) };
    }
    const canvas = viewer.get('canvas');
    canvas.zoom('fit-viewport');
    const inner = canvas.viewbox().inner;
    const registry = viewer.get('elementRegistry');
    const di = new DOMParser().parseFromString(xml, 'application/xml');
    const ns = 'http://www.omg.org/spec/BPMN/20100524/DI';
    const all = registry.getAll();
    return {
      warnings: warnings.map((w) => w.message),
      expectedShapes: di.getElementsByTagNameNS(ns, 'BPMNShape').length,
      expectedEdges: di.getElementsByTagNameNS(ns, 'BPMNEdge').length,
      tasks: all.filter((e) => /Task$|^bpmn:CallActivity$/.test(e.type) && !e.labelTarget).length,
      shapes: all.filter((e) => !e.waypoints && !e.labelTarget && e.parent).length,
      connections: all.filter((e) => e.waypoints).length,
      drawnShapes: document.querySelectorAll('.djs-element.djs-shape').length,
      drawnConnections: document.querySelectorAll('.djs-element.djs-connection').length,
      inner: { width: inner.width, height: inner.height },
    };
  }, xml);

  if (result.error) problems.push(`importXML failed: ${result.error}`);
  for (const w of result.warnings) problems.push(`importXML warning: ${w}`);
  if (!result.error) {
    if (result.shapes < result.expectedShapes || result.drawnShapes < result.expectedShapes) {
      problems.push(`drew ${result.shapes} shapes (${result.drawnShapes} in the SVG), the diagram has ${result.expectedShapes}`);
    }
    if (result.connections < result.expectedEdges || result.drawnConnections < result.expectedEdges) {
      problems.push(`drew ${result.connections} connections (${result.drawnConnections} in the SVG), the diagram has ${result.expectedEdges}`);
    }
    if (result.tasks === 0 || result.drawnShapes <= result.tasks) {
      problems.push(`drew ${result.drawnShapes} shapes for ${result.tasks} tasks`);
    }
    // Size the window to the diagram (at most 3200 px wide) so the picture stays legible.
    const width = Math.round(Math.min(3200, Math.max(800, result.inner.width + 40)));
    const height = Math.round(Math.max(300, (width * (result.inner.height + 40)) / (result.inner.width + 40)));
    await page.setViewportSize({ width, height });
    await page.evaluate(() => {
      const canvas = window.viewer.get('canvas');
      canvas.resized();
      canvas.zoom('fit-viewport');
    });
    await page.screenshot({ path: out, fullPage: false });
    console.log(`${file}: ${result.drawnShapes} shapes, ${result.drawnConnections} connections, ${result.tasks} tasks -> ${out}`);
  }
} catch (e) {
  problems.push(`error: ${e.message}`);
} finally {
  await browser?.close();
}
for (const p of problems) console.error(`${file}: ${p}`);
process.exit(problems.length ? 1 : 0);
