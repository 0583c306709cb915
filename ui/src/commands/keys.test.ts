import { describe, expect, it } from "vitest";
import { keyToCommand, SHORTCUTS, type KeyLike } from "./keys";
import { frameEn as en } from "../locales/frame.en";
import { frameNb as nb } from "../locales/frame.nb";

const k = (key: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe("keyToCommand", () => {
  it("maps the context pad's keys, but not in a text field or with a modifier", () => {
    expect(keyToCommand(k("a"), false)).toBe("append_activity");
    expect(keyToCommand(k("B"), false)).toBe("append_decision");
    expect(keyToCommand(k("h"), false)).toBe("append_event");
    expect(keyToCommand(k("s"), false)).toBe("append_end");
    expect(keyToCommand(k("i"), false)).toBe("add_need");
    expect(keyToCommand(k("i"), true)).toBeNull();
    expect(keyToCommand(k("a"), true)).toBeNull();
    expect(keyToCommand(k("s", { altKey: true }), false)).toBeNull();
    expect(keyToCommand(k("a", { ctrlKey: true }), false)).toBe("select_all");
  });
  it("maps the text-editing keys the page owns", () => {
    expect(keyToCommand(k("z", { ctrlKey: true }), false)).toBe("undo");
    expect(keyToCommand(k("Z", { ctrlKey: true, shiftKey: true }), false)).toBe("redo");
    expect(keyToCommand(k("y", { metaKey: true }), false)).toBe("redo");
    expect(keyToCommand(k("c", { ctrlKey: true }), false)).toBe("copy");
    expect(keyToCommand(k("x", { ctrlKey: true }), false)).toBe("cut");
    expect(keyToCommand(k("v", { ctrlKey: true }), false)).toBe("paste");
    expect(keyToCommand(k("a", { ctrlKey: true }), false)).toBe("select_all");
    expect(keyToCommand(k("Delete"), false)).toBe("delete");
  });
  it("leaves the menu's accelerators to the menu, unless there is no menu", () => {
    for (const key of ["f", "o", "n", "e", "w", "=", "-", "0"]) {
      expect(keyToCommand(k(key, { ctrlKey: true }), false)).toBeNull();
    }
    expect(keyToCommand(k("f", { ctrlKey: true }), false, false)).toBe("find");
    expect(keyToCommand(k("F1"), false, false)).toBe("shortcuts");
    expect(keyToCommand(k("F1"), false)).toBeNull();
  });
  it("lets text fields keep their own keys", () => {
    expect(keyToCommand(k("z", { ctrlKey: true }), true)).toBeNull();
    expect(keyToCommand(k("Delete"), true)).toBeNull();
    expect(keyToCommand(k("n"), true)).toBeNull();
    expect(keyToCommand(k("Escape"), true)).toBe("escape");
    expect(keyToCommand(k("F3", { shiftKey: true }), true)).toBe("find_prev");
  });
  it("maps the canvas keys", () => {
    expect(keyToCommand(k("ArrowLeft"), false)).toBe("select_left");
    expect(keyToCommand(k("ArrowDown", { altKey: true }), false)).toBe("move_down");
    expect(keyToCommand(k("F2"), false)).toBe("rename");
    expect(keyToCommand(k("Enter"), false)).toBe("confirm");
    expect(keyToCommand(k("N", { shiftKey: true }), false)).toBe("add_step");
    expect(keyToCommand(k("Insert"), false)).toBe("add_step");
    expect(keyToCommand(k("c"), false)).toBe("connect");
    expect(keyToCommand(k("?", { shiftKey: true }), false)).toBe("shortcuts");
    expect(keyToCommand(k("q"), false)).toBeNull();
  });
});

describe("SHORTCUTS", () => {
  it("has a label for every group and action in both languages", () => {
    for (const res of [nb, en]) {
      for (const g of SHORTCUTS) {
        expect(res.shortcuts.groups[g.group as keyof typeof res.shortcuts.groups], g.group).toBeTruthy();
        for (const s of g.items) expect(res.shortcuts.actions[s.action as keyof typeof res.shortcuts.actions], s.action).toBeTruthy();
      }
    }
  });
});
