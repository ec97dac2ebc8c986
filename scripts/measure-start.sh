#!/usr/bin/env bash
# Measures "app start to usable window": how long after its start the app shows the sign-in window, under a private
# Xvfb display, over several starts. The first start (a fresh data directory: it creates the demo store; with AppCDS
# it writes the class-data archive on exit) is reported on its own, then RUNS starts on the same data directory and
# their medians. Each start gives three numbers:
#   jvm   the JVM's uptime when the window was shown (DesktopLauncher's log line "sign-in shown … ms after the JVM
#         started"; the time before the JVM exists is not in it)
#   wall  from the command's start to the log line (what a clerk waits; includes the launcher)
#   cpu   user + system CPU time of the process at that moment (less sensitive to other load than the two above)
#
# Usage:
#   scripts/measure-start.sh [runs]                  the checkout's jars, plain `java` + MADOGUCHI_JAVA_OPTS (default 5)
#   scripts/measure-start.sh --madoguchi [runs]      through ./madoguchi (its JVM options and its AppCDS archive)
#   scripts/measure-start.sh --image PATH [runs]     an installed app: PATH is an app image folder (bin/Madoguchi),
#                                                    its tarball (madoguchi-*.tar.gz) or the .deb (extracted to a
#                                                    temporary root, not installed: another path than the build's,
#                                                    as after an install); HOME is a fresh folder (a new user)
# Environment: MADOGUCHI_JAVA_OPTS (first form only), MADOGUCHI_FIRST_RUN_OPTS (first form, first start only).
# The load average is printed before and after: numbers from a loaded machine are upper bounds (docs/performance.md).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODE=checkout
IMAGE=""
case "${1:-}" in
  --image) MODE=image; IMAGE="${2:?--image needs a path}"; shift 2 ;;
  --madoguchi) MODE=madoguchi; shift ;;
  -h|--help) sed -n '2,21p' "${BASH_SOURCE[0]}"; exit 0 ;;
esac
RUNS="${1:-5}"
[[ "$RUNS" =~ ^[0-9]+$ ]] || { echo "measure-start: runs must be a number, not '$RUNS'" >&2; exit 2; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/madoguchi-measure-start.XXXXXX")"
XVFB=""
APP_PID=""
cleanup() {
  [[ -n "$APP_PID" ]] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
  [[ -n "$XVFB" ]] && kill "$XVFB" 2>/dev/null && wait "$XVFB" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

case "$MODE" in
  checkout)
    (cd "$ROOT" && ./mvnw -B -ntp -q -DskipTests -pl desktop-app -am package)
    APP="$ROOT/desktop-app/target"
    command_line() { # $1 = 1 on the first start
      local extra=()
      [[ "$1" == 1 ]] && extra=(${MADOGUCHI_FIRST_RUN_OPTS:-})
      echo java ${MADOGUCHI_JAVA_OPTS:-} "${extra[@]}" -cp "$APP/desktop-app-0.1.0-SNAPSHOT.jar:$APP/lib/*" \
        dev.madoguchi.app.Main
    }
    ;;
  madoguchi)
    command_line() { echo "$ROOT/madoguchi"; }
    ;;
  image)
    case "$IMAGE" in
      *.deb)
        dpkg-deb -x "$IMAGE" "$WORK/root"
        APP_DIR="$WORK/root/opt/madoguchi" ;;
      *.tar.gz|*.tgz)
        mkdir -p "$WORK/root"
        tar -xzf "$IMAGE" -C "$WORK/root"
        APP_DIR="$WORK/root/Madoguchi" ;;
      *)
        APP_DIR="$(cd "$IMAGE" && pwd)" ;;
    esac
    [[ -x "$APP_DIR/bin/Madoguchi" ]] || { echo "measure-start: no bin/Madoguchi in $APP_DIR" >&2; exit 2; }
    # a fresh home: JavaFX's native-library cache starts from nothing, as for a new user
    export HOME="$WORK/home"
    mkdir -p "$HOME"
    command_line() { echo "$APP_DIR/bin/Madoguchi"; }
    archive="no AOT cache of the app"
    grep -q '^java-options=-XX:AOTCache=\$APPDIR/madoguchi.aot' "$APP_DIR/lib/app/Madoguchi.cfg" && archive="AOT cache lib/app/madoguchi.aot, $(du -h "$APP_DIR/lib/app/madoguchi.aot" | cut -f1)"
    echo "image: $APP_DIR (Java $(sed -n 's/^JAVA_VERSION="\(.*\)"$/\1/p' "$APP_DIR/lib/runtime/release"), $archive)"
    ;;
esac

display=93
while [[ -e /tmp/.X11-unix/X$display || -e /tmp/.X$display-lock ]]; do display=$((display + 1)); done
Xvfb ":$display" -screen 0 1600x1200x24 -nolisten tcp >/dev/null 2>&1 &
XVFB=$!
for _ in $(seq 1 50); do [[ -e /tmp/.X11-unix/X$display ]] && break; sleep 0.1; done

DATA="$WORK/data"
LOG="$DATA/logs/madoguchi.log"
TICKS=$(getconf CLK_TCK)
echo "load average before: $(cut -d ' ' -f 1-3 /proc/loadavg) ($(nproc) cores)"

# start FIRST: one start to the sign-in window; prints "jvm wall cpu" in ms (999999 when the window did not appear)
start() {
  rm -f "$LOG"
  local started cmd shown="" jvm wall cpu=999999 stat
  read -r -a cmd <<<"$(command_line "$1")"
  started=$(date +%s%N)
  DISPLAY=":$display" "${cmd[@]}" --data-dir "$DATA" --simulated-reader >>"$WORK/app.out" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 6000); do
    if [[ -f "$LOG" ]] && shown=$(grep -m 1 'sign-in shown' "$LOG"); then
      wall=$(( ($(date +%s%N) - started) / 1000000 ))
      # ./madoguchi execs java, and the jpackage launcher runs the JVM in its own process: the PID is the JVM's
      if stat=$(cut -d ')' -f 2 "/proc/$APP_PID/stat" 2>/dev/null); then
        read -r -a fields <<<"$stat"
        cpu=$(( (fields[11] + fields[12]) * 1000 / TICKS ))
      fi
      break
    fi
    kill -0 "$APP_PID" 2>/dev/null || break
    sleep 0.02
  done
  jvm=$(sed -n 's/.*sign-in shown.* \([0-9]*\) ms after the JVM started.*/\1/p' <<<"$shown")
  # a normal end (SIGTERM runs the shutdown; the JVM writes its AppCDS archive, if any, before it exits)
  kill "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
  echo "${jvm:-999999} ${wall:-999999} $cpu"
}

read -r jvm wall cpu <<<"$(start 1)"
echo "first start (new data directory): jvm ${jvm} ms, wall ${wall} ms, cpu ${cpu} ms"
if [[ "$jvm" == 999999 ]]; then
  echo "measure-start: the first start showed no sign-in window; its output:" >&2
  tail -n 30 "$WORK/app.out" >&2
  exit 1
fi
jvms=() walls=() cpus=()
for i in $(seq 1 "$RUNS"); do
  read -r jvm wall cpu <<<"$(start 0)"
  echo "run $i: jvm ${jvm} ms, wall ${wall} ms, cpu ${cpu} ms"
  jvms+=("$jvm") walls+=("$wall") cpus+=("$cpu")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
if ((RUNS > 0)); then
  echo "median of $RUNS: jvm $(median "${jvms[@]}") ms, wall $(median "${walls[@]}") ms, cpu $(median "${cpus[@]}") ms"
fi
echo "load average after: $(cut -d ' ' -f 1-3 /proc/loadavg)"
