#include "analysis/portset.h"

#include "analysis/localdistance.h"
#include "util/gdalutil.h"

#include <ogrsf_frmts.h>

#include <QFileInfo>

#include <algorithm>
#include <limits>
#include <memory>
#include <optional>

namespace sightline {

namespace {

// Half a degree is 25 km of longitude even at 60° N: the grid answers any radius up to that.
constexpr double kIndexMarginDeg = 0.5;

bool insideRing(const std::vector<QPointF> &ring, QPointF p)
{
    // Even-odd ray cast in longitudes relative to p, so a ring across the antimeridian works.
    bool inside = false;
    const std::size_t n = ring.size();
    for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
        const double xi = LocalPlane::wrapLon(ring[i].x() - p.x()), yi = ring[i].y();
        const double xj = LocalPlane::wrapLon(ring[j].x() - p.x()), yj = ring[j].y();
        if ((yi > p.y()) != (yj > p.y()) && 0.0 < (xj - xi) * (p.y() - yi) / (yj - yi) + xi)
            inside = !inside;
    }
    return inside;
}

double distanceToSegment(QPointF a, QPointF b)
{
    // a, b in metres from the query point at the origin.
    const QPointF ab = b - a;
    const double len2 = ab.x() * ab.x() + ab.y() * ab.y();
    double t = len2 > 0 ? -(a.x() * ab.x() + a.y() * ab.y()) / len2 : 0.0;
    t = std::clamp(t, 0.0, 1.0);
    const QPointF c = a + ab * t;
    return std::hypot(c.x(), c.y());
}

const char *const kNameFields[] = {"name",     "NAME",    "Name",    "port_name", "PORT_NAME",
                                   "portname", "name_en", "NAME_EN", "main_port", "MAIN_PORT"};

QString featureName(const OGRFeature &f)
{
    for (const char *field : kNameFields) {
        const int i = f.GetFieldIndex(field);
        if (i >= 0 && f.IsFieldSetAndNotNull(i)) {
            const QString name = QString::fromUtf8(f.GetFieldAsString(i)).trimmed();
            if (!name.isEmpty())
                return name;
        }
    }
    return QStringLiteral("port %1").arg(f.GetFID());
}

std::vector<QPointF> ringPoints(const OGRLinearRing *ring)
{
    std::vector<QPointF> points;
    if (!ring)
        return points;
    points.reserve(std::size_t(ring->getNumPoints()));
    for (int i = 0; i < ring->getNumPoints(); ++i)
        points.emplace_back(ring->getX(i), ring->getY(i));
    return points;
}

} // namespace

void PortSet::addPolygon(const QString &name, std::vector<std::vector<QPointF>> rings)
{
    Port port;
    port.name = name;
    double sx = 0, sy = 0;
    std::size_t n = 0;
    double west = 180, east = -180, south = 90, north = -90;
    const double refLon = rings.empty() || rings.front().empty() ? 0.0 : rings.front().front().x();
    for (const auto &ring : rings)
        for (const QPointF &v : ring) {
            const double lon = refLon + LocalPlane::wrapLon(v.x() - refLon);
            sx += lon;
            sy += v.y();
            ++n;
            west = std::min(west, lon);
            east = std::max(east, lon);
            south = std::min(south, v.y());
            north = std::max(north, v.y());
        }
    if (n == 0)
        return;
    port.rings = std::move(rings);
    port.centre = QPointF(sx / double(n), sy / double(n));
    port.bounds = QRectF(west, south, east - west, north - south);
    mPorts.push_back(std::move(port));
    index(mPorts.size() - 1);
}

void PortSet::addPoint(const QString &name, QPointF lonLat)
{
    Port port;
    port.name = name;
    port.centre = lonLat;
    port.bounds = QRectF(lonLat, QSizeF(0, 0));
    mPorts.push_back(std::move(port));
    index(mPorts.size() - 1);
}

int PortSet::cellOf(double lon, double lat)
{
    const int x = std::clamp(int(std::floor(LocalPlane::wrapLon(lon) + 180.0)), 0, 359);
    const int y = std::clamp(int(std::floor(lat + 90.0)), 0, 179);
    return y * 360 + x;
}

void PortSet::index(std::size_t i)
{
    if (mGrid.empty())
        mGrid.resize(360 * 180);
    const QRectF &b = mPorts[i].bounds;
    const int y0 = std::clamp(int(std::floor(b.top() - kIndexMarginDeg + 90.0)), 0, 179);
    const int y1 = std::clamp(int(std::floor(b.bottom() + kIndexMarginDeg + 90.0)), 0, 179);
    const int x0 = int(std::floor(b.left() - kIndexMarginDeg + 180.0));
    const int x1 = int(std::floor(b.right() + kIndexMarginDeg + 180.0));
    for (int y = y0; y <= y1; ++y)
        for (int x = x0; x <= std::min(x1, x0 + 359); ++x)
            mGrid[std::size_t(y * 360 + ((x % 360) + 360) % 360)].push_back(std::uint32_t(i));
}

bool PortSet::contains(std::size_t i, QPointF p) const
{
    const Port &port = mPorts[i];
    int crossings = 0;
    for (const auto &ring : port.rings)
        crossings += insideRing(ring, p) ? 1 : 0;
    return crossings % 2 == 1; // outer rings of separate polygons do not overlap; holes were not loaded
}

double PortSet::distanceTo(std::size_t i, QPointF p) const
{
    const Port &port = mPorts[i];
    const LocalPlane plane(p.y());
    if (port.isPoint())
        return plane.distance(p, port.centre);
    if (contains(i, p))
        return 0.0;
    double best = std::numeric_limits<double>::infinity();
    for (const auto &ring : port.rings) {
        if (ring.empty())
            continue;
        QPointF prev = plane.toMetres(p, ring.back());
        for (const QPointF &v : ring) {
            const QPointF cur = plane.toMetres(p, v);
            best = std::min(best, distanceToSegment(prev, cur));
            prev = cur;
        }
    }
    return best;
}

int PortSet::portAt(QPointF p, double pointEntryMetres) const
{
    if (mGrid.empty())
        return -1;
    int best = -1;
    double bestDistance2 = pointEntryMetres * pointEntryMetres;
    const double marginLat = pointEntryMetres / LocalPlane::kMinMetresPerDegreeLat;
    // The plane (a cosine) only once a point port passes the cheap latitude test: at sea, rarely.
    std::optional<LocalPlane> plane;
    double marginLon = 0;
    for (std::uint32_t i : mGrid[std::size_t(cellOf(p.x(), p.y()))]) {
        const Port &port = mPorts[i];
        if (!port.isPoint()) {
            const QRectF &b = port.bounds;
            if (p.y() < b.top() || p.y() > b.bottom() || LocalPlane::wrapLon(p.x() - b.left()) < 0 ||
                LocalPlane::wrapLon(p.x() - b.right()) > 0)
                continue;
            if (contains(i, p))
                return int(i); // inside a drawn outline beats any point nearby
            continue;
        }
        if (std::abs(p.y() - port.centre.y()) > marginLat)
            continue;
        if (!plane) {
            plane.emplace(p.y());
            marginLon = pointEntryMetres / plane->metresPerDegreeLon;
        }
        if (std::abs(LocalPlane::wrapLon(p.x() - port.centre.x())) > marginLon)
            continue;
        const QPointF d = plane->toMetres(p, port.centre);
        const double d2 = d.x() * d.x() + d.y() * d.y();
        if (d2 <= bestDistance2) {
            bestDistance2 = d2;
            best = int(i);
        }
    }
    return best;
}

PortSet::Nearest PortSet::nearest(QPointF p) const
{
    Nearest best;
    double bestDistance = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < mPorts.size(); ++i) {
        // The plane is only good nearby: far ports are ranked by the sphere.
        const double far = haversineMetres(p, mPorts[i].centre);
        const double d = far > 50000.0 ? far : distanceTo(i, p);
        if (d < bestDistance) {
            bestDistance = d;
            best.index = int(i);
        }
    }
    if (best.index >= 0)
        best.distanceMetres = bestDistance;
    return best;
}

int PortSet::find(const QString &name) const
{
    for (std::size_t i = 0; i < mPorts.size(); ++i)
        if (mPorts[i].name.compare(name, Qt::CaseInsensitive) == 0)
            return int(i);
    int match = -1;
    for (std::size_t i = 0; i < mPorts.size(); ++i)
        if (mPorts[i].name.startsWith(name, Qt::CaseInsensitive)) {
            if (match >= 0)
                return -1; // ambiguous
            match = int(i);
        }
    return match;
}

int PortSet::dropPointsNearPolygons(double distanceMetres)
{
    std::vector<Port> kept;
    int dropped = 0;
    for (std::size_t i = 0; i < mPorts.size(); ++i) {
        bool duplicate = false;
        if (mPorts[i].isPoint())
            for (std::size_t j = 0; j < mPorts.size() && !duplicate; ++j)
                duplicate = !mPorts[j].isPoint() && distanceTo(j, mPorts[i].centre) <= distanceMetres;
        if (duplicate)
            ++dropped;
        else
            kept.push_back(mPorts[i]);
    }
    if (dropped) {
        mPorts = std::move(kept);
        mGrid.clear();
        for (std::size_t i = 0; i < mPorts.size(); ++i)
            index(i);
    }
    return dropped;
}

bool PortSet::loadFile(const QString &path, const QString &layerName, QString *error, QStringList *problems)
{
    ensureGdalInitialised();
    GdalErrorCapture capture;
    const QString shown = QFileInfo(path).fileName();
    auto fail = [&](const QString &why) {
        if (error)
            *error = QStringLiteral("'%1': %2").arg(path, why);
        return false;
    };
    std::unique_ptr<GDALDataset> ds(
        GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds)
        return fail(capture.message(QStringLiteral("cannot be opened as vector data")));
    OGRLayer *layer =
        layerName.isEmpty() ? ds->GetLayer(0) : ds->GetLayerByName(layerName.toUtf8().constData());
    if (!layer)
        return fail(layerName.isEmpty() ? QStringLiteral("holds no vector layer")
                                        : QStringLiteral("has no layer '%1'").arg(layerName));
    std::unique_ptr<OGRCoordinateTransformation> toWgs84;
    if (const OGRSpatialReference *srs = layer->GetSpatialRef()) {
        OGRSpatialReference wgs84;
        wgs84.importFromEPSG(4326);
        wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        if (!srs->IsSame(&wgs84)) {
            toWgs84.reset(OGRCreateCoordinateTransformation(srs, &wgs84));
            if (!toWgs84)
                return fail(QStringLiteral("its coordinate system cannot be turned into WGS84"));
        }
    }
    const std::size_t before = mPorts.size();
    layer->ResetReading();
    for (auto &f : *layer) {
        OGRGeometry *g = f->GetGeometryRef();
        const QString name = featureName(*f);
        auto skip = [&](const QString &why) {
            if (problems)
                *problems
                    << QStringLiteral("%1: feature %2 (%3): %4").arg(shown).arg(f->GetFID()).arg(name, why);
        };
        if (!g || g->IsEmpty()) {
            skip(QStringLiteral("no geometry, skipped"));
            continue;
        }
        std::unique_ptr<OGRGeometry> copy(g->clone());
        if (toWgs84 && copy->transform(toWgs84.get()) != OGRERR_NONE) {
            skip(QStringLiteral("cannot be reprojected to WGS84, skipped"));
            continue;
        }
        switch (wkbFlatten(copy->getGeometryType())) {
        case wkbPoint:
            addPoint(name, QPointF(copy->toPoint()->getX(), copy->toPoint()->getY()));
            break;
        case wkbMultiPoint:
            for (const OGRPoint *pt : *copy->toMultiPoint())
                addPoint(name, QPointF(pt->getX(), pt->getY()));
            break;
        case wkbPolygon:
            addPolygon(name, {ringPoints(copy->toPolygon()->getExteriorRing())});
            break;
        case wkbMultiPolygon: {
            std::vector<std::vector<QPointF>> rings;
            for (const OGRPolygon *poly : *copy->toMultiPolygon())
                rings.push_back(ringPoints(poly->getExteriorRing()));
            addPolygon(name, std::move(rings));
            break;
        }
        default:
            skip(QStringLiteral("a %1, not a polygon or a point, skipped")
                     .arg(QString::fromLatin1(OGRGeometryTypeToName(copy->getGeometryType()))));
        }
    }
    if (mPorts.size() == before)
        return fail(QStringLiteral("no polygon or point features to use as ports"));
    return true;
}

} // namespace sightline
