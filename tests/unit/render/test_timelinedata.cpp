#include "../catchstringmakers.h"

#include "ais/aismessage.h"
#include "fixtures.h"
#include "layers/eventlayer.h"
#include "layers/rasterlayer.h"
#include "layers/sightinglayer.h"
#include "layers/tracklayer.h"
#include "render/timelinedata.h"
#include "util/utctime.h"

#include <QTemporaryDir>

using namespace sightline;

namespace {

constexpr std::int64_t kHour = 3600 * 1000;
constexpr std::uint32_t kAngara = 273145020;
constexpr std::uint32_t kMaria = 273219530;
constexpr std::uint32_t kBoris = 273000001; // no name broadcast
constexpr std::uint32_t kQuiet = 273000002; // positions, no events

std::int64_t utc(int d, int h = 0)
{
    return unixMsFromUtc(2023, 10, d, h, 0, 0);
}

std::shared_ptr<VesselRegistry> registryNaming(const QList<QPair<std::uint32_t, const char *>> &names)
{
    auto registry = std::make_shared<VesselRegistry>();
    for (const auto &[mmsi, name] : names) {
        ais::AisMessage m;
        m.type = 5;
        m.mmsi = mmsi;
        m.shipname = name;
        registry->noteStatic(m, 1000);
    }
    return registry;
}

std::shared_ptr<TrackLayer>
tracks(const QList<QPair<std::uint32_t, std::int64_t>> &fixes,
       std::shared_ptr<VesselRegistry> registry = std::make_shared<VesselRegistry>())
{
    auto store = std::make_shared<TrackStore>();
    for (const auto &[mmsi, ms] : fixes)
        store->append({mmsi, ms, 130.5, 42.3});
    store->finalize();
    return std::make_shared<TrackLayer>(QStringLiteral("AIS"), QStringLiteral("test"), store, registry);
}

MovementEvent event(std::int64_t id, EventType type, std::uint32_t mmsi, std::int64_t start, int hours)
{
    MovementEvent e;
    e.id = id;
    e.type = type;
    e.mmsi = mmsi;
    e.startMs = start;
    e.endMs = start + hours * kHour;
    e.from = e.to = QPointF(130.5, 42.3);
    return e;
}

Sighting sighting(std::int64_t id, std::int64_t observed, const QString &kind, std::uint32_t mmsi = 0)
{
    Sighting s;
    s.id = id;
    s.kind = kind;
    s.observedAtMs = observed;
    s.vesselMmsi = mmsi;
    s.geometry.lonLat = {QPointF(130.5, 42.3)};
    return s;
}

QStringList labelsOf(const TimelineData &data)
{
    QStringList labels;
    for (const TimelineLane &lane : data.lanes)
        labels << lane.label;
    return labels;
}

} // namespace

TEST_CASE("the timeline's lanes are the vessels with events, or the ones asked for", "[timeline]")
{
    auto named = tracks({{kAngara, utc(2)}, {kAngara, utc(1)}, {kMaria, utc(3)}, {kQuiet, utc(4)}},
                        registryNaming({{kAngara, "ANGARA"}, {kMaria, "MARIA"}}));
    // A second import of ANGARA: its positions join the first's, in time order.
    auto more = tracks({{kAngara, utc(1, 12)}, {kBoris, utc(5)}});
    auto events = std::make_shared<EventLayer>(
        QStringLiteral("Events"),
        std::vector<MovementEvent>{event(1, EventType::PortCall, kMaria, utc(3), 20),
                                   event(2, EventType::Gap, kAngara, utc(2), 30),
                                   event(3, EventType::Gap, kBoris, utc(6), 12)});
    QList<std::shared_ptr<Layer>> layers{named, more, events};

    SECTION("every vessel with events, by name, with its positions and colour")
    {
        const TimelineData data = timelineDataFromLayers(layers);
        CHECK(labelsOf(data) == QStringList{QStringLiteral("ANGARA (273145020)"),
                                            QStringLiteral("MARIA (273219530)"),
                                            QStringLiteral("MMSI 273000001")});
        REQUIRE(data.lanes.size() == 3);
        CHECK(data.lanes.at(0).mmsi == kAngara);
        CHECK(data.lanes.at(0).positionTimesMs == std::vector<std::int64_t>{utc(1), utc(1, 12), utc(2)});
        CHECK(data.lanes.at(0).colour == TrackLayer::vesselColour(kAngara));
        CHECK(data.events.size() == 3);
        CHECK(data.events.front().id == 2); // in time order
        CHECK(data.fromMs == 0);
        CHECK(data.toMs == 0);
    }
    SECTION("the vessels asked for, events or not")
    {
        const TimelineData data = timelineDataFromLayers(layers, {kQuiet, kMaria});
        CHECK(labelsOf(data) ==
              QStringList{QStringLiteral("MARIA (273219530)"), QStringLiteral("MMSI 273000002")});
        CHECK(data.lanes.at(1).positionTimesMs == std::vector<std::int64_t>{utc(4)});
        CHECK(timelineEventStarts(data) == std::vector<std::int64_t>{utc(3)});
    }
    SECTION("what the map hides is not on the timeline")
    {
        events->setVisibleIds(std::unordered_set<std::int64_t>{1});
        CHECK(labelsOf(timelineDataFromLayers(layers)) == QStringList{QStringLiteral("MARIA (273219530)")});
        events->setVisible(false);
        CHECK(timelineDataFromLayers(layers).lanes.isEmpty());
    }
    SECTION("twelve lanes at most")
    {
        std::vector<MovementEvent> many;
        for (int i = 0; i < 15; ++i)
            many.push_back(event(100 + i, EventType::Gap, 273100000 + std::uint32_t(i), utc(1), 13));
        const TimelineData data =
            timelineDataFromLayers({std::make_shared<EventLayer>(QStringLiteral("E"), many)});
        REQUIRE(data.lanes.size() == 12);
        CHECK(data.lanes.front().label == QStringLiteral("MMSI 273100000"));
        CHECK(data.lanes.back().label == QStringLiteral("MMSI 273100011"));
    }
    SECTION("event starts and the data's extent")
    {
        const TimelineData data = timelineDataFromLayers(layers);
        CHECK(timelineEventStarts(data) == std::vector<std::int64_t>{utc(2), utc(3), utc(6)});
        const TimeWindow extent = timelineDataExtent(data);
        CHECK(extent.fromMs == utc(1));
        CHECK(extent.toMs == utc(6) + 12 * kHour);
        CHECK(timelineDataExtent(TimelineData{}).isOpen());
    }
}

TEST_CASE("the timeline numbers sightings as the brief does", "[timeline]")
{
    auto layer = std::make_shared<SightingLayer>(
        QStringLiteral("project"),
        QList<Sighting>{sighting(7, utc(5), QStringLiteral("vessel"), kAngara),
                        sighting(3, 0, QStringLiteral("pits")), // unknown time: numbered last, not drawn
                        sighting(9, utc(2), QStringLiteral("rail cars")),
                        sighting(4, utc(5), QStringLiteral("other"))});
    TimelineSources sources;
    const TimelineData data = timelineDataFromLayers({layer}, {}, &sources);
    REQUIRE(data.sightings.size() == 3);
    CHECK(data.sightings.at(0).number == 1);
    CHECK(data.sightings.at(0).ms == utc(2));
    CHECK(data.sightings.at(0).kind == QStringLiteral("rail cars"));
    // The same time: the older id first.
    CHECK(data.sightings.at(1).number == 2);
    CHECK(data.sightings.at(2).number == 3);
    CHECK(data.sightings.at(2).mmsi == kAngara);
    REQUIRE(sources.sightings.size() == 4);
    QList<std::int64_t> ids;
    for (const Sighting &s : sources.sightings)
        ids << s.id;
    CHECK(ids == QList<std::int64_t>{9, 4, 7, 3});
    CHECK(sources.sightings.at(data.sightings.at(2).number - 1).id == 7);
}

TEST_CASE("the timeline ticks each image with an acquisition time", "[timeline]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const auto image = [&](const char *name) {
        const QString path = test::makeGeoTiff(dir.filePath(QString::fromLatin1(name)), 4326, 8, 8,
                                               {130, 0.01, 0, 43, 0, -0.01}, Qt::darkGreen);
        QString error;
        auto layer = RasterLayer::open(path, &error);
        REQUIRE(layer);
        return layer;
    };
    auto dated = image("dated.tif");
    dated->setName(QStringLiteral("WV3 14 Oct"));
    dated->setAcquiredMs(utc(14, 2));
    auto undated = image("undated.tif");
    REQUIRE(undated->acquiredMs() == 0);
    auto hidden = image("hidden.tif");
    hidden->setAcquiredMs(utc(15));
    hidden->setVisible(false);

    TimelineSources sources;
    const TimelineData data = timelineDataFromLayers({undated, dated, hidden}, {}, &sources);
    REQUIRE(data.acquisitions.size() == 1);
    CHECK(data.acquisitions.at(0).first == utc(14, 2));
    CHECK(data.acquisitions.at(0).second == QStringLiteral("WV3 14 Oct"));
    CHECK(sources.acquisitionLayerIds == QStringList{dated->id()});
    CHECK(data.lanes.isEmpty());
    CHECK(timelineDataExtent(data) == TimeWindow{utc(14, 2), utc(14, 2)});
}
