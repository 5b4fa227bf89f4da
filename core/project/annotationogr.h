#pragma once

#include "model/annotation.h"

#include <QJsonObject>

class OGRFeature;

namespace sightline {

/// Writes an annotation into a feature of the project's `annotations` table. The
/// geometry is what it looks like, so QGIS shows it: a point for text, a line for an
/// arrow (tail to head) or a callout (target to label), a polygon for a highlight
/// (an ellipse as a 72-vertex ring).
void fillAnnotationFeature(OGRFeature &feature, const Annotation &annotation);
/// Reads one back; nullopt when the feature is not one Sightline can draw.
std::optional<Annotation> readAnnotationFeature(const OGRFeature &feature);

/// The annotation's fields as JSON, for the audit log.
QJsonObject annotationToJson(const Annotation &annotation);

} // namespace sightline
