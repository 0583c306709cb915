// Counts renders of canvas components in the benchmark build only (scripts/ui-bench); in
// every other build `countRender` does nothing.
type Counts = Record<string, number>;

export const countRender: (what: string) => void =
  import.meta.env.MODE === "bench"
    ? (what) => {
        const w = window as unknown as { __renders?: Counts };
        const counts = (w.__renders ??= {});
        counts[what] = (counts[what] ?? 0) + 1;
      }
    : () => {};
