#pragma once

#include <QPointF>

#include <cstdint>

namespace sightline {

class VectorLayer;

/// The feature of a layer nearest to a point, measured on the ellipsoid.
struct NearestFeature
{
    int feature = -1;      ///< index in the layer's features, -1 when the layer is empty
    double metres = -1;    ///< 0 inside a polygon
    QPointF nearestLonLat; ///< the closest point of that feature
};

/// Finds the nearest feature: a fast planar pass ranks every segment, then the
/// best few are measured geodesically (a depot to a border, a quay to a railway).
NearestFeature nearestFeature(const VectorLayer &layer, QPointF lonLat);

} // namespace sightline
