#include <catch2/catch.hpp>

#include "berthscenario.h"
#include "project/project.h"
#include "sightlineprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace sightline;
using namespace sightline::test;

namespace {
int countOf(const QJsonObject &doc, const QString &type)
{
    int n = 0;
    for (const QJsonValue &e : doc.value(QStringLiteral("events")).toArray())
        n += e.toObject().value(QStringLiteral("type")).toString() == type;
    return n;
}
} // namespace

TEST_CASE(
    "analyze cleans first: a berth stay with a fix 3,800 km away is one call, and the cleaning is recorded",
    "[e2e][analyze][cleaning]")
{
    QTemporaryDir dir;
    const auto [csv, ports] = BerthScenario::write(dir.path());
    REQUIRE(!csv.isEmpty());
    const QString project = dir.filePath(QStringLiteral("berth.gpkg"));
    Run r = runSightline({QStringLiteral("project"), QStringLiteral("create"), project, ports});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    r = runSightline(
        {QStringLiteral("ais"), QStringLiteral("import"), csv, QStringLiteral("--project"), project});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    auto analyze = [&](const QString &kind, const QStringList &more) {
        return runSightline(QStringList{QStringLiteral("analyze"), kind, QStringLiteral("--project"), project,
                                        QStringLiteral("--format"), QStringLiteral("json")} +
                            more);
    };

    r = analyze(QStringLiteral("port-calls"), {QStringLiteral("--save")});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
    CHECK(countOf(doc, QStringLiteral("port-call")) == 1);
    const QJsonObject cleaning =
        doc.value(QStringLiteral("parameters")).toObject().value(QStringLiteral("cleaning")).toObject();
    CHECK(cleaning.value(QStringLiteral("enabled")).toBool());
    CHECK(cleaning.value(QStringLiteral("max_speed_kn")).toDouble() == 50);
    CHECK(cleaning.value(QStringLiteral("min_jump_km")).toDouble() == 1);
    for (const QJsonValue &e : doc.value(QStringLiteral("events")).toArray())
        CHECK(e.toObject()
                  .value(QStringLiteral("parameters"))
                  .toObject()
                  .value(QStringLiteral("cleaning"))
                  .toObject() == cleaning);
    CHECK(r.err.contains(QStringLiteral("Cleaning: 1 positions set aside (1 outlier) and not used")));

    // Without the cleaning the bad fix splits the stay in two, and makes a voyage from the port to itself.
    r = analyze(QStringLiteral("port-calls"), {QStringLiteral("--no-clean")});
    REQUIRE(r.exitCode == 0);
    doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
    CHECK(countOf(doc, QStringLiteral("port-call")) == 2);
    CHECK_FALSE(doc.value(QStringLiteral("parameters"))
                    .toObject()
                    .value(QStringLiteral("cleaning"))
                    .toObject()
                    .value(QStringLiteral("enabled"))
                    .toBool());
    r = analyze(QStringLiteral("voyages"), {QStringLiteral("--no-clean")});
    REQUIRE(r.exitCode == 0);
    CHECK(countOf(QJsonDocument::fromJson(r.out.toUtf8()).object(), QStringLiteral("voyage")) == 1);

    // A threshold from the command line is the one recorded with the saved run.
    r = analyze(QStringLiteral("voyages"),
                {QStringLiteral("--clean-max-speed"), QStringLiteral("80"), QStringLiteral("--save")});
    REQUIRE(r.exitCode == 0);
    CHECK(countOf(QJsonDocument::fromJson(r.out.toUtf8()).object(), QStringLiteral("voyage")) == 0);
    auto opened = Project::open(project, Project::Mode::ReadOnly, nullptr);
    REQUIRE(opened);
    const QList<AnalysisRun> runs = opened->analysisRuns();
    REQUIRE(runs.size() == 2);
    CHECK(runs.first()
              .parameters.value(QStringLiteral("cleaning"))
              .toObject()
              .value(QStringLiteral("max_speed_kn"))
              .toDouble() == 50);
    CHECK(runs.last()
              .parameters.value(QStringLiteral("cleaning"))
              .toObject()
              .value(QStringLiteral("max_speed_kn"))
              .toDouble() == 80);
    int calls = 0;
    for (const MovementEvent &e : opened->events())
        calls += e.type == EventType::PortCall;
    CHECK(calls == 1);

    // The option is in the help of every analysis.
    r = runSightline({QStringLiteral("analyze"), QStringLiteral("loitering"), QStringLiteral("--help")});
    CHECK(r.out.contains(QStringLiteral("--clean-max-speed")));
    CHECK(r.out.contains(QStringLiteral("--no-clean")));
}
