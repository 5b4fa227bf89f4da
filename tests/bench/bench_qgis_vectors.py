#!/usr/bin/python3
"""The QGIS side of the vector benchmark (PyQGIS headless, Debian 12's QGIS 3.22):
the same GeoPackage layers, the same 1920x1080 EPSG:3857 windows (full extent and
25 km around 131.5E 42.5N), the same identify clicks (8 px at 13 m/px).
Prints lines in the format bench_vectors.sh reads.
usage: QT_QPA_PLATFORM=offscreen bench_qgis_vectors.py FILE.gpkg [--runs 7]
"""
import argparse
import math
import os
import random
import statistics as st
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsFeatureRequest, QgsFillSymbol,
                       QgsLineSymbol, QgsMapRendererParallelJob, QgsMapSettings, QgsProject, QgsRectangle,
                       QgsSingleSymbolRenderer, QgsVectorLayer, QgsGeometry, QgsPointXY)
from qgis.PyQt.QtCore import QSize

ap = argparse.ArgumentParser()
ap.add_argument("gpkg")
ap.add_argument("--runs", type=int, default=7)
ap.add_argument("--clicks", help="file of 'lon lat' lines (the same clicks as the Sightline side)")
a = ap.parse_args()
app = QgsApplication([], False)
app.initQgis()

t0 = time.perf_counter()
rails = QgsVectorLayer(f"{a.gpkg}|layername=rails", "rails", "ogr")
areas = QgsVectorLayer(f"{a.gpkg}|layername=areas", "areas", "ogr")
assert rails.isValid() and areas.isValid()
rails.setRenderer(QgsSingleSymbolRenderer(QgsLineSymbol.createSimple({"line_color": "48,48,48", "line_width": "0.26"})))
areas.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
    {"color": "31,95,168,60", "outline_color": "31,95,168", "outline_width": "0.26"})))
QgsProject.instance().addMapLayers([areas, rails])
print(f"open: {(time.perf_counter() - t0) * 1000:.0f} ms (QGIS reads lazily; the first render pays the rest)")

dst = QgsCoordinateReferenceSystem("EPSG:3857")
R = 6378137.0
def merc(lon, lat):
    return lon * math.pi / 180 * R, math.log(math.tan(math.pi / 4 + lat * math.pi / 360)) * R
x0, y0 = merc(130.0, 41.4)
x1, y1 = merc(133.0, 43.6)
cx, cy = merc(131.5, 42.5)
windows = {"full extent": QgsRectangle(x0, y0, x1, y1),
           "25 km window": QgsRectangle(cx - 12500, cy - 7031.25, cx + 12500, cy + 7031.25)}

def render(extent):
    ms = QgsMapSettings()
    ms.setLayers([rails, areas])
    ms.setDestinationCrs(dst)
    ms.setOutputSize(QSize(1920, 1080))
    ms.setOutputDpi(96)
    ms.setExtent(extent)
    job = QgsMapRendererParallelJob(ms)
    t = time.perf_counter()
    job.start()
    job.waitForFinished()
    return (time.perf_counter() - t) * 1000

for name, ext in windows.items():
    first = render(ext)
    times = [render(ext) for _ in range(a.runs)]
    print(f"render {name} at 1920x1080: first {first:.1f} ms, warm median {st.median(times):.1f} ms")

# Identify as QGIS's identify tool does: a feature request on a small rectangle, then an exact test.
rng = random.Random(3)
tol = 8 * 13.0 / 111320.0
if a.clicks:
    clicks = [tuple(map(float, l.split())) for l in open(a.clicks) if l.strip()]
else:
    clicks = [(rng.uniform(130.1, 132.9), rng.uniform(41.5, 43.5)) for _ in range(200)]
times, hits = [], 0
for x, y in clicks:
    t = time.perf_counter()
    point = QgsGeometry.fromPointXY(QgsPointXY(x, y))
    rect = QgsRectangle(x - tol, y - tol, x + tol, y + tol)
    found = False
    for layer in (rails, areas):
        for f in layer.getFeatures(QgsFeatureRequest().setFilterRect(rect)):
            if f.geometry().distance(point) <= tol:
                found = True
                break
        if found:
            break
    times.append((time.perf_counter() - t) * 1e6)
    hits += found
print(f"identify: median {st.median(times):.1f} µs per click ({hits} of {len(clicks)} clicks hit a feature)")
