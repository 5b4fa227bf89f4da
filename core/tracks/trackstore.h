#pragma once

#include <QRectF>

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

namespace sightline {

/// One vessel's positions as columns sorted by time: 26 bytes a position
/// (time in ms, lon/lat in 1e-7 degrees, speed and course in tenths, heading,
/// navigation status, flags with the channel, and the receiver that heard it as
/// an index into the store's source names), so ten million positions fit in a
/// quarter gigabyte.
class VesselTrack
{
public:
    static constexpr std::uint16_t kNoValue = 0xffff;
    enum Flag : std::uint8_t
    {
        ClassB = 1,
        TimeFromBaseStation = 2,
        OwnShip = 4,
        ChannelA = 8, ///< heard on AIS channel A (161.975 MHz); neither bit: not given
        ChannelB = 16
    };

    std::uint32_t mmsi() const { return mMmsi; }
    std::size_t size() const { return mTime.size(); }
    bool empty() const { return mTime.empty(); }

    std::int64_t timeMs(std::size_t i) const { return mTime[i]; }
    double lon(std::size_t i) const { return mLon[i] * 1e-7; }
    double lat(std::size_t i) const { return mLat[i] * 1e-7; }
    /// Knots, or NaN when the report had none.
    double sog(std::size_t i) const { return mSog[i] == kNoValue ? std::nan("") : mSog[i] / 10.0; }
    /// Degrees, or NaN.
    double cog(std::size_t i) const { return mCog[i] == kNoValue ? std::nan("") : mCog[i] / 10.0; }
    /// Degrees, or -1.
    int heading(std::size_t i) const { return mHeading[i] == kNoValue ? -1 : mHeading[i]; }
    /// Navigation status (0–15), or -1.
    int status(std::size_t i) const { return mStatus[i] == 0xff ? -1 : mStatus[i]; }
    std::uint8_t flags(std::size_t i) const { return mFlags[i]; }
    /// 'A', 'B', or 0 when the log did not say.
    char channel(std::size_t i) const
    {
        return mFlags[i] & ChannelA ? 'A' : mFlags[i] & ChannelB ? 'B' : 0;
    }
    /// The receiver that heard the position, as an index into TrackStore::sourceName (0: none given).
    std::uint16_t sourceId(std::size_t i) const { return mSource[i]; }
    /// Every receiver that heard this vessel (also those whose repeat of a position was merged),
    /// sorted; known once the store is finalized.
    const std::vector<std::uint16_t> &heardBy() const { return mHeardBy; }

    /// Raw columns for renderers and analyses that walk millions of points.
    const std::int64_t *times() const { return mTime.data(); }
    const std::int32_t *lonE7() const { return mLon.data(); }
    const std::int32_t *latE7() const { return mLat.data(); }

    /// Index range [first, last) of the positions with from ≤ time ≤ to.
    std::pair<std::size_t, std::size_t> rangeForTime(std::int64_t fromMs, std::int64_t toMs) const;
    /// Lon/lat box of all positions (y() the southern edge).
    const QRectF &boundsWgs84() const { return mBounds; }
    std::int64_t firstTimeMs() const { return mTime.empty() ? 0 : mTime.front(); }
    std::int64_t lastTimeMs() const { return mTime.empty() ? 0 : mTime.back(); }

private:
    friend class TrackStore;
    /// Calls `f` with each per-position column: sorting, merging and the memory count all walk
    /// this one list, so a column added here is counted and kept in step everywhere.
    template <class F> void forEachColumn(F &&f)
    {
        f(mTime), f(mLon), f(mLat), f(mSog), f(mCog), f(mHeading), f(mStatus), f(mFlags), f(mSource);
    }
    template <class F> void forEachColumn(F &&f) const
    {
        const_cast<VesselTrack *>(this)->forEachColumn(
            [&f](auto &column) { f(static_cast<const std::decay_t<decltype(column)> &>(column)); });
    }

    std::uint32_t mMmsi = 0;
    std::vector<std::int64_t> mTime;
    std::vector<std::int32_t> mLon, mLat;
    std::vector<std::uint16_t> mSog, mCog, mHeading;
    std::vector<std::uint8_t> mStatus, mFlags;
    std::vector<std::uint16_t> mSource;
    std::vector<std::uint16_t> mHeardBy;
    void updateBounds();
    QRectF mBounds;
    bool mSorted = true;
};

/// All positions, one track per vessel. Positions may be appended in any
/// order; finalize() sorts each track by time and removes exact repeats
/// (the same report heard by two receivers).
class TrackStore
{
public:
    struct Position
    {
        std::uint32_t mmsi;
        std::int64_t timeMs;
        double lon, lat;
        double sog = std::nan("");
        double cog = std::nan("");
        int heading = -1;
        int status = -1;
        std::uint8_t flags = 0;
        /// The receiver (NMEA 4.0 tag block "s:"), empty when the log names none.
        std::string_view source = {};
        /// 'A' or 'B' sets the channel flag; anything else leaves it unset.
        char channel = 0;
    };

    void append(const Position &p);
    /// Sorts and deduplicates; returns how many repeated positions were removed.
    std::size_t finalize();
    /// A copy without the positions `drop` names: `drop[t]` holds a flag a position of the t-th
    /// track (non-zero drops it), or is empty (or missing) to keep that track whole. A vessel left
    /// with no position is left out. Tracks kept whole are copied as they are.
    TrackStore without(const std::vector<std::vector<std::uint8_t>> &drop) const;

    std::size_t vesselCount() const { return mTracks.size(); }
    std::size_t positionCount() const;
    const std::vector<VesselTrack> &tracks() const { return mTracks; }
    const VesselTrack *track(std::uint32_t mmsi) const;
    /// Memory held by the position columns, per position (with the vectors' spare capacity).
    double bytesPerPosition() const;
    /// Bytes of the position columns' elements, spare capacity left out: what a position costs.
    std::size_t positionBytes() const;

    /// Index 0 is "no source given"; names past the 65 534th share the last index, whose name
    /// says so, rather than being lost or wrapping onto another receiver's name.
    static constexpr std::uint16_t kNoSource = 0;
    static constexpr std::uint16_t kOverflowSource = 0xffff;
    /// The name of a source index: a receiver as its tag block named it; empty for kNoSource.
    const std::string &sourceName(std::uint16_t id) const;
    /// The index of a source name, adding it when new.
    std::uint16_t sourceIdFor(std::string_view name);
    /// Every source name, index 0 (none) first.
    const std::vector<std::string> &sourceNames() const { return mSourceNames; }
    QRectF boundsWgs84() const;
    std::int64_t firstTimeMs() const;
    std::int64_t lastTimeMs() const;

    struct Hit
    {
        std::uint32_t mmsi;
        std::size_t index;
    };
    /// Positions inside a lon/lat box and a time window (inclusive).
    std::vector<Hit> query(const QRectF &lonLatBox, std::int64_t fromMs, std::int64_t toMs) const;

    void clear();

private:
    std::vector<VesselTrack> mTracks;
    std::unordered_map<std::uint32_t, std::uint32_t> mIndex;
    std::uint32_t mLastMmsi = 0;
    std::uint32_t mLastIndex = 0;
    std::vector<std::string> mSourceNames{std::string()};
    std::unordered_map<std::string, std::uint16_t> mSourceIndex;
    std::string mLastSource;
    std::uint16_t mLastSourceId = kNoSource;
};

} // namespace sightline
