// Edits over a selection of several elements: deleting them as one undoable batch, and the
// steps a paste added.
import type { Selection } from "../canvas/Diagram";
import type { Edit, Variant } from "../generated/carepath";

/** The needs that would be at no step once these steps are gone (needs at no step are left out:
 * they were so before). */
export function orphanedNeeds(variant: Variant, steps: readonly string[]): string[] {
  const gone = new Set(steps);
  return (variant.needs ?? []).filter((n) => n.steps.length > 0 && n.steps.every((s) => gone.has(s))).map((n) => n.id);
}

/** The steps a delete of this selection removes. */
export function deletedSteps(variant: Variant, primary: Selection, multi: ReadonlySet<string>): string[] {
  const ids = new Set(multi);
  if (primary) ids.add(primary.id);
  return variant.steps.filter((s) => ids.has(s.id)).map((s) => s.id);
}

/**
 * The edit that deletes the primary selection and every selected element, and the needs in
 * `alsoNeeds`: one edit for one element, else a batch (needs and transitions first, so none is
 * removed twice with its step). Null when nothing that exists is selected.
 */
export function deleteEdit(variant: Variant, primary: Selection, multi: ReadonlySet<string>, alsoNeeds: readonly string[] = []): Edit | null {
  const ids = new Set(multi);
  if (primary) ids.add(primary.id);
  const steps = variant.steps.filter((s) => ids.has(s.id)).map((s) => s.id);
  const gone = new Set(steps);
  const transitions = variant.transitions
    .filter((t) => ids.has(t.id) && !gone.has(t.from) && !gone.has(t.to))
    .map((t) => t.id);
  const needs = (variant.needs ?? []).filter((n) => ids.has(n.id) || alsoNeeds.includes(n.id)).map((n) => n.id);
  const edits: Edit[] = [
    ...needs.map((id): Edit => ({ op: "remove_need", variant: variant.id, id })),
    ...transitions.map((id): Edit => ({ op: "remove_transition", variant: variant.id, id })),
    ...steps.map((id): Edit => ({ op: "remove_step", variant: variant.id, id })),
  ];
  if (edits.length === 0) return null;
  return edits.length === 1 ? edits[0] : { op: "batch", label: "delete", edits };
}

/** The ids of the steps a paste edit adds, in order. */
export function pastedSteps(edit: Edit): string[] {
  if (edit.op !== "batch") return edit.op === "add_step" ? [edit.step.id] : [];
  return edit.edits.flatMap((e) => (e.op === "add_step" ? [e.step.id] : []));
}
