// Presence on the canvas: what each other participant has selected, outlined in their colour
// with their name above it. Drawn in diagram coordinates; takes no pointer events.
import { ViewportPortal } from "@xyflow/react";
import { elementBox } from "../canvas/CanvasMark";
import type { Selection } from "../canvas/Diagram";
import type { Layout } from "../generated/carepath";
import type { Person } from "./useSharing";

/** A selection as it travels to the others: "step:<id>", "transition:<id>" or "need:<id>". */
export function selectionKey(s: Selection): string | null {
  return s ? `${s.kind}:${s.id}` : null;
}

function parse(key: string | null): { kind: "step" | "transition" | "need"; id: string } | null {
  const m = /^(step|transition|need):(.+)$/.exec(key ?? "");
  return m ? { kind: m[1] as "step" | "transition" | "need", id: m[2] } : null;
}

const PAD = 4;

export function Presence({ people, layout }: { people: readonly Person[]; layout: Layout }) {
  const shown = people.flatMap((p) => {
    const s = parse(p.selection);
    const box = !p.me && s ? elementBox(layout, s.kind, s.id) : null;
    return box ? [{ p, box, key: `${p.id}` }] : [];
  });
  if (shown.length === 0) return null;
  return (
    <ViewportPortal>
      {shown.map(({ p, box, key }) => {
        const w = box.point ? 16 : box.w + 2 * PAD;
        const h = box.point ? 16 : box.h + 2 * PAD;
        const x = box.point ? box.x - 8 : box.x - PAD;
        const y = box.point ? box.y - 8 : box.y - PAD;
        return (
          <div
            key={key}
            className="presence"
            data-person={p.name}
            style={{ transform: `translate(${x}px, ${y}px)`, width: w, height: h, borderColor: p.colour }}
            aria-hidden="true"
          >
            <span className="presence-name" style={{ background: p.colour }}>
              {p.name}
            </span>
          </div>
        );
      })}
    </ViewportPortal>
  );
}
