#include "render/timelinedata.h"

#include "layers/eventlayer.h"
#include "layers/layer.h"
#include "layers/rasterlayer.h"
#include "layers/sightinglayer.h"
#include "layers/tracklayer.h"
#include "tracks/trackstore.h"
#include "tracks/vesselregistry.h"

#include <algorithm>
#include <limits>
#include <set>
#include <utility>

namespace sightline {

namespace {

constexpr int kMostLanes = 12; // as the brief: more would not be read, on paper or on screen

template <typename T>
QList<const T *> visibleLayers(const QList<std::shared_ptr<Layer>> &layers, Layer::Kind kind)
{
    QList<const T *> found;
    for (const auto &layer : layers)
        if (layer && layer->isVisible() && layer->kind() == kind)
            found.push_back(static_cast<const T *>(layer.get()));
    return found;
}

} // namespace

TimelineData timelineDataFromLayers(const QList<std::shared_ptr<Layer>> &layers,
                                    const QSet<std::uint32_t> &mmsis, TimelineSources *sources)
{
    const QList<const TrackLayer *> tracks = visibleLayers<TrackLayer>(layers, Layer::Kind::Track);
    TimelineData data;

    std::set<std::uint32_t> withEvents;
    for (const EventLayer *layer : visibleLayers<EventLayer>(layers, Layer::Kind::Event))
        for (const MovementEvent &e : layer->events()) {
            if (!layer->isShown(e.id))
                continue; // the Events dock's filters hide it on the map too
            data.events.push_back(e);
            if (e.mmsi) // a vessel seen in an image and matched to none has no lane of its own
                withEvents.insert(e.mmsi);
            if (e.type == EventType::Encounter && e.otherMmsi)
                withEvents.insert(e.otherMmsi);
        }
    std::stable_sort(data.events.begin(), data.events.end(),
                     [](const MovementEvent &a, const MovementEvent &b) { return a.startMs < b.startMs; });

    const auto nameOf = [&](std::uint32_t mmsi) {
        for (const TrackLayer *layer : tracks)
            if (layer->registry().find(mmsi))
                return layer->registry().displayName(mmsi);
        return QStringLiteral("MMSI %1").arg(mmsi);
    };
    std::vector<std::pair<QString, std::uint32_t>> vessels;
    if (mmsis.isEmpty())
        for (const std::uint32_t mmsi : withEvents)
            vessels.emplace_back(nameOf(mmsi), mmsi);
    else
        for (const std::uint32_t mmsi : mmsis)
            vessels.emplace_back(nameOf(mmsi), mmsi);
    std::sort(vessels.begin(), vessels.end());
    if (vessels.size() > std::size_t(kMostLanes))
        vessels.resize(std::size_t(kMostLanes));
    for (const auto &[name, mmsi] : vessels) {
        TimelineLane lane;
        lane.label = name;
        lane.mmsi = mmsi;
        lane.colour = TrackLayer::vesselColour(mmsi);
        for (const TrackLayer *layer : tracks)
            if (const VesselTrack *t = layer->store().track(mmsi))
                lane.positionTimesMs.insert(lane.positionTimesMs.end(), t->times(), t->times() + t->size());
        std::sort(lane.positionTimesMs.begin(), lane.positionTimesMs.end());
        data.lanes.push_back(lane);
    }

    QList<Sighting> sightings;
    for (const SightingLayer *layer : visibleLayers<SightingLayer>(layers, Layer::Kind::Sighting))
        sightings.append(layer->sightings());
    sortSightingsChronologically(sightings);
    for (int i = 0; i < sightings.size(); ++i) {
        const Sighting &s = sightings.at(i);
        if (s.observedAtMs)
            data.sightings.push_back(TimelineSighting{i + 1, s.observedAtMs, s.kind, s.vesselMmsi});
    }

    QStringList acquisitionIds;
    for (const auto &layer : layers) {
        if (!layer || !layer->isVisible() || layer->kind() != Layer::Kind::Raster)
            continue;
        const auto &raster = static_cast<const RasterLayer &>(*layer);
        if (raster.acquiredMs()) {
            data.acquisitions.push_back({raster.acquiredMs(), raster.name()});
            acquisitionIds.push_back(raster.id());
        }
    }

    if (sources) {
        sources->sightings = sightings;
        sources->acquisitionLayerIds = acquisitionIds;
    }
    return data;
}

std::vector<std::int64_t> timelineEventStarts(const TimelineData &data)
{
    QSet<std::uint32_t> shown;
    for (const TimelineLane &lane : data.lanes)
        shown.insert(lane.mmsi);
    std::vector<std::int64_t> starts;
    for (const MovementEvent &e : data.events)
        // Voyages are not drawn on the timeline (their port calls are).
        if (e.type != EventType::Voyage && shown.contains(e.mmsi))
            starts.push_back(e.startMs);
    std::sort(starts.begin(), starts.end());
    starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
    return starts;
}

} // namespace sightline
