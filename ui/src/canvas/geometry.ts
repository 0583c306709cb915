// Reading the core's layout: which lane x phase cell a diagram point falls in.
import type { Layout } from "../generated/carepath";

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
  const lane = layout.lanes.find((l) => y >= l.y && y < l.y + l.height);
  const col = layout.columns.find((c) => x >= c.x && x < c.x + c.width);
  if (!lane || !col) return null;
  return {
    actor: lane.actor ?? null,
    phase: col.phase ?? null,
    x: col.x,
    y: lane.y,
    width: col.width,
    height: lane.height,
  };
}

/** Moves a box of size w x h at (x, y) so it lies inside the cell. */
export function clampInto(cell: Cell, x: number, y: number, w: number, h: number, margin = 6) {
  const cx = Math.min(Math.max(x, cell.x + margin), cell.x + cell.width - w - margin);
  const cy = Math.min(Math.max(y, cell.y + margin), cell.y + cell.height - h - margin);
  return { x: Math.round(cx), y: Math.round(cy) };
}
