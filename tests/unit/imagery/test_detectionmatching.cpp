#include "imagery/detectionmatching.h"
#include "matchingscene.h"

#include "../catchstringmakers.h"

#include <algorithm>
#include <random>

using namespace sightline;
using namespace sightline::testscene;

namespace {

DetectionMatchResult match(const Scene &scene, std::vector<VesselDetection> detections,
                           const MatchParameters &parameters = {})
{
    return matchDetections(std::move(detections), scene.tracks, scene.vessels, kAcquiredMs, footprint(),
                           kMinResolvableM, parameters);
}

const AisWithoutDetection *unseen(const DetectionMatchResult &result, std::uint32_t mmsi)
{
    const auto it = std::find_if(result.aisWithoutDetection.begin(), result.aisWithoutDetection.end(),
                                 [&](const AisWithoutDetection &a) { return a.mmsi == mmsi; });
    INFO("MMSI " << mmsi << " listed without a detection");
    REQUIRE(it != result.aisWithoutDetection.end());
    return &*it;
}

} // namespace

TEST_CASE("Two ships side by side are each matched to their own track", "[imagery][matching]")
{
    Scene scene;
    const QPointF a = centre(), b = offset(centre(), 90, 400);
    scene.addVessel(111, a, 0, 12, {-8, 3});
    scene.addVessel(222, b, 0, 12, {-2, 9});
    scene.describe(111, "ALFA", 120);
    scene.describe(222, "BRAVO", 90);
    scene.tracks.finalize();
    // Given in the other order, so that matching by position in the list would cross them.
    const DetectionMatchResult result = match(scene, {detectionAt(b, 95), detectionAt(a, 115)});
    REQUIRE(result.detections.size() == 2);
    CHECK(result.detections[0].mmsi == 222u);
    CHECK(result.detections[0].vesselName == QStringLiteral("BRAVO"));
    CHECK(result.detections[1].mmsi == 111u);
    CHECK(result.detections[1].vesselName == QStringLiteral("ALFA"));
    CHECK(result.detections[1].matchDistanceM < 5);
    CHECK(result.detections[1].matchScore > 0.7);
    CHECK(result.aisWithoutDetection.empty());
}

TEST_CASE("The assignment does not cross two ships where the best single pair would", "[imagery][matching]")
{
    // Ship A's AIS position is 580 m east of it, 20 m from ship B; B's is 300 m beyond B. Taking the
    // closest pair first gives B to A's vessel and leaves A to B's at 900 m; the best total keeps
    // each with its own.
    Scene scene;
    const QPointF shipA = centre(), shipB = offset(centre(), 90, 600);
    scene.addVessel(111, offset(shipA, 90, 580), 0, 0.1, {0});
    scene.addVessel(222, offset(shipB, 90, 300), 0, 0.1, {0});
    scene.tracks.finalize();
    const DetectionMatchResult result = match(scene, {detectionAt(shipA), detectionAt(shipB)});
    CHECK(result.detections[0].mmsi == 111u);
    CHECK(result.detections[1].mmsi == 222u);
}

TEST_CASE("A detection with no AIS vessel near it is dark", "[imagery][matching]")
{
    Scene scene;
    scene.addVessel(111, centre(), 45, 10, {-5, 5});
    scene.describe(111, "ALFA", 100);
    scene.tracks.finalize();
    const QPointF far = offset(centre(), 200, 12'000);
    const DetectionMatchResult result = match(scene, {detectionAt(centre(), 100), detectionAt(far, 150)});
    CHECK(result.detections[0].mmsi == 111u);
    CHECK_FALSE(result.detections[1].mmsi.has_value());
    CHECK(result.detections[1].vesselName.isEmpty());
    CHECK(result.detections[1].matchScore == 0);
}

TEST_CASE("AIS vessels in the scene with no detection say whether they were too small or missing",
          "[imagery][matching]")
{
    Scene scene;
    // A dinghy a scene of 15 m cannot see, a 140 m ship with a fix 5 min before the acquisition,
    // a ship with no static report, and a 140 m ship last heard 90 min before.
    scene.addVessel(101, offset(centre(), 0, 5000), 90, 5, {-5});
    scene.describe(101, "DINGHY", 8);
    scene.addVessel(102, offset(centre(), 180, 5000), 90, 12, {-5, 40});
    scene.describe(102, "PHANTOM", 140);
    scene.addVessel(103, offset(centre(), 90, 8000), 0, 8, {-3, 4});
    scene.addVessel(104, offset(centre(), 270, 8000), 0, 8, {-90});
    scene.describe(104, "OLDFIX", 140);
    scene.tracks.finalize();
    const DetectionMatchResult result = match(scene, {});
    REQUIRE(result.aisWithoutDetection.size() == 4);
    CHECK(unseen(result, 101)->reason == QStringLiteral("too_small"));
    CHECK(unseen(result, 101)->reportedLengthM == 8);
    const AisWithoutDetection *phantom = unseen(result, 102);
    CHECK(phantom->reason == QStringLiteral("possible_spoofing"));
    CHECK(phantom->vesselName == QStringLiteral("PHANTOM"));
    CHECK(phantom->nearestFixMinutes == Approx(5));
    CHECK(Geodesic::inverse(phantom->lonLat, offset(centre(), 180, 5000)).distanceMetres < 5);
    CHECK(unseen(result, 103)->reason == QStringLiteral("unknown"));
    CHECK(unseen(result, 104)->reason == QStringLiteral("unknown"));
    CHECK(unseen(result, 104)->uncertaintyM > 20'000);
}

TEST_CASE("A vessel whose fixes are 3 h apart still matches through its larger uncertainty",
          "[imagery][matching]")
{
    Scene scene;
    // Halfway through a 3 h silence at 10 kn; the ship is 3 km off the line between the fixes.
    scene.addVessel(111, centre(), 30, 10, {-90, 90});
    scene.tracks.finalize();
    const QPointF ship = offset(centre(), 120, 3000);
    const DetectionMatchResult result = match(scene, {detectionAt(ship)});
    CHECK(result.detections[0].mmsi == 111u);
    CHECK(result.detections[0].matchDistanceM == Approx(3000).epsilon(0.01));

    // The same 3 km from a vessel with a fix at the acquisition is too far: it is someone else.
    Scene fresh;
    fresh.addVessel(111, centre(), 30, 10, {0});
    fresh.tracks.finalize();
    const DetectionMatchResult apart = match(fresh, {detectionAt(ship)});
    CHECK_FALSE(apart.detections[0].mmsi.has_value());
    REQUIRE(apart.aisWithoutDetection.size() == 1);
    CHECK(apart.aisWithoutDetection[0].mmsi == 111u);
}

TEST_CASE("A vessel not heard within the extrapolation limit is not placed", "[imagery][matching]")
{
    Scene scene;
    scene.addVessel(111, centre(), 30, 10, {-150, 150});
    scene.tracks.finalize();
    const DetectionMatchResult result = match(scene, {detectionAt(centre())});
    CHECK_FALSE(result.detections[0].mmsi.has_value());
    CHECK(result.aisWithoutDetection.empty());
}

TEST_CASE("Length agreement decides between two vessels at similar distances", "[imagery][matching]")
{
    Scene scene;
    const QPointF ship = centre();
    scene.addVessel(111, offset(ship, 0, 300), 0, 0.1, {0}); // closer, but a 30 m boat
    scene.describe(111, "SMALL", 30);
    scene.addVessel(222, offset(ship, 180, 500), 0, 0.1, {0}); // further, 190 m
    scene.describe(222, "LARGE", 190);
    scene.tracks.finalize();

    MatchParameters ignoreLength;
    ignoreLength.lengthWeight = 0;
    CHECK(match(scene, {detectionAt(ship, 200)}, ignoreLength).detections[0].mmsi == 111u);

    const DetectionMatchResult result = match(scene, {detectionAt(ship, 200)});
    CHECK(result.detections[0].mmsi == 222u);
    REQUIRE(result.aisWithoutDetection.size() == 1);
    CHECK(result.aisWithoutDetection[0].mmsi == 111u);

    // A detection of unknown length leaves the closer vessel the match.
    CHECK(match(scene, {detectionAt(ship, 0)}).detections[0].mmsi == 111u);
}

TEST_CASE("Vessels outside the footprint are not listed; one just outside may still match",
          "[imagery][matching]")
{
    Scene scene;
    const QPointF north(130.25, 42.4);
    scene.addVessel(111, offset(north, 0, 30'000), 0, 12, {-2, 2});
    scene.describe(111, "FARAWAY", 200);
    scene.addVessel(222, offset(north, 0, 600), 90, 0.1, {0}); // 600 m outside the north edge
    scene.describe(222, "EDGE", 150);
    scene.addVessel(333, offset(QPointF(130.0, 42.2), 270, 700), 0, 0.1, {0}); // 700 m west of it
    scene.describe(333, "WEST", 150);
    scene.tracks.finalize();
    // A ship 200 m inside the north edge, whose AIS position is 600 m outside.
    const DetectionMatchResult result = match(scene, {detectionAt(offset(north, 180, 200), 150)});
    CHECK(result.detections[0].mmsi == 222u);
    CHECK(result.aisWithoutDetection.empty());
}

TEST_CASE("A vessel is placed at its name of the time", "[imagery][matching]")
{
    Scene scene;
    scene.addVessel(111, centre(), 0, 10, {-5, 5});
    ais::AisMessage renamed;
    renamed.type = 5;
    renamed.mmsi = 111;
    renamed.shipname = "OLD NAME";
    scene.vessels.noteStatic(renamed, kAcquiredMs - 86'400'000);
    renamed.shipname = "NEW NAME";
    scene.vessels.noteStatic(renamed, kAcquiredMs + 86'400'000);
    scene.tracks.finalize();
    CHECK(match(scene, {detectionAt(centre())}).detections[0].vesselName == QStringLiteral("OLD NAME"));
}

TEST_CASE("Matching gives the same answer whatever the order of detections and tracks", "[imagery][matching]")
{
    // A busy patch: 150 ships in 8 × 8 km, 120 of them broadcasting with noisy positions and gaps.
    std::mt19937 random(2021);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    struct Ship
    {
        QPointF at;
        double length;
    };
    std::vector<Ship> ships;
    for (int i = 0; i < 150; ++i)
        ships.push_back(
            {offset(centre(), 360 * unit(random), 4000 * std::sqrt(unit(random))), 20 + 250 * unit(random)});
    std::vector<int> broadcastOrder(120);
    for (int i = 0; i < 120; ++i)
        broadcastOrder[std::size_t(i)] = i;

    auto build = [&](const std::vector<int> &order, Scene &scene) {
        std::mt19937 noise(7);
        std::vector<QPointF> reported(120);
        std::vector<double> gap(120);
        for (int i = 0; i < 120; ++i) {
            reported[std::size_t(i)] = offset(ships[std::size_t(i)].at, 360 * unit(noise), 150 * unit(noise));
            gap[std::size_t(i)] = 1 + 60 * unit(noise);
        }
        for (const int i : order) {
            scene.addVessel(500'000'000u + std::uint32_t(i), reported[std::size_t(i)], 77, 9,
                            {-gap[std::size_t(i)], gap[std::size_t(i)]});
            scene.describe(500'000'000u + std::uint32_t(i), "SHIP " + std::to_string(i),
                           int(ships[std::size_t(i)].length));
        }
        scene.tracks.finalize();
    };
    Scene forward;
    build(broadcastOrder, forward);
    std::vector<VesselDetection> detections;
    for (std::size_t i = 0; i < ships.size(); ++i) {
        VesselDetection d = detectionAt(ships[i].at, ships[i].length * (0.8 + 0.4 * unit(random)));
        d.pixel = QPointF(double(i), 0); // which ship it is, to find it again after shuffling
        detections.push_back(d);
    }
    const DetectionMatchResult first = match(forward, detections);

    std::mt19937 shuffler(99);
    std::shuffle(broadcastOrder.begin(), broadcastOrder.end(), shuffler);
    std::shuffle(detections.begin(), detections.end(), shuffler);
    Scene shuffled;
    build(broadcastOrder, shuffled);
    const DetectionMatchResult second = match(shuffled, detections);

    int matched = 0, correct = 0;
    for (const VesselDetection &d : second.detections) {
        const VesselDetection &same = first.detections[std::size_t(d.pixel.x())];
        CHECK(d.mmsi == same.mmsi);
        CHECK(d.matchScore == same.matchScore);
        if (d.mmsi) {
            ++matched;
            correct += *d.mmsi == 500'000'000u + std::uint32_t(d.pixel.x());
        }
    }
    CHECK(first.aisWithoutDetection.size() == second.aisWithoutDetection.size());
    // Most broadcasting ships are found and named right even this crowded.
    CHECK(matched >= 110);
    CHECK(correct >= 100);
}
