#include "layers/trackgeneralization.h"

#include <algorithm>

namespace sightline {

std::size_t GeneralizedTracks::positionCount() const
{
    std::size_t n = 0;
    for (const auto &track : kept)
        n += track.size();
    return n;
}

GeneralizedTracks generalizeTracksForDisplay(const TrackStore &store, const TrackCleaning *cleaning,
                                             const GeneralizeParameters &parameters,
                                             std::int64_t gapThresholdMs)
{
    GeneralizedTracks result;
    result.kept.resize(store.tracks().size());
    // One run's positions at a time, reused from run to run.
    std::vector<std::int64_t> times;
    std::vector<QPointF> lonLat;
    std::vector<std::uint32_t> index;
    for (std::size_t t = 0; t < store.tracks().size(); ++t) {
        const VesselTrack &track = store.tracks()[t];
        const std::size_t n = track.size();
        const std::vector<std::uint8_t> *marks =
            cleaning && t < cleaning->marks.size() && cleaning->marks[t].size() == n ? &cleaning->marks[t]
                                                                                     : nullptr;
        std::vector<std::uint32_t> &kept = result.kept[t];
        auto flush = [&] {
            if (index.size() <= 2) {
                kept.insert(kept.end(), index.begin(), index.end());
            } else {
                for (std::size_t k : generalizeTrack(times, lonLat, parameters))
                    kept.push_back(index[k]);
            }
            times.clear();
            lonLat.clear();
            index.clear();
        };
        for (std::size_t i = 0; i < n; ++i) {
            if (marks && (*marks)[i] != 0)
                continue;
            if (!times.empty() && track.timeMs(i) - times.back() > gapThresholdMs)
                flush();
            times.push_back(track.timeMs(i));
            lonLat.emplace_back(track.lon(i), track.lat(i));
            index.push_back(std::uint32_t(i));
        }
        flush();
        kept.shrink_to_fit();
    }
    return result;
}

std::shared_ptr<const GeneralizedTracks>
GeneralizedTracksCache::get(const TrackStore &store, const std::shared_ptr<const TrackCleaning> &cleaning,
                            const GeneralizeParameters &parameters, std::int64_t gapThresholdMs)
{
    std::lock_guard lock(mMutex);
    const auto hit = std::find_if(mEntries.begin(), mEntries.end(), [&](const Entry &e) {
        return e.parameters == parameters && e.gapThresholdMs == gapThresholdMs && e.cleaning == cleaning;
    });
    if (hit != mEntries.end()) {
        std::rotate(hit, hit + 1, mEntries.end()); // now the most recently used
        return mEntries.back().tracks;
    }
    auto tracks = std::make_shared<const GeneralizedTracks>(
        generalizeTracksForDisplay(store, cleaning.get(), parameters, gapThresholdMs));
    if (mEntries.size() == kCapacity)
        mEntries.erase(mEntries.begin());
    mEntries.push_back(Entry{parameters, gapThresholdMs, cleaning, tracks});
    return tracks;
}

} // namespace sightline
