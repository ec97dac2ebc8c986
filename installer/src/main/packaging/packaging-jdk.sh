#!/usr/bin/env bash
# The JDK that builds the bundled runtime and the launcher of the Linux packages (installer/pom.xml; docs/adr/0032).
#   packaging-jdk.sh runtime TARGET BUILD_JAVA_HOME MODULES LOCALES
#       chooses the packaging JDK, records it in TARGET/packaging-jdk, and jlinks TARGET/runtime from it
#   packaging-jdk.sh jpackage TARGET ARGS…
#       runs the recorded JDK's jpackage with ARGS; for --type app-image it adds the java-options that belong to that
#       JDK (native access for JNA on 22+, JavaFX's use of sun.misc.Unsafe on 23+)
#   packaging-jdk.sh appcds TARGET
#       on a JDK 25+ runtime: starts the app image TARGET/jpackage/Madoguchi once under a private Xvfb to its sign-in
#       window with -XX:AOTCacheOutput, puts the AOT cache (JDK 25's AppCDS archive, with the classes it loaded, linked)
#       into the image (lib/app/madoguchi.aot) and points the launcher at it (-XX:AOTCache=$APPDIR/madoguchi.aot)
#   packaging-jdk.sh deb-times TARGET
#       gives the files in TARGET's .deb the modification times they have in the app image: jpackage copies the image
#       without them, and the JVM refuses an AppCDS archive whose jars have other times than at dump time
#
# Which JDK: MADOGUCHI_PACKAGING_JDK if set; else the build JDK if it is 25 or newer; else the newest JDK 25+ under
# /usr/lib/jvm or /opt that can jlink (its jmods, or "Linking from run-time image enabled"); else the build JDK (17)
# with a warning: that package has no AppCDS archive of the app's classes and starts slower (docs/adr/0032).
# Why 25: an AppCDS archive made at build time must still be accepted when the image lies elsewhere (/opt/madoguchi,
# a tarball unpacked anywhere); JDK 25 accepts the app's jars at another path, JDK 17 refuses the archive then
# ("shared class paths mismatch"). Measured and decided in docs/adr/0032.
set -euo pipefail

say() { printf 'packaging-jdk: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

# feature version of the JDK in $1 (0 when it is not a JDK with jlink and jpackage)
feature_of() {
  local jdk="$1" version
  [[ -x "$jdk/bin/jlink" && -x "$jdk/bin/jpackage" && -f "$jdk/release" ]] || { echo 0; return; }
  version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*"$/\1/p' "$jdk/release")
  echo "${version:-0}"
}

# whether the JDK in $1 can jlink: it has its jmods, or it was built to link from its own run-time image (JEP 493)
can_link() {
  [[ -d "$1/jmods" ]] || "$1/bin/jlink" --help 2>/dev/null | grep -q 'Linking from run-time image enabled'
}

choose() {
  local build_jdk="$1" best="" best_feature=0 candidate feature
  if [[ -n "${MADOGUCHI_PACKAGING_JDK:-}" ]]; then
    feature=$(feature_of "$MADOGUCHI_PACKAGING_JDK")
    ((feature > 0)) || die "MADOGUCHI_PACKAGING_JDK=$MADOGUCHI_PACKAGING_JDK is not a JDK with jlink and jpackage"
    can_link "$MADOGUCHI_PACKAGING_JDK" || die "MADOGUCHI_PACKAGING_JDK=$MADOGUCHI_PACKAGING_JDK cannot jlink (no jmods)"
    echo "$MADOGUCHI_PACKAGING_JDK"
    return
  fi
  if (($(feature_of "$build_jdk") >= 25)) && can_link "$build_jdk"; then
    echo "$build_jdk"
    return
  fi
  for candidate in /usr/lib/jvm/* /opt/*jdk* /opt/java/*; do
    [[ -d "$candidate" && ! -L "$candidate" ]] || continue
    feature=$(feature_of "$candidate")
    if ((feature >= 25 && feature > best_feature)) && can_link "$candidate"; then
      best="$candidate" best_feature=$feature
    fi
  done
  if [[ -n "$best" ]]; then
    echo "$best"
    return
  fi
  say "WARNING: no JDK 25 or newer found (MADOGUCHI_PACKAGING_JDK, the build JDK, /usr/lib/jvm, /opt): the package is"
  say "WARNING: built from $build_jdk, without the per-user AppCDS archive, and starts slower (docs/adr/0032)"
  echo "$build_jdk"
}

mode="${1:?usage: packaging-jdk.sh runtime|jpackage TARGET …}"
TARGET="${2:?usage: packaging-jdk.sh runtime|jpackage TARGET …}"
shift 2

case "$mode" in
  runtime)
    build_jdk="${1:?build JDK}" modules="${2:?modules}" locales="${3:?locales}"
    JDK=$(choose "$build_jdk")
    feature=$(feature_of "$JDK")
    echo "$JDK" >"$TARGET/packaging-jdk"
    say "bundled runtime from $JDK ($(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"$/\1/p' "$JDK/release"))"
    # --compress=2 is zip-6 under its old name (deprecated from JDK 21)
    compress=2
    ((feature >= 21)) && compress=zip-6
    "$JDK/bin/jlink" --add-modules "$modules" --include-locales="$locales" --strip-debug --no-header-files \
      --no-man-pages --compress="$compress" --generate-cds-archive --output "$TARGET/runtime"
    if ((feature >= 22)); then
      # the launcher passes --enable-native-access=ALL-UNNAMED (JNA: PC/SC, LinuxProcessSettings); a default CDS
      # archive dumped without it loses its archived module graph at every start (and says so on the console)
      for oops in +UseCompressedOops -UseCompressedOops; do
        archive=classes.jsa
        [[ "$oops" == -* ]] && archive=classes_nocoops.jsa
        "$TARGET/runtime/bin/java" -Xshare:dump -XX:"$oops" --enable-native-access=ALL-UNNAMED \
          -XX:SharedArchiveFile="$TARGET/runtime/lib/server/$archive" -Xlog:cds=off -Xlog:cds+heap=off >/dev/null
      done
    fi
    ;;
  jpackage)
    [[ -f "$TARGET/packaging-jdk" ]] || die "no $TARGET/packaging-jdk: the runtime step did not run"
    JDK=$(cat "$TARGET/packaging-jdk")
    feature=$(feature_of "$JDK")
    extra=()
    is_app_image=0 previous=""
    for arg in "$@"; do
      [[ "$previous" == --type && "$arg" == app-image ]] && is_app_image=1
      previous="$arg"
    done
    if ((is_app_image && feature >= 22)); then
      extra+=(--java-options --enable-native-access=ALL-UNNAMED)
    fi
    if ((is_app_image && feature >= 23)); then
      # JavaFX 21's Marlin renderer allocates through sun.misc.Unsafe, which 24+ reports on the console at the first
      # call (JEP 498); allowed until JavaFX moves off it (docs/adr/0032)
      extra+=(--java-options --sun-misc-unsafe-memory-access=allow)
    fi
    exec "$JDK/bin/jpackage" "$@" "${extra[@]}"
    ;;
  appcds)
    [[ -f "$TARGET/packaging-jdk" ]] || die "no $TARGET/packaging-jdk: the runtime step did not run"
    feature=$(feature_of "$(cat "$TARGET/packaging-jdk")")
    IMAGE="$TARGET/jpackage/Madoguchi"
    CFG="$IMAGE/lib/app/Madoguchi.cfg"
    ARCHIVE="$IMAGE/lib/app/madoguchi.aot"
    if ((feature < 25)); then
      say "WARNING: the runtime is Java $feature: no AppCDS archive in the image (it would not be accepted under /opt)"
      exit 0
    fi
    if ! command -v Xvfb >/dev/null; then
      say "WARNING: no Xvfb (Debian: apt-get install xvfb xauth): the image has no AppCDS archive and starts slower"
      exit 0
    fi
    WORK=$(mktemp -d "${TMPDIR:-/tmp}/madoguchi-appcds.XXXXXX")
    XVFB_PID="" APP_PID=""
    cleanup() {
      [[ -n "$APP_PID" ]] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
      [[ -n "$XVFB_PID" ]] && kill "$XVFB_PID" 2>/dev/null && wait "$XVFB_PID" 2>/dev/null
      rm -rf "$WORK"
    }
    trap cleanup EXIT
    display=120
    while [[ -e /tmp/.X11-unix/X$display || -e /tmp/.X$display-lock ]]; do display=$((display + 1)); done
    Xvfb ":$display" -screen 0 1280x800x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
    XVFB_PID=$!
    for _ in $(seq 1 50); do [[ -e /tmp/.X11-unix/X$display ]] && break; sleep 0.1; done
    # the training start: a new user (own HOME, new data folder: the demo store) up to the sign-in window, then a
    # normal end (SIGTERM), on which the JVM records what it loaded and linked and a second JVM it starts and waits
    # for assembles the cache (JEP 514)
    rm -f "$ARCHIVE"
    mkdir -p "$WORK/home"
    HOME="$WORK/home" DISPLAY=":$display" \
      JAVA_TOOL_OPTIONS="-XX:AOTCacheOutput=$ARCHIVE" \
      "$IMAGE/bin/Madoguchi" --data-dir "$WORK/data" >"$WORK/app.out" 2>&1 &
    APP_PID=$!
    shown=0
    for _ in $(seq 1 2400); do
      grep -q 'sign-in shown' "$WORK/data/logs/madoguchi.log" 2>/dev/null && shown=1 && break
      kill -0 "$APP_PID" 2>/dev/null || break
      sleep 0.05
    done
    ((shown)) || die "the training start showed no sign-in window: $(tail -n 20 "$WORK/app.out")"
    # a moment for what the window does right after it is shown (focus, first pulses) to load its classes too
    sleep 2
    kill "$APP_PID"
    wait "$APP_PID" 2>/dev/null || true
    APP_PID=""
    [[ -s "$ARCHIVE" ]] || die "the training start wrote no AOT cache: $(tail -n 20 "$WORK/app.out")"
    chmod 644 "$ARCHIVE" # written under the app's owner-only umask; every user of /opt/madoguchi reads it
    # after the last java-options line (the [JavaOptions] section): the cache, used when it fits (AOTMode auto: a
    # mismatch, e.g. a jar replaced by hand, starts without it), and no AOT/CDS lines on the console
    last=$(grep -n '^java-options=' "$CFG" | tail -n 1 | cut -d: -f1)
    sed -i "${last}a java-options=-XX:AOTCache=\$APPDIR/madoguchi.aot\njava-options=-Xlog:aot=off\njava-options=-Xlog:cds=off" "$CFG"
    # the Linux launcher is made from the .cfg (linux-launcher.sh, docs/adr/0033): made again with the cache in it
    bash "$(dirname "${BASH_SOURCE[0]}")/linux-launcher.sh" "$IMAGE"
    say "AOT cache in the image: lib/app/madoguchi.aot ($(du -h "$ARCHIVE" | cut -f1))"
    ;;
  deb-times)
    IMAGE="$TARGET/jpackage/Madoguchi"
    [[ -f "$IMAGE/lib/app/madoguchi.aot" ]] || { say "no AOT cache in the image: the .deb is left as jpackage made it"; exit 0; }
    shopt -s nullglob
    debs=("$TARGET"/madoguchi_*.deb)
    ((${#debs[@]} == 1)) || die "expected one madoguchi_*.deb in $TARGET, found ${#debs[@]}"
    WORK=$(mktemp -d "${TMPDIR:-/tmp}/madoguchi-deb-times.XXXXXX")
    trap 'rm -rf "$WORK"' EXIT
    # under fakeroot the files stay root's in the rebuilt package, as jpackage made them
    fakeroot bash -euo pipefail -c '
      deb="$1" image="$2" work="$3"
      dpkg-deb -R "$deb" "$work/pkg"
      (cd "$image" && find . -type f -print0) | while IFS= read -r -d "" f; do
        [[ -f "$work/pkg/opt/madoguchi/$f" ]] && touch -r "$image/$f" "$work/pkg/opt/madoguchi/$f"
      done
      dpkg-deb -b "$work/pkg" "$deb" >/dev/null
    ' _ "${debs[0]}" "$IMAGE" "$WORK"
    say "$(basename "${debs[0]}"): file times as in the app image (its AOT cache holds them)"
    ;;
  *)
    die "unknown mode $mode"
    ;;
esac
