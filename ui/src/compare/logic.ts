// Pure helpers of compare mode: the list of differences grouped by element kind. Which
// variants to compare by default is the core's answer (compare_pair).
import type { ChangeKind, Diff, DiffEntry, ElementKind } from "../generated/carepath";

export const KIND_ORDER: ElementKind[] = ["step", "transition", "need", "actor", "phase", "info_type"];
export const CHANGE_SYMBOL: Record<ChangeKind, string> = { added: "+", removed: "−", changed: "~" };

export interface Group {
  kind: ElementKind;
  entries: DiffEntry[];
}

/** The entries grouped by element kind, in a fixed order; empty groups left out. */
export function groupEntries(diff: Pick<Diff, "entries">): Group[] {
  return KIND_ORDER.map((kind) => ({ kind, entries: diff.entries.filter((e) => e.kind === kind) })).filter((g) => g.entries.length > 0);
}

/** The id the picture marks an entry with (data-id), if it draws one. */
export function pictureId(e: DiffEntry): string | null {
  return "id" in e.element ? e.element.id : null;
}

/** Whether the entry's element is on the canvas of the target variant (so it can be selected there). */
export function selectable(e: DiffEntry): e is DiffEntry & { element: { kind: "step" | "transition" | "need"; id: string; variant: string } } {
  return e.change !== "removed" && (e.element.kind === "step" || e.element.kind === "transition" || e.element.kind === "need");
}

/** The last part of a file path (either kind of slash), for a compact label. */
export function fileName(path: string): string {
  const parts = path.split(/[\\/]/).filter((p) => p.length > 0);
  return parts[parts.length - 1] ?? path;
}
