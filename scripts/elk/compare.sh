#!/usr/bin/env bash
# Lays out the same generated pathway with Carepath (release build) and with elkjs (layered,
# orthogonal routing, phases as partitions) and prints both times and the ratio.
#   scripts/elk/compare.sh [STEPS ...]      (default: 100 1000)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root/scripts/elk"
[[ -d node_modules/elkjs ]] || npm ci --no-audit --no-fund --loglevel=error
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cargo build --release --quiet --example elk_compare --manifest-path "$root/Cargo.toml"
bin="${CARGO_TARGET_DIR:-$root/target}/release/examples/elk_compare"
for steps in "${@:-100 1000}"; do
  for n in $steps; do
    cp_line="$("$bin" "$n" "$tmp/g$n.json" 15)"
    elk_line="$(node layout.mjs "$tmp/g$n.json" 5)"
    echo "$cp_line"
    echo "$elk_line"
    cp_ms="$(sed -E 's/.*median ([0-9.]+) ms.*/\1/' <<<"$cp_line")"
    elk_ms="$(sed -E 's/.*median ([0-9.]+) ms.*/\1/' <<<"$elk_line")"
    awk -v a="$elk_ms" -v b="$cp_ms" -v n="$n" 'BEGIN { printf "ratio at %d steps: Carepath is %.1f× faster than elkjs\n", n, a / b }'
  done
done
