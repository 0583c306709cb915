#!/usr/bin/env bash
# Builds Carepath's Debian and RPM packages: the desktop app (carepath-desktop) and the
# command line (carepath, which runs the app's binary as `carepath-desktop --cli`, so the core
# is in the package once), with the release profile (thin LTO, stripped), icons, the desktop
# entry in English and Norwegian and the application/x-carepath MIME type.
#   scripts/package.sh [OUT_DIR]     packages land in OUT_DIR (default: $CARGO_TARGET_DIR/packages)
# Prints the path of each package built. AppImage, MSI and DMG need other machines (see README).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
scripts/install-deps.sh
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
out="${1:-$CARGO_TARGET_DIR/packages}"

if [[ ! -x ui/node_modules/.bin/tauri || ui/package-lock.json -nt ui/node_modules/.package-lock.json ]]; then
  (cd ui && npm ci --no-audit --no-fund --loglevel=error)
fi
# the app embeds ui/dist: rebuilt only when something it is made from changed, since a new
# dist makes cargo build the release app again
if [[ ! -f ui/dist/index.html ]] || [[ -n "$(find ui/src ui/index.html ui/userGuide.ts ui/vite.config.ts ui/package-lock.json docs/desktop.md docs/screenshots -newer ui/dist/index.html -print -quit)" ]]; then
  (cd ui && npm run -s build)
fi

echo "== the app, release profile, and its packages (Tauri's bundler)" >&2
ui/node_modules/.bin/tauri build --ci --bundles deb,rpm -- --locked >&2

mkdir -p "$out"
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
bundle="$CARGO_TARGET_DIR/release/bundle"
deb="$out/carepath_${version}_amd64.deb"
# Tauri's bundler compresses with gzip; Debian's own packages use xz, a third smaller here
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dpkg-deb -R "$bundle/deb/Carepath_${version}_amd64.deb" "$work/root"
dpkg-deb --root-owner-group -Zxz -z9 -b "$work/root" "$deb" >/dev/null
cp "$bundle/rpm/Carepath-${version}-1.x86_64.rpm" "$out/carepath-${version}-1.x86_64.rpm"
echo "$deb"
echo "$out/carepath-${version}-1.x86_64.rpm"
