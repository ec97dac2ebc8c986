#!/usr/bin/env bash
# Measures "sign-in to a ready counter" in the real application, cold: one fresh `./madoguchi` process per run (its JVM
# options and AppCDS archive) under a private Xvfb at 1366×768, on one existing demo store. xdotool signs in as a person
# would (Tab to the passphrase, type it, Enter); the application's own log line "signed in: store opened in … ms, main
# window ready … ms later" gives both parts, and "key derived in … ms" the passphrase's key derivation inside the first. Run 0 creates the demo store (and the AppCDS archive) and is not counted.
# Prints each run, the medians and the load average. Needs Xvfb and xdotool (Debian: xvfb xdotool).
# Usage: scripts/measure-sign-in.sh [runs]   (default 10)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-10}"
PASSPHRASE="${MADOGUCHI_MEASURE_PASSPHRASE:-madoguchi-demo}"
for tool in Xvfb xdotool; do
  command -v "$tool" >/dev/null || { echo "measure-sign-in: $tool is missing (Debian: apt-get install xvfb xdotool)" >&2; exit 1; }
done
cd "$ROOT"
WORK="$(mktemp -d)"
DISPLAY_NO=:$((90 + RANDOM % 9))
Xvfb "$DISPLAY_NO" -screen 0 1366x768x24 -noreset >/dev/null 2>&1 &
XVFB=$!
APP_PID=
cleanup() {
  [[ -n "$APP_PID" ]] && kill "$APP_PID" 2>/dev/null || true
  kill "$XVFB" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
sleep 1
LOG="$WORK/data/logs/madoguchi.log"

# one_run: start, wait for the sign-in window, sign in, wait for the log line; prints "store window derivation" in ms
one_run() {
  rm -f "$LOG"
  DISPLAY=$DISPLAY_NO ./madoguchi --data-dir "$WORK/data" --simulated-reader >"$WORK/console.txt" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 600); do grep -q "sign-in shown" "$LOG" 2>/dev/null && break; sleep 0.1; done
  sleep 1.5 # the window has focus and the warm-up has begun; a person reads the screen for longer than this
  local win
  win=$(DISPLAY=$DISPLAY_NO xdotool search --sync --onlyvisible --pid "$APP_PID" 2>/dev/null | head -1 || true)
  [[ -n "$win" ]] && DISPLAY=$DISPLAY_NO xdotool windowactivate --sync "$win" 2>/dev/null || true
  DISPLAY=$DISPLAY_NO xdotool key --delay 80 Tab
  DISPLAY=$DISPLAY_NO xdotool type --delay 40 "$PASSPHRASE"
  DISPLAY=$DISPLAY_NO xdotool key Return
  for _ in $(seq 1 1200); do grep -q "signed in: store opened" "$LOG" 2>/dev/null && break; sleep 0.1; done
  local parts derived
  parts=$(sed -n 's/.*signed in: store opened in \([0-9]*\) ms, main window ready \([0-9]*\) ms later.*/\1 \2/p' "$LOG" | tail -1)
  derived=$(sed -n 's/.*key derived in \([0-9]*\) ms.*/\1/p' "$LOG" | tail -1)
  echo "$parts ${derived:-?}"
  kill "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=
}

echo "run 0 (creates the demo store and the AppCDS archive; not counted): $(one_run)"
stores=() windows=() derivations=() afters=()
for i in $(seq 1 "$RUNS"); do
  read -r s w d < <(one_run; echo) || true
  after=$(( ${s:-999999} - ${d:-0} + ${w:-999999} ))
  echo "run $i: key derived ${d:-?} ms; store opened ${s:-?} ms; main window ready ${w:-?} ms later;" \
    "after the derivation: $after ms (load $(cut -d' ' -f1 /proc/loadavg))"
  stores+=("${s:-999999}") windows+=("${w:-999999}") derivations+=("${d:-999999}") afters+=("$after")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "medians: key derivation $(median "${derivations[@]}") ms; store opened $(median "${stores[@]}") ms;" \
  "main window ready after it $(median "${windows[@]}") ms; sign-in to a ready counter after the derivation" \
  "$(median "${afters[@]}") ms"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; $(java -version 2>&1 | head -1)"
