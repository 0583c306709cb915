// Reading the core's layout: which lane x phase cell a diagram point falls in.
import type { Layout, Point } from "../generated/carepath";

export interface Cell {
  actor: string | null;
  phase: string | null;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The cell under a point in diagram units, or null over the headers or outside. */
export function cellAt(layout: Layout, x: number, y: number): Cell | null {
  const inside = (r: { x: number; y: number; width: number; height: number }) =>
    x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height;
  const lane = layout.lanes.find(inside);
  const col = layout.columns.find(inside);
  if (!lane || !col) return null;
  // a lane spans the whole diagram one way and a column the other, whichever the orientation
  const left = Math.max(lane.x, col.x);
  const top = Math.max(lane.y, col.y);
  return {
    actor: lane.actor ?? null,
    phase: col.phase ?? null,
    x: left,
    y: top,
    width: Math.min(lane.x + lane.width, col.x + col.width) - left,
    height: Math.min(lane.y + lane.height, col.y + col.height) - top,
  };
}

/** Moves a box of size w x h at (x, y) so it lies inside the cell. */
export function clampInto(cell: Cell, x: number, y: number, w: number, h: number, margin = 6) {
  const cx = Math.min(Math.max(x, cell.x + margin), cell.x + cell.width - w - margin);
  const cy = Math.min(Math.max(y, cell.y + margin), cell.y + cell.height - h - margin);
  return { x: Math.round(cx), y: Math.round(cy) };
}

/** An SVG path through the points of a route, as the exports draw it. */
export function routePath(points: readonly Point[]): string {
  return points.map((p, i) => `${i === 0 ? "M" : "L"} ${p.x} ${p.y}`).join(" ");
}

/** Whether a node is still where the layout put its box (not being dragged). */
export function samePlace(at: { x: number; y: number } | undefined, box: { x: number; y: number }): boolean {
  return !!at && Math.abs(at.x - box.x) < 0.5 && Math.abs(at.y - box.y) < 0.5;
}
