#include "geo/geodesic.h"
#include "imagery/detectionparameters.h"
#include "imagery/sargeolocation.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace sightline;

namespace {
// A 10 m UTM 52N grid near Rajin, rotated 30° as a commercial SAR GeoTIFF may be.
std::array<double, 6> rotatedGeoTransform()
{
    const double a = 30.0 * M_PI / 180.0, size = 10.0;
    return {640000.0, size * std::cos(a), size * std::sin(a), 4680000.0, size * std::sin(a), -size * std::cos(a)};
}
} // namespace

TEST_CASE("A rotated geotransform places pixels and finds them again", "[imagery][sargeolocation]")
{
    const SarGeolocation geo = SarGeolocation::fromGeoTransform(rotatedGeoTransform(), Crs::fromUserInput(QStringLiteral("EPSG:32652")));
    REQUIRE(geo.isValid());
    const QPointF lonLat = geo.lonLat(QPointF(250.5, 400.5));
    CHECK(lonLat.x() == Approx(130.7).margin(0.3));
    CHECK(lonLat.y() == Approx(42.25).margin(0.3));
    const QPointF back = geo.pixel(lonLat);
    CHECK(back.x() == Approx(250.5).margin(1e-6));
    CHECK(back.y() == Approx(400.5).margin(1e-6));
    // UTM's scale factor near the zone's edge stays within a percent of the grid's 10 m.
    const QPointF spacing = geo.pixelSpacingM(QPointF(100, 100));
    CHECK(spacing.x() == Approx(10.0).epsilon(0.01));
    CHECK(spacing.y() == Approx(10.0).epsilon(0.01));
    const QPolygonF outline = geo.footprint(1000, 800, 4);
    CHECK(outline.size() == 17);
    CHECK(outline.front() == outline.back());
}

TEST_CASE("Ground control points place pixels as the grid they were taken from", "[imagery][sargeolocation]")
{
    // A Sentinel-1-like grid: lon/lat points every 100 pixels of a 1000 × 1000 image, tilted.
    std::vector<SarGeolocation::Gcp> gcps;
    auto truth = [](double col, double row) {
        return QPointF(130.0 + col * 1e-4 + row * 2e-5, 42.5 - row * 9e-5 + col * 1e-5);
    };
    for (int r = 0; r <= 1000; r += 100)
        for (int c = 0; c <= 1000; c += 100) {
            const QPointF p = truth(c, r);
            gcps.push_back({double(c), double(r), p.x(), p.y()});
        }
    const SarGeolocation geo = SarGeolocation::fromGcps(gcps, Crs::wgs84());
    REQUIRE(geo.isValid());
    const QPointF p = geo.lonLat(QPointF(333, 777));
    CHECK(Geodesic::inverse(p, truth(333, 777)).distanceMetres < 0.5);
    const QPointF back = geo.pixel(truth(512, 128));
    CHECK(back.x() == Approx(512).margin(0.01));
    CHECK(back.y() == Approx(128).margin(0.01));
}

TEST_CASE("Too few ground control points are refused with the count", "[imagery][sargeolocation]")
{
    const SarGeolocation geo = SarGeolocation::fromGcps({{0, 0, 130, 42}, {10, 0, 130.1, 42}}, Crs::wgs84());
    CHECK_FALSE(geo.isValid());
    CHECK(geo.error().contains(QStringLiteral("2 ground control points")));
    CHECK(std::isinf(geo.lonLat(QPointF(1, 1)).x()));
}

TEST_CASE("Detection and match parameters that mean nothing are named", "[imagery][parameters]")
{
    DetectionParameters detection;
    CHECK(detection.problem().isEmpty());
    CHECK(detection.toJson().value(QStringLiteral("pfa")).toDouble() == Approx(std::pow(10.0, -6.5)));
    detection.guardWindowM = 50;
    CHECK(detection.problem().contains(QStringLiteral("guard window (50 m)")));
    detection = {};
    detection.pfaExponent = 0;
    CHECK(detection.problem().contains(QStringLiteral("false-alarm")));
    MatchParameters match;
    CHECK(match.problem().isEmpty());
    match.lengthWeight = 2;
    CHECK(match.problem().contains(QStringLiteral("length weight")));
}
