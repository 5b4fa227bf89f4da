#!/usr/bin/env python3
"""Demo vector layers of the case, drawn from approximate public coordinates
(no open extract of Rason, Primorye or Tikhoretsk was at hand). Every feature
says so: approximate=true and a note; the file names end in _APPROXIMATE.

Writes resources/demo/vector/{ports,rail_facilities,railways}_APPROXIMATE.geojson.
Standard library only.
usage: make_demo_vectors.py [OUTDIR]
"""
import json
import os
import sys

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "resources", "demo", "vector")
NOTE = "approximate outline drawn by hand from public maps for the Sightline demo"


def box(w, s, e, n):
    return {"type": "Polygon", "coordinates": [[[w, s], [e, s], [e, n], [w, n], [w, s]]]}


def poly(points):
    ring = [list(p) for p in points] + [list(points[0])]
    return {"type": "Polygon", "coordinates": [ring]}


def feature(geometry, **props):
    props.setdefault("approximate", True)
    props.setdefault("note", NOTE)
    return {"type": "Feature", "properties": props, "geometry": geometry}


def write(name, features):
    path = os.path.join(OUT, name)
    with open(path, "w") as f:
        json.dump({"type": "FeatureCollection", "name": name.rsplit(".", 1)[0], "features": features}, f, indent=1)
    print(f"{path}: {len(features)} features")


os.makedirs(OUT, exist_ok=True)

ports = [
    feature(poly([(130.281, 42.236), (130.300, 42.233), (130.312, 42.240), (130.306, 42.250), (130.288, 42.249)]),
            name="Rajin (Rason) port", kind="port", country="KP"),
    feature(poly([(132.340, 42.878), (132.358, 42.876), (132.364, 42.886), (132.349, 42.892)]),
            name="Dunai port", kind="port", country="RU"),
    feature(poly([(131.872, 43.104), (131.900, 43.098), (131.912, 43.108), (131.896, 43.118), (131.878, 43.114)]),
            name="Vladivostok commercial port", kind="port", country="RU"),
    feature(poly([(132.880, 42.803), (132.900, 42.798), (132.912, 42.812), (132.893, 42.822)]),
            name="Nakhodka port", kind="port", country="RU"),
]
write("ports_APPROXIMATE.geojson", ports)

facilities = [
    feature(box(130.612, 42.392, 130.634, 42.404), name="Tumangang rail facility", kind="rail facility", country="KP"),
    feature(box(40.180, 45.888, 40.236, 45.918), name="Ammunition depot near Tikhoretsk", kind="depot", country="RU"),
]
write("rail_facilities_APPROXIMATE.geojson", facilities)

# Rail lines: Rajin - Tumangang - Khasan across the Friendship Bridge, the Primorye lines
# to Ussuriysk (from Khasan, Vladivostok, Nakhodka and the Dunai branch), and a
# schematic long-haul line from Ussuriysk to Tikhoretsk along the Trans-Siberian route.
railways = [
    feature({"type": "LineString", "coordinates": [[130.300, 42.245], [130.360, 42.300], [130.420, 42.335],
                                                    [130.500, 42.330], [130.570, 42.365], [130.622, 42.398],
                                                    [130.636, 42.420], [130.645, 42.432]]},
            name="Rajin - Tumangang - Khasan", kind="rail", gauge="1435/1520 mixed"),
    feature({"type": "LineString", "coordinates": [[130.645, 42.432], [130.720, 42.560], [130.810, 42.700],
                                                    [131.050, 42.950], [131.300, 43.150], [131.560, 43.300],
                                                    [131.760, 43.500], [131.950, 43.800]]},
            name="Khasan - Baranovsky - Ussuriysk", kind="rail"),
    feature({"type": "LineString", "coordinates": [[131.885, 43.112], [131.930, 43.250], [131.880, 43.400],
                                                    [131.900, 43.600], [131.950, 43.800]]},
            name="Vladivostok - Ussuriysk (Trans-Siberian)", kind="rail"),
    feature({"type": "LineString", "coordinates": [[132.890, 42.810], [132.900, 42.950], [133.100, 43.120],
                                                    [132.700, 43.300], [132.300, 43.500], [131.950, 43.800]]},
            name="Nakhodka - Partizansk - Ussuriysk", kind="rail"),
    feature({"type": "LineString", "coordinates": [[132.352, 42.884], [132.420, 42.960], [132.520, 43.060],
                                                    [132.700, 43.300]]},
            name="Dunai branch", kind="rail"),
    feature({"type": "LineString", "coordinates": [[131.950, 43.800], [132.700, 45.300], [135.070, 48.480],
                                                    [127.500, 50.250], [113.500, 52.030], [104.300, 52.300],
                                                    [92.870, 56.010], [82.900, 55.030], [73.370, 54.990],
                                                    [60.600, 56.840], [55.960, 54.740], [50.100, 53.200],
                                                    [44.500, 48.700], [41.980, 47.240], [40.120, 45.850],
                                                    [40.200, 45.900]]},
            name="Ussuriysk - Tikhoretsk (schematic, via the Trans-Siberian)", kind="rail",
            note="schematic: major junctions only, not the real alignment"),
]
write("railways_APPROXIMATE.geojson", railways)
