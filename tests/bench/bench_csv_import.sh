#!/usr/bin/env bash
# CSV import benchmark beside ogr2ogr, in the same run. ROWS positions in NOAA MarineCadastre's
# layout (tests/bench/gen_ais_csv.py, fixed seed) are imported into a new project by
# `sightline ais import --quiet` and written to a new GeoPackage by `ogr2ogr -f GPKG` (points,
# types detected, times parsed), page cache warm, RUNS times each, alternating; medians and the
# ratio. Then the parse alone (into the track store, no project written) and the time parser
# alone, best of RUNS, from build/tests/sightline_bench_csv.
#   usage: tests/bench/bench_csv_import.sh [RUNS] [ROWS]
#   BUILD=path/to/build (default build/); BENCH_DATA=folder for the generated file
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
RUNS=${1:-5}; ROWS=${2:-1000000}
build=${BUILD:-$root/build}
data=${BENCH_DATA:-${TMPDIR:-/tmp}/sightline-bench}; mkdir -p "$data"
sightline=$build/app/sightline
parse=$build/tests/sightline_bench_csv
for tool in "$sightline" "$parse"; do
  [ -x "$tool" ] || { echo "build $tool first (cmake --build $build --target sightline sightline_bench_csv)"; exit 2; }
done
command -v ogr2ogr > /dev/null || { echo "needs ogr2ogr (gdal-bin)"; exit 2; }
csv=$data/ais_noaa_${ROWS}.csv
[ -f "$csv" ] || python3 "$root/tests/bench/gen_ais_csv.py" "$csv" "$ROWS"
bytes=$(stat -c %s "$csv")
cat "$csv" > /dev/null
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "file: $csv ($ROWS rows, $((bytes / 1000000)) MB); $(ogr2ogr --version)"

run_sightline() { rm -f "$data/p.gpkg"; "$sightline" ais import "$csv" --project "$data/p.gpkg" --quiet; }
run_ogr2ogr() {
  rm -f "$data/o.gpkg"
  ogr2ogr -f GPKG "$data/o.gpkg" "$csv" -nln positions -a_srs EPSG:4326 -nlt POINT \
    -oo X_POSSIBLE_NAMES=LON -oo Y_POSSIBLE_NAMES=LAT -oo AUTODETECT_TYPE=YES
}
ms() { local s=$(date +%s%N); "$@" > /dev/null 2>&1; echo $(( ($(date +%s%N) - s) / 1000000 )); }
run_sightline > /dev/null 2>&1; run_ogr2ogr > /dev/null 2>&1 # warm-up
s_times=(); o_times=()
for i in $(seq 1 "$RUNS"); do
  s_times+=("$(ms run_sightline)"); o_times+=("$(ms run_ogr2ogr)")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
range() { printf '%s\n' "$@" | sort -n | awk 'NR==1{lo=$1} {hi=$1} END {print lo "-" hi}'; }
s=$(median "${s_times[@]}"); o=$(median "${o_times[@]}")
printf '%-28s median %6d ms  (%s)  %9.0f rows/s\n' "sightline ais import" "$s" "$(range "${s_times[@]}")" \
  "$(echo "$ROWS / ($s / 1000)" | bc -l)"
printf '%-28s median %6d ms  (%s)  %9.0f rows/s\n' "ogr2ogr -f GPKG" "$o" "$(range "${o_times[@]}")" \
  "$(echo "$ROWS / ($o / 1000)" | bc -l)"
echo "ratio ogr2ogr/sightline: $(echo "scale=2; $o / $s" | bc)x"
echo "positions written: sightline $(ogrinfo -ro -so "$data/p.gpkg" ais_positions 2>/dev/null | grep -m1 'Feature Count' | cut -d: -f2 | xargs)," \
  "ogr2ogr $(ogrinfo -ro -so "$data/o.gpkg" positions | grep -m1 'Feature Count' | cut -d: -f2 | xargs)"
"$parse" "$csv" "$RUNS"
