#include <catch2/catch.hpp>

#include "sightlineprocess.h"

#include "project/project.h"

#include "tracks/trackgeopackage.h"
#include "tracks/trackstore.h"
#include "tracks/vesselregistry.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

using namespace sightline;

namespace {
using test::Run;

Run run(const QStringList &args)
{
    return test::runSightline(args);
}

const QString kDemoAis = QStringLiteral(SIGHTLINE_DEMO_DIR "/ais/case_rajin_dunai_2023_SIMULATED.nmea");
const QString kDma = QStringLiteral(SIGHTLINE_TEST_DATA_DIR "/tracks/test_aisdk_20180208_sample.csv");

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Another tool's GeoPackage: one table of its own, none of Sightline's.
void writeOtherGeoPackage(const QString &path)
{
    GDALAllRegister();
    GDALDriver *gpkg = GetGDALDriverManager()->GetDriverByName("GPKG");
    GDALDatasetUniquePtr ds(gpkg->Create(path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr));
    REQUIRE(ds);
    OGRLayer *l = ds->CreateLayer("field_notes", nullptr, wkbNone, nullptr);
    REQUIRE(l);
    OGRFieldDefn text("text", OFTString);
    REQUIRE(l->CreateField(&text) == OGRERR_NONE);
    OGRFeature f(l->GetLayerDefn());
    f.SetField("text", "keep me");
    REQUIRE(l->CreateFeature(&f) == OGRERR_NONE);
}

QString writeText(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    return path;
}
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
    CHECK(r.exitCode == 1);
    CHECK(r.err.contains(notGpkg));
    CHECK(r.err.contains(QStringLiteral("nothing was imported")));
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
    CHECK(r.err.contains(QStringLiteral("no column could be mapped to MMSI (mmsi)")));

    r = run({QStringLiteral("ais"), QStringLiteral("import"), kDemoAis});
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(QStringLiteral("no --project")));
}

TEST_CASE("ais import honours the lock another Sightline holds and leaves the file as it was",
          "[ais][e2e][bad-input]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("case.gpkg"));
    // This test process is the other writer: it holds the project open for writing.
    auto holder = Project::create(path, nullptr);
    REQUIRE(holder);
    const QByteArray before = fileBytes(path);
    const Run r =
        run({QStringLiteral("ais"), QStringLiteral("import"), kDemoAis, QStringLiteral("--project"), path});
    CHECK(r.exitCode == 1);
    CHECK(r.err.contains(QStringLiteral("in use by another Sightline (process %1").arg(QCoreApplication::applicationPid())));
    CHECK(r.out.isEmpty());
    CHECK(fileBytes(path) == before);
    holder.reset();
    CHECK(!TrackGeoPackage::hasTracks(path));
}

TEST_CASE("ais import makes a GeoPackage that is not a project into one only with --create",
          "[ais][e2e][bad-input]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notes.gpkg"));
    writeOtherGeoPackage(path);
    const QByteArray before = fileBytes(path);
    Run r = run({QStringLiteral("ais"), QStringLiteral("import"), kDemoAis, QStringLiteral("--project"), path});
    CHECK(r.exitCode == 1);
    CHECK(r.err.contains(path));
    CHECK(r.err.contains(QStringLiteral("--create")));
    CHECK(fileBytes(path) == before);
    CHECK(!Project::isProject(path));

    // Nothing kept from the file: even with --create it stays what it was.
    const QString junk = writeText(dir, QStringLiteral("junk.nmea"), "no AIS here\n!AIVDM,1,1,,A,zz,0*00\n");
    r = run({QStringLiteral("ais"), QStringLiteral("import"), junk, QStringLiteral("--project"), path,
             QStringLiteral("--create")});
    CHECK(r.exitCode == 1);
    CHECK(r.err.contains(QStringLiteral("no position was kept")));
    CHECK(fileBytes(path) == before);
    CHECK(!Project::isProject(path));

    r = run({QStringLiteral("ais"), QStringLiteral("import"), kDemoAis, QStringLiteral("--project"), path,
             QStringLiteral("--create")});
    INFO(r.err.toStdString());
    CHECK(r.exitCode == 0);
    CHECK(r.out.contains(QStringLiteral("+39118 positions")));
    CHECK(Project::isProject(path));
    // The other tool's table is still there.
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    REQUIRE(ds);
    CHECK(ds->GetLayerByName("field_notes"));
}

TEST_CASE("ais import exits 1 and makes no project when a file gives no position", "[ais][e2e][bad-input]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("new.gpkg"));
    const QString junk = writeText(dir, QStringLiteral("junk.nmea"), "no AIS here\n!AIVDM,1,1,,A,zz,0*00\n");
    Run r = run({QStringLiteral("ais"), QStringLiteral("import"), junk, QStringLiteral("--project"), path});
    CHECK(r.exitCode == 1);
    CHECK(r.err.contains(junk));
    CHECK(r.err.contains(QStringLiteral("no position was kept")));
    CHECK(!QFileInfo::exists(path));

    // Into an existing project: exit 1, nothing added, the project intact.
    REQUIRE(run({QStringLiteral("ais"), QStringLiteral("import"), kDemoAis, QStringLiteral("--project"), path})
                .exitCode == 0);
    const QByteArray before = fileBytes(path);
    r = run({QStringLiteral("ais"), QStringLiteral("import"), junk, QStringLiteral("--project"), path});
    CHECK(r.exitCode == 1);
    CHECK(fileBytes(path) == before);
    CHECK(TrackGeoPackage::imports(path).size() == 1);
}

TEST_CASE("ais import prints each file's line as it commits, so a killed run has said what it kept",
          "[ais][e2e]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("case.gpkg"));
    const QString small = writeText(dir, QStringLiteral("small.csv"), fileBytes(kDma));
    // A second log big enough to still be importing when the first file's line is read.
    const QString big = dir.filePath(QStringLiteral("big.nmea"));
    {
        const QByteArray demo = fileBytes(kDemoAis);
        QFile out(big);
        REQUIRE(out.open(QIODevice::WriteOnly));
        for (int i = 0; i < 30; ++i)
            out.write(demo);
    }
    QProcess p;
    p.start(QStringLiteral(SIGHTLINE_EXECUTABLE), {QStringLiteral("ais"), QStringLiteral("import"), small, big,
                                                  QStringLiteral("--project"), path});
    REQUIRE(p.waitForStarted());
    QByteArray out;
    while (!out.contains('\n') && p.state() == QProcess::Running) {
        p.waitForReadyRead(1000);
        out += p.readAllStandardOutput();
    }
    const bool stillRunning = p.state() == QProcess::Running;
    p.kill();
    p.waitForFinished();
    INFO(QString::fromUtf8(out + p.readAllStandardError()).toStdString());
    CHECK(stillRunning);
    CHECK(out.contains("+10 positions"));
    CHECK(out.contains(small.toUtf8()));
    CHECK(!out.contains(big.toUtf8()));
    // What the line says was committed is in the project; nothing of the killed file is.
    const auto imports = TrackGeoPackage::imports(path);
    REQUIRE(imports.size() == 1);
    CHECK(imports.first().sha256 == fileSha256(small));
    CHECK(imports.first().positions == 10);
}
