#include "project/projectupgrade.h"

#include "project/projectschema.h"
#include "project/qgisstyles.h"
#include "project/sightinggeometryogr.h"
#include "project/sightingviews.h"
#include "tracks/tracklines.h"
#include "util/gdalutil.h"
#include "util/ogrfields.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <vector>

namespace sightline {

using namespace projecttable;

namespace {

QString declaredGeometryType(GDALDataset *ds, const char *table)
{
    QString type;
    const QString sql =
        QStringLiteral("SELECT geometry_type_name FROM gpkg_geometry_columns WHERE table_name = '%1'")
            .arg(QLatin1String(table));
    if (OGRLayer *result = ds->ExecuteSQL(sql.toUtf8().constData(), nullptr, nullptr)) {
        if (OGRFeatureUniquePtr f{result->GetNextFeature()})
            type = QString::fromUtf8(f->GetFieldAsString(0)).toUpper();
        ds->ReleaseResultSet(result);
    }
    return type;
}

// Version 1 stored every event as the line from → to, a zero-length one for an event that stayed
// in one place (invalid: other tools draw nothing). The table is made again with a POINT column
// (a declared type cannot be changed in place), each event at its place with the same id, and
// the path of each that moved goes to event_paths.
bool eventsToPoints(GDALDataset *ds, QString *error)
{
    OGRLayer *events = ds->GetLayerByName(kEvents);
    OGRLayer *paths = ds->GetLayerByName(kEventPaths);
    if (!events)
        return true;
    if (!paths) {
        *error = QStringLiteral("no table '%1'").arg(QLatin1String(kEventPaths));
        return false;
    }
    if (declaredGeometryType(ds, kEvents) == QLatin1String("POINT"))
        return true;
    const auto spec = std::find_if(projectTables().begin(), projectTables().end(),
                                   [](const ProjectTableSpec &t) { return qstrcmp(t.name, kEvents) == 0; });
    constexpr const char *kFresh = "events_upgrading";
    OGRLayer *fresh = ensureOgrTable(ds, kFresh, spec->columns, spec->geometryType);
    if (!fresh) {
        *error = QStringLiteral("cannot make the new events table");
        return false;
    }
    events->ResetReading();
    for (auto &f : *events) {
        OGRFeature point(fresh->GetLayerDefn());
        point.SetFrom(f.get(), TRUE);
        point.SetFID(f->GetFID());
        const OGRGeometry *g = f->GetGeometryRef();
        if (g && !g->IsEmpty() && wkbFlatten(g->getGeometryType()) == wkbLineString) {
            const OGRLineString *line = g->toLineString();
            const int n = line->getNumPoints();
            const OGRPoint from(line->getX(0), line->getY(0));
            const OGRPoint to(line->getX(n - 1), line->getY(n - 1));
            point.SetGeometry(&from);
            if (!from.Equals(&to)) {
                OGRFeature path(paths->GetLayerDefn());
                path.SetField("event_id", GIntBig(f->GetFID()));
                path.SetField("type", f->GetFieldAsString("type"));
                path.SetField("mmsi", f->GetFieldAsInteger64("mmsi"));
                path.SetGeometry(line);
                if (paths->CreateFeature(&path) != OGRERR_NONE) {
                    *error = QStringLiteral("cannot write the path of event %1").arg(f->GetFID());
                    return false;
                }
            }
        }
        if (fresh->CreateFeature(&point) != OGRERR_NONE) {
            *error = QStringLiteral("cannot write event %1 as a point").arg(f->GetFID());
            return false;
        }
    }
    for (int i = 0; i < ds->GetLayerCount(); ++i)
        if (ds->GetLayer(i) == events) {
            if (ds->DeleteLayer(i) != OGRERR_NONE) {
                *error = QStringLiteral("cannot remove the old events table");
                return false;
            }
            break;
        }
    if (fresh->Rename(kEvents) != OGRERR_NONE) {
        *error = QStringLiteral("cannot put the new events table in place");
        return false;
    }
    return true;
}

// The plain column the sightings' views filter on.
bool fillSightingGeometryTypes(GDALDataset *ds, QString *error)
{
    OGRLayer *sightings = ds->GetLayerByName(kSightings);
    if (!sightings)
        return true;
    if (sightings->GetLayerDefn()->GetFieldIndex("geometry_type") < 0) {
        OGRFieldDefn field("geometry_type", OFTString);
        if (sightings->CreateField(&field) != OGRERR_NONE) {
            *error = QStringLiteral("cannot add column 'geometry_type' to table '%1'")
                         .arg(QLatin1String(kSightings));
            return false;
        }
    }
    std::vector<OGRFeatureUniquePtr> rows;
    sightings->ResetReading();
    for (auto &f : *sightings)
        rows.emplace_back(f->Clone());
    for (OGRFeatureUniquePtr &f : rows) {
        // A row whose geometry cannot be read stays out of every view, as the workbench leaves it out.
        if (const auto g = sightingGeometryFromOgr(f->GetGeometryRef()))
            f->SetField("geometry_type", sightingGeometryTypeValue(g->type));
        else
            f->SetFieldNull(f->GetFieldIndex("geometry_type"));
        if (sightings->SetFeature(f.get()) != OGRERR_NONE) {
            *error = QStringLiteral("cannot write the geometry type of sighting %1").arg(f->GetFID());
            return false;
        }
    }
    return true;
}

// Columns made as plain text before they were declared JSON.
bool declareJsonColumns(GDALDataset *ds, QString *error)
{
    for (const ProjectTableSpec &t : projectTables()) {
        OGRLayer *layer = ds->GetLayerByName(t.name);
        if (!layer)
            continue;
        for (const OgrFieldSpec &c : t.columns) {
            if (c.subType != OFSTJSON)
                continue;
            const int i = layer->GetLayerDefn()->GetFieldIndex(c.name);
            if (i < 0 || layer->GetLayerDefn()->GetFieldDefn(i)->GetSubType() == OFSTJSON)
                continue;
            OGRFieldDefn json(layer->GetLayerDefn()->GetFieldDefn(i));
            json.SetSubType(OFSTJSON);
            if (layer->AlterFieldDefn(i, &json, ALTER_TYPE_FLAG) != OGRERR_NONE) {
                *error = QStringLiteral("cannot declare column '%1' of table '%2' JSON")
                             .arg(QLatin1String(c.name), QLatin1String(t.name));
                return false;
            }
        }
    }
    return true;
}

bool writeSchemaVersion(GDALDataset *ds, int version)
{
    OGRLayer *props = ds->GetLayerByName(kProperties);
    if (!props)
        return false;
    props->ResetReading();
    for (auto &f : *props)
        if (ogrText(*f, "key") == QLatin1String("schema_version")) {
            f->SetField("value", QByteArray::number(version).constData());
            return props->SetFeature(f.get()) == OGRERR_NONE;
        }
    OGRFeature f(props->GetLayerDefn());
    f.SetField("key", "schema_version");
    f.SetField("value", QByteArray::number(version).constData());
    return props->CreateFeature(&f) == OGRERR_NONE;
}

} // namespace

bool completeProject(GDALDataset *ds, QString *error)
{
    QString why;
    if (!createSightingViews(ds, &why)) {
        if (error)
            *error = why;
        return false;
    }
    // A GeoPackage of positions written before track lines existed gets them once.
    if (ds->GetLayerByName("ais_positions") && !ds->GetLayerByName(tracklines::kTable) &&
        !rebuildTrackLines(ds, {}, &why)) {
        if (error)
            *error = QStringLiteral("track lines: %1").arg(why);
        return false;
    }
    return writeQgisStyles(ds, error);
}

bool upgradeProject(const QString &path, int fromVersion, QString *error)
{
    ensureGdalInitialised();
    GdalErrorCapture capture;
    QString why;
    auto failed = [&](const QString &message) {
        if (error)
            *error = QStringLiteral("cannot upgrade the project from schema version %1 to %2: %3")
                         .arg(fromVersion)
                         .arg(kProjectSchemaVersion)
                         .arg(message);
        return false;
    };
    const char *drivers[] = {"GPKG", nullptr};
    GDALDatasetUniquePtr ds(
        GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, drivers));
    if (!ds)
        return failed(capture.message(QStringLiteral("cannot open it for writing")));
    if (ds->StartTransaction() != OGRERR_NONE)
        return failed(capture.message(QStringLiteral("cannot start a transaction")));
    auto rollBack = [&](const QString &message) {
        ds->RollbackTransaction();
        return failed(message);
    };
    if (!createProjectTables(ds.get()))
        return rollBack(capture.message(QStringLiteral("cannot add the new tables")));
    if (fromVersion < 2) {
        if (!eventsToPoints(ds.get(), &why) || !fillSightingGeometryTypes(ds.get(), &why) ||
            !declareJsonColumns(ds.get(), &why))
            return rollBack(why);
        // `ais import` may have drawn some vessels' lines into the old project already: all of them now.
        if (!rebuildTrackLines(ds.get(), {}, &why))
            return rollBack(QStringLiteral("track lines: %1").arg(why));
    }
    if (!completeProject(ds.get(), &why))
        return rollBack(why);
    if (!writeSchemaVersion(ds.get(), kProjectSchemaVersion))
        return rollBack(QStringLiteral("cannot write the schema version"));
    if (ds->CommitTransaction() != OGRERR_NONE)
        return failed(capture.message(QStringLiteral("cannot commit")));
    return true;
}

} // namespace sightline
