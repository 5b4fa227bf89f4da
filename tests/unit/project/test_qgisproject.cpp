// The project as other GIS tools read it (QGIS, ogrinfo): one declared geometry type per table,
// valid geometries only, JSON columns declared JSON, the track lines, the layer_styles table, and
// the upgrade of a project written by schema 1.
#include "../catchstringmakers.h"

#include "project/project.h"
#include "project/projectschema.h"
#include "project/qgisstyles.h"
#include "project/sightingviews.h"
#include "project/trackimport.h"
#include "tracks/tracklines.h"
#include "util/ogrfields.h"
#include "util/utctime.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QCryptographicHash>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include <map>

using namespace sightline;

namespace {

constexpr std::int64_t kHour = 3600 * 1000;
const std::int64_t kT0 = parseUtcIso(QStringLiteral("2023-08-20T00:00:00Z"));

GDALDatasetUniquePtr openFile(const QString &path, bool update = false)
{
    const char *drivers[] = {"GPKG", nullptr};
    GDALDatasetUniquePtr ds(GDALDataset::Open(
        path.toUtf8().constData(), GDAL_OF_VECTOR | (update ? GDAL_OF_UPDATE : GDAL_OF_READONLY), drivers));
    REQUIRE(ds);
    return ds;
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

void runSql(GDALDataset *ds, const QString &sql)
{
    if (OGRLayer *r = ds->ExecuteSQL(sql.toUtf8().constData(), nullptr, nullptr))
        ds->ReleaseResultSet(r);
}

QString declaredType(GDALDataset *ds, const char *table)
{
    return sqlText(
        ds, QStringLiteral("SELECT geometry_type_name FROM gpkg_geometry_columns WHERE table_name = '%1'")
                .arg(QLatin1String(table)));
}

// Every geometry of `table` checked by GEOS, as `ogrinfo -sql "… NOT ST_IsValid(geom)"` does.
int invalidGeometries(GDALDataset *ds, const char *table)
{
    return sqlText(ds,
                   QStringLiteral("SELECT count(*) FROM \"%1\" WHERE geom IS NULL OR NOT ST_IsValid(geom)")
                       .arg(QLatin1String(table)))
        .toInt();
}

int rowCount(GDALDataset *ds, const char *table)
{
    return sqlText(ds, QStringLiteral("SELECT count(*) FROM \"%1\"").arg(QLatin1String(table))).toInt();
}

Sighting sightingOf(SightingGeometry::Type type, QList<QPointF> lonLat, const QString &kind)
{
    Sighting s;
    s.kind = kind;
    s.geometry.type = type;
    s.geometry.lonLat = lonLat;
    s.observedAtMs = kT0;
    if (type == SightingGeometry::Type::MultiPoint)
        s.count = int(lonLat.size()); // a count has as many marks as it counts
    return s;
}

MovementEvent event(EventType type, QPointF from, QPointF to)
{
    MovementEvent e;
    e.type = type;
    e.mmsi = 273145020;
    e.startMs = kT0;
    e.endMs = kT0 + 30 * kHour;
    e.from = from;
    e.to = to;
    e.details = QJsonObject{{QStringLiteral("distance_km"), 12.5}};
    return e;
}

/// What a style's QML says: the renderer's type and attribute, and its categories' values.
struct QmlRenderer
{
    QString type, attribute;
    QStringList values;
    QStringList labelFields;
};

QmlRenderer readQml(const QString &qml)
{
    QmlRenderer r;
    QXmlStreamReader x(qml);
    while (!x.atEnd()) {
        x.readNext();
        if (!x.isStartElement())
            continue;
        if (x.name() == QLatin1String("renderer-v2")) {
            r.type = x.attributes().value(QLatin1String("type")).toString();
            r.attribute = x.attributes().value(QLatin1String("attr")).toString();
        } else if (x.name() == QLatin1String("category")) {
            r.values << x.attributes().value(QLatin1String("value")).toString();
        } else if (x.name() == QLatin1String("text-style")) {
            r.labelFields << x.attributes().value(QLatin1String("fieldName")).toString();
        }
    }
    INFO(x.errorString().toStdString());
    CHECK(!x.hasError());
    return r;
}

struct StyleRow
{
    QString qml, sld;
    bool isDefault = false;
};

// Sightline's rows of layer_styles, by table.
std::map<QString, StyleRow> sightlineStyles(GDALDataset *ds)
{
    std::map<QString, StyleRow> rows;
    OGRLayer *t = ds->GetLayerByName(kLayerStylesTable);
    REQUIRE(t);
    for (auto &f : *t)
        if (ogrText(*f, "styleName") == QLatin1String(kSightlineStyleName)) {
            CHECK(rows.count(ogrText(*f, "f_table_name")) == 0); // one a table
            rows[ogrText(*f, "f_table_name")] = {ogrText(*f, "styleQML"), ogrText(*f, "styleSLD"),
                                                 f->GetFieldAsInteger("useAsDefault") != 0};
        }
    return rows;
}

QStringList eventKeysInTables()
{
    QStringList keys;
    for (EventType t : allEventTypes())
        // Safety messages and vessels in images are events made from tables of their own.
        if (t != EventType::SafetyMessage && t != EventType::VesselDetection)
            keys << eventTypeKey(t);
    return keys;
}

TrackFileContents
trackContents(const std::vector<std::tuple<std::uint32_t, std::int64_t, double, double>> &fixes,
              const QString &report)
{
    TrackFileContents c;
    for (const auto &[mmsi, t, lon, lat] : fixes) {
        c.store.append({mmsi, t, lon, lat});
        c.registry.notePosition(mmsi, false);
    }
    c.store.finalize();
    c.positionsKept = std::int64_t(c.store.positionCount());
    c.report = report;
    return c;
}

struct TrackLine
{
    QString name;
    int points = 0;
    std::int64_t startMs = 0, endMs = 0;
};

std::map<std::uint32_t, std::vector<TrackLine>> trackLines(GDALDataset *ds)
{
    std::map<std::uint32_t, std::vector<TrackLine>> lines;
    OGRLayer *t = ds->GetLayerByName(tracklines::kTable);
    REQUIRE(t);
    for (auto &f : *t) {
        REQUIRE(f->GetGeometryRef());
        CHECK(f->GetGeometryRef()->IsValid());
        lines[std::uint32_t(f->GetFieldAsInteger64("mmsi"))].push_back(
            {ogrText(*f, "name"), f->GetFieldAsInteger("point_count"),
             ogrUtcTime(*f, f->GetFieldIndex("start_time")), ogrUtcTime(*f, f->GetFieldIndex("end_time"))});
    }
    for (auto &[mmsi, list] : lines)
        std::sort(list.begin(), list.end(),
                  [](const TrackLine &a, const TrackLine &b) { return a.startMs < b.startMs; });
    return lines;
}

} // namespace

TEST_CASE("every map table declares one geometry type and holds only valid geometries",
          "[project][qgis][geometry]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.gpkg"));
    {
        auto p = Project::create(path, nullptr);
        REQUIRE(p);
        REQUIRE(p->addSighting(
            sightingOf(SightingGeometry::Type::Point, {{130.3, 42.2}}, QStringLiteral("vessel"))));
        REQUIRE(p->addSighting(sightingOf(SightingGeometry::Type::MultiPoint,
                                          {{130.3, 42.2}, {130.31, 42.21}}, QStringLiteral("rail cars"))));
        REQUIRE(p->addSighting(sightingOf(SightingGeometry::Type::Line, {{130.3, 42.2}, {130.4, 42.3}},
                                          QStringLiteral("other"))));
        REQUIRE(p->addSighting(sightingOf(SightingGeometry::Type::Polygon,
                                          {{130.3, 42.2}, {130.4, 42.2}, {130.4, 42.3}},
                                          QStringLiteral("containers"))));
        // A port call stays in one place (the zero-length line schema 1 wrote); a gap moves.
        const std::vector<MovementEvent> found{event(EventType::Gap, {130.3, 42.2}, {131.8, 43.1}),
                                               event(EventType::PortCall, {131.9, 43.1}, {131.9, 43.1})};
        REQUIRE(p->replaceEvents(QStringLiteral("gaps"), {EventType::Gap, EventType::PortCall}, found, {}));
        // Read back as written: the place, and the path of the one that moved.
        const std::vector<MovementEvent> stored = p->events();
        REQUIRE(stored.size() == 2);
        for (std::size_t i = 0; i < 2; ++i) {
            CHECK(stored[i].from == found[i].from);
            CHECK(stored[i].to == found[i].to);
        }
    }
    auto ds = openFile(path);
    CHECK(declaredType(ds.get(), projecttable::kEvents) == QStringLiteral("POINT"));
    CHECK(declaredType(ds.get(), projecttable::kEventPaths) == QStringLiteral("LINESTRING"));
    CHECK(invalidGeometries(ds.get(), projecttable::kEvents) == 0);
    CHECK(invalidGeometries(ds.get(), projecttable::kEventPaths) == 0);
    CHECK(rowCount(ds.get(), projecttable::kEvents) == 2);
    CHECK(rowCount(ds.get(), projecttable::kEventPaths) == 1); // the port call has no path
    CHECK(sqlText(ds.get(),
                  QStringLiteral("SELECT e.type FROM event_paths p JOIN events e ON e.id = p.event_id")) ==
          QStringLiteral("gap"));

    // Each sighting in the view of its geometry, which declares that type; GDAL lists the views.
    for (const SightingView &v : sightingViews()) {
        INFO(v.name);
        CHECK(declaredType(ds.get(), v.name) == QLatin1String(v.geometryType));
        CHECK(rowCount(ds.get(), v.name) == 1);
        CHECK(invalidGeometries(ds.get(), v.name) == 0);
        OGRLayer *layer = ds->GetLayerByName(v.name);
        REQUIRE(layer);
        CHECK(layer->GetFeatureCount() == 1);
        OGRFeatureUniquePtr f{layer->GetNextFeature()};
        REQUIRE(f);
        CHECK(wkbFlatten(f->GetGeometryRef()->getGeometryType()) == OGRFromOGCGeomType(v.geometryType));
    }
}

TEST_CASE("a sighting edited into another kind of geometry moves to that view; a removed one leaves it",
          "[project][qgis][sightings]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.gpkg"));
    auto p = Project::create(path, nullptr);
    REQUIRE(p);
    const std::int64_t id =
        p->addSighting(sightingOf(SightingGeometry::Type::Point, {{130.3, 42.2}}, QStringLiteral("vessel")));
    REQUIRE(id > 0);
    auto count = [&](const char *view) { return rowCount(openFile(path).get(), view); };
    CHECK(count("sightings_points") == 1);
    Sighting s = *p->sighting(id);
    s.geometry =
        sightingOf(SightingGeometry::Type::Polygon, {{130.3, 42.2}, {130.4, 42.2}, {130.4, 42.3}}, {})
            .geometry;
    REQUIRE(p->updateSighting(s));
    CHECK(count("sightings_points") == 0);
    CHECK(count("sightings_areas") == 1);
    REQUIRE(p->removeSighting(id));
    CHECK(count("sightings_areas") == 0);
    REQUIRE(p->restoreSighting(s));
    CHECK(count("sightings_areas") == 1);
}

TEST_CASE("JSON columns are declared with the GeoPackage JSON subtype", "[project][qgis][json]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.gpkg"));
    REQUIRE(Project::create(path, nullptr));
    auto ds = openFile(path);
    const std::vector<std::pair<const char *, const char *>> json{{"events", "details"},
                                                                  {"events", "parameters"},
                                                                  {"sightline_analysis_runs", "parameters"},
                                                                  {"sightline_briefs", "definition"},
                                                                  {"sightline_audit", "details"},
                                                                  {"sightline_layers", "style"}};
    for (const auto &[table, column] : json) {
        INFO(table << "." << column);
        OGRLayer *layer = ds->GetLayerByName(table);
        REQUIRE(layer);
        const int i = layer->GetLayerDefn()->GetFieldIndex(column);
        REQUIRE(i >= 0);
        CHECK(layer->GetLayerDefn()->GetFieldDefn(i)->GetSubType() == OFSTJSON);
        CHECK(sqlText(ds.get(),
                      QStringLiteral("SELECT mime_type FROM gpkg_data_columns WHERE table_name = '%1' AND "
                                     "column_name = '%2'")
                          .arg(QLatin1String(table), QLatin1String(column))) ==
              QStringLiteral("application/json"));
    }
    // A plain text column stays plain.
    CHECK(ds->GetLayerByName("events")
              ->GetLayerDefn()
              ->GetFieldDefn(ds->GetLayerByName("events")->GetLayerDefn()->GetFieldIndex("summary"))
              ->GetSubType() == OFSTNone);
}

TEST_CASE(
    "layer_styles holds a categorised QML and an SLD for each of the project's layers, as QGIS reads them",
    "[project][qgis][styles]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.gpkg"));
    REQUIRE(Project::create(path, nullptr));
    {
        auto ds = openFile(path);
        // QGIS's own columns, so that QGIS finds the default and can save beside it.
        OGRFeatureDefn *defn = ds->GetLayerByName(kLayerStylesTable)->GetLayerDefn();
        QStringList columns;
        for (int i = 0; i < defn->GetFieldCount(); ++i)
            columns << QString::fromUtf8(defn->GetFieldDefn(i)->GetNameRef());
        CHECK(columns == QStringList{QStringLiteral("f_table_catalog"), QStringLiteral("f_table_schema"),
                                     QStringLiteral("f_table_name"), QStringLiteral("f_geometry_column"),
                                     QStringLiteral("styleName"), QStringLiteral("styleQML"),
                                     QStringLiteral("styleSLD"), QStringLiteral("useAsDefault"),
                                     QStringLiteral("description"), QStringLiteral("owner"),
                                     QStringLiteral("ui"), QStringLiteral("update_time")});
        CHECK(QString::fromUtf8(ds->GetLayerByName(kLayerStylesTable)->GetFIDColumn()) ==
              QStringLiteral("id"));

        const auto styles = sightlineStyles(ds.get());
        QStringList tables;
        for (const auto &[table, row] : styles)
            tables << table;
        CHECK(tables == QStringList{QStringLiteral("event_paths"), QStringLiteral("events"),
                                    QStringLiteral("sightings_areas"), QStringLiteral("sightings_counts"),
                                    QStringLiteral("sightings_lines"), QStringLiteral("sightings_points")});
        for (const auto &[table, row] : styles) {
            INFO(table.toStdString());
            CHECK(row.isDefault);
            const QmlRenderer r = readQml(row.qml);
            CHECK(r.type == QStringLiteral("categorizedSymbol"));
            QStringList expected =
                table.startsWith(QLatin1String("event")) ? eventKeysInTables() : sightingKinds();
            expected << QString(); // every other value
            CHECK(r.values == expected);
            CHECK(r.attribute == (table.startsWith(QLatin1String("event")) ? QStringLiteral("type")
                                                                           : QStringLiteral("kind")));
            QXmlStreamReader sld(row.sld);
            int rules = 0;
            while (!sld.atEnd())
                if (sld.readNext() == QXmlStreamReader::StartElement && sld.name() == QLatin1String("Rule"))
                    ++rules;
            CHECK(!sld.hasError());
            CHECK(rules >= expected.size());
        }
    }

    // Positions of two vessels: the track lines and positions are styled by vessel, named.
    TrackFileContents first = trackContents({{273145020, kT0, 130.3, 42.2},
                                             {273145020, kT0 + kHour, 130.4, 42.25},
                                             {636019825, kT0, 131.0, 42.5},
                                             {636019825, kT0 + kHour, 131.1, 42.6}},
                                            QStringLiteral("first"));
    ais::AisMessage name;
    name.type = 5;
    name.mmsi = 273145020;
    name.shipname = "ANGARA";
    first.registry.noteStatic(name, kT0);
    REQUIRE(
        writeTrackImport(path, QStringLiteral("first.nmea"), QStringLiteral("sha-first"), first).outcome ==
        TrackImportResult::Outcome::Imported);
    {
        auto ds = openFile(path);
        const auto styles = sightlineStyles(ds.get());
        for (const char *table : {tracklines::kTable, "ais_positions"}) {
            INFO(table);
            REQUIRE(styles.count(QString::fromLatin1(table)));
            const QmlRenderer r = readQml(styles.at(QString::fromLatin1(table)).qml);
            CHECK(r.type == QStringLiteral("categorizedSymbol"));
            CHECK(r.attribute == QStringLiteral("mmsi"));
            CHECK(r.values ==
                  QStringList{QStringLiteral("273145020"), QStringLiteral("636019825"), QString()});
        }
        CHECK(readQml(styles.at(QString::fromLatin1(tracklines::kTable)).qml).labelFields ==
              QStringList{QStringLiteral("name")});
        CHECK(styles.at(QString::fromLatin1(tracklines::kTable))
                  .qml.contains(QStringLiteral("ANGARA (273145020)")));
    }

    // A style the user saved as the default in QGIS stays the default; Sightline's is then not.
    {
        auto ds = openFile(path, true);
        runSql(ds.get(),
               QStringLiteral("INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, "
                              "f_geometry_column, styleName, styleQML, useAsDefault) VALUES "
                              "('', '', 'events', 'geom', 'mine', '<qgis/>', 1)"));
    }
    // A third vessel comes in: its category is added.
    const TrackFileContents second = trackContents(
        {{412000001, kT0, 122.2, 40.7}, {412000001, kT0 + kHour, 122.3, 40.8}}, QStringLiteral("second"));
    REQUIRE(
        writeTrackImport(path, QStringLiteral("second.nmea"), QStringLiteral("sha-second"), second).outcome ==
        TrackImportResult::Outcome::Imported);
    auto ds = openFile(path);
    const auto styles = sightlineStyles(ds.get());
    CHECK(readQml(styles.at(QString::fromLatin1(tracklines::kTable)).qml).values ==
          QStringList{QStringLiteral("273145020"), QStringLiteral("412000001"), QStringLiteral("636019825"),
                      QString()});
    CHECK(!styles.at(QStringLiteral("events")).isDefault);
    CHECK(styles.at(QStringLiteral("event_paths")).isDefault);
    CHECK(sqlText(ds.get(),
                  QStringLiteral(
                      "SELECT count(*) FROM layer_styles WHERE styleName = 'mine' AND useAsDefault = 1")) ==
          QStringLiteral("1"));
}

TEST_CASE("track lines: one per vessel and stretch without a long silence, in step after a second import",
          "[project][qgis][tracklines]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.gpkg"));
    REQUIRE(Project::create(path, nullptr));
    // Vessel A: an hour of positions, a 5 h silence, an hour more. B: one position (no line).
    // C: at its berth, every position the same place (no line).
    std::vector<std::tuple<std::uint32_t, std::int64_t, double, double>> fixes;
    for (int i = 0; i <= 6; ++i)
        fixes.push_back({273145020, kT0 + i * 10 * 60 * 1000, 130.3 + i * 0.01, 42.2});
    for (int i = 0; i <= 6; ++i)
        fixes.push_back({273145020, kT0 + 6 * kHour + i * 10 * 60 * 1000, 130.5 + i * 0.01, 42.3});
    fixes.push_back({636019825, kT0, 131.0, 42.5});
    for (int i = 0; i < 4; ++i)
        fixes.push_back({412000001, kT0 + i * kHour, 122.2, 40.7});
    REQUIRE(
        writeTrackImport(path, QStringLiteral("a.nmea"), QStringLiteral("sha-a"), trackContents(fixes, {}))
            .outcome == TrackImportResult::Outcome::Imported);
    {
        auto ds = openFile(path);
        CHECK(declaredType(ds.get(), tracklines::kTable) == QStringLiteral("LINESTRING"));
        CHECK(invalidGeometries(ds.get(), tracklines::kTable) == 0);
        const auto lines = trackLines(ds.get());
        CHECK(lines.size() == 1);
        REQUIRE(lines.count(273145020));
        const auto &a = lines.at(273145020);
        REQUIRE(a.size() == 2);
        CHECK(a[0].points == 7);
        CHECK(a[0].startMs == kT0);
        CHECK(a[0].endMs == kT0 + kHour);
        CHECK(a[1].startMs == kT0 + 6 * kHour);
    }
    // The second log fills A's silence and gives B a second position: A is one line, B has one.
    fixes.clear();
    for (int i = 1; i <= 5; ++i)
        fixes.push_back({273145020, kT0 + i * kHour + 30 * 60 * 1000, 130.4, 42.25});
    fixes.push_back({636019825, kT0 + kHour, 131.1, 42.6});
    REQUIRE(
        writeTrackImport(path, QStringLiteral("b.nmea"), QStringLiteral("sha-b"), trackContents(fixes, {}))
            .outcome == TrackImportResult::Outcome::Imported);
    auto ds = openFile(path);
    const auto lines = trackLines(ds.get());
    REQUIRE(lines.count(273145020));
    REQUIRE(lines.at(273145020).size() == 1);
    CHECK(lines.at(273145020)[0].points == 19);
    CHECK(lines.at(273145020)[0].endMs == kT0 + 7 * kHour);
    REQUIRE(lines.count(636019825));
    CHECK(lines.at(636019825)[0].points == 2);
    CHECK(!lines.count(412000001));
    CHECK(invalidGeometries(ds.get(), tracklines::kTable) == 0);
}
