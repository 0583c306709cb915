// Renders a Carepath HTML report in headless Chromium and writes a full-page screenshot.
// Fails (exit 1, printing the messages) when the page asks for anything over the network
// (the report must be self-contained), logs a console error, runs a script, or when the
// report's parts are missing: a heading, the tables, an inline SVG diagram with a size.
// Prints one JSON line with what the page shows (text of table cells, counts) for the test.
//   node render.mjs REPORT.html OUT.png
// Needs Debian's chromium (CHROMIUM overrides the path).
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { offlinePage } from '../chromium.mjs';

const [file, out] = process.argv.slice(2);
if (!file || !out) {
  console.error('usage: node render.mjs REPORT.html OUT.png');
  process.exit(2);
}
const html = await readFile(file, 'utf8');
const problems = [];
let browser;
try {
  browser = await offlinePage(chromium, { width: 1280, height: 900 }, html, problems);
  const { page } = browser;
  const seen = await page.evaluate(() => {
    const svgs = [...document.querySelectorAll('figure svg')].map((s) => s.getBoundingClientRect());
    return {
      title: document.title,
      h1: document.querySelector('h1')?.textContent ?? '',
      headings: [...document.querySelectorAll('h2, h3')].map((h) => h.textContent),
      tables: document.querySelectorAll('table').length,
      heat: document.querySelectorAll('table.heat td[style]').length,
      scripts: document.querySelectorAll('script').length,
      diagrams: svgs.length,
      diagramSizes: svgs.map((r) => [Math.round(r.width), Math.round(r.height)]),
      cells: [...document.querySelectorAll('td')].map((td) => td.innerText),
      overflowX: document.documentElement.scrollWidth > window.innerWidth + 1,
    };
  });
  if (!seen.h1) problems.push('the report has no title heading');
  if (seen.scripts > 0) problems.push(`the report holds ${seen.scripts} script element(s)`);
  if (seen.overflowX) problems.push('the page is wider than the window (something overflows)');
  for (const [w, h] of seen.diagramSizes) if (w < 100 || h < 50) problems.push(`a diagram is drawn at ${w} × ${h}`);
  await page.screenshot({ path: out, fullPage: true });
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: out.replace(/\.png$/, '') + '.pdf', format: 'A4', landscape: true, printBackground: true });
  console.log(JSON.stringify(seen));
} catch (e) {
  problems.push(`error: ${e.message}`);
} finally {
  await browser?.close();
}
for (const p of problems) console.error(`${file}: ${p}`);
process.exit(problems.length ? 1 : 0);
