#include "../catchstringmakers.h"

#include "project/project.h"
#include "project/projectschema.h"
#include "projecttampering.h"

#include <gdal_priv.h>

#include <QFile>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace sightline;
using namespace sightline::test;

namespace {

Sighting pits()
{
    Sighting s;
    s.kind = QStringLiteral("pits");
    s.geometry.lonLat = {QPointF(40.05, 45.85)};
    s.count = 12;
    s.observedAtMs = parseUtcIso(QStringLiteral("2023-10-01T08:00:00Z"));
    return s;
}

/// A project with a row in every table a write touches, closed.
QString makeProject(const QString &path)
{
    auto p = Project::create(path, nullptr);
    REQUIRE(p);
    REQUIRE(p->addSighting(pits()) > 0);
    Annotation a;
    a.type = Annotation::Type::Text;
    a.text = QStringLiteral("depot");
    a.lonLat = {QPointF(40.05, 45.85)};
    REQUIRE(p->addAnnotation(a) > 0);
    MovementEvent e;
    e.type = EventType::Gap;
    e.mmsi = 273145020;
    e.startMs = parseUtcIso(QStringLiteral("2023-08-20T00:00:00Z"));
    e.endMs = e.startMs + 3600 * 1000 * 30;
    e.from = QPointF(130.3, 42.2);
    e.to = QPointF(131.8, 43.1);
    REQUIRE(p->replaceEvents(QStringLiteral("gaps"), {EventType::Gap}, {e}, {}));
    REQUIRE(p->setBriefDefinition(QJsonObject{{QStringLiteral("title"), QStringLiteral("Case")}}));
    REQUIRE(p->setViews({SavedView{QStringLiteral("Rajin"), QRectF(130.2, 42.1, 0.3, 0.3)}}));
    return path;
}

ProjectSchemaCheck checkFile(const QString &path)
{
    const char *drivers[] = {"GPKG", nullptr};
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                              drivers, nullptr, nullptr));
    REQUIRE(ds);
    return checkProjectSchema(ds.get());
}

} // namespace

TEST_CASE("a new project has every table and column the schema lists, and its version", "[project][schema]")
{
    QTemporaryDir dir;
    const QString path = makeProject(dir.filePath(QStringLiteral("p.gpkg")));
    const ProjectSchemaCheck check = checkFile(path);
    CHECK(check.isProject);
    CHECK(check.version == kProjectSchemaVersion);
    CHECK(check.problems.isEmpty());
    CHECK(check.missingLater.isEmpty());
    auto p = Project::open(path, Project::Mode::ReadWrite, nullptr);
    REQUIRE(p);
    CHECK(!p->isReadOnly());
    CHECK(p->problems().isEmpty());
    CHECK(p->readOnlyReason().isEmpty());
}

TEST_CASE("each missing table or column, and a bad or newer version, opens read-only and refuses every write",
          "[project][schema][bad-input]")
{
    QTemporaryDir dir;
    const QString original = makeProject(dir.filePath(QStringLiteral("original.gpkg")));
    int tried = 0;
    for (const Tampering &t : schemaTamperings(true)) {
        if (!t.damage)
            continue;
        INFO(t.name.toStdString());
        const QString path = dir.filePath(QStringLiteral("t%1.gpkg").arg(++tried));
        REQUIRE(QFile::copy(original, path));
        REQUIRE(runSql(path, t.sql) == QString());
        const QByteArray before = fileHash(path);

        const ProjectSchemaCheck check = checkFile(path);
        CHECK(check.isProject);
        CHECK(check.problems.contains(t.expected));

        QString error;
        Project::OpenError reason = Project::OpenError::Failed;
        auto p = Project::open(path, Project::Mode::ReadWrite, &error, &reason);
        REQUIRE(p);
        CHECK(reason == Project::OpenError::None);
        CHECK(p->isReadOnly());
        CHECK(p->problems().contains(t.expected));
        CHECK(!QFile::exists(path + QStringLiteral(".lock"))); // only read: not even locked
        // Reading is safe whatever is missing.
        (void)p->layers();
        (void)p->views();
        (void)p->currentView();
        (void)p->sightings();
        (void)p->annotations();
        (void)p->events();
        (void)p->analysisRuns();
        (void)p->briefDefinition();
        (void)p->auditLog();
        (void)p->auditLog(1, QStringLiteral("sightings"));
        // Every write is refused with what is wrong, and nothing changes.
        CHECK(p->addSighting(pits()) == 0);
        CHECK(p->lastError().contains(t.expected));
        CHECK(p->lastError().contains(QStringLiteral("opened read-only, nothing is written")));
        CHECK(p->lastError().contains(path));
        CHECK(!p->replaceEvents(QStringLiteral("gaps"), {EventType::Gap}, {}, {}));
        CHECK(!p->setBriefDefinition(QJsonObject{{QStringLiteral("title"), QStringLiteral("Other")}}));
        CHECK(!p->setViews({}));
        CHECK(!p->setCurrentView(QRectF(1, 2, 3, 4)));
        CHECK(p->readOnlyReason() == p->lastError());
        p.reset();
        CHECK(fileHash(path) == before);
        // Nor may the tables be "completed" behind the user's back.
        CHECK(!Project::ensureSchema(path, &error));
        CHECK(error.contains(t.expected));
        CHECK(fileHash(path) == before);
    }
    CHECK(tried > 100);
}

TEST_CASE("a project from before a table existed is completed when opened for writing, not when read",
          "[project][schema]")
{
    QTemporaryDir dir;
    const QString original = makeProject(dir.filePath(QStringLiteral("original.gpkg")));
    for (const ProjectTableSpec &t : projectTables()) {
        if (!t.addedLater)
            continue;
        INFO(t.name);
        const QString path = dir.filePath(QStringLiteral("%1.gpkg").arg(QLatin1String(t.name)));
        REQUIRE(QFile::copy(original, path));
        REQUIRE(runSql(path, {QStringLiteral("DROP TABLE %1").arg(QLatin1String(t.name))}) == QString());
        CHECK(checkFile(path).missingLater == QStringList{QString::fromLatin1(t.name)});
        {
            auto reader = Project::open(path, Project::Mode::ReadOnly, nullptr);
            REQUIRE(reader);
            CHECK(reader->problems().isEmpty());
        }
        CHECK(checkFile(path).missingLater.size() == 1);
        auto writer = Project::open(path, Project::Mode::ReadWrite, nullptr);
        REQUIRE(writer);
        CHECK(!writer->isReadOnly());
        CHECK(writer->addSighting(pits()) > 0);
        writer.reset();
        CHECK(checkFile(path).missingLater.isEmpty());
        CHECK(checkFile(path).problems.isEmpty());
    }
}

TEST_CASE("garbage geometries are left out and reported, and the project stays writable",
          "[project][schema][bad-input]")
{
    QTemporaryDir dir;
    const QString original = makeProject(dir.filePath(QStringLiteral("original.gpkg")));
    for (const QString &blob : garbageGeometries()) {
        INFO(blob.toStdString());
        const QString path = dir.filePath(QStringLiteral("g.gpkg"));
        QFile::remove(path);
        REQUIRE(QFile::copy(original, path));
        REQUIRE(runSql(path, {QStringLiteral("UPDATE sightings SET geom = %1").arg(blob),
                              QStringLiteral("UPDATE annotations SET geom = %1").arg(blob),
                              QStringLiteral("UPDATE events SET geom = %1").arg(blob)}) == QString());
        auto p = Project::open(path, Project::Mode::ReadWrite, nullptr);
        REQUIRE(p);
        CHECK(!p->isReadOnly());
        CHECK(p->sightings().isEmpty());
        CHECK(p->annotations().isEmpty());
        const auto events = p->events();
        REQUIRE(events.size() == 1); // an event is its times and vessels; the line is only where
        CHECK(events.front().from == QPointF());
        const QStringList problems = p->problems();
        CHECK(problems.contains(QStringLiteral("table 'sightings' row 1: the geometry cannot be read (no "
                                               "geometry); left out")));
        CHECK(problems.contains(
            QStringLiteral("table 'annotations' row 1: not an annotation (unknown type or a "
                           "geometry that cannot be read); left out")));
        // Read twice, said once.
        (void)p->sightings();
        CHECK(p->problems().size() == problems.size());
        CHECK(p->addSighting(pits()) > 0);
        CHECK(p->sightings().size() == 1);
    }
}

TEST_CASE("a GeoPackage of another tool is not a project, even with tables named like ours",
          "[project][schema]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("other.gpkg"));
    {
        GDALDriver *gpkg = GetGDALDriverManager()->GetDriverByName("GPKG");
        GDALDatasetUniquePtr ds(gpkg->Create(path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr));
        REQUIRE(ds);
        REQUIRE(ds->CreateLayer("events", nullptr, wkbPoint, nullptr));
        REQUIRE(ds->CreateLayer("sightings", nullptr, wkbPoint, nullptr));
    }
    CHECK(!checkFile(path).isProject);
    CHECK(!Project::isProject(path));
    Project::OpenError reason = Project::OpenError::None;
    CHECK(!Project::open(path, Project::Mode::ReadOnly, nullptr, &reason));
    CHECK(reason == Project::OpenError::NotAProject);
}
