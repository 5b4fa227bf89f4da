#pragma once

#include "analysis/analysisparameters.h"
#include "analysis/analysisprogress.h"
#include "analysis/movementevent.h"

#include <vector>

namespace sightline {

class TrackStore;

/// Positions no ship could have made, per MMSI:
///   impossible-speed  one jump between consecutive fixes faster than maxSpeedKnots
///   outlier           out and straight back: one position off the track
///   two-places        three or more impossible jumps in a row: the MMSI is reported from
///                     two places at once (a copied or spoofed identity, or two transmitters)
/// Jumps shorter than minJumpKm are GPS noise, however little time they took.
std::vector<MovementEvent> findSpoofing(const TrackStore &tracks, const SpoofingParameters &parameters,
                                        const AnalysisProgress &progress = {});

} // namespace sightline
