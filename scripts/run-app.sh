#!/usr/bin/env bash
# Builds the Carepath desktop app and starts it. With no arguments it opens the last
# document, or creates the COPD example in the app data dir on first start.
# Usage: scripts/run-app.sh [--file PATH.carepath]
# Without a display (no $DISPLAY) it runs under xvfb-run.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
source "$root/scripts/desktop-setup.sh"
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec "$CAREPATH_APP" "$@"
else
  echo "no display: running under xvfb-run"
  exec xvfb-run -a -s "-screen 0 1600x1000x24" "$CAREPATH_APP" "$@"
fi
