#!/usr/bin/env bash
# Installs what building and running the desktop app needs, skipping what is there already
# (Debian packages through install-deps.sh, the UI's npm packages with npm ci), then builds
# ui/dist and the self-contained app binary (ui/dist embedded: feature custom-protocol).
# Sourced by run-app.sh and test-e2e.sh; exports CAREPATH_APP (the binary).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Debian packages (skips what is installed); --test adds Xvfb, WebKitWebDriver, ImageMagick
"$root/scripts/install-deps.sh" --test

(cd "$root/ui" && { [ -d node_modules ] && npm ls --depth=0 >/dev/null 2>&1 || npm ci --no-audit --no-fund; } && npm run build)

target="${CARGO_TARGET_DIR:-$root/target}"
cargo build --manifest-path "$root/Cargo.toml" -p carepath-desktop --features custom-protocol
export CAREPATH_APP="$target/debug/carepath-desktop"
echo "built $CAREPATH_APP"
