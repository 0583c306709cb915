// End-to-end test of the real Carepath window: tauri-driver + WebKitWebDriver drive the built
// app (CAREPATH_APP) under X. The app starts on a fresh data dir, creates the COPD example,
// shows lanes and step labels with Norwegian letters; a double-click on an empty cell adds a
// step that is still there after the app is restarted. Then, in the same file: rename in
// place, undo and redo from the keyboard, Delete, all through the core; export an SVG through
// the export dialog, and a Markdown report with its pictures; auto-arrange and undo it.
import { spawn } from "node:child_process";
import { closeSync, copyFileSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { remote } from "webdriverio";

const APP = process.env.CAREPATH_APP;
const DRIVER = process.env.TAURI_DRIVER ?? "tauri-driver";
// free ports, so a second run on the same machine cannot meet this run's driver
let PORT = 4444;
let NATIVE_PORT = 4445;

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}
const home = mkdtempSync(path.join(tmpdir(), "carepath-e2e-"));
const appEnv = {
  ...process.env,
  XDG_DATA_HOME: path.join(home, "data"),
  XDG_CONFIG_HOME: path.join(home, "config"),
  XDG_CACHE_HOME: path.join(home, "cache"),
  CAREPATH_FILE: "",
  // the user interface picks bokmål from the OS locale
  LANGUAGE: "nb_NO:nb",
};
let driver;

function waitForPort(port, ms) {
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

async function startApp() {
  const open = (timeout) =>
    remote({
      hostname: "127.0.0.1",
      port: PORT,
      logLevel: "error",
      connectionRetryTimeout: timeout,
      connectionRetryCount: 0,
      capabilities: {
        "tauri:options": { application: APP },
        "wdio:enforceWebDriverClassic": true,
      },
    });
  try {
    return await open(45_000);
  } catch (e) {
    // a window that could not reach the fresh X server at once gets one more start; a real
    // failure fails again
    console.log(`starting the app failed once (${e.message}); trying again`);
    return open(90_000);
  }
}

/** Retries `fn` until it returns a truthy value (React may still be mounting). */
async function eventually(fn, what, ms = 30_000) {
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
  throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ""}`);
}

const texts = (browser, css) =>
  browser.execute((sel) => Array.from(document.querySelectorAll(sel), (e) => e.textContent ?? ""), css);

/** A point (viewport pixels) inside a lane x phase cell with nothing drawn there. */
const findEmptyCell = (browser) =>
  browser.execute(() => {
    const laneName = document.querySelector(".lane-name")?.getBoundingClientRect();
    const colName = document.querySelector(".column-name")?.getBoundingClientRect();
    const pane = document.querySelector(".react-flow")?.getBoundingClientRect();
    if (!laneName || !colName || !pane) return null;
    const lanes = Array.from(document.querySelectorAll(".lane"), (e) => e.getBoundingClientRect());
    const free = (x, y) => {
      const el = document.elementFromPoint(x, y);
      return !!el && el.classList.contains("react-flow__pane");
    };
    for (const lane of lanes) {
      for (let y = lane.top + 25; y < Math.min(lane.bottom - 25, pane.bottom - 60); y += 15) {
        for (let x = laneName.right + 30; x < pane.right - 60; x += 15) {
          if (y < colName.bottom + 25) continue;
          const around = [[0, 0], [-40, 0], [40, 0], [0, -30], [0, 30]];
          if (around.every(([dx, dy]) => free(x + dx, y + dy))) return { x: Math.round(x), y: Math.round(y) };
        }
      }
    }
    return null;
  });

/** The viewport centre of the step whose label is `text`, or null. */
const stepCentre = (browser, text) =>
  browser.execute((t) => {
    const label = Array.from(document.querySelectorAll(".step-label-text")).find((e) => e.textContent === t);
    const node = label?.closest(".react-flow__node");
    if (!node) return null;
    const r = node.getBoundingClientRect();
    return { x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2) };
  }, text);

const doubleClickAt = (browser, p) =>
  browser
    .action("pointer", { parameters: { pointerType: "mouse" } })
    .move({ x: p.x, y: p.y, origin: "viewport" })
    .down()
    .up()
    .pause(40)
    .down()
    .up()
    .perform();

const clickAt = (browser, p) =>
  browser
    .action("pointer", { parameters: { pointerType: "mouse" } })
    .move({ x: p.x, y: p.y, origin: "viewport" })
    .down()
    .up()
    .perform();

/** Presses a key with Control (and Shift) held. */
const chord = (browser, key, shift = false) => {
  const a = browser.action("key").down("\uE009");
  if (shift) a.down("\uE008");
  a.down(key).up(key);
  if (shift) a.up("\uE008");
  return a.up("\uE009").perform();
};

const hasLabel = async (browser, text) => (await texts(browser, ".step-label-text")).includes(text);

// tauri-driver and the app instances it starts write here, not to our stdout: an app that
// outlived its session would otherwise hold the test runner's pipe open and hang the run
const driverLog = path.join(tmpdir(), `carepath-e2e-driver-${process.pid}.log`);

/** Processes started with this test's environment (apps a closed session left behind). */
function ownProcesses() {
  const marker = `XDG_DATA_HOME=${appEnv.XDG_DATA_HOME}`;
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

before(async () => {
  assert.ok(APP, "set CAREPATH_APP to the built carepath-desktop binary");
  const log = openSync(driverLog, "w");
  PORT = await freePort();
  NATIVE_PORT = await freePort();
  driver = spawn(DRIVER, ["--port", String(PORT), "--native-port", String(NATIVE_PORT)], {
    env: appEnv,
    stdio: ["ignore", log, log],
  });
  closeSync(log);
  await waitForPort(PORT, 30_000);
});

after(async () => {
  // SIGTERM lets tauri-driver stop WebKitWebDriver too; SIGKILL would orphan it
  if (driver && driver.exitCode === null) {
    const exited = new Promise((resolve) => driver.once("exit", resolve));
    driver.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  }
  for (const pid of ownProcesses()) {
    try {
      process.kill(pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
  rmSync(home, { recursive: true, force: true });
  console.log(`tauri-driver log: ${driverLog}`);
});

test("opens the COPD example, adds a step by double-click, keeps it after a restart", async () => {
  let browser = await startApp();
  let added;
  try {
    const lanes = await eventually(async () => {
      const t = await texts(browser, ".lane-name");
      return t.length > 0 && t;
    }, "the lanes");
    assert.ok(lanes.every((t) => t.trim().length > 0), "every lane shows its actor's name");
    assert.match(await browser.getTitle(), /KOLS — Carepath$/, "the title names the document");
    const labels = await eventually(async () => {
      const t = await texts(browser, ".step-label-text");
      return t.length > 0 && t;
    }, "the step labels");
    assert.ok(
      labels.some((t) => /[æøåÆØÅ]/.test(t)),
      `some step label has æ/ø/å (labels: ${labels.slice(0, 8).join(" | ")})`,
    );
    const lang = await browser.execute(() => document.documentElement.lang);
    added = lang === "en" ? "New step" : "Nytt steg";
    const before = labels.filter((t) => t === added).length;

    const p = await eventually(() => findEmptyCell(browser), "an empty cell");
    await browser
      .action("pointer", { parameters: { pointerType: "mouse" } })
      .move({ x: p.x, y: p.y, origin: "viewport" })
      .down()
      .up()
      .pause(40)
      .down()
      .up()
      .perform();
    await eventually(
      async () => (await texts(browser, ".step-label-text")).filter((t) => t === added).length === before + 1,
      `a new step labelled '${added}'`,
    );
    const count = (await texts(browser, ".step-label-text")).length;
    assert.equal(count, labels.length + 1);
  } finally {
    await browser.deleteSession();
  }

  // restart: the app reopens the last document and the new step is still there
  browser = await startApp();
  try {
    const again = await eventually(async () => {
      const t = await texts(browser, ".step-label-text");
      return t.length > 0 && t;
    }, "the step labels after restart");
    assert.ok(again.includes(added), "the added step survived the restart");
  } finally {
    await browser.deleteSession();
  }
});

test("renames in place, deletes, and undoes and redoes through the core", async () => {
  const browser = await startApp();
  try {
    const labels = await eventually(async () => {
      const t = await texts(browser, ".step-label-text");
      return t.length > 0 && t;
    }, "the step labels");
    const lang = await browser.execute(() => document.documentElement.lang);
    const added = lang === "en" ? "New step" : "Nytt steg";
    assert.ok(labels.includes(added), "the step added by the first test is there");

    // rename: double-click the label, type, Enter
    const renamed = "Samtale på legekontoret – æøå";
    await doubleClickAt(browser, await stepCentre(browser, added));
    await eventually(() => browser.execute(() => document.activeElement?.classList.contains("step-label-input")), "the label editor");
    // the editor opens with its text selected, so typing replaces it
    await (await browser.$(".step-label-input")).addValue(renamed);
    await browser.keys(["Enter"]);
    await eventually(() => hasLabel(browser, renamed), "the new name");
    assert.equal(await hasLabel(browser, added), false);

    // undo (Ctrl+Z) brings the old name back, redo (Ctrl+Y) the new one
    await chord(browser, "z");
    await eventually(() => hasLabel(browser, added), "the old name after undo");
    await chord(browser, "y");
    await eventually(() => hasLabel(browser, renamed), "the new name after redo");

    // Delete removes the selected step; Ctrl+Shift+Z after an undo redoes the removal
    await clickAt(browser, await stepCentre(browser, renamed));
    await eventually(() => browser.execute(() => !!document.querySelector(".react-flow__node.selected")), "a selected step");
    await browser.keys(["Delete"]);
    await eventually(async () => !(await hasLabel(browser, renamed)), "the step to be removed");
    assert.equal((await texts(browser, ".step-label-text")).length, labels.length - 1);
    await chord(browser, "z");
    await eventually(() => hasLabel(browser, renamed), "the step back after undo");
    await chord(browser, "z", true);
    await eventually(async () => !(await hasLabel(browser, renamed)), "the removal redone");
  } finally {
    await browser.deleteSession();
  }
});

/** Presses at `from`, moves in small steps to `to` and releases there. */
const dragFromTo = (browser, from, to, steps = 8) => {
  const a = browser.action("pointer", { parameters: { pointerType: "mouse" } }).move({ x: from.x, y: from.y, origin: "viewport" }).down();
  for (let i = 1; i <= steps; i++) {
    a.move({
      x: Math.round(from.x + ((to.x - from.x) * i) / steps),
      y: Math.round(from.y + ((to.y - from.y) * i) / steps),
      origin: "viewport",
      duration: 30,
    });
  }
  return a.up().perform();
};

/** Index of the lane (top to bottom) whose band holds viewport point `p`. */
const laneIndexAt = (browser, p) =>
  browser.execute(
    (x, y) =>
      Array.from(document.querySelectorAll(".lane"), (e) => e.getBoundingClientRect()).findIndex(
        (r) => y >= r.top && y < r.bottom,
      ),
    p.x,
    p.y,
  );

test("drags a step into another lane and connects two steps", async () => {
  const browser = await startApp();
  try {
    const name = "Foreslår digital hjemmeoppfølging";
    const start = await eventually(() => stepCentre(browser, name), `the step '${name}'`);
    const lane = await laneIndexAt(browser, start);
    assert.ok(lane > 0, "the step is below the first lane");
    const above = await browser.execute(
      (i) => {
        const r = document.querySelectorAll(".lane")[i].getBoundingClientRect();
        return Math.round(r.top + r.height / 2);
      },
      lane - 1,
    );
    await dragFromTo(browser, start, { x: start.x + 20, y: above });
    await eventually(async () => {
      const p = await stepCentre(browser, name);
      return p && (await laneIndexAt(browser, p)) === lane - 1;
    }, "the step in the lane above");
    // the move is an edit in the core: undo puts it back
    await chord(browser, "z");
    await eventually(async () => {
      const p = await stepCentre(browser, name);
      return p && (await laneIndexAt(browser, p)) === lane;
    }, "the step back in its lane after undo");

    // connect: drag from one step's outgoing handle to another step's incoming handle
    const edgesBefore = await browser.execute(() => document.querySelectorAll(".react-flow__edge").length);
    const handles = await browser.execute((a, b) => {
      const node = (t) =>
        Array.from(document.querySelectorAll(".step-label-text"))
          .find((e) => e.textContent === t)
          ?.closest(".react-flow__node");
      const centre = (el) => {
        const r = el.getBoundingClientRect();
        return { x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2) };
      };
      const from = node(a)?.querySelector(".react-flow__handle.source");
      const to = node(b)?.querySelector(".react-flow__handle.target");
      return from && to ? { from: centre(from), to: centre(to) } : null;
    }, name, "Vurderer om DHO er medisinsk forsvarlig");
    assert.ok(handles, "both steps have handles");
    await dragFromTo(browser, handles.from, handles.to, 10);
    await eventually(
      async () => (await browser.execute(() => document.querySelectorAll(".react-flow__edge").length)) === edgesBefore + 1,
      "a new transition",
    );
  } finally {
    await browser.deleteSession();
  }
});

/** Clicks the button whose text is one of `names` (bokmål or English). */
const clickButton = async (browser, names) => {
  const found = await eventually(
    () =>
      browser.execute((ns) => {
        const b = Array.from(document.querySelectorAll("button")).find((e) => ns.includes(e.textContent.trim()));
        if (!b || b.disabled) return false;
        b.click();
        return true;
      }, names),
    `a button ${names.join(" / ")}`,
  );
  return found;
};

/** The flow position (from the node's transform) of the step labelled `text`. */
const stepPosition = (browser, text) =>
  browser.execute((t) => {
    const label = Array.from(document.querySelectorAll(".step-label-text")).find((e) => e.textContent === t);
    const node = label?.closest(".react-flow__node");
    const m = node?.style.transform.match(/translate\(([-\d.]+)px,\s*([-\d.]+)px\)/);
    return m ? { x: Number(m[1]), y: Number(m[2]) } : null;
  }, text);

const near = (a, b) => a && b && Math.abs(a.x - b.x) < 1 && Math.abs(a.y - b.y) < 1;

test("exports the current variant as SVG through the export dialog", async () => {
  const browser = await startApp();
  const out = mkdtempSync(path.join(tmpdir(), "carepath-export-"));
  try {
    const labels = await eventually(async () => {
      const t = await texts(browser, ".step-label-text");
      return t.length > 0 && t;
    }, "the step labels");
    // the canvas draws transitions along the layout's orthogonal routes, as the exports do
    const paths = await browser.execute(() =>
      Array.from(document.querySelectorAll(".react-flow__edge-path"), (e) => e.getAttribute("d") ?? ""),
    );
    assert.ok(paths.length > 0 && paths.every((d) => /^M [-\d.]+ [-\d.]+( L [-\d.]+ [-\d.]+)+$/.test(d)), `routed paths: ${paths[0]}`);

    await clickButton(browser, ["Eksporter …", "Export …"]);
    const dialog = await browser.$('[role="dialog"]');
    await dialog.waitForDisplayed({ timeout: 10_000 });
    // the dialog is labelled, and focus starts on its first field (the format, SVG by default)
    const title = await browser.execute(() => {
      const d = document.querySelector('[role="dialog"]');
      return document.getElementById(d.getAttribute("aria-labelledby"))?.textContent;
    });
    assert.match(title, /^(Eksporter|Export)$/);
    assert.equal(await browser.execute(() => document.activeElement?.getAttribute("name")), "format");
    assert.equal(await (await browser.$('[role="dialog"] select[name="format"]')).getValue(), "svg");

    // CAREPATH_SCREENSHOTS=DIR keeps a picture of the dialog (docs/screenshots uses it)
    if (process.env.CAREPATH_SCREENSHOTS) {
      await browser.saveScreenshot(path.join(process.env.CAREPATH_SCREENSHOTS, "export-dialog.png"));
    }
    // the path field stands in for the native Save dialog, which WebDriver cannot drive
    const file = path.join(out, "kols – nå.svg");
    await (await browser.$('[role="dialog"] input[name="path"]')).setValue(file);
    await (await browser.$('[role="dialog"] button[type="submit"]')).click();
    await eventually(() => browser.execute(() => !!document.querySelector('[role="dialog"] .done')), "the export to finish");
    assert.ok(existsSync(file), "the SVG was written");
    const svg = readFileSync(file, "utf8");
    assert.match(svg, /<svg/);
    const norwegian = labels.filter((t) => /[æøåÆØÅ]/.test(t));
    assert.ok(
      norwegian.some((t) => t.split(/\s+/).every((w) => svg.includes(w))),
      "the SVG holds a step label with æ/ø/å",
    );
    await browser.keys(["Escape"]);
    await eventually(() => browser.execute(() => !document.querySelector('[role="dialog"]')), "the dialog to close");
  } finally {
    await browser.deleteSession();
    rmSync(out, { recursive: true, force: true });
  }
});

test("writes a Markdown report with its pictures through the export dialog", async () => {
  const browser = await startApp();
  const out = mkdtempSync(path.join(tmpdir(), "carepath-report-"));
  try {
    await eventually(async () => (await texts(browser, ".step-label-text")).length > 0, "the step labels");
    await clickButton(browser, ["Eksporter …", "Export …"]);
    const dialog = await browser.$('[role="dialog"]');
    await dialog.waitForDisplayed({ timeout: 10_000 });
    await (await browser.$('[role="dialog"] select[name="format"]')).selectByAttribute("value", "md");
    // a report takes several variants (all ticked at first) and its own language
    const ticked = await browser.execute(() =>
      Array.from(document.querySelectorAll('[role="dialog"] input[name="variants"]'), (i) => i.checked),
    );
    assert.ok(ticked.length >= 1 && ticked.every(Boolean), `variant boxes: ${ticked}`);
    await (await browser.$('[role="dialog"] select[name="lang"]')).selectByAttribute("value", "en");
    if (process.env.CAREPATH_SCREENSHOTS) {
      await browser.saveScreenshot(path.join(process.env.CAREPATH_SCREENSHOTS, "export-report-dialog.png"));
    }
    const file = path.join(out, "kols.md");
    await (await browser.$('[role="dialog"] input[name="path"]')).setValue(file);
    await (await browser.$('[role="dialog"] button[type="submit"]')).click();
    await eventually(() => browser.execute(() => !!document.querySelector('[role="dialog"] .done')), "the report to finish");
    const md = readFileSync(file, "utf8");
    assert.match(md, /\| Information need \| Information service \| What \| Why \|/);
    const pictures = readdirSync(path.join(out, "img"));
    assert.ok(pictures.some((f) => f.endsWith(".png")) && pictures.some((f) => f.endsWith(".svg")), `img/: ${pictures}`);
    for (const m of md.matchAll(/\]\((img\/[^)]+)\)/g)) assert.ok(existsSync(path.join(out, m[1])), `${m[1]} exists`);
    await browser.keys(["Escape"]);
  } finally {
    await browser.deleteSession();
    rmSync(out, { recursive: true, force: true });
  }
});

test("auto-arrange places a dragged step afresh, and Ctrl+Z undoes it", async () => {
  const browser = await startApp();
  try {
    const name = "Foreslår digital hjemmeoppfølging";
    const start = await eventually(() => stepCentre(browser, name), `the step '${name}'`);
    const placed = await stepPosition(browser, name);
    // a small drag within its cell pins the step where it is dropped
    await dragFromTo(browser, start, { x: start.x + 30, y: start.y + 12 });
    const pinned = await eventually(async () => {
      const p = await stepPosition(browser, name);
      return p && !near(p, placed) && p;
    }, "the step at its new place");

    await clickButton(browser, ["Ordne automatisk", "Auto-arrange"]);
    await eventually(async () => {
      const p = await stepPosition(browser, name);
      return p && !near(p, pinned);
    }, "the step placed by the layout again");
    await chord(browser, "z");
    await eventually(async () => near(await stepPosition(browser, name), pinned), "the pinned place after undo");
  } finally {
    await browser.deleteSession();
  }
});

// last, as it leaves the imported document open: the command behind Import … (the native
// open dialog cannot be driven, so the test calls the command the button calls)
test("imports a BPMN file into a new document beside it and reports what was approximated", async () => {
  const browser = await startApp();
  const dir = mkdtempSync(path.join(tmpdir(), "carepath-import-"));
  try {
    await eventually(async () => (await texts(browser, ".step-label-text")).length > 0, "the step labels");
    const before = await browser.getTitle();
    const source = path.join(dir, "to-bassenger.bpmn");
    copyFileSync(new URL("../fixtures/bpmn/two-pools.bpmn", import.meta.url), source);
    const report = await browser.executeAsync((src, done) => {
      window.__TAURI_INTERNALS__.invoke("import_document", { source: src, target: null }).then(done, (e) => done({ error: e }));
    }, source);
    assert.ok(!report.error, `import failed: ${JSON.stringify(report.error)}`);
    assert.ok(report.skipped.length > 0 && report.approximated.length > 0, "the report lists what was left out");
    assert.ok(report.approximated.every((e) => e.line > 0 && e.note), "each entry says where and what");
    assert.ok(existsSync(path.join(dir, "to-bassenger.carepath")), "the new document is beside the source");
    // the shell now has the imported document open; a reload shows it
    await browser.refresh();
    await eventually(async () => (await browser.getTitle()) !== before, "the imported document to be open");
  } finally {
    await browser.deleteSession();
    rmSync(dir, { recursive: true, force: true });
  }
});
