#include <catch2/catch.hpp>

#include "geo/geodesic.h"
#include "project/project.h"
#include "sarscenefile.h"
#include "sightlineprocess.h"

#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>


using namespace sightline;
using namespace sightline::test;

namespace {

const QString kAcquired = QStringLiteral("2023-10-14T02:13:00Z");
const QPointF kTopLeft(130.60, 42.30);
constexpr int kSize = 1500; // 15 km of 10 m pixels

struct AisVessel
{
    std::uint32_t mmsi;
    QString name;
    QPointF atAcquisition;
    double courseDeg;
};

// Two ships broadcasting, one dark, and one AIS vessel with no ship in the image.
const PaintedShip kAngara{QPointF(130.66, 42.25), 160, 24, 40};
const PaintedShip kMaria{QPointF(130.72, 42.27), 110, 18, 100};
const PaintedShip kDark{QPointF(130.69, 42.215), 90, 16, 160};
const std::vector<AisVessel> kAis = {
    {273000001, QStringLiteral("ANGARA"), kAngara.lonLat, 40},
    {273000002, QStringLiteral("MARIA"), kMaria.lonLat, 100},
    {273000003, QStringLiteral("GHOST"), QPointF(130.75, 42.205), 270},
};

double metresBetween(QPointF a, QPointF b)
{
    return Geodesic::inverse(a, b).distanceMetres;
}

/// Positions every five minutes for an hour either side of the acquisition, at 10 kn along the course.
QString aisCsv()
{
    QString csv = QStringLiteral("mmsi,timestamp,lat,lon,sog,cog,name\n");
    const qint64 t0 = QDateTime::fromString(kAcquired, Qt::ISODate).toMSecsSinceEpoch();
    for (const AisVessel &v : kAis)
        for (int minute = -60; minute <= 60; minute += 5) {
            const QPointF at = Geodesic::direct(v.atAcquisition, v.courseDeg, 10 * 1852.0 / 60 * minute);
            const double lat = at.y(), lon = at.x();
            csv += QStringLiteral("%1,%2,%3,%4,10,%5,%6\n")
                       .arg(v.mmsi)
                       .arg(QDateTime::fromMSecsSinceEpoch(t0 + minute * 60000, Qt::UTC).toString(Qt::ISODate))
                       .arg(lat, 0, 'f', 6)
                       .arg(lon, 0, 'f', 6)
                       .arg(v.courseDeg)
                       .arg(v.name);
        }
    return csv;
}

/// A project holding the AIS of the scene's vessels.
QString makeProject(const QTemporaryDir &dir)
{
    const QString project = dir.filePath(QStringLiteral("case.gpkg"));
    const QString csv = dir.filePath(QStringLiteral("ais.csv"));
    QFile f(csv);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(aisCsv().toUtf8());
    f.close();
    mustRunSightline({QStringLiteral("project"), QStringLiteral("create"), project});
    mustRunSightline({QStringLiteral("ais"), QStringLiteral("import"), csv, QStringLiteral("--project"), project});
    return project;
}

QString makeScene(const QTemporaryDir &dir, const QString &name, const QString &acquired)
{
    const QString path = dir.filePath(name);
    REQUIRE(writeSarScene(path, kTopLeft, kSize, {kAngara, kMaria, kDark}, acquired));
    return path;
}

/// The detection nearest `at`, and how far it is.
std::pair<QJsonObject, double> nearest(const QJsonArray &detections, QPointF at)
{
    QJsonObject best;
    double bestM = 1e12;
    for (const QJsonValue &v : detections) {
        const QJsonObject o = v.toObject();
        const double m = metresBetween(
            at, QPointF(o.value(QStringLiteral("lon")).toDouble(), o.value(QStringLiteral("lat")).toDouble()));
        if (m < bestM) {
            bestM = m;
            best = o;
        }
    }
    return {best, bestM};
}

} // namespace

TEST_CASE("detect vessels finds the ships of a SAR scene, names the broadcasting ones and lists the dark one",
          "[e2e][detect]")
{
    QTemporaryDir dir;
    const QString project = makeProject(dir);
    const QString image = makeScene(dir, QStringLiteral("scene.tif"), QString());

    Run r = runSightline({QStringLiteral("detect"), QStringLiteral("vessels"), image, QStringLiteral("--project"),
                          project, QStringLiteral("--acquired"), kAcquired});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    const QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
    CHECK(doc.value(QStringLiteral("acquired")).toString() == QStringLiteral("2023-10-14T02:13:00Z"));
    CHECK(doc.value(QStringLiteral("parameters")).toObject().contains(QStringLiteral("detection")));
    const QJsonArray detections = doc.value(QStringLiteral("detections")).toArray();
    CHECK(detections.size() >= 3);
    CHECK(detections.size() <= 4); // at most one false alarm in 225 km² of sea

    const auto [angara, angaraM] = nearest(detections, kAngara.lonLat);
    CHECK(angaraM < 150);
    CHECK(angara.value(QStringLiteral("mmsi")).toInteger() == 273000001);
    CHECK(angara.value(QStringLiteral("vessel_name")).toString() == QStringLiteral("ANGARA"));
    CHECK(angara.value(QStringLiteral("match_score")).toDouble() > 0);
    CHECK(angara.value(QStringLiteral("length_m")).toDouble() == Approx(160).epsilon(0.35));
    for (const char *key : {"lon", "lat", "length_m", "width_m", "heading", "confidence", "mmsi", "match_score"})
        CHECK(angara.contains(QLatin1String(key)));

    const auto [maria, mariaM] = nearest(detections, kMaria.lonLat);
    CHECK(mariaM < 150);
    CHECK(maria.value(QStringLiteral("mmsi")).toInteger() == 273000002);

    const auto [dark, darkM] = nearest(detections, kDark.lonLat);
    CHECK(darkM < 150);
    CHECK(dark.value(QStringLiteral("mmsi")).isNull());
    CHECK(dark.value(QStringLiteral("length_m")).toDouble() == Approx(90).epsilon(0.4));

    const QJsonArray unseen = doc.value(QStringLiteral("ais_without_detection")).toArray();
    REQUIRE(unseen.size() == 1);
    CHECK(unseen.at(0).toObject().value(QStringLiteral("mmsi")).toInteger() == 273000003);
    CHECK(unseen.at(0).toObject().value(QStringLiteral("vessel_name")).toString() == QStringLiteral("GHOST"));
    CHECK(r.err.contains(QStringLiteral("1 dark")));

    // "--land none" is open sea, as --help says.
    r = runSightline({QStringLiteral("detect"), QStringLiteral("vessels"), image, QStringLiteral("--project"), project,
                      QStringLiteral("--acquired"), kAcquired, QStringLiteral("--land"), QStringLiteral("none")});
    CHECK(r.exitCode == 0);
    CHECK(r.err.contains(QStringLiteral("land: none (open sea)")));
}

TEST_CASE("detect vessels --save keeps the run in the project; csv and geojson say the same", "[e2e][detect]")
{
    QTemporaryDir dir;
    const QString project = makeProject(dir);
    const QString image = makeScene(dir, QStringLiteral("scene.tif"), QString());
    const QStringList base = {QStringLiteral("detect"), QStringLiteral("vessels"), image, QStringLiteral("--project"),
                              project, QStringLiteral("--acquired"), kAcquired};

    const Run json = mustRunSightline(base + QStringList{QStringLiteral("--save")});
    const int found = int(QJsonDocument::fromJson(json.out.toUtf8()).object().value(QStringLiteral("detections")).toArray().size());
    CHECK(json.err.contains(QStringLiteral("Saved")));
    // Again: the image's answer is replaced, not doubled.
    mustRunSightline(base + QStringList{QStringLiteral("--save")});
    {
        auto p = Project::open(project, Project::Mode::ReadOnly, nullptr);
        REQUIRE(p);
        const auto runs = p->detectionRuns();
        REQUIRE(runs.size() == 1);
        CHECK(int(runs.front().detections.size()) == found);
        CHECK(runs.front().aisWithoutDetection.size() == 1);
        CHECK(runs.front().acquiredMs == QDateTime::fromString(kAcquired, Qt::ISODate).toMSecsSinceEpoch());
        int events = 0, darkEvents = 0;
        for (const MovementEvent &e : p->events())
            if (e.type == EventType::VesselDetection) {
                ++events;
                darkEvents += e.mmsi == 0 ? 1 : 0;
            }
        CHECK(events == found);
        CHECK(darkEvents >= 1);
    }

    const Run csv = mustRunSightline(base + QStringList{QStringLiteral("--format"), QStringLiteral("csv")});
    const QStringList lines = csv.out.split(QLatin1Char('\n'));
    REQUIRE(!lines.isEmpty());
    CHECK(lines.first().startsWith(QStringLiteral("id,lon,lat,length_m,width_m,heading,confidence,mmsi")));
    CHECK(csv.out.contains(QStringLiteral("ais_without_detection_mmsi")));
    CHECK(csv.out.contains(QStringLiteral("273000003,GHOST")));

    const Run geojson = mustRunSightline(base + QStringList{QStringLiteral("--format"), QStringLiteral("geojson")});
    const QJsonObject fc = QJsonDocument::fromJson(geojson.out.toUtf8()).object();
    CHECK(fc.value(QStringLiteral("type")).toString() == QStringLiteral("FeatureCollection"));
    int points = 0, footprints = 0;
    for (const QJsonValue &v : fc.value(QStringLiteral("features")).toArray()) {
        const QString kind = v.toObject().value(QStringLiteral("properties")).toObject().value(QStringLiteral("kind")).toString();
        points += kind == QLatin1String("detection") ? 1 : 0;
        footprints += kind == QLatin1String("footprint") ? 1 : 0;
    }
    CHECK(points == found);
    CHECK(footprints == 1);
}

TEST_CASE("detect vessels refuses what it cannot use, saying why, with exit 2", "[e2e][detect][bad-input]")
{
    QTemporaryDir dir;
    const QString project = makeProject(dir);
    const QString image = makeScene(dir, QStringLiteral("undated.tif"), QString());
    auto detect = [&](const QStringList &more) {
        return runSightline(QStringList{QStringLiteral("detect"), QStringLiteral("vessels")} + more);
    };

    Run r = detect({image, QStringLiteral("--project"), project});
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(QStringLiteral("no acquisition time")));
    CHECK(r.err.contains(QStringLiteral("--acquired")));

    r = detect({dir.filePath(QStringLiteral("missing.tif")), QStringLiteral("--project"), project});
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(QStringLiteral("missing.tif")));

    r = detect({QStringLiteral("/vsicurl/http://example.com/scene.tif"), QStringLiteral("--project"), project,
                QStringLiteral("--acquired"), kAcquired});
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(QStringLiteral("refused")));

    for (const QString &pfa : {QStringLiteral("2"), QStringLiteral("often"), QStringLiteral("0")}) {
        r = detect({image, QStringLiteral("--project"), project, QStringLiteral("--pfa"), pfa});
        CHECK(r.exitCode == 2);
        CHECK(r.err.contains(QStringLiteral("--pfa")));
    }
    r = detect({image, QStringLiteral("--project"), project, QStringLiteral("--guard-window"), QStringLiteral("50")});
    CHECK(r.exitCode == 2); // a guard window inside the target window means nothing

    r = detect({image, QStringLiteral("--project"), project, QStringLiteral("--acquired"), QStringLiteral("soon")});
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(QStringLiteral("--acquired")));

    r = detect({image});
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(QStringLiteral("--project")));
    r = detect({image, QStringLiteral("--project"), project, QStringLiteral("--format"), QStringLiteral("xml")});
    CHECK(r.exitCode == 2);
}

TEST_CASE("detect vessels reads the acquisition time a GeoTIFF carries", "[e2e][detect]")
{
    QTemporaryDir dir;
    const QString project = makeProject(dir);
    const QString image = makeScene(dir, QStringLiteral("dated.tif"), kAcquired);
    const Run r = mustRunSightline({QStringLiteral("detect"), QStringLiteral("vessels"), image,
                                    QStringLiteral("--project"), project});
    CHECK(QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("acquired")).toString() == kAcquired);
}

TEST_CASE("the brief's block 'Vessels in image' shows the saved detections as a figure and a table",
          "[e2e][detect][brief]")
{
    QTemporaryDir dir;
    const QString project = makeProject(dir);
    const QString image = makeScene(dir, QStringLiteral("scene.tif"), QString());
    mustRunSightline({QStringLiteral("detect"), QStringLiteral("vessels"), image, QStringLiteral("--project"), project,
                      QStringLiteral("--acquired"), kAcquired, QStringLiteral("--save")});
    const QString definition = dir.filePath(QStringLiteral("brief.json"));
    QFile f(definition);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(R"({"title": "Dark vessels", "blocks": [{"kind": "vessels-in-image", "image": 1},
                {"kind": "vessels-in-image", "image": 2}]})");
    f.close();
    const QString pdf = dir.filePath(QStringLiteral("brief.pdf"));
    mustRunSightline({QStringLiteral("brief"), QStringLiteral("--project"), project, QStringLiteral("--definition"),
                      definition, QStringLiteral("-o"), pdf});
    QProcess text;
    text.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    REQUIRE(text.waitForFinished(60000));
    const QString words = QString::fromUtf8(text.readAllStandardOutput());
    INFO(words.toStdString());
    CHECK(words.contains(QStringLiteral("Vessels in image 1")));
    CHECK(words.contains(QStringLiteral("Figure 1.")));
    CHECK(words.contains(QStringLiteral("Table 1. Vessels in image 1: scene")));
    CHECK(words.contains(QStringLiteral("ANGARA (273000001)")));
    CHECK(words.contains(QStringLiteral("MARIA (273000002)")));
    CHECK(words.contains(QStringLiteral("dark (no AIS)")));
    CHECK(words.contains(QStringLiteral("1 dark")));
    CHECK(words.contains(QStringLiteral("GHOST (273000003")));
    // A block naming an image the project does not have says so instead of failing the brief.
    CHECK(words.contains(QStringLiteral("the project holds 1 image(s) with detections")));
}
