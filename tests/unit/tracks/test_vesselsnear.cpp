#include "../catchstringmakers.h"

#include "geo/geodesic.h"
#include "tracks/trackstore.h"
#include "tracks/vesselsnear.h"

using namespace sightline;

namespace {

constexpr std::int64_t kHour = 3'600'000;
constexpr std::uint32_t kEastbound = 273000001; // along 42°N, 130.0°E → 131.0°E in 10 hours
constexpr std::uint32_t kMoored = 273000002;    // at 132°E 43°N all day
constexpr std::uint32_t kEarlier = 273000003;   // at 130.5°E 42°N from hour 0 to hour 1, then silent
constexpr std::uint32_t kDark = 273000004;      // two fixes 10 hours apart either side of the place

TrackStore caseTracks()
{
    TrackStore store;
    for (int h = 0; h <= 10; ++h)
        store.append({kEastbound, h * kHour, 130.0 + 0.1 * h, 42.0});
    for (int h = 0; h <= 24; h += 2)
        store.append({kMoored, h * kHour, 132.0, 43.0});
    store.append({kEarlier, 0, 130.5, 42.0});
    store.append({kEarlier, kHour, 130.5, 42.0});
    store.append({kDark, 0, 130.55, 41.9});
    store.append({kDark, 10 * kHour, 130.55, 42.1});
    store.finalize();
    return store;
}

std::vector<std::uint32_t> mmsis(const std::vector<VesselNear> &found)
{
    std::vector<std::uint32_t> out;
    for (const VesselNear &v : found)
        out.push_back(v.mmsi);
    return out;
}

} // namespace

TEST_CASE("which vessels were at a place at an instant, and which passed it around then", "[tracks]")
{
    const TrackStore store = caseTracks();
    const QPointF place(130.55, 42.0);
    const double earlierMetres = Geodesic::inverse(place, QPointF(130.5, 42.0)).distanceMetres;
    REQUIRE(earlierMetres > 3000);
    REQUIRE(earlierMetres < 5000);

    struct Row
    {
        const char *what;
        std::int64_t atMs;
        double radiusMetres;
        std::int64_t windowMs;
        std::vector<std::uint32_t> expected; // closest first
    };
    const std::vector<Row> rows = {
        // Half past five: the eastbound ship is exactly there; the dark one's guess is there too.
        {"at the instant only", 5 * kHour + kHour / 2, 5000, 0, {kEastbound, kDark}},
        // Six hours either side reach the earlier ship's fixes four kilometres away.
        {"with a window", 5 * kHour + kHour / 2, 5000, 6 * kHour, {kEastbound, kDark, kEarlier}},
        {"a window too short", 5 * kHour + kHour / 2, 5000, 3 * kHour, {kEastbound, kDark}},
        {"a radius too small for the earlier ship", 5 * kHour + kHour / 2, 3000, 6 * kHour, {kEastbound, kDark}},
        // Before the eastbound ship got there: two hours out, it is 41 km west; its fixes within an hour
        // are not near either.
        {"before it arrived", 1 * kHour + kHour / 2, 5000, kHour, {kEarlier}},
        {"after every track ended", 30 * kHour, 5000, kHour, {}},
    };
    for (const Row &row : rows) {
        INFO(row.what);
        VesselsNearQuery query;
        query.lonLat = place;
        query.atMs = row.atMs;
        query.radiusMetres = row.radiusMetres;
        query.windowMs = row.windowMs;
        query.gapMs = 2 * kHour;
        const std::vector<VesselNear> found = vesselsNear(store, query);
        CHECK(mmsis(found) == row.expected);
        for (const VesselNear &v : found)
            CHECK(v.distanceMetres <= row.radiusMetres);
    }
}

TEST_CASE("a vessel near the place says when, where and how sure", "[tracks]")
{
    const TrackStore store = caseTracks();
    VesselsNearQuery query;
    query.lonLat = QPointF(130.55, 42.0);
    query.atMs = 5 * kHour + kHour / 2;
    query.radiusMetres = 5000;
    query.windowMs = 6 * kHour;
    query.gapMs = 2 * kHour;
    const std::vector<VesselNear> found = vesselsNear(store, query);
    REQUIRE(found.size() == 3);

    const VesselNear &eastbound = found[0];
    CHECK(eastbound.mmsi == kEastbound);
    CHECK(eastbound.atInstant);
    CHECK_FALSE(eastbound.guessed);
    CHECK(eastbound.atMs == query.atMs);
    CHECK(eastbound.distanceMetres < 100); // interpolated along the geodesic: a few metres off the parallel
    CHECK(eastbound.lonLat.x() == Approx(130.55).margin(1e-3));

    const VesselNear &dark = found[1];
    CHECK(dark.mmsi == kDark);
    CHECK(dark.atInstant);
    CHECK(dark.guessed); // ten silent hours around the instant
    CHECK(dark.distanceMetres < 1200);

    const VesselNear &earlier = found[2];
    CHECK(earlier.mmsi == kEarlier);
    CHECK_FALSE(earlier.atInstant);
    CHECK(earlier.atMs == kHour); // its last fix, the one nearest in time that is as close
    CHECK(earlier.lonLat == QPointF(130.5, 42.0));
}

TEST_CASE("no vessels near without a radius or without tracks", "[tracks]")
{
    VesselsNearQuery query;
    query.lonLat = QPointF(130.55, 42.0);
    query.atMs = 5 * kHour;
    query.radiusMetres = 0;
    CHECK(vesselsNear(caseTracks(), query).empty());
    query.radiusMetres = 5000;
    CHECK(vesselsNear(TrackStore(), query).empty());
}
