#pragma once

#include "analysis/analysisparameters.h"
#include "analysis/analysisprogress.h"
#include "analysis/movementevent.h"

#include <vector>

namespace sightline {

class PortSet;
class TrackStore;

/// Meetings at sea (GFW's encounters): two vessels within maxDistanceM of each other
/// for at least minDurationHours while their median speed is below maxMedianSpeedKnots.
/// Reports are not time-aligned, so every vessel's position is interpolated to common
/// times every stepMinutes (never across a silence longer than maxInterpolationMinutes).
/// At each time the positions go into a grid of cells as wide as the distance, in
/// Earth-centred coordinates (no edge at the antimeridian or the poles), and only
/// neighbouring cells are compared: the work grows with the number of positions, not
/// with the square of the number of vessels. In-port encounters are kept and flagged
/// when `ports` is given. One event per pair and period, `mmsi` the lower MMSI.
std::vector<MovementEvent> findEncounters(const TrackStore &tracks, const EncounterParameters &parameters,
                                          const PortSet *ports = nullptr,
                                          const AnalysisProgress &progress = {});

} // namespace sightline
