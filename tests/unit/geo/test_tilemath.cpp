#include "geo/tilemath.h"

#include <catch2/catch.hpp>

#include <QSet>

#include <cmath>
#include <numbers>

using namespace sightline;

namespace {
constexpr double kO = 20037508.342789244; // π·6378137

// The OSM wiki's tile-row formula, written independently of TileMath.
double northEdgeLatitude(int y, int z)
{
    const double n = std::ldexp(1.0, z);
    return std::atan(std::sinh(std::numbers::pi * (1.0 - 2.0 * y / n))) * 180.0 / std::numbers::pi;
}
} // namespace

TEST_CASE("TileId compares and hashes by value", "[geo][tiles]")
{
    CHECK(TileId{3, 4, 5} == TileId{3, 4, 5});
    CHECK_FALSE(TileId{3, 4, 5} == TileId{3, 5, 4});
    QSet<TileId> set{{3, 4, 5}, {3, 4, 5}, {3, 5, 4}, {4, 4, 5}};
    CHECK(set.size() == 3);
    CHECK(set.contains(TileId{3, 5, 4}));
    CHECK(qHash(TileId{3, 4, 5}) == qHash(TileId{3, 4, 5}));
    CHECK(qHash(TileId{3, 4, 5}) != qHash(TileId{3, 5, 4}));
}

TEST_CASE("The tile holding a lon/lat", "[geo][tiles]")
{
    struct Row
    {
        double lon, lat;
        int z, x, y;
    };
    // Expected values from the OSM wiki formula (Slippy map tilenames), computed in Python.
    const Row rows[] = {
        {0.0, 0.0, 0, 0, 0},
        {0.0, 0.0, 1, 1, 1},
        {-180.0, 85.0511, 0, 0, 0},
        {-180.0, 85.0511, 5, 0, 0},
        {179.999, -85.0511, 3, 7, 7},
        {-0.000001, 0.000001, 1, 0, 0},
        {130.3, 42.25, 10, 882, 379}, // Rajin
        {130.3, 42.25, 15, 28244, 12133},
        {131.9, 43.1, 12, 3548, 1503},   // Vladivostok
        {151.2, -33.9, 8, 235, 153},     // Sydney
        {-73.78, 40.64, 12, 1208, 1541}, // JFK
        {13.377, 52.516, 16, 35203, 21494},
        // off the pyramid: clamped to the edge tiles rather than wrapping
        {180.0, 90.0, 2, 3, 0},
        {-200.0, -90.0, 2, 0, 3},
    };
    for (const Row &r : rows) {
        INFO("lon " << r.lon << " lat " << r.lat << " z " << r.z);
        const TileId t = TileMath::tileForLonLat(r.lon, r.lat, r.z);
        CHECK(t.z == r.z);
        CHECK(t.x == r.x);
        CHECK(t.y == r.y);
        CHECK(TileMath::tileForMercator(TileMath::lonLatToMercator(QPointF(r.lon, r.lat)), r.z) == t);
    }
}

TEST_CASE("Tile bounds in EPSG:3857 metres and in lon/lat", "[geo][tiles]")
{
    SECTION("zoom 0 is the whole square")
    {
        const QRectF b = TileMath::tileBoundsMercator({0, 0, 0});
        CHECK(b.x() == Approx(-kO));
        CHECK(b.y() == Approx(-kO));
        CHECK(b.width() == Approx(2.0 * kO));
        CHECK(b.height() == Approx(2.0 * kO));
    }
    SECTION("zoom 1 north-west tile: y() is the southern edge, height grows north")
    {
        const QRectF b = TileMath::tileBoundsMercator({1, 0, 0});
        CHECK(b.left() == Approx(-kO));
        CHECK(b.right() == Approx(0.0).margin(1e-6));
        CHECK(b.y() == Approx(0.0).margin(1e-6));
        CHECK(b.y() + b.height() == Approx(kO));
        const QRectF g = TileMath::tileBoundsLonLat({1, 0, 0});
        CHECK(g.left() == Approx(-180.0));
        CHECK(g.right() == Approx(0.0).margin(1e-12));
        CHECK(g.y() == Approx(0.0).margin(1e-12));
        CHECK(g.y() + g.height() == Approx(TileMath::kMaxLatitude).margin(1e-12));
    }
    SECTION("the Rajin tile at zoom 10")
    {
        const TileId t{10, 882, 379};
        const QRectF m = TileMath::tileBoundsMercator(t);
        CHECK(m.x() == Approx(14480230.638344).margin(1e-6));
        CHECK(m.y() == Approx(5165920.119625).margin(1e-6));
        CHECK(m.width() == Approx(39135.758482).margin(1e-6));
        CHECK(m.height() == Approx(39135.758482).margin(1e-6));
        const QRectF g = TileMath::tileBoundsLonLat(t);
        CHECK(g.left() == Approx(130.078125).margin(1e-12));
        CHECK(g.right() == Approx(130.4296875).margin(1e-12));
        CHECK(g.top() == Approx(northEdgeLatitude(380, 10)).margin(1e-12)); // south edge = next row's north
        CHECK(g.bottom() == Approx(northEdgeLatitude(379, 10)).margin(1e-12));
        CHECK(g.contains(QPointF(130.3, 42.25)));
    }
    SECTION("every tile's centre maps back to that tile")
    {
        for (int z : {0, 3, 12, 20, 30}) {
            const int n = TileMath::tileCount(z);
            for (const TileId t : {TileId{z, 0, 0}, TileId{z, n - 1, n - 1}, TileId{z, n / 3, n / 2}}) {
                INFO("z " << t.z << " x " << t.x << " y " << t.y);
                CHECK(TileMath::tileForMercator(TileMath::tileBoundsMercator(t).center(), z) == t);
                CHECK(TileMath::tileForLonLat(TileMath::tileBoundsLonLat(t).center().x(),
                                              TileMath::tileBoundsLonLat(t).center().y(), z) == t);
            }
        }
    }
}

TEST_CASE("Resolution and the zoom for a resolution", "[geo][tiles]")
{
    CHECK(TileMath::resolution(0) == Approx(156543.03392804097).epsilon(1e-15));
    CHECK(TileMath::resolution(10) == Approx(156543.03392804097 / 1024.0).epsilon(1e-15));
    CHECK(TileMath::resolution(19) == Approx(0.29858214173896974).epsilon(1e-15));
    CHECK(TileMath::resolution(0, 512) == Approx(156543.03392804097 / 2.0).epsilon(1e-15));

    struct Row
    {
        double metresPerPixel;
        int zoom;
    };
    const Row rows[] = {
        {156543.03392804097, 0},
        {152.8740565703525, 10}, // exactly zoom 10
        {100.0, 11},             // 2^10.61: nearer 11 than 10
        {0.5, 18},               // WorldView-class imagery
        {0.3, 19},
        {1e-6, 24}, // finer than any zoom: the deepest allowed
        {1e9, 0},   // coarser than the whole world: zoom 0
    };
    for (const Row &r : rows) {
        INFO(r.metresPerPixel << " m/px");
        CHECK(TileMath::zoomForResolution(r.metresPerPixel) == r.zoom);
    }
    CHECK(TileMath::zoomForResolution(1e-6, 19) == 19);
    CHECK(TileMath::zoomForResolution(0.0) == 24);
    for (int z = 0; z <= 24; ++z)
        CHECK(TileMath::zoomForResolution(TileMath::resolution(z)) == z);
}

TEST_CASE("TMS rows count from the south", "[geo][tiles]")
{
    CHECK(TileMath::tmsY(0, 0) == 0);
    CHECK(TileMath::tmsY(1, 0) == 1);
    CHECK(TileMath::tmsY(TileId{10, 882, 379}) == 644);
    for (int y : {0, 1, 379, 1023})
        CHECK(TileMath::tmsY(10, TileMath::tmsY(10, y)) == y);
}

TEST_CASE("Closed-form Web Mercator", "[geo][tiles]")
{
    // x = R·λ, y = R·ln(tan(π/4 + φ/2)); cross-checked against PROJ in test_transform.cpp.
    const QPointF rajin = TileMath::lonLatToMercator(QPointF(130.3, 42.25));
    CHECK(rajin.x() == Approx(14504929.6504).margin(1e-3));
    CHECK(rajin.y() == Approx(5198502.1078).margin(1e-3));
    const QPointF corner = TileMath::lonLatToMercator(QPointF(180.0, TileMath::kMaxLatitude));
    CHECK(corner.x() == Approx(kO).margin(1e-6));
    CHECK(corner.y() == Approx(kO).margin(1e-6));
    // poles clamp to the edge of the square instead of going to infinity
    CHECK(TileMath::lonLatToMercator(QPointF(0.0, 90.0)).y() == Approx(kO).margin(1e-6));
    CHECK(TileMath::lonLatToMercator(QPointF(0.0, -90.0)).y() == Approx(-kO).margin(1e-6));

    for (const QPointF p : {QPointF(130.3, 42.25), QPointF(-73.78, 40.64), QPointF(151.2, -33.9),
                            QPointF(0, 0), QPointF(-179.99, -85.0)}) {
        const QPointF back = TileMath::mercatorToLonLat(TileMath::lonLatToMercator(p));
        CHECK(back.x() == Approx(p.x()).margin(1e-12));
        CHECK(back.y() == Approx(p.y()).margin(1e-12));
    }
}

TEST_CASE("Tiles covering a rectangle", "[geo][tiles]")
{
    SECTION("the world at zoom 1, row by row from the north-west")
    {
        const QList<TileId> tiles = TileMath::tilesInRect(QRectF(-kO, -kO, 2 * kO, 2 * kO), 1);
        REQUIRE(tiles.size() == 4);
        CHECK(tiles[0] == TileId{1, 0, 0});
        CHECK(tiles[1] == TileId{1, 1, 0});
        CHECK(tiles[2] == TileId{1, 0, 1});
        CHECK(tiles[3] == TileId{1, 1, 1});
    }
    SECTION("a tile's own bounds cover only that tile")
    {
        const TileId t{10, 882, 379};
        const QList<TileId> tiles = TileMath::tilesInRect(TileMath::tileBoundsMercator(t), 10);
        REQUIRE(tiles.size() == 1);
        CHECK(tiles.first() == t);
        CHECK(TileMath::tilesInRect(TileMath::tileBoundsMercator(t), 11).size() == 4);
    }
    SECTION("the Rajin–Vladivostok view at zoom 8")
    {
        const QPointF sw = TileMath::lonLatToMercator(QPointF(130.0, 42.0));
        const QPointF ne = TileMath::lonLatToMercator(QPointF(132.0, 43.5));
        const QList<TileId> tiles = TileMath::tilesInRect(QRectF(sw, ne), 8);
        const TileId nw = TileMath::tileForLonLat(130.0, 43.5, 8);
        const TileId se = TileMath::tileForLonLat(132.0, 42.0, 8);
        CHECK(tiles.size() == (se.x - nw.x + 1) * (se.y - nw.y + 1));
        CHECK(tiles.first() == nw);
        CHECK(tiles.last() == se);
    }
    SECTION("a rectangle off the square, or empty, has no tiles")
    {
        CHECK(TileMath::tilesInRect(QRectF(3 * kO, 0, kO, kO), 4).isEmpty());
        CHECK(TileMath::tilesInRect(QRectF(), 4).isEmpty());
    }
}
