// A project written by schema 1 (events as zero-length lines, sightings without their geometry
// type, JSON as plain text, no track lines or styles) is upgraded when opened for writing, in one
// transaction; opened read-only it is read as it is, and one that cannot be upgraded opens read-only.
#include "../catchstringmakers.h"

#include "project/project.h"
#include "project/projectschema.h"
#include "project/qgisstyles.h"
#include "tracks/tracklines.h"
#include "util/gdalutil.h"
#include "util/ogrfields.h"
#include "util/utctime.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>

using namespace sightline;

namespace {

const std::int64_t kT0 = parseUtcIso(QStringLiteral("2023-08-20T00:00:00Z"));

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

QString sqlText(GDALDataset *ds, const QString &sql)
{
    OGRLayer *r = ds->ExecuteSQL(sql.toUtf8().constData(), nullptr, nullptr);
    REQUIRE(r);
    OGRFeatureUniquePtr f{r->GetNextFeature()};
    const QString value = f ? QString::fromUtf8(f->GetFieldAsString(0)) : QString();
    ds->ReleaseResultSet(r);
    return value;
}

GDALDatasetUniquePtr openFile(const QString &path, bool update = false)
{
    const char *drivers[] = {"GPKG", nullptr};
    GDALDatasetUniquePtr ds(GDALDataset::Open(
        path.toUtf8().constData(), GDAL_OF_VECTOR | (update ? GDAL_OF_UPDATE : GDAL_OF_READONLY), drivers));
    REQUIRE(ds);
    return ds;
}

void addRow(OGRLayer *layer, std::initializer_list<std::pair<const char *, QString>> values,
            OGRGeometry *geometry = nullptr)
{
    OGRFeature f(layer->GetLayerDefn());
    for (const auto &[name, value] : values)
        f.SetField(name, value.toUtf8().constData());
    if (geometry)
        f.SetGeometry(geometry);
    REQUIRE(layer->CreateFeature(&f) == OGRERR_NONE);
}

/// A project as Sightline's schema 1 wrote it: its tables and columns as they were then, with a
/// gap (a line), a port call (a zero-length line), a point and an area sighting, and positions.
QString makeSchema1Project(const QString &path)
{
    GDALDriver *gpkg = GetGDALDriverManager()->GetDriverByName("GPKG");
    GDALDatasetUniquePtr ds(gpkg->Create(path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr));
    REQUIRE(ds);
    OGRLayer *props =
        ensureOgrTable(ds.get(), "sightline_project", {{"key", OFTString}, {"value", OFTString}});
    REQUIRE(ensureOgrTable(ds.get(), "sightline_layers",
                           {{"position", OFTInteger},
                            {"source", OFTString},
                            {"layer_name", OFTString},
                            {"name", OFTString},
                            {"visible", OFTInteger},
                            {"opacity", OFTReal},
                            {"style", OFTString}}));
    REQUIRE(ensureOgrTable(ds.get(), "sightline_views",
                           {{"name", OFTString},
                            {"west", OFTReal},
                            {"south", OFTReal},
                            {"east", OFTReal},
                            {"north", OFTReal},
                            {"crs", OFTString}}));
    OGRLayer *sightings = ensureOgrTable(ds.get(), "sightings",
                                         {{"kind", OFTString},
                                          {"observed_at", OFTDateTime},
                                          {"imagery_source", OFTString},
                                          {"imagery_provider", OFTString},
                                          {"imagery_acquired", OFTDateTime},
                                          {"imagery_resolution_m", OFTReal},
                                          {"count", OFTInteger},
                                          {"vessel_mmsi", OFTInteger64},
                                          {"vessel_name", OFTString},
                                          {"source_reliability", OFTString},
                                          {"information_credibility", OFTInteger},
                                          {"analyst", OFTString},
                                          {"notes", OFTString},
                                          {"tags", OFTString},
                                          {"created_at", OFTDateTime},
                                          {"updated_at", OFTDateTime},
                                          {"version", OFTInteger}},
                                         wkbUnknown);
    REQUIRE(ensureOgrTable(ds.get(), "annotations",
                           {{"type", OFTString},
                            {"text", OFTString},
                            {"colour", OFTString},
                            {"width_px", OFTReal},
                            {"font_px", OFTInteger},
                            {"created_at", OFTDateTime},
                            {"updated_at", OFTDateTime}},
                           wkbUnknown));
    OGRLayer *events = ensureOgrTable(ds.get(), "events",
                                      {{"run_id", OFTInteger64},
                                       {"type", OFTString},
                                       {"mmsi", OFTInteger64},
                                       {"other_mmsi", OFTInteger64},
                                       {"start_at", OFTDateTime},
                                       {"end_at", OFTDateTime},
                                       {"duration_h", OFTReal},
                                       {"place", OFTString},
                                       {"confidence", OFTInteger},
                                       {"summary", OFTString},
                                       {"details", OFTString},
                                       {"parameters", OFTString}},
                                      wkbLineString);
    REQUIRE(ensureOgrTable(ds.get(), "sightline_analysis_runs",
                           {{"kind", OFTString},
                            {"ran_at", OFTDateTime},
                            {"analyst", OFTString},
                            {"parameters", OFTString},
                            {"event_count", OFTInteger}}));
    REQUIRE(ensureOgrTable(ds.get(), "sightline_briefs",
                           {{"name", OFTString}, {"definition", OFTString}, {"updated_at", OFTDateTime}}));
    REQUIRE(ensureOgrTable(ds.get(), "sightline_audit",
                           {{"time", OFTDateTime},
                            {"user", OFTString},
                            {"action", OFTString},
                            {"table_name", OFTString},
                            {"feature_id", OFTInteger64},
                            {"details", OFTString}}));
    REQUIRE((props && sightings && events));
    addRow(props, {{"key", QStringLiteral("schema_version")}, {"value", QStringLiteral("1")}});

    OGRLineString gap;
    gap.addPoint(130.3, 42.2);
    gap.addPoint(131.8, 43.1);
    addRow(events,
           {{"type", QStringLiteral("gap")},
            {"mmsi", QStringLiteral("273145020")},
            {"start_at", QStringLiteral("2023-08-20T00:00:00Z")},
            {"end_at", QStringLiteral("2023-08-21T06:00:00Z")},
            {"details", QStringLiteral("{\"distance_km\":150}")}},
           &gap);
    OGRLineString call; // the zero-length line schema 1 wrote for an event in one place
    call.addPoint(131.9, 43.1);
    call.addPoint(131.9, 43.1);
    addRow(events,
           {{"type", QStringLiteral("port-call")},
            {"mmsi", QStringLiteral("273145020")},
            {"start_at", QStringLiteral("2023-08-22T00:00:00Z")},
            {"end_at", QStringLiteral("2023-08-23T00:00:00Z")},
            {"place", QStringLiteral("Dunai")}},
           &call);
    OGRPoint at(130.3, 42.2);
    addRow(sightings, {{"kind", QStringLiteral("vessel")}, {"version", QStringLiteral("1")}}, &at);
    OGRPolygon area;
    auto *ring = new OGRLinearRing();
    ring->addPoint(130.3, 42.2);
    ring->addPoint(130.4, 42.2);
    ring->addPoint(130.4, 42.3);
    ring->closeRings();
    area.addRingDirectly(ring);
    addRow(sightings, {{"kind", QStringLiteral("containers")}, {"version", QStringLiteral("1")}}, &area);

    // Positions as `ais import` wrote them then: points and vessels, no lines.
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    const char *options[] = {"FID=fid", "GEOMETRY_NAME=geom", nullptr};
    OGRLayer *positions = ds->CreateLayer("ais_positions", &wgs84, wkbPoint, const_cast<char **>(options));
    REQUIRE(positions);
    addOgrField(positions, "mmsi", OFTInteger64);
    addOgrField(positions, "time", OFTDateTime);
    for (int i = 0; i < 5; ++i) {
        OGRFeature f(positions->GetLayerDefn());
        f.SetField("mmsi", GIntBig(273145020));
        setOgrUtcTime(f, f.GetFieldIndex("time"), kT0 + i * 600 * 1000);
        f.SetGeometryDirectly(new OGRPoint(130.3 + i * 0.01, 42.2));
        REQUIRE(positions->CreateFeature(&f) == OGRERR_NONE);
    }
    OGRLayer *vessels = ds->CreateLayer("vessels", nullptr, wkbNone, const_cast<char **>(options));
    addOgrField(vessels, "mmsi", OFTInteger64);
    addOgrField(vessels, "name", OFTString);
    addRow(vessels, {{"mmsi", QStringLiteral("273145020")}, {"name", QStringLiteral("ANGARA")}});
    return path;
}

} // namespace

TEST_CASE("a schema 1 project is upgraded when opened for writing: points, paths, views, JSON, lines, styles",
          "[project][upgrade]")
{
    QTemporaryDir dir;
    const QString path = makeSchema1Project(dir.filePath(QStringLiteral("old.gpkg")));
    std::vector<MovementEvent> before;
    {
        // Read-only: read as schema 1 wrote it, and the file is left byte for byte as it was.
        const QByteArray hash = fileHash(path);
        QString error;
        auto p = Project::open(path, Project::Mode::ReadOnly, &error);
        REQUIRE(p);
        before = p->events();
        REQUIRE(before.size() == 2);
        CHECK(p->sightings().size() == 2);
        p.reset();
        CHECK(fileHash(path) == hash);
    }
    {
        QString error;
        auto p = Project::open(path, Project::Mode::ReadWrite, &error);
        INFO(error.toStdString());
        REQUIRE(p);
        CHECK(!p->isReadOnly());
        CHECK(p->problems().isEmpty());
        // Every reader sees the same events as before.
        const std::vector<MovementEvent> after = p->events();
        REQUIRE(after.size() == before.size());
        for (std::size_t i = 0; i < after.size(); ++i) {
            CHECK(after[i].from == before[i].from);
            CHECK(after[i].to == before[i].to);
            CHECK(after[i].details == before[i].details);
        }
        CHECK(p->sightings().size() == 2);
    }
    // GDAL opens the upgraded file without a word: each column's declared type is the registered one.
    GdalErrorCapture capture;
    auto ds = openFile(path);
    for (int i = 0; i < ds->GetLayerCount(); ++i)
        ds->GetLayer(i)->GetLayerDefn();
    CHECK(capture.warnings().isEmpty());
    CHECK(capture.errors().isEmpty());
    CHECK(readProjectProperty(ds.get(), "schema_version") == QString::number(kProjectSchemaVersion));
    CHECK(checkProjectSchema(ds.get()).problems.isEmpty());
    CHECK(sqlText(ds.get(),
                  QStringLiteral(
                      "SELECT geometry_type_name FROM gpkg_geometry_columns WHERE table_name = 'events'")) ==
          QStringLiteral("POINT"));
    CHECK(sqlText(ds.get(), QStringLiteral("SELECT count(*) FROM events WHERE NOT ST_IsValid(geom)")) ==
          QStringLiteral("0"));
    CHECK(sqlText(ds.get(), QStringLiteral("SELECT count(*) FROM event_paths")) == QStringLiteral("1"));
    // The events keep their ids: the path names the gap.
    CHECK(sqlText(ds.get(),
                  QStringLiteral("SELECT e.type FROM event_paths p JOIN events e ON e.id = p.event_id")) ==
          QStringLiteral("gap"));
    CHECK(sqlText(ds.get(), QStringLiteral("SELECT count(*) FROM sightings_points")) == QStringLiteral("1"));
    CHECK(sqlText(ds.get(), QStringLiteral("SELECT count(*) FROM sightings_areas")) == QStringLiteral("1"));
    OGRFeatureDefn *events = ds->GetLayerByName("events")->GetLayerDefn();
    CHECK(events->GetFieldDefn(events->GetFieldIndex("details"))->GetSubType() == OFSTJSON);
    CHECK(sqlText(ds.get(),
                  QStringLiteral(
                      "SELECT count(*) FROM gpkg_data_columns WHERE mime_type = 'application/json'")) ==
          QStringLiteral("7")); // the upgrade declares every JSON column of today's schema, detections' parameters too
    CHECK(sqlText(ds.get(),
                  QStringLiteral(
                      "SELECT count(*) FROM track_lines WHERE mmsi = 273145020 AND point_count = 5")) ==
          QStringLiteral("1"));
    CHECK(sqlText(ds.get(),
                  QStringLiteral("SELECT count(*) FROM layer_styles WHERE styleName = 'Sightline'")) ==
          QStringLiteral("8"));
}

TEST_CASE("a schema 1 project that cannot be upgraded opens read-only, says why and is left as it was",
          "[project][upgrade][bad-input]")
{
    QTemporaryDir dir;
    const QString path = makeSchema1Project(dir.filePath(QStringLiteral("old.gpkg")));
    {
        // Something in the file refuses a step of the upgrade half-way (after the events are points).
        auto ds = openFile(path, true);
        ds->ExecuteSQL(
            "CREATE TRIGGER refuse BEFORE UPDATE ON sightings BEGIN SELECT RAISE(ABORT, 'refused'); END",
            nullptr, nullptr);
    }
    const QByteArray hash = fileHash(path);
    QString error;
    auto p = Project::open(path, Project::Mode::ReadWrite, &error);
    REQUIRE(p);
    CHECK(p->isReadOnly());
    CHECK(p->problems()
              .join(QLatin1Char(' '))
              .contains(QStringLiteral("cannot upgrade the project from schema version 1")));
    CHECK(p->readOnlyReason().contains(QStringLiteral("read-only")));
    CHECK(p->events().size() == 2);
    CHECK(!p->addSighting(Sighting{}));
    p.reset();
    CHECK(fileHash(path) == hash);
    auto ds = openFile(path);
    CHECK(!ds->GetLayerByName(projecttable::kEventPaths));
    CHECK(readProjectProperty(ds.get(), "schema_version") == QStringLiteral("1"));
}
