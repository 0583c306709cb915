// Pure helpers of the walk-through panel: changing the branch taken at one visit of a
// decision in the list of choices the core's walk takes (WalkOptions.choices: at a step with
// several ways on, its k-th visit takes the k-th of the listed transitions leaving it).
import type { Walk } from "../generated/carepath";

/** How many times the walk was at this step before position `index`. */
export function visitOf(walk: Walk, index: number): number {
  const id = walk.steps[index]?.step;
  return walk.steps.slice(0, index).filter((s) => s.step === id).length;
}

/**
 * The choices with the branch at position `index` of the walk set to `transition`. Earlier
 * visits of the same step keep the branch they took, so only this visit (and, as the last
 * listed one holds on, later ones) changes.
 */
export function choose(walk: Walk, choices: readonly string[], index: number, transition: string): string[] {
  const at = walk.steps[index];
  if (!at) return [...choices];
  const leaving = new Set(at.branches.map((b) => b.transition));
  const visits = walk.steps.slice(0, index).filter((s) => s.step === at.step);
  const mine = visits.map((s) => s.branches.find((b) => b.taken)?.transition).filter((t): t is string => !!t);
  mine.push(transition);
  return [...choices.filter((c) => !leaving.has(c)), ...mine];
}
