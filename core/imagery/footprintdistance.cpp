#include "imagery/footprintdistance.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace sightline {

namespace {

constexpr double kEarthRadiusM = 6'371'008.8;

/// Distance from the origin to the segment a–b (plane coordinates in metres).
double distanceToSegment(QPointF a, QPointF b)
{
    const QPointF ab = b - a;
    const double lengthSquared = QPointF::dotProduct(ab, ab);
    const double t =
        lengthSquared > 0 ? std::clamp(-QPointF::dotProduct(a, ab) / lengthSquared, 0.0, 1.0) : 0.0;
    const QPointF closest = a + t * ab;
    return std::hypot(closest.x(), closest.y());
}

} // namespace

double metresOutsideFootprint(const QPolygonF &footprint, QPointF lonLat)
{
    if (footprint.size() < 3)
        return std::numeric_limits<double>::infinity();
    const double metresPerDegreeLat = kEarthRadiusM * M_PI / 180.0;
    const double metresPerDegreeLon = metresPerDegreeLat * std::cos(lonLat.y() * M_PI / 180.0);
    auto local = [&](QPointF p) {
        return QPointF((p.x() - lonLat.x()) * metresPerDegreeLon, (p.y() - lonLat.y()) * metresPerDegreeLat);
    };
    double nearest = std::numeric_limits<double>::infinity();
    for (qsizetype i = 0; i < footprint.size(); ++i) {
        const QPointF a = local(footprint[i]);
        const QPointF b = local(footprint[(i + 1) % footprint.size()]);
        nearest = std::min(nearest, distanceToSegment(a, b));
    }
    return footprint.containsPoint(lonLat, Qt::OddEvenFill) ? -nearest : nearest;
}

} // namespace sightline
