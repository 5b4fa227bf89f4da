#include "../catchstringmakers.h"

#include "fixtures.h"
#include "geo/geodesic.h"
#include "layers/eventlayer.h"
#include "layers/rasterlayer.h"
#include "layers/sightinglayer.h"
#include "layers/tracklayer.h"
#include "project/layerstyleio.h"
#include "render/maprenderer.h"
#include "map/timewindow.h"
#include "../render/trackfixtures.h"
#include "tracks/trackinterpolation.h"

#include <QPainter>
#include <QTemporaryDir>

using namespace sightline;
using namespace sightline::test;

namespace {

constexpr std::int64_t kHour = 3600 * 1000;

std::int64_t at(const char *iso)
{
    return parseUtcIso(QString::fromLatin1(iso));
}

const QRectF kBox(QPointF(130.9, 42.2), QPointF(132.1, 42.8));

} // namespace

TEST_CASE("time ranges are read as ISO 8601 intervals", "[time]")
{
    QString error;
    auto w = parseTimeWindow(QStringLiteral("2023-10-01/2023-10-15"), &error);
    REQUIRE(w);
    CHECK(w->fromMs == at("2023-10-01T00:00:00Z"));
    CHECK(w->toMs == at("2023-10-16T00:00:00Z") - 1); // the whole of the last day
    w = parseTimeWindow(QStringLiteral("2023-10-14T02:00Z/PT6H"), &error);
    REQUIRE(w);
    CHECK(w->toMs - w->fromMs == 6 * kHour);
    w = parseTimeWindow(QStringLiteral("P2D/2023-10-15T00:00:00Z"), &error);
    REQUIRE(w);
    CHECK(w->fromMs == at("2023-10-13T00:00:00Z"));
    w = parseTimeWindow(QStringLiteral("2023-10-01/.."), &error);
    REQUIRE(w);
    CHECK(w->toMs == 0);
    CHECK(w->contains(at("2030-01-01T00:00:00Z")));
    CHECK_FALSE(w->contains(at("2023-09-30T23:59:00Z")));
    CHECK(w->contains(0)); // an unknown time is never hidden

    for (const char *bad : {"2023-10-01", "yesterday/today", "2023-10-15/2023-10-01", "PT6H/P1D", "PT6H/..",
                            "2023-13-01/2023-14-01"}) {
        CAPTURE(bad);
        CHECK_FALSE(parseTimeWindow(QString::fromLatin1(bad), &error));
        CHECK_FALSE(error.isEmpty());
    }
    CHECK(parseIsoDurationMs(QStringLiteral("P1DT12H")) == 36 * kHour);
    CHECK(parseIsoDurationMs(QStringLiteral("PT30M")) == kHour / 2);
    CHECK_FALSE(parseIsoDurationMs(QStringLiteral("PT")));
    CHECK_FALSE(parseIsoDurationMs(QStringLiteral("6h")));

    const TimeWindow oct{at("2023-10-01T00:00:00Z"), at("2023-10-31T00:00:00Z")};
    CHECK(oct.overlaps(at("2023-09-30T00:00:00Z"), at("2023-10-02T00:00:00Z")));
    CHECK_FALSE(oct.overlaps(at("2023-09-01T00:00:00Z"), at("2023-09-02T00:00:00Z")));
    CHECK(describeTimeWindow(oct) == QStringLiteral("2023-10-01 00:00 – 2023-10-31 00:00 UTC"));
}

TEST_CASE("a vessel's position at an instant: on the geodesic between its fixes, a guess inside a gap",
          "[time][tracks]")
{
    const std::uint32_t mmsi = 273145020;
    auto store = std::make_shared<TrackStore>();
    // Fixes every 10 minutes, then 48 hours of silence, then one more.
    for (int i = 0; i <= 6; ++i)
        store->append({mmsi, i * 600000LL, 131.0 + i * 0.01, 42.5});
    store->append({mmsi, 3600000LL + 48 * kHour, 132.0, 43.0});
    store->finalize();
    const VesselTrack &track = *store->track(mmsi);

    auto exact = trackPositionAt(track, 1200000, 2 * kHour);
    REQUIRE(exact);
    CHECK(exact->exact);
    CHECK(exact->lonLat.x() == Approx(131.02));

    auto between = trackPositionAt(track, 1500000, 2 * kHour);
    REQUIRE(between);
    CHECK_FALSE(between->inGap);
    CHECK(between->before == 2);
    CHECK(between->lonLat.x() == Approx(131.025).epsilon(1e-6));
    CHECK(between->courseDeg == Approx(90).margin(0.1));

    // A quarter of the way through the silence, a quarter of the geodesic distance along it.
    const std::int64_t quarter = 3600000LL + 12 * kHour;
    auto dark = trackPositionAt(track, quarter, 2 * kHour);
    REQUIRE(dark);
    CHECK(dark->inGap);
    CHECK(dark->silenceMs == 48 * kHour);
    const double whole = Geodesic::inverse(QPointF(131.06, 42.5), QPointF(132.0, 43.0)).distanceMetres;
    CHECK(Geodesic::inverse(QPointF(131.06, 42.5), dark->lonLat).distanceMetres ==
          Approx(whole / 4).epsilon(1e-6));
    CHECK(Geodesic::inverse(dark->lonLat, QPointF(132.0, 43.0)).distanceMetres ==
          Approx(whole * 3 / 4).epsilon(1e-6));

    CHECK_FALSE(trackPositionAt(track, -1, 2 * kHour));
    CHECK_FALSE(trackPositionAt(track, 3600000LL + 49 * kHour, 2 * kHour));
    CHECK(trackPositionAt(track, 3600000LL + 48 * kHour, 2 * kHour)->exact);
}

TEST_CASE("the time window hides the positions, sightings and events outside it", "[time][render]")
{
    const std::uint32_t mmsi = 273145020;
    // West half on 1 October, east half on 20 October.
    std::vector<TrackStore::Position> ps;
    for (int i = 0; i <= 5; ++i)
        ps.push_back({mmsi, at("2023-10-01T00:00:00Z") + i * 600000LL, 131.0 + i * 0.1, 42.5});
    for (int i = 0; i <= 5; ++i)
        ps.push_back({mmsi, at("2023-10-20T00:00:00Z") + i * 600000LL, 131.6 + i * 0.1, 42.5});
    auto tracks = trackLayerWith(ps);
    tracks->setStyle({TrackLayer::ColourBy::Vessel, 2 * kHour, false, 2.0, {}});

    Sighting early, late, undated;
    early.id = 1;
    early.kind = QStringLiteral("vessel");
    early.geometry.lonLat = {QPointF(131.2, 42.65)};
    early.observedAtMs = at("2023-10-01T00:30:00Z");
    late = early;
    late.id = 2;
    late.geometry.lonLat = {QPointF(131.8, 42.65)};
    late.observedAtMs = at("2023-10-20T00:30:00Z");
    undated = early;
    undated.id = 3;
    undated.geometry.lonLat = {QPointF(131.5, 42.35)};
    undated.observedAtMs = 0;
    auto sightings =
        std::make_shared<SightingLayer>(QStringLiteral("p"), QList<Sighting>{early, late, undated});

    MovementEvent call;
    call.id = 9;
    call.type = EventType::PortCall;
    call.from = call.to = QPointF(131.5, 42.7);
    call.startMs = at("2023-10-20T00:00:00Z");
    call.endMs = at("2023-10-21T00:00:00Z");
    auto events = std::make_shared<EventLayer>(QStringLiteral("Events"), std::vector<MovementEvent>{call});

    MapSettings s = MapSettings::fromWgs84Extent(kBox, QSize(600, 300));
    s.setLayers({tracks, events, sightings});
    const QColor track = TrackLayer::vesselColour(mmsi), vessel = sightingColour(QStringLiteral("vessel"));
    const QColor port = EventLayer::eventColour(EventType::PortCall);

    QImage all = renderMapImage(s, nullptr, Qt::white);
    CHECK(colourAround(all, expectedPixel(s, QPointF(131.2, 42.5)), track, 2));
    CHECK(colourAround(all, expectedPixel(s, QPointF(131.8, 42.5)), track, 2));
    CHECK(colourAround(all, expectedPixel(s, QPointF(131.8, 42.65)), vessel, 4));
    CHECK(colourAround(all, expectedPixel(s, QPointF(131.5, 42.7)), port, 4));

    s.setTimeWindow({at("2023-10-01T00:00:00Z"), at("2023-10-02T00:00:00Z")});
    QImage first = renderMapImage(s, nullptr, Qt::white);
    CHECK(colourAround(first, expectedPixel(s, QPointF(131.2, 42.5)), track, 2));
    CHECK_FALSE(colourAround(first, expectedPixel(s, QPointF(131.8, 42.5)), track, 3));
    // The dashed join across the 19-day silence starts outside the window: not drawn either.
    CHECK_FALSE(colourAround(first, expectedPixel(s, QPointF(131.55, 42.5)), track, 3));
    CHECK(colourAround(first, expectedPixel(s, QPointF(131.2, 42.65)), vessel, 4));
    CHECK_FALSE(colourAround(first, expectedPixel(s, QPointF(131.8, 42.65)), vessel, 4));
    CHECK(colourAround(first, expectedPixel(s, QPointF(131.5, 42.35)), vessel, 4)); // undated: shown
    CHECK_FALSE(colourAround(first, expectedPixel(s, QPointF(131.5, 42.7)), port, 6));
    // What is not drawn is not picked.
    CHECK(sightings->pick(QPointF(131.8, 42.65), s) == 0);
    CHECK(sightings->pick(QPointF(131.2, 42.65), s) == 1);
    CHECK(events->pick(QPointF(131.5, 42.7), s) == 0);
}

TEST_CASE("the time cursor marks each vessel where it was, and says so when it is a guess", "[time][render]")
{
    const std::uint32_t mmsi = 273145020;
    const std::int64_t t0 = at("2023-10-01T00:00:00Z");
    std::vector<TrackStore::Position> ps{
        {mmsi, t0, 131.0, 42.5}, {mmsi, t0 + kHour, 131.2, 42.5}, {mmsi, t0 + 49 * kHour, 132.0, 42.5}};
    auto tracks = trackLayerWith(ps);
    tracks->setStyle({TrackLayer::ColourBy::Vessel, 2 * kHour, false, 2.0, {}});
    MapSettings s = MapSettings::fromWgs84Extent(kBox, QSize(600, 300));
    s.setLayers({tracks});
    const QColor colour = TrackLayer::vesselColour(mmsi);

    // Half an hour in: between two fixes ten minutes' sail apart, a solid mark at 131.1°E.
    s.setCursorMs(t0 + kHour / 2);
    std::vector<LabelCandidate> labels;
    {
        QImage image(s.outputSize(), QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter painter(&image);
        auto renderer = tracks->createRenderer(s);
        const std::atomic<bool> no{false};
        REQUIRE(renderer->render(painter, no));
        labels = renderer->takeLabels();
        painter.end();
        const QPointF p = expectedPixel(s, QPointF(131.1, 42.5));
        int solid = 0;
        for (int dy = -3; dy <= 3; ++dy)
            for (int dx = -3; dx <= 3; ++dx)
                solid += nearColour(image.pixel(p.toPoint() + QPoint(dx, dy)), colour) ? 1 : 0;
        CHECK(solid >= 20); // filled, not just a line through
    }
    REQUIRE(labels.size() == 1);
    CHECK(labels.front().text == QStringLiteral("MMSI 273145020"));

    // 25 hours in: inside the 48-hour silence, halfway, marked as an estimate.
    s.setCursorMs(t0 + 25 * kHour);
    auto renderer = tracks->createRenderer(s);
    QImage image(s.outputSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    const std::atomic<bool> no{false};
    REQUIRE(renderer->render(painter, no));
    painter.end();
    labels = renderer->takeLabels();
    REQUIRE(labels.size() == 1);
    CHECK(labels.front().text == QStringLiteral("MMSI 273145020 (dark 48 h: estimated)"));
    const auto guess = trackPositionAt(*tracks->store().track(mmsi), t0 + 25 * kHour, 2 * kHour);
    REQUIRE(guess);
    const QPointF p = expectedPixel(s, guess->lonLat);
    // Hollow: white at the centre of the mark.
    CHECK(qGray(image.pixel(p.toPoint())) > 200);
    CHECK(colourAround(image, p, colour.darker(130), 9));

    // Outside the track's span, no mark at all.
    s.setCursorMs(t0 - kHour);
    renderer = tracks->createRenderer(s);
    QImage none(s.outputSize(), QImage::Format_ARGB32_Premultiplied);
    none.fill(Qt::white);
    QPainter p2(&none);
    renderer->render(p2, no);
    p2.end();
    CHECK(renderer->takeLabels().empty());
}

TEST_CASE("an image marked so shows only when acquired inside the time window, and keeps that in the project",
          "[time][render]")
{
    QTemporaryDir dir;
    // 64 × 32 pixels over the view's box: 1.2° by 0.6°.
    const QString path = makeGeoTiff(dir.filePath(QStringLiteral("before.tif")), 4326, 64, 32,
                                     {130.9, 1.2 / 64, 0, 42.8, 0, -0.6 / 32}, QColor(200, 30, 30));
    QString error;
    auto raster = RasterLayer::open(path, &error);
    REQUIRE(raster);
    CHECK(raster->acquiredMs() == 0);
    raster->setAcquiredMs(at("2023-10-05T02:13:00Z"));
    raster->setShowsOnlyInTimeWindow(true);

    MapSettings s = MapSettings::fromWgs84Extent(kBox, QSize(200, 100));
    s.setLayers({raster});
    const QPointF middle(100, 50);
    CHECK(nearColour(renderMapImage(s, nullptr, Qt::white).pixel(middle.toPoint()), QColor(200, 30, 30)));
    s.setTimeWindow({at("2023-10-10T00:00:00Z"), at("2023-10-20T00:00:00Z")});
    CHECK(renderMapImage(s, nullptr, Qt::white).pixel(middle.toPoint()) == qRgb(255, 255, 255));
    s.setTimeWindow({at("2023-10-01T00:00:00Z"), at("2023-10-06T00:00:00Z")});
    CHECK(nearColour(renderMapImage(s, nullptr, Qt::white).pixel(middle.toPoint()), QColor(200, 30, 30)));
    raster->setShowsOnlyInTimeWindow(false);
    s.setTimeWindow({at("2023-10-10T00:00:00Z"), at("2023-10-20T00:00:00Z")});
    CHECK(nearColour(renderMapImage(s, nullptr, Qt::white).pixel(middle.toPoint()), QColor(200, 30, 30)));

    // The project keeps the time entered by hand and the choice.
    raster->setShowsOnlyInTimeWindow(true);
    const QJsonObject style = layerStyleToJson(*raster);
    auto reopened = RasterLayer::open(path, &error);
    REQUIRE(reopened);
    applyLayerStyle(*reopened, style);
    CHECK(reopened->acquiredMs() == at("2023-10-05T02:13:00Z"));
    CHECK(reopened->isAcquiredByHand());
    CHECK(reopened->showsOnlyInTimeWindow());
}

TEST_CASE("an image's acquisition time comes from its metadata or its name", "[time]")
{
    QTemporaryDir dir;
    const QString path =
        makeGeoTiff(dir.filePath(QStringLiteral("LC08_L1TP_114031_20231005_20231010_02_T1.tif")), 4326, 16,
                    16, {130.9, 0.075, 0, 42.8, 0, -0.0375}, QColor(10, 10, 10));
    QString error;
    auto raster = RasterLayer::open(path, &error);
    REQUIRE(raster);
    CHECK(raster->acquiredMs() == at("2023-10-05T00:00:00Z"));
    CHECK_FALSE(raster->isAcquiredByHand());
}
