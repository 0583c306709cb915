#!/usr/bin/env bash
# The figures of an installable Carepath (docs/performance.md, "Packages"):
#   scripts/package/figures.sh [APP] [DEB]
# APP: the app binary to start (default: the installed /usr/bin/carepath-desktop, else the
# release build); DEB: the package whose size to print (optional).
# Prints the package and installed sizes, the time from starting the app on the COPD example
# until the pathway is on screen (first paint: screenshots of the virtual display taken
# back to back until the canvas shows the drawn pathway, so the figure is good to the time
# one screenshot takes, printed too), and the memory after opening it (resident set of the
# app process, and the proportional set of the app with its WebKit processes). Five starts
# (RUNS="1 2" for two), each on a fresh profile; runs under its own Xvfb and D-Bus session.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
app="${1:-}"
if [[ -z "$app" ]]; then
  app="$(command -v carepath-desktop || echo "${CARGO_TARGET_DIR:-$root/target}/release/carepath-desktop")"
fi
[[ -x "$app" ]] || { echo "figures: no app at $app (install the package or run scripts/package.sh)" >&2; exit 2; }
deb="${2:-}"
if [[ -n "$deb" ]]; then
  echo "package: $(( $(stat -c %s "$deb") / 1024 )) KB ($(basename "$deb")), installed size $(dpkg-deb -f "$deb" Installed-Size) KB"
fi
echo "app: $app ($(( $(stat -c %s "$app") / 1024 )) KB)"

inner="$(mktemp /tmp/carepath-figures.XXXXXX.sh)"
trap 'rm -f "$inner"' EXIT
cat > "$inner" <<'EOF'
set -euo pipefail
app="$1"
# the canvas region of a 1440 × 900 window at the top left of the display, below the toolbar
region="1000x560+300+260"
blank_colours() { import -window root -crop "$region" +repage -format "%k" info:; }
for run in ${RUNS:-1 2 3 4 5}; do
  home="$(mktemp -d /tmp/carepath-figures-home.XXXXXX)"
  start=$(date +%s%N)
  HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" "$app" > "$home/app.log" 2>&1 &
  pid=$!
  shots=0 painted=""
  while (( $(date +%s%N) - start < 20000000000 )); do
    colours=$(blank_colours 2>/dev/null || echo 0)
    shots=$((shots + 1))
    # the drawn pathway: lanes, coloured steps and their text give hundreds of colours;
    # an empty display, a blank window or the lanes alone give a handful
    if (( colours > 400 )); then painted=$(date +%s%N); break; fi
  done
  [[ -n "$painted" ]] || { echo "run $run: the pathway was not drawn within 20 s" >&2; kill -TERM $pid; exit 1; }
  per_shot=$(( (painted - start) / shots / 1000000 ))
  sleep 2
  rss=$(awk '/^VmRSS/ {print int($2/1024)}' /proc/$pid/status)
  pss=0
  family=$pid queue=$pid
  while [[ -n "$queue" ]]; do
    next=""
    for q in $queue; do next="$next $(pgrep -P "$q" | tr '\n' ' ' || true)"; done
    queue="$(echo $next)"
    family="$family $queue"
  done
  for p in $family; do
    v=$(awk '/^Pss:/ {print $2}' /proc/$p/smaps_rollup 2>/dev/null || echo 0)
    pss=$((pss + ${v:-0}))
  done
  echo "run $run: first paint $(( (painted - start) / 1000000 )) ms (one screenshot ≈ ${per_shot} ms), app resident ${rss} MB, app with its WebKit processes ${pss} KB PSS ($((pss / 1024)) MB)"
  kill -TERM $pid
  wait $pid 2>/dev/null || true
  rm -rf "$home"
done
EOF
dbus-run-session -- xvfb-run -a -s "-screen 0 1600x1000x24" bash "$inner" "$app"
