#include <catch2/catch.hpp>

#include "caseproject.h"
#include "sightlineprocess.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace sightline::test;

namespace {

/// The case made once: the simulated AIS, the illustrative sightings, the dark periods, port calls
/// and round trips found and saved.
const QString &caseProject()
{
    static QTemporaryDir dir;
    static const QString project = makeCaseProject(
        dir.filePath(QStringLiteral("case.gpkg")),
        {{QStringLiteral("vector/ports_APPROXIMATE.geojson")},
         QStringLiteral("129.2,41.6,133.6,43.8"),
         true,
         {{QStringLiteral("gaps")},
          {QStringLiteral("port-calls")},
          {QStringLiteral("voyages"), QStringLiteral("--between"), QStringLiteral("Rajin,Dunai")}}});
    return project;
}

/// Runs a GDAL or system tool to the end and gives its standard output; the test stops when it fails.
QString tool(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(120000))
        p.kill();
    INFO(program.toStdString() << " " << args.join(QLatin1Char(' ')).toStdString() << ": "
                               << p.readAllStandardError().toStdString());
    REQUIRE(p.exitStatus() == QProcess::NormalExit);
    REQUIRE(p.exitCode() == 0);
    return QString::fromUtf8(p.readAllStandardOutput());
}

Run exportCase(const QStringList &args)
{
    return runSightline(QStringList{QStringLiteral("export"), QStringLiteral("--project"), caseProject()} +
                        args);
}

/// "Feature Count: N" of each layer ogrinfo summarises.
int totalFeatures(const QString &ogrinfoSummary)
{
    int total = 0;
    const QRegularExpression count(QStringLiteral("Feature Count: (\\d+)"));
    for (auto it = count.globalMatch(ogrinfoSummary); it.hasNext();)
        total += it.next().captured(1).toInt();
    return total;
}

} // namespace

TEST_CASE(
    "export: the case to KMZ for Google Earth, every placemark of tracks, events and sightings with its "
    "time, the icons inside",
    "[e2e][export]")
{
    QTemporaryDir dir;
    const QString kmz = dir.filePath(QStringLiteral("case.kmz"));
    const Run r = exportCase({QStringLiteral("-o"), kmz});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    CHECK(r.err.contains(QStringLiteral("8 vessels")));

    // The zip: doc.kml first, then the icons it names.
    const QString listing = tool(QStringLiteral("unzip"), {QStringLiteral("-l"), kmz});
    const qsizetype doc = listing.indexOf(QStringLiteral("doc.kml"));
    CHECK(doc > 0);
    CHECK(listing.indexOf(QStringLiteral("files/")) > doc);
    for (const char *icon : {"files/vessel.png", "files/event-gap.png", "files/event-port-call.png",
                             "files/event-round-trip.png", "files/sighting-vessel.png"})
        CHECK(listing.contains(QString::fromLatin1(icon)));

    // libkml, the reference implementation of KML 2.2, parses it and finds nothing out of place.
    const QString kmlCheck = tool(QStringLiteral(SIGHTLINE_KML_CHECK), {kmz});
    CHECK(kmlCheck.contains(QStringLiteral(" 0 not allowed by KML 2.2")));
    CHECK(kmlCheck.section(QLatin1String(": "), 1).section(QLatin1Char(' '), 0, 0).toInt() > 1000);

    // GDAL's LIBKML reads every placemark (GDAL 3.6's ogrinfo has no -if: the other KML driver is skipped),
    // and each of tracks, events and sightings has a time.
    const QString summary =
        tool(QStringLiteral("ogrinfo"),
             {QStringLiteral("-ro"), QStringLiteral("-al"), QStringLiteral("-so"), QStringLiteral("--config"),
              QStringLiteral("OGR_SKIP"), QStringLiteral("KML"), kmz});
    CHECK(summary.contains(QStringLiteral("using driver `LIBKML' successful")));
    CHECK(summary.contains(QStringLiteral("Layer name: Tracks")));
    CHECK(summary.contains(QStringLiteral("Layer name: Gap")));
    CHECK(summary.contains(QStringLiteral("Layer name: Port call")));
    const QString untimed = tool(
        QStringLiteral("ogrinfo"),
        {QStringLiteral("-ro"), QStringLiteral("--config"), QStringLiteral("OGR_SKIP"), QStringLiteral("KML"),
         QStringLiteral("-dialect"), QStringLiteral("SQLite"), QStringLiteral("-sql"),
         QStringLiteral(
             "SELECT (SELECT count(*) FROM \"Tracks\" WHERE begin IS NULL OR end IS NULL) + "
             "(SELECT count(*) FROM \"Gap\" WHERE begin IS NULL) + (SELECT count(*) FROM \"Port call\" "
             "WHERE begin IS NULL) + (SELECT count(*) FROM \"Vessel\" WHERE timestamp IS NULL) AS "
             "untimed, (SELECT count(*) FROM \"Tracks\") AS tracks"),
         kmz});
    CHECK(untimed.contains(QStringLiteral("untimed (Integer) = 0")));
    CHECK(untimed.contains(QStringLiteral("tracks (Integer) = 8")));

    // Asking again does not overwrite without --force.
    const Run again = exportCase({QStringLiteral("-o"), kmz});
    CHECK(again.exitCode == 1);
    CHECK(again.err.contains(QStringLiteral("--force")));
    CHECK(exportCase({QStringLiteral("-o"), kmz, QStringLiteral("--force")}).exitCode == 0);
}

TEST_CASE("export: GeoPackage with valid geometries, GeoJSON on stdout, FlatGeobuf a file a table",
          "[e2e][export]")
{
    QTemporaryDir dir;
    const QString gpkg = dir.filePath(QStringLiteral("case.gpkg"));
    REQUIRE(exportCase({QStringLiteral("-o"), gpkg}).exitCode == 0);
    const QString valid = tool(
        QStringLiteral("ogrinfo"),
        {QStringLiteral("-ro"), QStringLiteral("-dialect"), QStringLiteral("SQLite"), QStringLiteral("-sql"),
         QStringLiteral("SELECT (SELECT count(*) FROM tracks WHERE ST_IsValid(geom) = 1) AS tracks_valid, "
                        "(SELECT count(*) FROM tracks) AS tracks, "
                        "(SELECT count(*) FROM events WHERE ST_IsValid(geom) = 1) AS events_valid, "
                        "(SELECT count(*) FROM events) AS events, "
                        "(SELECT count(*) FROM event_paths WHERE ST_IsValid(geom) = 1) AS paths_valid, "
                        "(SELECT count(*) FROM event_paths) AS paths"),
         gpkg});
    const auto value = [&valid](const char *name) {
        const QRegularExpression re(
            QStringLiteral("%1 \\(Integer\\) = (\\d+)").arg(QString::fromLatin1(name)));
        return re.match(valid).captured(1).toInt();
    };
    INFO(valid.toStdString());
    CHECK(value("tracks") == 8);
    CHECK(value("tracks_valid") == value("tracks"));
    CHECK(value("events") > 100);
    CHECK(value("events_valid") == value("events"));
    CHECK(value("paths") > 0);
    CHECK(value("paths_valid") == value("paths"));
    const QString tracks = tool(QStringLiteral("ogrinfo"), {QStringLiteral("-ro"), QStringLiteral("-so"),
                                                            gpkg, QStringLiteral("tracks")});
    CHECK(tracks.contains(QStringLiteral("Geometry: Line String")));
    CHECK(tracks.contains(QStringLiteral("start_time: DateTime")));

    // GeoJSON on stdout: the sightings of early October only, in the Rajin–Tumangang box.
    const Run json = exportCase({QStringLiteral("-o"), QStringLiteral("-"), QStringLiteral("--what"),
                                 QStringLiteral("sightings,events"), QStringLiteral("--time"),
                                 QStringLiteral("2023-10-01/2023-10-20"), QStringLiteral("--extent"),
                                 QStringLiteral("129.5,41.5,131.5,43.0")});
    INFO(json.err.toStdString());
    REQUIRE(json.exitCode == 0);
    const QJsonObject collection = QJsonDocument::fromJson(json.out.toUtf8()).object();
    const QJsonArray features = collection[QStringLiteral("features")].toArray();
    CHECK(!features.isEmpty());
    for (const QJsonValue &f : features) {
        const QString layer = f[QStringLiteral("properties")][QStringLiteral("layer")].toString();
        CHECK((layer.startsWith(QLatin1String("sightings")) || layer.startsWith(QLatin1String("event"))));
        if (layer.startsWith(QLatin1String("sightings"))) {
            const QString observed =
                f[QStringLiteral("properties")][QStringLiteral("observed_at")].toString();
            CHECK(observed >= QStringLiteral("2023-10-01"));
            CHECK(observed <= QStringLiteral("2023-10-21"));
        }
    }

    const QString fgb = dir.filePath(QStringLiteral("case.fgb"));
    const Run f =
        exportCase({QStringLiteral("-o"), fgb, QStringLiteral("--what"), QStringLiteral("tracks,events")});
    INFO(f.err.toStdString());
    REQUIRE(f.exitCode == 0);
    for (const char *table : {"case-tracks.fgb", "case-events.fgb", "case-event_paths.fgb"}) {
        const QString info = tool(QStringLiteral("ogrinfo"),
                                  {QStringLiteral("-ro"), QStringLiteral("-al"), QStringLiteral("-so"),
                                   dir.filePath(QString::fromLatin1(table))});
        CHECK(info.contains(QStringLiteral("FlatGeobuf")));
        CHECK(totalFeatures(info) > 0);
    }
    CHECK_FALSE(QFile::exists(dir.filePath(QStringLiteral("case-sightings.fgb"))));
}

TEST_CASE("export: mistakes and empty selections say what is wrong", "[e2e][export]")
{
    QTemporaryDir dir;
    Run r = exportCase({QStringLiteral("-o"), dir.filePath(QStringLiteral("case.shp"))});
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(QStringLiteral("cannot tell the format")));
    r = exportCase({QStringLiteral("-o"), dir.filePath(QStringLiteral("x.kmz")), QStringLiteral("--what"),
                    QStringLiteral("tracks,ships")});
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(QStringLiteral("'ships' is not a layer")));
    r = exportCase({QStringLiteral("-o"), dir.filePath(QStringLiteral("x.kmz")), QStringLiteral("--time"),
                    QStringLiteral("2030-01-01/2030-01-02")});
    CHECK(r.exitCode == 1);
    CHECK(r.err.contains(QStringLiteral("nothing to export")));
    CHECK_FALSE(QFile::exists(dir.filePath(QStringLiteral("x.kmz"))));
    r = exportCase(
        {QStringLiteral("-o"), QStringLiteral("-"), QStringLiteral("--format"), QStringLiteral("gpkg")});
    CHECK(r.exitCode == 2);
}
