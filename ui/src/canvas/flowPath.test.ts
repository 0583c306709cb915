import { describe, expect, it } from "vitest";
import type { Edit, Step, Variant } from "../generated/carepath";
import { intoFlow, stepsWithin, trailTo } from "./flowPath";

const step = (id: string, within: string | null = null, kind: Step["kind"] = "sub_pathway"): Step => ({ id, kind, label: id, description: "", within });
const variant: Variant = {
  id: "v",
  name: "Nå",
  kind: "current",
  description: "",
  steps: [step("a"), step("b", "a"), step("c", "b", "activity"), step("d", "a", "activity")],
  transitions: [],
  needs: [],
};

describe("sub-pathway flows", () => {
  it("the trail runs from the outermost sub-pathway to the one shown", () => {
    expect(trailTo(variant, "b").map((s) => s.id)).toEqual(["a", "b"]);
    expect(trailTo(variant, null)).toEqual([]);
    expect(trailTo(variant, "gone")).toEqual([]);
    expect(stepsWithin(variant, "a")).toBe(2);
  });
  it("steps added while a flow is shown go into it, in a batch too, and placed ones stay", () => {
    const add: Edit = { op: "add_step", variant: "v", step: step("n", null, "activity") };
    const placed: Edit = { op: "add_step", variant: "v", step: step("m", "b", "activity") };
    const batch: Edit = { op: "batch", label: "x", edits: [add, placed, { op: "remove_step", variant: "v", id: "c" }] };
    expect(intoFlow(add, "a")).toMatchObject({ step: { within: "a" } });
    expect(intoFlow(add, null)).toBe(add);
    const out = intoFlow(batch, "a");
    expect(out.op === "batch" && out.edits.map((e) => (e.op === "add_step" ? e.step.within : null))).toEqual(["a", "b", null]);
  });
});
