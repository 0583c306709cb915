#!/usr/bin/env bash
# Fails when the committed generated types differ from what the Rust types give now.
set -euo pipefail
ui="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
bash "$ui/scripts/gen-types.sh" "$tmp"
status=0
for f in schemas/carepath.schema.json src/generated/carepath.ts; do
  if ! diff -u "$ui/$f" "$tmp/$f"; then
    echo "ui/$f is stale: run 'npm run gen:types' in ui/ and commit the result" >&2
    status=1
  fi
done
[ $status -eq 0 ] && echo "generated types are up to date"
exit $status
