#pragma once

#include <QPointF>
#include <QString>

#include <vector>

namespace sightline {

class PortSet;

/// Where a dark vessel could have been: every place P with
///   distance(A, P) + distance(P, B) ≤ budget
/// for the last fix A before the silence, the first fix B after it, and budget =
/// maximum speed × duration. On the ellipsoid this is the ellipse with A and B as
/// foci, sized with geodesic distances (Karney), not degrees.
class ReachableArea
{
public:
    ReachableArea(QPointF lonLatA, QPointF lonLatB, double budgetMetres);

    /// False when the budget does not even cover A → B: the fixes themselves are
    /// impossible at that speed (see spoofing), and there is no area.
    bool exists() const { return mBudget > mDirect; }
    double budgetMetres() const { return mBudget; }
    /// The metres the detour through `p` adds to the direct path.
    double detourVia(QPointF p) const;
    bool contains(QPointF p) const { return detourVia(p) + mDirect <= mBudget; }
    /// Whether the port (any vertex of its outline, or its point) can be reached with
    /// `reserveMetres` of the budget left (the stay at the port, at full speed).
    bool reachesPort(const PortSet &ports, std::size_t port, double reserveMetres = 0.0) const;

    /// The boundary as a lon/lat ring of `vertices` points (closed), each found by
    /// bisection along a geodesic from A. Longitudes run on continuously from A's, so a
    /// ring across the antimeridian may pass 180°. Empty when the area does not exist.
    std::vector<QPointF> boundary(int vertices = 72) const;

private:
    QPointF mA, mB;
    double mBudget = 0.0;
    double mDirect = 0.0;
};

} // namespace sightline
