import { describe, expect, it } from "vitest";
import type { Layout, StepBox } from "../generated/carepath";
import { nearestInDirection, neighbourCell } from "./nav";

const box = (id: string, x: number, y: number): StepBox =>
  ({ id, x, y, w: 100, h: 50, column: 0, lane: 0, kind: "activity", pinned: false, label: {} }) as unknown as StepBox;

// a . b
// c . . d
const steps = [box("a", 0, 0), box("b", 400, 10), box("c", 0, 200), box("d", 600, 220)];

describe("nearestInDirection", () => {
  it("picks the step that lies in the direction, preferring the one in line", () => {
    expect(nearestInDirection(steps, "a", "right")).toBe("b");
    expect(nearestInDirection(steps, "a", "down")).toBe("c");
    expect(nearestInDirection(steps, "c", "right")).toBe("d");
    expect(nearestInDirection(steps, "d", "up")).toBe("b");
    expect(nearestInDirection(steps, "b", "left")).toBe("a");
  });
  it("gives null at the edge and the top-left step when nothing is selected", () => {
    expect(nearestInDirection(steps, "a", "left")).toBeNull();
    expect(nearestInDirection(steps, "a", "up")).toBeNull();
    expect(nearestInDirection(steps, null, "down")).toBe("a");
    expect(nearestInDirection([], null, "down")).toBeNull();
  });
});

const layout = {
  lanes: [
    { actor: "p", x: 0, y: 40, width: 900, height: 100 },
    { actor: "n", x: 0, y: 140, width: 900, height: 100 },
  ],
  columns: [
    { phase: "f1", x: 120, y: 0, width: 300, height: 240 },
    { phase: "f2", x: 420, y: 0, width: 300, height: 240 },
  ],
} as unknown as Layout;

describe("neighbourCell", () => {
  it("moves between lanes with up/down and between phases with left/right", () => {
    expect(neighbourCell(layout, { actor: "p", phase: "f1" }, "down")).toEqual({ actor: "n", phase: "f1" });
    expect(neighbourCell(layout, { actor: "n", phase: "f1" }, "up")).toEqual({ actor: "p", phase: "f1" });
    expect(neighbourCell(layout, { actor: "n", phase: "f1" }, "right")).toEqual({ actor: "n", phase: "f2" });
  });
  it("stops at the edges", () => {
    expect(neighbourCell(layout, { actor: "p", phase: "f1" }, "up")).toBeNull();
    expect(neighbourCell(layout, { actor: "p", phase: "f2" }, "right")).toBeNull();
  });
});
