#!/usr/bin/env bash
# Runs inside `dbus-run-session`: the app under Xvfb with AT-SPI on, walked room by room.
# Usage: rooms.sh OUTDIR PYTHON ; writes OUTDIR/<room>.json for main, panels, presenter, play.
set -u
out=$1 python=$2
mkdir -p "$out/home"
export HOME="$out/home" XDG_CONFIG_HOME="$out/home/config" XDG_DATA_HOME="$out/home/data"
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
display=:$((500 + RANDOM % 300))
# no key repeat while a key is held (-ardelay): a grown-up's 2.8 s hold of Escape stays one press
# however loaded the machine is (Qt tells repeats apart by timing, which load can upset)
Xvfb "$display" -screen 0 1280x720x24 -nolisten tcp -ardelay 60000 >/dev/null 2>&1 &
xvfb=$!
export DISPLAY=$display QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 QT_ACCESSIBILITY=1
unset QT_QPA_PLATFORM
for launcher in /usr/libexec/at-spi-bus-launcher /usr/lib/at-spi2-core/at-spi-bus-launcher; do
  [ -x "$launcher" ] && { "$launcher" --launch-immediately >/dev/null 2>&1 & bus=$!; break; }
done
# wait for the X server (no fixed sleep: ask it)
for _ in $(seq 100); do xdotool getmouselocation >/dev/null 2>&1 && break; sleep 0.1; done
(cd "$root" && exec "$python" main.py --topic car-t >"$out/app.log" 2>&1) &
app=$!
walk() { /usr/bin/python3 "$here/walk.py" "ALL Explainer" "$2" >"$out/$1.json"; }
key() {
  local win
  win=$(xdotool search --onlyvisible --pid "$app" 2>/dev/null | tail -1)
  if [ -n "$win" ]; then
    xdotool windowactivate --sync "$win" >/dev/null 2>&1 || xdotool windowfocus "$win" \
      >/dev/null 2>&1 || true
  fi
  case "$1" in
    keydown) xdotool keydown "$2" ;;
    *) xdotool key --delay 120 "$@" ;;
  esac
}
walk main "Restart"
key F9; walk glossary "What the word means"
key F8; walk notebook "Pick a question from this topic"
key F8
key F5; walk presenter "Stage"
key Escape
key F7; walk play "Build a super cell"
key Return; walk play-build "Push part, in the parts box"
# a grown-up holds Escape to leave (a quick press does nothing), then opens the other game
key keydown Escape; sleep 2.8; xdotool keyup Escape
key F7; key Tab Return; walk play-find "Find the flags: the play area"
kill "$app" "${bus:-}" "$xvfb" 2>/dev/null
wait "$app" 2>/dev/null
exit 0
