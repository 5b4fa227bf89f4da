// A project whose schema was tampered with, through every command that writes and the commands
// that read: never a crash, the damage named, and a refused write leaves the file byte for byte.

#include "../unit/catchstringmakers.h"

#include "project/project.h"
#include "projecttampering.h"
#include "sightlineprocess.h"

#include <QFile>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTextStream>

using namespace sightline;
using namespace sightline::test;

namespace {

const QString kDemo = QStringLiteral(SIGHTLINE_DEMO_DIR);

QString write(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    return path;
}

/// The first hours of the case's simulated AIS: enough for gaps, quick to import.
QString smallAisLog(const QTemporaryDir &dir)
{
    QFile in(kDemo + QStringLiteral("/ais/case_rajin_dunai_2023_SIMULATED.nmea"));
    REQUIRE(in.open(QIODevice::ReadOnly));
    QByteArray head;
    for (int i = 0; i < 3000 && !in.atEnd(); ++i)
        head += in.readLine();
    return write(dir.filePath(QStringLiteral("small.nmea")), head);
}

QString oneSighting(const QTemporaryDir &dir)
{
    return write(dir.filePath(QStringLiteral("one.geojson")),
                 R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"kind":"pits",)"
                 R"("count":4,"observed_at":"2023-10-01T08:00:00Z"},"geometry":{"type":"Point",)"
                 R"("coordinates":[40.05,45.85]}}]})");
}

/// A real project made by the command line: a ports layer, tracks, a sighting, saved gaps, a brief.
QString makeProject(const QTemporaryDir &dir)
{
    const QString project = dir.filePath(QStringLiteral("base.gpkg"));
    Run r = runSightline({QStringLiteral("project"), QStringLiteral("create"), project,
                          kDemo + QStringLiteral("/vector/ports_APPROXIMATE.geojson")});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    r = runSightline({QStringLiteral("ais"), QStringLiteral("import"), smallAisLog(dir),
                      QStringLiteral("--project"), project});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    r = runSightline({QStringLiteral("sightings"), QStringLiteral("import"), oneSighting(dir),
                      QStringLiteral("--project"), project});
    REQUIRE(r.exitCode == 0);
    r = runSightline({QStringLiteral("analyze"), QStringLiteral("gaps"), QStringLiteral("--project"), project,
                      QStringLiteral("--save")});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    auto p = Project::open(project, Project::Mode::ReadWrite, nullptr);
    REQUIRE(p);
    REQUIRE(p->setBriefDefinition(QJsonObject{{QStringLiteral("title"), QStringLiteral("Case")}}));
    return project;
}

struct Command
{
    QString name;
    QStringList args; ///< %P is the project
};

QList<Command> writers(const QTemporaryDir &dir)
{
    return {
        {QStringLiteral("sightings import"),
         {QStringLiteral("sightings"), QStringLiteral("import"), oneSighting(dir),
          QStringLiteral("--project"), QStringLiteral("%P")}},
        {QStringLiteral("analyze gaps --save"),
         {QStringLiteral("analyze"), QStringLiteral("gaps"), QStringLiteral("--project"),
          QStringLiteral("%P"), QStringLiteral("--save")}},
        {QStringLiteral("brief --store"),
         {QStringLiteral("brief"), QStringLiteral("--project"), QStringLiteral("%P"),
          QStringLiteral("--store"), QStringLiteral("-o"), dir.filePath(QStringLiteral("brief.pdf"))}},
    };
}

QList<Command> readers(const QTemporaryDir &dir)
{
    return {
        {QStringLiteral("project info"),
         {QStringLiteral("project"), QStringLiteral("info"), QStringLiteral("%P")}},
        {QStringLiteral("render --project"),
         {QStringLiteral("render"), QStringLiteral("--project"), QStringLiteral("%P"),
          QStringLiteral("--extent"), QStringLiteral("129,41,133,44"), QStringLiteral("--size"),
          QStringLiteral("64x64"), QStringLiteral("-o"), dir.filePath(QStringLiteral("map.png"))}},
    };
}

Run runOn(const Command &c, const QString &project)
{
    QStringList args = c.args;
    args.replaceInStrings(QStringLiteral("%P"), project);
    return runSightline(args);
}

} // namespace

TEST_CASE("every command that writes refuses a damaged or newer project with exit 1 and leaves it unchanged",
          "[e2e][project][schema][bad-input]")
{
    QTemporaryDir dir;
    const QString base = makeProject(dir);
    const QString path = dir.filePath(QStringLiteral("tampered.gpkg"));
    const QList<Command> commands = writers(dir);
    int refused = 0, columns = 0;
    for (const Tampering &t : schemaTamperings(false)) {
        // A dropped table or a bad version goes through every writer; the columns, one writer each in
        // turn (the unit tests send each through every write of Project), to keep the run short.
        QList<Command> targets = commands;
        if (t.name.startsWith(QLatin1String("drop column")))
            targets = {commands[columns++ % commands.size()]};
        for (const Command &c : std::as_const(targets)) {
            INFO(t.name.toStdString() << " / " << c.name.toStdString());
            QFile::remove(path);
            REQUIRE(QFile::copy(base, path));
            REQUIRE(runSql(path, t.sql) == QString());
            const QByteArray before = fileHash(path);
            const Run r = runOn(c, path);
            INFO(r.err.toStdString());
            CHECK(r.exitCode >= 0); // never a signal
            if (!t.damage) {        // an older project lacking a later table: completed, and written
                CHECK(r.exitCode == 0);
                CHECK(fileHash(path) != before);
                continue;
            }
            // brief keeps exit 2 for every failure; the refusal itself comes from the project.
            CHECK(r.exitCode == (c.name.startsWith(QLatin1String("brief")) ? 2 : 1));
            CHECK(r.err.contains(QStringLiteral("'%1': ").arg(path)));
            CHECK(r.err.contains(t.expected));
            CHECK(r.err.contains(QStringLiteral("opened read-only, nothing is written")));
            CHECK(r.out.isEmpty());
            CHECK(fileHash(path) == before);
            CHECK(!QFile::exists(path + QStringLiteral(".lock")));
            ++refused;
        }
    }
    CHECK(refused > 80);
}

TEST_CASE("the commands that read a damaged project still read it, and say what is wrong",
          "[e2e][project][schema][bad-input]")
{
    QTemporaryDir dir;
    const QString base = makeProject(dir);
    const QString path = dir.filePath(QStringLiteral("tampered.gpkg"));
    const QList<Command> commands = readers(dir);
    for (const Tampering &t : schemaTamperings(true)) {
        // Every table dropped, every column of the layers and sightings (what the readers show), the version.
        if (!t.damage ||
            !(t.name.startsWith(QLatin1String("drop table")) || t.name.contains(QLatin1String("version")) ||
              t.name.contains(QLatin1String("sightline_layers.")) ||
              t.name.contains(QLatin1String(" sightings."))))
            continue;
        QFile::remove(path);
        REQUIRE(QFile::copy(base, path));
        REQUIRE(runSql(path, t.sql) == QString());
        const QByteArray before = fileHash(path);
        for (const Command &c : commands) {
            INFO(t.name.toStdString() << " / " << c.name.toStdString());
            const Run r = runOn(c, path);
            INFO(r.err.toStdString());
            CHECK(r.exitCode >= 0);
            CHECK(r.exitCode <= 2);
            CHECK(r.err.contains(QStringLiteral("warning: '%1': %2").arg(path, t.expected)));
        }
        CHECK(fileHash(path) == before);
    }
}

TEST_CASE("garbage geometries in a project are reported by the commands that read it, never a crash",
          "[e2e][project][schema][bad-input]")
{
    QTemporaryDir dir;
    const QString base = makeProject(dir);
    const QString path = dir.filePath(QStringLiteral("garbage.gpkg"));
    QList<Command> commands = readers(dir);
    commands << writers(dir);
    for (const QString &blob : garbageGeometries()) {
        QFile::remove(path);
        REQUIRE(QFile::copy(base, path));
        REQUIRE(runSql(path, {QStringLiteral("UPDATE sightings SET geom = %1").arg(blob),
                              QStringLiteral("UPDATE events SET geom = %1").arg(blob)}) == QString());
        for (const Command &c : commands) {
            INFO(blob.toStdString() << " / " << c.name.toStdString());
            const Run r = runOn(c, path);
            INFO(r.err.toStdString());
            CHECK(r.exitCode >= 0);
            CHECK(r.exitCode <= 2);
            if (c.name == QLatin1String("project info")) {
                CHECK(r.out.contains(QStringLiteral("sightings\t0\n")));
                CHECK(r.err.contains(QStringLiteral("table 'sightings' row 1: the geometry cannot be read")));
            }
        }
    }
}

// `ais import` writes too, into the project it opens through Project::open.
TEST_CASE("ais import refuses a damaged or newer project and leaves it unchanged",
          "[e2e][project][schema][bad-input][ais-import]")
{
    QTemporaryDir dir;
    const QString base = makeProject(dir);
    const QString log = smallAisLog(dir);
    const QString path = dir.filePath(QStringLiteral("tampered.gpkg"));
    for (const Tampering &t : schemaTamperings(false)) {
        if (!t.damage)
            continue;
        INFO(t.name.toStdString());
        QFile::remove(path);
        REQUIRE(QFile::copy(base, path));
        REQUIRE(runSql(path, t.sql) == QString());
        const QByteArray before = fileHash(path);
        const Run r = runSightline(
            {QStringLiteral("ais"), QStringLiteral("import"), log, QStringLiteral("--project"), path});
        INFO(r.err.toStdString());
        CHECK(r.exitCode == 1);
        CHECK(r.err.contains(t.expected));
        CHECK(fileHash(path) == before);
    }
}
