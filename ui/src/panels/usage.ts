// How many steps and needs use an actor, phase or information type, so a delete can say why
// it is refused. Asked from the core, which counts as it checks a removal (edit/usage.rs).
import { api } from "../api";
import type { Usage, Use } from "../generated/carepath";

/**
 * The use of one element; an id the core does not know counts as unused. Should the question
 * fail, the element counts as unused too: the removal then asked for is checked by the core,
 * which refuses it with the counts if it is in use.
 */
export async function usageOf(group: keyof Usage, id: string): Promise<Use> {
  const all = await api.documentUsage().catch(() => null);
  return all?.[group][id] ?? { steps: 0, needs: 0 };
}

export const inUse = (u: Use) => u.steps + u.needs > 0;
