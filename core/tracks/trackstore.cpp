#include "tracks/trackstore.h"

#include <algorithm>
#include <limits>
#include <numeric>

namespace sightline {

namespace {

std::uint16_t tenths(double v, double max)
{
    if (std::isnan(v) || v < 0 || v > max)
        return VesselTrack::kNoValue;
    return std::uint16_t(std::lround(v * 10));
}

template <class T> void permute(std::vector<T> &column, const std::vector<std::uint32_t> &order)
{
    std::vector<T> sorted(order.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        sorted[i] = column[order[i]];
    column.swap(sorted);
}

} // namespace

std::pair<std::size_t, std::size_t> VesselTrack::rangeForTime(std::int64_t fromMs, std::int64_t toMs) const
{
    const auto first = std::lower_bound(mTime.begin(), mTime.end(), fromMs);
    const auto last = std::upper_bound(first, mTime.end(), toMs);
    return {std::size_t(first - mTime.begin()), std::size_t(last - mTime.begin())};
}

void TrackStore::append(const Position &p)
{
    std::uint32_t index;
    // Reports of one vessel come in runs; skip the hash lookup while they do.
    if (!mTracks.empty() && p.mmsi == mLastMmsi) {
        index = mLastIndex;
    } else {
        const auto [it, inserted] = mIndex.try_emplace(p.mmsi, std::uint32_t(mTracks.size()));
        if (inserted) {
            mTracks.emplace_back();
            mTracks.back().mMmsi = p.mmsi;
        }
        index = it->second;
        mLastMmsi = p.mmsi;
        mLastIndex = index;
    }
    VesselTrack &t = mTracks[index];
    if (!t.mTime.empty() && p.timeMs < t.mTime.back())
        t.mSorted = false;
    t.mTime.push_back(p.timeMs);
    t.mLon.push_back(std::int32_t(std::lround(p.lon * 1e7)));
    t.mLat.push_back(std::int32_t(std::lround(p.lat * 1e7)));
    t.mSog.push_back(tenths(p.sog, 6000));
    t.mCog.push_back(tenths(p.cog, 359.95));
    t.mHeading.push_back(p.heading >= 0 && p.heading < 360 ? std::uint16_t(p.heading)
                                                           : VesselTrack::kNoValue);
    t.mStatus.push_back(p.status >= 0 && p.status < 16 ? std::uint8_t(p.status) : 0xff);
    std::uint8_t flags = p.flags & ~(VesselTrack::ChannelA | VesselTrack::ChannelB);
    if (p.channel == 'A' || p.channel == 'a')
        flags |= VesselTrack::ChannelA;
    else if (p.channel == 'B' || p.channel == 'b')
        flags |= VesselTrack::ChannelB;
    else
        flags |= p.flags & (VesselTrack::ChannelA | VesselTrack::ChannelB); // as read back from a project
    t.mFlags.push_back(flags);
    t.mSource.push_back(sourceIdFor(p.source));
}

std::uint16_t TrackStore::sourceIdFor(std::string_view name)
{
    if (name.empty())
        return kNoSource;
    // Positions of one receiver come in runs: skip the hash lookup while they do.
    if (name == mLastSource)
        return mLastSourceId;
    std::uint16_t id;
    if (const auto it = mSourceIndex.find(std::string(name)); it != mSourceIndex.end()) {
        id = it->second;
    } else if (mSourceNames.size() < kOverflowSource) {
        id = std::uint16_t(mSourceNames.size());
        mSourceNames.emplace_back(name);
        mSourceIndex.emplace(std::string(name), id);
    } else {
        id = kOverflowSource;
        if (mSourceNames.size() == kOverflowSource)
            mSourceNames.emplace_back("(one of more than 65534 receivers)");
    }
    mLastSource.assign(name);
    mLastSourceId = id;
    return id;
}

const std::string &TrackStore::sourceName(std::uint16_t id) const
{
    static const std::string none;
    return id < mSourceNames.size() ? mSourceNames[id] : none;
}

std::size_t TrackStore::finalize()
{
    std::size_t removed = 0;
    for (VesselTrack &t : mTracks) {
        const std::size_t n = t.mTime.size();
        if (!t.mSorted) {
            std::vector<std::uint32_t> order(n);
            std::iota(order.begin(), order.end(), 0u);
            std::stable_sort(order.begin(), order.end(),
                             [&t](std::uint32_t a, std::uint32_t b) { return t.mTime[a] < t.mTime[b]; });
            t.forEachColumn([&order](auto &column) { permute(column, order); });
            t.mSorted = true;
        }
        // Who heard the vessel is read off the receiver column before repeats are merged, so a
        // receiver whose copy of a report is dropped below is still named. A handful of receivers
        // a vessel at most, and positions of one receiver in runs: a sorted vector beats a set.
        std::uint16_t previous = kNoSource;
        for (const std::uint16_t source : t.mSource) {
            if (source == previous || source == kNoSource)
                continue;
            previous = source;
            const auto at = std::lower_bound(t.mHeardBy.begin(), t.mHeardBy.end(), source);
            if (at == t.mHeardBy.end() || *at != source)
                t.mHeardBy.insert(at, source);
        }
        // The same report heard twice (two receivers, or a repeated log) is one position.
        std::size_t out = 0;
        for (std::size_t i = 0; i < n; ++i) {
            if (out > 0 && t.mTime[i] == t.mTime[out - 1] && t.mLon[i] == t.mLon[out - 1] &&
                t.mLat[i] == t.mLat[out - 1])
                continue;
            // The first receiver's copy is kept; heardBy() still names the others.
            t.forEachColumn([i, out](auto &column) { column[out] = column[i]; });
            ++out;
        }
        removed += n - out;
        t.forEachColumn([out](auto &column) {
            column.resize(out);
            column.shrink_to_fit();
        });
        t.updateBounds();
    }
    return removed;
}

void VesselTrack::updateBounds()
{
    if (mLon.empty())
        return;
    const auto [minLon, maxLon] = std::minmax_element(mLon.begin(), mLon.end());
    const auto [minLat, maxLat] = std::minmax_element(mLat.begin(), mLat.end());
    mBounds = QRectF(QPointF(*minLon * 1e-7, *minLat * 1e-7), QPointF(*maxLon * 1e-7, *maxLat * 1e-7));
}

TrackStore TrackStore::without(const std::vector<std::vector<std::uint8_t>> &drop) const
{
    TrackStore copy;
    copy.mSourceNames = mSourceNames;
    copy.mSourceIndex = mSourceIndex;
    copy.mTracks.reserve(mTracks.size());
    for (std::size_t k = 0; k < mTracks.size(); ++k) {
        const VesselTrack &t = mTracks[k];
        if (k >= drop.size() || drop[k].empty()) {
            copy.mTracks.push_back(t);
        } else {
            VesselTrack kept = t;
            const std::vector<std::uint8_t> &flags = drop[k];
            std::size_t out = 0;
            for (std::size_t i = 0; i < t.size(); ++i) {
                if (i < flags.size() && flags[i])
                    continue;
                if (out != i)
                    kept.forEachColumn([i, out](auto &column) { column[out] = column[i]; });
                ++out;
            }
            if (out == 0)
                continue;
            kept.forEachColumn([out](auto &column) {
                column.resize(out);
                column.shrink_to_fit();
            });
            kept.updateBounds();
            copy.mTracks.push_back(std::move(kept));
        }
        copy.mIndex.emplace(copy.mTracks.back().mMmsi, std::uint32_t(copy.mTracks.size() - 1));
    }
    if (!copy.mTracks.empty()) { // a later append of the last vessel finds its track
        copy.mLastMmsi = copy.mTracks.back().mMmsi;
        copy.mLastIndex = std::uint32_t(copy.mTracks.size() - 1);
    }
    return copy;
}

std::size_t TrackStore::positionCount() const
{
    std::size_t n = 0;
    for (const VesselTrack &t : mTracks)
        n += t.size();
    return n;
}

const VesselTrack *TrackStore::track(std::uint32_t mmsi) const
{
    const auto it = mIndex.find(mmsi);
    return it == mIndex.end() ? nullptr : &mTracks[it->second];
}

double TrackStore::bytesPerPosition() const
{
    std::size_t bytes = 0;
    for (const VesselTrack &t : mTracks)
        t.forEachColumn([&bytes](const auto &column) {
            bytes += column.capacity() * sizeof(typename std::decay_t<decltype(column)>::value_type);
        });
    const std::size_t n = positionCount();
    return n ? double(bytes) / double(n) : 0.0;
}

std::size_t TrackStore::positionBytes() const
{
    std::size_t bytes = 0;
    for (const VesselTrack &t : mTracks)
        t.forEachColumn([&bytes](const auto &column) {
            bytes += column.size() * sizeof(typename std::decay_t<decltype(column)>::value_type);
        });
    return bytes;
}

QRectF TrackStore::boundsWgs84() const
{
    // By hand, not QRectF::united: a vessel that never moved has a zero-size box, which united() drops.
    double minX = 1e300, minY = 1e300, maxX = -1e300, maxY = -1e300;
    for (const VesselTrack &t : mTracks) {
        if (t.empty())
            continue;
        const QRectF &b = t.boundsWgs84();
        minX = std::min(minX, b.left());
        maxX = std::max(maxX, b.right());
        minY = std::min(minY, b.top());
        maxY = std::max(maxY, b.bottom());
    }
    return minX > maxX ? QRectF() : QRectF(QPointF(minX, minY), QPointF(maxX, maxY));
}

std::int64_t TrackStore::firstTimeMs() const
{
    std::int64_t first = std::numeric_limits<std::int64_t>::max();
    for (const VesselTrack &t : mTracks)
        if (!t.empty())
            first = std::min(first, t.firstTimeMs());
    return first == std::numeric_limits<std::int64_t>::max() ? 0 : first;
}

std::int64_t TrackStore::lastTimeMs() const
{
    std::int64_t last = std::numeric_limits<std::int64_t>::min();
    for (const VesselTrack &t : mTracks)
        if (!t.empty())
            last = std::max(last, t.lastTimeMs());
    return last == std::numeric_limits<std::int64_t>::min() ? 0 : last;
}

std::vector<TrackStore::Hit> TrackStore::query(const QRectF &box, std::int64_t fromMs,
                                               std::int64_t toMs) const
{
    std::vector<Hit> hits;
    const std::int64_t x0 = std::llround(box.left() * 1e7), x1 = std::llround(box.right() * 1e7);
    const std::int64_t y0 = std::llround(box.top() * 1e7), y1 = std::llround(box.bottom() * 1e7);
    for (const VesselTrack &t : mTracks) {
        // Inclusive overlap: a vessel that never moved has a zero-size box, which QRectF never "intersects".
        const QRectF &b = t.boundsWgs84();
        if (t.empty() || b.right() < box.left() || b.left() > box.right() || b.bottom() < box.top() ||
            b.top() > box.bottom())
            continue;
        const auto [first, last] = t.rangeForTime(fromMs, toMs);
        for (std::size_t i = first; i < last; ++i)
            if (t.mLon[i] >= x0 && t.mLon[i] <= x1 && t.mLat[i] >= y0 && t.mLat[i] <= y1)
                hits.push_back(Hit{t.mmsi(), i});
    }
    return hits;
}

void TrackStore::clear()
{
    mTracks.clear();
    mIndex.clear();
    mSourceNames.assign(1, std::string());
    mSourceIndex.clear();
    mLastSource.clear();
    mLastSourceId = kNoSource;
}

} // namespace sightline
