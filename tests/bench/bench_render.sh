#!/usr/bin/env bash
# Raster render benchmark, side by side with gdalwarp in the same run.
# A 20000x20000 RGB GeoTIFF (UTM 52N, JPEG, tiled, overviews 2..64) made by
# ../shared/peers/make_raster.sh is rendered to 1920x1080 in EPSG:3857 at full
# extent and zoomed 10x: cold (page cache dropped, new process, open + render)
# and warm (median of RUNS re-renders in one process). gdalwarp -r near makes
# the same windows, cold and warm (median), in the same run.
#   usage: tests/bench/bench_render.sh [RUNS]     (root needed to drop caches for "cold")
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
peers=$root/../shared/peers
RUNS=${1:-9}
export PEERS=${PEERS:-/tmp/peers}
data=$PEERS/data
out=$PEERS/out/sightline; mkdir -p "$out" "$data"
[ -d "$peers" ] || { echo "needs ../shared/peers (the raster generator) beside the repository"; exit 2; }
"$root/tools/install-deps.sh" --bench
"$root/tools/build.sh" >/dev/null
bench=$root/build/tests/sightline_bench_render
[ -f "$data/img_jpeg.tif" ] || bash "$peers/make_raster.sh" 20000

img=$data/img_jpeg.tif
# The image's full extent in EPSG:3857 (as QGIS and the peer scripts frame it), and the
# window ten times smaller around its centre.
FULL="14471533.803 5142549.825 14805492.276 5330401.466"
read -r x0 y0 x1 y1 <<<"$FULL"
ZOOM=$(python3 -c "x0,y0,x1,y1=$x0,$y0,$x1,$y1;cx,cy=(x0+x1)/2,(y0+y1)/2;w,h=(x1-x0)/20,(y1-y0)/20;print(cx-w,cy-h,cx+w,cy+h)")

drop() { if [ -w /proc/sys/vm/drop_caches ]; then sync; echo 3 > /proc/sys/vm/drop_caches; echo cold; else echo "warm-os-cache"; fi; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

printf '\n%-8s %-10s %14s %14s %14s %s\n' window tool cold_ms warm_med_ms first_ms notes
for name in full zoom10x; do
  win=$FULL; [ $name = zoom10x ] && win=$ZOOM
  comma=$(echo $win | tr ' ' ',')
  # Sightline
  state=$(drop)
  line=$("$bench" "$img" --window "$comma" --runs "$RUNS" -o "$out/$name.png")
  cold=$(sed -E 's/.*cold_total_ms=([0-9.]+).*/\1/' <<<"$line")
  warm=$(sed -E 's/.*warm_median_ms=([0-9.]+).*/\1/' <<<"$line")
  first=$(sed -E 's/.*first_render_ms=([0-9.]+).*/\1/' <<<"$line")
  printf '%-8s %-10s %14s %14s %14s %s\n' $name sightline "$cold" "$warm" "$first" "($state; $line)"
  # gdalwarp, nearest neighbour, same window and size
  cmd="gdalwarp -q -overwrite -t_srs EPSG:3857 -te $win -ts 1920 1080 -r near $img $out/${name}_gdalwarp.tif"
  state=$(drop)
  s=$(date +%s%N); $cmd; gcold=$(( ($(date +%s%N) - s) / 1000000 ))
  times=()
  for i in $(seq 1 "$RUNS"); do s=$(date +%s%N); $cmd; times+=($(( ($(date +%s%N) - s) / 1000000 ))); done
  gwarm=$(printf '%s\n' "${times[@]}" | median)
  diff=$(/usr/bin/python3 "$root/tests/bench/compare_images.py" "$out/$name.png" "$out/${name}_gdalwarp.tif")
  printf '%-8s %-10s %14s %14s %14s %s\n' $name gdalwarp "$gcold" "$gwarm" "-" "($state; vs sightline: $diff)"
done
echo
echo "cold = new process, page cache dropped, open + first render; warm = median of $RUNS re-renders (Sightline: in-process, GDAL block cache warm; gdalwarp: whole command, OS cache warm)."
