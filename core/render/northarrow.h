#pragma once

#include <QPointF>
#include <QRectF>

class QFont;
class QPainter;

namespace sightline {

class MapSettings;

/// The angle in degrees, clockwise from "up" on the output, of true north at output pixel `at`
/// (0 for a north-up map; non-zero in e.g. a polar stereographic CRS). NaN when it cannot be
/// computed (the point does not transform, or it is a pole).
double trueNorthAngle(const MapSettings &settings, QPointF at);

/// A north arrow ("N" over a half-filled arrow) inside `box` (in the painter's current
/// coordinates), rotated by `angleDegrees` (see trueNorthAngle; NaN draws it upright). The N stays
/// upright at the arrow's tip. A white halo keeps it readable on imagery. `font` is used for the N.
void paintNorthArrow(QPainter &painter, const QRectF &box, double angleDegrees, const QFont &font);

} // namespace sightline
