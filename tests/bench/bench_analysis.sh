#!/usr/bin/env bash
# Movement-analytics benchmark: a synthetic day of AIS (10,000 vessels x 1,000 positions,
# 200 ports, with dark periods, meetings at sea, loitering and impossible jumps planted in
# it) through every detector, each timed alone; then encounters at 1,000 / 3,000 / 10,000
# vessels. Builds the benchmark in BUILD_DIR when needed (configuring it, RelWithDebInfo
# as tools/build.sh does, if it is not yet), prints the machine, then runs it.
#   usage: tests/bench/bench_analysis.sh [BUILD_DIR] [benchmark options]
#   e.g.   tests/bench/bench_analysis.sh build --vessels 3000 --positions-per-vessel 500 --runs 5
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$root/build
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then
  build=$1
  shift
fi
if [ ! -f "$build/CMakeCache.txt" ]; then
  if [ "$build" -ef "$root/build" ] || [ "$build" = "$root/build" ]; then
    (cd "$root" && cmake --preset default >/dev/null)
  else
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  fi
fi
cmake --build "$build" --target sightline_bench_analysis --parallel "$(nproc)" >/dev/null

type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$build/CMakeCache.txt")
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
memory=$(awk '/^MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo)
echo "machine: $(nproc) cores, ${cpu:-unknown CPU}, $memory RAM, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "build: $build (${type:-no build type}); the detectors run on one thread"
"$build/tests/sightline_bench_analysis" "$@"
