#pragma once

#include "analysis/trackcleaning.h"
#include "analysis/trajectorygeneralize.h"
#include "tracks/trackstore.h"

#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

namespace sightline {

/// The positions a track layer draws when the analyst asked for simplified lines: per track, in
/// TrackStore::tracks() order, the indices kept, ascending. Positions the cleaning set aside are
/// never among them (they are off the line anyway, and would bend it).
struct GeneralizedTracks
{
    std::vector<std::vector<std::uint32_t>> kept;

    std::size_t positionCount() const;
};

/// Thins every track of `store` by `parameters` (trajectorygeneralize.h: the same rules as the
/// export's). Each run between silences longer than `gapThresholdMs` is thinned on its own, so both
/// ends of a silence stay and the map still draws exactly the silences dashed.
GeneralizedTracks generalizeTracksForDisplay(const TrackStore &store, const TrackCleaning *cleaning,
                                             const GeneralizeParameters &parameters,
                                             std::int64_t gapThresholdMs);

/// The last few thinnings of one store, so that panning, zooming and the time slider redraw the
/// simplified lines without thinning again (Douglas–Peucker over a million positions takes a while).
/// Thread-safe: renders run on worker threads; a second render of the same parameters waits for
/// the first to finish the work.
class GeneralizedTracksCache
{
public:
    std::shared_ptr<const GeneralizedTracks> get(const TrackStore &store,
                                                 const std::shared_ptr<const TrackCleaning> &cleaning,
                                                 const GeneralizeParameters &parameters,
                                                 std::int64_t gapThresholdMs);

    /// How many thinnings are kept: an analyst trying tolerances goes back to the last few.
    static constexpr std::size_t kCapacity = 4;

private:
    struct Entry
    {
        GeneralizeParameters parameters;
        std::int64_t gapThresholdMs = 0;
        std::shared_ptr<const TrackCleaning> cleaning; ///< held, so its address cannot be reused
        std::shared_ptr<const GeneralizedTracks> tracks;
    };
    std::mutex mMutex;
    std::vector<Entry> mEntries; ///< the most recently used last
};

} // namespace sightline
