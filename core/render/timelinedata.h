#pragma once

#include "model/sighting.h"
#include "render/timelinefigure.h"
#include "map/timewindow.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <memory>

namespace sightline {

class Layer;

/// What the marks of a timeline stand for, so that a view can name them and pick them.
struct TimelineSources
{
    /// Every sighting, in the brief's numbering order: sightings.at(n - 1) is the one numbered n
    /// (those without an observed time are numbered last and are not on the timeline).
    QList<Sighting> sightings;
    QStringList acquisitionLayerIds; ///< the layer of each of TimelineData::acquisitions, in order
};

/// The timeline of the visible layers of a map: a lane per vessel of `mmsis` — or, when that is
/// empty, per vessel with events — named from the track layers' registries, sorted by name, at most
/// 12; each lane's position times from every track layer; the events the event layers show; the
/// sightings of the sighting layers numbered as the brief numbers them (sortSightingsChronologically);
/// an acquisition per raster layer with an acquisition time. fromMs/toMs are left open.
TimelineData timelineDataFromLayers(const QList<std::shared_ptr<Layer>> &layers,
                                    const QSet<std::uint32_t> &mmsis = {},
                                    TimelineSources *sources = nullptr);

/// The first and last instant of anything in `data` (positions, events, sightings, acquisitions),
/// unpadded: what playback runs through. Open (0, 0) when there is nothing.

/// The start times of the events drawn in `data`'s lanes (a lane's vessel's own, or an encounter
/// with it), sorted and distinct: where "next event" and "previous event" go.
std::vector<std::int64_t> timelineEventStarts(const TimelineData &data);

} // namespace sightline
