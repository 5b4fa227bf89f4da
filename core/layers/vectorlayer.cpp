#include "layers/vectorlayer.h"

#include "geo/tilemath.h"
#include "geo/transform.h"
#include "layers/vectorrenderer.h"

#include <QFileInfo>

namespace sightline {

double distanceToSegment(QPointF p, QPointF a, QPointF b)
{
    const QPointF ab = b - a;
    const double len2 = QPointF::dotProduct(ab, ab);
    const double t = len2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / len2, 0.0, 1.0) : 0.0;
    const QPointF q = a + ab * t;
    return std::hypot(p.x() - q.x(), p.y() - q.y());
}

std::shared_ptr<VectorLayer> VectorLayer::open(const QString &source, const QString &layerName,
                                               QString *error)
{
    auto data = VectorData::load(source, layerName, error);
    return data ? std::make_shared<VectorLayer>(std::move(data)) : nullptr;
}

VectorLayer::VectorLayer(std::shared_ptr<const VectorData> data)
    : mData(std::move(data))
{
    mStyle = defaultVectorStyle(*mData);
    const Transform toWgs84(mData->crs(), Crs::wgs84());
    QRectF e = mData->extent();
    // A single point has an empty box; give it a hair of size so it can be framed.
    if (e.width() <= 0 || e.height() <= 0)
        e = e.adjusted(-1e-6, -1e-6, 1e-6, 1e-6);
    mExtentWgs84 = toWgs84.forwardBounds(e, 21).intersected(QRectF(-180, -90, 360, 180));
    // A database table is known by its name (schema.table), as in QGIS; a file by its own.
    const QString base = mData->source().startsWith(QLatin1String("PG:"))
                             ? mData->layerName()
                             : QFileInfo(mData->source()).completeBaseName();
    setName(mData->layerName() == base || mData->layerName().isEmpty()
                ? base
                : QStringLiteral("%1 – %2").arg(base, mData->layerName()));
}

void VectorLayer::replaceData(std::shared_ptr<const VectorData> data)
{
    mData = std::move(data);
    // A new cache: renderers of the old snapshot keep theirs.
    mCache = std::make_shared<ProjectionCache>();
    mSelection.clear();
    const Transform toWgs84(mData->crs(), Crs::wgs84());
    if (!mData->features().empty())
        mExtentWgs84 = toWgs84.forwardBounds(mData->extent().adjusted(-1e-6, -1e-6, 1e-6, 1e-6), 21);
}

std::shared_ptr<const ProjectedVector> projectedVector(VectorLayer::ProjectionCache &cache,
                                                       const VectorData &data, const Crs &crs)
{
    std::lock_guard lock(cache.mutex);
    const std::string key = crs.definition().toStdString();
    if (auto it = cache.byCrs.find(key); it != cache.byCrs.end())
        return it->second;
    auto out = std::make_shared<ProjectedVector>();
    const Transform t(data.crs(), crs);
    // Lon/lat to Web Mercator, the usual case, in closed form: PROJ per feature costs far more.
    const bool lonLatToMercator =
        data.crs().authId() == QLatin1String("EPSG:4326") && crs.authId() == QLatin1String("EPSG:3857");
    out->points.resize(data.features().size());
    out->bounds.resize(data.features().size());
    std::vector<double> xs, ys;
    for (std::size_t i = 0; i < data.features().size(); ++i) {
        const VectorFeature &f = data.features()[i];
        const std::size_t n = f.points.size();
        xs.resize(n);
        ys.resize(n);
        for (std::size_t k = 0; k < n; ++k) {
            xs[k] = f.points[k].x();
            ys[k] = f.points[k].y();
        }
        if (lonLatToMercator) {
            for (std::size_t k = 0; k < n; ++k) {
                const QPointF m = TileMath::lonLatToMercator(QPointF(xs[k], ys[k]));
                xs[k] = m.x();
                ys[k] = m.y();
            }
        } else {
            t.forward(xs.data(), ys.data(), n);
        }
        auto &pts = out->points[i];
        pts.resize(n);
        double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
        for (std::size_t k = 0; k < n; ++k) {
            pts[k] = QPointF(xs[k], ys[k]);
            if (xs[k] == HUGE_VAL)
                continue;
            x0 = std::min(x0, xs[k]);
            x1 = std::max(x1, xs[k]);
            y0 = std::min(y0, ys[k]);
            y1 = std::max(y1, ys[k]);
        }
        out->bounds[i] = x0 > x1 ? QRectF() : QRectF(QPointF(x0, y0), QPointF(x1, y1));
    }
    cache.byCrs.emplace(key, out);
    return out;
}

std::unique_ptr<LayerRenderer> VectorLayer::createRenderer(const MapSettings &settings) const
{
    return std::make_unique<VectorRenderer>(mData, mCache, mStyle, mSelection, settings);
}

QList<LayerProperty> VectorLayer::properties() const
{
    QList<LayerProperty> p;
    p << LayerProperty(QStringLiteral("Source"), mData->source());
    p << LayerProperty(QStringLiteral("Layer"), mData->layerName());
    p << LayerProperty(QStringLiteral("CRS"), mData->crs().description());
    p << LayerProperty(QStringLiteral("Features"), QString::number(mData->features().size()));
    p << LayerProperty(QStringLiteral("Vertices"), QString::number(mData->vertexCount()));
    QStringList kinds;
    if (mData->hasKind(VectorFeature::Kind::Point))
        kinds << QStringLiteral("points");
    if (mData->hasKind(VectorFeature::Kind::Line))
        kinds << QStringLiteral("lines");
    if (mData->hasKind(VectorFeature::Kind::Polygon))
        kinds << QStringLiteral("polygons");
    p << LayerProperty(QStringLiteral("Geometry"), kinds.join(QStringLiteral(", ")));
    p << LayerProperty(QStringLiteral("Fields"), mData->fieldNames().join(QStringLiteral(", ")));
    for (const QString &w : mData->warnings())
        p << LayerProperty(QStringLiteral("Note"), w);
    const QRectF e = mExtentWgs84;
    p << LayerProperty(QStringLiteral("Extent (WGS84)"), QStringLiteral("%1, %2 – %3, %4")
                                                             .arg(e.left(), 0, 'f', 5)
                                                             .arg(e.top(), 0, 'f', 5)
                                                             .arg(e.right(), 0, 'f', 5)
                                                             .arg(e.bottom(), 0, 'f', 5));
    return p;
}

int VectorLayer::pick(QPointF p, double tol) const
{
    int best = -1;
    double bestD = tol;
    for (std::uint32_t i : mData->query(QRectF(p - QPointF(tol, tol), QSizeF(2 * tol, 2 * tol)))) {
        const VectorFeature &f = mData->features()[i];
        double d = 1e300;
        if (f.kind == VectorFeature::Kind::Polygon) {
            // Inside by the even-odd rule over all rings: holes stay outside.
            bool inside = false;
            for (std::size_t r = 0; r < f.partCount(); ++r) {
                const auto [a, b] = f.part(r);
                for (std::uint32_t k = a, j = b - 1; k < b; j = k++) {
                    const QPointF &pk = f.points[k], &pj = f.points[j];
                    if ((pk.y() > p.y()) != (pj.y() > p.y()) &&
                        p.x() < (pj.x() - pk.x()) * (p.y() - pk.y()) / (pj.y() - pk.y()) + pk.x())
                        inside = !inside;
                }
            }
            if (inside)
                d = 0;
        }
        for (std::size_t part = 0; part < f.partCount() && d > 0; ++part) {
            const auto [a, b] = f.part(part);
            if (b - a == 1)
                d = std::min(d, std::hypot(p.x() - f.points[a].x(), p.y() - f.points[a].y()));
            for (std::uint32_t k = a; k + 1 < b; ++k)
                d = std::min(d, distanceToSegment(p, f.points[k], f.points[k + 1]));
        }
        if (d <= bestD) {
            bestD = d;
            best = int(i);
        }
    }
    return best;
}

QList<LayerProperty> VectorLayer::attributes(std::uint32_t feature) const
{
    QList<LayerProperty> p;
    const VectorFeature &f = mData->features().at(feature);
    p << LayerProperty(QStringLiteral("Feature id"), QString::number(f.fid));
    for (int i = 0; i < mData->fieldNames().size(); ++i)
        p << LayerProperty(mData->fieldNames()[i], f.attributes.value(i).toString());
    return p;
}

} // namespace sightline
