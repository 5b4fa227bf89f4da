#include "../catchstringmakers.h"

#include "project/detectionsighting.h"
#include "project/project.h"
#include "project/projectschema.h"
#include "projecttampering.h"

#include <QFile>
#include <QTemporaryDir>

using namespace sightline;
using namespace sightline::test;

namespace {

VesselDetection detection(double lon, double lat, double length, std::optional<std::uint32_t> mmsi = {},
                          const QString &name = {})
{
    VesselDetection d;
    d.lonLat = QPointF(lon, lat);
    d.pixel = QPointF(100, 200);
    d.lengthM = length;
    d.widthM = length / 6;
    d.headingDeg = 35;
    d.confidence = 0.9;
    d.pixelCount = 40;
    d.peakRatio = 12;
    d.mmsi = mmsi;
    d.vesselName = name;
    d.matchScore = mmsi ? 0.8 : 0;
    d.matchDistanceM = mmsi ? 240 : 0;
    return d;
}

DetectionRun runOn(const QString &image, std::vector<VesselDetection> detections)
{
    DetectionRun run;
    run.image = image;
    run.sceneId = QFileInfo(image).completeBaseName();
    run.acquiredMs = parseUtcIso(QStringLiteral("2023-10-14T02:13:00Z"));
    run.footprint << QPointF(130.0, 42.0) << QPointF(130.5, 42.0) << QPointF(130.5, 42.4) << QPointF(130.0, 42.4);
    run.parameters = QJsonObject{{QStringLiteral("detection"), DetectionParameters{}.toJson()},
                                 {QStringLiteral("matching"), MatchParameters{}.toJson()}};
    run.detections = std::move(detections);
    AisWithoutDetection unseen;
    unseen.mmsi = 273000009;
    unseen.vesselName = QStringLiteral("NOT SEEN");
    unseen.lonLat = QPointF(130.2, 42.1);
    unseen.reportedLengthM = 150;
    unseen.reason = QStringLiteral("possible_spoofing");
    run.aisWithoutDetection = {unseen};
    return run;
}

} // namespace

TEST_CASE("a detection run is stored, read back, and shows as events matched and dark", "[project][detections]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.gpkg"));
    const QString image = dir.filePath(QStringLiteral("scene-a.tif"));
    auto p = Project::create(path, nullptr);
    REQUIRE(p);
    DetectionRun run = runOn(image, {detection(130.1, 42.1, 120, 273000001, QStringLiteral("ANGARA")),
                                     detection(130.3, 42.3, 85)});
    REQUIRE(p->replaceDetections(run));
    CHECK(run.id > 0);
    REQUIRE(run.detectionIds.size() == 2);
    p.reset();

    auto reopened = Project::open(path, Project::Mode::ReadOnly, nullptr);
    REQUIRE(reopened);
    const std::vector<DetectionRun> runs = reopened->detectionRuns();
    REQUIRE(runs.size() == 1);
    const DetectionRun &back = runs.front();
    CHECK(back.image == image);
    CHECK(back.sceneId == QStringLiteral("scene-a"));
    CHECK(back.acquiredMs == run.acquiredMs);
    CHECK(back.footprint.size() == 4);
    CHECK(back.parameters.value(QStringLiteral("detection")).toObject() == DetectionParameters{}.toJson());
    REQUIRE(back.detections.size() == 2);
    CHECK(back.detections[0].mmsi == std::optional<std::uint32_t>(273000001));
    CHECK(back.detections[0].vesselName == QStringLiteral("ANGARA"));
    CHECK(back.detections[0].lengthM == Approx(120));
    CHECK(back.detections[0].matchScore == Approx(0.8));
    CHECK(!back.detections[1].mmsi); // null in the table: dark
    CHECK(back.detections[1].lonLat == QPointF(130.3, 42.3));
    REQUIRE(back.aisWithoutDetection.size() == 1);
    CHECK(back.aisWithoutDetection[0].mmsi == 273000009u);
    CHECK(back.aisWithoutDetection[0].reason == QStringLiteral("possible_spoofing"));

    std::vector<MovementEvent> seen;
    for (const MovementEvent &e : reopened->events())
        if (e.type == EventType::VesselDetection)
            seen.push_back(e);
    REQUIRE(seen.size() == 2);
    // Events sort by vessel: the dark one (MMSI 0) first.
    CHECK(seen[0].mmsi == 0u);
    CHECK(seen[0].details.value(QStringLiteral("dark")).toBool());
    CHECK(seen[0].summary().startsWith(QStringLiteral("Dark vessel")));
    CHECK(seen[1].mmsi == 273000001u);
    CHECK(seen[1].summary().contains(QStringLiteral("ANGARA")));
    for (const MovementEvent &e : seen) {
        CHECK(e.id < 0);
        CHECK(detectionRowOfEvent(e.id) == e.details.value(QStringLiteral("detection_id")).toInteger());
        CHECK(e.startMs == run.acquiredMs);
    }
    CHECK(eventTypeFromKey(QStringLiteral("vessel-detection")) == EventType::VesselDetection);
}

TEST_CASE("a new run on an image replaces its answer, other images keep theirs, and undo puts it back",
          "[project][detections]")
{
    QTemporaryDir dir;
    auto p = Project::create(dir.filePath(QStringLiteral("p.gpkg")), nullptr);
    REQUIRE(p);
    const QString a = dir.filePath(QStringLiteral("a.tif")), b = dir.filePath(QStringLiteral("b.tif"));
    DetectionRun first = runOn(a, {detection(130.1, 42.1, 120), detection(130.2, 42.2, 60)});
    DetectionRun other = runOn(b, {detection(130.4, 42.3, 200)});
    DetectionRun second = runOn(a, {detection(130.15, 42.15, 110, 273000001, QStringLiteral("ANGARA"))});
    REQUIRE(p->replaceDetections(first));
    REQUIRE(p->replaceDetections(other));
    REQUIRE(p->replaceDetections(second));
    auto count = [&] {
        std::size_t n = 0;
        for (const DetectionRun &r : p->detectionRuns())
            n += r.detections.size();
        return n;
    };
    CHECK(p->detectionRuns().size() == 2);
    CHECK(count() == 2); // a's one (the second run) and b's one

    REQUIRE(p->removeDetectionRun(second, first));
    CHECK(count() == 3);
    const auto runs = p->detectionRuns();
    const auto ofA = std::find_if(runs.begin(), runs.end(), [&](const DetectionRun &r) { return r.image == a; });
    REQUIRE(ofA != runs.end());
    CHECK(ofA->id == first.id);
    CHECK(ofA->detectionIds == first.detectionIds); // back under their own rows: their events keep their ids

    REQUIRE(p->removeDetectionRun(other, std::nullopt));
    CHECK(p->detectionRuns().size() == 1);
    CHECK(!p->auditLog(-1, QStringLiteral("detections")).isEmpty());
}

TEST_CASE("a damaged detections table opens read-only, and writing detections is refused", "[project][detections][bad-input]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.gpkg"));
    {
        auto p = Project::create(path, nullptr);
        REQUIRE(p);
        DetectionRun run = runOn(dir.filePath(QStringLiteral("a.tif")), {detection(130.1, 42.1, 120)});
        REQUIRE(p->replaceDetections(run));
    }
    REQUIRE(runSql(path, {QStringLiteral("ALTER TABLE detections DROP COLUMN length_m")}) == QString());
    auto p = Project::open(path, Project::Mode::ReadWrite, nullptr);
    REQUIRE(p);
    CHECK(p->isReadOnly());
    CHECK(p->problems().join(QLatin1Char(' ')).contains(QStringLiteral("'detections' has no column 'length_m'")));
    // Still read: the length reads as 0, nothing crashes.
    REQUIRE(p->detectionRuns().size() == 1);
    CHECK(p->detectionRuns().front().detections.front().lengthM == 0);
    DetectionRun again = runOn(dir.filePath(QStringLiteral("a.tif")), {});
    CHECK(!p->replaceDetections(again));
}

TEST_CASE("a detection becomes a sighting linked to its image and, when matched, its vessel", "[project][detections]")
{
    DetectionRun run = runOn(QStringLiteral("/data/S1A_IW_GRDH_1SDV_20231014.tif"),
                             {detection(130.1, 42.1, 120, 273000001, QStringLiteral("ANGARA")),
                              detection(130.3, 42.3, 85)});
    run.detectionIds = {7, 8};
    const std::vector<MovementEvent> events = run.events();
    REQUIRE(events.size() == 2);
    const Sighting matched = sightingFromDetection(events[0]);
    CHECK(matched.kind == QStringLiteral("vessel"));
    CHECK(matched.geometry.lonLat == QList<QPointF>{QPointF(130.1, 42.1)});
    CHECK(matched.imagerySource == QStringLiteral("S1A_IW_GRDH_1SDV_20231014"));
    CHECK(matched.imageryAcquiredMs == run.acquiredMs);
    CHECK(matched.observedAtMs == run.acquiredMs);
    CHECK(matched.vesselMmsi == 273000001u);
    CHECK(matched.vesselName == QStringLiteral("ANGARA"));
    CHECK(matched.validate().isEmpty());
    const Sighting dark = sightingFromDetection(events[1]);
    CHECK(dark.vesselMmsi == 0u);
    CHECK(dark.tags.contains(QStringLiteral("dark")));
    CHECK(dark.notes.contains(QStringLiteral("85 m")));
    CHECK(detectionRowOfEvent(events[1].id) == 8);
}
