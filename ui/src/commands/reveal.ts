// What an undo or redo shows: the element it changed, so the user sees what came back or went.
import type { Selection } from "../canvas/Diagram";
import type { Changed, Document } from "../generated/carepath";

export interface Reveal {
  /** The variant to show (the one the change is in). */
  variant: string | null;
  /** The element to select; null when what changed is gone or is not on the canvas. */
  selection: Selection;
}

/**
 * The element to show after an undo or redo that changed `changed`: a step first, then a need,
 * then a transition, preferring the variant on screen; a variant added back is shown whole.
 * Null when nothing that changed is on a canvas (metadata, lanes, the catalogue, a removal).
 */
export function revealOf(changed: readonly Changed[], doc: Document, current: string | null): Reveal | null {
  const exists = (variant: string, kind: "step" | "need" | "transition", id: string) => {
    const v = doc.variants.find((x) => x.id === variant);
    if (!v) return false;
    const list = kind === "step" ? v.steps : kind === "need" ? (v.needs ?? []) : v.transitions;
    return list.some((x) => x.id === id);
  };
  const rank = { step: 0, need: 1, transition: 2 } as const;
  const elements = changed
    .flatMap((c) => (c.kind === "step" || c.kind === "need" || c.kind === "transition" ? [c] : []))
    .filter((c) => exists(c.variant, c.kind, c.id))
    .sort((a, b) => Number(a.variant !== current) - Number(b.variant !== current) || rank[a.kind] - rank[b.kind]);
  if (elements[0]) return { variant: elements[0].variant, selection: { kind: elements[0].kind, id: elements[0].id } };
  const variant = changed.find((c) => (c.kind === "variant" || c.kind === "variant_header") && doc.variants.some((v) => v.id === c.variant));
  if (variant && (variant.kind === "variant" || variant.kind === "variant_header")) return { variant: variant.variant, selection: null };
  return null;
}
