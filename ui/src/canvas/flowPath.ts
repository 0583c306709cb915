// Sub-pathways with a flow of their own: which flow a step is in, the trail of sub-pathways
// around the flow shown (for the breadcrumb), and the edits that put new steps into the flow
// the window shows.
import type { Edit, Step, Variant } from "../generated/carepath";

/** The sub-pathway steps around `flow`, outermost first, ending with `flow` itself. */
export function trailTo(variant: Variant, flow: string | null): Step[] {
  const out: Step[] = [];
  let at = flow;
  while (at && out.length <= variant.steps.length) {
    const step = variant.steps.find((s) => s.id === at);
    if (!step) break;
    out.unshift(step);
    at = step.within ?? null;
  }
  return out;
}

/** How many steps a sub-pathway's own flow holds. */
export const stepsWithin = (variant: Variant, id: string) => variant.steps.filter((s) => s.within === id).length;

/** `edit` with every step it adds, not yet in any flow, put into `flow` (null: as it is). */
export function intoFlow(edit: Edit, flow: string | null): Edit {
  if (!flow) return edit;
  if (edit.op === "add_step" && !edit.step.within) return { ...edit, step: { ...edit.step, within: flow } };
  if (edit.op === "batch") return { ...edit, edits: edit.edits.map((e) => intoFlow(e, flow)) };
  return edit;
}

/** The flow an element of the variant is drawn in: a step's own, a transition's and a
 * need's by their (first) step; null for the main flow or an element not found. */
export function flowOf(variant: Variant, el: { kind: string; id: string }): string | null {
  const stepId =
    el.kind === "step" ? el.id : el.kind === "transition" ? variant.transitions.find((x) => x.id === el.id)?.from : el.kind === "need" ? variant.needs?.find((n) => n.id === el.id)?.steps[0] : undefined;
  return variant.steps.find((s) => s.id === stepId)?.within ?? null;
}
