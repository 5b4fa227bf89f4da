#include "project/sightinggeometryogr.h"

namespace sightline {

std::unique_ptr<OGRGeometry> sightingGeometryToOgr(const SightingGeometry &g)
{
    switch (g.type) {
    case SightingGeometry::Type::Point:
        return std::make_unique<OGRPoint>(g.lonLat.value(0).x(), g.lonLat.value(0).y());
    case SightingGeometry::Type::MultiPoint: {
        auto mp = std::make_unique<OGRMultiPoint>();
        for (const QPointF &p : g.lonLat) {
            OGRPoint pt(p.x(), p.y());
            mp->addGeometry(&pt);
        }
        return mp;
    }
    case SightingGeometry::Type::Line: {
        auto line = std::make_unique<OGRLineString>();
        for (const QPointF &p : g.lonLat)
            line->addPoint(p.x(), p.y());
        return line;
    }
    case SightingGeometry::Type::Polygon: {
        auto ring = std::make_unique<OGRLinearRing>();
        for (const QPointF &p : g.lonLat)
            ring->addPoint(p.x(), p.y());
        ring->closeRings();
        auto poly = std::make_unique<OGRPolygon>();
        poly->addRingDirectly(ring.release());
        return poly;
    }
    }
    return nullptr;
}

std::optional<SightingGeometry> sightingGeometryFromOgr(const OGRGeometry *g, QString *why)
{
    auto fail = [why](const QString &reason) -> std::optional<SightingGeometry> {
        if (why)
            *why = reason;
        return std::nullopt;
    };
    if (!g)
        return fail(QStringLiteral("no geometry"));
    if (g->IsEmpty())
        return fail(QStringLiteral("an empty geometry"));
    SightingGeometry out;
    auto addCurve = [&out](const OGRSimpleCurve *c) {
        for (int i = 0; i < c->getNumPoints(); ++i)
            out.lonLat << QPointF(c->getX(i), c->getY(i));
    };
    const OGRwkbGeometryType type = wkbFlatten(g->getGeometryType());
    // Single parts written as multi-geometries (shapefile habits) are still one line or area.
    if ((type == wkbMultiLineString || type == wkbMultiPolygon) &&
        g->toGeometryCollection()->getNumGeometries() == 1)
        return sightingGeometryFromOgr(g->toGeometryCollection()->getGeometryRef(0), why);
    switch (type) {
    case wkbPoint:
        out.type = SightingGeometry::Type::Point;
        out.lonLat << QPointF(g->toPoint()->getX(), g->toPoint()->getY());
        return out;
    case wkbMultiPoint:
        out.type = SightingGeometry::Type::MultiPoint;
        for (const OGRPoint *p : *g->toMultiPoint())
            if (!p->IsEmpty())
                out.lonLat << QPointF(p->getX(), p->getY());
        return out;
    case wkbLineString:
        out.type = SightingGeometry::Type::Line;
        addCurve(g->toLineString());
        return out;
    case wkbPolygon: {
        const OGRPolygon *poly = g->toPolygon();
        if (poly->getNumInteriorRings() > 0)
            return fail(QStringLiteral("a polygon with %1; a sighting's area is one outline")
                            .arg(poly->getNumInteriorRings() == 1
                                     ? QStringLiteral("a hole")
                                     : QStringLiteral("%1 holes").arg(poly->getNumInteriorRings())));
        out.type = SightingGeometry::Type::Polygon;
        if (const OGRLinearRing *ring = poly->getExteriorRing()) {
            addCurve(ring);
            if (out.lonLat.size() > 1 && out.lonLat.first() == out.lonLat.last())
                out.lonLat.removeLast();
        }
        return out;
    }
    case wkbMultiLineString:
    case wkbMultiPolygon:
        return fail(QStringLiteral("a %1 of %2 parts; a sighting is one line or one area")
                        .arg(QString::fromUtf8(OGRGeometryTypeToName(type)))
                        .arg(g->toGeometryCollection()->getNumGeometries()));
    default:
        return fail(QStringLiteral("a %1, which a sighting cannot be (point, multipoint, line or polygon)")
                        .arg(QString::fromUtf8(OGRGeometryTypeToName(type))));
    }
}

} // namespace sightline
