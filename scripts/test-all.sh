#!/usr/bin/env bash
# Runs every Carepath test: core and CLI, the desktop shell, the UI checks, the real-window
# end-to-end test under Xvfb, and the installable packages. Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh --test
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/carepath-target}"
export CARGO_PROFILE_DEV_DEBUG="${CARGO_PROFILE_DEV_DEBUG:-0}"

if [[ -f ui/package.json ]]; then
  echo "== UI: install, generated types up to date, unit tests, build" >&2
  (cd ui && npm ci --no-audit --no-fund --loglevel=error)
  (cd ui && npm run --if-present check:types)
  (cd ui && npm run --if-present test)
  (cd ui && npm run build)
fi

echo "== Node helpers the Rust tests call (bpmn-moddle, bpmn-js, playwright-core)" >&2
(cd scripts/bpmn && npm ci --no-audit --no-fund --loglevel=error)
(cd scripts/report && npm ci --no-audit --no-fund --loglevel=error)
(cd scripts/elk && npm ci --no-audit --no-fund --loglevel=error)

echo "== Rust: core, CLI, store, desktop shell" >&2
if cargo nextest --version >/dev/null 2>&1; then
  cargo nextest run --workspace --no-fail-fast
else
  cargo test --workspace --no-fail-fast
fi

echo "== Collaboration server: Hocuspocus with tokens and SQLite; clients and core-backed participants on loopback" >&2
cargo build --bin carepath
export CAREPATH_CLI="$CARGO_TARGET_DIR/debug/carepath"
(cd server && npm ci --no-audit --no-fund --loglevel=error && npm test)

if [[ -x scripts/test-e2e.sh ]]; then
  echo "== Desktop: real window end to end" >&2
  scripts/test-e2e.sh
fi

echo "== Packages: build the .deb and .rpm, install, open a file in the installed app, remove" >&2
tests/package/run.sh

echo "== Fuzzing: every target of fuzz/ for a short while (the long runs: docs/reliability.md)" >&2
scripts/fuzz.sh "${CAREPATH_FUZZ_SECONDS:-30}"
