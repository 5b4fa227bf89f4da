#pragma once

#include <QPointF>
#include <QPolygonF>

namespace sightline {

/// How far a point lies outside a scene's outline (WGS84), in metres: positive outside, negative
/// inside (minus the distance to the nearest edge), so one number answers both "does a disc of
/// radius r touch the scene" (≤ r) and "is the point at least r inside it" (≤ −r). Distances are
/// taken in a plane tangent at the point: a few metres off over the tens of kilometres a scene's
/// edge can be from a vessel that still matters. An outline that crosses the antimeridian is not
/// handled.
double metresOutsideFootprint(const QPolygonF &footprint, QPointF lonLat);

} // namespace sightline
