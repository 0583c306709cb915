// Measures the real user interface (ui/dist-bench, the production build over a fixture of a
// generated pathway) in headless Chromium: how long opening takes until the steps are drawn,
// frame times while zooming and while dragging a step, and what one edit re-renders.
//   node run.mjs DIST_DIR FIXTURE_DIR [--json OUT.json]
// Prints the figures and exits 1 when a target is missed (≥ 50 frames per second while
// dragging and zooming, open ≤ 1 s).
import { createServer } from 'node:http';
import { readFile, writeFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { launch } from '../chromium.mjs';

const [dist, fixture, ...rest] = process.argv.slice(2);
if (!dist || !fixture) {
  console.error('usage: node run.mjs DIST_DIR FIXTURE_DIR [--json OUT.json]');
  process.exit(2);
}
const jsonOut = rest[0] === '--json' ? rest[1] : null;

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.woff2': 'font/woff2', '.svg': 'image/svg+xml' };
const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://x');
  const [root, rel] = url.pathname.startsWith('/fixture/') ? [fixture, url.pathname.slice(9)] : [dist, url.pathname === '/' ? 'index.html' : url.pathname.slice(1)];
  const file = normalize(join(root, rel));
  if (!file.startsWith(normalize(root))) return res.writeHead(403).end();
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

const stats = (intervals) => {
  const s = [...intervals].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / Math.max(1, s.length);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  return { frames: s.length, fps: +(1000 / mean).toFixed(1), p50_ms: +at(0.5).toFixed(1), p95_ms: +at(0.95).toFixed(1), max_ms: +(s.at(-1) ?? 0).toFixed(1), over_33ms: s.filter((x) => x > 33.4).length };
};
const pause = (ms) => new Promise((r) => setTimeout(r, ms));

let browser;
const result = {};
try {
  browser = await launch(chromium, { width: 1600, height: 1000 });
  const { page } = browser;
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && !m.text().includes('404') && errors.push(m.text()));
  page.on('response', (r) => r.status() >= 400 && !r.url().endsWith('/favicon.ico') && errors.push(`${r.status()} ${r.url()}`));

  await page.goto(`${base}/?fixture=/fixture`);
  await page.waitForSelector('.react-flow__node-step', { timeout: 30_000 });
  result.steps_drawn = await page.evaluate(() => document.querySelectorAll('.react-flow__node-step').length);
  result.open_ms = Math.round(await page.evaluate(() => performance.now()));
  await pause(1000);

  const pane = await page.evaluate(() => {
    const r = document.querySelector('.react-flow').getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });

  // zoom: wheel in and out over the middle of the canvas, one notch per frame
  await page.mouse.move(pane.x, pane.y);
  await page.evaluate(() => window.__bench.startFrames());
  for (let i = 0; i < 120; i++) {
    await page.mouse.wheel(0, i < 60 ? -60 : 60);
    await pause(16);
  }
  result.zoom = stats(await page.evaluate(() => window.__bench.stopFrames()));

  // pick the step nearest the middle, zoom in on it until it is large enough to grab, and
  // drag it
  const stepNear = (p) => page.evaluate(({ x, y }) => {
    let best = null;
    for (const n of document.querySelectorAll('.react-flow__node-step')) {
      const r = n.getBoundingClientRect();
      const c = { x: r.left + r.width / 2, y: r.top + r.height / 2, w: r.width, id: n.getAttribute('data-id') };
      const d = Math.hypot(c.x - x, c.y - y);
      if (!best || d < best.d) best = { ...c, d };
    }
    return best;
  }, p);
  const chosen = (await stepNear(pane)).id;
  const stepById = (id) => page.evaluate((i) => {
    const r = document.querySelector(`.react-flow__node-step[data-id="${i}"]`)?.getBoundingClientRect();
    return r ? { x: r.left + r.width / 2, y: r.top + r.height / 2, w: r.width, id: i } : null;
  }, id);
  let grip = await stepById(chosen);
  for (let i = 0; i < 60 && grip && grip.w < 90; i++) {
    await page.mouse.move(grip.x, grip.y);
    await page.mouse.wheel(0, -120);
    await pause(60);
    grip = await stepById(chosen);
  }
  await pause(500);
  grip = await stepById(chosen);
  const nodeAt = (id) => page.evaluate((i) => {
    const r = document.querySelector(`.react-flow__node-step[data-id="${i}"]`)?.getBoundingClientRect();
    return r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
  }, id);
  if (process.env.UI_BENCH_SHOT) await page.screenshot({ path: process.env.UI_BENCH_SHOT });
  // a first drag and drop (not measured) so the measured edit is not the canvas's first
  await page.mouse.move(grip.x, grip.y);
  await page.mouse.down();
  for (let i = 1; i <= 20; i++) {
    await page.mouse.move(grip.x + i, grip.y + i);
    await pause(16);
  }
  await page.mouse.up();
  await pause(1500);
  grip = await stepById(chosen);
  await page.mouse.move(grip.x, grip.y);
  await page.mouse.down();
  await page.evaluate(() => window.__bench.startFrames());
  for (let i = 1; i <= 120; i++) {
    await page.mouse.move(grip.x + i * 1.5, grip.y + Math.sin(i / 10) * 40);
    await pause(16);
  }
  result.drag = stats(await page.evaluate(() => window.__bench.stopFrames()));
  const moved = await nodeAt(grip.id);
  result.drag.moved_px = moved ? Math.round(Math.hypot(moved.x - grip.x, moved.y - grip.y)) : null;

  // the edit at the end of the drag: React commits and step nodes whose DOM changed
  await page.evaluate(() => {
    window.__bench.commits.length = 0;
    const touched = new Set();
    window.__touched = touched;
    window.__observer = new MutationObserver((ms) => {
      for (const m of ms) {
        const node = (m.target.nodeType === 1 ? m.target : m.target.parentElement)?.closest('.react-flow__node-step');
        if (node) touched.add(node.getAttribute('data-id'));
      }
    });
    window.__observer.observe(document.querySelector('.react-flow'), { subtree: true, childList: true, attributes: true, characterData: true });
    window.__upAt = performance.now();
    window.__renders = {};
  });
  await page.mouse.up();
  await pause(2000);
  result.edit = await page.evaluate(() => {
    window.__observer.disconnect();
    const after = window.__bench.commits.filter((c) => c.at >= window.__upAt);
    return {
      commits: after.length,
      commit_ms_total: +after.reduce((a, c) => a + c.duration, 0).toFixed(1),
      settled_after_ms: after.length ? Math.round(after.at(-1).at - window.__upAt) : 0,
      step_nodes_changed: window.__touched.size,
      renders: { ...window.__renders },
      per_commit: after.map((c) => `${Math.round(c.at - window.__upAt)}ms:${c.duration.toFixed(1)}ms:${c.steps}`), 
    };
  });
  result.page_errors = errors;
} finally {
  await browser?.close();
  server.close();
}

console.log(JSON.stringify(result, null, 2));
if (jsonOut) await writeFile(jsonOut, JSON.stringify(result, null, 2));
const missed = [];
if (result.zoom.fps < 50) missed.push(`zoom ${result.zoom.fps} fps < 50`);
if (result.drag.fps < 50) missed.push(`drag ${result.drag.fps} fps < 50`);
if (!(result.drag.moved_px > 100)) missed.push(`the dragged step did not follow the pointer (${result.drag.moved_px} px)`);
if (result.edit.commits === 0) missed.push('dropping the step re-rendered nothing (no edit?)');
if (result.open_ms > 1000) missed.push(`open ${result.open_ms} ms > 1000`);
if (result.page_errors.length) missed.push(`page errors: ${result.page_errors.join('; ')}`);
if (missed.length) {
  console.error(`targets missed: ${missed.join(', ')}`);
  process.exit(1);
}
