#!/usr/bin/env bash
# Lays out the same pathways with Carepath (release build, without the need layer) and with
# elkjs (layered, orthogonal routing, phases as partitions; once with Carepath's lanes kept
# as constraints, once with lanes only as order hints) and prints the times, the speed ratio
# against the lane-keeping run and the layout measures side by side: the COPD template's
# variants and generated pathways.
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
    elk_lines="$(node layout.mjs "$tmp/g.json" 5)"
    echo "$cp_line"
    echo "$elk_lines"
    cp_ms="$(sed -E 's/.*median ([0-9.]+) ms.*/\1/' <<<"$cp_line")"
    elk_ms="$(head -n1 <<<"$elk_lines" | sed -E 's/.*median ([0-9.]+) ms.*/\1/')"
    awk -v a="$elk_ms" -v b="$cp_ms" -v w="$w" 'BEGIN { printf "%s: Carepath is %.0f× faster than elkjs keeping the lanes\n\n", w, a / b }'
  done
done
