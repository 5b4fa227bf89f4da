#include <catch2/catch.hpp>

#include "sightlineprocess.h"

#include "project/project.h"
#include "project/sightinginterchange.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <signal.h>

using namespace sightline;

namespace {

using test::Run;

Run run(const QStringList &args)
{
    return test::runSightline(QStringList{QStringLiteral("sightings")} + args);
}

QList<Sighting> caseSightings()
{
    Sighting vessel;
    vessel.kind = QStringLiteral("vessel");
    vessel.geometry.lonLat = {QPointF(130.2965, 42.2415)};
    vessel.vesselMmsi = 273145020;
    vessel.vesselName = QStringLiteral("ANGARA");
    vessel.observedAtMs = parseUtcIso(QStringLiteral("2023-10-05T02:30:00.250Z"));
    vessel.sourceReliability = QLatin1Char('B');
    vessel.informationCredibility = 2;
    vessel.analyst = QStringLiteral("first analyst");
    vessel.tags = {QStringLiteral("Rajin"), QStringLiteral("dark")};

    Sighting cars;
    cars.kind = QStringLiteral("rail cars");
    cars.geometry.type = SightingGeometry::Type::MultiPoint;
    for (int i = 0; i < 4; ++i)
        cars.geometry.lonLat << QPointF(130.47 + i * 0.00013, 42.432 - i * 0.00007);
    cars.count = 4;
    cars.imagerySource = QStringLiteral("LC08_L1TP_114031_20231005");
    cars.imageryAcquiredMs = parseUtcIso(QStringLiteral("2023-10-05T02:13:00Z"));
    cars.imageryResolutionM = 15;

    Sighting pits;
    pits.kind = QStringLiteral("pits");
    pits.geometry.type = SightingGeometry::Type::Polygon;
    pits.geometry.lonLat = {QPointF(132.35, 42.85), QPointF(132.36, 42.85), QPointF(132.355, 42.86)};
    pits.notes = QStringLiteral("three pits, \"fresh\"\nТуманган, 두만강");
    return {vessel, cars, pits};
}

QString makeProject(const QString &path, const QList<Sighting> &sightings = {})
{
    QString error;
    auto project = Project::create(path, &error);
    if (!project)
        FAIL(error.toStdString());
    for (const Sighting &s : sightings)
        project->addSighting(s);
    return path;
}

QString write(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    return path;
}

/// What an import of another project's sighting should store: its fields, with this project's id and history.
Sighting asImported(Sighting s, const Sighting &stored)
{
    s.id = stored.id;
    s.createdMs = stored.createdMs;
    s.updatedMs = stored.updatedMs;
    s.version = stored.version;
    return s;
}

} // namespace

TEST_CASE("sightings export, import and list: every field survives the round trip through each format",
          "[sightings][e2e]")
{
    QTemporaryDir dir;
    const QString source = makeProject(dir.filePath(QStringLiteral("source.gpkg")), caseSightings());
    const QList<Sighting> original = Project::open(source, Project::Mode::ReadOnly, nullptr)->sightings();
    REQUIRE(original.size() == 3);

    for (const char *extension : {"geojson", "kml", "csv"}) {
        INFO(extension);
        const QString file = dir.filePath(QStringLiteral("out.") + QLatin1String(extension));
        Run r =
            run({QStringLiteral("export"), QStringLiteral("--project"), source, QStringLiteral("-o"), file});
        INFO(r.err.toStdString());
        REQUIRE(r.exitCode == 0);
        CHECK(r.err.contains(QStringLiteral("3 sightings written to '%1'").arg(file)));

        // Any GDAL reader sees the three features.
        {
            GDALDatasetUniquePtr ds(GDALDataset::FromHandle(
                GDALOpenEx(file.toUtf8().constData(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr)));
            REQUIRE(ds);
            CHECK(ds->GetLayer(0)->GetFeatureCount() == 3);
        }

        const QString target = makeProject(
            dir.filePath(QStringLiteral("target-") + QLatin1String(extension) + QStringLiteral(".gpkg")));
        r = run({QStringLiteral("import"), file, QStringLiteral("--project"), target});
        INFO(r.err.toStdString());
        REQUIRE(r.exitCode == 0);
        CHECK(r.out == QStringLiteral("added 1 Vessel: ANGARA\nadded 2 4 rail cars\nadded 3 Pits\n"));
        CHECK(r.err.contains(QStringLiteral("added 3 sightings from '%1'").arg(file)));

        const QList<Sighting> imported = Project::open(target, Project::Mode::ReadOnly, nullptr)->sightings();
        REQUIRE(imported.size() == 3);
        for (int i = 0; i < 3; ++i) {
            CHECK(imported[i].geometry == original[i].geometry);
            CHECK(imported[i] == asImported(original[i], imported[i]));
        }
        CHECK(imported[0].analyst == QStringLiteral("first analyst")); // who saw it, not who imported it

        r = run({QStringLiteral("list"), QStringLiteral("--project"), target});
        REQUIRE(r.exitCode == 0);
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        REQUIRE(lines.size() == 3);
        CHECK(lines[0] == QStringLiteral("1\tvessel\t2023-10-05T02:30:00.250Z\t0\tVessel: ANGARA"));
        CHECK(lines[1] == QStringLiteral("2\trail cars\t\t4\t4 rail cars"));
    }
}

TEST_CASE("sightings commands refuse bad input with exit 2 and say which file", "[sightings][e2e][bad-input]")
{
    QTemporaryDir dir;
    const QString project = makeProject(dir.filePath(QStringLiteral("p.gpkg")), caseSightings());
    const QString out = dir.filePath(QStringLiteral("out.geojson"));

    const QString missing = dir.filePath(QStringLiteral("missing.gpkg"));
    Run r = run({QStringLiteral("export"), QStringLiteral("--project"), missing, QStringLiteral("-o"), out});
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(QStringLiteral("'%1': no such file").arg(missing)));
    CHECK(!QFile::exists(out));

    const QString other = dir.filePath(QStringLiteral("roads.gpkg"));
    {
        GDALDriver *gpkg = GetGDALDriverManager()->GetDriverByName("GPKG");
        GDALDatasetUniquePtr ds(gpkg->Create(other.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr));
        REQUIRE(ds);
        REQUIRE(ds->CreateLayer("roads", nullptr, wkbLineString, nullptr));
    }
    r = run({QStringLiteral("export"), QStringLiteral("--project"), other, QStringLiteral("-o"), out});
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(QStringLiteral("'%1': a GeoPackage without Sightline's project tables").arg(other)));

    const QString corrupt =
        write(dir.filePath(QStringLiteral("corrupt.gpkg")), "SQLite format 3 and then garbage");
    r = run({QStringLiteral("list"), QStringLiteral("--project"), corrupt});
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(QStringLiteral("'%1': not a GeoPackage").arg(corrupt)));

    r = run({QStringLiteral("export"), QStringLiteral("--project"), project, QStringLiteral("-o"),
             dir.filePath(QStringLiteral("out.shp"))});
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(
        QStringLiteral("cannot tell the format of '%1'").arg(dir.filePath(QStringLiteral("out.shp")))));

    r = run({QStringLiteral("export"), QStringLiteral("--project"), project});
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(QStringLiteral("no -o OUT")));
    r = run({QStringLiteral("import"), QStringLiteral("--project"), project, QStringLiteral("--frobnicate")});
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(QStringLiteral("unknown option")));
    r = run({});
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(QStringLiteral("usage:")));

    // Inputs that are not sightings files.
    const QString garbage = write(dir.filePath(QStringLiteral("garbage.geojson")), "\x89PNG\r\n\x1a\n");
    r = run({QStringLiteral("import"), garbage, QStringLiteral("--project"), project});
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(QStringLiteral("'%1': not valid JSON").arg(garbage)));
    const QString text = write(dir.filePath(QStringLiteral("notes.txt")), "not sightings");
    r = run({QStringLiteral("import"), text, QStringLiteral("--project"), project});
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(QStringLiteral("'%1': unknown format").arg(text)));
    r = run({QStringLiteral("import"), text, QStringLiteral("--project"), missing});
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(QStringLiteral("'%1': no such file").arg(missing)));
    CHECK(Project::open(project, Project::Mode::ReadOnly, nullptr)->sightings().size() == 3);

    // Some features unreadable: the others are stored, the bad ones named, exit 1.
    const QString mixed = write(dir.filePath(QStringLiteral("mixed.geojson")),
                                R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"kind":"pits"},"geometry":{"type":"Point","coordinates":[1,2]}},
{"type":"Feature","properties":{"kind":"pits","observed_at":"last Tuesday"},"geometry":{"type":"Point","coordinates":[1,2]}},
{"type":"Feature","properties":{"kind":"pits"},"geometry":null}]})");
    r = run({QStringLiteral("import"), mixed, QStringLiteral("--project"), project});
    CHECK(r.exitCode == 1);
    CHECK(r.out == QStringLiteral("added 4 Pits\n"));
    CHECK(r.err.contains(
        QStringLiteral("'%1' feature 2: observed_at 'last Tuesday' is not a time").arg(mixed)));
    CHECK(r.err.contains(QStringLiteral("'%1' feature 3: no geometry; skipped").arg(mixed)));
    CHECK(r.err.contains(QStringLiteral("added 1 sighting from '%1', skipped 2").arg(mixed)));

    // Another instance has the project open for writing: nothing is written.
    {
        auto holder = Project::open(project, Project::Mode::ReadWrite, nullptr);
        REQUIRE(holder);
        r = run({QStringLiteral("import"), mixed, QStringLiteral("--project"), project});
        CHECK(r.exitCode == 2);
        CHECK(r.err.contains(QStringLiteral("'%1': in use by another Sightline").arg(project)));
        CHECK(r.err.contains(QStringLiteral("close it there first")));
        CHECK(r.out.isEmpty());
        // Reading needs no lock.
        r = run({QStringLiteral("export"), QStringLiteral("--project"), project, QStringLiteral("-o"), out});
        CHECK(r.exitCode == 0);
    }
    CHECK(Project::open(project, Project::Mode::ReadOnly, nullptr)->sightings().size() == 4);
}

TEST_CASE("a killed import loses nothing it reported, and the project stays a valid GeoPackage",
          "[sightings][e2e][crash]")
{
    QElapsedTimer clock;
    clock.start();
    QTemporaryDir dir;
    const QString project = makeProject(dir.filePath(QStringLiteral("case.gpkg")));
    // Many more sightings than are written before the kill, each with a title of its own.
    constexpr int kTotal = 20000;
    QList<Sighting> many;
    many.reserve(kTotal);
    for (int i = 0; i < kTotal; ++i) {
        Sighting s;
        s.kind = QStringLiteral("vessel");
        s.vesselName = QStringLiteral("SHIP %1").arg(i);
        s.geometry.lonLat = {QPointF(130 + (i % 1000) * 1e-4, 42 + (i / 1000) * 1e-3)};
        s.observedAtMs = 1696471980000 + i * 1000LL;
        s.notes = QStringLiteral("seen at the quay, ünïcode %1").arg(i);
        many << s;
    }
    const QString file = dir.filePath(QStringLiteral("many.geojson"));
    REQUIRE(exportSightings(many, file, SightingFormat::GeoJson, nullptr));

    // Killed mid-way, as a crash or a power cut would stop it, several times over: a kill
    // often lands inside a transaction, leaving SQLite's journal for the next open to roll back.
    QHash<std::int64_t, QString> reported;
    int midTransaction = 0;
    for (int round = 0; round < 4; ++round) {
        INFO("round " << round);
        QProcess import;
        import.start(QStringLiteral(SIGHTLINE_EXECUTABLE),
                     {QStringLiteral("sightings"), QStringLiteral("import"), file,
                      QStringLiteral("--project"), project});
        REQUIRE(import.waitForStarted(10000));
        QByteArray out;
        while (out.count('\n') < 150 && import.state() == QProcess::Running && import.waitForReadyRead(20000))
            out += import.readAllStandardOutput();
        INFO(import.readAllStandardError().toStdString());
        REQUIRE(import.state() == QProcess::Running);
        REQUIRE(::kill(pid_t(import.processId()), SIGKILL) == 0);
        REQUIRE(import.waitForFinished(10000));
        CHECK(import.exitStatus() == QProcess::CrashExit);
        out += import.readAllStandardOutput();
        if (QFile::exists(project + QStringLiteral("-journal")))
            ++midTransaction;

        // Every complete line is a sighting that was committed before it was printed.
        static const QRegularExpression added(QStringLiteral("^added (\\d+) (.*)$"));
        const QList<QByteArray> lines = out.split('\n');
        REQUIRE(lines.size() > 150);
        for (qsizetype i = 0; i + 1 < lines.size(); ++i) { // the last piece may be cut off
            const QRegularExpressionMatch m = added.match(QString::fromUtf8(lines[i]));
            REQUIRE(m.hasMatch());
            reported.insert(m.captured(1).toLongLong(), m.captured(2));
        }

        // Straight after the kill a read-only look (which takes no lock) already sees them all.
        const Run list = run({QStringLiteral("list"), QStringLiteral("--project"), project});
        INFO(list.err.toStdString());
        REQUIRE(list.exitCode == 0);
        QHash<std::int64_t, QString> listed;
        for (const QString &line : list.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            listed.insert(line.section(QLatin1Char('\t'), 0, 0).toLongLong(),
                          line.section(QLatin1Char('\t'), 4));
        int lost = 0;
        for (auto it = reported.cbegin(); it != reported.cend(); ++it)
            if (listed.value(it.key()) != it.value())
                ++lost;
        CHECK(lost == 0);
    }
    REQUIRE(reported.size() >= 4 * 150);

    // The dead process's lock is stale: the project opens for writing again.
    QString error;
    Project::OpenError reason = Project::OpenError::None;
    auto reopened = Project::open(project, Project::Mode::ReadWrite, &error, &reason);
    INFO(error.toStdString());
    REQUIRE(reopened);
    std::int64_t stored = 0;
    {
        const QList<Sighting> sightings = reopened->sightings();
        stored = sightings.size();
        CHECK(stored >= reported.size());
        QHash<std::int64_t, QString> titles;
        for (const Sighting &s : sightings)
            titles.insert(s.id, s.title());
        int missing = 0;
        for (auto it = reported.cbegin(); it != reported.cend(); ++it)
            if (titles.value(it.key()) != it.value())
                ++missing;
        CHECK(missing == 0);
        CHECK(titles.value(1) == QStringLiteral("Vessel: SHIP 0"));
        // Each sighting and its audit line went in one transaction: never one without the other.
        CHECK(reopened->auditLog().size() == stored);
    }
    reopened.reset();

    // A valid GeoPackage for GDAL (and so QGIS), SQLite's own check included.
    const char *gpkgOnly[] = {"GPKG", nullptr};
    GDALDatasetUniquePtr ds(GDALDataset::FromHandle(GDALOpenEx(
        project.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, gpkgOnly, nullptr, nullptr)));
    REQUIRE(ds);
    OGRLayer *check = ds->ExecuteSQL("PRAGMA integrity_check", nullptr, nullptr);
    REQUIRE(check);
    {
        OGRFeatureUniquePtr row{check->GetNextFeature()};
        REQUIRE(row);
        CHECK(QString::fromUtf8(row->GetFieldAsString(0)) == QStringLiteral("ok"));
    }
    ds->ReleaseResultSet(check);
    OGRLayer *sightings = ds->GetLayerByName("sightings");
    REQUIRE(sightings);
    CHECK(sightings->GetFeatureCount() == stored);
    WARN("4 kills, " << midTransaction << " inside a transaction; " << reported.size() << " reported, "
                     << stored << " stored; " << clock.elapsed() << " ms");
}

TEST_CASE("a CSV row with a 10 MB cell is reported by file and row, the rows after it imported, exit 1",
          "[sightings][e2e][bad-input]")
{
    QTemporaryDir dir;
    const QString project = makeProject(dir.filePath(QStringLiteral("p.gpkg")), {});
    const QString csv = write(dir.filePath(QStringLiteral("big.csv")),
                              "WKT,kind,notes\r\n\"POINT (1 2)\",pits,first\r\n\"POINT (1 2)\",pits,\"" +
                                  QByteArray(10 * 1024 * 1024, 'x') +
                                  "\"\r\n\"POINT (3 4)\",pits,third\r\n\"POINT (5 6)\",vessel,fourth\r\n");
    const Run r = run({QStringLiteral("import"), csv, QStringLiteral("--project"), project});
    CHECK(r.exitCode == 1);
    CHECK(r.err.contains(QStringLiteral("'%1' row 3: field 'notes' is 10485760 characters long").arg(csv)));
    CHECK(r.err.contains(QStringLiteral("added 3 sightings from '%1', skipped 1").arg(csv)));
    CHECK(r.out.count(QStringLiteral("added ")) == 3);
    CHECK(Project::open(project, Project::Mode::ReadOnly, nullptr)->sightings().size() == 3);
}
