#pragma once

#include <QPointF>
#include <QString>

#include <cstdint>
#include <memory>
#include <vector>

namespace sightline {

class Layer;
class LayerStack;
class MapSettings;
class VectorLayer;

/// What a click on the map found in one layer.
struct IdentifyHit
{
    enum class Kind
    {
        Sighting, ///< `id` is the sighting's
        Event,    ///< `id` is the event's
        Feature,  ///< `feature` indexes the vector layer's features
        Position  ///< `mmsi` and `index` name the fix in the track layer
    };
    Kind kind = Kind::Feature;
    std::shared_ptr<Layer> layer;
    std::int64_t id = 0;
    std::uint32_t feature = 0;
    std::uint32_t mmsi = 0;
    std::size_t index = 0;
};

/// What lies under `mapPoint` (in `view`'s CRS) within `toleranceMap` map units, at most one
/// hit per layer, in the order an analyst sees them: sightings first (drawn over every layer),
/// then the analyses' events (drawn over the tracks and the data layers), then the vector and
/// track layers from the top down. Hidden layers and imagery give nothing; the first hit is what
/// a click identifies.
std::vector<IdentifyHit> identifyAt(const LayerStack &layers, const MapSettings &view, QPointF mapPoint,
                                    double toleranceMap);

/// The layer drawing and vertex edits go to: the one with id `preferredId` when it is an editable
/// vector layer, else the topmost editable one; null when none can be edited.
std::shared_ptr<VectorLayer> editableLayer(const LayerStack &layers, const QString &preferredId);

} // namespace sightline
