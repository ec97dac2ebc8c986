#!/usr/bin/env bash
# Measures `doctor --json` without a backend (issue 17: < 3 s): RUNS runs on one data folder without a store, each with
# its wall time, its CPU time (user + system, less sensitive to other load) and the longest of its checks (the report's
# elapsedMs); then the same for `--version` (the JVM, picocli and logging: what every command pays). Medians at the end.
# Usage:
#   scripts/measure-doctor.sh [runs]                  through ./madoguchi (default 5 runs)
#   scripts/measure-doctor.sh --image PATH [runs]     an app image folder, its tarball or the .deb (extracted)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/madoguchi-measure-doctor.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
COMMAND=("$ROOT/madoguchi")
if [[ "${1:-}" == --image ]]; then
  IMAGE="${2:?--image needs a path}"
  shift 2
  case "$IMAGE" in
    *.deb) dpkg-deb -x "$IMAGE" "$WORK/root"; APP_DIR="$WORK/root/opt/madoguchi" ;;
    *.tar.gz|*.tgz) mkdir -p "$WORK/root"; tar -xzf "$IMAGE" -C "$WORK/root"; APP_DIR="$WORK/root/Madoguchi" ;;
    *) APP_DIR="$(cd "$IMAGE" && pwd)" ;;
  esac
  COMMAND=("$APP_DIR/bin/Madoguchi")
  export HOME="$WORK/home"
  mkdir -p "$HOME"
fi
RUNS="${1:-5}"
[[ "$RUNS" =~ ^[0-9]+$ ]] || { echo "measure-doctor: runs must be a number, not '$RUNS'" >&2; exit 2; }
DATA="$WORK/data"
echo "command: ${COMMAND[*]}"
echo "load average before: $(cut -d ' ' -f 1-3 /proc/loadavg) ($(nproc) cores)"
# one run first (./madoguchi may build; the data folder and its logs are made), not counted
"${COMMAND[@]}" --data-dir "$DATA" doctor --json >/dev/null 2>&1 || true

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# measure NAME ARGS…: RUNS runs; prints each and the medians
measure() {
  local name="$1" walls=() cpus=() longest=() i wall cpu slow
  shift
  for i in $(seq 1 "$RUNS"); do
    /usr/bin/time -f '%e %U %S' -o "$WORK/time" "${COMMAND[@]}" --data-dir "$DATA" "$@" >"$WORK/out" 2>"$WORK/err" || true
    # (a run that ends with an exit code other than 0, e.g. doctor's 3, puts a line before the times)
    read -r wall user sys < <(tail -n 1 "$WORK/time")
    wall=$(awk -v w="$wall" 'BEGIN {printf "%d", w * 1000}')
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%d", (u + s) * 1000}')
    slow=$(grep -o '"elapsedMs":[0-9]*' "$WORK/out" | cut -d: -f2 | sort -n | tail -n 1 || true)
    echo "$name run $i: wall ${wall} ms, cpu ${cpu} ms${slow:+, longest check ${slow} ms}"
    walls+=("$wall") cpus+=("$cpu") longest+=("${slow:-0}")
  done
  echo "$name median of $RUNS: wall $(median "${walls[@]}") ms, cpu $(median "${cpus[@]}") ms$( [[ "$name" == doctor ]] && echo ", longest check $(median "${longest[@]}") ms")"
}
measure doctor doctor --json
measure --version --version
echo "load average after: $(cut -d ' ' -f 1-3 /proc/loadavg)"
