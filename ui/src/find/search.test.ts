import { describe, expect, it } from "vitest";
import type { Document, Layout, Variant } from "../generated/carepath";
import { findMatches, highlighted, stepIndex } from "./search";

const step = (id: string, label: string, actor: string, phase: string, description = "") =>
  ({ id, kind: "activity", label, description, actor, phase }) as Variant["steps"][number];

const variant = {
  id: "v",
  name: "Nå",
  kind: "current",
  steps: [
    step("s2", "Sykepleier vurderer målinger", "nurse", "f2"),
    step("s1", "Pasienten måler SpO2", "patient", "f1", "Daglig måling"),
    step("s3", "Fastlegen oppdateres", "gp", "f2"),
  ],
  transitions: [],
  needs: [{ id: "n1", title: "Måleverdier til fastlegen", steps: ["s3"], info_types: [] }],
} as unknown as Variant;

const doc = {
  actors: [
    { id: "patient", name: "Pasient" },
    { id: "nurse", name: "Oppfølgingsansvarlig" },
    { id: "gp", name: "Fastlege" },
  ],
  phases: [
    { id: "f1", name: "Oppstart" },
    { id: "f2", name: "Oppfølging" },
  ],
  variants: [variant],
} as unknown as Document;

const layout = {
  steps: [
    { id: "s1", column: 0, lane: 0, x: 100, y: 50 },
    { id: "s2", column: 1, lane: 1, x: 400, y: 150 },
    { id: "s3", column: 1, lane: 2, x: 400, y: 250 },
  ],
} as unknown as Layout;

describe("findMatches", () => {
  it("finds step labels and descriptions in reading order, ignoring case", () => {
    const m = findMatches(doc, variant, layout, "MÅL");
    expect(m.filter((x) => x.kind === "step").map((x) => x.id)).toEqual(["s1", "s2"]);
    expect(m.find((x) => x.kind === "need")).toEqual({ kind: "need", id: "n1", step: "s3" });
    expect(findMatches(doc, variant, layout, "daglig").map((x) => x.id)).toEqual(["s1"]);
  });
  it("finds actors and phases and shows them at their first step", () => {
    expect(findMatches(doc, variant, layout, "fastlege")).toEqual([
      { kind: "step", id: "s3", step: "s3" },
      { kind: "actor", id: "gp", step: "s3" },
      { kind: "need", id: "n1", step: "s3" },
    ]);
    expect(findMatches(doc, variant, layout, "oppfølging")).toEqual([
      { kind: "actor", id: "nurse", step: "s2" },
      { kind: "phase", id: "f2", step: "s2" },
    ]);
  });
  it("finds nothing for an empty or unmatched query", () => {
    expect(findMatches(doc, variant, layout, "   ")).toEqual([]);
    expect(findMatches(doc, variant, layout, "røntgen")).toEqual([]);
  });
  it("highlights each step once", () => {
    expect([...highlighted(findMatches(doc, variant, layout, "fastlege"))]).toEqual(["s3"]);
  });
});

describe("stepIndex", () => {
  it("wraps forward and back and starts at the ends", () => {
    expect(stepIndex(-1, 3, false)).toBe(0);
    expect(stepIndex(-1, 3, true)).toBe(2);
    expect(stepIndex(2, 3, false)).toBe(0);
    expect(stepIndex(0, 3, true)).toBe(2);
    expect(stepIndex(0, 0, false)).toBe(-1);
  });
});
