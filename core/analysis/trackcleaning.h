#pragma once

#include "analysis/analysisparameters.h"
#include "analysis/analysisprogress.h"

#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <vector>

namespace sightline {

class TrackStore;

/// Why the cleaning set a position aside. The position stays in the store (and on the map,
/// hollow); the detectors do not use it.
enum class CleaningMark : std::uint8_t
{
    Kept = 0,
    PositionUnavailable, ///< latitude or longitude out of range, e.g. AIS's "not available" 91° / 181°
    NullIsland,          ///< exactly 0°, 0°: a transponder's default, not a fix
    SpeedUnavailable,    ///< reported speed 102.3 kn or more: AIS's "not available", or no ship's
    Duplicate,           ///< within a second and a few metres of the report before: the same report
    Outlier,             ///< off the track once: impossibly fast to it and away from it again
    TwoPlaces,           ///< the MMSI heard again and again from a second place too far to reach
};

/// "out-of-range", "null-island", "speed-unavailable", "duplicate", "outlier", "two-places".
QString cleaningMarkKey(CleaningMark mark);
/// One sentence for the identify panel: what was wrong with the position.
QString cleaningMarkText(CleaningMark mark);

/// The marks of one cleaning of a TrackStore.
struct TrackCleaning
{
    /// Per track of the store, in its order: a CleaningMark a position, or empty when none is marked
    /// (most tracks: no memory spent on them).
    std::vector<std::vector<std::uint8_t>> marks;
    std::size_t markedCount = 0;

    CleaningMark markAt(std::size_t track, std::size_t i) const
    {
        return track < marks.size() && i < marks[track].size() ? CleaningMark(marks[track][i])
                                                               : CleaningMark::Kept;
    }
    bool empty() const { return markedCount == 0; }
    /// How many positions each mark set aside, by key ({"outlier": 1}); marks with none left out.
    QJsonObject countsJson() const;
};

/// Checks every track of `tracks` (sorted, as finalize() leaves it) and marks what fails:
///  - values no report can have: latitude or longitude out of range, 0°, 0°, speed ≥ 102.3 kn;
///  - the same report again (a second and `duplicateMetres` apart);
///  - places the ship cannot have been: the positions are chained into places, each position
///    joining the place it could have sailed to at `maxSpeedKnots` (jumps under `minJumpKm` always
///    can). The place with the most positions is the vessel; another place visited between two of
///    its positions is marked: two places when the MMSI came back to that place within the hour,
///    else an outlier. A jump the track never comes back from is left alone: which side is wrong cannot be
///    told (the spoofing check reports it). SAR aircraft (MMSI 111…) fly faster than any ship:
///    their positions get only the position and duplicate checks.
/// Cost: one cheap bound test a position (no trigonometry unless a jump may be too fast).
TrackCleaning cleanTracks(const TrackStore &tracks, const CleaningParameters &parameters,
                          const AnalysisProgress &progress = {});

} // namespace sightline
