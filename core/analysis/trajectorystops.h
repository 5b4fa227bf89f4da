#pragma once

#include "analysis/analysisparameters.h"
#include "analysis/analysisprogress.h"
#include "analysis/movementevent.h"

#include <QPointF>

#include <cstdint>
#include <span>
#include <vector>

namespace sightline {

class PortSet;
class TrackStore;

/// One stop of a track: positions first..last (inclusive), no two of them more than
/// `diameterM` apart.
struct TrackStop
{
    std::size_t first = 0;
    std::size_t last = 0;
    double diameterM = 0.0;
    bool operator==(const TrackStop &) const = default;
};

/// The stops of one track (times ascending, lon/lat degrees), with MovingPandas'
/// TrajectoryStopDetector semantics: a stop begins where the positions of the last
/// `minDurationMs` all lie within `maxDiameterM` of each other, and lasts while each further
/// position keeps the whole run within it. Distances are taken on a plane tangent at the run
/// (LocalPlane); the antimeridian is no edge. Runs in about linear time: the run's extent
/// decides most positions, its convex hull the rest.
std::vector<TrackStop> findTrackStops(std::span<const std::int64_t> timesMs, std::span<const QPointF> lonLat,
                                      double maxDiameterM, std::int64_t minDurationMs);

/// Stop events of every vessel: from and to are the stop's first and last positions, details
/// its centre, diameter and positions, and the port it is in when `ports` has one near its centre.
std::vector<MovementEvent> findStops(const TrackStore &tracks, const StopParameters &parameters,
                                     const PortSet *ports = nullptr, const AnalysisProgress &progress = {});

} // namespace sightline
