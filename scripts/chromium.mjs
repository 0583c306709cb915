// Debian's headless Chromium for the scripts that check or measure pages (scripts/bpmn,
// scripts/report, scripts/ui-bench). Each passes its own playwright-core `chromium`, as each
// folder installs its own packages. CHROMIUM overrides the browser's path.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic'];

/** A browser with a throw-away profile and its first page; `close()` removes both. */
export async function launch(chromium, viewport) {
  const userDataDir = await mkdtemp(join(tmpdir(), 'carepath-chromium-'));
  const removeProfile = () => rm(userDataDir, { recursive: true, force: true });
  let context;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      headless: true,
      args: ARGS,
      viewport,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    return { context, page, close: async () => { await context.close(); await removeProfile(); } };
  } catch (e) {
    await context?.close();
    await removeProfile();
    throw e;
  }
}

/**
 * A page showing `html` with nothing fetched: every network request is refused and, like
 * console errors and uncaught page errors, added to `problems`.
 */
export async function offlinePage(chromium, viewport, html, problems) {
  const browser = await launch(chromium, viewport);
  const { page } = browser;
  await page.route('**/*', (route) => {
    problems.push(`network request blocked: ${route.request().url()}`);
    return route.abort();
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  await page.setContent(html, { waitUntil: 'load' });
  return browser;
}
