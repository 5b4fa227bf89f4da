#pragma once

#include "model/vectordata.h"

#include <memory>

namespace sightline {

/// Edits make new snapshots of a layer's data rather than changing it in
/// place: renderers still drawing the old one are never disturbed, and undo is
/// going back to the snapshot before.
namespace vectoredit {

/// The fields every drawn layer has.
QStringList drawnLayerFields();

/// A new, empty layer for drawing (lon/lat), to be saved at `path`.
std::shared_ptr<VectorData> emptyDrawingLayer(const QString &path, const QString &layerName);

std::shared_ptr<VectorData> withFeature(const VectorData &data, VectorFeature feature);
std::shared_ptr<VectorData> withVertexMoved(const VectorData &data, std::size_t feature, std::size_t vertex,
                                            QPointF to);
std::shared_ptr<VectorData> withoutFeature(const VectorData &data, std::size_t feature);

/// A polygon (closed for the caller) or line feature from lon/lat vertices and attributes.
VectorFeature makeFeature(VectorFeature::Kind kind, const std::vector<QPointF> &lonLat,
                          const QVariantList &attributes);

/// Writes every feature to `path` (GeoJSON or GeoPackage by its suffix) in lon/lat,
/// through a temporary file renamed over the old one: a failed save leaves the
/// previous file whole.
bool save(const VectorData &data, const QString &path, QString *error);

} // namespace vectoredit
} // namespace sightline
