// Structural sharing for the canvas: after an edit the whole document and layout arrive anew,
// but React Flow and the node components skip an element whose object is the same as before.
// `Reuser` hands back the previous object of an id whenever its signature (the values it is
// drawn from) is unchanged, so one edit re-renders only the steps and arrows it changed.

export class Reuser<T extends { id: string }> {
  private last = new Map<string, { item: T; sig: string }>();

  /** `items` with each replaced by its previous object when `signature` is unchanged. */
  share(items: readonly T[], signature: (item: T) => string): T[] {
    const next = new Map<string, { item: T; sig: string }>();
    const out = items.map((item) => {
      const sig = signature(item);
      const old = this.last.get(item.id);
      const kept = old && old.sig === sig ? old.item : item;
      next.set(item.id, { item: kept, sig });
      return kept;
    });
    this.last = next;
    return out;
  }

  /** Puts `items` in place of the remembered objects of the same ids, keeping their
   * signatures: for copies that differ only in what the signature leaves out. `copyOf` says
   * whether an item is a copy of the remembered one; a copy of an older object (the canvas
   * measured nodes it had before the latest share) is not adopted, or it would come back
   * under the newer signature, stale. */
  adopt(items: readonly T[], copyOf: (item: T, remembered: T) => boolean): void {
    for (const item of items) {
      const old = this.last.get(item.id);
      if (old && old.item !== item && copyOf(item, old.item)) this.last.set(item.id, { item, sig: old.sig });
    }
  }
}

/** A signature of plain values; functions (callbacks) are left out. */
export const signatureOf = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) => (typeof v === "function" ? undefined : v));
