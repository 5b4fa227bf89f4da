#!/usr/bin/env bash
# PDF brief benchmark, beside a QGIS print layout export in the same run. `sightline brief`
# writes a brief of ten pages or more over the demo project (brief_bench_template.json: the
# case brief's four map figures, the whole case area and the Tumangang-Rajin corridor, the
# timeline, the events, sightings and vessels tables and the sources, padded with text) at
# 200 dpi, with SOURCE_DATE_EPOCH set; each run is a new process, timed from outside it (wall
# clock, process start to exit), first run and best of RUNS. Then bench_qgis_layout.py exports
# a comparable A4 page (figure 1's extent, the same layers) and a 10-page, 6-map layout with
# QgsLayoutExporter at the same resolution. The project is opened read-only, never copied.
#   usage: tests/bench/bench_brief.sh [RUNS]          (RUNS defaults to 5)
#   env:   DPI=200, BENCH_OUT=/tmp/peers/brief (the PDFs), SIGHTLINE_DEMO_PROJECT (the project),
#          BUILD_JOBS=N builds with N jobs instead of tools/build.sh's nproc, SKIP_BUILD=1 skips it
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
RUNS=${1:-5}
DPI=${DPI:-200}
out=${BENCH_OUT:-${PEERS:-/tmp/peers}/brief}
mkdir -p "$out"
sightline=$root/build/app/sightline
project=${SIGHTLINE_DEMO_PROJECT:-$root/build/demo/case-demo.gpkg}
template=$root/tests/bench/brief_bench_template.json

"$root/tools/install-deps.sh" --bench
if [ -z "${SKIP_BUILD:-}" ]; then
  if [ -n "${BUILD_JOBS:-}" ] && [ -f "$root/build/CMakeCache.txt" ]; then
    build() { cmake --build "$root/build" --target sightline --parallel "$BUILD_JOBS" >/dev/null; }
  else
    build() { "$root/tools/build.sh" >/dev/null; }
  fi
  if ! build; then
    [ -x "$sightline" ] || { echo "bench_brief: the build failed and there is no $sightline" >&2; exit 1; }
    echo "bench_brief: the build failed; timing the existing $sightline as it is" >&2
  fi
fi
if [ ! -f "$project" ]; then
  # run-demo.sh makes the project once; with no display it renders a PNG and exits.
  env -u DISPLAY -u WAYLAND_DISPLAY SIGHTLINE_DEMO_PROJECT="$project" SIGHTLINE_DEMO_OUT="$out/demo-view.png" \
    "$root/tools/run-demo.sh" >/dev/null
fi
type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$root/build/CMakeCache.txt" 2>/dev/null || true)
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
memory=$(awk '/^MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo)
echo "machine: $(nproc) cores, ${cpu:-unknown CPU}, $memory RAM, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "build: $root/build (${type:-no build type}), $sightline of $(date -r "$sightline" '+%F %T')"
echo "project: $project (read-only); template: $template; $DPI dpi; PDFs in $out"

# The PDF's bytes depend only on the inputs when SOURCE_DATE_EPOCH is set (the brief's date).
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1700000000}
pdf=$out/sightline-brief.pdf
run_brief() {
  local t0 t1
  t0=$(date +%s%N)
  "$sightline" brief --project "$project" --definition "$template" --dpi "$DPI" -o "$pdf" 2>"$out/brief.log" \
    || { cat "$out/brief.log" >&2; exit 1; }
  t1=$(date +%s%N)
  echo $(((t1 - t0) / 1000000))
}
# Figures and pages, summarised from pdfinfo and pdfimages.
pages() { pdfinfo "$1" | awk '/^Pages:/ { print $2 }'; }
mb() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.1f MB", b / 1e6 }'; }
images() {
  # pdfimages -list: page num type width height color comp bpc enc interp object ID x-ppi y-ppi size ratio.
  # Grouped by width and encoding, with the heights' range and the resolutions' counts.
  pdfimages -list "$1" | awk 'NR > 2 && $3 == "image" {
      n++; key = $4 " " $9; count[key]++; ppi[$13 == $14 ? $13 : $13 "x" $14]++
      if (!(key in lo) || $5 < lo[key]) lo[key] = $5
      if (!(key in hi) || $5 > hi[key]) hi[key] = $5
      if (!(key in seen)) { seen[key] = 1; keys[++k] = key } }
    END {
      if (!n) { print "none"; exit }
      line = n ":"
      for (i = 1; i <= k; i++) {
        split(keys[i], p, " ")
        h = lo[keys[i]] == hi[keys[i]] ? lo[keys[i]] : lo[keys[i]] "-" hi[keys[i]]
        line = line (i > 1 ? "," : "") " " count[keys[i]] " x " p[1] "x" h " " p[2]
      }
      line = line "; ppi:"
      for (v in ppi) line = line " " v " (" ppi[v] ")"
      print line }'
}
seconds() { awk -v ms="$1" 'BEGIN { printf "%.2f s", ms / 1000 }'; }

echo "== Sightline"
first=$(run_brief)
cp "$pdf" "$out/sightline-brief.first.pdf"
best=$first
for _ in $(seq 2 "$RUNS"); do
  t=$(run_brief)
  [ "$t" -lt "$best" ] && best=$t
done
n=$(pages "$pdf")
maps=$(/usr/bin/python3 -c "import json,sys; print(sum(b['kind'] == 'figure' for b in json.load(open(sys.argv[1]))['blocks']))" "$template")
figures=$(sed -n 's/^sightline brief: [0-9]* pages, \([0-9]*\) figures.*/\1/p' "$out/brief.log")
same=$(cmp -s "$pdf" "$out/sightline-brief.first.pdf" && echo "the same bytes every run" || echo "NOT the same bytes as the first run")
echo "sightline brief: $n pages, $maps figures, $DPI dpi: first $(seconds "$first"), best $(seconds "$best")" \
     "(of $RUNS), $(mb "$pdf")"
echo "  $maps map figures + the timeline ($figures figures as sightline counts them); $same"
echo "  images: $(images "$pdf")"
echo "  as the process reports itself: $(tail -1 "$out/brief.log")"
[ "$n" -ge 10 ] || echo "  WARNING: $n pages, fewer than the 10 the benchmark asks for: add text to $template"
awk -v b="$best" -v s="$(stat -c %s "$pdf")" 'BEGIN {
  printf "  targets: within 3 s (%s), within 15 MB (%s)\n", b <= 3000 ? "met" : "MISSED", s <= 15e6 ? "met" : "MISSED" }'

echo "== QGIS"
if ! /usr/bin/python3 -c 'import qgis.core' 2>/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=900 qgis python3-qgis >/dev/null
fi
QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-/tmp/runtime-root} \
  /usr/bin/python3 "$root/tests/bench/bench_qgis_layout.py" "$project" --out "$out" --runs "$RUNS" --dpi "$DPI" \
  2>"$out/qgis.log" | tee "$out/qgis.txt" || { cat "$out/qgis.log" >&2; exit 1; }
for q in "$out"/qgis-layout-*p.pdf; do
  echo "  $(basename "$q"): $(pages "$q") page(s), images: $(images "$q")"
done
echo "page 1 of each, to compare by eye: pdftoppm -r 50 -png -f 1 -l 1 $pdf $out/sightline; likewise for $out/qgis-layout-1p.pdf"
