#!/usr/bin/env bash
# Memory of a shelter session in the application (docs/performance.md, "Shelter mode"; issue 13: RSS < 300 MB during a
# 500-check-in session). Runs ShelterSessionDriver (desktop-app test sources) in a JVM started the way ./madoguchi
# starts the desktop, as scripts/measure-session-memory.sh does for the counter: the memory options read from
# ./madoguchi (so they cannot drift apart), MALLOC_ARENA_MAX=2, an AppCDS archive made by a first short run, jars only
# and no test framework in the process; under Xvfb with the real GTK window system, both windows. The driver signs in
# as the demo shelter staff, creates a shelter and checks people in by card (simulated reader), QR, typing and the
# paper-card grid. Prints the SHELTER-MEM lines (VmRSS at the start, every 100 people and at the end; VmHWM = peak).
# Usage: scripts/measure-shelter-memory.sh [people, default 500]
# Optional: MADOGUCHI_JAVA_OPTS (extra JVM options, last, they win), MADOGUCHI_NMT=0 (no native memory tracking, which
# costs ~5 MB itself), MADOGUCHI_APPCDS=0 (no archive), MADOGUCHI_HEAPDUMP=FILE (a heap dump at the end).
# Driver options (in MADOGUCHI_JAVA_OPTS): -Dmadoguchi.bench.look=false (no other tabs), -Dmadoguchi.bench.resident=false
# (the resident's window closed after the sign-in), -Dmadoguchi.bench.offscreen=true (after every pulse, list the nodes
# drawn through an offscreen image). Each sample also prints the X shared memory segments and the windows' sizes.
# Needs xvfb (xvfb-run), xauth and the Debian fonts.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PEOPLE="${1:-500}"
command -v xvfb-run >/dev/null || { echo "measure-shelter-memory: xvfb-run is missing (Debian package xvfb)" >&2; exit 1; }
eval "$(sed -n '/^MEMORY_OPTS=(/,/)$/p' madoguchi)"
[ "${#MEMORY_OPTS[@]}" -gt 0 ] || { echo "measure-shelter-memory: no MEMORY_OPTS in ./madoguchi" >&2; exit 1; }
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"

APP=desktop-app/target
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
./mvnw -B -ntp -q -pl desktop-app -am package -DskipTests dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/session-classpath.txt >"$WORK/build.log" 2>&1 \
  || { cat "$WORK/build.log" >&2; echo "measure-shelter-memory: the build failed" >&2; exit 1; }
( cd "$APP/test-classes" && jar cf ../session-driver.jar . )
CP="$APP/desktop-app-0.1.0-SNAPSHOT.jar:$APP/session-driver.jar:$(cat "$APP/session-classpath.txt")"
if grep -q -E '(^|:)[^:]*/(test-)?classes/?(:|$)' <<<"$CP"; then
  echo "measure-shelter-memory: a class folder is on the class path; AppCDS needs jars only" >&2; exit 1
fi
NMT=(-XX:NativeMemoryTracking=summary)
[[ "${MADOGUCHI_NMT:-1}" == 1 ]] || NMT=()
DRIVER=dev.madoguchi.app.shelter.ShelterSessionDriver
CDS=()
if [[ "${MADOGUCHI_APPCDS:-1}" == 1 ]]; then
  # as ./madoguchi: the first start writes the archive of the classes it loaded, later starts map it
  xvfb-run -a -s "-screen 0 1600x1200x24" java "${MEMORY_OPTS[@]}" -XX:ArchiveClassesAtExit="$WORK/session.jsa" \
    -Xlog:cds=off -Xlog:cds+dynamic=off -Dfile.encoding=UTF-8 -Dmadoguchi.bench=true -cp "$CP" "$DRIVER" \
    8 "$WORK/first" >/dev/null
  CDS=(-XX:SharedArchiveFile="$WORK/session.jsa" -Xshare:auto)
fi
echo "measure-shelter-memory: ${MEMORY_OPTS[*]} ${CDS[*]} ${NMT[*]} ${MADOGUCHI_JAVA_OPTS:-}; MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX" >&2
# the X server's speed decides how many window uploads are in flight at once (and so the X shared memory): say how busy
# the machine was
echo "SHELTER-MEM load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
xvfb-run -a -s "-screen 0 1600x1200x24" java "${MEMORY_OPTS[@]}" "${CDS[@]}" "${NMT[@]}" ${MADOGUCHI_JAVA_OPTS:-} \
  -Dfile.encoding=UTF-8 -Dmadoguchi.bench=true -cp "$CP" "$DRIVER" "$PEOPLE" "$WORK/data" \
  ${MADOGUCHI_HEAPDUMP:-} | grep -E '^SHELTER-MEM' || true
echo "SHELTER-MEM load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
