// End-to-end test of live co-editing: two real app windows (each its own app process, data
// and settings, driven by its own tauri-driver) and the real collaboration server
// (server/src/main.mjs) on loopback. Kari shares the COPD document from File → Share; Ola joins
// it from File → Join shared document with the link (the native Save dialog answered with
// xdotool, as a user types the path). Then: an edit in either window shows in the other, each
// sees what the other has selected in their colour, Undo takes back only one's own edit, the
// server stopped and started again loses nothing and the badge says so meanwhile, and both
// windows end on the same document.
import { spawn, spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { remote } from "webdriverio";
import { serve, stop } from "../../server/test/processes.mjs";
import { chord, clickAt, eventually, freePort, hasLabel, invoke, labelEditorOpen, menu, processesOf, stepCentre, texts, waitForPort } from "./harness.mjs";

const APP = process.env.CAREPATH_APP;
const DRIVER = process.env.TAURI_DRIVER ?? "tauri-driver";
const scratch = mkdtempSync(path.join(tmpdir(), "carepath-e2e-shared-"));
const cleanups = [];
after(async () => {
  for (const f of cleanups.reverse()) await f().catch((e) => console.log(`cleanup: ${e.message}`));
  rmSync(scratch, { recursive: true, force: true });
});

/**
 * One participant: the app in a fresh home of its own, behind its own tauri-driver. Without a
 * D-Bus session bus the single-instance plugin lets the second app start as a window of its own.
 */
async function participant(who) {
  assert.ok(APP, "set CAREPATH_APP to the built carepath-desktop binary");
  const home = path.join(scratch, who);
  const env = {
    ...process.env,
    XDG_DATA_HOME: path.join(home, "data"),
    XDG_CONFIG_HOME: path.join(home, "config"),
    XDG_CACHE_HOME: path.join(home, "cache"),
    DBUS_SESSION_BUS_ADDRESS: `unix:path=${path.join(home, "no-bus")}`,
    CAREPATH_FILE: "",
    CAREPATH_ALLOW_PATHS: tmpdir(),
    LANGUAGE: "nb_NO:nb",
  };
  const log = openSync(path.join(tmpdir(), `carepath-e2e-shared-${who}-${process.pid}.log`), "w");
  const port = await freePort();
  const driver = spawn(DRIVER, ["--port", String(port), "--native-port", String(await freePort())], { env, stdio: ["ignore", log, log] });
  closeSync(log);
  await waitForPort(port, 30_000);
  const browser = await remote({
    hostname: "127.0.0.1",
    port,
    logLevel: "error",
    connectionRetryTimeout: 90_000,
    connectionRetryCount: 0,
    capabilities: { "tauri:options": { application: APP }, "wdio:enforceWebDriverClassic": true },
  });
  cleanups.push(async () => {
    await browser.deleteSession().catch(() => undefined);
    // SIGTERM lets tauri-driver stop WebKitWebDriver too; SIGKILL would orphan it
    const exited = new Promise((resolve) => driver.once("exit", resolve));
    driver.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    for (const pid of processesOf(env)) process.kill(pid, "SIGTERM");
  });
  const until = (fn, what, ms) => eventually(fn, `${who}: ${what}`, ms, browser);
  return { browser, until };
}

/** The connection badge: its state, unsent edits and the people it lists. */
const badge = (browser) =>
  browser.execute(() => {
    const b = document.querySelector(".connection");
    return b && { state: b.getAttribute("data-state"), unsent: Number(b.getAttribute("data-unsent")), text: b.textContent, people: Array.from(b.querySelectorAll(".person"), (p) => p.getAttribute("aria-label")) };
  });

const shot = async (browser, name) => {
  if (process.env.CAREPATH_SCREENSHOTS) await browser.saveScreenshot(path.join(process.env.CAREPATH_SCREENSHOTS, name));
};

const labels = (browser) => texts(browser, ".step-label-text");

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Answers the native Save dialog titled `title` with `file`, typed as a user types it. */
async function answerSaveDialog(title, file) {
  const find = () => spawnSync("xdotool", ["search", "--onlyvisible", "--name", title], { encoding: "utf8" }).stdout.trim().split("\n")[0];
  const id = await eventually(find, `the Save dialog '${title}'`);
  const xdo = (...args) => assert.equal(spawnSync("xdotool", args, { encoding: "utf8" }).status, 0, `xdotool ${args.join(" ")}`);
  // the name field has the focus in GTK's Save dialog and takes a whole path; a dialog not
  // yet ready for keys when they came is answered once more
  for (let attempt = 1; ; attempt++) {
    await sleep(500 * attempt);
    xdo("windowfocus", "--sync", id);
    xdo("key", "--clearmodifiers", "ctrl+a");
    xdo("type", "--delay", "20", file);
    if (process.env.CAREPATH_SCREENSHOTS) spawnSync("import", ["-window", "root", path.join(process.env.CAREPATH_SCREENSHOTS, "shared-save-dialog.png")]);
    xdo("key", "Return");
    const gone = await eventually(() => find() !== id, "the Save dialog to close", 5_000).catch(() => null);
    if (gone) return;
    assert.ok(attempt < 3, `the Save dialog '${title}' did not take the path ${file}`);
  }
}

/** Selects the step labelled `from` and renames it to `to` (F2, as a user does). */
async function rename(p, from, to) {
  await clickAt(p.browser, await p.until(() => stepCentre(p.browser, from), `the step '${from}'`));
  await p.browser.keys(["F2"]);
  await labelEditorOpen(p.browser);
  await (await p.browser.$(".step-label-input")).addValue(to);
  await p.browser.keys(["Enter"]);
}

/** The document as each window's core holds it, without what is each file's own. */
async function documentOf(browser) {
  const r = await invoke(browser, "current_document");
  assert.ok(!r.error, JSON.stringify(r.error));
  return r.ok;
}

test("two app windows co-edit one shared document through the collaboration server", { timeout: 600_000 }, async () => {
  const data = path.join(scratch, "server-data");
  const serverPort = await freePort();
  let server = await serve(serverPort, data, "e2e-secret");
  cleanups.push(() => stop(server));

  const kari = await participant("kari");
  const ola = await participant("ola");
  const file = path.join(scratch, "kols.carepath");
  for (const [p, name] of [[kari, "Kari Nordmann"], [ola, "Ola Hansen"]]) {
    assert.ok(!(await invoke(p.browser, "set_review_author", { name })).error);
  }
  const made = await invoke(kari.browser, "create_document", { new: { template: "copd", title: "", skeleton: false, lang: "nb" }, path: file });
  assert.ok(!made.error, JSON.stringify(made.error));
  await kari.browser.refresh();
  await ola.browser.refresh();
  await kari.until(async () => (await labels(kari.browser)).length > 20, "the COPD steps");

  // Kari: File → Share for co-editing …, the server as the team knows it, the publish key
  await menu(kari.browser, "share");
  const server$ = await kari.browser.$('[role="dialog"] input[name="server"]');
  await server$.waitForExist({ timeout: 10_000 });
  await server$.setValue(`127.0.0.1:${serverPort}`);
  await (await kari.browser.$('[role="dialog"] input[name="publish-key"]')).setValue("key");
  await (await kari.browser.$('[role="dialog"] button[type="submit"]')).click();
  const link = await kari.until(() => kari.browser.execute(() => document.querySelector('[role="dialog"] input[name="link"]')?.value), "the join link");
  assert.match(link, /^carepath:join\?server=ws%3A%2F%2F127\.0\.0\.1%3A\d+&document=[0-9a-f-]{36}&token=/);
  await shot(kari.browser, "shared-share-dialog.png");
  // the focus is on the link, ready to copy; Escape closes the dialog
  await kari.until(() => kari.browser.execute(() => document.activeElement?.getAttribute("name") === "link"), "the focus on the link");
  await kari.browser.keys(["Escape"]);
  await kari.until(async () => !(await kari.browser.$('[role="dialog"]').isExisting()), "the Share dialog closed");
  await kari.until(async () => (await badge(kari.browser))?.state === "connected", "Kari connected");

  // Ola has closed what was open (File → Close: the start screen) and then joins: the joined
  // document shows and stays connected
  await menu(ola.browser, "close");
  await ola.until(() => ola.browser.$(".start-screen").isExisting(), "Ola's start screen after File → Close");

  // Ola: File → Join shared document …, the link, and where to keep the file; a link with a
  // wrong token gets nothing from the server and says so
  const joined = path.join(scratch, "ola – kols.carepath");
  await menu(ola.browser, "join_shared");
  const link$ = await ola.browser.$('[role="dialog"] input[name="join-link"]');
  await link$.waitForExist({ timeout: 10_000 });
  await link$.setValue(link.replace(/token=[^&]+/, "token=feil"));
  await (await ola.browser.$('[role="dialog"] button[type="submit"]')).click();
  const refusal = await ola.until(() => ola.browser.execute(() => document.querySelector('[role="dialog"] [role="alert"]')?.textContent), "the refusal");
  assert.match(refusal, /^Tjeneren avviste: /);
  assert.equal((await invoke(ola.browser, "document_path")).ok === joined, false);
  await link$.setValue(link);
  await (await ola.browser.$('[role="dialog"] button[type="submit"]')).click();
  await answerSaveDialog("Lagre det delte dokumentet som", joined);
  await ola.until(async () => (await invoke(ola.browser, "document_path")).ok === joined, "the shared document opened from its own file in Ola's window");
  assert.ok(existsSync(joined), "the joined document has its own file");
  assert.deepEqual(await documentOf(ola.browser), await documentOf(kari.browser), "Ola joined the document Kari shared");
  await ola.until(async () => !(await ola.browser.$(".start-screen").isExisting()) && (await labels(ola.browser)).length > 20, "the joined document shown in Ola's window");
  for (const p of [kari, ola]) {
    await p.until(async () => (await badge(p.browser))?.people.length === 1 && (await badge(p.browser)).state === "connected", "the other one shown as here");
  }
  assert.deepEqual((await badge(kari.browser)).people, ["Ola Hansen"]);
  assert.deepEqual((await badge(ola.browser)).people, ["Kari Nordmann"]);

  // Kari renames a step; Ola sees it, and sees Kari's selection outlined in her colour
  const step = "Foreslår digital hjemmeoppfølging";
  const renamed = "Foreslår hjemmeoppfølging (avtalt)";
  await rename(kari, step, renamed);
  await kari.until(() => hasLabel(kari.browser, renamed), "the renamed step");
  await ola.until(() => hasLabel(ola.browser, renamed), "Kari's rename in Ola's window");
  const outline = await ola.until(
    () =>
      ola.browser.execute((label) => {
        const p = document.querySelector('.presence[data-person="Kari Nordmann"]');
        const node = Array.from(document.querySelectorAll(".step-label-text")).find((e) => e.textContent === label)?.closest(".react-flow__node");
        if (!p || !node) return null;
        const a = p.getBoundingClientRect();
        const b = node.getBoundingClientRect();
        return { around: a.left <= b.left && a.top <= b.top && a.right >= b.right && a.bottom >= b.bottom, name: p.textContent };
      }, renamed),
    "Kari's selection outlined in Ola's window",
  );
  assert.deepEqual(outline, { around: true, name: "Kari Nordmann" });

  // Ola adds a step after it (the context pad's A); Kari sees it
  const before = (await labels(ola.browser)).length;
  const added = "Ola sitt nye steg";
  await clickAt(ola.browser, await ola.until(() => stepCentre(ola.browser, renamed), "the renamed step"));
  await ola.browser.keys(["a"]);
  await labelEditorOpen(ola.browser);
  await (await ola.browser.$(".step-label-input")).addValue(added);
  await ola.browser.keys(["Enter"]);
  await ola.until(() => hasLabel(ola.browser, added), "Ola's new step");
  await kari.until(() => hasLabel(kari.browser, added), "Ola's step in Kari's window");

  // while shared, the undo button names one's own last edit only: Kari's window still offers
  // to undo her rename, though Ola's edits came after it
  const undoLabel = (browser) => browser.execute(() => {
    const u = document.querySelector(".toolbar button.history");
    return u && !u.disabled ? u.getAttribute("aria-label") : null;
  });
  await kari.until(async () => /endre steg|change step|update step/i.test((await undoLabel(kari.browser)) ?? ""), "Kari's undo naming her rename");
  assert.match(await undoLabel(ola.browser), /Angre/);

  // Undo in Ola's window takes back Ola's two edits (the name, then the step), and not Kari's
  // rename, in both windows
  await chord(ola.browser, "z");
  await ola.until(async () => !(await hasLabel(ola.browser, added)), "Ola's name undone");
  await chord(ola.browser, "z");
  for (const p of [ola, kari]) {
    await p.until(async () => (await labels(p.browser)).length === before && (await hasLabel(p.browser, renamed)), "Ola's step undone, Kari's rename kept");
  }
  // and nothing more of Ola's is left to undo: the button is off, Kari's rename stays
  await ola.until(async () => (await undoLabel(ola.browser)) === null, "Ola's undo off");
  await chord(ola.browser, "z");
  await sleep(1_000);
  assert.ok(await hasLabel(kari.browser, renamed), "Ola's undo never takes back Kari's edit");
  assert.ok(await hasLabel(ola.browser, renamed));

  // the server goes away: the badge says offline with the unsent edit; back, nothing is lost
  await stop(server);
  await kari.until(async () => ["offline", "connecting"].includes((await badge(kari.browser))?.state), "Kari's badge offline");
  const offline = "Skrevet uten forbindelse";
  await rename(kari, renamed, offline);
  await kari.until(async () => (await badge(kari.browser))?.unsent > 0, "the unsent edit counted");
  assert.match((await badge(kari.browser)).text, /ikke sendt/);
  server = await serve(serverPort, data, "e2e-secret");
  await kari.until(async () => {
    const b = await badge(kari.browser);
    return b?.state === "connected" && b.unsent === 0;
  }, "Kari connected again with nothing unsent", 60_000);
  await ola.until(() => hasLabel(ola.browser, offline), "the edit made offline in Ola's window", 60_000);

  // both windows end on the same document
  await ola.until(async () => JSON.stringify(await documentOf(ola.browser)) === JSON.stringify(await documentOf(kari.browser)), "the same document in both windows");
  if (process.env.CAREPATH_SCREENSHOTS) {
    await clickAt(kari.browser, await stepCentre(kari.browser, offline));
    await ola.until(() => ola.browser.execute(() => !!document.querySelector(".presence")), "the presence outline");
    await ola.browser.saveScreenshot(path.join(process.env.CAREPATH_SCREENSHOTS, "shared-ola.png"));
  }
});
