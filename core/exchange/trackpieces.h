#pragma once

#include "analysis/trajectorygeneralize.h"
#include "analysis/trajectorysplit.h"

#include <cstddef>
#include <vector>

namespace sightline {

struct VesselPath;

/// How a case's tracks go out as lines: where they are cut and how they are thinned. The default
/// is one line a vessel with every position, as a GIS user who asked for nothing expects.
struct TrackLineShape
{
    TrackSplitRule split;
    GeneralizeParameters generalize;
    bool operator==(const TrackLineShape &) const = default;
};

/// One line of a vessel: its segment number (0, 1 … in time order), the positions it spans and the
/// ones it keeps (indices into the vessel's path; all of them when not thinned).
struct TrackPiece
{
    int segment = 0;
    std::size_t first = 0;
    std::size_t last = 0;
    std::vector<std::size_t> kept;
};

/// The lines of `path` by `shape`, segments numbered in time order.
std::vector<TrackPiece> trackPieces(const VesselPath &path, const TrackLineShape &shape);

} // namespace sightline
