// Matching vessel detections to AIS at a SAR acquisition: a Sentinel-1 IW-sized scene
// (250 × 170 km), 10,000 AIS vessels in and around it (a quarter inside, and more of those
// outside the scene's edges), 2,000 of them seen as detections (positions
// off by up to 200 m, lengths off by up to ±30 %), plus 200 dark detections. Built in memory from a
// fixed seed; the match is timed alone (first run and best of --runs) and its answer is checked
// against what was planted.
//   sightline_bench_matching [--vessels 10000] [--detections 2000] [--runs 5]
#include "ais/aismessage.h"
#include "geo/geodesic.h"
#include "imagery/detectionmatching.h"
#include "tracks/trackstore.h"
#include "tracks/vesselregistry.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>

using namespace sightline;

namespace {

using Clock = std::chrono::steady_clock;
constexpr std::int64_t kAcquiredMs = 1'700'000'000'000;

struct Planted
{
    TrackStore tracks;
    VesselRegistry vessels;
    std::vector<VesselDetection> detections; ///< pixel.x(): the MMSI planted there, 0 for a dark ship
    QPolygonF footprint;
};

Planted plant(int vesselCount, int detectionCount)
{
    Planted p;
    // About 250 km east–west by 170 km north–south at 35°N.
    p.footprint = QPolygonF({QPointF(125.0, 34.0), QPointF(127.75, 34.0), QPointF(127.75, 35.53),
                             QPointF(125.0, 35.53), QPointF(125.0, 34.0)});
    std::mt19937 random(2026);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    int seen = 0;
    for (int v = 0; v < vesselCount; ++v) {
        const auto mmsi = std::uint32_t(400'000'000 + v);
        // Three quarters of the fleet sail around the scene, up to 120 km off it.
        const bool inside = v % 4 == 0;
        QPointF at(125.05 + 2.65 * unit(random), 34.05 + 1.43 * unit(random));
        while (!inside && p.footprint.boundingRect().contains(at))
            at = QPointF(123.7 + 5.4 * unit(random), 33.0 + 3.6 * unit(random));
        const double course = 360 * unit(random), knots = unit(random) < 0.3 ? 0.2 : 6 + 12 * unit(random);
        // Fixes every 2–20 min around the acquisition, some with a silence of up to 3 h across it.
        const double spacingMin = 2 + 18 * unit(random);
        const double silenceMin = unit(random) < 0.1 ? 180 * unit(random) : spacingMin;
        const double firstMin = -silenceMin * unit(random);
        auto fixAt = [&](double minutes) {
            const QPointF q = Geodesic::direct(at, course, knots * 1852.0 * minutes / 60.0);
            TrackStore::Position position{mmsi, kAcquiredMs + std::int64_t(minutes * 60'000), q.x(), q.y()};
            position.sog = knots;
            position.cog = course;
            p.tracks.append(position);
        };
        for (int k = 0; k < 6; ++k)
            fixAt(firstMin - k * spacingMin);
        for (int k = 0; k < 6; ++k)
            fixAt(firstMin + silenceMin + k * spacingMin);
        const int length = 10 + int(290 * unit(random));
        ais::AisMessage info;
        info.type = 5;
        info.mmsi = mmsi;
        info.shipname = "BENCH " + std::to_string(v);
        info.toBow = length / 2;
        info.toStern = length - length / 2;
        p.vessels.noteStatic(info, kAcquiredMs);
        if (inside && seen < detectionCount && length >= 30) {
            VesselDetection d;
            d.lonLat = Geodesic::direct(at, 360 * unit(random), 200 * unit(random));
            d.lengthM = length * (0.7 + 0.6 * unit(random));
            d.pixel = QPointF(mmsi, 0);
            p.detections.push_back(d);
            ++seen;
        }
    }
    for (int k = 0; k < detectionCount / 10; ++k) {
        VesselDetection d;
        d.lonLat = QPointF(125.05 + 2.65 * unit(random), 34.05 + 1.43 * unit(random));
        d.lengthM = 20 + 200 * unit(random);
        p.detections.push_back(d);
    }
    p.tracks.finalize();
    return p;
}

} // namespace

int main(int argc, char **argv)
{
    long vesselsArg = 10'000, detectionsArg = 2'000, runsArg = 5;
    for (int i = 1; i < argc; ++i) {
        long *target = std::strcmp(argv[i], "--vessels") == 0      ? &vesselsArg
                       : std::strcmp(argv[i], "--detections") == 0 ? &detectionsArg
                       : std::strcmp(argv[i], "--runs") == 0       ? &runsArg
                                                                   : nullptr;
        if (!target || i + 1 >= argc) {
            std::fprintf(stderr,
                         "usage: sightline_bench_matching [--vessels N] [--detections N] [--runs R]\n");
            return 2;
        }
        *target = std::strtol(argv[++i], nullptr, 10);
    }
    const auto built = Clock::now();
    const Planted p = plant(int(vesselsArg), int(detectionsArg));
    std::printf(
        "scene: %zu vessels, %zu positions, %zu detections (%ld planted on vessels), built in %.0f ms\n",
        p.tracks.vesselCount(), p.tracks.positionCount(), p.detections.size(),
        long(p.detections.size()) - detectionsArg / 10,
        std::chrono::duration<double, std::milli>(Clock::now() - built).count());
    double first = 0, best = 1e300;
    DetectionMatchResult result;
    for (long run = 0; run < std::max(1L, runsArg); ++run) {
        const auto start = Clock::now();
        result = matchDetections(p.detections, p.tracks, p.vessels, kAcquiredMs, p.footprint, 15,
                                 MatchParameters{});
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
        first = run == 0 ? ms : first;
        best = std::min(best, ms);
    }
    int matched = 0, correct = 0, darkRight = 0, plantedDark = 0;
    for (const VesselDetection &d : result.detections) {
        const auto planted = std::uint32_t(d.pixel.x());
        plantedDark += planted == 0;
        if (d.mmsi) {
            ++matched;
            correct += *d.mmsi == planted;
        } else {
            darkRight += planted == 0;
        }
    }
    std::printf("matching: %.0f ms (first run %.0f ms); %d matched, %d to the planted vessel; "
                "%d of %d dark detections left dark; %zu AIS vessels without a detection\n",
                best, first, matched, correct, darkRight, plantedDark, result.aisWithoutDetection.size());
    return 0;
}
