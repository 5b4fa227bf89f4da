#!/usr/bin/env bash
# Builds resources/demo/basemap_fareast_landsea.tif: a land/sea base raster of the
# case-study area (Rajin – Vladivostok – Nakhodka), rasterised from the Natural
# Earth 10m land and coastline clips in ../shared/data. Public domain, as its source.
#   usage: tools/make_demo_basemap.sh [SHARED_DATA_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
data=${1:-$here/../shared/data}
ne=$data/vector/naturalearth
out=$here/resources/demo/basemap_fareast_landsea.tif
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# 0.002° cells (about 200 m) over the Natural Earth clip, 127–136E 40–46N.
te="127 40 136 46"; tr="0.002 0.002"
gdal_rasterize -q -ot Byte -init 1 -burn 2 -te $te -tr $tr -a_srs EPSG:4326 \
  "$ne/ne_10m_land_clip_fareast_127-136E_40-46N.geojson" "$tmp/land.tif"
gdal_rasterize -q -b 1 -burn 3 "$ne/ne_10m_coastline_clip_fareast_127-136E_40-46N.geojson" "$tmp/land.tif"

# Palette: 1 sea, 2 land, 3 coastline.
cat > "$tmp/palette.txt" <<'PAL'
0 255 255 255 0
1 170 200 222 255
2 239 234 220 255
3 84 110 132 255
PAL
gdaldem color-relief -q -nearest_color_entry -alpha "$tmp/land.tif" "$tmp/palette.txt" "$tmp/rgba.tif"
gdal_translate -q -b 1 -b 2 -b 3 -co COMPRESS=DEFLATE -co PREDICTOR=2 -co TILED=YES \
  -mo "TIFFTAG_IMAGEDESCRIPTION=Land/sea base of the Rajin-Vladivostok-Nakhodka area from Natural Earth 10m (public domain)" \
  -mo "SOURCE=Natural Earth 10m land and coastline, clipped 127-136E 40-46N" \
  -mo "TIFFTAG_COPYRIGHT=Base: Natural Earth (public domain)" \
  "$tmp/rgba.tif" "$out"
gdaladdo -q -r average "$out" 2 4 8 16
gdalinfo "$out" | sed -n '1,4p'
ls -l "$out"
