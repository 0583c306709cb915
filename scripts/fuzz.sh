#!/usr/bin/env bash
# Runs the core's fuzz targets (cargo-fuzz, libFuzzer; fuzz/README.md) for SECONDS each and
# prints the executions per target and in total. Fails on the first crash, hang or
# out-of-memory; the input that did it is kept in fuzz/artifacts/TARGET/.
#   scripts/fuzz.sh [SECONDS] [TARGET ...]     (default: 30 s each, every target)
# The committed corpora in fuzz/corpus/ are the seeds; a run works on a copy of them, so CI
# runs do not change the repository (run with CAREPATH_FUZZ_KEEP=1 to grow the corpora).
# CAREPATH_FUZZ_FLAGS adds libFuzzer flags (e.g. -max_len=4096 for many small inputs).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
secs="${1:-30}"
shift || true
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(json_import bpmn_import open_bytes edits)

export PATH="$HOME/.cargo/bin:$PATH"
rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
# its own build folder: the sanitizer flags would otherwise rebuild the main one
export CARGO_TARGET_DIR="${CAREPATH_FUZZ_TARGET_DIR:-$HOME/.cache/carepath-fuzz-target}"
cd "$root/fuzz"
cargo +nightly fuzz build -O

total=0
for t in "${targets[@]}"; do
  if [[ -n "${CAREPATH_FUZZ_KEEP:-}" ]]; then
    work="corpus/$t"
  else
    work="$(mktemp -d)"
    cp -r "corpus/$t/." "$work/"
  fi
  extra=()
  # the BPMN reference models beside the project are seeds too (read, never written)
  if [[ $t == bpmn_import && -d "$root/../shared/fixtures/bpmn/miwg" ]]; then
    extra+=("$root/../shared/fixtures/bpmn/miwg")
  fi
  log="$(mktemp)"
  if ! cargo +nightly fuzz run -O "$t" "$work" "${extra[@]}" -- \
      -max_total_time="$secs" -rss_limit_mb=2048 -timeout=20 -print_final_stats=1 ${CAREPATH_FUZZ_FLAGS:-} >"$log" 2>&1; then
    tail -n 60 "$log" >&2
    echo "fuzz: $t found a failure (input in fuzz/artifacts/$t/)" >&2
    exit 1
  fi
  runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)"
  echo "fuzz: $t: ${runs:-0} executions in ${secs} s, no failure"
  total=$((total + ${runs:-0}))
  [[ -n "${CAREPATH_FUZZ_KEEP:-}" ]] || rm -rf "$work"
  rm -f "$log"
done
echo "fuzz: ${total} executions in total"
