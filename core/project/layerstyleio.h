#pragma once

#include "project/project.h"

#include <QJsonObject>

namespace sightline {

class Layer;

/// How a layer is drawn, as JSON the project keeps: a vector layer's symbols,
/// categories and labels, a track layer's colouring and gap threshold. Empty
/// for layers whose look is computed from their data (imagery).
QJsonObject layerStyleToJson(const Layer &layer);
/// Applies what layerStyleToJson wrote; keys it does not know are ignored, and
/// a style for another kind of layer changes nothing.
void applyLayerStyle(Layer &layer, const QJsonObject &style);

/// The layer as a project entry: source, vector layer name, name, visibility, opacity, style.
ProjectLayer projectLayerFor(const Layer &layer);
/// Puts a project entry's name, visibility, opacity and style onto an opened layer.
void applyProjectLayer(Layer &layer, const ProjectLayer &entry);

} // namespace sightline
