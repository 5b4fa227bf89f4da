#include "../catchstringmakers.h"

#include "fixtures.h"
#include "layers/tracklayer.h"
#include "layers/trackrenderer.h"
#include "render/maprenderer.h"
#include "trackfixtures.h"

using namespace sightline;
using namespace sightline::test;

TEST_CASE("a track is drawn through its positions in the map CRS", "[render][tracks]")
{
    const std::uint32_t mmsi = 273145020;
    std::vector<TrackStore::Position> ps;
    for (int i = 0; i <= 10; ++i)
        ps.push_back({mmsi, i * 600000LL, 131.0 + i * 0.1, 42.3 + i * 0.05});
    auto layer = trackLayerWith(ps);
    layer->setStyle({TrackLayer::ColourBy::Vessel, 2 * 3600 * 1000LL, false, 2.0, {}});
    for (const char *crs : {"EPSG:3857", "EPSG:4326", "EPSG:32652"}) {
        CAPTURE(crs);
        MapSettings s =
            MapSettings::fromWgs84Extent(QRectF(QPointF(130.9, 42.2), QPointF(132.1, 42.9)), QSize(600, 400),
                                         Crs::fromUserInput(QString::fromLatin1(crs)));
        s.setLayers({layer});
        const QImage image = renderMapImage(s, nullptr, Qt::white);
        const QColor c = TrackLayer::vesselColour(mmsi);
        for (int i : {0, 3, 7, 10})
            CHECK(colourAround(image, expectedPixel(s, QPointF(131.0 + i * 0.1, 42.3 + i * 0.05)), c));
        // and nothing of it far from the line
        CHECK_FALSE(colourAround(image, expectedPixel(s, QPointF(131.5, 42.8)), c, 2));
    }
}

TEST_CASE("a silence longer than the threshold is drawn dashed", "[render][tracks]")
{
    // Due east along 42.5N: one track with a 5-hour silence in the middle, one without.
    auto trackOf = [](std::uint32_t mmsi, std::int64_t gapMs) {
        std::vector<TrackStore::Position> ps{{mmsi, 0, 131.0, 42.5},
                                             {mmsi, 600000, 131.2, 42.5},
                                             {mmsi, 600000 + gapMs, 131.8, 42.5},
                                             {mmsi, 1200000 + gapMs, 132.0, 42.5}};
        return trackLayerWith(ps);
    };
    auto countAlongGap = [](const std::shared_ptr<TrackLayer> &layer, std::uint32_t mmsi) {
        MapSettings s =
            MapSettings::fromWgs84Extent(QRectF(QPointF(130.9, 42.3), QPointF(132.1, 42.7)), QSize(600, 200));
        s.setLayers({layer});
        // On a transparent background an antialiased one-pixel line keeps its colour, only its alpha varies.
        const QImage image = renderMapImage(s, nullptr, Qt::transparent);
        const QColor c = TrackLayer::vesselColour(mmsi);
        const QPointF a = expectedPixel(s, QPointF(131.25, 42.5)),
                      b = expectedPixel(s, QPointF(131.75, 42.5));
        int inked = 0, total = 0;
        for (int x = int(a.x()); x <= int(b.x()); ++x, ++total) {
            bool hit = false;
            for (int dy = -1; dy <= 1 && !hit; ++dy) {
                const QColor p = image.pixelColor(x, int(a.y()) + dy); // unpremultiplied
                hit = p.alpha() > 60 && std::abs(p.red() - c.red()) <= 40 &&
                      std::abs(p.green() - c.green()) <= 40 && std::abs(p.blue() - c.blue()) <= 40;
            }
            inked += hit ? 1 : 0;
        }
        return std::make_pair(inked, total);
    };
    const auto [solidInk, solidTotal] = countAlongGap(trackOf(211000001, 60000), 211000001);
    const auto [dashInk, dashTotal] = countAlongGap(trackOf(211000001, 5 * 3600 * 1000LL), 211000001);
    CHECK(solidInk == solidTotal);
    CHECK(dashInk > dashTotal / 4);      // drawn...
    CHECK(dashInk < dashTotal * 9 / 10); // ...with breaks
}

TEST_CASE("hundreds of thousands of positions are splatted at their pixels", "[render][tracks]")
{
    std::vector<TrackStore::Position> ps;
    for (std::uint32_t v = 0; v < 100; ++v)
        for (int i = 0; i < 3000; ++i)
            ps.push_back({211000000 + v, i * 10000LL, 130.0 + v * 0.03, 41.5 + i * 0.0008});
    auto layer = trackLayerWith(ps);
    REQUIRE(layer->store().positionCount() > TrackRenderer::kSplatThreshold);
    MapSettings s =
        MapSettings::fromWgs84Extent(QRectF(QPointF(129.9, 41.4), QPointF(133.1, 44.0)), QSize(800, 700));
    s.setLayers({layer});
    const QImage image = renderMapImage(s, nullptr, Qt::white);
    for (std::uint32_t v : {0u, 42u, 99u}) {
        CAPTURE(v);
        const QColor c = TrackLayer::vesselColour(211000000 + v);
        CHECK(colourAround(image, expectedPixel(s, QPointF(130.0 + v * 0.03, 41.5 + 1500 * 0.0008)), c, 1));
    }
}

TEST_CASE("identify picks the nearest position and describes it", "[tracks]")
{
    std::vector<TrackStore::Position> ps{{273145020, 1692100000000LL, 131.0, 42.3},
                                         {273145020, 1692100600000LL, 131.1, 42.35}};
    ps[1].sog = 10.5;
    ps[1].heading = 87;
    auto layer = trackLayerWith(ps);
    const TrackLayer::Pick pick = layer->nearest(QPointF(131.1004, 42.3497), 0.01);
    REQUIRE(pick.found);
    CHECK(pick.index == 1);
    const auto fields = layer->describePosition(pick.mmsi, pick.index);
    QStringList text;
    for (const auto &f : fields)
        text << f.first + QStringLiteral("=") + f.second;
    const QString all = text.join(QLatin1Char('\n'));
    CHECK(all.contains(QStringLiteral("MMSI=273145020")));
    CHECK(all.contains(QStringLiteral("Flag (from MID)=Russian Federation")));
    CHECK(all.contains(QStringLiteral("Speed=10.5 kn")));
    CHECK(all.contains(QStringLiteral("Heading=87°")));
    CHECK(all.contains(QStringLiteral("Time (UTC)=2023-08-15T11:56:40.000Z")));
    CHECK_FALSE(layer->nearest(QPointF(132.0, 43.0), 0.01).found);
}

TEST_CASE("a position the cleaning set aside is drawn hollow, off the line, and identify says why",
          "[render][tracks][cleaning]")
{
    // Due east along 42.5N at 27 kn, a report every twenty minutes, with one 44 km north in the middle
    // (140 kn there and back): an outlier.
    const std::uint32_t mmsi = 273145020;
    std::vector<TrackStore::Position> ps;
    for (int i = 0; i <= 4; ++i)
        ps.push_back({mmsi, i * 1200000LL, 131.0 + i * 0.2, i == 2 ? 42.9 : 42.5});
    auto layer = trackLayerWith(ps);
    layer->setStyle({TrackLayer::ColourBy::Vessel, 2 * 3600 * 1000LL, false, 2.0, {}});
    MapSettings s =
        MapSettings::fromWgs84Extent(QRectF(QPointF(130.9, 42.3), QPointF(132.0, 43.0)), QSize(660, 420));
    s.setLayers({layer});
    const QColor c = TrackLayer::vesselColour(mmsi);
    const QPointF outlier = expectedPixel(s, QPointF(131.4, 42.9));
    const QPointF onTheWayOut = expectedPixel(s, QPointF(131.3, 42.7)),
                  straight = expectedPixel(s, QPointF(131.4, 42.5));

    const QImage before = renderMapImage(s, nullptr, Qt::transparent);
    CHECK(colourAround(before, outlier, c, 0)); // a filled dot
    CHECK(colourAround(before, onTheWayOut, c));
    CHECK_FALSE(colourAround(before, straight, c));

    layer->setCleaning(
        std::make_shared<const TrackCleaning>(cleanTracks(layer->store(), CleaningParameters{})));
    REQUIRE(layer->cleaning()->markedCount == 1);
    const QImage after = renderMapImage(s, nullptr, Qt::transparent);
    const QColor centre = after.pixelColor(outlier.toPoint());
    CHECK(centre.alpha() > 200);                      // still drawn...
    CHECK(nearColour(centre.rgb(), Qt::white, 20));   // ...hollow
    CHECK(colourAround(after, outlier, c, 3));        // in the vessel's colour round the rim
    CHECK_FALSE(colourAround(after, onTheWayOut, c)); // the line no longer goes out to it
    CHECK(colourAround(after, straight, c));          // but straight on

    QStringList fields;
    for (const auto &[name, value] : layer->describePosition(mmsi, 2))
        fields << name + QStringLiteral("=") + value;
    CHECK(fields.join(QLatin1Char('\n'))
              .contains(QStringLiteral("Set aside by the cleaning=off the track once")));
    for (const auto &[name, value] : layer->describePosition(mmsi, 1))
        CHECK(name != QStringLiteral("Set aside by the cleaning"));
}
