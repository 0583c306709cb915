import { describe, expect, it } from "vitest";
import type { Edit, Variant } from "../generated/carepath";
import { deletedSteps, deleteEdit, orphanedNeeds, pastedSteps } from "./selection";

const variant = {
  id: "v",
  steps: [{ id: "a" }, { id: "b" }, { id: "c" }],
  transitions: [
    { id: "ab", from: "a", to: "b" },
    { id: "bc", from: "b", to: "c" },
  ],
  needs: [],
} as unknown as Variant;

describe("deleteEdit", () => {
  it("deletes one element with one plain edit", () => {
    expect(deleteEdit(variant, { kind: "step", id: "a" }, new Set())).toEqual({ op: "remove_step", variant: "v", id: "a" });
    expect(deleteEdit(variant, { kind: "transition", id: "ab" }, new Set(["ab"]))).toEqual({
      op: "remove_transition",
      variant: "v",
      id: "ab",
    });
  });
  it("deletes several as one batch, leaving out transitions their steps take along", () => {
    const e = deleteEdit(variant, { kind: "step", id: "a" }, new Set(["a", "c", "ab", "bc", "zz"]));
    expect(e).toEqual({
      op: "batch",
      label: "delete",
      edits: [
        { op: "remove_step", variant: "v", id: "a" },
        { op: "remove_step", variant: "v", id: "c" },
      ],
    });
    const t = deleteEdit(variant, null, new Set(["ab", "c"]));
    expect(t).toEqual({
      op: "batch",
      label: "delete",
      edits: [
        { op: "remove_transition", variant: "v", id: "ab" },
        { op: "remove_step", variant: "v", id: "c" },
      ],
    });
  });
  it("deletes a selected data-sharing need, before any step it is at", () => {
    const withNeed = { ...variant, needs: [{ id: "n1", steps: ["a"] }] } as unknown as Variant;
    expect(deleteEdit(withNeed, { kind: "need", id: "n1" }, new Set())).toEqual({ op: "remove_need", variant: "v", id: "n1" });
    expect(deleteEdit(withNeed, { kind: "need", id: "n1" }, new Set(["a"]))).toEqual({
      op: "batch",
      label: "delete",
      edits: [
        { op: "remove_need", variant: "v", id: "n1" },
        { op: "remove_step", variant: "v", id: "a" },
      ],
    });
  });
  it("gives null when nothing is selected", () => {
    expect(deleteEdit(variant, null, new Set())).toBeNull();
    expect(deleteEdit(variant, null, new Set(["gone"]))).toBeNull();
  });
});

describe("pastedSteps", () => {
  it("lists the added steps of a paste batch", () => {
    const edit = {
      op: "batch",
      label: "paste",
      edits: [
        { op: "add_actor", actor: {} },
        { op: "add_step", variant: "v", step: { id: "n1" } },
        { op: "add_step", variant: "v", step: { id: "n2" } },
        { op: "add_transition", variant: "v", transition: {} },
      ],
    } as unknown as Edit;
    expect(pastedSteps(edit)).toEqual(["n1", "n2"]);
  });
});

describe("needs left without a step", () => {
  const withNeeds = {
    ...variant,
    needs: [
      { id: "n1", steps: ["a"] },
      { id: "n2", steps: ["a", "b"] },
      { id: "n3", steps: [] },
    ],
  } as unknown as Variant;
  it("are those whose every step goes", () => {
    expect(orphanedNeeds(withNeeds, ["a"])).toEqual(["n1"]);
    expect(orphanedNeeds(withNeeds, ["a", "b"])).toEqual(["n1", "n2"]);
    expect(deletedSteps(withNeeds, { kind: "step", id: "a" }, new Set(["c", "ab"]))).toEqual(["a", "c"]);
  });
  it("go in the same one edit when asked", () => {
    const e = deleteEdit(withNeeds, { kind: "step", id: "a" }, new Set(), ["n1"]);
    expect(e).toEqual({
      op: "batch",
      label: "delete",
      edits: [
        { op: "remove_need", variant: "v", id: "n1" },
        { op: "remove_step", variant: "v", id: "a" },
      ],
    });
  });
});

describe("deleting several needs", () => {
  const withNeeds = { ...variant, needs: [{ id: "n1", steps: ["a"] }, { id: "n2", steps: ["b"] }, { id: "n3", steps: ["c"] }] } as unknown as Variant;
  it("removes every selected need as one batch, and nothing else", () => {
    expect(deleteEdit(withNeeds, { kind: "need", id: "n1" }, new Set(["n1", "n3"]))).toEqual({
      op: "batch",
      label: "delete",
      edits: [
        { op: "remove_need", variant: "v", id: "n1" },
        { op: "remove_need", variant: "v", id: "n3" },
      ],
    });
  });
});
