// The canvas and the core's SVG export must draw needs and transitions alike: this reads the
// export's style table from the Rust source and compares it with the canvas's.
import rust from "../../../src/diagram/style.rs?raw";
import { describe, expect, it } from "vitest";
import { FORM_STYLE, FORMS, SIGNAL_STYLE, TRANSITION_STYLE } from "./needStyle";

const snake = (s: string) => s.replace(/([a-z])([A-Z])/g, "$1_$2").toLowerCase();

describe("line styles", () => {
  it("match the export's interaction-form styles, in the core's order", () => {
    const found = [...rust.matchAll(/InteractionForm::(\w+) => \("(#[0-9a-f]{6})", "([\d ]+)"\)/g)].map((m) => ({
      form: snake(m[1]),
      colour: m[2],
      dash: m[3],
    }));
    expect(found.length).toBe(8);
    expect(found.map((f) => f.form)).toEqual(FORMS);
    for (const f of found) expect(FORM_STYLE[f.form as keyof typeof FORM_STYLE]).toEqual({ colour: f.colour, dash: f.dash });
  });

  it("match the export's transition styles", () => {
    const found = [...rust.matchAll(/TransitionKind::(\w+) => \((INK|"#[0-9a-f]{6}"), (None|Some\("([\d ]+)"\))\)/g)];
    expect(found.length).toBe(3);
    const ink = rust.match(/pub const INK: &str = "(#[0-9a-f]{6})"/)![1];
    for (const m of found) {
      const colour = m[2] === "INK" ? ink : m[2].slice(1, -1);
      expect(TRANSITION_STYLE[snake(m[1]) as keyof typeof TRANSITION_STYLE]).toEqual({ colour, dash: m[4] ?? null });
    }
  });

  it("match the export's signal colours", () => {
    const found = [...rust.matchAll(/Signal::(\w+) => Some\(\("(#[0-9a-f]{6})", "(#[0-9a-f]{6})"\)\)/g)];
    expect(found.length).toBe(3);
    for (const m of found) expect(SIGNAL_STYLE[snake(m[1]) as keyof typeof SIGNAL_STYLE]).toEqual({ line: m[2], fill: m[3] });
  });

  it("gives every interaction form its own dash pattern", () => {
    expect(new Set(Object.values(FORM_STYLE).map((s) => s.dash)).size).toBe(FORMS.length);
  });
});
