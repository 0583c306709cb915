import { describe, expect, it } from "vitest";
import type { DiffEntry } from "../generated/carepath";
import { fileName, groupEntries, pictureId, selectable } from "./logic";

const entry = (kind: DiffEntry["kind"], change: DiffEntry["change"], id: string): DiffEntry =>
  ({
    kind,
    change,
    element: kind === "step" || kind === "transition" || kind === "need" ? { kind, id, variant: "v2" } : { kind, id },
    label: id,
    renamed: false,
    fields: [],
  }) as DiffEntry;

describe("compare logic", () => {
  it("groups by kind in a fixed order and leaves empty groups out", () => {
    const groups = groupEntries({ entries: [entry("actor", "added", "a"), entry("step", "removed", "s"), entry("step", "changed", "t")] });
    expect(groups.map((g) => g.kind)).toEqual(["step", "actor"]);
    expect(groups[0].entries.map((e) => e.label)).toEqual(["s", "t"]);
  });

  it("selects on the canvas only what the target variant still has", () => {
    expect(selectable(entry("step", "changed", "s"))).toBe(true);
    expect(selectable(entry("step", "removed", "s"))).toBe(false);
    expect(selectable(entry("actor", "added", "a"))).toBe(false);
    expect(pictureId(entry("need", "added", "n"))).toBe("n");
  });
});

describe("fileName", () => {
  it("keeps the last part of a path", () => {
    expect(fileName("/home/kari/forløp/kols v2.carepath")).toBe("kols v2.carepath");
    expect(fileName("C:\\Users\\kari\\kols.carepath")).toBe("kols.carepath");
    expect(fileName("kols.carepath")).toBe("kols.carepath");
  });
});
