#!/usr/bin/env bash
# Growth of BPMN import per doubling of the file, counted in instructions instead of time:
# one fresh process per file, under valgrind's cachegrind (no cache simulation), so the
# count does not move with the machine's load the way wall-clock medians do (see
# docs/performance.md). Files: the 10,000 / 20,000 / 40,000-step files `scripts/bpmn/bench.sh`
# writes, with and without their diagram. Goal: growth per doubling <= 2.2 (linear time).
#   scripts/bpmn/growth.sh           (from the project root; needs cargo and valgrind)
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v valgrind >/dev/null || { echo "growth.sh needs valgrind (apt-get install valgrind)" >&2; exit 1; }
out="${CARGO_TARGET_DIR:-target}/bpmn-bench"
mkdir -p "$out"
bin=$(cargo bench --bench bpmn --no-run --message-format=json 2>/dev/null \
  | grep '"kind":\["bench"\]' | grep -o '"executable":"[^"]*"' | tail -1 | cut -d'"' -f4)
[[ -x "$bin" ]] || { echo "growth.sh: could not build the bpmn bench binary" >&2; exit 1; }
[[ -f "$out/generated-40000-plain.bpmn" ]] || BPMN_BENCH_DIR="$out" "$bin" >/dev/null


count() {
  BPMN_BENCH_ONE="$1" valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null "$bin" 2>&1 \
    | awk '/I *refs:/ { gsub(",", "", $NF); print $NF }'
}
echo "== instructions of one import in a fresh process (cachegrind), growth per doubling (goal <= 2.2)"
for kind in diagram plain; do
  prev=""
  for n in 10000 20000 40000; do
    file="$out/generated-$n-$kind.bpmn"
    ir=$(count "$file")
    awk -v n="$n" -v k="$kind" -v ir="$ir" -v prev="$prev" -v size="$(wc -c < "$file")" \
      'BEGIN { g = prev == "" ? "" : sprintf("  growth %.3fx", ir / prev);
               printf "%6d steps %-7s %6.1f MB  %14.0f instructions  %6.1f per byte%s\n", n, k, size/1e6, ir, ir/size, g }'
    prev="$ir"
  done
done
