#!/usr/bin/env bash
# Measures the canvas with a generated pathway of STEPS steps (default 1000) in headless
# Chromium: open time, frame times while zooming and dragging, what one edit re-renders.
#   scripts/ui-bench/run.sh [STEPS]        (from anywhere; needs cargo, node, /usr/bin/chromium)
# The shell's calls are answered from files the core writes (examples/ui_bench_fixture.rs).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
steps="${1:-1000}"
fixture="$(mktemp -d)"
trap 'rm -rf "$fixture"' EXIT
cd "$root"
cargo run --quiet --release --example ui_bench_fixture -- "$steps" "$fixture"
(cd ui && { [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error; } && npx vite build --logLevel error --config vite.bench.config.ts)
(cd scripts/ui-bench && { [ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund --loglevel=error; })
node scripts/ui-bench/run.mjs "$root/ui/dist-bench" "$fixture" "${@:2}"
