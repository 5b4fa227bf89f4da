#include "project/annotationogr.h"

#include "model/sighting.h"
#include "util/ogrfields.h"

#include <QJsonArray>

#include <ogr_feature.h>
#include <ogr_geometry.h>

#include <cmath>
#include <numbers>

namespace sightline {

namespace {

constexpr int kEllipseVertices = 72;

std::unique_ptr<OGRGeometry> displayGeometry(const Annotation &a)
{
    const QList<QPointF> &p = a.lonLat;
    switch (a.type) {
    case Annotation::Type::Text:
        return std::make_unique<OGRPoint>(p.value(0).x(), p.value(0).y());
    case Annotation::Type::Arrow:
    case Annotation::Type::Callout: {
        auto line = std::make_unique<OGRLineString>();
        for (const QPointF &q : p)
            line->addPoint(q.x(), q.y());
        return line;
    }
    case Annotation::Type::Rectangle:
    case Annotation::Type::Ellipse:
    case Annotation::Type::Polygon: {
        auto ring = std::make_unique<OGRLinearRing>();
        if (a.type == Annotation::Type::Polygon) {
            for (const QPointF &q : p)
                ring->addPoint(q.x(), q.y());
        } else {
            const QRectF box = a.boundsWgs84();
            if (a.type == Annotation::Type::Rectangle) {
                for (const QPointF &q : {box.topLeft(), box.topRight(), box.bottomRight(), box.bottomLeft()})
                    ring->addPoint(q.x(), q.y());
            } else {
                for (int i = 0; i < kEllipseVertices; ++i) {
                    const double t = 2 * std::numbers::pi * i / kEllipseVertices;
                    ring->addPoint(box.center().x() + box.width() / 2 * std::cos(t),
                                   box.center().y() + box.height() / 2 * std::sin(t));
                }
            }
        }
        ring->closeRings();
        auto polygon = std::make_unique<OGRPolygon>();
        polygon->addRingDirectly(ring.release());
        return polygon;
    }
    }
    return nullptr;
}

} // namespace

void fillAnnotationFeature(OGRFeature &f, const Annotation &a)
{
    if (auto g = displayGeometry(a))
        f.SetGeometryDirectly(g.release());
    f.SetField("type", annotationTypeName(a.type).toUtf8().constData());
    if (a.text.isEmpty())
        f.SetFieldNull(f.GetFieldIndex("text"));
    else
        f.SetField("text", a.text.toUtf8().constData());
    f.SetField("colour", a.colour.name(QColor::HexArgb).toUtf8().constData());
    f.SetField("width_px", a.widthPx);
    f.SetField("font_px", a.fontPx);
    setOgrUtcTime(f, f.GetFieldIndex("created_at"), a.createdMs);
    setOgrUtcTime(f, f.GetFieldIndex("updated_at"), a.updatedMs);
}

std::optional<Annotation> readAnnotationFeature(const OGRFeature &f)
{
    const auto type = annotationTypeFromName(ogrText(f, "type"));
    const OGRGeometry *g = f.GetGeometryRef();
    if (!type || !g)
        return std::nullopt;
    Annotation a;
    a.id = f.GetFID();
    a.type = *type;
    a.text = ogrText(f, "text");
    a.colour = QColor::fromString(ogrText(f, "colour"));
    a.widthPx = f.GetFieldAsDouble("width_px");
    a.fontPx = f.GetFieldAsInteger("font_px");
    a.createdMs = ogrUtcTime(f, f.GetFieldIndex("created_at"));
    a.updatedMs = ogrUtcTime(f, f.GetFieldIndex("updated_at"));
    switch (wkbFlatten(g->getGeometryType())) {
    case wkbPoint:
        a.lonLat = {QPointF(g->toPoint()->getX(), g->toPoint()->getY())};
        break;
    case wkbLineString:
        for (const OGRPoint &p : *g->toLineString())
            a.lonLat << QPointF(p.getX(), p.getY());
        break;
    case wkbPolygon: {
        const OGRLinearRing *ring = g->toPolygon()->getExteriorRing();
        if (!ring)
            return std::nullopt;
        if (a.type == Annotation::Type::Polygon) {
            for (const OGRPoint &p : *ring)
                a.lonLat << QPointF(p.getX(), p.getY());
            if (a.lonLat.size() > 1 && a.lonLat.first() == a.lonLat.last())
                a.lonLat.removeLast(); // kept open in memory
        } else {
            // A highlight box (or the ellipse inside it) is its bounding box's corners.
            OGREnvelope e;
            ring->getEnvelope(&e);
            a.lonLat = {QPointF(e.MinX, e.MinY), QPointF(e.MaxX, e.MaxY)};
        }
        break;
    }
    default:
        return std::nullopt;
    }
    if (!a.isValid())
        return std::nullopt;
    return a;
}

QJsonObject annotationToJson(const Annotation &a)
{
    QJsonArray points;
    for (const QPointF &p : a.lonLat)
        points.append(QJsonArray{p.x(), p.y()});
    return QJsonObject{{QStringLiteral("type"), annotationTypeName(a.type)},
                       {QStringLiteral("points"), points},
                       {QStringLiteral("text"), a.text},
                       {QStringLiteral("colour"), a.colour.name(QColor::HexArgb)},
                       {QStringLiteral("width_px"), a.widthPx},
                       {QStringLiteral("font_px"), a.fontPx}};
}

} // namespace sightline
