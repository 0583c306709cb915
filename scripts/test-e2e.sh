#!/usr/bin/env bash
# End-to-end test of the real desktop window: installs what is missing (Debian packages,
# tauri-driver, npm packages), builds the app, and runs tests/e2e under a virtual X server.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
source "$root/scripts/desktop-setup.sh"
# the CLI too: the export test compares the app's pictures with the CLI's
cargo build --manifest-path "$root/Cargo.toml" -p carepath --bin carepath
export CAREPATH_CLI="${CARGO_TARGET_DIR:-$root/target}/debug/carepath"
command -v tauri-driver >/dev/null || [ -x "$HOME/.cargo/bin/tauri-driver" ] || cargo install tauri-driver --locked
export PATH="$HOME/.cargo/bin:$PATH"
# the collaboration server, which the co-editing test starts
(cd "$root/server" && { [ -d node_modules ] && npm ls --depth=0 >/dev/null 2>&1 || npm ci --no-audit --no-fund; })
(cd "$root/tests/e2e" && { [ -d node_modules ] && npm ls --depth=0 >/dev/null 2>&1 || npm ci --no-audit --no-fund; })
cd "$root/tests/e2e"
# a stuck window must fail the run, not hang it; one run at a time on a machine (two
# windows under two X servers starve each other and time out)
timeout --kill-after=30 1800 flock /tmp/carepath-e2e.lock timeout --kill-after=30 1500 xvfb-run -a -s "-screen 0 1600x1000x24" npm test
