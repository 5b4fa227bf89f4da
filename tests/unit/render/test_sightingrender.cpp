#include "../catchstringmakers.h"

#include "fixtures.h"
#include "layers/sightinglayer.h"
#include "render/maprenderer.h"

using namespace sightline;
using namespace sightline::test;

TEST_CASE("sightings draw where they were seen, counts as numbered marks, and can be picked",
          "[sighting][render]")
{
    Sighting vessel;
    vessel.id = 1;
    vessel.kind = QStringLiteral("vessel");
    vessel.geometry.lonLat = {QPointF(130.30, 42.245)};
    Sighting cars;
    cars.id = 2;
    cars.kind = QStringLiteral("rail cars");
    cars.geometry.type = SightingGeometry::Type::MultiPoint;
    for (int i = 0; i < 5; ++i)
        cars.geometry.lonLat << QPointF(130.50 + i * 0.01, 42.30);
    cars.count = 5;
    Sighting area;
    area.id = 3;
    area.kind = QStringLiteral("pits");
    area.geometry.type = SightingGeometry::Type::Polygon;
    area.geometry.lonLat = {QPointF(130.35, 42.20), QPointF(130.40, 42.20), QPointF(130.40, 42.23),
                            QPointF(130.35, 42.23)};
    auto layer =
        std::make_shared<SightingLayer>(QStringLiteral("/p.gpkg"), QList<Sighting>{vessel, cars, area});
    CHECK(layer->extentWgs84().left() == Approx(130.30));
    CHECK(layer->extentWgs84().right() == Approx(130.54));

    MapSettings s =
        MapSettings::fromWgs84Extent(QRectF(QPointF(130.25, 42.15), QPointF(130.60, 42.35)), QSize(800, 500));
    s.setLayers({layer});
    const QImage image = renderMapImage(s, nullptr, Qt::white);
    const QColor red = sightingColour(QStringLiteral("vessel"));
    const QPointF want = expectedPixel(s, QPointF(130.30, 42.245));
    const QPointF got =
        centroidOfColor(image.copy(QRect((want - QPointF(10, 10)).toPoint(), QSize(20, 20))), red, 30);
    CAPTURE(want, got);
    REQUIRE(got.x() >= 0);
    CHECK(std::abs(got.x() - 10) <= 1.5);
    CHECK(std::abs(got.y() - 10) <= 1.5);
    // Each of the five marks is drawn in the rail-car colour on its spot.
    const QColor purple = sightingColour(QStringLiteral("rail cars"));
    for (const QPointF &ll : cars.geometry.lonLat) {
        const QPointF at = expectedPixel(s, ll);
        CHECK(centroidOfColor(image.copy(QRect((at - QPointF(8, 8)).toPoint(), QSize(16, 16))), purple, 40)
                  .x() >= 0);
    }
    // Picking: the vessel's diamond, a count mark, inside the area, and nothing in the sea between.
    CHECK(layer->pick(QPointF(130.30, 42.245), s) == 1);
    CHECK(layer->pick(QPointF(130.52, 42.30), s) == 2);
    CHECK(layer->pick(QPointF(130.37, 42.21), s) == 3);
    CHECK(layer->pick(QPointF(130.45, 42.18), s) == 0);
    // A selected sighting is drawn in the selection colour.
    layer->setSelected(3);
    const QImage selected = renderMapImage(s, nullptr, Qt::white);
    const QPointF edge = expectedPixel(s, QPointF(130.375, 42.20));
    CHECK(centroidOfColor(selected.copy(QRect((edge - QPointF(4, 4)).toPoint(), QSize(8, 8))),
                          QColor(0xff, 0xc1, 0x07), 40)
              .x() >= 0);
}
