#pragma once

#include "analysis/analysisparameters.h"
#include "analysis/analysisprogress.h"
#include "analysis/movementevent.h"

#include <vector>

namespace sightline {

class PortSet;
class TrackStore;

/// Loitering: a vessel reporting below maxSpeedKnots at every position for at least
/// minDurationHours, a silence longer than maxGapHours ending the stretch. Stretches
/// in port (two of the first, middle and last positions inside a polygon or near a port
/// point) are a ship at her berth, left out unless includeInPort; when kept they are flagged.
std::vector<MovementEvent> findLoitering(const TrackStore &tracks, const LoiteringParameters &parameters,
                                         const PortSet *ports = nullptr,
                                         const AnalysisProgress &progress = {});

} // namespace sightline
