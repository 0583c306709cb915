#!/usr/bin/env bash
# Installs MkDocs with the Material theme into a private virtual environment (Debian's pip is
# externally managed) and prints the path of its `mkdocs`. Used by tests/report_mkdocs.rs and
# scripts/install-deps.sh --test. Idempotent; several callers at once are serialised by flock.
#   scripts/report/mkdocs-venv.sh        -> prints e.g. /root/.cache/carepath-venv/bin/mkdocs
set -euo pipefail
venv="${CAREPATH_VENV:-$HOME/.cache/carepath-venv}"
mkdir -p "$(dirname "$venv")"
exec 9>"$venv.lock"
flock 9
if ! "$venv/bin/mkdocs" --version >/dev/null 2>&1 || ! "$venv/bin/python" -c "import material" 2>/dev/null; then
  python3 -m venv "$venv" >&2 || { echo "python3 -m venv failed: install Debian's python3-venv" >&2; exit 1; }
  "$venv/bin/pip" install --quiet --disable-pip-version-check "mkdocs==1.6.1" "mkdocs-material==9.6.*" >&2
fi
echo "$venv/bin/mkdocs"
