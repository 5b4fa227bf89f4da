#!/usr/bin/env bash
# Vector benchmark beside QGIS in the same run: 100,000 rail-like lines and 50,000
# polygons in one GeoPackage (made by gen_vector_bench.py), rendered at 1920x1080 in
# EPSG:3857 at full extent and in a 25 km window, and identified at 200 clicks.
#   usage: tests/bench/bench_vectors.sh [RUNS]     (installs qgis + python3-qgis if missing)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
RUNS=${1:-7}
data=${PEERS:-/tmp/peers}/data; mkdir -p "$data"
"$root/tools/install-deps.sh" --bench
"$root/tools/build.sh" >/dev/null
gpkg=$data/vector_bench.gpkg
[ -f "$gpkg" ] || /usr/bin/python3 "$root/tests/bench/gen_vector_bench.py" "$gpkg"
clicks=$data/vector_bench_clicks.txt
/usr/bin/python3 -c "import random; r=random.Random(3); print('\n'.join(f'{r.uniform(130.1,132.9):.7f} {r.uniform(41.5,43.5):.7f}' for _ in range(200)))" > "$clicks"
echo "== Sightline"
"$root/build/tests/sightline_bench_vectors" "$gpkg" --runs "$RUNS" --clicks "$clicks"
echo "== QGIS"
if ! /usr/bin/python3 -c 'import qgis.core' 2>/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=900 qgis python3-qgis >/dev/null
fi
QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-/tmp/runtime-root} \
  /usr/bin/python3 "$root/tests/bench/bench_qgis_vectors.py" "$gpkg" --runs "$RUNS" --clicks "$clicks" 2>/dev/null
