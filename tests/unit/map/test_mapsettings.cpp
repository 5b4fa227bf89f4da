#include "../catchstringmakers.h"

#include "geo/transform.h"
#include "render/mapdecorations.h"
#include "render/mapscale.h"
#include "map/mapsettings.h"

using namespace sightline;

TEST_CASE("an extent grows around its centre to the image's shape", "[render]")
{
    MapSettings s;
    s.setOutputSize(QSize(200, 100));
    s.setExtent(QRectF(0, 0, 100, 100)); // square extent, 2:1 image
    CHECK(s.mapUnitsPerPixel() == Approx(1.0));
    CHECK(s.visibleExtent() == QRectF(-50, 0, 200, 100));
    CHECK(s.center() == QPointF(50, 50));
    s.setExtent(QRectF(0, 0, 400, 100)); // wider than the image
    CHECK(s.mapUnitsPerPixel() == Approx(2.0));
    CHECK(s.visibleExtent() == QRectF(0, -50, 400, 200));
}

TEST_CASE("pixel and map coordinates are each other's inverse, y down on screen", "[render]")
{
    MapSettings s;
    s.setOutputSize(QSize(640, 480));
    s.setExtent(QRectF(1000, 2000, 640, 480));
    CHECK(s.mapToPixel(QPointF(1000, 2480)) == QPointF(0, 0));
    CHECK(s.mapToPixel(QPointF(1640, 2000)) == QPointF(640, 480));
    for (const QPointF p : {QPointF(3.5, 7.25), QPointF(639, 1), QPointF(320, 240)}) {
        const QPointF back = s.mapToPixel(s.pixelToMap(p));
        CHECK(back.x() == Approx(p.x()));
        CHECK(back.y() == Approx(p.y()));
        CHECK(s.mapToPixelTransform().map(s.pixelToMap(p)).x() == Approx(p.x()));
    }
}

TEST_CASE("a WGS84 extent is framed in Web Mercator as the CLI contract says", "[render]")
{
    const QRectF box(QPointF(129.2, 41.6), QPointF(133.6, 43.8));
    const MapSettings s = MapSettings::fromWgs84Extent(box, QSize(1600, 1000));
    const Transform toMerc(Crs::wgs84(), Crs::webMercator());
    const QRectF want = toMerc.forwardBounds(box);
    CHECK(s.visibleExtent().center().x() == Approx(want.center().x()));
    CHECK(s.visibleExtent().center().y() == Approx(want.center().y()));
    CHECK(s.visibleExtent().contains(want.adjusted(1, 1, -1, -1)));
    // A whole-world box stops at Web Mercator's ±85.06° instead of running off to infinity.
    const MapSettings world = MapSettings::fromWgs84Extent(QRectF(-180, -90, 360, 180), QSize(512, 512));
    CHECK(world.visibleExtent().height() == Approx(2 * 20037508.34).epsilon(0.01));
}

TEST_CASE("the map scale matches the ground distance per printed inch", "[render]")
{
    // At the equator, one Web Mercator metre is one ground metre: 96 dpi and 10 m/px give 1:37,795.
    MapSettings s;
    s.setOutputSize(QSize(1000, 800));
    s.setExtent(QRectF(-5000, -4000, 10000, 8000));
    s.setDpi(96);
    CHECK(mapScaleDenominator(s) == Approx(10.0 / (0.0254 / 96)).epsilon(0.002));
    CHECK(formatScale(37795.3) == QStringLiteral("1:37,800"));
    CHECK(formatScale(0) == QStringLiteral("1:–"));
}

TEST_CASE("scale bar lengths are round numbers near the wanted width", "[render]")
{
    struct Row
    {
        double mpp, target, metres;
        const char *label;
    };
    for (const Row &r :
         {Row{10, 150, 1000, "1 km"}, Row{10, 120, 1000, "1 km"}, Row{33, 150, 2000, "2 km"},
          Row{0.5, 150, 50, "50 m"}, Row{400, 150, 50000, "50 km"}, Row{1, 100, 100, "100 m"}}) {
        const ScaleBarLength len = niceScaleBarLength(r.mpp, r.target);
        CHECK(len.metres == Approx(r.metres));
        CHECK(len.label == QString::fromUtf8(r.label));
        CHECK(len.metres / r.mpp <= r.target);
        CHECK(len.metres / r.mpp > r.target / 2.5);
    }
    CHECK(niceScaleBarLength(0, 100).metres == 0);
}
