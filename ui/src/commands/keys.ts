// The keys the page owns, and the list the shortcuts dialog shows. The native menu owns the
// accelerators of New, Open, Save as, Import, Export, Close, Find, zoom and F1 (a GTK
// accelerator takes the key before the page sees it); the page owns the text-editing keys
// (undo, redo, cut, copy, paste, select all, Delete), which must keep working inside text
// fields, and the canvas keys. No key is owned twice, so no command runs twice.
import type { CommandId } from "./ids";

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

const arrows: Record<string, "left" | "right" | "up" | "down"> = {
  ArrowLeft: "left",
  ArrowRight: "right",
  ArrowUp: "up",
  ArrowDown: "down",
};

/**
 * The command a key press runs on the page, or null. `inText`: the key went to a text field,
 * where only Escape, Enter and the find keys count (the field handles the rest itself).
 * `menu`: the native menu is there (inside the app); without it (a plain browser) the page
 * takes the menu's accelerators too.
 */
export function keyToCommand(e: KeyLike, inText: boolean, menu = true): CommandId | null {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (e.key === "F3") return e.shiftKey ? "find_prev" : "find_next";
  if (e.key === "Escape") return "escape";
  if (!menu && mod) {
    const viaMenu: Record<string, CommandId> = { f: "find", o: "open", n: "new", e: "export", w: "close", "=": "zoom_in", "-": "zoom_out", "0": "fit" };
    if (viaMenu[key]) return viaMenu[key];
  }
  if (!menu && e.key === "F1") return "shortcuts";
  if (inText) return null;
  if (mod && !e.altKey) {
    if (key === "z") return e.shiftKey ? "redo" : "undo";
    if (key === "y") return "redo";
    if (key === "x") return "cut";
    if (key === "c") return "copy";
    if (key === "v") return "paste";
    if (key === "a") return "select_all";
    if (key === "+") return "zoom_in";
    return null;
  }
  if (mod) return null;
  if (arrows[e.key]) return `${e.altKey ? "move" : "select"}_${arrows[e.key]}` as CommandId;
  if (e.altKey) return null;
  if (e.key === "Delete" || e.key === "Backspace") return "delete";
  if (e.key === "F2") return "rename";
  if (e.key === "Enter") return "confirm";
  if (e.key === "Insert" || key === "n") return "add_step";
  // the context pad's keys: A activity, B decision (beslutning), H event (hendelse), S end (slutt)
  const append: Record<string, CommandId> = { a: "append_activity", b: "append_decision", h: "append_event", s: "append_end" };
  if (append[key]) return append[key];
  if (key === "c") return "connect";
  // I: an information need at the selected step
  if (key === "i") return "add_need";
  if (e.key === "?") return "shortcuts";
  return null;
}

/** One row of the shortcuts dialog: the keys (as shown) and the i18n key of what they do. */
export interface Shortcut {
  keys: string[];
  action: string;
}

/** Every shortcut, grouped, for the shortcuts dialog (labels under `shortcuts.` in the locales). */
export const SHORTCUTS: { group: string; items: Shortcut[] }[] = [
  {
    group: "file",
    items: [
      { keys: ["Ctrl+N"], action: "new" },
      { keys: ["Ctrl+O"], action: "open" },
      { keys: ["Ctrl+Shift+S"], action: "saveAs" },
      { keys: ["Ctrl+I"], action: "import" },
      { keys: ["Ctrl+E"], action: "export" },
      { keys: ["Ctrl+W"], action: "close" },
    ],
  },
  {
    group: "edit",
    items: [
      { keys: ["Ctrl+Z"], action: "undo" },
      { keys: ["Ctrl+Shift+Z", "Ctrl+Y"], action: "redo" },
      { keys: ["Ctrl+X"], action: "cut" },
      { keys: ["Ctrl+C"], action: "copy" },
      { keys: ["Ctrl+V"], action: "paste" },
      { keys: ["Delete"], action: "delete" },
      { keys: ["Ctrl+A"], action: "selectAll" },
      { keys: ["Ctrl+F"], action: "find" },
      { keys: ["Enter", "F3"], action: "findNext" },
      { keys: ["Shift+Enter", "Shift+F3"], action: "findPrev" },
    ],
  },
  {
    group: "canvas",
    items: [
      { keys: ["Tab", "Shift+Tab"], action: "focusSteps" },
      { keys: ["←", "→", "↑", "↓"], action: "selectNearest" },
      { keys: ["Shift+click"], action: "toggleSelect" },
      { keys: ["Shift+drag"], action: "rubberBand" },
      { keys: ["Enter", "F2"], action: "rename" },
      { keys: ["Enter"], action: "openFlow" },
      { keys: ["Escape"], action: "flowUp" },
      { keys: ["N", "Insert"], action: "addStep" },
      { keys: ["A"], action: "appendActivity" },
      { keys: ["B"], action: "appendDecision" },
      { keys: ["H"], action: "appendEvent" },
      { keys: ["S"], action: "appendEnd" },
      { keys: ["C"], action: "connect" },
      { keys: ["I"], action: "addNeed" },
      { keys: ["Alt+←", "Alt+→"], action: "movePhase" },
      { keys: ["Alt+↑", "Alt+↓"], action: "moveLane" },
      { keys: ["Escape"], action: "escape" },
    ],
  },
  {
    group: "view",
    items: [
      { keys: ["Ctrl+="], action: "zoomIn" },
      { keys: ["Ctrl+-"], action: "zoomOut" },
      { keys: ["Ctrl+0"], action: "fit" },
      { keys: ["?", "F1"], action: "shortcuts" },
    ],
  },
];
