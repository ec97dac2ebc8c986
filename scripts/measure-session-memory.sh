#!/usr/bin/env bash
# Memory of a 50-visit counter session in the application (docs/performance.md, "Counter"): runs
# CounterSessionMemoryHarness under Xvfb with the real GTK window system and software rendering, with the JVM memory
# options that ./madoguchi and the installer ship (read from ./madoguchi, so they cannot drift apart), plus NMT.
# Prints the SESSION-MEM lines. Needs xvfb (xvfb-run), xauth and the Debian fonts. Usage: scripts/measure-session-memory.sh
# Extra JVM options for an experiment: MADOGUCHI_JAVA_OPTS (they come last and win).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
command -v xvfb-run >/dev/null || { echo "measure-session-memory: xvfb-run is missing (Debian package xvfb)" >&2; exit 1; }
eval "$(sed -n '/^MEMORY_OPTS=(/,/)$/p' madoguchi)"
[ "${#MEMORY_OPTS[@]}" -gt 0 ] || { echo "measure-session-memory: no MEMORY_OPTS in ./madoguchi" >&2; exit 1; }
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
export GDK_GL="${GDK_GL:-disable}" # as ./madoguchi does
# NMT costs about 5 MB itself: MADOGUCHI_NMT=0 measures without it (the NMT lines are then missing)
NMT=-XX:NativeMemoryTracking=summary
[[ "${MADOGUCHI_NMT:-1}" == 1 ]] || NMT=
echo "measure-session-memory: JVM options ${MEMORY_OPTS[*]} ${MADOGUCHI_JAVA_OPTS:-}, MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX, GDK_GL=$GDK_GL" >&2
xvfb-run -a -s "-screen 0 1600x1200x24" ./mvnw -B -ntp -q -pl desktop-app -am verify \
  -Dtest=CounterSessionMemoryHarness -Dsurefire.failIfNoSpecifiedTests=false \
  "-Dsurefire.extraArgLine=-Dprism.order=sw -Dmadoguchi.bench=true $NMT ${MEMORY_OPTS[*]} ${MADOGUCHI_JAVA_OPTS:-}" \
  | grep -E '^SESSION-MEM|Tests run|FAIL|ERROR' || true
