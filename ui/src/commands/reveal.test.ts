import { describe, expect, it } from "vitest";
import type { Changed, Document } from "../generated/carepath";
import { revealOf } from "./reveal";

const doc = {
  variants: [
    { id: "v1", steps: [{ id: "s1" }, { id: "s2" }], transitions: [{ id: "t1" }], needs: [{ id: "n1" }] },
    { id: "v2", steps: [{ id: "s9" }], transitions: [], needs: [] },
  ],
} as unknown as Document;

describe("what undo and redo reveal", () => {
  it("is the step that came back, before its transition and need", () => {
    const changed: Changed[] = [
      { kind: "transition", variant: "v1", id: "t1" },
      { kind: "need", variant: "v1", id: "n1" },
      { kind: "step", variant: "v1", id: "s2" },
    ];
    expect(revealOf(changed, doc, "v1")).toEqual({ variant: "v1", selection: { kind: "step", id: "s2" } });
  });
  it("prefers the variant on screen, and else switches to the one changed", () => {
    const changed: Changed[] = [
      { kind: "step", variant: "v2", id: "s9" },
      { kind: "transition", variant: "v1", id: "t1" },
    ];
    expect(revealOf(changed, doc, "v1")).toEqual({ variant: "v1", selection: { kind: "transition", id: "t1" } });
    expect(revealOf([{ kind: "step", variant: "v2", id: "s9" }], doc, "v1")).toEqual({ variant: "v2", selection: { kind: "step", id: "s9" } });
  });
  it("shows a variant that came back whole, and nothing for what is gone", () => {
    expect(revealOf([{ kind: "variant", variant: "v2" }], doc, "v1")).toEqual({ variant: "v2", selection: null });
    expect(revealOf([{ kind: "step", variant: "v1", id: "gone" }], doc, "v1")).toBeNull();
    expect(revealOf([{ kind: "metadata" }, { kind: "actors" }], doc, "v1")).toBeNull();
  });
});
