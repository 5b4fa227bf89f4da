#include "imagery/footprintdistance.h"
#include "imagery/matchscore.h"
#include "imagery/vesselpositionestimate.h"
#include "matchingscene.h"

#include "../catchstringmakers.h"

using namespace sightline;
using namespace sightline::testscene;

TEST_CASE("A position between fixes is on the line, its uncertainty grown by half the nearer gap",
          "[imagery][positionestimate]")
{
    Scene scene;
    scene.addVessel(111, centre(), 60, 12, {-20, 40});
    scene.tracks.finalize();
    MatchParameters parameters;
    const auto at = estimateVesselPosition(*scene.tracks.track(111), kAcquiredMs, parameters);
    REQUIRE(at);
    CHECK(Geodesic::inverse(at->lonLat, centre()).distanceMetres < 5);
    CHECK_FALSE(at->extrapolated);
    CHECK(at->nearestFixMs == 20 * 60'000);
    CHECK(at->speedKnots == Approx(12).epsilon(0.01));
    CHECK(at->radiusM == Approx(1500 + 0.5 * 12 * 1852 / 3.0).epsilon(0.01));
}

TEST_CASE("A position past the last fix is carried along course and speed, up to the limit",
          "[imagery][positionestimate]")
{
    Scene scene;
    scene.addVessel(111, centre(), 135, 10, {-60, -30});
    scene.addVessel(222, centre(), 135, 10, {45});
    scene.addVessel(333, centre(), 135, 40, {-30}); // faster than the cap
    scene.tracks.finalize();
    MatchParameters parameters;
    const auto after = estimateVesselPosition(*scene.tracks.track(111), kAcquiredMs, parameters);
    REQUIRE(after);
    CHECK(after->extrapolated);
    // The scene set each fix's course to the one at the centre; a geodesic's azimuth turns a
    // little over 5 nm, so the carried position lands a few metres off.
    CHECK(Geodesic::inverse(after->lonLat, centre()).distanceMetres < 30);
    CHECK(after->radiusM == Approx(1500 + 10 * 1852 / 2.0).epsilon(0.01));
    const auto before = estimateVesselPosition(*scene.tracks.track(222), kAcquiredMs, parameters);
    REQUIRE(before);
    CHECK(Geodesic::inverse(before->lonLat, centre()).distanceMetres < 30);
    const auto fast = estimateVesselPosition(*scene.tracks.track(333), kAcquiredMs, parameters);
    REQUIRE(fast);
    CHECK(fast->speedKnots == 25);
    CHECK(fast->radiusM <= largestUncertaintyM(parameters));

    parameters.maxExtrapolationHours = 0.4;
    CHECK_FALSE(estimateVesselPosition(*scene.tracks.track(111), kAcquiredMs, parameters));
    CHECK_FALSE(estimateVesselPosition(*scene.tracks.track(222), kAcquiredMs, parameters));
}

TEST_CASE("Distance outside a footprint is signed and in metres", "[imagery][positionestimate]")
{
    const QPolygonF outline = footprint();
    CHECK(metresOutsideFootprint(outline, offset(QPointF(130.25, 42.4), 0, 1000)) ==
          Approx(1000).epsilon(0.01));
    CHECK(metresOutsideFootprint(outline, offset(QPointF(130.25, 42.4), 180, 1000)) ==
          Approx(-1000).epsilon(0.01));
    CHECK(metresOutsideFootprint(outline, centre()) < -18'000);
}

TEST_CASE("A score falls with distance, uncertainty and disagreeing length", "[imagery][matchscore]")
{
    CHECK(matchScore({0, 1500, 1500, 0, 0, 0.3}) == Approx(1));
    CHECK(matchScore({1500, 1500, 1500, 0, 0, 0.3}) == Approx(std::exp(-2.0)));
    CHECK(matchScore({0, 6000, 1500, 0, 0, 0.3}) == Approx(0.5));
    CHECK(matchScore({0, 1500, 1500, 100, 100, 0.3}) == Approx(1));
    CHECK(matchScore({0, 1500, 1500, 50, 100, 0.3}) == Approx(0.85));
    CHECK(matchScore({0, 1500, 1500, 50, 0, 0.3}) == Approx(1));
    // The reach is where the score reaches the minimum.
    const double reach = matchReachM(4000, 1500, 0.05);
    CHECK(matchScore({reach, 4000, 1500, 0, 0, 0}) == Approx(0.05));
    CHECK(matchReachM(4000, 1500, 0) == 12'000);
}
