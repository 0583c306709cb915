#!/usr/bin/env bash
# Regenerates ui/src/generated/carepath.ts (and the schema it comes from) from the Rust types.
# Usage: gen-types.sh [OUT_DIR]   (default: write into the tree)
set -euo pipefail
ui="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$ui}"
mkdir -p "$out/schemas" "$out/src/generated"
cargo run --quiet --manifest-path "$ui/../Cargo.toml" -p carepath --example write_schemas -- "$out/schemas/carepath.schema.json"
node "$ui/scripts/schema-to-ts.mjs" "$out/schemas/carepath.schema.json" "$out/src/generated/carepath.ts"
