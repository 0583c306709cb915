// The window's copy of what the core shows: the document, its findings and the layout of the
// variant on screen. It changes in one way only after an edit, undo or redo: `dispatch` with
// the core's Update, which names the touched elements with their new values and the geometry
// that moved. Everything not touched stays the same object, so components that read only
// untouched elements are not drawn again.
import type { Document, Finding, Layout, LayoutDelta, Shown as CoreShown, Update, Value, Variant } from "../generated/carepath";

export interface Shown {
  /** The number of the last message taken in (see Update.seq). */
  seq: number;
  doc: Document;
  findings: Finding[];
  layout: Layout | null;
  variantId: string | null;
  /** The flow shown: a sub-pathway step's own, or (null) the variant's main flow. */
  flow: string | null;
}

export function fromCore(s: CoreShown): Shown {
  return { seq: s.seq, doc: s.document, findings: s.findings, layout: s.layout ?? null, variantId: s.variant ?? null, flow: s.flow ?? null };
}

/** `s` after the update, or null when the update does not follow `s` (a message was missed
 * or came out of order): the caller then asks the core for everything again. */
export function dispatch(s: Shown, u: Update): Shown | null {
  if (u.seq !== s.seq + 1) return null;
  return {
    seq: u.seq,
    doc: u.values.reduce(applyValue, s.doc),
    findings: u.findings ?? s.findings,
    layout: u.layout ? applyLayout(s.layout, u.layout) : s.layout,
    variantId: u.variant ?? null,
    flow: u.flow ?? null,
  };
}

/** `list` (ordered by id) with the element `id` replaced by `value`, inserted in id order, or
 * (value null) taken out; the same array when nothing changes. */
export function patchById<T extends { id: string }>(list: T[], id: string, value: T | null | undefined): T[] {
  const at = list.findIndex((x) => x.id === id);
  if (!value) return at < 0 ? list : [...list.slice(0, at), ...list.slice(at + 1)];
  if (at >= 0) return [...list.slice(0, at), value, ...list.slice(at + 1)];
  let i = list.length;
  while (i > 0 && list[i - 1].id > id) i--;
  return [...list.slice(0, i), value, ...list.slice(i)];
}

function inVariant(doc: Document, id: string, f: (v: Variant) => Variant): Document {
  const at = doc.variants.findIndex((v) => v.id === id);
  if (at < 0) return doc;
  const variants = [...doc.variants];
  variants[at] = f(variants[at]);
  return { ...doc, variants };
}

export function applyValue(doc: Document, value: Value): Document {
  switch (value.kind) {
    case "metadata":
      return { ...doc, metadata: value.metadata };
    case "actors":
      return { ...doc, actors: value.actors };
    case "phases":
      return { ...doc, phases: value.phases };
    case "info_types":
      return { ...doc, info_types: value.info_types };
    case "variant_header": {
      const h = value.header;
      if (!h) return doc;
      return inVariant(doc, value.variant, (v) => ({ ...v, name: h.name, kind: h.kind, description: h.description ?? "", based_on: h.based_on ?? null }));
    }
    case "variant": {
      const rest = doc.variants.filter((v) => v.id !== value.variant);
      if (!value.data) return { ...doc, variants: rest };
      const at = Math.min(value.index, rest.length);
      return { ...doc, variants: [...rest.slice(0, at), value.data, ...rest.slice(at)] };
    }
    case "step":
      return inVariant(doc, value.variant, (v) => ({ ...v, steps: patchById(v.steps, value.id, value.step) }));
    case "transition":
      return inVariant(doc, value.variant, (v) => ({ ...v, transitions: patchById(v.transitions, value.id, value.transition) }));
    case "need":
      return inVariant(doc, value.variant, (v) => ({ ...v, needs: patchById(v.needs ?? [], value.id, value.need) }));
    case "comment":
      return { ...doc, comments: patchById(doc.comments ?? [], value.id, value.comment) };
    case "review":
      return { ...doc, reviews: patchById(doc.reviews ?? [], value.id, value.review) };
  }
}

/** Boxes with the new ones in place of the old (by id), the removed ones out, in id order;
 * untouched boxes stay the same objects. */
function patchBoxes<T extends { id: string }>(old: T[], fresh: T[], removed: string[]): T[] {
  if (fresh.length === 0 && removed.length === 0) return old;
  const gone = new Set(removed);
  const byId = new Map(fresh.map((b) => [b.id, b]));
  const out: T[] = [];
  for (const b of old) {
    if (gone.has(b.id)) continue;
    const n = byId.get(b.id);
    out.push(n ?? b);
    if (n) byId.delete(b.id);
  }
  if (byId.size === 0) return out;
  return [...out, ...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function applyLayout(before: Layout | null, d: LayoutDelta): Layout {
  const base = d.whole || !before || before.variant !== d.variant ? null : before;
  return {
    variant: d.variant,
    orientation: d.orientation,
    width: d.width,
    height: d.height,
    lane_header_width: d.lane_header_width,
    column_header_height: d.column_header_height,
    lanes: d.lanes,
    columns: d.columns,
    steps: patchBoxes(base?.steps ?? [], d.steps, d.removed_steps),
    edges: patchBoxes(base?.edges ?? [], d.edges, d.removed_edges),
    needs: patchBoxes(base?.needs ?? [], d.needs, d.removed_needs),
  };
}
