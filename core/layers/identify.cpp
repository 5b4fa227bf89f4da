#include "layers/identify.h"

#include "geo/transform.h"
#include "layers/eventlayer.h"
#include "layers/layerstack.h"
#include "layers/sightinglayer.h"
#include "layers/tracklayer.h"
#include "layers/vectorlayer.h"
#include "map/mapsettings.h"

#include <cmath>

namespace sightline {

namespace {

// The kind tag says which layer class it is: no guessing with casts.
template <class T> const T &as(const Layer &layer)
{
    return static_cast<const T &>(layer);
}

} // namespace

std::vector<IdentifyHit> identifyAt(const LayerStack &layers, const MapSettings &view, QPointF mapPoint,
                                    double toleranceMap)
{
    const Crs &mapCrs = view.destinationCrs();
    const Transform toWgs84(mapCrs, Crs::wgs84());
    const QPointF lonLat = toWgs84.forward(mapPoint);
    const QPointF edge = toWgs84.forward(mapPoint + QPointF(toleranceMap, 0));
    const double toleranceDeg = std::abs(edge.x() - lonLat.x());

    std::vector<IdentifyHit> sightings, events, others;
    const auto &all = layers.layers();
    for (auto it = all.crbegin(); it != all.crend(); ++it) { // top layer first
        const std::shared_ptr<Layer> &layer = *it;
        if (!layer->isVisible())
            continue;
        switch (layer->kind()) {
        case Layer::Kind::Sighting:
            if (const std::int64_t id = as<SightingLayer>(*layer).pick(lonLat, view); id != 0)
                sightings.push_back({IdentifyHit::Kind::Sighting, layer, id});
            break;
        case Layer::Kind::Event:
            if (const std::int64_t id = as<EventLayer>(*layer).pick(lonLat, view); id != 0)
                events.push_back({IdentifyHit::Kind::Event, layer, id});
            break;
        case Layer::Kind::Vector: {
            const auto &vector = as<VectorLayer>(*layer);
            // The pick tolerance in the layer's own units, measured at the click.
            const Transform toLayer(mapCrs, vector.crs());
            const QPointF p = toLayer.forward(mapPoint),
                          q = toLayer.forward(mapPoint + QPointF(toleranceMap, 0));
            if (const int feature = vector.pick(p, std::hypot(q.x() - p.x(), q.y() - p.y())); feature >= 0) {
                IdentifyHit hit{IdentifyHit::Kind::Feature, layer};
                hit.feature = std::uint32_t(feature);
                others.push_back(hit);
            }
            break;
        }
        case Layer::Kind::Track:
            if (const TrackLayer::Pick pick = as<TrackLayer>(*layer).nearest(lonLat, toleranceDeg);
                pick.found) {
                IdentifyHit hit{IdentifyHit::Kind::Position, layer};
                hit.mmsi = pick.mmsi;
                hit.index = pick.index;
                others.push_back(hit);
            }
            break;
        case Layer::Kind::Raster:
            break;
        }
    }
    std::vector<IdentifyHit> hits = std::move(sightings);
    hits.insert(hits.end(), events.begin(), events.end());
    hits.insert(hits.end(), others.begin(), others.end());
    return hits;
}

std::shared_ptr<VectorLayer> editableLayer(const LayerStack &layers, const QString &preferredId)
{
    auto editable = [](const std::shared_ptr<Layer> &layer) {
        return layer && layer->kind() == Layer::Kind::Vector && as<VectorLayer>(*layer).isEditable();
    };
    if (auto preferred = layers.find(preferredId); editable(preferred))
        return std::static_pointer_cast<VectorLayer>(preferred);
    const auto &all = layers.layers();
    for (auto it = all.crbegin(); it != all.crend(); ++it)
        if (editable(*it))
            return std::static_pointer_cast<VectorLayer>(*it);
    return nullptr;
}

} // namespace sightline
