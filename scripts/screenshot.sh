#!/usr/bin/env bash
# Takes a screenshot of the real window under Xvfb on a fresh COPD example.
# Usage: scripts/screenshot.sh [OUT.png]   (default docs/screenshots/app.png)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$(realpath -m "${1:-$root/docs/screenshots/app.png}")"
source "$root/scripts/desktop-setup.sh"
mkdir -p "$(dirname "$out")"
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" XDG_CACHE_HOME="$home/cache" LANGUAGE="nb_NO:nb" \
  xvfb-run -a -s "-screen 0 1440x900x24" bash -c '
    "$0" & app=$!
    sleep "${CAREPATH_SHOT_DELAY:-8}"
    import -window root "$1"
    kill -TERM $app; wait $app || true' "$CAREPATH_APP" "$out"
echo "wrote $out"
