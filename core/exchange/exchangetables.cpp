#include "exchange/exchangetables.h"

#include <QJsonDocument>

#include <cmath>
#include <numbers>

namespace sightline {

namespace {

using Field = ExchangeField;
using GeometryType = ExchangeGeometry::Type;

QVariant text(const QString &s)
{
    return s.isEmpty() ? QVariant() : QVariant(s);
}

QVariant integer(qint64 n, bool known = true)
{
    return known ? QVariant(n) : QVariant();
}

QVariant real(double v)
{
    return std::isfinite(v) ? QVariant(v) : QVariant();
}

QVariant time(std::int64_t ms)
{
    return ms ? QVariant(qint64(ms)) : QVariant();
}

ExchangeTable table(const QString &name, CaseLayer layer, GeometryType type, QList<Field> fields)
{
    ExchangeTable t;
    t.name = name;
    t.layer = layer;
    t.geometryType = type;
    t.fields = std::move(fields);
    return t;
}

/// The points with each repeat of the one before dropped: a moored vessel's track is one place.
QList<QPointF> withoutRepeats(const QList<QPointF> &points)
{
    QList<QPointF> out;
    for (const QPointF &p : points)
        if (out.isEmpty() || out.back() != p)
            out.append(p);
    return out;
}

void addTracks(const CaseContent &content, bool withPositions, std::vector<ExchangeTable> &tables)
{
    ExchangeTable lines = table(QStringLiteral("tracks"), CaseLayer::Tracks, GeometryType::LineString,
                                {{QStringLiteral("mmsi"), Field::Type::Integer},
                                 {QStringLiteral("name"), Field::Type::Text},
                                 {QStringLiteral("imo"), Field::Type::Integer},
                                 {QStringLiteral("callsign"), Field::Type::Text},
                                 {QStringLiteral("ship_type"), Field::Type::Integer},
                                 {QStringLiteral("segment"), Field::Type::Integer},
                                 {QStringLiteral("start_time"), Field::Type::DateTime},
                                 {QStringLiteral("end_time"), Field::Type::DateTime},
                                 {QStringLiteral("positions"), Field::Type::Integer}});
    ExchangeTable points = table(QStringLiteral("positions"), CaseLayer::Positions, GeometryType::Point,
                                 {{QStringLiteral("mmsi"), Field::Type::Integer},
                                  {QStringLiteral("name"), Field::Type::Text},
                                  {QStringLiteral("time"), Field::Type::DateTime},
                                  {QStringLiteral("sog"), Field::Type::Real},
                                  {QStringLiteral("cog"), Field::Type::Real}});
    for (const VesselPath &v : content.vessels) {
        if (content.trackLines)
            for (const TrackPiece &piece : trackPieces(v, content.trackShape)) {
                QList<QPointF> kept;
                for (std::size_t i : piece.kept)
                    kept.append(v.lonLat[qsizetype(i)]);
                const QList<QPointF> line = withoutRepeats(kept);
                if (line.size() < 2)
                    continue;
                lines.features.push_back(
                    {{GeometryType::LineString, line},
                     {integer(v.mmsi), text(v.name), integer(v.imo, v.imo != 0), text(v.callsign),
                      integer(v.shipType, v.shipType != 0), integer(piece.segment),
                      time(v.timesMs[piece.first]), time(v.timesMs[piece.last]),
                      integer(qint64(piece.last - piece.first + 1))}});
            }
        if (withPositions)
            for (std::size_t i = 0; i < v.timesMs.size(); ++i)
                points.features.push_back({{GeometryType::Point, {v.lonLat[qsizetype(i)]}},
                                           {integer(v.mmsi), text(v.name), time(v.timesMs[i]),
                                            real(v.sogKnots[i]), real(v.cogDegrees[i])}});
    }
    tables.push_back(std::move(lines));
    tables.push_back(std::move(points));
}

void addEvents(const CaseContent &content, std::vector<ExchangeTable> &tables)
{
    const QList<Field> fields{{QStringLiteral("event_id"), Field::Type::Integer},
                              {QStringLiteral("type"), Field::Type::Text},
                              {QStringLiteral("type_label"), Field::Type::Text},
                              {QStringLiteral("mmsi"), Field::Type::Integer},
                              {QStringLiteral("vessel"), Field::Type::Text},
                              {QStringLiteral("other_mmsi"), Field::Type::Integer},
                              {QStringLiteral("other_vessel"), Field::Type::Text},
                              {QStringLiteral("start_time"), Field::Type::DateTime},
                              {QStringLiteral("end_time"), Field::Type::DateTime},
                              {QStringLiteral("duration_h"), Field::Type::Real},
                              {QStringLiteral("place"), Field::Type::Text},
                              {QStringLiteral("confidence"), Field::Type::Integer},
                              {QStringLiteral("summary"), Field::Type::Text},
                              {QStringLiteral("from_lon"), Field::Type::Real},
                              {QStringLiteral("from_lat"), Field::Type::Real},
                              {QStringLiteral("to_lon"), Field::Type::Real},
                              {QStringLiteral("to_lat"), Field::Type::Real},
                              {QStringLiteral("details"), Field::Type::Text}};
    ExchangeTable points = table(QStringLiteral("events"), CaseLayer::Events, GeometryType::Point, fields);
    ExchangeTable paths =
        table(QStringLiteral("event_paths"), CaseLayer::Events, GeometryType::LineString, fields);
    for (const MovementEvent &e : content.events) {
        const QList<QVariant> values{
            integer(e.id, e.id != 0),
            eventTypeKey(e.type),
            eventTypeLabel(e.type),
            integer(e.mmsi),
            content.vesselLabel(e.mmsi),
            integer(e.otherMmsi, e.otherMmsi != 0),
            e.otherMmsi ? QVariant(content.vesselLabel(e.otherMmsi)) : QVariant(),
            time(e.startMs),
            time(e.endMs),
            real(e.durationHours()),
            text(e.place),
            integer(e.confidence, e.confidence != 0),
            e.summary(),
            real(e.from.x()),
            real(e.from.y()),
            real(e.to.x()),
            real(e.to.y()),
            e.details.isEmpty()
                ? QVariant()
                : QVariant(QString::fromUtf8(QJsonDocument(e.details).toJson(QJsonDocument::Compact)))};
        points.features.push_back({{GeometryType::Point, {e.from}}, values});
        if (e.from != e.to)
            paths.features.push_back({{GeometryType::LineString, {e.from, e.to}}, values});
    }
    tables.push_back(std::move(points));
    tables.push_back(std::move(paths));
}

void addSightings(const CaseContent &content, std::vector<ExchangeTable> &tables)
{
    const QList<Field> fields{{QStringLiteral("sighting_id"), Field::Type::Integer},
                              {QStringLiteral("kind"), Field::Type::Text},
                              {QStringLiteral("title"), Field::Type::Text},
                              {QStringLiteral("observed_at"), Field::Type::DateTime},
                              {QStringLiteral("count"), Field::Type::Integer},
                              {QStringLiteral("vessel_mmsi"), Field::Type::Integer},
                              {QStringLiteral("vessel_name"), Field::Type::Text},
                              {QStringLiteral("grading"), Field::Type::Text},
                              {QStringLiteral("imagery_source"), Field::Type::Text},
                              {QStringLiteral("imagery_provider"), Field::Type::Text},
                              {QStringLiteral("imagery_acquired"), Field::Type::DateTime},
                              {QStringLiteral("imagery_resolution_m"), Field::Type::Real},
                              {QStringLiteral("analyst"), Field::Type::Text},
                              {QStringLiteral("notes"), Field::Type::Text},
                              {QStringLiteral("tags"), Field::Type::Text},
                              {QStringLiteral("version"), Field::Type::Integer}};
    ExchangeTable byType[] = {
        table(QStringLiteral("sightings"), CaseLayer::Sightings, GeometryType::Point, fields),
        table(QStringLiteral("sightings_counts"), CaseLayer::Sightings, GeometryType::MultiPoint, fields),
        table(QStringLiteral("sightings_lines"), CaseLayer::Sightings, GeometryType::LineString, fields),
        table(QStringLiteral("sightings_areas"), CaseLayer::Sightings, GeometryType::Polygon, fields)};
    for (const Sighting &s : content.sightings) {
        const int index = int(s.geometry.type); // Point, MultiPoint, Line, Polygon: the order above
        byType[index].features.push_back(
            {{byType[index].geometryType, s.geometry.lonLat},
             {integer(s.id, s.id != 0), s.kind, s.title(), time(s.observedAtMs),
              integer(s.count, s.count != 0), integer(s.vesselMmsi, s.vesselMmsi != 0), text(s.vesselName),
              s.grading(), text(s.imagerySource), text(s.imageryProvider), time(s.imageryAcquiredMs),
              s.imageryResolutionM > 0 ? QVariant(s.imageryResolutionM) : QVariant(), text(s.analyst),
              text(s.notes), text(s.tags.join(QStringLiteral(", "))), integer(s.version)}});
    }
    for (ExchangeTable &t : byType)
        tables.push_back(std::move(t));
}

void addAnnotations(const CaseContent &content, std::vector<ExchangeTable> &tables)
{
    const QList<Field> fields{{QStringLiteral("annotation_id"), Field::Type::Integer},
                              {QStringLiteral("type"), Field::Type::Text},
                              {QStringLiteral("text"), Field::Type::Text},
                              {QStringLiteral("colour"), Field::Type::Text},
                              {QStringLiteral("width_px"), Field::Type::Real},
                              {QStringLiteral("font_px"), Field::Type::Integer}};
    ExchangeTable points =
        table(QStringLiteral("annotations_points"), CaseLayer::Annotations, GeometryType::Point, fields);
    ExchangeTable lines =
        table(QStringLiteral("annotations_lines"), CaseLayer::Annotations, GeometryType::LineString, fields);
    ExchangeTable areas =
        table(QStringLiteral("annotations_areas"), CaseLayer::Annotations, GeometryType::Polygon, fields);
    for (const Annotation &a : content.annotations) {
        if (!a.isValid())
            continue;
        const QList<QVariant> values{integer(a.id, a.id != 0),
                                     annotationTypeName(a.type),
                                     text(a.text),
                                     a.colour.name(),
                                     a.widthPx,
                                     a.fontPx};
        const std::optional<ExchangeGeometry> g = annotationGeometry(a);
        if (!g)
            continue;
        ExchangeTable &to = g->type == GeometryType::Point        ? points
                            : g->type == GeometryType::LineString ? lines
                                                                  : areas;
        to.features.push_back({*g, values});
    }
    tables.push_back(std::move(points));
    tables.push_back(std::move(lines));
    tables.push_back(std::move(areas));
}

} // namespace

std::optional<ExchangeGeometry> annotationGeometry(const Annotation &a)
{
    if (!a.isValid())
        return std::nullopt;
    const QList<QPointF> &p = a.lonLat;
    const bool hasArea = p.size() >= 2 && p[0].x() != p[1].x() && p[0].y() != p[1].y();
    switch (a.type) {
    case Annotation::Type::Text:
        return ExchangeGeometry{GeometryType::Point, {p[0]}};
    case Annotation::Type::Arrow:
        if (p[0] == p[1])
            return ExchangeGeometry{GeometryType::Point, {p[0]}};
        return ExchangeGeometry{GeometryType::LineString, {p[0], p[1]}};
    case Annotation::Type::Callout: // from the label to what it names, as drawn
        if (p[0] == p[1])
            return ExchangeGeometry{GeometryType::Point, {p[0]}};
        return ExchangeGeometry{GeometryType::LineString, {p[1], p[0]}};
    case Annotation::Type::Rectangle:
        if (!hasArea)
            return std::nullopt;
        return ExchangeGeometry{GeometryType::Polygon,
                                {p[0], QPointF(p[1].x(), p[0].y()), p[1], QPointF(p[0].x(), p[1].y())}};
    case Annotation::Type::Ellipse:
        if (!hasArea)
            return std::nullopt;
        return ExchangeGeometry{GeometryType::Polygon, ellipseRing(p[0], p[1])};
    case Annotation::Type::Polygon:
        return ExchangeGeometry{GeometryType::Polygon, p};
    }
    return std::nullopt;
}

QList<QPointF> ellipseRing(QPointF cornerA, QPointF cornerB, int segments)
{
    const QPointF centre = (cornerA + cornerB) / 2;
    const double rx = std::abs(cornerB.x() - cornerA.x()) / 2;
    const double ry = std::abs(cornerB.y() - cornerA.y()) / 2;
    QList<QPointF> ring;
    for (int i = 0; i < segments; ++i) {
        const double angle = 2 * std::numbers::pi * i / segments;
        ring.append(centre + QPointF(rx * std::cos(angle), ry * std::sin(angle)));
    }
    return ring;
}

std::vector<ExchangeTable> caseTables(const CaseContent &content, bool withPositions)
{
    std::vector<ExchangeTable> tables;
    addTracks(content, withPositions, tables);
    addEvents(content, tables);
    addSightings(content, tables);
    addAnnotations(content, tables);
    std::erase_if(tables, [](const ExchangeTable &t) { return t.features.empty(); });
    return tables;
}

} // namespace sightline
