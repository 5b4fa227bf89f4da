#!/usr/bin/python3
"""The QGIS side of the brief benchmark (PyQGIS headless, Debian 12's QGIS 3.22): the demo
project's layers (read from its sightline_layers table, paths relative to the project's
folder), its AIS positions, events and sightings, in print layouts exported to PDF with
QgsLayoutExporter at the brief's resolution (rasterizeWholeImage off, QGIS's other PDF
defaults kept: text as outlines, GeoPDF georeference on).

  1 page:   A4 portrait, the case brief's figure 1 (129.85,41.95 - 132.75,43.15 in EPSG:3857)
            with a graticule with frame labels, an inset locator, a scale bar, a north arrow,
            a legend, a title, a caption and an attribute table of ais_positions.
  10 pages: the benchmark brief's six figures (same extents, same furniture, one a page),
            a page of text, the events (dark periods, round trips), sightings and vessels
            tables, and a page listing the sources: like for like with bench_brief.sh, but
            with no timeline (QGIS has no layout item for one) and no time filter on figure 4.

Each layout is built once; its export is timed (wall clock, in this process) first and then
best of --runs. Prints `QGIS layout: 1 page, 1 map: first 1.23 s, best 1.01 s, 4.2 MB`.
usage: QT_QPA_PLATFORM=offscreen bench_qgis_layout.py PROJECT.gpkg --out DIR [--runs 5] [--dpi 200]
"""
import argparse
import json
import math
import os
import sqlite3
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from qgis.core import (QgsApplication, QgsCategorizedSymbolRenderer, QgsCoordinateReferenceSystem,
                       QgsFillSymbol, QgsLayoutExporter, QgsLayoutFrame, QgsLayoutItemAttributeTable,
                       QgsLayoutItemLabel, QgsLayoutItemLegend, QgsLayoutItemMap, QgsLayoutItemMapGrid,
                       QgsLayoutItemMapOverview, QgsLayoutItemPage, QgsLayoutItemPicture,
                       QgsLayoutItemScaleBar, QgsLayoutUtils, QgsLegendRenderer, QgsLegendStyle,
                       QgsMapLayerLegendUtils, QgsLayoutMultiFrame, QgsLayoutPoint, QgsLayoutSize,
                       QgsLineSymbol, QgsMarkerSymbol, QgsPalLayerSettings, QgsPrintLayout, QgsProject,
                       QgsRasterLayer, QgsRectangle, QgsRendererCategory, QgsSingleSymbolRenderer,
                       QgsTextFormat, QgsUnitTypes, QgsVectorLayer, QgsVectorLayerSimpleLabeling,
                       QgsWkbTypes)
from qgis.PyQt.QtCore import QFile
from qgis.PyQt.QtGui import QColor, QFont

ap = argparse.ArgumentParser()
ap.add_argument("project", help="the demo project (build/demo/case-demo.gpkg)")
ap.add_argument("--out", required=True, help="folder for the PDFs")
ap.add_argument("--runs", type=int, default=5)
ap.add_argument("--dpi", type=int, default=200)
ap.add_argument("--pages", choices=["1", "10", "both"], default="both")
a = ap.parse_args()
os.makedirs(a.out, exist_ok=True)

t_setup = time.perf_counter()
app = QgsApplication([], False)
app.initQgis()
project = QgsProject.instance()
project.setCrs(QgsCoordinateReferenceSystem("EPSG:3857"))

# Sightline's layer styles, as far as a plain QGIS symbol goes: colours (#AARRGGBB as Qt reads
# them), widths (px at 96 dpi, here in mm), Qt pen styles, categories and name labels.
PX_MM = 25.4 / 96
PEN = {1: "solid", 2: "dash", 3: "dot", 4: "dash dot", 5: "dash dot dot"}


def rgba(text):
    c = QColor(text)
    return f"{c.red()},{c.green()},{c.blue()},{c.alpha()}"


def symbol_for(geometry_type, s):
    stroke, width = rgba(s.get("stroke", "#303030")), max(0.1, s.get("stroke_width", 1) * PX_MM)
    pen = PEN.get(s.get("pen_style", 1), "solid")
    if geometry_type == QgsWkbTypes.LineGeometry:
        return QgsLineSymbol.createSimple({"line_color": stroke, "line_width": str(width), "line_style": pen})
    if geometry_type == QgsWkbTypes.PolygonGeometry:
        return QgsFillSymbol.createSimple({"color": rgba(s.get("fill", "#00000000")), "outline_color": stroke,
                                           "outline_width": str(width), "outline_style": pen})
    return QgsMarkerSymbol.createSimple({"name": "circle", "color": rgba(s.get("fill", "#ffffff")),
                                         "outline_color": stroke, "outline_width": str(width),
                                         "size": str(s.get("point_size", 7) * PX_MM)})


def label(layer, field, size_pt=8, colour="#222b33"):
    settings = QgsPalLayerSettings()
    settings.fieldName = field
    fmt = QgsTextFormat()
    fmt.setFont(QFont("DejaVu Sans"))
    fmt.setSize(size_pt)
    fmt.setColor(QColor(colour))
    settings.setFormat(fmt)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


def categorized(layer, field, values, make_symbol):
    cats = [QgsRendererCategory(v, make_symbol(i, v), str(v)) for i, v in enumerate(values)]
    layer.setRenderer(QgsCategorizedSymbolRenderer(field, cats))


def style_vector(layer, style):
    gtype = layer.geometryType()
    base = style.get("symbol", {})
    cats = style.get("categories") or []
    if cats and style.get("category_field") in layer.fields().names():
        layer.setRenderer(QgsCategorizedSymbolRenderer(style["category_field"], [
            QgsRendererCategory(c["value"], symbol_for(gtype, c.get("symbol", base)), c.get("label", c["value"]))
            for c in cats]))
    else:
        layer.setRenderer(QgsSingleSymbolRenderer(symbol_for(gtype, base)))
    field = style.get("label_field")
    if field and field in layer.fields().names():
        label(layer, field, style.get("label_size", 11) * 0.75, style.get("label_colour", "#222b33"))


TRACK_COLOURS = ["#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#42d4f4", "#f032e6", "#9a6324"]

folder = os.path.dirname(os.path.abspath(a.project))
db = sqlite3.connect(f"file:{os.path.abspath(a.project)}?mode=ro", uri=True)
rows = db.execute("select source, layer_name, name, visible, opacity, style from sightline_layers "
                  "order by position").fetchall()
mmsis = [r[0] for r in db.execute("select distinct mmsi from ais_positions order by mmsi")]
names = dict(db.execute("select mmsi, name from vessels"))
event_types = [r[0] for r in db.execute("select distinct type from events order by type")]
sighting_kinds = [r[0] for r in db.execute("select distinct kind from sightings order by kind")]
db.close()

layers = []  # bottom first, as sightline_layers orders them
sources = []
for source, layer_name, name, visible, opacity, style_text in rows:
    if not visible:
        continue
    path = os.path.normpath(os.path.join(folder, source))
    style = json.loads(style_text or "{}")
    if style.get("type") == "tracks":
        # The project's AIS tracks: QGIS draws the positions (Sightline joins them into lines).
        layer = QgsVectorLayer(f"{path}|layername=ais_positions", "AIS positions", "ogr")
        categorized(layer, "mmsi", mmsis, lambda i, v: QgsMarkerSymbol.createSimple(
            {"name": "circle", "color": TRACK_COLOURS[i % len(TRACK_COLOURS)], "outline_style": "no",
             "size": "0.7"}))
        for cat_index, v in enumerate(mmsis):
            layer.renderer().updateCategoryLabel(cat_index, f"{names.get(v) or v} ({v})")
    elif path.lower().endswith((".tif", ".tiff", ".vrt", ".mbtiles")):
        layer = QgsRasterLayer(path, name, "gdal")
    else:
        layer = QgsVectorLayer(f"{path}|layername={layer_name}" if layer_name else path, name, "ogr")
        if layer.isValid():
            style_vector(layer, style)
    if not layer.isValid():
        sys.exit(f"bench_qgis_layout: cannot open {path} ({name})")
    layer.setOpacity(opacity if opacity is not None else 1.0)
    layers.append(layer)
    sources.append(path)

# What Sightline draws on every figure besides the project's layers: events and sightings.
gpkg = os.path.abspath(a.project)
events = QgsVectorLayer(f"{gpkg}|layername=events", "Events", "ogr")
categorized(events, "type", event_types, lambda i, v: QgsLineSymbol.createSimple(
    {"line_color": ["#d95f02", "#1b9e77", "#7570b3", "#e7298a"][i % 4], "line_width": "0.4",
     "line_style": "dash" if v == "gap" else "solid"}))
sightings = QgsVectorLayer(f"{gpkg}|layername=sightings", "Sightings", "ogr")
categorized(sightings, "kind", sighting_kinds, lambda i, v: QgsMarkerSymbol.createSimple(
    {"name": "diamond", "color": ["#e41a1c", "#ff7f00", "#984ea3", "#4daf4a"][i % 4], "size": "2.4"}))
label(sightings, "vessel_name")
vessels = QgsVectorLayer(f"{gpkg}|layername=vessels", "Vessels", "ogr")
for extra in (events, sightings, vessels):
    if not extra.isValid():
        sys.exit(f"bench_qgis_layout: cannot open {extra.name()} in {gpkg}")
layers += [events, sightings]
project.addMapLayers(layers + [vessels])
map_layers = list(reversed(layers))  # QGIS lists the top layer first
basemap = layers[0]
ais = next(l for l in layers if l.name() == "AIS positions")

WEB = QgsCoordinateReferenceSystem("EPSG:3857")


def mercator(w, s, e, n):
    r = 6378137.0
    y = lambda lat: math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) * r
    return QgsRectangle(math.radians(w) * r, y(s), math.radians(e) * r, y(n))


# The benchmark brief's figures (tests/bench/brief_bench_template.json), in its order.
FIGURES = [
    ((129.2, 41.6, 133.6, 43.8), "The case area: Rajin, Tumangang, Vladivostok, Dunai and Nakhodka."),
    ((129.85, 41.95, 132.75, 43.15), "The route: the tracks of ANGARA and MARIA between Dunai and Rajin."),
    ((130.262, 42.218, 130.338, 42.258), "Rajin (Rason) port, 5 October 2023."),
    ((132.30, 42.862, 132.40, 42.900), "Dunai, 14 October 2023."),
    ((130.56, 42.385, 130.68, 42.43), "Tumangang rail yard on the DPRK-Russia border."),
    ((130.22, 42.2, 130.72, 42.46), "The Tumangang-Rajin corridor."),
]
CASE_AREA = mercator(129.2, 41.6, 133.6, 43.8)
MARGIN, PAGE_W, PAGE_H = 18.0, 210.0, 297.0
TEXT_W = PAGE_W - 2 * MARGIN
north_svg = ":/images/north_arrows/layout_default_north_arrow.svg"
if not QFile(north_svg).exists():
    north_svg = next((os.path.join(p, "arrows/NorthArrow_02.svg") for p in QgsApplication.svgPaths()
                      if os.path.exists(os.path.join(p, "arrows/NorthArrow_02.svg"))), "")

TEXT = ("The AIS log was imported as received. Three analyses ran on the tracks, each with its parameters "
        "stored in the project: dark periods of 12 hours or more, port calls of two hours or more at under "
        "one knot, and round trips between Dunai and Rajin. The sightings were placed by hand on imagery "
        "from the dates given in the reporting; each carries its source, provider and acquisition time. ")


def add_label(layout, text, x, y, w, h, page=0, size=9, bold=False):
    item = QgsLayoutItemLabel(layout)
    item.setText(text)
    font = QFont("DejaVu Sans")
    font.setPointSizeF(size)
    font.setBold(bold)
    item.setFont(font)
    item.setMode(QgsLayoutItemLabel.ModeFont)
    layout.addLayoutItem(item)
    item.attemptResize(QgsLayoutSize(w, h))
    item.attemptMove(QgsLayoutPoint(x, y), page=page)
    return item


def nice_step(span_deg):
    """A graticule interval giving four to ten lines across `span_deg`."""
    for step in (1, 0.5, 0.25, 0.2, 0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001):
        if span_deg / step >= 4:
            return step
    return 0.0005


def small_font(size):
    font = QFont("DejaVu Sans")
    font.setPointSizeF(size)
    return font


def add_figure(layout, bbox, caption, y, page=0):
    """A map of `bbox` (west, south, east, north in degrees; drawn in EPSG:3857) at the text width,
    its shape, at most 55% of the text height, with a graticule with frame labels, an inset, a scale
    bar, a north arrow, a legend and a caption. Returns the bottom of what it placed (mm)."""
    rect = mercator(*bbox)
    w = TEXT_W - 16  # room for the frame labels on both sides
    h = min(w * rect.height() / rect.width(), 0.55 * (PAGE_H - 2 * MARGIN))
    x = MARGIN + 8
    m = QgsLayoutItemMap(layout)
    m.setCrs(WEB)
    m.setLayers(map_layers)
    m.setFrameEnabled(True)
    layout.addLayoutItem(m)
    m.attemptResize(QgsLayoutSize(w, h))
    m.attemptMove(QgsLayoutPoint(x, y + 5), page=page)
    m.zoomToExtent(rect)
    grid = QgsLayoutItemMapGrid("graticule", m)
    grid.setCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    step = nice_step(max(bbox[2] - bbox[0], bbox[3] - bbox[1]))
    grid.setIntervalX(step)
    grid.setIntervalY(step)
    grid.setStyle(QgsLayoutItemMapGrid.Solid)
    grid.setGridLineColor(QColor(90, 90, 90, 140))
    grid.setAnnotationEnabled(True)
    grid.setAnnotationFormat(QgsLayoutItemMapGrid.DegreeMinute)
    fmt = QgsTextFormat()
    fmt.setFont(small_font(6))
    fmt.setSize(6)
    grid.setAnnotationTextFormat(fmt)
    for side in (QgsLayoutItemMapGrid.Left, QgsLayoutItemMapGrid.Right, QgsLayoutItemMapGrid.Top,
                 QgsLayoutItemMapGrid.Bottom):
        grid.setAnnotationPosition(QgsLayoutItemMapGrid.OutsideMapFrame, side)
    grid.setAnnotationDirection(QgsLayoutItemMapGrid.Vertical, QgsLayoutItemMapGrid.Left)
    grid.setAnnotationDirection(QgsLayoutItemMapGrid.Vertical, QgsLayoutItemMapGrid.Right)
    grid.setFrameStyle(QgsLayoutItemMapGrid.ExteriorTicks)
    m.grids().addGrid(grid)
    # The inset: the case area on the basemap, the figure's extent marked.
    inset = QgsLayoutItemMap(layout)
    inset.setCrs(WEB)
    inset.setLayers([basemap])
    inset.setFrameEnabled(True)
    layout.addLayoutItem(inset)
    inset.attemptResize(QgsLayoutSize(40, 29))
    inset.attemptMove(QgsLayoutPoint(x + w - 42, y + 5 + h - 31), page=page)
    inset.zoomToExtent(CASE_AREA)
    overview = QgsLayoutItemMapOverview("extent", inset)
    overview.setLinkedMap(m)
    inset.overviews().addOverview(overview)
    bar = QgsLayoutItemScaleBar(layout)
    bar.setLinkedMap(m)
    bar.setStyle("Single Box")
    bar.applyDefaultSize(QgsUnitTypes.DistanceKilometers if rect.width() > 20000 else QgsUnitTypes.DistanceMeters)
    fmt = QgsTextFormat()
    fmt.setFont(small_font(7))
    fmt.setSize(7)
    bar.setTextFormat(fmt)
    bar.setBackgroundEnabled(True)
    layout.addLayoutItem(bar)
    bar.attemptMove(QgsLayoutPoint(x + 2, y + 5 + h - 12), page=page)
    if north_svg:
        arrow = QgsLayoutItemPicture(layout)
        arrow.setPicturePath(north_svg)
        arrow.setLinkedMap(m)
        layout.addLayoutItem(arrow)
        arrow.attemptResize(QgsLayoutSize(8, 12))
        arrow.attemptMove(QgsLayoutPoint(x + w - 11, y + 7), page=page)
    legend = QgsLayoutItemLegend(layout)
    legend.setTitle("Legend")
    legend.setLinkedMap(m)
    legend.setColumnCount(2)
    legend.setSplitLayer(True)
    legend.setSymbolWidth(5)
    legend.setSymbolHeight(2.5)
    legend.setBoxSpace(1.5)
    for style, size, top in ((QgsLegendStyle.Title, 8, 0), (QgsLegendStyle.Group, 7, 2),
                             (QgsLegendStyle.Subgroup, 7, 2), (QgsLegendStyle.Symbol, 6, 0.8),
                             (QgsLegendStyle.SymbolLabel, 6, 0.8)):
        legend.rstyle(style).setFont(small_font(size))
        legend.rstyle(style).setMargin(QgsLegendStyle.Top, top)
    legend.setFrameEnabled(True)
    layout.addLayoutItem(legend)
    # Rasters by name only, as Sightline's legend lists them (not a line per band).
    legend.setAutoUpdateModel(False)
    for node in legend.model().rootGroup().findLayers():
        if isinstance(node.layer(), QgsRasterLayer):
            QgsMapLayerLegendUtils.setLegendNodeOrder(node, [])
            legend.model().refreshLayerLegend(node)
    legend.attemptMove(QgsLayoutPoint(MARGIN, y + h + 13), page=page)
    # The legend sizes itself when first painted; its renderer gives the size now.
    size = QgsLegendRenderer(legend.model(), legend.legendSettings()).minimumSize(
        QgsLayoutUtils.createRenderContextForLayout(layout, None))
    legend.attemptResize(QgsLayoutSize(size.width(), size.height()))
    legend_bottom = y + h + 13 + size.height()
    add_label(layout, caption, MARGIN, legend_bottom + 2, TEXT_W, 8, page, size=8)
    return legend_bottom + 11


def add_table(layout, layer, columns, y, h, page=0, where=None, rows=None):
    table = QgsLayoutItemAttributeTable.create(layout)
    table.setVectorLayer(layer)
    if where:
        table.setFilterFeatures(True)
        table.setFeatureFilter(where)
    if rows:
        table.setMaximumNumberOfFeatures(rows)
    # setDisplayedFields, not setColumns: PyQGIS 3.22's setColumns corrupts the heap for some list lengths.
    table.setDisplayedFields(columns)
    for setter, size in ((table.setContentTextFormat, 6), (table.setHeaderTextFormat, 6.5)):
        fmt = QgsTextFormat()
        fmt.setFont(small_font(size))
        fmt.setSize(size)
        setter(fmt)
    table.setResizeMode(QgsLayoutMultiFrame.UseExistingFrames)
    layout.addMultiFrame(table)
    frame = QgsLayoutFrame(layout, table)
    frame.attemptResize(QgsLayoutSize(TEXT_W, h))
    frame.attemptMove(QgsLayoutPoint(MARGIN, y), page=page)
    table.addFrame(frame)
    table.refresh()
    return table


def new_layout(name, pages):
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()  # one A4 landscape page
    layout.pageCollection().page(0).setPageSize("A4", QgsLayoutItemPage.Portrait)
    layout.setName(name)
    for _ in range(pages - 1):
        page = QgsLayoutItemPage(layout)
        page.setPageSize("A4", QgsLayoutItemPage.Portrait)
        layout.pageCollection().addPage(page)
    return layout


def one_page():
    layout = new_layout("1 page", 1)
    add_label(layout, "ANGARA and MARIA: the Rajin-Dunai shuttle, August-October 2023", MARGIN, MARGIN - 8,
              TEXT_W, 7, size=12, bold=True)
    bottom = add_figure(layout, FIGURES[1][0], "Figure 1. " + FIGURES[1][1], MARGIN + 4)
    add_label(layout, "AIS positions (first rows)", MARGIN, bottom, TEXT_W, 5, size=9, bold=True)
    add_table(layout, ais, ["mmsi", "time", "sog", "cog", "heading", "status"], bottom + 6,
              PAGE_H - MARGIN - bottom - 6)
    return layout, 1


def ten_pages():
    layout = new_layout("10 pages", 10)
    add_label(layout, "Brief benchmark: ANGARA and MARIA, the Rajin-Dunai shuttle", MARGIN, MARGIN, TEXT_W, 10,
              size=14, bold=True)
    add_label(layout, "\n\n".join([TEXT * 3] * 6), MARGIN, MARGIN + 14, TEXT_W, PAGE_H - 2 * MARGIN - 14)
    for i, (extent, caption) in enumerate(FIGURES):
        bottom = add_figure(layout, extent, f"Figure {i + 1}. {caption}", MARGIN, page=1 + i)
        if bottom < PAGE_H - MARGIN - 20:
            add_label(layout, TEXT * 2, MARGIN, bottom, TEXT_W, PAGE_H - MARGIN - bottom, page=1 + i)
    # The brief's tables, in its order: dark periods, round trips, sightings, vessels, sources.
    event_cols = ["type", "mmsi", "start_at", "end_at", "duration_h", "place", "summary"]
    add_label(layout, "Dark periods (AIS gaps of 12 hours or more)", MARGIN, MARGIN, TEXT_W, 6, 7, 10, True)
    add_table(layout, events, event_cols, MARGIN + 7, 120, 7, "\"type\" = 'gap'")
    add_label(layout, "Round trips between Dunai and Rajin", MARGIN, MARGIN + 132, TEXT_W, 6, 7, 10, True)
    add_table(layout, events, event_cols, MARGIN + 139, 120, 7, "\"type\" = 'round-trip'")
    add_label(layout, "Sightings and counts on imagery (illustrative)", MARGIN, MARGIN, TEXT_W, 6, 8, 10, True)
    add_table(layout, sightings, ["kind", "observed_at", "imagery_source", "imagery_provider", "count",
                                  "vessel_name", "notes"], MARGIN + 7, 150, 8)
    add_label(layout, "Vessels", MARGIN, MARGIN + 162, TEXT_W, 6, 8, 10, True)
    add_table(layout, vessels, ["mmsi", "imo", "name", "callsign", "ship_type", "length_m", "flag"],
              MARGIN + 169, 60, 8)
    add_label(layout, "Sources", MARGIN, MARGIN, TEXT_W, 6, 9, 10, True)
    add_label(layout, "\n".join(f"{p}  ({os.path.getsize(p):,} bytes)" for p in sources + [gpkg]), MARGIN, MARGIN + 8,
              TEXT_W, 80, 9, 7)
    return layout, 6


def export(layout, path):
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = a.dpi
    settings.rasterizeWholeImage = False
    t = time.perf_counter()
    result = QgsLayoutExporter(layout).exportToPdf(path, settings)
    elapsed = time.perf_counter() - t
    if result != QgsLayoutExporter.Success:
        sys.exit(f"bench_qgis_layout: export of {path} failed ({result})")
    return elapsed


builders = {"1": [one_page], "10": [ten_pages], "both": [one_page, ten_pages]}[a.pages]
layouts = [b() for b in builders]
print(f"QGIS setup (init, {len(layers)} layers, {len(layouts)} layouts): {time.perf_counter() - t_setup:.2f} s; "
      f"text as {'outlines' if QgsLayoutExporter.PdfExportSettings().textRenderFormat == 0 else 'text'}")
for layout, maps in layouts:
    pages = layout.pageCollection().pageCount()
    path = os.path.join(a.out, f"qgis-layout-{pages}p.pdf")
    first = export(layout, path)
    best = min(export(layout, path) for _ in range(max(0, a.runs - 1))) if a.runs > 1 else first
    best = min(best, first)
    mb = os.path.getsize(path) / 1e6
    print(f"QGIS layout: {pages} page{'s' if pages > 1 else ''}, {maps} map{'s' if maps > 1 else ''}, "
          f"{a.dpi} dpi: first {first:.2f} s, best {best:.2f} s, {mb:.1f} MB -> {path}")
