#!/usr/bin/env bash
# Installs what Carepath needs on Debian/Ubuntu, skipping what is already there.
#   scripts/install-deps.sh            build + run dependencies of the desktop app
#   scripts/install-deps.sh --test     also what the tests use (Xvfb, WebKit driver, validators,
#                                      Chromium for rendering the BPMN export with bpmn-js and the
#                                      HTML report, LibreOffice for reading back the Word and
#                                      Excel reports, MkDocs Material in a venv for the Markdown,
#                                      rpm, desktop-file-utils and xdg-utils for the package test,
#                                      redis-server for two collaboration server processes)
set -euo pipefail

packages=(libwebkit2gtk-4.1-dev build-essential pkg-config file libssl-dev libxdo-dev
          libayatana-appindicator3-dev librsvg2-dev curl fonts-dejavu-core)
if [[ "${1:-}" == "--test" ]]; then
  packages+=(xvfb xauth webkit2gtk-driver imagemagick libxml2-utils sqlite3 poppler-utils chromium
            libreoffice-writer-nogui libreoffice-calc-nogui python3-venv
            rpm desktop-file-utils shared-mime-info xdg-utils xdotool libglib2.0-bin dbus-daemon
            redis-server)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  echo "installing: ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

command -v cargo >/dev/null || { echo "Rust is missing: install it from rustup (https://rustup.rs), then rerun" >&2; exit 1; }
command -v npm >/dev/null || { echo "Node.js 20+ with npm is missing: install it, then rerun" >&2; exit 1; }

if [[ "${1:-}" == "--test" ]]; then
  # MkDocs with the Material theme (PyPI) in a private venv: Debian's pip is externally managed
  "$(dirname "$0")/report/mkdocs-venv.sh" >/dev/null
  # the FHIR R4 structural validator (fhir.resources 6.4.0) in a venv of its own
  "$(dirname "$0")/fhir/venv.sh" >/dev/null
fi
