// What the end-to-end tests of the real window share: free ports, waiting, and the window's
// elements, commands and keys as the tests reach them through WebDriver.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * Retries `fn` until it returns a truthy value (React may still be mounting); on timeout the
 * error names `what` and a screenshot of `browser`'s window, if one is given.
 */
export async function eventually(fn, what, ms = 30_000, browser = null) {
  const until = Date.now() + ms;
  let last;
  while (Date.now() < until) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  // a picture of the window as it was, for the failure report
  let picture = "";
  if (browser) {
    picture = path.join(tmpdir(), `carepath-e2e-failed-${Date.now()}.png`);
    await browser.saveScreenshot(picture).catch(() => (picture = ""));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ""}${picture ? ` (screenshot: ${picture})` : ""}`);
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export function waitForPort(port, ms) {
  const until = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const tryOnce = () => {
      const s = net.connect(port, "127.0.0.1");
      s.once("connect", () => {
        s.destroy();
        resolve();
      });
      s.once("error", () => {
        s.destroy();
        if (Date.now() > until) reject(new Error(`tauri-driver did not listen on ${port}`));
        else setTimeout(tryOnce, 200);
      });
    };
    tryOnce();
  });
}

export const texts = (browser, css) =>
  browser.execute((sel) => Array.from(document.querySelectorAll(sel), (e) => e.textContent ?? ""), css);

/** The viewport centre of the step whose label is `text`, or null. */
export const stepCentre = (browser, text) =>
  browser.execute((t) => {
    const label = Array.from(document.querySelectorAll(".step-label-text")).find((e) => e.textContent === t);
    const node = label?.closest(".react-flow__node");
    if (!node) return null;
    const r = node.getBoundingClientRect();
    return { x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2) };
  }, text);

export const clickAt = (browser, p) =>
  browser
    .action("pointer", { parameters: { pointerType: "mouse" } })
    .move({ x: p.x, y: p.y, origin: "viewport" })
    .down()
    .up()
    .perform();

/** Presses a key with Control (and Shift) held. */
export const chord = (browser, key, shift = false) => {
  const a = browser.action("key").down("\uE009");
  if (shift) a.down("\uE008");
  a.down(key).up(key);
  if (shift) a.up("\uE008");
  return a.up("\uE009").perform();
};

export const hasLabel = async (browser, text) => (await texts(browser, ".step-label-text")).includes(text);

/** Waits for the focus to be in a step's label editor. */
export const labelEditorOpen = (browser, what = "a label editor") =>
  eventually(() => browser.execute(() => document.activeElement?.classList.contains("step-label-input")), what, 30_000, browser);

/** Calls a shell command as the window does; resolves to { ok } or { error }. */
export const invoke = async (browser, cmd, args = {}) => {
  // not `{ error }` from the page: WebDriver would take a value of that shape for its own error
  const r = await browser.executeAsync(
    (c, a, done) => window.__TAURI_INTERNALS__.invoke(c, a).then((ok) => done({ ok }), (refused) => done({ refused })),
    cmd,
    args,
  );
  return "refused" in r ? { error: r.refused } : r;
};

/**
 * Sends the `menu` event a native menu item sends (src-tauri/src/menu.rs). WebDriver cannot
 * click GTK menus, so the tests emit the same event through Tauri's event system; the window
 * handles it exactly as after a click (ui/src/commands/useFrame.tsx).
 */
export const menu = async (browser, id, extra = {}) => {
  const r = await invoke(browser, "plugin:event|emit", { event: "menu", payload: { id, ...extra } });
  assert.ok(!r.error, `emitting menu '${id}' failed: ${JSON.stringify(r.error)}`);
};

export const dialogTitle = (browser) =>
  browser.execute(() => {
    const d = document.querySelector('[role="dialog"]');
    return d ? document.getElementById(d.getAttribute("aria-labelledby"))?.textContent : null;
  });

export const selectedLabels = (browser) =>
  browser.execute(() =>
    Array.from(document.querySelectorAll(".react-flow__node.selected .step-label-text"), (e) => e.textContent),
  );

/** Processes started with `env` (its own XDG_DATA_HOME marks them): apps a closed session left behind. */
export function processesOf(env) {
  const marker = `XDG_DATA_HOME=${env.XDG_DATA_HOME}`;
  return readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d) && Number(d) !== process.pid)
    .filter((d) => {
      try {
        return readFileSync(`/proc/${d}/environ`, "latin1").split("\0").includes(marker);
      } catch {
        return false;
      }
    })
    .map(Number);
}
