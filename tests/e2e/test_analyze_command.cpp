#include <catch2/catch.hpp>

#include "aissentences.h"
#include "project/project.h"
#include "sightlineprocess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <map>
#include <tuple>

using namespace sightline;
using namespace sightline::test;

namespace {
const QString kDemo = QStringLiteral(SIGHTLINE_DEMO_DIR);

/// A project with the demo's ports and the simulated AIS of the case.
QString makeCaseProject(const QTemporaryDir &dir)
{
    const QString project = dir.filePath(QStringLiteral("case.gpkg"));
    Run r = runSightline({QStringLiteral("project"), QStringLiteral("create"), project,
                          kDemo + QStringLiteral("/vector/ports_APPROXIMATE.geojson")});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    r = runSightline({QStringLiteral("ais"), QStringLiteral("import"),
                      kDemo + QStringLiteral("/ais/case_rajin_dunai_2023_SIMULATED.nmea"),
                      QStringLiteral("--project"), project});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    return project;
}
} // namespace

TEST_CASE("analyze finds the case's dark periods and round trips and saves them with their parameters",
          "[e2e][analyze]")
{
    QTemporaryDir dir;
    const QString project = makeCaseProject(dir);

    Run r = runSightline({QStringLiteral("analyze"), QStringLiteral("gaps"), QStringLiteral("--project"),
                          project, QStringLiteral("--format"), QStringLiteral("json")});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    const QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
    const QJsonArray gaps = doc.value(QStringLiteral("events")).toArray();
    CHECK(gaps.size() == 20);
    for (const QJsonValue &g : gaps) {
        const QJsonObject o = g.toObject();
        CHECK((o.value(QStringLiteral("vessel")).toString() == QStringLiteral("ANGARA") ||
               o.value(QStringLiteral("vessel")).toString() == QStringLiteral("MARIA")));
        CHECK(o.value(QStringLiteral("duration_h")).toDouble() >= 12);
        CHECK(o.value(QStringLiteral("details"))
                  .toObject()
                  .value(QStringLiteral("heading_toward"))
                  .toString() == QStringLiteral("Rajin (Rason) port"));
    }
    CHECK(doc.value(QStringLiteral("parameters")).toObject().value(QStringLiteral("min_gap_h")).toDouble() ==
          12);

    // Thresholds change the answer: only the silences of 70 hours or more (ISO 8601 duration).
    r = runSightline({QStringLiteral("analyze"), QStringLiteral("gaps"), QStringLiteral("--project"), project,
                      QStringLiteral("--min-gap"), QStringLiteral("PT70H")});
    REQUIRE(r.exitCode == 0);
    const QStringList rows = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    REQUIRE(rows.size() > 1);
    CHECK(rows.first().startsWith(QStringLiteral("type,mmsi,vessel,")));
    CHECK(rows.size() - 1 < 20);
    CHECK(rows.size() - 1 > 0);

    // "At least five round trips between Rajin and Dunai", answered with evidence, and saved.
    const QStringList voyages = {
        QStringLiteral("analyze"),   QStringLiteral("voyages"),     QStringLiteral("--project"), project,
        QStringLiteral("--between"), QStringLiteral("Rajin,Dunai"), QStringLiteral("--save")};
    r = runSightline(voyages);
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    CHECK(r.err.contains(QStringLiteral("Round trips between Rajin (Rason) port and Dunai port: 20")));
    CHECK(r.err.contains(QStringLiteral("ANGARA (273145020): 10")));
    CHECK(r.err.contains(QStringLiteral("MARIA (273219530): 10")));
    CHECK(r.err.contains(
        QStringLiteral("Dunai port → Dunai port: 20 voyages, 2 vessels, 20 with a dark period")));
    // Run again: the saved answer is replaced, not doubled.
    REQUIRE(runSightline(voyages).exitCode == 0);

    auto opened = Project::open(project, Project::Mode::ReadOnly, nullptr);
    REQUIRE(opened);
    int trips = 0, voyageEvents = 0;
    for (const MovementEvent &e : opened->events()) {
        trips += e.type == EventType::RoundTrip;
        voyageEvents += e.type == EventType::Voyage;
        CHECK(e.parameters.value(QStringLiteral("max_speed_kn")).toDouble() == 15);
    }
    CHECK(trips == 20);
    CHECK(voyageEvents == 20);
    REQUIRE(opened->analysisRuns().size() == 2);
    CHECK(opened->analysisRuns().last().kind == QStringLiteral("voyages"));
    CHECK(opened->analysisRuns().last().eventCount == 40);
    int analyzeLines = 0;
    for (const AuditEntry &a : opened->auditLog())
        analyzeLines += a.action == QLatin1String("analyze");
    CHECK(analyzeLines == 2);
}

TEST_CASE("analyze names what is wrong with its arguments, ports and project", "[e2e][analyze]")
{
    QTemporaryDir dir;
    const QString project = makeCaseProject(dir);
    auto analyze = [&](QStringList args) {
        return runSightline(QStringList{QStringLiteral("analyze")} + args);
    };
    Run r = analyze({QStringLiteral("rendezvous"), QStringLiteral("--project"), project});
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(QStringLiteral("unknown analysis 'rendezvous'")));

    r = analyze({QStringLiteral("gaps"), QStringLiteral("--project"), project, QStringLiteral("--min-gap"),
                 QStringLiteral("soon")});
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(QStringLiteral("--min-gap: 'soon' is not a duration")));

    r = analyze({QStringLiteral("gaps"), QStringLiteral("--project"), project, QStringLiteral("--distance"),
                 QStringLiteral("500")});
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(QStringLiteral("unknown option --distance")));

    r = analyze({QStringLiteral("port-calls"), QStringLiteral("--project"), project,
                 QStringLiteral("--ports"), dir.filePath(QStringLiteral("nowhere.geojson"))});
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(QStringLiteral("nowhere.geojson': neither a file nor a layer of the project")));

    r = analyze({QStringLiteral("voyages"), QStringLiteral("--project"), project, QStringLiteral("--between"),
                 QStringLiteral("Atlantis,Dunai")});
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(QStringLiteral("no port called 'Atlantis'")));

    r = analyze({QStringLiteral("gaps"), QStringLiteral("--project"), project, QStringLiteral("--format"),
                 QStringLiteral("xml")});
    CHECK(r.exitCode == 2);

    // A project without tracks, and one without ports for an analysis that needs them.
    const QString empty = dir.filePath(QStringLiteral("empty.gpkg"));
    REQUIRE(runSightline({QStringLiteral("project"), QStringLiteral("create"), empty}).exitCode == 0);
    r = analyze({QStringLiteral("gaps"), QStringLiteral("--project"), empty});
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(QStringLiteral("holds no AIS tracks")));
    const QString noPorts = dir.filePath(QStringLiteral("noports.gpkg"));
    REQUIRE(runSightline({QStringLiteral("ais"), QStringLiteral("import"),
                          kDemo + QStringLiteral("/ais/case_rajin_dunai_2023_SIMULATED.nmea"),
                          QStringLiteral("--project"), noPorts})
                .exitCode == 0);
    r = analyze({QStringLiteral("port-calls"), QStringLiteral("--project"), noPorts});
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(QStringLiteral("no ports")));
    // Gaps need no ports: they are found, with no port distances.
    r = analyze({QStringLiteral("gaps"), QStringLiteral("--project"), noPorts});
    CHECK(r.exitCode == 0);
}

TEST_CASE("analyze gaps --save writes each dark period's likely cause into the project's events",
          "[e2e][analyze][reception]")
{
    // Two seas a degree apart. In the north, a ship falls silent for 14 hours among six ships at
    // anchor along its way that the coast station keeps hearing; in the south, one falls silent
    // while its six neighbours fall silent with it (its station heard nobody meanwhile).
    QTemporaryDir dir;
    const QString log = dir.filePath(QStringLiteral("two-seas.nmea"));
    {
        QFile f(log);
        REQUIRE(f.open(QIODevice::WriteOnly));
        const std::int64_t t0 = 1696118400; // 2023-10-01T00:00Z, seconds
        constexpr std::uint32_t kNorthDark = 273000001, kSouthDark = 273000002;
        std::string station;
        const auto line = [&](std::uint32_t mmsi, double lon, double lat, std::int64_t t) {
            f.write(aisLine(positionReport(mmsi, lon, lat, 10.0, 90.0), station, t).c_str());
        };
        // Each sea has its own coast station: the southern one heard nothing while its ships were silent.
        for (const auto &[dark, lat, neighboursSilent, receiver] :
             {std::tuple{kNorthDark, 43.3, false, "RX-North"},
              std::tuple{kSouthDark, 42.3, true, "RX-South"}}) {
            station = receiver;
            for (std::int64_t m = 0; m <= 120; m += 10) // 2 h east from 131.0°E, then silent
                line(dark, 131.0 + 0.005 * double(m) / 10, lat, t0 + m * 60);
            for (std::int64_t m = 16 * 60; m <= 18 * 60; m += 10) // back 14 h later, 1° further east
                line(dark, 132.06 + 0.005 * double(m - 16 * 60) / 10, lat, t0 + m * 60);
            for (int k = 0; k < 6; ++k)
                for (std::int64_t m = 0; m <= 18 * 60; m += 20) {
                    const bool meanwhile = m > 60 && m < 17 * 60;
                    if (!(neighboursSilent && meanwhile))
                        line(dark + 100 + std::uint32_t(k), 131.1 + 0.18 * k, lat + 0.02, t0 + m * 60);
                }
        }
    }
    const QString project = dir.filePath(QStringLiteral("two-seas.gpkg"));
    Run r = runSightline({QStringLiteral("project"), QStringLiteral("create"), project,
                          kDemo + QStringLiteral("/vector/ports_APPROXIMATE.geojson")});
    REQUIRE(r.exitCode == 0);
    r = runSightline(
        {QStringLiteral("ais"), QStringLiteral("import"), log, QStringLiteral("--project"), project});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    r = runSightline({QStringLiteral("analyze"), QStringLiteral("gaps"), QStringLiteral("--project"), project,
                      QStringLiteral("--save"), QStringLiteral("--switched-off-score"),
                      QStringLiteral("0.6")});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.contains(QStringLiteral("likely_cause")));

    auto opened = Project::open(project, Project::Mode::ReadOnly, nullptr);
    REQUIRE(opened);
    std::map<std::uint32_t, QString> causeOf;
    for (const MovementEvent &e : opened->events())
        if (e.type == EventType::Gap) {
            causeOf[e.mmsi] = e.details.value(QStringLiteral("likely_cause")).toString();
            CHECK(e.parameters.value(QStringLiteral("switched_off_score")).toDouble() == 0.6);
            CHECK(e.details.contains(QStringLiteral("disabling_score")));
        }
    CHECK(causeOf[273000001] == QStringLiteral("switched_off"));
    CHECK(causeOf[273000002] == QStringLiteral("out_of_coverage"));
    for (const MovementEvent &e : opened->events())
        if (e.mmsi == 273000001)
            CHECK(e.details.value(QStringLiteral("receivers_meanwhile")).toArray() ==
                  QJsonArray{QStringLiteral("RX-North")});
}
