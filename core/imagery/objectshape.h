#pragma once

#include <QPoint>
#include <QPointF>

#include <vector>

namespace sightline {

/// How a detected object lies on the ground: its size along and across its major axis and the
/// axis's direction, from the second-order moments of its pixels.
struct ObjectShape
{
    double lengthM = 0;
    double widthM = 0;
    double headingDeg = 0; ///< of the major axis, 0–180 clockwise from north
};

/// What one pixel step along a column (`alongCol`) and along a row (`alongRow`) is on the ground
/// near the object, as (east, north) metres: the local linear form of the geolocation, so a
/// rotated or skewed grid and pixels that are not square measure right.
struct GroundStep
{
    QPointF alongCol; ///< (col + 1, row) − (col, row)
    QPointF alongRow; ///< (col, row + 1) − (col, row)
};

/// Length and width as √(12·λ) of the eigenvalues λ of the pixels' covariance on the ground, each
/// pixel counted as the square it covers (its own variance, 1/12 a side, added): a filled L × W
/// rectangle measures exactly L × W whatever its angle. (4·√λ, the ellipse rule, would call it
/// 15 % longer; the extent along the axis would follow every stray pixel.) `weights` (one a
/// pixel, or empty for equal ones) weigh the moments: power above the sea, so the faint edge a
/// radar's blur leaves around a bright hull adds little to its length.
ObjectShape measureShape(const std::vector<QPoint> &pixels, const std::vector<double> &weights,
                         const GroundStep &step);

} // namespace sightline
