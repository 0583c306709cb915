#!/usr/bin/env bash
# Compares BPMN import speed: Carepath's import (release build, library call from the
# `bpmn` bench binary) against bpmn-moddle's fromXML, on the same generated files of 10,000,
# 20,000 and 40,000 steps, with their diagram and without it, in the same run. Prints the
# medians, the ratio (goal >= 5x on every file) and Carepath's growth per doubling of the
# size (goal <= 2.2: linear time).
#   scripts/bpmn/bench.sh            (from the project root; needs cargo, node and npm)
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${CARGO_TARGET_DIR:-target}/bpmn-bench"
mkdir -p "$out"
[[ -d scripts/bpmn/node_modules/bpmn-moddle ]] || (cd scripts/bpmn && npm ci --no-audit --no-fund --loglevel=error)

echo "== Carepath import (median, ms)" >&2
BPMN_BENCH_DIR="$out" cargo bench --quiet --bench bpmn 2>/dev/null | tee "$out/carepath.txt"
echo "== bpmn-moddle fromXML (median, ms)" >&2
RUNS="${RUNS:-3}" node --max-old-space-size=8192 scripts/bpmn/parse-time.mjs "$out"/generated-*-*.bpmn | tee "$out/moddle.txt"

echo "== ratio (bpmn-moddle / Carepath; goal >= 5) and growth per doubling (goal <= 2.2)"
for kind in diagram plain; do
  prev=""
  for n in 10000 20000 40000; do
    cp=$(awk -v n="$n" -v k="$kind" '$1=="import" && $2==n && $3==k {print $4}' "$out/carepath.txt")
    md=$(grep "generated-$n-$kind.bpmn" "$out/moddle.txt" | awk '{print $3}')
    size=$(wc -c < "$out/generated-$n-$kind.bpmn")
    awk -v n="$n" -v k="$kind" -v cp="$cp" -v md="$md" -v size="$size" -v prev="$prev" \
      'BEGIN { g = prev == "" ? "" : sprintf("  growth %.2fx", cp / prev);
               printf "%6d steps %-7s %6.1f MB  carepath %8.2f ms  bpmn-moddle %9.2f ms  ratio %5.1fx%s\n", n, k, size/1e6, cp, md, md/cp, g }'
    prev="$cp"
  done
done
