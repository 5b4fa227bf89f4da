#include "analysis/trackcleaning.h"

#include "analysis/trackkinematics.h"
#include "tracks/mid.h"

#include <algorithm>
#include <limits>

namespace sightline {

namespace {

struct MarkInfo
{
    CleaningMark mark;
    const char *key;
    const char *text;
};
constexpr MarkInfo kMarks[] = {
    {CleaningMark::PositionUnavailable, "out-of-range",
     "latitude or longitude out of range (AIS sends 91° / 181° for \"not available\")"},
    {CleaningMark::NullIsland, "null-island", "exactly 0°, 0°: a transponder's default, not a fix"},
    {CleaningMark::SpeedUnavailable, "speed-unavailable",
     "reported speed 102.3 kn or more: AIS's \"not available\", or faster than any ship"},
    {CleaningMark::Duplicate, "duplicate",
     "the same report again: within a second and a few metres of the one before"},
    {CleaningMark::Outlier, "outlier",
     "off the track once: impossibly fast to this position and away from it again"},
    {CleaningMark::TwoPlaces, "two-places",
     "one MMSI in two places: heard again and again from here and from a place too far to reach"},
};

/// Places of one vessel followed at once; a fifth takes the slot of the one heard from longest ago.
constexpr std::size_t kMaxPlaces = 4;
constexpr std::uint32_t kNoPlace = std::numeric_limits<std::uint32_t>::max();
/// A place heard from again within this time after it was last heard makes "two places".
constexpr std::int64_t kComeBackMs = 3600 * 1000;
/// Reports less than this apart are "the same time": AIS times are whole seconds.
constexpr std::int64_t kSameTimeMs = 1000;

/// Where the vessel may be: the last position that joined this place.
struct Place
{
    std::size_t last = 0;
    std::uint32_t id = 0;
};

/// Marks one track's positions; `placeOf` is scratch space kept between tracks.
class TrackChecker
{
public:
    TrackChecker(const VesselTrack &track, const CleaningParameters &parameters,
                 std::vector<std::uint8_t> &marks, std::vector<std::uint32_t> &placeOf)
        : mTrack(track)
        , mMarks(marks)
        , mPlaceOf(placeOf)
        , mT(track.times())
        , mLon(track.lonE7())
        , mLat(track.latE7())
        , mMinJumpM(parameters.minJumpKm * 1000.0)
        , mMaxKnots(parameters.maxSpeedKnots)
        , mDuplicateM(parameters.duplicateMetres)
    {
    }

    /// Returns how many positions it marked.
    std::size_t run(bool speedChecks)
    {
        const std::size_t n = mTrack.size();
        Place places[kMaxPlaces];
        std::size_t placeCount = 0, current = 0;
        std::uint32_t nextId = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const std::int32_t lat = mLat[i], lon = mLon[i];
            if (lat > 900000000 || lat < -900000000 || lon > 1800000000 || lon < -1800000000) {
                mark(i, CleaningMark::PositionUnavailable);
                continue;
            }
            if (lat == 0 && lon == 0) {
                mark(i, CleaningMark::NullIsland);
                continue;
            }
            // (An aircraft's speed is in knots up to 1022, type 9: no limit of a ship's.)
            if (const double sog = mTrack.sog(i); speedChecks && !std::isnan(sog) && sog >= 102.25) {
                mark(i, CleaningMark::SpeedUnavailable);
                continue;
            }
            if (placeCount == 0) {
                places[0] = {i, nextId++};
                placeCount = 1;
                continue;
            }
            const std::size_t last = places[current].last;
            if (mT[i] - mT[last] < kSameTimeMs && metres(last, i) <= mDuplicateM) {
                mark(i, CleaningMark::Duplicate);
                continue;
            }
            if (!speedChecks || !tooFast(last, i)) {
                join(places[current], i);
                continue;
            }
            // Too fast from where the vessel was: another place it was heard from, or a new one.
            if (mPlaceOf.empty())
                startFollowingPlaces(i);
            std::size_t to = placeCount;
            for (std::size_t k = 0; k < placeCount && to == placeCount; ++k)
                if (k != current && !tooFast(places[k].last, i))
                    to = k;
            if (to == placeCount) {
                if (placeCount < kMaxPlaces) {
                    ++placeCount;
                } else {
                    to = current == 0 ? 1 : 0;
                    for (std::size_t k = 0; k < placeCount; ++k)
                        if (k != current && mT[places[k].last] < mT[places[to].last])
                            to = k;
                }
                places[to] = {i, nextId++};
                mPlaceOf[i] = places[to].id;
            } else {
                join(places[to], i);
            }
            current = to;
        }
        if (!mPlaceOf.empty())
            markOtherPlaces(nextId);
        return mMarked;
    }

private:
    void mark(std::size_t i, CleaningMark why)
    {
        if (mMarks.empty())
            mMarks.assign(mTrack.size(), std::uint8_t(CleaningMark::Kept));
        mMarks[i] = std::uint8_t(why);
        ++mMarked;
    }
    void join(Place &place, std::size_t i)
    {
        place.last = i;
        if (!mPlaceOf.empty())
            mPlaceOf[i] = place.id;
    }
    /// The first jump too fast: from here on each position's place is written down, and every
    /// position kept before it was in the first place.
    void startFollowingPlaces(std::size_t i)
    {
        mPlaceOf.assign(mTrack.size(), kNoPlace);
        for (std::size_t j = 0; j < i; ++j)
            if (mMarks.empty() || mMarks[j] == std::uint8_t(CleaningMark::Kept))
                mPlaceOf[j] = 0;
    }
    double metres(std::size_t a, std::size_t b) const
    {
        return haversineMetres(positionAt(mTrack, a), positionAt(mTrack, b));
    }
    bool tooFast(std::size_t a, std::size_t b) const
    {
        // As the spoofing check: two reports in the same second are a second apart at most, and a
        // bound without trigonometry first (the great circle is no longer than R (|dlat| + |dlon|)).
        const std::int64_t ms = std::max<std::int64_t>(mT[b] - mT[a], kSameTimeMs);
        const double dLon = std::abs(LocalPlane::wrapLon((mLon[b] - std::int64_t(mLon[a])) * 1e-7));
        const double upper = 111195.08 * 1.0001 * (std::abs((mLat[b] - std::int64_t(mLat[a])) * 1e-7) + dLon);
        if (upper < mMinJumpM || knotsFrom(upper, ms) <= mMaxKnots)
            return false;
        const double m = metres(a, b);
        return m >= mMinJumpM && knotsFrom(m, ms) > mMaxKnots;
    }
    /// The place with the most positions is the vessel; the others' positions between its first and
    /// its last are marked: a second place when the MMSI came back to it within the hour, else an
    /// outlier.
    void markOtherPlaces(std::uint32_t placeCount)
    {
        const std::size_t none = std::numeric_limits<std::size_t>::max();
        std::vector<std::size_t> count(placeCount, 0), first(placeCount, none), last(placeCount, 0);
        // Back to a place within the hour: the MMSI is heard from two places. Two bad fixes hours apart
        // can join one place too (anything is in reach after hours), but each is an outlier.
        std::vector<bool> cameBack(placeCount, false);
        std::uint32_t previous = kNoPlace;
        for (std::size_t j = 0; j < mPlaceOf.size(); ++j) {
            const std::uint32_t id = mPlaceOf[j];
            if (id == kNoPlace)
                continue;
            ++count[id];
            if (first[id] == none)
                first[id] = j;
            else if (id != previous && mT[j] - mT[last[id]] <= kComeBackMs)
                cameBack[id] = true;
            last[id] = j;
            previous = id;
        }
        const std::uint32_t vessel =
            std::uint32_t(std::max_element(count.begin(), count.end()) - count.begin());
        for (std::size_t j = first[vessel] + 1; j < last[vessel]; ++j) {
            const std::uint32_t id = mPlaceOf[j];
            if (id != kNoPlace && id != vessel)
                mark(j, cameBack[id] ? CleaningMark::TwoPlaces : CleaningMark::Outlier);
        }
        mPlaceOf.clear();
    }

    const VesselTrack &mTrack;
    std::vector<std::uint8_t> &mMarks;
    std::vector<std::uint32_t> &mPlaceOf;
    const std::int64_t *mT;
    const std::int32_t *mLon, *mLat;
    const double mMinJumpM, mMaxKnots, mDuplicateM;
    std::size_t mMarked = 0;
};

} // namespace

QString cleaningMarkKey(CleaningMark mark)
{
    for (const MarkInfo &m : kMarks)
        if (m.mark == mark)
            return QString::fromLatin1(m.key);
    return QStringLiteral("kept");
}

QString cleaningMarkText(CleaningMark mark)
{
    for (const MarkInfo &m : kMarks)
        if (m.mark == mark)
            return QString::fromUtf8(m.text);
    return {};
}

QJsonObject TrackCleaning::countsJson() const
{
    std::size_t counts[256] = {};
    for (const auto &track : marks)
        for (const std::uint8_t m : track)
            ++counts[m];
    QJsonObject o;
    for (const MarkInfo &m : kMarks)
        if (counts[std::size_t(m.mark)])
            o.insert(QString::fromLatin1(m.key), qint64(counts[std::size_t(m.mark)]));
    return o;
}

TrackCleaning cleanTracks(const TrackStore &tracks, const CleaningParameters &parameters,
                          const AnalysisProgress &progress)
{
    TrackCleaning result;
    const std::vector<VesselTrack> &all = tracks.tracks();
    result.marks.resize(all.size());
    std::vector<std::uint32_t> placeOf;
    for (std::size_t v = 0; v < all.size(); ++v) {
        if (!reportProgress(progress, v, all.size()))
            return {};
        MmsiKind kind = MmsiKind::Invalid;
        midOf(all[v].mmsi(), &kind);
        TrackChecker checker(all[v], parameters, result.marks[v], placeOf);
        result.markedCount += checker.run(kind != MmsiKind::SarAircraft);
    }
    return result;
}

} // namespace sightline
