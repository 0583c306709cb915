#!/usr/bin/env bash
# Lays out the same pathways with Carepath (release build) and with elkjs (layered, orthogonal
# routing, phases as partitions, lanes as order hints) and prints both times, the ratio and
# the layout measures side by side: the COPD template's variants and generated pathways.
#   scripts/elk/compare.sh [WHAT ...]      (default: copd:0 copd:1 100 1000)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root/scripts/elk"
[[ -d node_modules/elkjs ]] || npm ci --no-audit --no-fund --loglevel=error
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cargo build --release --quiet --example elk_compare --manifest-path "$root/Cargo.toml"
bin="${CARGO_TARGET_DIR:-$root/target}/release/examples/elk_compare"
for what in "${@:-copd:0 copd:1 100 1000}"; do
  for w in $what; do
    cp_line="$("$bin" "$w" "$tmp/g.json" 15)"
    elk_line="$(node layout.mjs "$tmp/g.json" 5)"
    echo "$cp_line"
    echo "$elk_line"
    cp_ms="$(sed -E 's/.*median ([0-9.]+) ms.*/\1/' <<<"$cp_line")"
    elk_ms="$(sed -E 's/.*median ([0-9.]+) ms.*/\1/' <<<"$elk_line")"
    awk -v a="$elk_ms" -v b="$cp_ms" -v w="$w" 'BEGIN { printf "%s: Carepath is %.0f× faster than elkjs\n\n", w, a / b }'
  done
done
