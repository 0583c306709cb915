import { describe, expect, it } from "vitest";
import { cellAt, clampInto, routePath, samePlace } from "./geometry";
import type { Layout, TextBlock } from "../generated/carepath";

const header: TextBlock = { x: 0, y: 0, w: 0, h: 0, size: 13, bold: true, lines: [] };
const layout: Layout = {
  variant: "v",
  orientation: "horizontal",
  width: 700,
  height: 344,
  lane_header_width: 170,
  column_header_height: 44,
  lanes: [
    { actor: "a1", x: 0, width: 700, y: 44, height: 150, header },
    { actor: "a2", x: 0, width: 700, y: 194, height: 150, header },
  ],
  columns: [
    { phase: "p1", x: 170, width: 240, y: 0, height: 344, header },
    { phase: "p2", x: 410, width: 290, y: 0, height: 344, header },
  ],
  steps: [],
  edges: [],
  needs: [],
};

describe("cellAt", () => {
  it("finds the lane and column under a point", () => {
    expect(cellAt(layout, 420, 200)).toMatchObject({ actor: "a2", phase: "p2" });
    expect(cellAt(layout, 171, 45)).toMatchObject({ actor: "a1", phase: "p1" });
  });
  it("is null over the headers", () => {
    expect(cellAt(layout, 100, 100)).toBeNull();
    expect(cellAt(layout, 300, 10)).toBeNull();
  });
  it("clamps a box into the cell", () => {
    const cell = cellAt(layout, 420, 200)!;
    expect(clampInto(cell, 690, 330, 100, 50)).toEqual({ x: 594, y: 288 });
  });
});

describe("routes", () => {
  it("draws a route as one polyline", () => {
    expect(routePath([{ x: 0, y: 5 }, { x: 10, y: 5 }, { x: 10, y: 20.5 }])).toBe("M 0 5 L 10 5 L 10 20.5");
  });
  it("knows when a node has left its layout box", () => {
    expect(samePlace({ x: 10, y: 20 }, { x: 10.2, y: 20 })).toBe(true);
    expect(samePlace({ x: 40, y: 20 }, { x: 10, y: 20 })).toBe(false);
    expect(samePlace(undefined, { x: 10, y: 20 })).toBe(false);
  });
});
