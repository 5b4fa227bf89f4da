#include <catch2/catch.hpp>

#include "sightlineprocess.h"

#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QFileInfo>
#include <QTemporaryDir>

using namespace sightline::test;

namespace {

const QString kDemo = QStringLiteral(SIGHTLINE_DEMO_DIR);

/// A project with the demo's basemap, ports and sightings, made with the command line.
QString makeDemoProject(const QTemporaryDir &dir)
{
    const QString project = dir.filePath(QStringLiteral("case.gpkg"));
    Run r = runSightline({QStringLiteral("project"), QStringLiteral("create"), project,
                          kDemo + QStringLiteral("/basemap_fareast_landsea.tif"),
                          kDemo + QStringLiteral("/vector/ports_APPROXIMATE.geojson"), QStringLiteral("--extent"),
                          QStringLiteral("130.25,42.15,130.75,42.45")});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    r = runSightline({QStringLiteral("sightings"), QStringLiteral("import"),
                      kDemo + QStringLiteral("/sightings/case_sightings_ILLUSTRATIVE.geojson"),
                      QStringLiteral("--project"), project});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    return project;
}

QJsonDocument parsedJson(const Run &r)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.outBytes, &error);
    INFO(r.out.toStdString());
    REQUIRE(error.error == QJsonParseError::NoError);
    return doc;
}

} // namespace

TEST_CASE("project info and sightings list print JSON for scripts", "[e2e][project]")
{
    QTemporaryDir dir;
    const QString project = makeDemoProject(dir);

    Run r = runSightline({QStringLiteral("project"), QStringLiteral("info"), project, QStringLiteral("--format"),
                          QStringLiteral("json")});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    const QJsonObject info = parsedJson(r).object();
    CHECK(info.value(QStringLiteral("sightings")).toInt() == 8);
    const QJsonArray layers = info.value(QStringLiteral("layers")).toArray();
    REQUIRE(layers.size() == 2);
    CHECK(layers[1].toObject().value(QStringLiteral("name")).toString() == QStringLiteral("ports_APPROXIMATE"));
    CHECK(layers[1].toObject().value(QStringLiteral("access")).toString() == QStringLiteral("ok"));
    const QJsonObject view = info.value(QStringLiteral("view")).toObject();
    CHECK(view.value(QStringLiteral("west")).toDouble() == Approx(130.25));
    CHECK(view.value(QStringLiteral("north")).toDouble() == Approx(42.45));
    CHECK(info.value(QStringLiteral("receivers")).toArray().isEmpty());

    r = runSightline({QStringLiteral("sightings"), QStringLiteral("list"), QStringLiteral("--project"), project,
                      QStringLiteral("--format"), QStringLiteral("json")});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    const QJsonArray sightings = parsedJson(r).array();
    REQUIRE(sightings.size() == 8);
    int railCars = 0;
    for (const QJsonValue &v : sightings) {
        const QJsonObject s = v.toObject();
        CHECK(s.value(QStringLiteral("id")).toInt() > 0);
        CHECK(s.value(QStringLiteral("observed_at")).toString().endsWith(QLatin1Char('Z')));
        if (s.value(QStringLiteral("kind")).toString() == QStringLiteral("rail cars"))
            railCars = s.value(QStringLiteral("count")).toInt();
    }
    CHECK(railCars == 73);

    // The text stays the default, and a format that is neither is a usage mistake naming the option.
    r = runSightline({QStringLiteral("sightings"), QStringLiteral("list"), QStringLiteral("--project"), project});
    CHECK(r.exitCode == 0);
    CHECK(r.out.count(QLatin1Char('\n')) == 8);
    CHECK(r.out.contains(QStringLiteral("\trail cars\t")));
    r = runSightline({QStringLiteral("project"), QStringLiteral("info"), project, QStringLiteral("--format"),
                      QStringLiteral("xml")});
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(QStringLiteral("--format: 'xml'")));
    CHECK(r.out.isEmpty());
}

TEST_CASE("render -o - writes the PNG to stdout for a pipe", "[e2e][render]")
{
    QTemporaryDir dir;
    const QString project = makeDemoProject(dir);
    const Run r = runSightline({QStringLiteral("render"), QStringLiteral("--project"), project,
                                QStringLiteral("--size"), QStringLiteral("400x300"), QStringLiteral("-o"),
                                QStringLiteral("-")});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    REQUIRE(r.outBytes.startsWith("\x89PNG\r\n"));
    const QImage image = QImage::fromData(r.outBytes, "PNG");
    CHECK(image.size() == QSize(400, 300));
    CHECK(!QFileInfo::exists(QStringLiteral("-"))); // not a file named "-" in the working folder
}
