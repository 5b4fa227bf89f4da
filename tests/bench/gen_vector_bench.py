#!/usr/bin/python3
"""Vector benchmark data: a GeoPackage (EPSG:4326, 130-133E 41.4-43.6N) with
  rails  : 100,000 LineStrings shaped like a rail network (segments of 8-40 vertices
           that continue from where earlier ones ended, with branches)
  areas  : 50,000 Polygons (yards, quays, buildings: 4-12-sided, 50 m to 2 km across)
Both with name/kind attributes and GeoPackage R-tree spatial indexes.
usage: gen_vector_bench.py OUT.gpkg [--lines 100000] [--polygons 50000] [--seed 5]
Needs python3-gdal (Debian); no numpy.
"""
import argparse
import math
import random

from osgeo import ogr, osr

ap = argparse.ArgumentParser()
ap.add_argument("out")
ap.add_argument("--lines", type=int, default=100000)
ap.add_argument("--polygons", type=int, default=50000)
ap.add_argument("--seed", type=int, default=5)
a = ap.parse_args()
rng = random.Random(a.seed)
LON0, LON1, LAT0, LAT1 = 130.0, 133.0, 41.4, 43.6

drv = ogr.GetDriverByName("GPKG")
ds = drv.CreateDataSource(a.out)
srs = osr.SpatialReference()
srs.ImportFromEPSG(4326)
srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)

rails = ds.CreateLayer("rails", srs, ogr.wkbLineString)
rails.CreateField(ogr.FieldDefn("name", ogr.OFTString))
rails.CreateField(ogr.FieldDefn("kind", ogr.OFTString))
rails.StartTransaction()
ends = [(rng.uniform(LON0, LON1), rng.uniform(LAT0, LAT1)) for _ in range(200)]
kinds = ["rail"] * 6 + ["siding", "abandoned", "light_rail"]
for i in range(a.lines):
    # Continue from an existing end most of the time: a network, not noise.
    x, y = rng.choice(ends) if rng.random() < 0.9 else (rng.uniform(LON0, LON1), rng.uniform(LAT0, LAT1))
    heading = rng.uniform(0, 2 * math.pi)
    g = ogr.Geometry(ogr.wkbLineString)
    g.AddPoint_2D(x, y)
    for _ in range(rng.randint(8, 40)):
        heading += rng.gauss(0, 0.15)
        step = rng.uniform(0.0004, 0.0025)
        x = min(max(x + step * math.cos(heading), LON0), LON1)
        y = min(max(y + step * math.sin(heading) * 0.75, LAT0), LAT1)
        g.AddPoint_2D(x, y)
    ends.append((x, y))
    if len(ends) > 5000:
        ends.pop(rng.randrange(len(ends)))
    f = ogr.Feature(rails.GetLayerDefn())
    f.SetField("name", f"line {i}")
    f.SetField("kind", rng.choice(kinds))
    f.SetGeometry(g)
    rails.CreateFeature(f)
rails.CommitTransaction()

areas = ds.CreateLayer("areas", srs, ogr.wkbPolygon)
areas.CreateField(ogr.FieldDefn("name", ogr.OFTString))
areas.CreateField(ogr.FieldDefn("kind", ogr.OFTString))
areas.StartTransaction()
for i in range(a.polygons):
    cx, cy = rng.uniform(LON0, LON1), rng.uniform(LAT0, LAT1)
    r = rng.uniform(0.0003, 0.012)
    n = rng.randint(4, 12)
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for k in range(n):
        ang = 2 * math.pi * k / n
        rr = r * rng.uniform(0.6, 1.0)
        ring.AddPoint_2D(cx + rr * math.cos(ang), cy + rr * math.sin(ang) * 0.75)
    ring.CloseRings()
    p = ogr.Geometry(ogr.wkbPolygon)
    p.AddGeometry(ring)
    f = ogr.Feature(areas.GetLayerDefn())
    f.SetField("name", f"area {i}")
    f.SetField("kind", rng.choice(["yard", "quay", "building", "depot"]))
    f.SetGeometry(p)
    areas.CreateFeature(f)
areas.CommitTransaction()
ds = None
print(f"{a.out}: {a.lines} lines, {a.polygons} polygons")
