#!/usr/bin/env bash
# Installs the FHIR R4 (4.0.1) structural validator the tests use into a private virtual
# environment and prints the path of its python: the PyPI package fhir.resources 6.4.0, whose
# models are FHIR 4.0.1 (R4; later 6.x releases are R4B), on pydantic 1 as it requires.
# Works offline once installed. Used by tests/fhir.rs and scripts/install-deps.sh --test.
#   scripts/fhir/venv.sh        -> prints e.g. /root/.cache/carepath-fhir-venv/bin/python
set -euo pipefail
venv="${CAREPATH_FHIR_VENV:-$HOME/.cache/carepath-fhir-venv}"
mkdir -p "$(dirname "$venv")"
exec 9>"$venv.lock"
flock 9
if ! "$venv/bin/python" -c "import fhir.resources as f; assert f.__fhir_version__ == '4.0.1'" 2>/dev/null; then
  python3 -m venv "$venv" >&2 || { echo "python3 -m venv failed: install Debian's python3-venv" >&2; exit 1; }
  "$venv/bin/pip" install --quiet --disable-pip-version-check "fhir.resources==6.4.0" "pydantic>=1.10,<2" >&2
fi
echo "$venv/bin/python"
