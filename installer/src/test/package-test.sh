#!/usr/bin/env bash
# The installed-package test (installer/pom.xml, profile package-test; so part of ./mvnw verify and ./run-tests).
#   package-test.sh TARGET_DIR
# Checks the .deb that the same build wrote into TARGET_DIR: its metadata and file list (dpkg-deb -I / -c), then
# extracts it into a temporary root (nothing is installed into the system), starts the extracted launcher under Xvfb
# with a fresh data directory until the sign-in window is shown (its log line), and runs --version and doctor --json.
# With a JDK 25+ runtime (docs/adr/0032) it also proves the AppCDS archive the build put into the image: the package
# holds it, the launcher points at it, and both desktop starts of the extracted launcher (at another path than the
# build's) load the app's and JavaFX's classes from it without writing anything into the user's folders.
# Without the tools it needs it says what is missing and skips; under ./run-tests (MADOGUCHI_PCSCD=required) it fails.
set -euo pipefail

TARGET="$(cd "${1:?usage: package-test.sh TARGET_DIR}" && pwd)"
say() { printf 'package-test: %s\n' "$*" >&2; }
fail() { say "FAILED: $*"; exit 1; }

under_run_tests=0
[[ "${MADOGUCHI_PCSCD:-}" == required ]] && under_run_tests=1
missing=()
for tool in fakeroot dpkg-deb Xvfb; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
if ((${#missing[@]})); then
  if ((under_run_tests)); then
    fail "missing ${missing[*]} (Debian packages fakeroot, dpkg, xvfb; ./run-tests installs them)"
  fi
  say "skipped: missing ${missing[*]} (Debian: apt-get install fakeroot dpkg xvfb xauth)"
  exit 0
fi

shopt -s nullglob
debs=("$TARGET"/madoguchi_*.deb)
((${#debs[@]} == 1)) || fail "expected one madoguchi_*.deb in $TARGET, found ${#debs[@]}"
DEB="${debs[0]}"
say "checking $(basename "$DEB") ($(du -h "$DEB" | cut -f1))"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/madoguchi-package-test.XXXXXX")
XVFB_PID=""
APP_PID=""
cleanup() {
  [[ -n "$APP_PID" ]] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
  [[ -n "$XVFB_PID" ]] && kill "$XVFB_PID" 2>/dev/null && wait "$XVFB_PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

# --- metadata ----------------------------------------------------------------------------------------------------
info=$(dpkg-deb -I "$DEB")
field() { sed -n "s/^ *$1: //p" <<<"$info"; }
[[ "$(field Package)" == madoguchi ]] || fail "package name is '$(field Package)', not madoguchi"
[[ "$(field Version)" == 0.1.0* ]] || fail "version is '$(field Version)'"
depends=$(field Depends)
for dep in libgtk-3-0 libgl1 libpcsclite1 pcscd fonts-ipaexfont fonts-ipamj-mincho fonts-noto-cjk; do
  grep -qw -- "$dep" <<<"$depends" || fail "Depends lacks $dep: $depends"
done

# --- file list ---------------------------------------------------------------------------------------------------
files=$(dpkg-deb -c "$DEB" | awk '{print $NF}')
for f in ./opt/madoguchi/bin/Madoguchi ./opt/madoguchi/lib/app/Madoguchi.cfg \
    ./opt/madoguchi/lib/app/desktop-app-0.1.0-SNAPSHOT.jar ./opt/madoguchi/lib/Madoguchi.png \
    ./opt/madoguchi/lib/madoguchi-Madoguchi.desktop ./opt/madoguchi/lib/runtime/lib/modules \
    ./opt/madoguchi/lib/runtime/lib/libj2pcsc.so; do
  grep -qxF -- "$f" <<<"$files" || fail "the package lacks $f"
done
if grep -q '^\./home\|^\./root\|^\./usr/lib/jvm' <<<"$files"; then
  fail "the package writes outside /opt and the menu: $(grep '^\./home\|^\./root\|^\./usr/lib/jvm' <<<"$files" | head -3)"
fi

# --- extracted, not installed ------------------------------------------------------------------------------------
ROOT="$WORK/root with spaces" # a tarball may be unpacked anywhere: the launcher quotes its paths
dpkg-deb -x "$DEB" "$ROOT"
APP="$ROOT/opt/madoguchi"
LAUNCHER="$APP/bin/Madoguchi"
[[ -x "$LAUNCHER" ]] || fail "the launcher is not executable"
# the launcher made from the .cfg (docs/adr/0033): a shell script; JavaFX's and JNA's libraries beside the jars
[[ "$(head -c 9 "$LAUNCHER")" == '#!/bin/sh' ]] || fail "bin/Madoguchi is not the shell launcher (docs/adr/0033)"
for lib in libglass.so libglassgtk3.so libprism_sw.so libjavafx_font.so libjnidispatch.so; do
  [[ -f "$APP/lib/app/$lib" ]] || fail "lib/app lacks $lib (docs/adr/0033)"
done
grep -qxF 'java-options=-Djna.boot.library.path=$APPDIR' "$APP/lib/app/Madoguchi.cfg" \
  || fail "the launcher does not point JNA at lib/app"
modules=$(sed -n 's/^MODULES="\(.*\)"$/\1/p' "$APP/lib/runtime/release")
for m in java.base java.desktop java.smartcardio java.sql java.net.http jdk.charsets jdk.crypto.ec jdk.localedata \
    jdk.unsupported; do
  grep -qw -- "$m" <<<"$modules" || fail "the bundled runtime lacks the module $m"
done
if grep -qw jdk.compiler <<<"$modules"; then
  fail "the bundled runtime holds the whole JDK (jdk.compiler), not only the modules the app needs"
fi
cfg="$APP/lib/app/Madoguchi.cfg"
for option in -XX:+UseSerialGC -Xmx256m -Xmn16m -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=32m \
    -XX:TrimNativeHeapInterval=10000 -Dfile.encoding=UTF-8; do
  grep -qxF -- "java-options=$option" "$cfg" || fail "the launcher lacks $option (docs/adr/0017): $(cat "$cfg")"
done
runtime_version=$(sed -n 's/^JAVA_VERSION="\(.*\)"$/\1/p' "$APP/lib/runtime/release")
runtime_feature=${runtime_version%%.*}
APPCDS=0
if ((runtime_feature >= 25)); then
  APPCDS=1
  grep -qxF ./opt/madoguchi/lib/app/madoguchi.aot <<<"$files" || fail "the package lacks the AOT cache lib/app/madoguchi.aot"
  for option in '-XX:AOTCache=$APPDIR/madoguchi.aot' --enable-native-access=ALL-UNNAMED \
      --sun-misc-unsafe-memory-access=allow; do
    grep -qxF -- "java-options=$option" "$cfg" || fail "the launcher lacks $option (docs/adr/0032): $(cat "$cfg")"
  done
  [[ "$(stat -c %a "$APP/lib/app/madoguchi.aot")" == 644 ]] || fail "the AOT cache is not readable by every user"
else
  say "the bundled runtime is Java $runtime_version: no per-user AppCDS archive to check (needs 25+, docs/adr/0032)"
fi
say "metadata, file list, runtime modules and launcher options: ok (runtime Java $runtime_version, $(du -sh "$APP/lib/runtime" | cut -f1))"

# a fresh home: JavaFX's native-library cache (~/.openjfx) and the data directory are the test's own
export HOME="$WORK/home"
mkdir -p "$HOME"
# Java takes user.home from the password file, not from HOME: the JVM is told, so that JavaFX's and JNA's caches
# would land in the test's home too
export JAVA_TOOL_OPTIONS="-Duser.home=$HOME"
DATA="$WORK/data"

# --- --version ---------------------------------------------------------------------------------------------------
# a start asks no package manager which package owns the launcher (jpackage's own launcher runs rpm -qf and dpkg -S,
# twice, at every start: docs/adr/0033); an rpm and a dpkg first on the PATH note any call
mkdir -p "$WORK/spy"
for tool in rpm dpkg dpkg-query; do
  printf '#!/bin/sh\necho "%s $*" >>"%s"\nexit 1\n' "$tool" "$WORK/spy/calls" >"$WORK/spy/$tool"
  chmod 755 "$WORK/spy/$tool"
done
version=$(PATH="$WORK/spy:$PATH" "$LAUNCHER" --version)
[[ ! -s "$WORK/spy/calls" ]] || fail "the launcher asked a package manager: $(head -n 3 "$WORK/spy/calls")"
grep -q '^madoguchi 0.1.0' <<<"$version" || fail "--version said: $version"
say "--version: $(head -n 1 <<<"$version"), $(sed -n 2p <<<"$version")"

# --- the sign-in window under Xvfb, twice (a new data folder, then the store it made) ---------------------------------
display=99
while [[ -e /tmp/.X11-unix/X$display || -e /tmp/.X$display-lock ]]; do display=$((display + 1)); done
Xvfb ":$display" -screen 0 1280x800x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
XVFB_PID=$!
for _ in $(seq 1 50); do [[ -e /tmp/.X11-unix/X$display ]] && break; sleep 0.1; done
[[ -e /tmp/.X11-unix/X$display ]] || fail "Xvfb did not start: $(cat "$WORK/xvfb.log")"

LOG="$DATA/logs/madoguchi.log"
# desktop_start NAME: starts the extracted launcher, waits for its sign-in window, ends it normally (SIGTERM) and waits
# until it has exited
desktop_start() {
  local started shown="" elapsed
  rm -f "$LOG"
  started=$(date +%s%N)
  DISPLAY=":$display" "$LAUNCHER" --data-dir "$DATA" >"$WORK/app-$1.out" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 1200); do
    if [[ -f "$LOG" ]] && shown=$(grep -m 1 'sign-in shown' "$LOG"); then break; fi
    kill -0 "$APP_PID" 2>/dev/null || fail "the app exited before its sign-in window: $(tail -n 20 "$WORK/app-$1.out" "$LOG" 2>/dev/null)"
    sleep 0.05
  done
  [[ -n "$shown" ]] || fail "no sign-in window within 60 s: $(tail -n 20 "$LOG" 2>/dev/null)"
  elapsed=$(( ($(date +%s%N) - started) / 1000000 ))
  say "$1 start: sign-in window shown by the extracted launcher ${elapsed} ms after the start (the app's own log: ${shown##* shown })"
  kill "$APP_PID"
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
}
archive_sum=""
((APPCDS)) && archive_sum=$(sha256sum <"$APP/lib/app/madoguchi.aot")
desktop_start first
# the bundled JDK says nothing on the console about its own business: CDS, JNA's native access, JavaFX's use of
# sun.misc.Unsafe (docs/adr/0032)
if noise=$(grep -m 3 -E '\[(warning|error) *\]\[(cds|aot)|sun\.misc\.Unsafe|restricted method|native access' "$WORK/app-first.out"); then
  fail "the desktop start wrote the JVM's warnings to the console: $noise"
fi
if ((APPCDS)); then
  # the JVM itself reports where each class came from: with the AOT cache, "shared objects file" (without it the
  # app's classes come from their jar files)
  export JAVA_TOOL_OPTIONS="-Duser.home=$HOME -Xlog:class+load=info:file=$WORK/class-load.log"
  desktop_start second
  export JAVA_TOOL_OPTIONS="-Duser.home=$HOME"
  for class in dev.madoguchi.app.Main dev.madoguchi.app.DesktopLauncher javafx.application.Application \
      javafx.scene.control.Button; do
    grep -q " $class source: shared objects file" "$WORK/class-load.log" \
      || fail "the second start did not load $class from the AppCDS archive: $(grep -m 1 " $class source" "$WORK/class-load.log")"
  done
  [[ "$(sha256sum <"$APP/lib/app/madoguchi.aot")" == "$archive_sum" ]] || fail "a start changed the image's AOT cache"
  if found=$(find "$HOME" "$DATA" -name '*.jsa' -o -name '*.aot' | head -n 3) && [[ -n "$found" ]]; then
    fail "a start wrote a CDS archive into the user's folders: $found"
  fi
  app_classes=$(grep -c ' dev\.madoguchi\..* source: shared objects file' "$WORK/class-load.log" || true)
  all_app=$(grep -c ' dev\.madoguchi\..* source: ' "$WORK/class-load.log" || true)
  say "AOT cache: the image's $(du -h "$APP/lib/app/madoguchi.aot" | cut -f1) cache; the second start took $app_classes of its $all_app app classes from it"
else
  desktop_start second
fi
# JavaFX and JNA load their libraries from lib/app: nothing unpacked into ~/.openjfx or ~/.cache/JNA (docs/adr/0033)
if found=$(find "$HOME" "$DATA" -name '*.so' | head -n 3) && [[ -n "$found" ]]; then
  fail "a start unpacked native libraries into the user's folders: $found"
fi

# --- doctor --json -------------------------------------------------------------------------------------------------
doctor_rc=0
"$LAUNCHER" --data-dir "$DATA" doctor --json >"$WORK/doctor.json" 2>"$WORK/doctor.err" || doctor_rc=$?
# exit code 0 (all ok) or 3 (warnings or problems found, e.g. no reader here) is a report; anything else is a failure
((doctor_rc == 0 || doctor_rc == 3)) || fail "doctor exited with $doctor_rc: $(cat "$WORK/doctor.err")"
for key in '"checks"' '"java"' '"os"' '"pcsc"' '"fonts"' '"printers"' '"data-directory"' '"store"' '"signing-key"'; do
  grep -qF -- "$key" "$WORK/doctor.json" || fail "doctor --json lacks $key: $(head -c 2000 "$WORK/doctor.json")"
done
grep -qF '"runtime.version":"17' "$WORK/doctor.json" || grep -qF '"runtime.version"' "$WORK/doctor.json" \
  || fail "doctor --json lacks the runtime version"
say "doctor --json: $(grep -o '"status":"[a-z]*"' "$WORK/doctor.json" | sort | uniq -c | tr -s ' ' | tr '\n' ' ')"
say "ok"
