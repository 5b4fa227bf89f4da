#!/usr/bin/python3
"""Opens a Sightline project in QGIS (headless, through its Python API) and checks that each of the
project's layers loads valid, with one declared geometry type and the style Sightline wrote for it
in layer_styles (a categorised renderer with the expected attribute and categories).

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 tools/check-qgis-project.py build/demo/case-demo.gpkg

Needs Debian's qgis and python3-qgis; not part of the test suite, which checks the same table
without QGIS. Exit 0 when every layer is right, 1 with each problem on stderr.
"""
import sys

from qgis.core import QgsApplication, QgsVectorLayer, QgsWkbTypes

# Layer, expected geometry, renderer attribute.
LAYERS = [
    ("events", QgsWkbTypes.PointGeometry, "type"),
    ("event_paths", QgsWkbTypes.LineGeometry, "type"),
    ("track_lines", QgsWkbTypes.LineGeometry, "mmsi"),
    ("ais_positions", QgsWkbTypes.PointGeometry, "mmsi"),
    ("sightings_points", QgsWkbTypes.PointGeometry, "kind"),
    ("sightings_counts", QgsWkbTypes.PointGeometry, "kind"),
    ("sightings_lines", QgsWkbTypes.LineGeometry, "kind"),
    ("sightings_areas", QgsWkbTypes.PolygonGeometry, "kind"),
]


def main(path):
    app = QgsApplication([], False)
    app.initQgis()
    problems = []
    for name, geometry, attribute in LAYERS:
        layer = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
        if not layer.isValid():
            problems.append(f"{name}: QGIS cannot load it")
            continue
        renderer = layer.renderer()
        categories = [c.value() for c in renderer.categories()] if renderer.type() == "categorizedSymbol" else []
        drawn = sum(1 for f in layer.getFeatures() if f.hasGeometry() and f.geometry().isGeosValid())
        print(f"{name}: {QgsWkbTypes.displayString(layer.wkbType())}, {layer.featureCount()} features "
              f"({drawn} valid), renderer {renderer.type()} on '{getattr(renderer, 'classAttribute', lambda: '')()}', "
              f"{len(categories)} categories, labels {'on' if layer.labelsEnabled() else 'off'}")
        if layer.geometryType() != geometry:
            problems.append(f"{name}: geometry {QgsWkbTypes.geometryDisplayString(layer.geometryType())}")
        if renderer.type() != "categorizedSymbol" or renderer.classAttribute() != attribute:
            problems.append(f"{name}: renderer {renderer.type()}, not categorised on {attribute}")
        elif len(categories) < 2:
            problems.append(f"{name}: only {len(categories)} categories")
        if drawn != layer.featureCount():
            problems.append(f"{name}: {layer.featureCount() - drawn} features without a valid geometry")
    app.exitQgis()
    for p in problems:
        print(p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
