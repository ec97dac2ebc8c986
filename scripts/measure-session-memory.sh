#!/usr/bin/env bash
# Memory of a counter session in the application (docs/performance.md, "Counter"). Runs CounterSessionDriver (desktop-app
# test sources) in a JVM started the way ./madoguchi starts the desktop: the memory options read from ./madoguchi (so
# they cannot drift apart), MALLOC_ARENA_MAX=2, an AppCDS archive made by a first short run, jars only
# and no test framework in the process; under Xvfb with the real GTK window system. Prints the SESSION-MEM lines and
# the load average at the start and the end (the X shared memory follows the X server's pace); the visits print to the
# demo's PDF folder (CUPS_SERVER is pointed at nothing).
# Usage: scripts/measure-session-memory.sh [visits, default 50]
# Optional: MADOGUCHI_JAVA_OPTS (extra JVM options, last, they win), MADOGUCHI_NMT=0 (no native memory tracking, which
# costs ~5 MB itself), MADOGUCHI_APPCDS=0 (no archive), MADOGUCHI_HEAPDUMP=FILE (a heap dump at the end).
# Needs xvfb (xvfb-run), xauth and the Debian fonts.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
VISITS="${1:-50}"
command -v xvfb-run >/dev/null || { echo "measure-session-memory: xvfb-run is missing (Debian package xvfb)" >&2; exit 1; }
eval "$(sed -n '/^MEMORY_OPTS=(/,/)$/p' madoguchi)"
[ "${#MEMORY_OPTS[@]}" -gt 0 ] || { echo "measure-session-memory: no MEMORY_OPTS in ./madoguchi" >&2; exit 1; }
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
# the visits print to the demo's PDF folder, as on a computer without a printer: a CUPS server started meanwhile (by
# ./run-tests, with its MadoguchiPDF queue) is not asked (an unreachable server: no printers)
export CUPS_SERVER=127.0.0.1:9

APP=desktop-app/target
./mvnw -B -ntp -q -pl desktop-app -am package -DskipTests dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/session-classpath.txt >/dev/null
( cd "$APP/test-classes" && jar cf ../session-driver.jar . )
CP="$APP/desktop-app-0.1.0-SNAPSHOT.jar:$APP/session-driver.jar:$(cat "$APP/session-classpath.txt")"
if grep -q -E '(^|:)[^:]*/(test-)?classes/?(:|$)' <<<"$CP"; then
  echo "measure-session-memory: a class folder is on the class path; AppCDS needs jars only" >&2; exit 1
fi
NMT=(-XX:NativeMemoryTracking=summary)
[[ "${MADOGUCHI_NMT:-1}" == 1 ]] || NMT=()
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
CDS=()
if [[ "${MADOGUCHI_APPCDS:-1}" == 1 ]]; then
  # as ./madoguchi: the first start writes the archive of the classes it loaded, later starts map it
  xvfb-run -a -s "-screen 0 1600x1200x24" java "${MEMORY_OPTS[@]}" -XX:ArchiveClassesAtExit="$WORK/session.jsa" \
    -Xlog:cds=off -Xlog:cds+dynamic=off -Dfile.encoding=UTF-8 -cp "$CP" dev.madoguchi.app.counter.CounterSessionDriver \
    2 "$WORK/first" >/dev/null
  CDS=(-XX:SharedArchiveFile="$WORK/session.jsa" -Xshare:auto)
fi
echo "measure-session-memory: ${MEMORY_OPTS[*]} ${CDS[*]} ${NMT[*]} ${MADOGUCHI_JAVA_OPTS:-}; MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX" >&2
# the X server's speed decides how many window uploads are in flight at once (and so the X shared memory): say how busy
# the machine was
echo "SESSION-MEM load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
xvfb-run -a -s "-screen 0 1600x1200x24" java "${MEMORY_OPTS[@]}" "${CDS[@]}" "${NMT[@]}" ${MADOGUCHI_JAVA_OPTS:-} \
  -Dfile.encoding=UTF-8 -cp "$CP" dev.madoguchi.app.counter.CounterSessionDriver "$VISITS" "$WORK/data" \
  ${MADOGUCHI_HEAPDUMP:-} | grep -E '^SESSION-MEM' || true
echo "SESSION-MEM load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
