#include "analysis/receptionmodel.h"

#include "tracks/trackstore.h"

#include <algorithm>
#include <cmath>

namespace sightline {

namespace {
constexpr double kMsPerHourHere = 3.6e6;
} // namespace

ReceptionModel::ReceptionModel(const TrackStore &tracks, double cellDeg, double binHours)
    : mCellDeg(std::clamp(std::isfinite(cellDeg) ? cellDeg : 0.25, 0.001, 90.0))
    , mBinMs(std::max<std::int64_t>(
          60000, std::llround((std::isfinite(binHours) ? binHours : 1.0) * kMsPerHourHere)))
    , mOriginMs(tracks.firstTimeMs())
    , mColumns(std::int64_t(std::ceil(360.0 / mCellDeg)))
{
    // One entry a run of positions in the same cell-bin and from the same receiver, so a vessel
    // reporting every few seconds costs an entry an hour, not one a report.
    struct Entry
    {
        Key key;
        std::uint32_t mmsi;
        std::uint16_t source;
    };
    std::vector<Entry> entries;
    for (const VesselTrack &track : tracks.tracks()) {
        const std::int64_t *t = track.times();
        const std::int32_t *lon = track.lonE7();
        const std::int32_t *lat = track.latE7();
        Key runKey = kNoKey;
        std::uint16_t runSources[4];
        int sourceCount = 0;
        const auto flush = [&] {
            for (int s = 0; s < sourceCount; ++s)
                entries.push_back({runKey, track.mmsi(), runSources[s]});
            sourceCount = 0;
        };
        for (std::size_t i = 0; i < track.size(); ++i) {
            const Key key = keyAt(QPointF(lon[i] * 1e-7, lat[i] * 1e-7), t[i]);
            if (key == kNoKey)
                continue;
            if (key != runKey) {
                flush();
                runKey = key;
            }
            const std::uint16_t source = track.sourceId(i);
            if (std::find(runSources, runSources + sourceCount, source) != runSources + sourceCount)
                continue;
            if (sourceCount == 4)
                flush(); // a fifth receiver in one run: the repeats are merged below
            runSources[sourceCount++] = source;
        }
        flush();
    }
    std::sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) {
        return a.key != b.key ? a.key < b.key : a.mmsi != b.mmsi ? a.mmsi < b.mmsi : a.source < b.source;
    });

    std::vector<std::uint16_t> sources;
    for (std::size_t i = 0; i < entries.size();) {
        const Key key = entries[i].key;
        mRecords.push_back({key, std::uint32_t(mVessels.size()), std::uint32_t(mSources.size())});
        sources.clear();
        for (; i < entries.size() && entries[i].key == key; ++i) {
            if (mVessels.size() == mRecords.back().firstVessel || mVessels.back() != entries[i].mmsi)
                mVessels.push_back(entries[i].mmsi);
            sources.push_back(entries[i].source);
        }
        std::sort(sources.begin(), sources.end());
        sources.erase(std::unique(sources.begin(), sources.end()), sources.end());
        mSources.insert(mSources.end(), sources.begin(), sources.end());
    }
    mRecords.push_back({kNoKey, std::uint32_t(mVessels.size()), std::uint32_t(mSources.size())});

    std::vector<std::uint16_t> cellSources;
    const auto closeCell = [&] {
        std::sort(cellSources.begin(), cellSources.end());
        cellSources.erase(std::unique(cellSources.begin(), cellSources.end()), cellSources.end());
        mCellSources.insert(mCellSources.end(), cellSources.begin(), cellSources.end());
        cellSources.clear();
    };
    for (std::size_t r = 0; r + 1 < mRecords.size(); ++r) {
        const Key cell = cellOf(mRecords[r].key);
        if (mCells.empty() || mCells.back().cell != cell) {
            closeCell();
            mCells.push_back(
                {cell, mVessels[mRecords[r].firstVessel], 0, std::uint32_t(mCellSources.size())});
        }
        for (std::uint16_t source : sourcesAt(mRecords[r].key))
            if (source != TrackStore::kNoSource) {
                cellSources.push_back(source);
                mSourceBins.push_back(Key(source) << kBinBits | (mRecords[r].key & kBinMask));
            }
        CellSummary &c = mCells.back();
        if (c.vesselB)
            continue;
        for (std::uint32_t v : vesselsAt(mRecords[r].key))
            if (v != c.vesselA) {
                c.vesselB = v;
                break;
            }
    }
    closeCell();
    std::sort(mSourceBins.begin(), mSourceBins.end());
    mSourceBins.erase(std::unique(mSourceBins.begin(), mSourceBins.end()), mSourceBins.end());
}

ReceptionModel::Key ReceptionModel::keyAt(QPointF lonLat, std::int64_t timeMs) const
{
    const std::int64_t sinceOrigin = timeMs - mOriginMs;
    if (sinceOrigin < 0)
        return kNoKey;
    const std::int64_t bin = sinceOrigin / mBinMs;
    if (bin > std::int64_t(kBinMask))
        return kNoKey;
    const auto column =
        std::clamp<std::int64_t>(std::int64_t(std::floor((lonLat.x() + 180.0) / mCellDeg)), 0, mColumns - 1);
    const auto row = std::clamp<std::int64_t>(std::int64_t(std::floor((lonLat.y() + 90.0) / mCellDeg)), 0,
                                              std::int64_t(std::ceil(180.0 / mCellDeg)) - 1);
    return (Key(row * mColumns + column) << kBinBits) | Key(bin);
}

QRectF ReceptionModel::cellBounds(Key key) const
{
    const auto cell = std::int64_t(key >> kBinBits);
    const std::int64_t row = cell / mColumns, column = cell % mColumns;
    return {double(column) * mCellDeg - 180.0, double(row) * mCellDeg - 90.0, mCellDeg, mCellDeg};
}

std::size_t ReceptionModel::recordIndex(Key key) const
{
    const auto end = mRecords.end() - 1; // the sentinel
    const auto it =
        std::lower_bound(mRecords.begin(), end, key, [](const Record &r, Key k) { return r.key < k; });
    return it != end && it->key == key ? std::size_t(it - mRecords.begin()) : mRecords.size();
}

std::span<const std::uint32_t> ReceptionModel::vesselsAt(Key key) const
{
    const std::size_t r = recordIndex(key);
    if (r >= mRecords.size())
        return {};
    return {mVessels.data() + mRecords[r].firstVessel, mRecords[r + 1].firstVessel - mRecords[r].firstVessel};
}

std::span<const std::uint16_t> ReceptionModel::sourcesAt(Key key) const
{
    const std::size_t r = recordIndex(key);
    if (r >= mRecords.size())
        return {};
    return {mSources.data() + mRecords[r].firstSource, mRecords[r + 1].firstSource - mRecords[r].firstSource};
}

std::vector<ReceptionModel::CellSummary>::const_iterator ReceptionModel::cellSummary(Key key) const
{
    const Key cell = cellOf(key);
    const auto it = std::lower_bound(mCells.begin(), mCells.end(), cell,
                                     [](const CellSummary &c, Key k) { return c.cell < k; });
    return it != mCells.end() && it->cell == cell ? it : mCells.end();
}

bool ReceptionModel::cellHeardBesides(Key key, std::uint32_t mmsi) const
{
    const auto it = cellSummary(key);
    return it != mCells.end() && (it->vesselA != mmsi || (it->vesselB != 0 && it->vesselB != mmsi));
}

std::span<const std::uint16_t> ReceptionModel::cellSources(Key key) const
{
    const auto it = cellSummary(key);
    if (it == mCells.end())
        return {};
    const std::uint32_t end =
        it + 1 == mCells.end() ? std::uint32_t(mCellSources.size()) : (it + 1)->firstSource;
    return {mCellSources.data() + it->firstSource, end - it->firstSource};
}

bool ReceptionModel::sourceHeardIn(std::uint16_t source, Key key) const
{
    return std::binary_search(mSourceBins.begin(), mSourceBins.end(),
                              Key(source) << kBinBits | (key & kBinMask));
}

} // namespace sightline
