#pragma once

#include <QPointF>
#include <QRectF>

#include <cstdint>
#include <span>
#include <vector>

namespace sightline {

class TrackStore;

/// Where and when AIS was being heard, from the positions themselves: the world cut into
/// square lon/lat cells of `cellDeg` and time into bins of `binHours`, and for every cell-bin
/// in which anything was heard, which vessels (distinct MMSIs) and which receivers (tag-block
/// sources) heard them. Sparse and sorted, so only the cell-bins with data cost memory: one
/// key a cell-bin plus four bytes a vessel heard there, whatever the region.
class ReceptionModel
{
public:
    using Key = std::uint64_t;

    ReceptionModel(const TrackStore &tracks, double cellDeg, double binHours);

    double cellDeg() const { return mCellDeg; }
    std::int64_t binMs() const { return mBinMs; }

    /// The cell-bin of a place at a time; kNoKey before the first time bin.
    static constexpr Key kNoKey = ~Key(0);
    Key keyAt(QPointF lonLat, std::int64_t timeMs) const;
    /// The cell of a key, as the key of its first bin (bins are the low bits).
    static Key cellOf(Key key) { return key >> kBinBits << kBinBits; }
    /// The cell's lon/lat square (y() the southern edge).
    QRectF cellBounds(Key key) const;
    /// The time bin's start.
    std::int64_t binStartMs(Key key) const { return mOriginMs + std::int64_t(key & kBinMask) * mBinMs; }

    /// The distinct vessels heard in the cell-bin, sorted (empty when none).
    std::span<const std::uint32_t> vesselsAt(Key key) const;
    /// The distinct receivers (TrackStore source ids, 0 for "none given") that heard them, sorted.
    std::span<const std::uint16_t> sourcesAt(Key key) const;
    /// Whether any vessel but `mmsi` was ever heard in the key's cell, in any bin.
    bool cellHeardBesides(Key key, std::uint32_t mmsi) const;
    /// The receivers (source ids, never 0) that ever heard anything in the key's cell, sorted.
    std::span<const std::uint16_t> cellSources(Key key) const;
    /// Whether the receiver heard anything, anywhere, in the key's time bin: it was up.
    bool sourceHeardIn(std::uint16_t source, Key key) const;

    /// Cell-bins with something heard, and the vessel entries they hold (for the memory figure).
    std::size_t cellBinCount() const { return mRecords.size() - 1; } // less the sentinel
    std::size_t vesselEntryCount() const { return mVessels.size(); }

private:
    static constexpr int kBinBits = 24;
    static constexpr Key kBinMask = (Key(1) << kBinBits) - 1;

    struct Record
    {
        Key key;
        std::uint32_t firstVessel; ///< into mVessels
        std::uint32_t firstSource; ///< into mSources
    };
    /// Per cell: up to two vessels ever heard there, enough to tell "anyone but this one".
    struct CellSummary
    {
        Key cell;
        std::uint32_t vesselA;
        std::uint32_t vesselB;     ///< 0 when only one vessel was ever heard in the cell
        std::uint32_t firstSource; ///< into mCellSources; the next cell's (or the end) closes the range
    };
    std::size_t recordIndex(Key key) const;
    std::vector<CellSummary>::const_iterator cellSummary(Key key) const;

    double mCellDeg;
    std::int64_t mBinMs;
    std::int64_t mOriginMs = 0;
    std::int64_t mColumns;
    std::vector<Record> mRecords; ///< sorted by key; a sentinel record closes the last one's ranges
    std::vector<std::uint32_t> mVessels;
    std::vector<std::uint16_t> mSources;
    std::vector<CellSummary> mCells; ///< sorted by cell
    std::vector<std::uint16_t> mCellSources;
    /// (source << kBinBits | bin) for every bin in which a receiver heard anything, sorted.
    std::vector<Key> mSourceBins;
};

} // namespace sightline
