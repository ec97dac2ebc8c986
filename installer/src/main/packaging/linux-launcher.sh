#!/usr/bin/env bash
# The Linux app image's launcher and native libraries (installer/pom.xml; docs/adr/0033).
#   linux-launcher.sh IMAGE
# IMAGE is the app image jpackage made (IMAGE/bin/Madoguchi, IMAGE/lib/app/Madoguchi.cfg). Idempotent: run after
# jpackage and again whenever the .cfg changes (packaging-jdk.sh appcds adds the AOT cache to it).
#
# 1. The native libraries of JavaFX (the *.so at the root of javafx-graphics-*-linux.jar) and JNA (libjnidispatch.so)
#    are put beside the jars in lib/app. JavaFX loads a library from its jar's folder before anything else; JNA from
#    jna.boot.library.path, which the launcher sets to lib/app. Without this, every start extracted them into the
#    user's ~/.openjfx/cache and ~/.cache/JNA (JavaFX comparing the MD5 of each library with its jar's copy first).
# 2. bin/Madoguchi becomes a POSIX shell script that starts lib/runtime/bin/java with what the .cfg says (class path,
#    main class, java-options, the default arguments when none are given). jpackage's Linux launcher asks rpm and
#    dpkg which package owns it (`rpm -qf`, `dpkg -S`, and `dpkg -L` when installed) twice at every start, before the
#    JVM exists: about 0.12 s of a 0.75 s start on the reference machine (docs/performance.md). The .cfg stays the
#    description of the launcher; this script is made from it.
set -euo pipefail

IMAGE="${1:?usage: linux-launcher.sh IMAGE}"
say() { printf 'linux-launcher: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

APP="$IMAGE/lib/app"
CFG="$APP/Madoguchi.cfg"
LAUNCHER="$IMAGE/bin/Madoguchi"
[[ -f "$CFG" ]] || die "no $CFG: not a jpackage app image"

# --- 1. native libraries beside the jars ------------------------------------------------------------------------------
case "$(uname -m)" in
  x86_64) jna_arch=linux-x86-64 ;;
  aarch64) jna_arch=linux-aarch64 ;;
  *) die "no JNA library for $(uname -m)" ;;
esac
shopt -s nullglob
fx_jars=("$APP"/javafx-graphics-*-linux*.jar)
jna_jars=("$APP"/jna-[0-9]*.jar)
((${#fx_jars[@]} == 1)) || die "expected one javafx-graphics-*-linux jar in $APP, found ${#fx_jars[@]}"
((${#jna_jars[@]} == 1)) || die "expected one jna jar in $APP, found ${#jna_jars[@]}"
# -o: the same files again on a second run (JavaFX keeps its libraries at the jar's root)
unzip -o -q "${fx_jars[0]}" '*.so' -d "$APP"
unzip -o -q -j "${jna_jars[0]}" "com/sun/jna/$jna_arch/libjnidispatch.so" -d "$APP"
chmod 644 "$APP"/*.so # readable by every user of /opt/madoguchi
[[ -f "$APP/libglassgtk3.so" && -f "$APP/libprism_sw.so" ]] || die "the JavaFX jar held no Linux libraries"

if ! grep -qxF 'java-options=-Djna.boot.library.path=$APPDIR' "$CFG"; then
  # after the last java-options line: the [JavaOptions] section
  last=$(grep -n '^java-options=' "$CFG" | tail -n 1 | cut -d: -f1)
  sed -i "${last}a java-options=-Djna.boot.library.path=\$APPDIR" "$CFG"
fi

# --- 2. the launcher script from the .cfg -----------------------------------------------------------------------------
# one shell word in double quotes: $APPDIR (the .cfg's token for lib/app) stays a variable, everything else literal
word() {
  local value="$1"
  value=${value//\\/\\\\}
  value=${value//\"/\\\"}
  value=${value//\`/\\\`}
  value=${value//\$/\\\$}
  value=${value//\\\$APPDIR/\$APPDIR}
  printf '"%s"' "$value"
}
main_class=$(sed -n 's/^app\.mainclass=//p' "$CFG")
[[ -n "$main_class" ]] || die "$CFG names no app.mainclass"
classpath=$(sed -n 's/^app\.classpath=//p' "$CFG" | paste -sd: -)
[[ -n "$classpath" ]] || die "$CFG names no app.classpath"
options=()
while IFS= read -r option; do
  options+=("$(word "$option")")
done < <(sed -n 's/^java-options=//p' "$CFG")
defaults=()
while IFS= read -r argument; do
  defaults+=("$(word "$argument")")
done < <(sed -n 's/^arguments=//p' "$CFG")

tmp="$LAUNCHER.new"
{
  echo '#!/bin/sh'
  echo '# Madoguchi: starts the bundled Java with the options of lib/app/Madoguchi.cfg (docs/adr/0033 of the project).'
  echo '# Made from that file when the package was built; an edit of the .cfg alone does not change this script.'
  echo 'self=$(readlink -f -- "$0") || self=$0'
  echo 'BINDIR=${self%/*}'
  echo 'ROOTDIR=${BINDIR%/*}'
  echo 'APPDIR=$ROOTDIR/lib/app'
  if ((${#defaults[@]})); then
    echo "[ \$# -eq 0 ] && set -- ${defaults[*]}"
  fi
  echo "exec \"\$ROOTDIR/lib/runtime/bin/java\" \"-Djpackage.app-path=\$self\" \\"
  for option in "${options[@]}"; do
    echo "  $option \\"
  done
  echo "  -cp $(word "$classpath") \\"
  echo "  $(word "$main_class") \"\$@\""
} >"$tmp"
chmod 755 "$tmp"
sh -n "$tmp" || die "the launcher script does not parse: $(cat "$tmp")"
mv "$tmp" "$LAUNCHER"
# jpackage's launcher library serves only its own launcher
rm -f "$IMAGE/lib/libapplauncher.so"
say "bin/Madoguchi: a shell launcher from Madoguchi.cfg (${#options[@]} java-options); JavaFX and JNA libraries in lib/app"
