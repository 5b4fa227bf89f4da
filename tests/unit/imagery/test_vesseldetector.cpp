#include "geo/geodesic.h"
#include "imagery/cfar.h"
#include "imagery/detectionparameters.h"
#include "imagery/landmask.h"
#include "imagery/objectshape.h"
#include "imagery/vesseldetector.h"
#include "sarscenes.h"

#include <QTemporaryDir>

#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>

using namespace sightline;
using namespace sightline::test;

namespace {

double headingError(double a, double b)
{
    const double d = std::fmod(std::abs(a - b), 180.0);
    return std::min(d, 180.0 - d);
}

double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// Pairs each planted ship with the nearest detection within half its length plus 100 m.
struct Scored
{
    int ships50 = 0, found50 = 0;
    int falseAlarms = 0;
    double seaKm2 = 0;
    std::vector<double> lengthErrors, headingErrors;
    double worstLengthError = 0;
};

Scored score(const SyntheticSarScene &s, const std::vector<VesselDetection> &detections, const LandMask *mask)
{
    Scored out;
    std::vector<bool> used(detections.size(), false);
    for (const SyntheticShip &ship : s.ships) {
        int best = -1;
        double bestM = 0.5 * ship.lengthM + 100;
        for (std::size_t i = 0; i < detections.size(); ++i) {
            const double m = Geodesic::inverse(ship.lonLat, detections[i].lonLat).distanceMetres;
            if (!used[i] && m < bestM)
                best = int(i), bestM = m;
        }
        if (ship.lengthM >= 50)
            ++out.ships50;
        if (best < 0)
            continue;
        used[std::size_t(best)] = true;
        const VesselDetection &d = detections[std::size_t(best)];
        if (ship.lengthM >= 50)
            ++out.found50;
        const double lengthError = std::abs(d.lengthM - ship.lengthM);
        out.lengthErrors.push_back(lengthError);
        out.worstLengthError = std::max(out.worstLengthError, lengthError);
        if (ship.lengthM >= 100)
            out.headingErrors.push_back(headingError(d.headingDeg, ship.headingDeg));
    }
    out.falseAlarms = int(std::count(used.begin(), used.end(), false));
    std::size_t sea = 0;
    for (std::size_t i = 0; i < s.scene.power.size(); ++i)
        sea += (!mask || !mask->land[i]) ? 1 : 0;
    const double pixelKm2 = 1e-6 * 10.0 * 10.0;
    out.seaKm2 = double(sea) * pixelKm2;
    return out;
}

std::optional<LandMask> maskFor(const SyntheticSarScene &s, double bufferM)
{
    QTemporaryDir dir;
    const QString path = writeLandGeoJson(s, dir.filePath(QStringLiteral("land.geojson")));
    REQUIRE_FALSE(path.isEmpty());
    QString error;
    auto mask = landMaskFromLayer(s.scene, path, {}, bufferM, &error);
    INFO(error.toStdString());
    REQUIRE(mask);
    return mask;
}

} // namespace

TEST_CASE("The CFAR windows and threshold are SNAP's", "[imagery][detector]")
{
    const DetectionParameters defaults;
    const CfarWindows w = cfarWindows(defaults, QPointF(10, 10));
    // SNAP at 10 m: target ⌊75/10⌋+1 = 8 → 7 pixels wide, guard 41 → ±20, background 101 → ±50.
    CHECK(w.targetX == 3);
    CHECK(w.targetY == 3);
    CHECK(w.guardX == 20);
    CHECK(w.backgroundX == 50);
    // Pixels longer along rows than columns: the windows stay square on the ground.
    const CfarWindows wide = cfarWindows(defaults, QPointF(5, 20));
    CHECK(wide.backgroundX == 100);
    CHECK(wide.backgroundY == 25);
    CHECK(cfarThresholdFactor(std::pow(10.0, -6.5)) == Approx(4.98103).epsilon(1e-5));
    CHECK(cfarThresholdFactor(0.5) == Approx(0.0).margin(1e-9));
}

TEST_CASE("A filled rectangle measures its length, width and axis at any angle", "[imagery][detector]")
{
    const GroundStep tenMetres{QPointF(10, 0), QPointF(0, -10)}; // columns east, rows south
    for (double heading : {0.0, 30.0, 77.0, 135.0}) {
        const double length = 200, width = 40, h = heading * M_PI / 180.0;
        std::vector<QPoint> pixels;
        for (int r = -20; r <= 20; ++r)
            for (int c = -20; c <= 20; ++c) {
                // Pixel centres, half a pixel off the rectangle's centre.
                const double e = (c + 0.5) * 10.0, n = -(r + 0.5) * 10.0;
                if (std::abs(e * std::sin(h) + n * std::cos(h)) < length / 2 &&
                    std::abs(e * std::cos(h) - n * std::sin(h)) < width / 2)
                    pixels.emplace_back(c, r);
            }
        const ObjectShape shape = measureShape(pixels, {}, tenMetres);
        INFO("heading " << heading << ": " << shape.lengthM << " × " << shape.widthM << " at " << shape.headingDeg);
        CHECK(shape.lengthM == Approx(length).epsilon(0.04));
        CHECK(shape.widthM == Approx(width).epsilon(0.2));
        CHECK(headingError(shape.headingDeg, heading) < 2.0);
    }
}

TEST_CASE("Ships in synthetic sea clutter are found, measured and no land is taken for one",
          "[imagery][detector]")
{
    Scored total;
    int detectionsOnLand = 0;
    for (std::uint32_t seed : {11u, 12u, 13u}) {
        SarSceneSpec spec;
        spec.seed = seed;
        const SyntheticSarScene s = makeSarScene(spec);
        REQUIRE(s.ships.size() >= 30);
        const auto mask = maskFor(s, DetectionParameters().shoreBufferM);
        // The mask holds all the land the scene drew.
        std::size_t missed = 0;
        for (std::size_t i = 0; i < s.landTruth.size(); ++i)
            missed += s.landTruth[i] && !mask->land[i] ? 1 : 0;
        CHECK(missed == 0);

        const auto detections = detectVessels(s.scene, &*mask, DetectionParameters());
        for (const VesselDetection &d : detections) {
            detectionsOnLand += mask->isLand(int(d.pixel.x()), int(d.pixel.y())) ? 1 : 0;
            CHECK(d.confidence > 0);
            CHECK(d.confidence <= 1);
        }
        const Scored one = score(s, detections, &*mask);
        total.ships50 += one.ships50, total.found50 += one.found50, total.falseAlarms += one.falseAlarms;
        total.seaKm2 += one.seaKm2;
        total.lengthErrors.insert(total.lengthErrors.end(), one.lengthErrors.begin(), one.lengthErrors.end());
        total.headingErrors.insert(total.headingErrors.end(), one.headingErrors.begin(), one.headingErrors.end());
        total.worstLengthError = std::max(total.worstLengthError, one.worstLengthError);
    }
    const double recall = double(total.found50) / total.ships50;
    const double falseAlarmsPer1000 = 1000.0 * total.falseAlarms / total.seaKm2;
    std::printf("vessel detection, 3 scenes of 2000 × 2000 at 10 m: recall (≥ 50 m) %d/%d = %.3f, false alarms %d "
                "in %.0f km² of sea = %.2f per 1,000 km², length error median %.1f m, worst %.1f m, heading error "
                "(≥ 100 m) median %.1f°\n",
                total.found50, total.ships50, recall, total.falseAlarms, total.seaKm2, falseAlarmsPer1000,
                median(total.lengthErrors), total.worstLengthError, median(total.headingErrors));
    CHECK(recall >= 0.95);
    CHECK(falseAlarmsPer1000 <= 1.0);
    CHECK(median(total.lengthErrors) <= 25.0);
    CHECK(median(total.headingErrors) <= 10.0);
    CHECK(detectionsOnLand == 0);
}

TEST_CASE("Without a land mask the bright land is detected, with it none", "[imagery][detector]")
{
    SarSceneSpec spec;
    spec.seed = 21;
    spec.ships = 0;
    const SyntheticSarScene s = makeSarScene(spec);
    auto onLand = [&](const std::vector<VesselDetection> &ds, int bufferPx) {
        return std::count_if(ds.begin(), ds.end(), [&](const VesselDetection &d) {
            const int c = int(d.pixel.x()), r = int(d.pixel.y());
            for (int dc = -bufferPx; dc <= bufferPx; ++dc)
                if (c + dc >= 0 && c + dc < s.scene.width && s.landTruth[std::size_t(r) * s.scene.width + c + dc])
                    return true;
            return false;
        });
    };
    CHECK(onLand(detectVessels(s.scene, nullptr, DetectionParameters()), 0) > 0);
    const auto mask = maskFor(s, 500);
    // Nothing on land, nor within the 500 m buffer (50 pixels) of it.
    CHECK(onLand(detectVessels(s.scene, &*mask, DetectionParameters()), 50) == 0);
}

TEST_CASE("A rotated image places and orients its ships on the ground", "[imagery][detector]")
{
    SarSceneSpec spec;
    spec.seed = 31;
    spec.rotationDeg = 35;
    spec.land = false;
    spec.ships = 25;
    spec.minShipLengthM = 100;
    const SyntheticSarScene s = makeSarScene(spec);
    const auto detections = detectVessels(s.scene, nullptr, DetectionParameters());
    int found = 0;
    for (const SyntheticShip &ship : s.ships) {
        const auto nearest = std::min_element(detections.begin(), detections.end(), [&](const auto &a, const auto &b) {
            return Geodesic::inverse(ship.lonLat, a.lonLat).distanceMetres <
                   Geodesic::inverse(ship.lonLat, b.lonLat).distanceMetres;
        });
        REQUIRE(nearest != detections.end());
        if (Geodesic::inverse(ship.lonLat, nearest->lonLat).distanceMetres > 30)
            continue;
        ++found;
        INFO("ship " << ship.lengthM << " m at " << ship.headingDeg << "°: found " << nearest->lengthM << " m at "
                     << nearest->headingDeg << "°");
        CHECK(headingError(nearest->headingDeg, ship.headingDeg) < 10);
        CHECK(std::abs(nearest->lengthM - ship.lengthM) < 0.25 * ship.lengthM + 20);
    }
    CHECK(found >= int(s.ships.size()) - 1);
}

TEST_CASE("No-data pixels are left out of the sea's statistics", "[imagery][detector]")
{
    SarSceneSpec spec;
    spec.seed = 41;
    spec.land = false;
    spec.ships = 20;
    SyntheticSarScene s = makeSarScene(spec);
    // A Sentinel-1-like border of no data down the right, and zeros at the top.
    for (int r = 0; r < s.scene.height; ++r)
        for (int c = 0; c < s.scene.width; ++c)
            if (c > 1700 || r < 100)
                s.scene.power[std::size_t(r) * s.scene.width + c] = c > 1700 ? NAN : 0.0f;
    const auto detections = detectVessels(s.scene, nullptr, DetectionParameters());
    for (const VesselDetection &d : detections) {
        CHECK(d.pixel.x() < 1700);
        CHECK(d.pixel.y() > 100);
    }
    const Scored scored = score(s, detections, nullptr);
    int inData = 0;
    for (const SyntheticShip &ship : s.ships)
        inData += ship.pixel.x() < 1690 && ship.pixel.y() > 110 && ship.lengthM >= 50 ? 1 : 0;
    CHECK(scored.found50 >= inData - 1);
    CHECK(scored.falseAlarms <= 1);
}

TEST_CASE("Cancelling stops detection and returns nothing", "[imagery][detector]")
{
    SarSceneSpec spec;
    spec.seed = 51;
    spec.land = false;
    const SyntheticSarScene s = makeSarScene(spec);
    std::atomic_bool cancel{false};
    std::vector<double> reports;
    DetectionProgress progress;
    progress.cancel = &cancel;
    progress.report = [&](double f) {
        reports.push_back(f);
        cancel = true;
    };
    CHECK(detectVessels(s.scene, nullptr, DetectionParameters(), progress).empty());
    // It stopped at the first report: later bands did not report.
    CHECK(reports.size() == 1);
    CHECK(reports.front() < 0.9);

    cancel = false;
    reports.clear();
    progress.report = [&](double f) { reports.push_back(f); };
    CHECK_FALSE(detectVessels(s.scene, nullptr, DetectionParameters(), progress).empty());
    CHECK(std::is_sorted(reports.begin(), reports.end()));
    CHECK(reports.back() == 1.0);
}
