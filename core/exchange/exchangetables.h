#pragma once

#include "exchange/casecontent.h"

#include <QList>
#include <QPointF>
#include <QString>
#include <QVariant>

#include <optional>
#include <vector>

namespace sightline {

// A case as tables of simple features, the shape GIS formats (GeoPackage, FlatGeobuf, GeoJSON)
// take: one geometry type a table, so that QGIS and GDAL see declared types, and every geometry
// valid (a track of one place is no line; it stays in the positions).

/// A geometry in lon/lat. A polygon is one ring, open (the writers close it and orient it).
struct ExchangeGeometry
{
    enum class Type
    {
        Point,
        MultiPoint,
        LineString,
        Polygon
    };
    Type type = Type::Point;
    QList<QPointF> lonLat;
};

struct ExchangeField
{
    enum class Type
    {
        Text,
        Integer, ///< 64-bit
        Real,
        DateTime, ///< the value is UTC milliseconds (qint64)
    };
    QString name;
    Type type = Type::Text;
};

struct ExchangeFeature
{
    ExchangeGeometry geometry;
    QList<QVariant> values; ///< one a field, in the table's order; a null QVariant for none
};

struct ExchangeTable
{
    QString name; ///< "tracks", "events", "event_paths", "sightings_areas", …
    CaseLayer layer = CaseLayer::Tracks;
    ExchangeGeometry::Type geometryType = ExchangeGeometry::Type::Point;
    QList<ExchangeField> fields;
    std::vector<ExchangeFeature> features;
};

/// The tables of `content`, the empty ones left out:
///   tracks              LINESTRING a vessel: mmsi, name, imo, callsign, ship_type, start_time, end_time,
///   positions positions           POINT a position (only when asked for): mmsi, name, time, sog, cog events
///   POINT at each event's place (its first end), every field of the event event_paths         LINESTRING
///   from → to for the events whose two ends differ (gaps, voyages, …) sightings, sightings_counts,
///   sightings_lines, sightings_areas   by geometry, every field annotations_points, annotations_lines,
///   annotations_areas        by geometry (ellipses as polygons)
std::vector<ExchangeTable> caseTables(const CaseContent &content, bool withPositions);

/// An annotation as a simple feature: a text as its anchor point, an arrow or a callout as a line
/// (a callout's from its label to what it names), a rectangle, an ellipse or a polygon as an area;
/// nothing for one that is not valid or has no area to show.
std::optional<ExchangeGeometry> annotationGeometry(const Annotation &annotation);

/// The ellipse inscribed in the lon/lat box of two corners, as an open ring of `segments` points.
QList<QPointF> ellipseRing(QPointF cornerA, QPointF cornerB, int segments = 48);

} // namespace sightline
