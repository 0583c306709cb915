#!/usr/bin/env bash
# Compares BPMN import speed: Carepath's import (release build, library call from the
# `bpmn` bench binary) against bpmn-moddle's fromXML, on the same generated files of 1,000
# and 10,000 steps, in the same run. Prints the medians and the ratio.
#   scripts/bpmn/bench.sh            (from the project root; needs cargo, node and npm)
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${CARGO_TARGET_DIR:-target}/bpmn-bench"
mkdir -p "$out"
[[ -d scripts/bpmn/node_modules/bpmn-moddle ]] || (cd scripts/bpmn && npm ci --no-audit --no-fund --loglevel=error)

echo "== Carepath import (median, ms)" >&2
BPMN_BENCH_DIR="$out" cargo bench --quiet --bench bpmn 2>/dev/null | tee "$out/carepath.txt"
echo "== bpmn-moddle fromXML (median, ms)" >&2
node scripts/bpmn/parse-time.mjs "$out"/generated-1000.bpmn "$out"/generated-10000.bpmn | tee "$out/moddle.txt"

echo "== ratio (bpmn-moddle / Carepath; goal >= 5)"
for n in 1000 10000; do
  cp=$(awk -v n="$n" '$1=="import" && $2==n {print $3}' "$out/carepath.txt")
  md=$(grep "generated-$n.bpmn" "$out/moddle.txt" | awk '{print $3}')
  size=$(wc -c < "$out/generated-$n.bpmn")
  awk -v n="$n" -v cp="$cp" -v md="$md" -v size="$size" \
    'BEGIN { printf "%6d steps  %6.1f MB  carepath %8.2f ms  bpmn-moddle %8.2f ms  ratio %5.1fx\n", n, size/1e6, cp, md, md/cp }'
done
