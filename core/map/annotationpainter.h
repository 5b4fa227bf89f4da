#pragma once

#include "model/annotation.h"

#include <QPointF>

#include <vector>

class QPainter;

namespace sightline {

/// Draws an annotation whose points are already in pixels; `scale` is the output's
/// dpi over 96, so a brief at 300 dpi looks as the screen does. The map canvas, its
/// tools and the renderer all draw annotations with this, so they look the same.
void paintAnnotation(QPainter &painter, const Annotation &annotation, const std::vector<QPointF> &px,
                     double scale = 1.0, bool selected = false);

/// True when `p` is on what is drawn of the annotation (its lines, its area, its
/// text), or within `tolerancePx` of it. For picking.
bool annotationHit(const Annotation &annotation, const std::vector<QPointF> &px, QPointF p,
                   double tolerancePx, double scale = 1.0);

/// The points a user drags to reshape it (its control points), in pixels.
std::vector<QPointF> annotationHandles(const Annotation &annotation, const std::vector<QPointF> &px);

} // namespace sightline
