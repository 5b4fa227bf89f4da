#!/usr/bin/env bash
# Installs what is missing, builds, and opens the workbench on the bundled demo:
# the case-study area (Rajin – Vladivostok – Nakhodka) framed over the land/sea
# base, with the demo Landsat scenes and MBTiles loaded and the SIMULATED AIS
# tracks of the case (Angara and Maria going dark on the way to Rajin). With no display it says
# so and renders the same view headless to a PNG.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/tools/install-deps.sh"
"$root/tools/build.sh"
demo=$root/resources/demo
extent=129.2,41.6,133.6,43.8
layers=(
  "$demo/basemap_fareast_landsea.tif"
  "$demo/imagery/landsat7_bahamas_RGB.byte.tif"
  "$demo/imagery/landsat8/l8_RGB_B4B3B2.vrt"
  "$demo/imagery/RGB.byte_landsat7_webmercator.mbtiles"
  "$demo/vector/ne_10m_boundary_lines_case_areas.geojson"
  "$demo/vector/railways_APPROXIMATE.geojson"
  "$demo/vector/rail_facilities_APPROXIMATE.geojson"
  "$demo/vector/ports_APPROXIMATE.geojson"
  "$demo/vector/ne_10m_ports_case_areas.geojson"
  "$demo/ais/case_rajin_dunai_2023_SIMULATED.nmea"
)
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  out=${SIGHTLINE_DEMO_OUT:-$root/build/demo-view.png}
  echo "No display found (DISPLAY and WAYLAND_DISPLAY are unset): rendering the demo view headless instead."
  "$root/build/app/sightline" render "${layers[@]}" --extent "$extent" --size 1600x1000 -o "$out" >/dev/null
  echo "Demo view written to $out"
  exit 0
fi
exec "$root/build/app/sightline" --extent "$extent" "${layers[@]}"
