#!/usr/bin/env bash
# Installs what is missing, builds, and opens the workbench on the bundled demo
# project: the case-study area (Rajin – Vladivostok – Nakhodka) framed over the
# land/sea base, with the demo Landsat scenes and MBTiles, ports and rail lines, the
# SIMULATED AIS tracks of the case (Angara and Maria going dark on the way to Rajin)
# and example sightings from the reporting (ships at the Rajin and Dunai quays, the
# 73 rail cars counted at Tumangang, the new pits near Tikhoretsk), and the events the
# movement analyses find in the tracks (dark periods, port calls, Rajin-Dunai round trips), and the
# brief of the case (resources/demo/case-brief.json) ready in the Brief Composer. The project is
# made once, with the command line, at build/demo/case-demo.gpkg; edits made in the
# workbench are kept there (delete the file to start again). With no display it says
# so and renders the project's view headless to a PNG and its brief to a PDF.
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
)
sightline=$root/build/app/sightline
project=${SIGHTLINE_DEMO_PROJECT:-$root/build/demo/case-demo.gpkg}
if [ ! -f "$project" ]; then
  mkdir -p "$(dirname "$project")"
  # Made in a temporary file and moved into place, so an interrupted run never leaves half a project.
  partial="$project.partial.gpkg"
  rm -f "$partial"
  "$sightline" project create "$partial" "${layers[@]}" --extent "$extent" >/dev/null
  "$sightline" ais import "$demo/ais/case_rajin_dunai_2023_SIMULATED.nmea" --project "$partial" >/dev/null 2>&1
  "$sightline" sightings import "$demo/sightings/case_sightings_ILLUSTRATIVE.geojson" --project "$partial" >/dev/null
  # Summaries go to a log, shown only when an analysis fails.
  analyze() { "$sightline" analyze "$@" >/dev/null 2>"$partial.log" || { cat "$partial.log" >&2; exit 1; }; }
  # The movement analyses of the case, saved with their parameters: the dark periods, the port
  # calls (seen, and possible while dark) and the Rajin-Dunai round trips. (Encounters and
  # loitering are in the Analysis menu; in the simulated traffic they are ships at anchor.)
  analyze gaps --project "$partial" --save
  analyze port-calls --project "$partial" --save
  analyze voyages --project "$partial" --between Rajin,Dunai --save
  # The case's brief, kept in the project: the Brief Composer opens it, `sightline brief` writes it.
  "$sightline" brief --project "$partial" --definition "$demo/case-brief.json" --store \
    -o "$partial.pdf" >/dev/null 2>"$partial.log" || { cat "$partial.log" >&2; exit 1; }
  rm -f "$partial.log" "$partial.pdf"
  mv "$partial" "$project"
  echo "Demo project made: $project"
fi
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  out=${SIGHTLINE_DEMO_OUT:-$root/build/demo-view.png}
  echo "No display found (DISPLAY and WAYLAND_DISPLAY are unset): rendering the demo project headless instead."
  # The demo data ship with Sightline: allowed by name, so a demo project from an older build renders too.
  "$sightline" render --project "$project" --allow-path "$demo" --size 1600x1000 -o "$out" >/dev/null
  echo "Demo view written to $out"
  brief=${SIGHTLINE_DEMO_BRIEF:-$root/build/demo-brief.pdf}
  # The template gives the content only to a demo project made before briefs existed.
  "$sightline" brief --project "$project" --allow-path "$demo" --template "$demo/case-brief.json" -o "$brief" 2>/dev/null
  echo "Demo brief written to $brief"
  exit 0
fi
exec "$sightline" --project "$project"
