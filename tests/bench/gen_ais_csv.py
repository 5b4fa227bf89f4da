#!/usr/bin/env python3
"""Writes ROWS AIS positions in NOAA MarineCadastre's CSV layout (the columns and value
formats of AIS_2023_01_01.csv), VESSELS vessels reporting in turn, one fix a vessel about
every minute, from a fixed seed: usage gen_ais_csv.py OUT.csv [ROWS] [VESSELS]."""
import random
import sys
from datetime import datetime, timedelta, timezone

out = sys.argv[1]
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
vessels = int(sys.argv[3]) if len(sys.argv) > 3 else 2000
rng = random.Random(42)
fleet = []
for v in range(vessels):
    fleet.append({
        "mmsi": 366000000 + v * 37,
        "lat": rng.uniform(25.0, 45.0), "lon": rng.uniform(-125.0, -70.0),
        "sog": rng.uniform(0.0, 18.0), "cog": rng.uniform(0.0, 359.9),
        "name": f"VESSEL {v:05d}", "imo": f"IMO{9000000 + v}" if v % 3 else "",
        "call": f"W{v:05d}", "type": rng.choice([30, 31, 37, 52, 60, 70, 80]),
    })
start = datetime(2023, 1, 1, tzinfo=timezone.utc)
with open(out, "w") as f:
    f.write("MMSI,BaseDateTime,LAT,LON,SOG,COG,Heading,VesselName,IMO,CallSign,VesselType,Status,"
            "Length,Width,Draft,Cargo,TransceiverClass\n")
    for i in range(rows):
        v = fleet[i % vessels]
        t = start + timedelta(seconds=(i // vessels) * 60 + (i % vessels) * 60 // vessels)
        v["lat"] += rng.uniform(-0.002, 0.002)
        v["lon"] += rng.uniform(-0.002, 0.002)
        f.write(f"{v['mmsi']},{t.strftime('%Y-%m-%dT%H:%M:%S')},{v['lat']:.5f},{v['lon']:.5f},"
                f"{v['sog']:.1f},{v['cog']:.1f},{int(v['cog'])}.0,{v['name']},{v['imo']},{v['call']},"
                f"{v['type']},0.0,120.0,20.0,8.0,70.0,A\n")
