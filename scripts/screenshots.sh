#!/usr/bin/env bash
# Saves a screenshot of every step of a counter visit (clerk window and resident window) and of every shelter
# screen (shelter-*.png) into docs/screenshots/.
# Starts the application as the launcher does (composition root, demo store, simulated reader) under Xvfb with the
# real GTK window system, so the fonts are the ones a clerk sees. Needs: xvfb (xvfb-run), xauth,
# fonts-ipamj-mincho, fonts-ipaexfont (Debian). Usage: scripts/screenshots.sh [output-dir]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$(realpath -m "${1:-$ROOT/docs/screenshots}")"
cd "$ROOT"
command -v xvfb-run >/dev/null || { echo "screenshots: xvfb-run is missing (Debian package xvfb)" >&2; exit 1; }
mkdir -p "$OUT"
# the desktop-app POM runs tests on Monocle; this run replaces those settings with the GTK glass on the Xvfb display
xvfb-run -a -s "-screen 0 1600x1200x24" ./mvnw -B -ntp -q -pl desktop-app -am verify \
  -Dtest=CounterScreenshots,ShelterScreenshots,ReportPreviewScreenshots -Dsurefire.failIfNoSpecifiedTests=false \
  "-Dsurefire.extraArgLine=-Dprism.order=sw -Dmadoguchi.screenshots=$OUT"
echo "screenshots: $(ls "$OUT"/*.png | wc -l) images in $OUT"
