#pragma once

#include <QPointF>

#include <cmath>

namespace sightline {

/// Distances on the scale of a port or an encounter (up to a few tens of km), in a
/// plane tangent at a reference latitude: within 0.5 % of the geodesic there and
/// a hundred times cheaper, which matters across ten million positions. Longitude
/// differences are wrapped, so the antimeridian is no edge.
struct LocalPlane
{
    static constexpr double kMetresPerDegreeLat = 110574.0;
    static constexpr double kMetresPerDegreeLonAtEquator = 111320.0;

    explicit LocalPlane(double referenceLat)
        : metresPerDegreeLon(kMetresPerDegreeLonAtEquator * std::cos(referenceLat * M_PI / 180.0))
    {
    }

    static double wrapLon(double deltaLon)
    {
        if (deltaLon > 180.0)
            return deltaLon - 360.0;
        if (deltaLon < -180.0)
            return deltaLon + 360.0;
        return deltaLon;
    }
    /// `p` in metres east and north of `origin`.
    QPointF toMetres(QPointF origin, QPointF p) const
    {
        return {wrapLon(p.x() - origin.x()) * metresPerDegreeLon, (p.y() - origin.y()) * kMetresPerDegreeLat};
    }
    double distance(QPointF a, QPointF b) const
    {
        const QPointF d = toMetres(a, b);
        return std::hypot(d.x(), d.y());
    }

    double metresPerDegreeLon;
};

/// Great-circle distance on the mean Earth sphere, for thresholds over longer spans.
inline double haversineMetres(QPointF a, QPointF b)
{
    constexpr double kRadius = 6371008.8;
    const double toRad = M_PI / 180.0;
    const double dLat = (b.y() - a.y()) * toRad;
    const double dLon = LocalPlane::wrapLon(b.x() - a.x()) * toRad;
    const double h = std::sin(dLat / 2) * std::sin(dLat / 2) + std::cos(a.y() * toRad) *
                                                                   std::cos(b.y() * toRad) *
                                                                   std::sin(dLon / 2) * std::sin(dLon / 2);
    return 2 * kRadius * std::asin(std::min(1.0, std::sqrt(h)));
}

} // namespace sightline
