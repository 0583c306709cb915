#!/usr/bin/env bash
# The installable packages, checked the way an IT department and a user meet them:
# builds the .deb and .rpm (scripts/package.sh), inspects the .deb (files, dependencies, MIME
# type, desktop entry through desktop-file-validate), installs it with apt, runs the installed
# CLI (--version, new, validate), asks xdg-mime which application opens a .carepath file,
# starts the installed app under Xvfb on a file given as its argument and checks the window
# shows that document, launches it a second time with another file and checks the running
# window took the file over (one writer per document), then removes the package and checks
# nothing of it is left. The .rpm is inspected with rpm -qlp.
#
# Skipped with a plain message where dpkg is absent, where the test may not install packages
# (not root and no sudo), and where a carepath package is already installed (so running the
# tests never removes a user's own installation).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

say() { echo "package test: $*" >&2; }
fail() { echo "package test FAILED: $*" >&2; exit 1; }

command -v dpkg >/dev/null || { say "skipped: dpkg is absent, so no .deb can be installed here"; exit 0; }
sudo=""
if [[ $(id -u) -ne 0 ]]; then
  sudo -n true 2>/dev/null || { say "skipped: installing a package needs root or sudo without a password"; exit 0; }
  sudo="sudo -n"
fi
if dpkg-query -W -f='${Status}' carepath 2>/dev/null | grep -q "install ok installed"; then
  say "skipped: a carepath package is installed on this machine already; the test installs and removes its own, so it leaves yours alone"
  exit 0
fi

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
work="$(mktemp -d /tmp/carepath-package.XXXXXX)"
app_pid=""
cleanup() {
  [[ -n "$app_pid" ]] && kill -TERM "$app_pid" 2>/dev/null || true
  if dpkg-query -W -f='${Status}' carepath 2>/dev/null | grep -q "install ok installed"; then
    $sudo apt-get remove --purge -y -qq carepath >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

say "building the packages"
scripts/package.sh "$work/out" > "$work/built.txt"
deb="$(grep '\.deb$' "$work/built.txt")"
rpm_file="$(grep '\.rpm$' "$work/built.txt")"
[[ -f "$deb" ]] || fail "scripts/package.sh made no .deb (it printed: $(cat "$work/built.txt"))"

say "inspecting $deb"
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's#^\./#/#' > "$work/deb-files.txt"
for f in /usr/bin/carepath-desktop /usr/bin/carepath /usr/share/applications/Carepath.desktop \
         /usr/share/mime/packages/carepath.xml /usr/share/icons/hicolor/scalable/apps/carepath-desktop.svg; do
  grep -qx "$f" "$work/deb-files.txt" || fail "$deb does not hold $f"
done
for size in 16x16 24x24 32x32 48x48 64x64 128x128 256x256 512x512; do
  grep -qx "/usr/share/icons/hicolor/$size/apps/carepath-desktop.png" "$work/deb-files.txt" || fail "$deb has no $size icon"
done
dpkg-deb -I "$deb" > "$work/control.txt"
depends="$(sed -n 's/^ Depends: //p' "$work/control.txt")"
for d in libwebkit2gtk-4.1-0 libgtk-3-0 shared-mime-info desktop-file-utils; do
  [[ "$depends" == *"$d"* ]] || fail "$deb does not depend on $d (Depends: $depends)"
done
grep -q "^ Package: carepath$" "$work/control.txt" || fail "the package is not called carepath"
mkdir -p "$work/deb"
dpkg-deb -x "$deb" "$work/deb"
desktop="$work/deb/usr/share/applications/Carepath.desktop"
desktop-file-validate "$desktop" || fail "desktop-file-validate refuses $desktop"
grep -qx "MimeType=application/x-carepath;" "$desktop" || fail "the desktop entry does not open application/x-carepath"
grep -qx "Exec=carepath-desktop %f" "$desktop" || fail "the desktop entry does not hand the file to the app: $(grep ^Exec "$desktop")"
grep -q "^Comment\[nb\]=" "$desktop" && grep -q "^GenericName\[nb\]=" "$desktop" || fail "the desktop entry has no Norwegian text"
xmllint --noout "$work/deb/usr/share/mime/packages/carepath.xml" || fail "the MIME type file is not well-formed XML"
grep -q 'glob pattern="\*.carepath"' "$work/deb/usr/share/mime/packages/carepath.xml" || fail "the MIME type does not match *.carepath"
size_kb=$(( $(stat -c %s "$deb") / 1024 ))
installed_kb="$(sed -n 's/^ Installed-Size: //p' "$work/control.txt")"
# the figure against the 15 MB goal is recorded in docs/performance.md (scripts/package/figures.sh)
say ".deb: ${size_kb} KB, installed ${installed_kb} KB"

if [[ -n "$rpm_file" ]] && command -v rpm >/dev/null; then
  say "inspecting $rpm_file"
  rpm -qlp "$rpm_file" > "$work/rpm-files.txt" 2>/dev/null
  for f in /usr/bin/carepath-desktop /usr/bin/carepath /usr/share/applications/Carepath.desktop /usr/share/mime/packages/carepath.xml; do
    grep -qx "$f" "$work/rpm-files.txt" || fail "$rpm_file does not hold $f"
  done
  rpm -qp --requires "$rpm_file" 2>/dev/null | grep -q "libwebkit2gtk-4.1.so" || fail "$rpm_file does not require WebKitGTK"
else
  say "rpm is not installable here: the .rpm is built but not inspected"
fi

say "installing with apt"
$sudo apt-get install -y -qq "$deb" >/dev/null
[[ "$(command -v carepath)" == /usr/bin/carepath ]] || fail "carepath is not on the PATH after installing"
version="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)"
[[ "$(carepath --version)" == "carepath $version" ]] || fail "carepath --version says '$(carepath --version)'"
[[ "$(carepath-desktop --version)" == "carepath-desktop $version" ]] || fail "carepath-desktop --version says '$(carepath-desktop --version)'"

docs="$work/Dokumenter"
mkdir -p "$docs"
carepath new "$docs/KOLS forløp.carepath" --template copd --title "Pakketest KOLS" >/dev/null
carepath new "$docs/hjertesvikt.carepath" --template heart-failure --title "Pakketest hjertesvikt" >/dev/null
carepath validate "$docs/KOLS forløp.carepath" >/dev/null || fail "the installed CLI does not validate the document it made"

# asked as a GNOME desktop asks (gio, the shared MIME database: the *.carepath glob over the
# SQLite content it is a subclass of; xdg-mime's generic mode only runs file(1) on the content)
filetype="$(XDG_CURRENT_DESKTOP=GNOME xdg-mime query filetype "$docs/KOLS forløp.carepath")"
[[ "$filetype" == application/x-carepath ]] || fail "the desktop does not know a .carepath file: $filetype"
[[ "$(xdg-mime query default application/x-carepath)" == Carepath.desktop ]] \
  || fail "Carepath is not the default application for .carepath files: '$(xdg-mime query default application/x-carepath)'"

say "starting the installed app on a file, then handing it a second one"
cat > "$work/window.sh" <<'EOF'
set -euo pipefail
export HOME="$1/home" XDG_CONFIG_HOME="$1/home/.config" XDG_DATA_HOME="$1/home/.local/share"
mkdir -p "$HOME"
# as the desktop starts it from a double-click: Exec=carepath-desktop %f
carepath-desktop "$2" > "$1/app.log" 2>&1 &
echo $! > "$1/app.pid"
xdotool search --sync --name "^Pakketest KOLS — Carepath$" >/dev/null
# the pathway drawn: hundreds of colours (lanes, steps, text) where a blank window has a few
drawn() { for _ in $(seq 60); do import -window root "$1"; (( $(identify -format %k "$1") > 400 )) && return 0; sleep 0.5; done; return 1; }
drawn "$1/first.png" || { echo "the window shows no pathway" >&2; exit 1; }
# a second launch with another file: it must hand the file over and end
timeout 30 carepath-desktop "$3" >> "$1/second.log" 2>&1 || { echo "the second launch did not end by itself" >&2; exit 1; }
timeout 30 xdotool search --sync --name "^Pakketest hjertesvikt — Carepath$" >/dev/null || { echo "the running window did not take the second file" >&2; exit 1; }
[[ $(pgrep -c -f "^carepath-desktop ") -eq 1 ]] || { echo "two Carepath processes run" >&2; exit 1; }
# the title changes first; then the canvas draws the other pathway
redrawn() { for _ in $(seq 60); do import -window root "$1/second.png"; (( $(identify -format %k "$1/second.png") > 400 )) && (( $(compare -metric AE "$1/first.png" "$1/second.png" null: 2>&1 | cut -d' ' -f1 | cut -d. -f1) > 20000 )) && return 0; sleep 0.5; done; return 1; }
redrawn "$1" || { echo "the window does not show the second pathway after the hand-over" >&2; exit 1; }
kill -TERM "$(cat "$1/app.pid")"
for _ in $(seq 50); do kill -0 "$(cat "$1/app.pid")" 2>/dev/null || exit 0; sleep 0.2; done
echo "the app did not end on SIGTERM" >&2
exit 1
EOF
timeout 120 dbus-run-session -- xvfb-run -a -s "-screen 0 1600x1000x24" \
  bash "$work/window.sh" "$work" "$docs/KOLS forløp.carepath" "$docs/hjertesvikt.carepath" \
  || { cat "$work/app.log" >&2 || true; fail "the installed app did not show the documents it was given"; }
if [[ -n "${CAREPATH_PACKAGE_SHOTS:-}" ]]; then cp "$work/first.png" "$work/second.png" "$CAREPATH_PACKAGE_SHOTS/"; fi
carepath validate "$docs/KOLS forløp.carepath" >/dev/null || fail "the document the app had open no longer validates"

say "removing the package"
dpkg -L carepath > "$work/installed.txt"
$sudo apt-get remove --purge -y -qq carepath >/dev/null
left=()
while read -r f; do
  [[ -f "$f" || -L "$f" ]] && left+=("$f")
done < "$work/installed.txt"
((${#left[@]} == 0)) || fail "removing the package left files behind: ${left[*]}"
[[ ! -e /usr/share/mime/application/x-carepath.xml ]] || fail "the MIME database still knows application/x-carepath"
[[ "$(xdg-mime query default application/x-carepath)" != Carepath.desktop ]] || fail "Carepath is still the default application after removal"
hash -r
command -v carepath >/dev/null && fail "carepath is still on the PATH after removal"
say "passed"
