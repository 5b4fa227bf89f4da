#include "imagery/sargeolocation.h"

#include "geo/geodesic.h"

#include <gdal_alg.h>

#include <cmath>
#include <limits>

namespace sightline {

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();
const QPointF kNowhere(kInf, kInf);
} // namespace

struct SarGeolocation::Impl
{
    bool affine = false;
    std::array<double, 6> gt{};
    std::array<double, 6> inverseGt{};
    void *gcpTransformer = nullptr; // GDAL's; owned
    Transform toWgs84;
    QString error;

    ~Impl()
    {
        if (gcpTransformer)
            GDALDestroyGCPTransformer(gcpTransformer);
    }

    // Pixel → image CRS, or back; false when the point cannot be placed.
    bool imageCrs(double &x, double &y, bool fromGround) const
    {
        if (affine) {
            const auto &c = fromGround ? inverseGt : gt;
            const double u = c[0] + x * c[1] + y * c[2];
            const double v = c[3] + x * c[4] + y * c[5];
            x = u, y = v;
            return std::isfinite(x) && std::isfinite(y);
        }
        if (!gcpTransformer)
            return false;
        double z = 0;
        int ok = 0;
        GDALGCPTransform(gcpTransformer, fromGround ? TRUE : FALSE, 1, &x, &y, &z, &ok);
        return ok && std::isfinite(x) && std::isfinite(y);
    }
};

SarGeolocation::SarGeolocation() : d(std::make_unique<Impl>()) {}
SarGeolocation::~SarGeolocation() = default;
SarGeolocation::SarGeolocation(SarGeolocation &&) noexcept = default;
SarGeolocation &SarGeolocation::operator=(SarGeolocation &&) noexcept = default;

SarGeolocation SarGeolocation::fromGeoTransform(const std::array<double, 6> &gt, const Crs &crs)
{
    SarGeolocation g;
    g.d->affine = true;
    g.d->gt = gt;
    if (!GDALInvGeoTransform(const_cast<double *>(gt.data()), g.d->inverseGt.data()))
        g.d->error = QStringLiteral("the geotransform cannot be inverted (a pixel of zero size)");
    g.d->toWgs84 = Transform(crs, Crs::wgs84());
    if (g.d->error.isEmpty() && !g.d->toWgs84.isValid())
        g.d->error = g.d->toWgs84.error();
    return g;
}

SarGeolocation SarGeolocation::fromGcps(const std::vector<Gcp> &gcps, const Crs &crs)
{
    SarGeolocation g;
    std::vector<GDAL_GCP> points(gcps.size());
    for (std::size_t i = 0; i < gcps.size(); ++i) {
        GDAL_GCP &p = points[i];
        p = {};
        p.pszId = const_cast<char *>("");
        p.pszInfo = const_cast<char *>("");
        p.dfGCPPixel = gcps[i].col;
        p.dfGCPLine = gcps[i].row;
        p.dfGCPX = gcps[i].x;
        p.dfGCPY = gcps[i].y;
    }
    // A Sentinel-1 GRD grid (about 200 points) bends with the terrain and the orbit: a second
    // order follows it to a few metres; fewer points than a quadratic needs get a plane.
    const int order = gcps.size() >= 12 ? 2 : 1;
    if (gcps.size() >= 3)
        g.d->gcpTransformer = GDALCreateGCPTransformer(static_cast<int>(points.size()), points.data(), order, FALSE);
    if (!g.d->gcpTransformer)
        g.d->error = QStringLiteral("the image's %1 ground control points do not fit a transform").arg(gcps.size());
    g.d->toWgs84 = Transform(crs, Crs::wgs84());
    if (g.d->error.isEmpty() && !g.d->toWgs84.isValid())
        g.d->error = g.d->toWgs84.error();
    return g;
}

bool SarGeolocation::isValid() const
{
    return d->error.isEmpty() && (d->affine || d->gcpTransformer);
}

QString SarGeolocation::error() const
{
    return d->error;
}

QPointF SarGeolocation::lonLat(QPointF pixel) const
{
    double x = pixel.x(), y = pixel.y();
    if (!isValid() || !d->imageCrs(x, y, false))
        return kNowhere;
    const QPointF p = d->toWgs84.forward(QPointF(x, y));
    return std::isfinite(p.x()) && std::isfinite(p.y()) ? p : kNowhere;
}

QPointF SarGeolocation::pixel(QPointF lonLat) const
{
    if (!isValid())
        return kNowhere;
    const QPointF p = d->toWgs84.inverse(lonLat);
    double x = p.x(), y = p.y();
    if (!std::isfinite(x) || !std::isfinite(y) || !d->imageCrs(x, y, true))
        return kNowhere;
    return QPointF(x, y);
}

QPointF SarGeolocation::pixelSpacingM(QPointF pixel) const
{
    const QPointF here = lonLat(pixel);
    const QPointF right = lonLat(pixel + QPointF(1, 0));
    const QPointF down = lonLat(pixel + QPointF(0, 1));
    if (!std::isfinite(here.x()) || !std::isfinite(right.x()) || !std::isfinite(down.x()))
        return kNowhere;
    return QPointF(Geodesic::inverse(here, right).distanceMetres, Geodesic::inverse(here, down).distanceMetres);
}

QPolygonF SarGeolocation::footprint(int width, int height, int pointsPerEdge) const
{
    QPolygonF ring;
    if (width <= 0 || height <= 0 || pointsPerEdge < 1)
        return ring;
    const QPointF corners[] = {{0, 0}, {double(width), 0}, {double(width), double(height)}, {0, double(height)}};
    for (int edge = 0; edge < 4; ++edge) {
        const QPointF a = corners[edge], b = corners[(edge + 1) % 4];
        for (int i = 0; i < pointsPerEdge; ++i) {
            const QPointF p = lonLat(a + (b - a) * (double(i) / pointsPerEdge));
            if (std::isfinite(p.x()) && std::isfinite(p.y()))
                ring << p;
        }
    }
    if (!ring.isEmpty())
        ring << ring.front();
    return ring;
}

} // namespace sightline
