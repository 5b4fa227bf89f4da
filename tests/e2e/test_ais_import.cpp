#include <catch2/catch.hpp>

#include "sightlineprocess.h"

#include "project/project.h"

#include "tracks/trackgeopackage.h"
#include "tracks/trackstore.h"
#include "tracks/vesselregistry.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

using namespace sightline;

namespace {
using test::Run;

Run run(const QStringList &args)
{
    return test::runSightline(args);
}

const QString kDemoAis = QStringLiteral(SIGHTLINE_DEMO_DIR "/ais/case_rajin_dunai_2023_SIMULATED.nmea");
const QString kDma = QStringLiteral(SIGHTLINE_TEST_DATA_DIR "/tracks/test_aisdk_20180208_sample.csv");
} // namespace

TEST_CASE("ais import writes positions and vessels into a project GeoPackage, once per file", "[ais][e2e]")
{
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("case.gpkg"));
    Run r = run({QStringLiteral("ais"), QStringLiteral("import"), kDemoAis, kDma, QStringLiteral("--project"),
                 project});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.contains(QStringLiteral("+39118 positions, 8 vessels")));
    CHECK(r.out.contains(QStringLiteral("+10 positions")));
    // It is a project now: the workbench and render --project open it as one, tracks as a layer.
    CHECK(Project::isProject(project));
    CHECK(r.err.contains(QStringLiteral("positions kept")));

    // Read back: the same positions, and the vessels with their names and flags.
    TrackStore store;
    VesselRegistry registry;
    QString error;
    REQUIRE(TrackGeoPackage::read(project, store, registry, &error));
    CHECK(store.positionCount() == 39128);
    REQUIRE(store.track(273145020));
    CHECK(registry.find(273145020)->currentName() == QStringLiteral("ANGARA"));
    CHECK(registry.find(273145020)->imo == 9179842u);

    // The same log again adds nothing.
    r = run(
        {QStringLiteral("ais"), QStringLiteral("import"), kDemoAis, QStringLiteral("--project"), project});
    CHECK(r.exitCode == 0);
    CHECK(r.out.contains(QStringLiteral("was imported before")));
    TrackStore again;
    VesselRegistry againRegistry;
    REQUIRE(TrackGeoPackage::read(project, again, againRegistry, &error));
    CHECK(again.positionCount() == 39128);

    // And the project draws like any layer.
    const QString png = dir.filePath(QStringLiteral("p.png"));
    r = run({QStringLiteral("render"), project, QStringLiteral("--size"), QStringLiteral("400x300"),
             QStringLiteral("-o"), png});
    CHECK(r.exitCode == 0);
    CHECK(QFile::exists(png));
}

TEST_CASE("ais import refuses what it cannot do and leaves the project as it was", "[ais][e2e][bad-input]")
{
    QTemporaryDir dir;
    const QString notGpkg = dir.filePath(QStringLiteral("notes.gpkg"));
    {
        QFile f(notGpkg);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("my notes\n");
    }
    Run r = run(
        {QStringLiteral("ais"), QStringLiteral("import"), kDemoAis, QStringLiteral("--project"), notGpkg});
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(notGpkg));
    CHECK(r.err.contains(QStringLiteral("the project is unchanged")));
    QFile f(notGpkg);
    REQUIRE(f.open(QIODevice::ReadOnly));
    CHECK(f.readAll() == QByteArray("my notes\n"));

    const QString odd = dir.filePath(QStringLiteral("odd.csv"));
    {
        QFile o(odd);
        REQUIRE(o.open(QIODevice::WriteOnly));
        o.write("a,b,c,d\n1,2,3,4\n");
    }
    r = run({QStringLiteral("ais"), QStringLiteral("import"), odd, QStringLiteral("--project"),
             dir.filePath(QStringLiteral("p.gpkg"))});
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(QStringLiteral("match no known export")));

    r = run({QStringLiteral("ais"), QStringLiteral("import"), kDemoAis});
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(QStringLiteral("no --project")));
}
