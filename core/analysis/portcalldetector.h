#pragma once

#include "analysis/analysisparameters.h"
#include "analysis/analysisprogress.h"
#include "analysis/movementevent.h"

#include <vector>

namespace sightline {

class PortSet;
class TrackStore;

/// Port calls, GFW-style, for every vessel against `ports`:
/// - entry when a position is inside a port polygon or within the entry distance of a
///   port point; exit only beyond the larger exit distance (hysteresis, so a ship
///   jittering on the line makes one call, not dozens);
/// - a stop starts below stopStartKnots and ends above stopEndKnots;
/// - a silence inside the port counts as part of the stay ("gap in port"); one that
///   spans the entry or the exit means that end was not seen;
/// - confidence 4: entry, a stop or gap, and exit seen; 3: a stop or gap, but the entry
///   or the exit not seen; 2: entry and exit seen, no stop or gap; 1: neither (or a
///   call inferred from a dark period, below).
/// With inferFromGaps, each silence of at least darkGapHours adds a call of confidence
/// 1, marked inferred, at every port inside its reachable area that leaves time for
/// the minimum stay (not the ports of the calls just before and after it, which it
/// left and came back to); the ports that were equally possible are listed with each.
/// None is inferred where a silence says nothing (ReceptionModel): during a dark period whose
/// path was out of coverage, or at a port whose cell heard nobody while the vessel could have
/// been there though others are heard there at other times.
/// Events are sorted by vessel, then start time.
std::vector<MovementEvent> findPortCalls(const TrackStore &tracks, const PortSet &ports,
                                         const PortCallParameters &parameters,
                                         const AnalysisProgress &progress = {});

} // namespace sightline
