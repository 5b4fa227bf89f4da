#pragma once

#include "analysis/analysisparameters.h"
#include "analysis/analysisprogress.h"
#include "analysis/movementevent.h"

#include <vector>

namespace sightline {

class PortSet;
class TrackStore;

/// Going dark: every silence of at least the threshold in each vessel's track, with
/// its two fixes, the distance and implied speed across it, where each end was (in
/// port or at sea, how far from the nearest port and, given land, from shore), and the
/// ports inside its reachable area. Unlike GFW, gaps that start or end near shore are
/// kept, and flagged. `ports` and `land` may be null.
std::vector<MovementEvent> findGaps(const TrackStore &tracks, const GapParameters &parameters,
                                    const PortSet *ports = nullptr, const PortSet *land = nullptr,
                                    const AnalysisProgress &progress = {});

} // namespace sightline
