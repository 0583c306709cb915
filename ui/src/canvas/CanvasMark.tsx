// What the canvas's problem badges and review markers share: where an element sits in the
// layout (a step's box, a transition's label or middle point, a need's badge or first point),
// and the small button drawn beside it that selects the element without starting a drag.
import type { ReactNode } from "react";
import type { Layout } from "../generated/carepath";

/** An element's box in diagram coordinates; `point` when it has no box (w = h = 0). */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
  point: boolean;
}

const at = (p: { x: number; y: number } | undefined): Box | null => (p ? { x: p.x, y: p.y, w: 0, h: 0, point: true } : null);
const boxed = (b: { x: number; y: number; w: number; h: number }): Box => ({ x: b.x, y: b.y, w: b.w, h: b.h, point: false });

/** Where a step, transition or need is drawn, or null when the layout does not show it. */
export function elementBox(layout: Layout, kind: "step" | "transition" | "need", id: string): Box | null {
  if (kind === "step") {
    const b = layout.steps.find((s) => s.id === id);
    return b ? boxed(b) : null;
  }
  if (kind === "transition") {
    const r = layout.edges.find((e) => e.id === id);
    if (!r) return null;
    return r.label ? boxed(r.label) : at(r.points[Math.floor(r.points.length / 2)]);
  }
  const n = layout.needs.find((x) => x.id === id);
  return n?.badge ? boxed(n.badge) : at(n?.paths[0]?.[0]);
}

/** A button on the canvas at `x`, `y` (diagram coordinates, inside a ViewportPortal). */
export function MarkButton(props: { className: string; element: string; x: number; y: number; text: string; onActivate: () => void; children: ReactNode }) {
  const { className, element, x, y, text, onActivate, children } = props;
  return (
    <button
      type="button"
      className={`${className} nodrag nopan`}
      data-element={element}
      style={{ transform: `translate(${x}px, ${y}px)` }}
      title={text}
      aria-label={text}
      onClick={(e) => {
        e.stopPropagation();
        onActivate();
      }}
      onDoubleClick={(e) => e.stopPropagation()}
    >
      {children}
    </button>
  );
}
