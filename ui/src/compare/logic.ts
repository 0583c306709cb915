// Pure helpers of compare mode: which variants to compare by default and the list of
// differences grouped by element kind.
import type { ChangeKind, Diff, DiffEntry, ElementKind, Variant } from "../generated/carepath";

export const KIND_ORDER: ElementKind[] = ["step", "transition", "need", "actor", "phase", "info_type"];
export const CHANGE_SYMBOL: Record<ChangeKind, string> = { added: "+", removed: "−", changed: "~" };

/** Current → desired when the document has both, else the first two variants (or one with itself). */
export function defaultPair(variants: readonly Pick<Variant, "id" | "kind">[], currentId: string | null): { source: string; target: string } | null {
  if (variants.length === 0) return null;
  const cur = variants.find((v) => v.kind === "current");
  const desired = variants.find((v) => v.kind === "desired");
  if (cur && desired) return { source: cur.id, target: desired.id };
  const target = variants.find((v) => v.id === currentId) ?? variants[0];
  const source = variants.find((v) => v.id !== target.id) ?? target;
  return { source: source.id, target: target.id };
}

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
