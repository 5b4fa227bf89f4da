#include "analysis/corridor.h"

#include "geo/geodesic.h"
#include "geo/measurement.h"
#include "geo/transform.h"
#include "model/vectordata.h"
#include "util/gdalutil.h"

#include <ogr_geometry.h>

#include <memory>

namespace sightline {

namespace {
constexpr double kChunkMetres = 200000.0;
constexpr int kQuadrantSegments = 16;

// Splits a polyline into stretches no longer than the chunk length (sharing their end vertices).
std::vector<std::vector<QPointF>> chunks(const std::vector<QPointF> &line)
{
    std::vector<std::vector<QPointF>> out;
    std::vector<QPointF> current;
    double length = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (!current.empty()) {
            const GeodesicInverse g = Geodesic::inverse(current.back(), line[i]);
            // A single long segment is cut at chunk lengths along its geodesic.
            double travelled = 0;
            while (length + (g.distanceMetres - travelled) > kChunkMetres) {
                travelled += kChunkMetres - length;
                const QPointF cut = Geodesic::direct(line[i - 1], g.azimuth1Deg, travelled);
                current.push_back(cut);
                out.push_back(current);
                current = {cut};
                length = 0;
            }
            length += g.distanceMetres - travelled;
        }
        current.push_back(line[i]);
    }
    if (current.size() >= 2)
        out.push_back(current);
    else if (out.empty() && !current.empty())
        out.push_back(current);
    return out;
}
} // namespace

Corridor buildCorridor(const std::vector<std::vector<QPointF>> &lines, double halfWidth)
{
    Corridor corridor;
    if (halfWidth <= 0) {
        corridor.error = QStringLiteral("the corridor width must be more than zero");
        return corridor;
    }
    ensureGdalInitialised();
    GdalErrorCapture capture;
    std::unique_ptr<OGRGeometry> united;
    for (const auto &line : lines) {
        for (const auto &piece : chunks(line)) {
            if (piece.empty())
                continue;
            // Azimuthal equidistant around the piece's middle: true distances from there.
            const QPointF centre = piece[piece.size() / 2];
            const Crs aeqd =
                Crs::fromUserInput(QStringLiteral("+proj=aeqd +lat_0=%1 +lon_0=%2 +datum=WGS84 +units=m")
                                       .arg(centre.y(), 0, 'f', 8)
                                       .arg(centre.x(), 0, 'f', 8));
            const Transform to(Crs::wgs84(), aeqd);
            OGRLineString ls;
            for (const QPointF &p : piece) {
                const QPointF q = to.forward(p);
                ls.addPoint(q.x(), q.y());
            }
            std::unique_ptr<OGRGeometry> buffered(
                piece.size() == 1 ? OGRPoint(ls.getX(0), ls.getY(0)).Buffer(halfWidth, kQuadrantSegments)
                                  : ls.Buffer(halfWidth, kQuadrantSegments));
            if (!buffered) {
                corridor.error =
                    capture.message(QStringLiteral("buffering failed (is GDAL built with GEOS?)"));
                return corridor;
            }
            // Back to lon/lat, vertex by vertex.
            auto backRing = [&to](OGRLinearRing *ring) {
                for (int k = 0; k < ring->getNumPoints(); ++k) {
                    const QPointF ll = to.inverse(QPointF(ring->getX(k), ring->getY(k)));
                    ring->setPoint(k, ll.x(), ll.y());
                }
            };
            auto backPolygon = [&backRing](OGRPolygon *poly) {
                backRing(poly->getExteriorRing());
                for (int r = 0; r < poly->getNumInteriorRings(); ++r)
                    backRing(poly->getInteriorRing(r));
            };
            if (wkbFlatten(buffered->getGeometryType()) == wkbPolygon)
                backPolygon(buffered->toPolygon());
            else if (wkbFlatten(buffered->getGeometryType()) == wkbMultiPolygon)
                for (OGRPolygon *poly : *buffered->toMultiPolygon())
                    backPolygon(poly);
            united =
                united ? std::unique_ptr<OGRGeometry>(united->Union(buffered.get())) : std::move(buffered);
            if (!united) {
                corridor.error = capture.message(QStringLiteral("joining the corridor pieces failed"));
                return corridor;
            }
        }
    }
    if (!united) {
        corridor.error = QStringLiteral("no line to build a corridor around");
        return corridor;
    }
    auto addPolygon = [&](const OGRPolygon *poly) {
        std::vector<std::vector<QPointF>> rings;
        auto ring = [](const OGRLinearRing *r) {
            std::vector<QPointF> pts;
            for (int i = 0; i < r->getNumPoints(); ++i)
                pts.emplace_back(r->getX(i), r->getY(i));
            return pts;
        };
        rings.push_back(ring(poly->getExteriorRing()));
        for (int i = 0; i < poly->getNumInteriorRings(); ++i)
            rings.push_back(ring(poly->getInteriorRing(i)));
        corridor.polygons.push_back(std::move(rings));
    };
    if (wkbFlatten(united->getGeometryType()) == wkbPolygon)
        addPolygon(united->toPolygon());
    else if (wkbFlatten(united->getGeometryType()) == wkbMultiPolygon)
        for (const OGRPolygon *p : *united->toMultiPolygon())
            addPolygon(p);
    return corridor;
}

CorridorLayerData buildCorridorLayer(const VectorData &lines, const std::vector<std::uint32_t> &chosen,
                                     double halfWidthMetres, const QString &layerName,
                                     const QString &labelField)
{
    CorridorLayerData result;
    std::vector<std::uint32_t> ids = chosen;
    if (ids.empty())
        for (std::uint32_t i = 0; i < lines.features().size(); ++i)
            ids.push_back(i);
    const Transform toWgs84(lines.crs(), Crs::wgs84());
    std::vector<std::vector<QPointF>> polylines;
    QStringList names;
    for (std::uint32_t i : ids) {
        if (i >= lines.features().size())
            continue; // a selection older than the data
        const VectorFeature &f = lines.features()[i];
        if (f.kind != VectorFeature::Kind::Line)
            continue;
        for (std::size_t part = 0; part < f.partCount(); ++part) {
            const auto [a, b] = f.part(part);
            std::vector<QPointF> pl;
            for (std::uint32_t k = a; k < b; ++k)
                pl.push_back(toWgs84.forward(f.points[k]));
            polylines.push_back(std::move(pl));
        }
        if (!labelField.isEmpty())
            names << lines.value(f, labelField);
    }
    const Corridor corridor = buildCorridor(polylines, halfWidthMetres);
    if (!corridor.ok()) {
        result.error = corridor.error;
        return result;
    }
    const QString what =
        ids.size() == 1 && !names.isEmpty() && !names.first().isEmpty() ? names.first() : layerName;
    result.name = QStringLiteral("%1 corridor, %2 wide")
                      .arg(what, formatDistance(2 * halfWidthMetres, DistanceUnit::Kilometres));
    std::vector<VectorFeature> features;
    for (const auto &polygon : corridor.polygons) {
        VectorFeature f;
        f.kind = VectorFeature::Kind::Polygon;
        f.fid = qint64(features.size());
        f.polygonStarts.push_back(0);
        for (const auto &ring : polygon) {
            f.partStarts.push_back(std::uint32_t(f.points.size()));
            f.points.insert(f.points.end(), ring.begin(), ring.end());
        }
        f.attributes = {result.name, 2 * halfWidthMetres, lines.source()};
        features.push_back(std::move(f));
    }
    result.data = VectorData::fromFeatures(
        lines.source(), result.name,
        {QStringLiteral("name"), QStringLiteral("width_m"), QStringLiteral("source")}, std::move(features));
    return result;
}

} // namespace sightline
