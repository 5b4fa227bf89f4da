#pragma once

#include <QList>
#include <QPointF>

namespace sightline {

// Ring orientation for the formats that prescribe it. RFC 7946 §3.1.6 (GeoJSON) asks for the
// right-hand rule: an exterior ring counter-clockwise, holes clockwise, as seen with longitude to
// the right and latitude up. Analysts draw rings either way, so writers turn them on the way out.

/// Twice the signed area of a ring in its own units (shoelace formula, x to the right, y up):
/// positive when counter-clockwise, negative when clockwise, 0 for fewer than three points. The
/// ring may be open or closed (a repeated first point adds nothing).
double signedRingArea(const QList<QPointF> &ring);

/// The ring turned, if needed, to run counter-clockwise (`exterior`) or clockwise (a hole).
QList<QPointF> orientedRing(QList<QPointF> ring, bool exterior);

} // namespace sightline
