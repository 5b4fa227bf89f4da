#include "../catchstringmakers.h"

#include "project/project.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>

using namespace sightline;

namespace {

Sighting railCarCount()
{
    Sighting s;
    s.kind = QStringLiteral("rail cars");
    s.geometry.type = SightingGeometry::Type::MultiPoint;
    for (int i = 0; i < 3; ++i)
        s.geometry.lonLat << QPointF(130.47 + i * 0.0001, 42.432);
    s.count = 3;
    s.observedAtMs = parseUtcIso(QStringLiteral("2023-10-05T02:13:00Z"));
    s.imagerySource = QStringLiteral("LC08_L1TP_114031_20231005");
    s.imageryProvider = QStringLiteral("USGS Landsat 8");
    s.imageryAcquiredMs = s.observedAtMs;
    s.imageryResolutionM = 15;
    s.sourceReliability = QLatin1Char('B');
    s.informationCredibility = 2;
    s.analyst = QStringLiteral("analyst one");
    s.notes = QStringLiteral("flat cars with containers, \"quoted\", ünïcode");
    s.tags = {QStringLiteral("Tumangang"), QStringLiteral("rail")};
    return s;
}

Sighting vesselAtQuay()
{
    Sighting s;
    s.kind = QStringLiteral("vessel");
    s.geometry.lonLat = {QPointF(130.30, 42.245)};
    s.vesselMmsi = 273000001;
    s.vesselName = QStringLiteral("ANGARA");
    s.observedAtMs = parseUtcIso(QStringLiteral("2023-08-20T01:30:00Z"));
    return s;
}

} // namespace

TEST_CASE("a project keeps layers, views and sightings across reopening", "[project]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("case.gpkg"));
    QDir(dir.path()).mkpath(QStringLiteral("imagery"));
    const QString image = dir.filePath(QStringLiteral("imagery/scene.tif"));
    QList<ProjectLayer> layers{
        {image, {}, QStringLiteral("Scene"), true, 0.8, QJsonObject{{QStringLiteral("k"), 1}}},
        {QStringLiteral("https://tiles.example/{z}/{x}/{y}.png"),
         {},
         QStringLiteral("Tiles"),
         false,
         1.0,
         {}},
        {dir.filePath(QStringLiteral("ports.gpkg")),
         QStringLiteral("harbours"),
         QStringLiteral("Ports"),
         true,
         1.0,
         {}}};
    const QList<SavedView> views{
        {QStringLiteral("Rajin"), QRectF(QPointF(130.2, 42.2), QPointF(130.4, 42.3))},
        {QStringLiteral("Dunai"), QRectF(QPointF(132.3, 42.8), QPointF(132.4, 42.9))}};
    std::int64_t countId = 0, vesselId = 0;
    {
        QString error;
        auto project = Project::create(path, &error);
        INFO(error.toStdString());
        REQUIRE(project);
        CHECK(project->title() == QStringLiteral("case"));
        REQUIRE(project->setLayers(layers));
        REQUIRE(project->setViews(views));
        REQUIRE(project->setCurrentView(QRectF(QPointF(130.1, 42.1), QPointF(130.9, 42.6))));
        countId = project->addSighting(railCarCount());
        vesselId = project->addSighting(vesselAtQuay());
        CHECK(countId > 0);
        CHECK(vesselId > countId);
        CHECK(!Project::create(path, &error));
        CHECK(error.contains(QStringLiteral("already exists")));
    }
    QString error;
    auto project = Project::open(path, Project::Mode::ReadWrite, &error);
    INFO(error.toStdString());
    REQUIRE(project);
    CHECK(project->layers() == layers);
    CHECK(project->views() == views);
    REQUIRE(project->currentView());
    CHECK(project->currentView()->left() == Approx(130.1));
    CHECK(project->currentView()->bottom() == Approx(42.6));
    const QList<Sighting> stored = project->sightings();
    REQUIRE(stored.size() == 2);
    Sighting want = railCarCount();
    want.id = countId;
    want.createdMs = stored[0].createdMs;
    want.updatedMs = stored[0].updatedMs;
    want.version = 1;
    CHECK(stored[0] == want);
    CHECK(stored[0].createdMs > 0);
    CHECK(stored[1].geometry.lonLat == QList<QPointF>{QPointF(130.30, 42.245)});
    CHECK(stored[1].vesselMmsi == 273000001u);
    CHECK(stored[1].title() == QStringLiteral("Vessel: ANGARA"));
    CHECK(stored[0].title() == QStringLiteral("3 rail cars"));
    CHECK(stored[0].grading() == QStringLiteral("B2"));
}

TEST_CASE("layer paths are stored relative to the project and found again when both move", "[project]")
{
    QTemporaryDir dir;
    QDir(dir.path()).mkpath(QStringLiteral("a/data"));
    const QString path = dir.filePath(QStringLiteral("a/case.gpkg"));
    {
        auto project = Project::create(path, nullptr);
        REQUIRE(project);
        REQUIRE(project->setLayers({{dir.filePath(QStringLiteral("a/data/scene.tif")),
                                     {},
                                     QStringLiteral("Scene"),
                                     true,
                                     1.0,
                                     {}}}));
    }
    // What QGIS or ogrinfo would read in the table: the relative path.
    {
        GDALDatasetUniquePtr ds(GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR));
        REQUIRE(ds);
        OGRLayer *table = ds->GetLayerByName("sightline_layers");
        REQUIRE(table);
        OGRFeatureUniquePtr f{table->GetNextFeature()};
        REQUIRE(f);
        CHECK(QString::fromUtf8(f->GetFieldAsString("source")) == QStringLiteral("data/scene.tif"));
    }
    REQUIRE(QDir(dir.path()).rename(QStringLiteral("a"), QStringLiteral("b")));
    auto project =
        Project::open(dir.filePath(QStringLiteral("b/case.gpkg")), Project::Mode::ReadOnly, nullptr);
    REQUIRE(project);
    CHECK(project->layers().value(0).source == dir.filePath(QStringLiteral("b/data/scene.tif")));
}

TEST_CASE("sighting edits bump the version, and every change is in the audit log", "[project]")
{
    QTemporaryDir dir;
    auto project = Project::create(dir.filePath(QStringLiteral("p.gpkg")), nullptr);
    REQUIRE(project);
    project->setAnalyst(QStringLiteral("tester"));
    const std::int64_t id = project->addSighting(vesselAtQuay());
    REQUIRE(id > 0);
    Sighting s = *project->sighting(id);
    CHECK(s.analyst == QStringLiteral("tester"));
    s.notes = QStringLiteral("moored at the coal quay");
    s.geometry.lonLat = {QPointF(130.301, 42.246)};
    REQUIRE(project->updateSighting(s));
    const Sighting edited = *project->sighting(id);
    CHECK(edited.version == 2);
    CHECK(edited.notes == s.notes);
    CHECK(edited.geometry.lonLat.first() == QPointF(130.301, 42.246));
    CHECK(edited.createdMs == s.createdMs);
    REQUIRE(project->removeSighting(id));
    CHECK(!project->sighting(id));
    CHECK(project->sightings().isEmpty());
    REQUIRE(project->restoreSighting(edited));
    CHECK(*project->sighting(id) == edited);
    CHECK(!project->restoreSighting(edited)); // never over another
    const QList<AuditEntry> history = project->auditLog(id);
    QStringList actions;
    for (const AuditEntry &e : history)
        actions << e.action;
    CHECK(actions == QStringList{QStringLiteral("add"), QStringLiteral("edit"), QStringLiteral("delete"),
                                 QStringLiteral("restore")});
    CHECK(history.value(1).user == QStringLiteral("tester"));
    CHECK(
        QJsonDocument::fromJson(history.value(1).details.toUtf8()).object().value(QStringLiteral("notes")) ==
        QStringLiteral("moored at the coal quay"));
    CHECK(history.value(0).timeMs > 0);
    // Bad sightings are refused with the reason, and nothing is stored.
    Sighting bad = vesselAtQuay();
    bad.sourceReliability = QLatin1Char('G');
    CHECK(project->addSighting(bad) == 0);
    CHECK(project->lastError().contains(QStringLiteral("A to F")));
    bad = railCarCount();
    bad.count = 4;
    CHECK(project->addSighting(bad) == 0);
    CHECK(project->lastError().contains(QStringLiteral("a count of 4 has 3 marks")));
    CHECK(project->sightings().size() == 1);
}

TEST_CASE("opening a project that is in use, read-only, corrupt or not a project", "[project][bad-input]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.gpkg"));
    auto first = Project::create(path, nullptr);
    REQUIRE(first);
    REQUIRE(first->addSighting(vesselAtQuay()) > 0);

    QString error;
    Project::OpenError reason = Project::OpenError::None;
    CHECK(!Project::open(path, Project::Mode::ReadWrite, &error, &reason));
    CHECK(reason == Project::OpenError::InUse);
    CHECK(error.contains(QStringLiteral("in use")));
    auto reader = Project::open(path, Project::Mode::ReadOnly, &error, &reason);
    REQUIRE(reader);
    CHECK(reader->isReadOnly());
    CHECK(reader->sightings().size() == 1);
    CHECK(reader->addSighting(vesselAtQuay()) == 0);
    CHECK(reader->lastError().contains(QStringLiteral("read-only")));
    reader.reset();
    first.reset(); // releases the lock
    CHECK(Project::open(path, Project::Mode::ReadWrite, &error, &reason));

    const QString locked = dir.filePath(QStringLiteral("ro.gpkg"));
    REQUIRE(QFile::copy(path, locked));
    REQUIRE(QFile(locked).setPermissions(QFileDevice::ReadOwner));
    if (!QFileInfo(locked).isWritable()) { // root writes anything
        CHECK(!Project::open(locked, Project::Mode::ReadWrite, &error, &reason));
        CHECK(reason == Project::OpenError::ReadOnlyFile);
    }
    CHECK(Project::open(locked, Project::Mode::ReadOnly, &error, &reason));

    const QString corrupt = dir.filePath(QStringLiteral("corrupt.gpkg"));
    {
        QFile in(path), out(corrupt);
        REQUIRE(in.open(QIODevice::ReadOnly));
        REQUIRE(out.open(QIODevice::WriteOnly));
        QByteArray bytes = in.readAll();
        bytes.replace(0, 16, "garbage garbage!");
        out.write(bytes.left(bytes.size() / 2));
    }
    CHECK(!Project::open(corrupt, Project::Mode::ReadWrite, &error, &reason));
    CHECK(reason == Project::OpenError::NotAGeoPackage);
    CHECK(error.contains(corrupt));

    const QString other = dir.filePath(QStringLiteral("other.gpkg"));
    {
        GDALDriver *gpkg = GetGDALDriverManager()->GetDriverByName("GPKG");
        GDALDatasetUniquePtr ds(gpkg->Create(other.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr));
        REQUIRE(ds);
        REQUIRE(ds->CreateLayer("roads", nullptr, wkbLineString, nullptr));
    }
    CHECK(!Project::isProject(other));
    CHECK(Project::isProject(path));
    CHECK(!Project::open(other, Project::Mode::ReadWrite, &error, &reason));
    CHECK(reason == Project::OpenError::NotAProject);
    CHECK(!Project::open(dir.filePath(QStringLiteral("missing.gpkg")), Project::Mode::ReadOnly, &error,
                         &reason));
    CHECK(reason == Project::OpenError::NotFound);
}

TEST_CASE("sighting JSON round trip and ISO times", "[project]")
{
    Sighting s = railCarCount();
    s.id = 42;
    s.createdMs = parseUtcIso(QStringLiteral("2024-01-02T03:04:05.678Z"));
    Sighting into;
    into.geometry = s.geometry;
    const Sighting back = sightingFromJson(sightingToJson(s), into);
    CHECK(back == s);
    CHECK(utcIsoString(s.createdMs) == QStringLiteral("2024-01-02T03:04:05.678Z"));
    CHECK(parseUtcIso(QStringLiteral("2023-10-05T02:13")) ==
          parseUtcIso(QStringLiteral("2023-10-05T02:13:00Z")));
    CHECK(parseUtcIso(QStringLiteral("2023-10-05T11:13:00+09:00")) ==
          parseUtcIso(QStringLiteral("2023-10-05T02:13:00Z")));
    CHECK(parseUtcIso(QStringLiteral("yesterday")) == 0);
    CHECK(splitTags(QStringLiteral(" rail, Tumangang ,, ")) ==
          QStringList{QStringLiteral("rail"), QStringLiteral("Tumangang")});
}
