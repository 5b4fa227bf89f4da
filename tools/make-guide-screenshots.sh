#!/usr/bin/env bash
# Remakes the user guide's screenshots (docs/images/01-…png to 10-…png) by walking the guide's ten
# steps through the real workbench, offscreen, on the demo data (sightline_guide_shots). Builds the
# program first when needed (in build/, or $SIGHTLINE_BUILD_DIR). The brief PDF exported in step 10
# is left in the build folder, next to the program's other output. No display needed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${SIGHTLINE_BUILD_DIR:-$root/build}
if [ ! -f "$build/CMakeCache.txt" ]; then
  if [ "$build" = "$root/build" ]; then
    (cd "$root" && cmake --preset default >/dev/null)
  else
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  fi
fi
cmake --build "$build" --target sightline_guide_shots --parallel "$(nproc)"

out=$build/guide-shots
rm -rf "$out"
# A settings folder of its own, so the run neither reads nor changes the user's window layout.
config=$(mktemp -d)
trap 'rm -rf "$config"' EXIT
QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME=$config "$build/tests/sightline_guide_shots" "$out"

mkdir -p "$root/docs/images"
cp "$out"/[0-9][0-9]-*.png "$root/docs/images/"
echo "Screenshots written to $root/docs/images; the brief exported in step 10: $out/rajin-dunai-brief.pdf"
