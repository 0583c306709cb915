// Keyboard moves on the canvas: the nearest step in a direction (arrow keys) and the
// neighbouring lane or phase of a step (Alt+arrows). Pure functions over the core's layout.
import type { Layout, StepBox } from "../generated/carepath";

export type Direction = "left" | "right" | "up" | "down";

const centre = (b: StepBox) => ({ x: b.x + b.w / 2, y: b.y + b.h / 2 });

/**
 * The step nearest to `fromId` in direction `dir`: among the steps whose centre lies that
 * way, the one with the smallest distance along the direction plus twice the distance
 * across it. Null when there is none. Without `fromId` (nothing selected), the top-left step.
 */
export function nearestInDirection(steps: readonly StepBox[], fromId: string | null, dir: Direction): string | null {
  const from = fromId ? steps.find((s) => s.id === fromId) : undefined;
  if (!from) {
    const first = [...steps].sort((a, b) => a.x - b.x || a.y - b.y)[0];
    return first?.id ?? null;
  }
  const c = centre(from);
  let best: { id: string; cost: number } | null = null;
  for (const s of steps) {
    if (s.id === from.id) continue;
    const p = centre(s);
    const dx = p.x - c.x;
    const dy = p.y - c.y;
    const [along, across] =
      dir === "right" ? [dx, dy] : dir === "left" ? [-dx, dy] : dir === "down" ? [dy, dx] : [-dy, dx];
    if (along <= 0) continue;
    const cost = along + 2 * Math.abs(across);
    if (!best || cost < best.cost) best = { id: s.id, cost };
  }
  return best?.id ?? null;
}

/**
 * The lane (up/down) or phase (left/right) next to the step's, as the actor and phase the
 * step would get; null at the edge. With vertical lanes the lanes run left to right.
 */
export function neighbourCell(
  layout: Layout,
  step: { actor?: string | null; phase?: string | null },
  dir: Direction,
): { actor: string | null; phase: string | null } | null {
  const vertical = layout.lanes.length > 1 && layout.lanes[0].x !== layout.lanes[1].x;
  const alongLanes = vertical ? dir === "left" || dir === "right" : dir === "up" || dir === "down";
  const forward = dir === "down" || dir === "right";
  const actor = step.actor ?? null;
  const phase = step.phase ?? null;
  if (alongLanes) {
    const i = layout.lanes.findIndex((l) => (l.actor ?? null) === actor);
    const next = layout.lanes[i + (forward ? 1 : -1)];
    return i < 0 || !next ? null : { actor: next.actor ?? null, phase };
  }
  const i = layout.columns.findIndex((c) => (c.phase ?? null) === phase);
  const next = layout.columns[i + (forward ? 1 : -1)];
  return i < 0 || !next ? null : { actor, phase: next.phase ?? null };
}
