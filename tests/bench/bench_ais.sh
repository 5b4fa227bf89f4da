#!/usr/bin/env bash
# AIS decode benchmark beside gpsd's gpsdecode, in the same run.
# A 1,000,000-sentence NMEA file (about 5 % multi-sentence) made by
# ../shared/peers/gen_aivdm.py (types 1, 2, 3, 5, 18, 24), with one real message of
# every other type (4, 6–17, 19–23, 25–27, from gpsd's captures in ../shared/data/ais)
# inserted every 10 lines, is decoded to JSON lines by `sightline ais decode` and by
# `gpsdecode -j`, page cache warm, RUNS times each; medians and the ratio.
#   usage: tests/bench/bench_ais.sh [RUNS] [LINES]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
peers=$root/../shared/peers
RUNS=${1:-5}; LINES=${2:-1000000}
data=${PEERS:-/tmp/peers}/data; mkdir -p "$data"
[ -d "$peers" ] || { echo "needs ../shared/peers (the AIVDM generator) beside the repository"; exit 2; }
"$root/tools/install-deps.sh" --bench
"$root/tools/build.sh" >/dev/null
base=$data/ais_${LINES}.nmea
[ -f "$base" ] || python3 "$peers/gen_aivdm.py" "$base" --lines "$LINES" --seed 42 >/dev/null
file=$data/ais_${LINES}_all_types.nmea
[ -f "$file" ] || python3 "$root/tests/bench/mix_ais_types.py" "$base" "$file" 10 \
  "$root"/../shared/data/ais/gpsd/*.log "$root"/../shared/data/ais/gpsd/sample.aivdm
LINES=$(wc -l < "$file")
sightline=$root/build/app/sightline
bytes=$(stat -c %s "$file")
cat "$file" > /dev/null

time_runs() { # label command...
  local label=$1; shift
  "$@" > /dev/null 2>&1 # warm-up
  local times=()
  for i in $(seq 1 "$RUNS"); do
    local s=$(date +%s%N); "$@" > /dev/null 2>&1; times+=($(( ($(date +%s%N) - s) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v n="$RUNS" -v label="$label" -v lines="$LINES" -v bytes="$bytes" \
    '{a[NR]=$1} END {m=a[int((n+1)/2)]; printf "%-22s median %6d ms  (%d-%d)  %8.0f lines/s  %6.1f MB/s\n", label, m, a[1], a[n], lines/(m/1000), bytes/1e6/(m/1000); print m > "/tmp/.bench_ais_" label}'
}
echo "file: $file ($LINES lines, $((bytes / 1000000)) MB)"
time_runs sightline-jsonl "$sightline" ais decode "$file"
time_runs gpsdecode-j sh -c "gpsdecode -j < '$file'"
s=$(cat /tmp/.bench_ais_sightline-jsonl); g=$(cat /tmp/.bench_ais_gpsdecode-j)
echo "ratio gpsdecode/sightline: $(echo "scale=1; $g / $s" | bc)x"
/usr/bin/time -f "sightline peak RSS: %M KiB" "$sightline" ais decode "$file" > /dev/null 2>/tmp/.bench_ais_rss; tail -1 /tmp/.bench_ais_rss
# Same messages decoded by both (first 200,000 lines), as a sanity check of the figures.
head -200000 "$file" > "$data/ais_head.nmea"
a=$("$sightline" ais decode "$data/ais_head.nmea" 2>/dev/null | grep -c '"class":"AIS"' || true)
b=$(gpsdecode -j < "$data/ais_head.nmea" 2>/dev/null | grep -c '"class":"AIS"' || true)
echo "messages in the first 200k lines (every type): sightline $a, gpsdecode $b"
# Import into the track store (one thread) and rendering of 10 million positions. The
# generated log has no receive times, so a copy gets NMEA 4.0 tag blocks (10 lines a second).
tagged=$data/ais_${LINES}_all_types_tagged.nmea
[ -f "$tagged" ] || python3 - "$file" "$tagged" <<'PY'
import sys
src, dst = sys.argv[1], sys.argv[2]
with open(src) as f, open(dst, "w") as out:
    for i, line in enumerate(f):
        tag = f"s:bench,c:{1692000000 + i // 10}"
        x = 0
        for c in tag:
            x ^= ord(c)
        out.write(f"\\{tag}*{x:02X}\\{line}")
PY
"$root/build/tests/sightline_bench_tracks" import "$tagged" --runs "$RUNS"
"$root/build/tests/sightline_bench_tracks" render --positions 10000000 --vessels 10000 --runs "$RUNS"
