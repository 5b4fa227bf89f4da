#include <catch2/catch.hpp>

#include "sightlineprocess.h"

#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

using namespace sightline::test;

namespace {

const QString kDemo = QStringLiteral(SIGHTLINE_DEMO_DIR);

Run must(const QStringList &args)
{
    const Run r = runSightline(args);
    INFO(args.join(QLatin1Char(' ')).toStdString() << "\n" << r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    return r;
}

QString pdfText(const QString &pdf, bool layout = false)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"),
            layout ? QStringList{QStringLiteral("-layout"), pdf, QStringLiteral("-")}
                   : QStringList{pdf, QStringLiteral("-")});
    REQUIRE(p.waitForFinished(60000));
    REQUIRE(p.exitCode() == 0);
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace

// The guide's steps (docs/guide.md) through the command line, each checked as a newcomer would
// check it: what the step promises is there. The same steps through the workbench are walked by
// the guide's screenshots program (tests/guide), which the test suite runs too.
TEST_CASE("the case end to end, as the guide walks it, through the command line", "[e2e][guide]")
{
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("case.gpkg"));

    // 1. The imagery and the maps of the case area, framed on Rajin – Vladivostok.
    must({QStringLiteral("project"), QStringLiteral("create"), project,
          kDemo + QStringLiteral("/basemap_fareast_landsea.tif"),
          kDemo + QStringLiteral("/vector/railways_APPROXIMATE.geojson"),
          kDemo + QStringLiteral("/vector/rail_facilities_APPROXIMATE.geojson"),
          kDemo + QStringLiteral("/vector/ports_APPROXIMATE.geojson"), QStringLiteral("--extent"),
          QStringLiteral("129.2,41.6,133.6,43.8")});

    // 2. The simulated AIS: its layer says it is simulated.
    must({QStringLiteral("ais"), QStringLiteral("import"),
          kDemo + QStringLiteral("/ais/case_rajin_dunai_2023_SIMULATED.nmea"), QStringLiteral("--project"),
          project});
    Run r = must({QStringLiteral("project"), QStringLiteral("info"), project});
    CHECK(r.out.contains(QStringLiteral("AIS tracks (SIMULATED)")));
    CHECK(r.out.contains(QStringLiteral("railways_APPROXIMATE")));

    // 3. The dark periods: ten per ship, every one heading toward Rajin.
    r = must({QStringLiteral("analyze"), QStringLiteral("gaps"), QStringLiteral("--project"), project,
              QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--save")});
    const QJsonArray gaps =
        QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("events")).toArray();
    CHECK(gaps.size() == 20);
    for (const QJsonValue &g : gaps)
        CHECK(g.toObject()
                  .value(QStringLiteral("details"))
                  .toObject()
                  .value(QStringLiteral("heading_toward"))
                  .toString() == QStringLiteral("Rajin (Rason) port"));

    // 4. Port calls: seen at Dunai, only possible (while dark) at Rajin.
    r = must({QStringLiteral("analyze"), QStringLiteral("port-calls"), QStringLiteral("--project"), project,
              QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--save")});
    int dunaiSeen = 0, rajinInferred = 0, rajinSeen = 0;
    for (const QJsonValue &v :
         QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("events")).toArray()) {
        const QJsonObject c = v.toObject();
        const QString place = c.value(QStringLiteral("place")).toString();
        const bool inferred =
            c.value(QStringLiteral("details")).toObject().value(QStringLiteral("inferred")).toBool();
        dunaiSeen += place.startsWith(QLatin1String("Dunai")) && !inferred ? 1 : 0;
        rajinInferred += place.startsWith(QLatin1String("Rajin")) && inferred ? 1 : 0;
        rajinSeen += place.startsWith(QLatin1String("Rajin")) && !inferred ? 1 : 0;
    }
    CHECK(dunaiSeen >= 20);
    CHECK(rajinInferred == 20);
    CHECK(rajinSeen == 0);

    // 5. Round trips Dunai ⇄ Rajin: ten each.
    r = must({QStringLiteral("analyze"), QStringLiteral("voyages"), QStringLiteral("--project"), project,
              QStringLiteral("--between"), QStringLiteral("Rajin,Dunai"), QStringLiteral("--save")});
    CHECK(r.err.contains(QStringLiteral("ANGARA (273145020): 10")));
    CHECK(r.err.contains(QStringLiteral("MARIA (273219530): 10")));

    // 6. The time window and cursor: where everyone was on 14 Oct 02:00 UTC.
    const QString at = dir.filePath(QStringLiteral("at.png"));
    must({QStringLiteral("render"), QStringLiteral("--project"), project, QStringLiteral("--time"),
          QStringLiteral("2023-10-01/2023-10-15"), QStringLiteral("--at"),
          QStringLiteral("2023-10-14T02:00Z"), QStringLiteral("--size"), QStringLiteral("800x500"),
          QStringLiteral("-o"), at});
    CHECK(QImage(at).size() == QSize(800, 500));

    // 7 and 8. A sighting and a count, saved in the project and there when it is opened again.
    const QString mine = dir.filePath(QStringLiteral("mine.geojson"));
    QFile file(mine);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(R"({"type": "FeatureCollection", "features": [
      {"type": "Feature", "geometry": {"type": "Point", "coordinates": [130.2965, 42.2415]},
       "properties": {"kind": "vessel", "vessel_name": "ANGARA", "observed_at": "2023-10-05T02:30:00Z",
                      "source_reliability": "B", "information_credibility": 2, "notes": "at the north quay"}},
      {"type": "Feature", "geometry": {"type": "MultiPoint", "coordinates": [[130.62, 42.40], [130.621, 42.40], [130.622, 42.40]]},
       "properties": {"kind": "rail cars", "count": 3, "observed_at": "2023-10-05T00:00:00Z"}}]})");
    file.close();
    must({QStringLiteral("sightings"), QStringLiteral("import"), mine, QStringLiteral("--project"), project});
    r = must({QStringLiteral("sightings"), QStringLiteral("list"), QStringLiteral("--project"), project});
    CHECK(r.out.contains(QStringLiteral("Vessel: ANGARA")));
    CHECK(r.out.contains(QStringLiteral("3 rail cars")));

    // 9. Measuring the rail distance is a workbench tool (the guide's screenshots program walks it).

    // 10. The brief: the case's, with the dark periods, the round trips and the sightings in its tables.
    const QString pdf = dir.filePath(QStringLiteral("brief.pdf"));
    r = must({QStringLiteral("brief"), QStringLiteral("--project"), project, QStringLiteral("--definition"),
              kDemo + QStringLiteral("/case-brief.json"), QStringLiteral("-o"), pdf});
    CHECK(QRegularExpression(QStringLiteral("[6-9]|1\\d pages")).match(r.err).hasMatch());
    const QString text = pdfText(pdf);
    CHECK(text.contains(QStringLiteral("ANGARA and MARIA")));
    const QString layout = pdfText(pdf, true);
    CHECK(QRegularExpression(QStringLiteral("^\\s*20\\s+Gap\\s"), QRegularExpression::MultilineOption)
              .match(layout)
              .hasMatch());
    CHECK(QRegularExpression(QStringLiteral("^\\s*20\\s+Round trip\\s"), QRegularExpression::MultilineOption)
              .match(layout)
              .hasMatch());
    CHECK(layout.contains(QStringLiteral("3 rail cars")));
    CHECK(layout.contains(QStringLiteral("Vessel: ANGARA")));
    // Every simulated or approximate source says so.
    CHECK(text.contains(QStringLiteral("AIS tracks (SIMULATED)")));
    CHECK(text.contains(QStringLiteral("simulated")));
    CHECK(text.contains(QStringLiteral("approximate")));
}
