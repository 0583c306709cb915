import { describe, expect, it } from "vitest";
import { applyLayout, dispatch, patchById, type Shown } from "./shown";
import type { Document, Layout, LayoutDelta, Step, StepBox, Update } from "../generated/carepath";

const step = (id: string, label = id): Step => ({ id, kind: "activity", label, actor: "a", phase: "p" });
const box = (id: string, x = 0): StepBox => ({ id, x, y: 0, width: 100, height: 50 }) as unknown as StepBox;

function doc(): Document {
  return {
    id: "d",
    metadata: { title: "T" } as Document["metadata"],
    actors: [],
    phases: [],
    info_types: [],
    variants: [
      { id: "v1", name: "Nå", kind: "current", steps: [step("s1"), step("s3")], transitions: [], needs: [] },
      { id: "v2", name: "Ønsket", kind: "desired", steps: [], transitions: [], needs: [] },
    ],
    comments: [],
    reviews: [],
  };
}

function layout(steps: StepBox[]): Layout {
  return { variant: "v1", orientation: "horizontal", width: 500, height: 300, lane_header_width: 170, column_header_height: 44, lanes: [], columns: [], steps, edges: [], needs: [] };
}

const frame = (steps: StepBox[], removed: string[] = [], whole = false): LayoutDelta => ({
  whole,
  variant: "v1",
  orientation: "horizontal",
  width: 600,
  height: 300,
  lane_header_width: 170,
  column_header_height: 44,
  lanes: [],
  columns: [],
  steps,
  removed_steps: removed,
  edges: [],
  removed_edges: [],
  needs: [],
  removed_needs: [],
});

function shown(): Shown {
  return { seq: 4, doc: doc(), findings: [], layout: layout([box("s1"), box("s3")]), variantId: "v1", flow: null };
}

const update = (u: Partial<Update>): Update => ({ seq: 5, changed: [], values: [], variant: "v1", ...u });

describe("dispatch", () => {
  it("replaces a touched step and keeps every untouched element the same object", () => {
    const s = shown();
    const next = dispatch(s, update({ values: [{ kind: "step", variant: "v1", id: "s3", step: step("s3", "Nytt navn") }], layout: frame([box("s3", 40)]) }))!;
    expect(next.seq).toBe(5);
    const v1 = next.doc.variants[0];
    expect(v1.steps.map((x) => x.label)).toEqual(["s1", "Nytt navn"]);
    expect(v1.steps[0]).toBe(s.doc.variants[0].steps[0]);
    expect(next.doc.variants[1]).toBe(s.doc.variants[1]);
    expect(next.doc.actors).toBe(s.doc.actors);
    expect(next.layout!.steps[0]).toBe(s.layout!.steps[0]);
    expect(next.layout!.steps[1]).toEqual(box("s3", 40));
    expect(next.layout!.width).toBe(600);
    // no findings in the update: the ones before stay
    expect(next.findings).toBe(s.findings);
  });

  it("inserts in id order and takes removed elements out, also from the layout", () => {
    const s = shown();
    const added = dispatch(s, update({ values: [{ kind: "step", variant: "v1", id: "s2", step: step("s2") }], layout: frame([box("s2")]) }))!;
    expect(added.doc.variants[0].steps.map((x) => x.id)).toEqual(["s1", "s2", "s3"]);
    expect(added.layout!.steps.map((b) => b.id)).toEqual(["s1", "s2", "s3"]);
    const removed = dispatch(added, { ...update({ values: [{ kind: "step", variant: "v1", id: "s1", step: null }], layout: frame([], ["s1"]) }), seq: 6 })!;
    expect(removed.doc.variants[0].steps.map((x) => x.id)).toEqual(["s2", "s3"]);
    expect(removed.layout!.steps.map((b) => b.id)).toEqual(["s2", "s3"]);
  });

  it("adds a whole variant at its place, removes one, and takes a whole layout as it is", () => {
    const s = shown();
    const copy = { id: "v3", name: "Kopi", kind: "desired" as const, steps: [step("x")], transitions: [], needs: [] };
    const next = dispatch(s, update({ values: [{ kind: "variant", variant: "v3", index: 1, data: copy }] }))!;
    expect(next.doc.variants.map((v) => v.id)).toEqual(["v1", "v3", "v2"]);
    const gone = dispatch(next, { ...update({ values: [{ kind: "variant", variant: "v1", index: 0, data: null }], layout: frame([box("x")], [], true) }), seq: 6, variant: "v3" })!;
    expect(gone.doc.variants.map((v) => v.id)).toEqual(["v3", "v2"]);
    expect(gone.variantId).toBe("v3");
    expect(gone.layout!.steps.map((b) => b.id)).toEqual(["x"]);
  });

  it("takes new findings and header values", () => {
    const s = shown();
    const f = [{ rule: "r", severity: "warning", message: "m", elements: [], acceptable: true }] as unknown as Update["findings"];
    const next = dispatch(s, update({ findings: f, values: [{ kind: "variant_header", variant: "v2", header: { id: "v2", name: "Ønsket forløp", kind: "desired", description: "ny" } }] }))!;
    expect(next.findings).toBe(f);
    expect(next.doc.variants[1].name).toBe("Ønsket forløp");
    expect(next.doc.variants[1].description).toBe("ny");
  });

  it("refuses an update that does not follow the last message", () => {
    expect(dispatch(shown(), { ...update({}), seq: 7 })).toBeNull();
    expect(dispatch(shown(), { ...update({}), seq: 4 })).toBeNull();
  });
});

describe("patchById and applyLayout", () => {
  it("leaves a list alone when a missing element is removed", () => {
    const list = [step("a")];
    expect(patchById(list, "b", null)).toBe(list);
  });
  it("a delta of another variant replaces the whole layout", () => {
    const before = layout([box("s1")]);
    const other = { ...frame([box("y")]), variant: "v2" };
    expect(applyLayout(before, other).steps.map((b) => b.id)).toEqual(["y"]);
  });
});
