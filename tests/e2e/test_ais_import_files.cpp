// `ais import` of AIS files as they come: archives, folders, standard input, generic and
// preset CSV layouts, --columns and --time-format, and the exit codes.
#include <catch2/catch.hpp>

#include "sightlineprocess.h"

#include "tracks/trackgeopackage.h"
#include "tracks/trackstore.h"
#include "tracks/vesselregistry.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <cpl_vsi.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

using namespace sightline;

namespace {
using test::Run;

const QString kData = QStringLiteral(SIGHTLINE_TEST_DATA_DIR "/tracks/");
const QString kDemoAis = QStringLiteral(SIGHTLINE_DEMO_DIR "/ais/case_rajin_dunai_2023_SIMULATED.nmea");

Run run(const QStringList &args)
{
    return test::runSightline(args);
}

Run runWithInput(const QStringList &args, const QByteArray &input)
{
    QProcess p;
    p.start(QStringLiteral(SIGHTLINE_EXECUTABLE), args);
    REQUIRE(p.waitForStarted());
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(120000))
        p.kill();
    Run r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

void writeVsi(const QString &vsi, const QByteArray &bytes)
{
    GDALAllRegister();
    VSILFILE *f = VSIFOpenL(vsi.toUtf8().constData(), "wb");
    REQUIRE(f);
    VSIFWriteL(bytes.constData(), 1, std::size_t(bytes.size()), f);
    VSIFCloseL(f);
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

// The source_file of every import the project records.
QStringList recordedImports(const QString &project)
{
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(project.toUtf8().constData(), GDAL_OF_VECTOR));
    REQUIRE(ds);
    OGRLayer *imports = ds->GetLayerByName("sightline_imports");
    REQUIRE(imports);
    QStringList files;
    for (auto &f : imports)
        files << QString::fromUtf8(f->GetFieldAsString("source_file"));
    files.sort();
    return files;
}

std::size_t positionsIn(const QString &project)
{
    TrackStore store;
    VesselRegistry registry;
    QString error;
    REQUIRE(TrackGeoPackage::read(project, store, registry, &error));
    return store.positionCount();
}
} // namespace

TEST_CASE("ais import reads a zip, a gz, a tar.gz and a folder of daily files in one go",
          "[ais][e2e][archive]")
{
    QTemporaryDir dir;
    const QByteArray dma = fileBytes(kData + QStringLiteral("aisdk_2024_layout_sample.csv"));
    const QByteArray noaa = fileBytes(kData + QStringLiteral("noaa_marinecadastre_20230101_first40.csv"));
    const QByteArray nmea = fileBytes(kDemoAis).left(200000);
    const QString zip = dir.filePath(QStringLiteral("day.zip"));
    writeVsi(QStringLiteral("/vsizip/%1/aisdk-2024-01-01.csv").arg(zip), dma);
    writeVsi(QStringLiteral("/vsizip/%1/log.nmea").arg(zip), nmea); // NMEA inside an archive too
    const QString gz = dir.filePath(QStringLiteral("noaa.csv.gz"));
    writeVsi(QStringLiteral("/vsigzip/") + gz, noaa);
    writeFile(dir.filePath(QStringLiteral("t/mt.csv")),
              fileBytes(kData + QStringLiteral("marinetraffic_positions_sample.csv")));
    const QString tgz = dir.filePath(QStringLiteral("mt.tar.gz"));
    REQUIRE(QProcess::execute(QStringLiteral("tar"),
                              {QStringLiteral("-czf"), tgz, QStringLiteral("-C"),
                               dir.filePath(QStringLiteral("t")), QStringLiteral("mt.csv")}) == 0);
    const QString folder = dir.filePath(QStringLiteral("daily"));
    writeFile(folder + QStringLiteral("/gfw-2024-01-01.csv"),
              fileBytes(kData + QStringLiteral("gfw_ais_positions_sample.csv")));
    writeFile(folder + QStringLiteral("/gfw-2024-01-02.csv"),
              fileBytes(kData + QStringLiteral("gfw_training_sample.csv")));
    writeFile(folder + QStringLiteral("/SHA256SUMS"), "not a track\n");

    const QString project = dir.filePath(QStringLiteral("case.gpkg"));
    Run r = run({QStringLiteral("ais"), QStringLiteral("import"), zip, gz, tgz, folder,
                 QStringLiteral("--project"), project});
    INFO(r.err.toStdString());
    INFO(r.out.toStdString());
    REQUIRE(r.exitCode == 0);
    // Every inner file is named in the report and in the line of what it added.
    for (const QString &name :
         {zip + QStringLiteral("/aisdk-2024-01-01.csv"), zip + QStringLiteral("/log.nmea"),
          gz + QStringLiteral("/noaa.csv"), tgz + QStringLiteral("/mt.csv"),
          folder + QStringLiteral("/gfw-2024-01-01.csv"), folder + QStringLiteral("/gfw-2024-01-02.csv")}) {
        CAPTURE(name);
        CHECK(r.out.contains(QStringLiteral(" from ") + name + QLatin1Char('\n')));
        CHECK((r.err.contains(name + QStringLiteral(" (")) || r.err.contains(name + QStringLiteral(": "))));
    }
    CHECK(r.err.contains(QStringLiteral("(Danish Maritime Authority, times day/month/year")));
    CHECK(r.err.contains(QStringLiteral("(MarineTraffic export")));
    CHECK(r.err.contains(QStringLiteral("(Global Fishing Watch, times Unix seconds")));
    // The unpacked copies' paths are never shown: each mention of a file is of its archive's.
    // (QTemporaryDir's folders are named after the application.)
    CHECK_FALSE(r.err.contains(QDir::tempPath() + QStringLiteral("/sightline-"), Qt::CaseInsensitive));
    QStringList expected{folder + QStringLiteral("/gfw-2024-01-01.csv"),
                         folder + QStringLiteral("/gfw-2024-01-02.csv"),
                         zip + QStringLiteral("/aisdk-2024-01-01.csv"),
                         zip + QStringLiteral("/log.nmea"),
                         gz + QStringLiteral("/noaa.csv"),
                         tgz + QStringLiteral("/mt.csv")};
    expected.sort();
    CHECK(recordedImports(project) == expected);
    const std::size_t positions = positionsIn(project);
    CHECK(positions > 4 + 40 + 5 + 5 + 5);

    // Again: each inner file is known by its bytes, nothing is added.
    r = run(
        {QStringLiteral("ais"), QStringLiteral("import"), zip, folder, QStringLiteral("--project"), project});
    CHECK(r.exitCode == 0);
    CHECK(r.out.count(QStringLiteral("was imported before")) == 4);
    CHECK(positionsIn(project) == positions);
}

TEST_CASE("ais import of a damaged archive names the archive and the inner file and exits 2",
          "[ais][e2e][archive][bad-input]")
{
    QTemporaryDir dir;
    QByteArray rows = "mmsi,time,lat,lon\n";
    for (int i = 0; i < 20000; ++i)
        rows += "273145020," + QByteArray::number(1692100800 + i * 7) + ",42.3,131.0\n";
    const QString zip = dir.filePath(QStringLiteral("broken.zip"));
    writeVsi(QStringLiteral("/vsizip/%1/day.csv").arg(zip), rows);
    QByteArray bytes = fileBytes(zip);
    for (int i = 300; i < 500; ++i)
        bytes[i] = char(bytes[i] ^ 0x33);
    writeFile(zip, bytes);
    const QString project = dir.filePath(QStringLiteral("case.gpkg"));
    const Run r =
        run({QStringLiteral("ais"), QStringLiteral("import"), zip, QStringLiteral("--project"), project});
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(zip + QStringLiteral("/day.csv")));
    CHECK(r.err.contains(QStringLiteral("damaged")));
    CHECK_FALSE(QFile::exists(project));
}

TEST_CASE("ais import maps columns it cannot recognise with --columns and reads times with --time-format",
          "[ais][e2e][csv]")
{
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("odd.csv"));
    writeFile(csv, "when|vessel|north|east|knots\n"
                   "15.08.2023 12h00|273145020|42.30|131.00|10.5\n"
                   "15.08.2023 12h10|273145020|42.35|131.10|9.8\n");
    const QString project = dir.filePath(QStringLiteral("case.gpkg"));
    // Detection fails: the message names each field it could not map and the header's columns.
    Run r = run({QStringLiteral("ais"), QStringLiteral("import"), csv, QStringLiteral("--project"), project});
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(QStringLiteral("MMSI (mmsi)")));
    CHECK(r.err.contains(QStringLiteral("Latitude (lat)")));
    CHECK(r.err.contains(QStringLiteral("when, vessel, north, east, knots")));
    CHECK(r.err.contains(QStringLiteral("--columns")));
    CHECK_FALSE(QFile::exists(project));

    // Columns given, but the times are in no format detection knows.
    const QStringList columns = {QStringLiteral("--columns"),
                                 QStringLiteral("lat=north,lon=EAST,time=when,mmsi=2,sog=knots")};
    r = run(QStringList{QStringLiteral("ais"), QStringLiteral("import"), csv, QStringLiteral("--project"),
                        project} +
            columns);
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(QStringLiteral("'15.08.2023 12h00'")));
    CHECK(r.err.contains(QStringLiteral("--time-format")));

    r = run(QStringList{QStringLiteral("ais"), QStringLiteral("import"), csv, QStringLiteral("--project"),
                        project, QStringLiteral("--time-format"), QStringLiteral("%d.%m.%Y %Hh%M")} +
            columns);
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.contains(QStringLiteral("+2 positions")));
    TrackStore store;
    VesselRegistry registry;
    QString error;
    REQUIRE(TrackGeoPackage::read(project, store, registry, &error));
    REQUIRE(store.track(273145020));
    CHECK(store.track(273145020)->timeMs(0) == 1692100800000LL);
    CHECK(store.track(273145020)->sog(0) == Approx(10.5));

    // Wrong option values are usage errors.
    r = run({QStringLiteral("ais"), QStringLiteral("import"), csv, QStringLiteral("--project"), project,
             QStringLiteral("--time-format"), QStringLiteral("julian")});
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(QStringLiteral("iso, dmy, unix, unix-ms")));
    r = run({QStringLiteral("ais"), QStringLiteral("import"), csv, QStringLiteral("--project"),
             dir.filePath(QStringLiteral("other.gpkg")), QStringLiteral("--columns"),
             QStringLiteral("lat=nowhere")});
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(QStringLiteral("no column 'nowhere'")));
    // A field that does not exist is refused before any file, even one imported before.
    r = run({QStringLiteral("ais"), QStringLiteral("import"), csv, QStringLiteral("--project"), project,
             QStringLiteral("--columns"), QStringLiteral("foo=east")});
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(QStringLiteral("--columns: 'foo' is no field")));
    CHECK_FALSE(r.out.contains(QStringLiteral("imported before")));
}

TEST_CASE("ais import of an archive whose files are partly unreadable imports the rest and exits 1",
          "[ais][e2e][archive][bad-input]")
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("days"));
    writeFile(folder + QStringLiteral("/good.csv"), "mmsi,time,lat,lon\n"
                                                     "273145020,2023-10-14T00:00:00Z,42.30,131.00\n"
                                                     "273145020,2023-10-14T00:10:00Z,42.35,131.10\n"
                                                     "273145020,2023-10-14T00:20:00Z,42.40,131.20\n"
                                                     "273145020,banana,42.45,131.30\n");
    writeFile(folder + QStringLiteral("/notes.csv"), "who,what,where\nme,this,here\n");
    const QString project = dir.filePath(QStringLiteral("case.gpkg"));
    const Run r =
        run({QStringLiteral("ais"), QStringLiteral("import"), folder, QStringLiteral("--project"), project});
    INFO(r.err.toStdString());
    CHECK(r.exitCode == 1); // done in part: the good file is in, the other named
    CHECK(r.out.contains(QStringLiteral("+3 positions")));
    CHECK(r.err.contains(QStringLiteral("notes.csv")));
    CHECK(r.err.contains(QStringLiteral("time 'banana'"))); // one bad time is one rejected row
    CHECK(positionsIn(project) == 3);
}

TEST_CASE("ais import --time-format overrides what the first rows suggest", "[ais][e2e][csv]")
{
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("us.csv"));
    // Month first: 08/02 would be read day first (8 February) without the pattern.
    writeFile(csv, "MMSI,Date Time,LAT,LON\n273145020,08/02/2018 10:00:00,42.3,131.0\n");
    const QString project = dir.filePath(QStringLiteral("case.gpkg"));
    const Run r = run({QStringLiteral("ais"), QStringLiteral("import"), csv, QStringLiteral("--project"),
                       project, QStringLiteral("--time-format"), QStringLiteral("%m/%d/%Y %H:%M:%S")});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    TrackStore store;
    VesselRegistry registry;
    QString error;
    REQUIRE(TrackGeoPackage::read(project, store, registry, &error));
    CHECK(store.track(273145020)->timeMs(0) == 1533204000000LL); // 2018-08-02T10:00:00Z
}

TEST_CASE("ais import exits 1 when nothing is kept, from a CSV or an archive", "[ais][e2e][bad-input]")
{
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("bad.csv"));
    writeFile(
        csv,
        "mmsi,time,lat,lon\n12,2023-08-15T12:00:00Z,42.3,131.0\n273145020,2023-08-15T12:00:00Z,95,131\n");
    const QString project = dir.filePath(QStringLiteral("case.gpkg"));
    Run r = run({QStringLiteral("ais"), QStringLiteral("import"), csv, QStringLiteral("--project"), project});
    CHECK(r.exitCode == 1);
    CHECK(r.err.contains(QStringLiteral("no position was kept")));
    CHECK_FALSE(QFile::exists(project));

    const QString zip = dir.filePath(QStringLiteral("bad.zip"));
    writeVsi(QStringLiteral("/vsizip/%1/bad.csv").arg(zip), fileBytes(csv));
    r = run({QStringLiteral("ais"), QStringLiteral("import"), zip, QStringLiteral("--project"), project});
    CHECK(r.exitCode == 1);
    CHECK(r.err.contains(zip + QStringLiteral("/bad.csv")));

    // An empty folder holds nothing to import.
    QDir(dir.path()).mkdir(QStringLiteral("empty"));
    r = run({QStringLiteral("ais"), QStringLiteral("import"), dir.filePath(QStringLiteral("empty")),
             QStringLiteral("--project"), project});
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(QStringLiteral("holds no track file")));
    CHECK_FALSE(QFile::exists(project));
}

TEST_CASE("ais import - and ais decode - read standard input", "[ais][e2e][stdin]")
{
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("case.gpkg"));
    Run r = runWithInput({QStringLiteral("ais"), QStringLiteral("import"), QStringLiteral("-"),
                          QStringLiteral("--project"), project},
                         fileBytes(kData + QStringLiteral("gfw_ais_positions_sample.csv")));
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.contains(QStringLiteral("+5 positions")));
    CHECK(r.err.contains(QStringLiteral("stdin (Global Fishing Watch")));

    const QByteArray log = fileBytes(kDemoAis).left(100000);
    r = runWithInput({QStringLiteral("ais"), QStringLiteral("import"), QStringLiteral("-"),
                      QStringLiteral("--project"), project},
                     log);
    CHECK(r.exitCode == 0);
    CHECK(r.out.contains(QStringLiteral(" from stdin")));

    r = runWithInput({QStringLiteral("ais"), QStringLiteral("decode"), QStringLiteral("-")}, log);
    CHECK(r.exitCode == 0);
    const Run fromFile = [&] {
        const QString path = dir.filePath(QStringLiteral("head.nmea"));
        writeFile(path, log);
        return run({QStringLiteral("ais"), QStringLiteral("decode"), path});
    }();
    CHECK(r.out.size() > 1000);
    CHECK(r.out == fromFile.out);
}

TEST_CASE("ais import prints progress for a long file unless --quiet", "[ais][e2e][progress]")
{
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("long.csv"));
    {
        QByteArray rows = "mmsi,time,lat,lon,sog\n";
        for (int i = 0; i < 200000; ++i)
            rows += QByteArray::number(200000000 + i % 500) + ',' + QByteArray::number(1692100800 + i) +
                    ",42." + QByteArray::number(i % 97) + ",131." + QByteArray::number(i % 89) + ",10.5\n";
        writeFile(csv, rows);
    }
    // A quick import says nothing but its report.
    const QString project = dir.filePath(QStringLiteral("case.gpkg"));
    Run r = run({QStringLiteral("ais"), QStringLiteral("import"), csv, QStringLiteral("--project"), project});
    REQUIRE(r.exitCode == 0);
    CHECK_FALSE(r.err.contains(QStringLiteral("% read")));
    // As if it were slow: progress from the start, every time the reader reports.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SIGHTLINE_PROGRESS_MS"), QStringLiteral("0"));
    QFile::remove(project);
    r = test::runSightline(
        {QStringLiteral("ais"), QStringLiteral("import"), csv, QStringLiteral("--project"), project}, env);
    REQUIRE(r.exitCode == 0);
    CHECK(r.err.contains(csv + QStringLiteral(": 65536 rows")));
    CHECK(r.err.contains(QStringLiteral("rows/s")));
    QFile::remove(project);
    r = test::runSightline({QStringLiteral("ais"), QStringLiteral("import"), csv, QStringLiteral("--project"),
                            project, QStringLiteral("--quiet")},
                           env);
    REQUIRE(r.exitCode == 0);
    CHECK_FALSE(r.err.contains(QStringLiteral("rows/s")));
}
