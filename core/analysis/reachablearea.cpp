#include "analysis/reachablearea.h"

#include "analysis/localdistance.h"
#include "analysis/portset.h"
#include "geo/geodesic.h"

#include <algorithm>

namespace sightline {

namespace {
// Half the circumference: beyond this a "reachable area" covers the globe, and the
// geodesic from A stops being the shortest way, so the search is capped there.
constexpr double kHalfCircumference = 20003931.0;
} // namespace

ReachableArea::ReachableArea(QPointF lonLatA, QPointF lonLatB, double budgetMetres)
    : mA(lonLatA)
    , mB(lonLatB)
    , mBudget(budgetMetres)
    , mDirect(Geodesic::inverse(lonLatA, lonLatB).distanceMetres)
{
}

double ReachableArea::detourVia(QPointF p) const
{
    return Geodesic::inverse(mA, p).distanceMetres + Geodesic::inverse(p, mB).distanceMetres - mDirect;
}

bool ReachableArea::reachesPort(const PortSet &ports, std::size_t i, double reserveMetres) const
{
    const Port &port = ports.at(i);
    const double allowed = mBudget - reserveMetres;
    if (allowed <= 0)
        return false;
    // Quick reject on the sphere before the geodesics: 1 % slack covers the ellipsoid.
    const double radius = haversineMetres(port.centre, {port.bounds.right(), port.bounds.bottom()});
    if (haversineMetres(mA, port.centre) - radius > allowed * 1.01)
        return false;
    auto fits = [&](QPointF p) {
        // The sphere decides unless within 1 % of the limit (the ellipsoid differs by < 0.6 %).
        const double sphere = haversineMetres(mA, p) + haversineMetres(p, mB);
        if (sphere <= allowed * 0.99)
            return true;
        if (sphere >= allowed * 1.01)
            return false;
        return Geodesic::inverse(mA, p).distanceMetres + Geodesic::inverse(p, mB).distanceMetres <= allowed;
    };
    if (fits(port.centre))
        return true;
    for (const auto &ring : port.rings)
        for (const QPointF &v : ring)
            if (fits(v))
                return true;
    return false;
}

std::vector<QPointF> ReachableArea::boundary(int vertices) const
{
    std::vector<QPointF> ring;
    if (!exists() || vertices < 3)
        return ring;
    const double budget = std::min(mBudget, 2 * kHalfCircumference);
    ring.reserve(std::size_t(vertices) + 1);
    for (int k = 0; k < vertices; ++k) {
        const double azimuth = -180.0 + 360.0 * k / vertices;
        // r + d(P(r), B) grows with r (its derivative is 1 + cos ≥ 0), so bisection finds
        // where it meets the budget. A lies inside the ellipse, so every ray crosses it once.
        double lo = 0.0, hi = std::min(budget, kHalfCircumference);
        for (int it = 0; it < 40 && hi - lo > 1.0; ++it) {
            const double mid = (lo + hi) / 2;
            const QPointF p = Geodesic::direct(mA, azimuth, mid);
            if (mid + Geodesic::inverse(p, mB).distanceMetres <= budget)
                lo = mid;
            else
                hi = mid;
        }
        QPointF p = Geodesic::direct(mA, azimuth, lo);
        p.setX(mA.x() + LocalPlane::wrapLon(p.x() - mA.x()));
        ring.push_back(p);
    }
    ring.push_back(ring.front());
    return ring;
}

} // namespace sightline
