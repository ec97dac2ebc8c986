#!/usr/bin/env bash
# Measures "app start to usable window": the JVM's uptime when the sign-in window is shown (DesktopLauncher logs it),
# over several cold starts under a private Xvfb display. Prints each run and the median. Optional: MADOGUCHI_JAVA_OPTS
# (e.g. an AppCDS archive, see docs/performance.md). Usage: scripts/measure-start.sh [runs]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-5}"
cd "$ROOT"
./mvnw -B -ntp -q -DskipTests -pl desktop-app -am package
APP="$ROOT/desktop-app/target"
WORK="$(mktemp -d)"
Xvfb :93 -screen 0 1600x1200x24 >/dev/null 2>&1 &
XVFB=$!
trap 'kill "$XVFB" 2>/dev/null || true; rm -rf "$WORK"' EXIT
sleep 1
# (the log goes to $WORK/logs through madoguchi.logDir)
# the demo store is created on the first start; measure the starts after it, as a clerk's morning start is
DISPLAY=:93 timeout 120 java ${MADOGUCHI_JAVA_OPTS:-} ${MADOGUCHI_FIRST_RUN_OPTS:-} -Dmadoguchi.logDir="$WORK/logs" -cp "$APP/desktop-app-0.1.0-SNAPSHOT.jar:$APP/lib/*" \
  dev.madoguchi.app.Main --data-dir "$WORK/data" --simulated-reader >/dev/null 2>&1 &
FIRST=$!
for _ in $(seq 1 120); do grep -q "sign-in shown" "$WORK/logs/madoguchi.log" 2>/dev/null && break; sleep 0.5; done
kill "$FIRST"; wait "$FIRST" 2>/dev/null || true
times=()
for i in $(seq 1 "$RUNS"); do
  rm -f "$WORK/logs/madoguchi.log"
  DISPLAY=:93 java ${MADOGUCHI_JAVA_OPTS:-} -Dmadoguchi.logDir="$WORK/logs" -cp "$APP/desktop-app-0.1.0-SNAPSHOT.jar:$APP/lib/*" \
    dev.madoguchi.app.Main --data-dir "$WORK/data" --simulated-reader >/dev/null 2>&1 &
  PID=$!
  for _ in $(seq 1 120); do grep -q "sign-in shown" "$WORK/logs/madoguchi.log" 2>/dev/null && break; sleep 0.2; done
  ms=$(sed -n 's/.*sign-in shown.* \([0-9]*\) ms after the JVM started.*/\1/p' "$WORK/logs/madoguchi.log" | tail -1)
  kill "$PID"; wait "$PID" 2>/dev/null || true
  echo "run $i: ${ms:-?} ms"
  times+=("${ms:-999999}")
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print "median: " a[int((NR+1)/2)] " ms"}'
