// Find: which elements of the current variant match a query (step labels and descriptions,
// actor and phase names, the texts of data-sharing needs), and the step each match is shown
// at on the canvas. Pure, so the find bar only keeps an index into the result.
import type { Document, Layout, Variant } from "../generated/carepath";

export type MatchKind = "step" | "actor" | "phase" | "need";

export interface Match {
  kind: MatchKind;
  /** The id of the matching element. */
  id: string;
  /** The step the match is shown at (selected and centred), if any. */
  step: string | null;
}

const fold = (s: string) => s.normalize("NFC").toLocaleLowerCase("nb");

/** Steps in reading order: by column, then top to bottom (as the layout placed them). */
function readingOrder(variant: Variant, layout: Layout | null): string[] {
  const boxes = new Map((layout?.steps ?? []).map((b) => [b.id, b]));
  return variant.steps
    .map((s) => s.id)
    .sort((a, b) => {
      const ba = boxes.get(a);
      const bb = boxes.get(b);
      if (!ba || !bb) return (ba ? -1 : 0) + (bb ? 1 : 0);
      return ba.column - bb.column || ba.lane - bb.lane || ba.x - bb.x || ba.y - bb.y;
    });
}

/** Every match of `query` (case-insensitive, trimmed) in `variant`, steps first in reading order. */
export function findMatches(doc: Document, variant: Variant, layout: Layout | null, query: string): Match[] {
  const q = fold(query.trim());
  if (!q) return [];
  const hit = (...texts: (string | null | undefined)[]) => texts.some((t) => !!t && fold(t).includes(q));
  const order = readingOrder(variant, layout);
  const steps = new Map(variant.steps.map((s) => [s.id, s]));
  const firstStep = (pred: (id: string) => boolean) => order.find(pred) ?? null;
  const out: Match[] = [];
  for (const id of order) {
    const s = steps.get(id)!;
    if (hit(s.label, s.description)) out.push({ kind: "step", id, step: id });
  }
  for (const a of doc.actors) {
    if (hit(a.name)) out.push({ kind: "actor", id: a.id, step: firstStep((id) => steps.get(id)?.actor === a.id) });
  }
  for (const p of doc.phases) {
    if (hit(p.name)) out.push({ kind: "phase", id: p.id, step: firstStep((id) => steps.get(id)?.phase === p.id) });
  }
  for (const n of variant.needs ?? []) {
    if (hit(n.title, n.what, n.why, n.source, n.notes, n.requirements)) {
      out.push({ kind: "need", id: n.id, step: n.steps[0] ?? null });
    }
  }
  return out;
}

/** The step ids to highlight for a set of matches. */
export function highlighted(matches: readonly Match[]): Set<string> {
  return new Set(matches.flatMap((m) => (m.step ? [m.step] : [])));
}

/** The next index when stepping forward or back through `count` matches (wrapping). */
export function stepIndex(current: number, count: number, back: boolean): number {
  if (count === 0) return -1;
  if (current < 0) return back ? count - 1 : 0;
  return (current + (back ? count - 1 : 1)) % count;
}
