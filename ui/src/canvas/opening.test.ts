import { describe, expect, it } from "vitest";
import { openingView, READABLE_ZOOM, revealDelta } from "./opening";
import type { Layout, TextBlock } from "../generated/carepath";

const header: TextBlock = { x: 0, y: 0, w: 0, h: 0, size: 13, bold: true, lines: [] };

function pathway(width: number, height: number, firstPhaseEnd: number, orientation: "horizontal" | "vertical" = "horizontal"): Layout {
  const column =
    orientation === "horizontal"
      ? { phase: "p1", x: 170, width: firstPhaseEnd - 170, y: 0, height, header }
      : { phase: "p1", x: 0, width, y: 44, height: firstPhaseEnd - 44, header };
  return {
    variant: "v",
    orientation,
    width,
    height,
    lane_header_width: 170,
    column_header_height: 44,
    lanes: [],
    columns: [column],
    steps: [],
    edges: [],
    needs: [],
  };
}

describe("openingView", () => {
  it("fits and centres a pathway that is readable whole", () => {
    const v = openingView(pathway(1600, 800, 600), 1232, 640);
    expect(v.zoom).toBeCloseTo(1200 / 1600);
    expect(v.x).toBeCloseTo((1232 - 1600 * v.zoom) / 2);
    expect(v.y).toBeCloseTo((640 - 800 * v.zoom) / 2);
    // a small pathway is not blown up past 100 %
    expect(openingView(pathway(400, 300, 300), 1232, 640).zoom).toBe(1);
  });

  it("shows the first phase of a long strip at a readable size from its start", () => {
    // the COPD pathway: 4,347 × 1,023 in a 1,100 × 700 pane
    const v = openingView(pathway(4347, 1023, 1200), 1100, 700);
    expect(v.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    expect(v.zoom).toBeCloseTo(Math.min(1068 / 1200, 668 / 1023));
    expect(v.x).toBe(0);
    expect(1023 * v.zoom).toBeLessThanOrEqual(700);
  });

  it("passes over the phases before the first step (a sub-pathway's flow), the lane names kept", () => {
    const l = pathway(4347, 1023, 1200);
    l.columns.push({ ...l.columns[0], phase: "p2", x: 1200, width: 900 });
    l.steps = [{ column: 1 } as Layout["steps"][number]];
    // the main flow keeps its first phase and the lane-name band in view
    expect(openingView(l, 1100, 700).x).toBe(0);
    const v = openingView(l, 1100, 700, true);
    expect(v.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    // the second phase starts just after the lane names: 1,030 units passed over
    expect(v.x).toBeCloseTo(-1030 * v.zoom);
    expect(1200 * v.zoom + v.x).toBeCloseTo(170 * v.zoom);
  });

  it("never goes below the readable zoom, even for a tall pathway in a small pane", () => {
    const v = openingView(pathway(20000, 3000, 2500), 800, 500);
    expect(v.zoom).toBe(READABLE_ZOOM);
    expect(v).toMatchObject({ x: 0, y: 0 });
  });

  it("follows the flow downwards with vertical lanes", () => {
    const v = openingView(pathway(1000, 4000, 900, "vertical"), 1200, 700);
    expect(v.zoom).toBeCloseTo(Math.min(668 / 900, 1168 / 1000));
    expect(v.y).toBe(0);
    expect(v.x).toBeCloseTo((1200 - 1000 * v.zoom) / 2);
  });
});

describe("revealDelta", () => {
  const view = { x: -100, y: 0, zoom: 1 };
  it("leaves a view alone when the box is in it", () => {
    expect(revealDelta(view, { x: 400, y: 200, w: 120, h: 60 }, 1000, 600, 170, 44)).toEqual({ dx: 0, dy: 0 });
  });
  it("pans just enough to bring a box beyond the right edge into view", () => {
    const d = revealDelta(view, { x: 1100, y: 200, w: 120, h: 60 }, 1000, 600, 170, 44);
    expect(d.dy).toBe(0);
    // the box's right edge ends a margin inside the pane
    expect(view.x + d.dx + 1100 + 120).toBe(1000 - 24);
  });
  it("keeps a box clear of the sticky lane names and phase names", () => {
    const d = revealDelta(view, { x: 200, y: 10, w: 120, h: 60 }, 1000, 600, 170, 44);
    expect(view.x + d.dx + 200).toBe(170 + 24);
    expect(0 + d.dy + 10).toBe(44 + 24);
  });
  it("scales with the zoom", () => {
    const d = revealDelta({ x: 0, y: 0, zoom: 0.5 }, { x: 2200, y: 0, w: 100, h: 50 }, 1000, 600, 85, 22);
    expect(0 + d.dx + (2200 + 100) * 0.5).toBe(1000 - 24);
  });
});
