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
    t.mFlags.push_back(p.flags);
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
            permute(t.mTime, order);
            permute(t.mLon, order);
            permute(t.mLat, order);
            permute(t.mSog, order);
            permute(t.mCog, order);
            permute(t.mHeading, order);
            permute(t.mStatus, order);
            permute(t.mFlags, order);
            t.mSorted = true;
        }
        // The same report heard twice (two receivers, or a repeated log) is one position.
        std::size_t out = 0;
        for (std::size_t i = 0; i < n; ++i) {
            if (out > 0 && t.mTime[i] == t.mTime[out - 1] && t.mLon[i] == t.mLon[out - 1] &&
                t.mLat[i] == t.mLat[out - 1])
                continue;
            t.mTime[out] = t.mTime[i];
            t.mLon[out] = t.mLon[i];
            t.mLat[out] = t.mLat[i];
            t.mSog[out] = t.mSog[i];
            t.mCog[out] = t.mCog[i];
            t.mHeading[out] = t.mHeading[i];
            t.mStatus[out] = t.mStatus[i];
            t.mFlags[out] = t.mFlags[i];
            ++out;
        }
        removed += n - out;
        for (auto *v : {&t.mLon, &t.mLat})
            v->resize(out), v->shrink_to_fit();
        t.mTime.resize(out);
        t.mTime.shrink_to_fit();
        for (auto *v : {&t.mSog, &t.mCog, &t.mHeading})
            v->resize(out), v->shrink_to_fit();
        for (auto *v : {&t.mStatus, &t.mFlags})
            v->resize(out), v->shrink_to_fit();
        if (out > 0) {
            const auto [minLon, maxLon] = std::minmax_element(t.mLon.begin(), t.mLon.end());
            const auto [minLat, maxLat] = std::minmax_element(t.mLat.begin(), t.mLat.end());
            t.mBounds =
                QRectF(QPointF(*minLon * 1e-7, *minLat * 1e-7), QPointF(*maxLon * 1e-7, *maxLat * 1e-7));
        }
    }
    return removed;
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
    for (const VesselTrack &t : mTracks) {
        bytes += t.mTime.capacity() * sizeof(std::int64_t) +
                 (t.mLon.capacity() + t.mLat.capacity()) * sizeof(std::int32_t) +
                 (t.mSog.capacity() + t.mCog.capacity() + t.mHeading.capacity()) * sizeof(std::uint16_t) +
                 t.mStatus.capacity() + t.mFlags.capacity();
    }
    const std::size_t n = positionCount();
    return n ? double(bytes) / double(n) : 0.0;
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
}

} // namespace sightline
