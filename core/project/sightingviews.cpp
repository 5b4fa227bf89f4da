#include "project/sightingviews.h"

#include "project/projectschema.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

namespace sightline {

namespace {

// Runs one statement of SQLite; a SELECT's result is read for a count.
bool runSql(GDALDataset *ds, const QString &sql)
{
    CPLErrorReset();
    if (OGRLayer *result = ds->ExecuteSQL(sql.toUtf8().constData(), nullptr, nullptr))
        ds->ReleaseResultSet(result);
    return CPLGetLastErrorType() < CE_Failure;
}

bool hasRow(GDALDataset *ds, const QString &sql)
{
    OGRLayer *result = ds->ExecuteSQL(sql.toUtf8().constData(), nullptr, nullptr);
    if (!result)
        return false;
    OGRFeatureUniquePtr f{result->GetNextFeature()};
    const bool found = f && f->GetFieldAsInteger64(0) > 0;
    ds->ReleaseResultSet(result);
    return found;
}

} // namespace

const std::vector<SightingView> &sightingViews()
{
    static const std::vector<SightingView> views{
        {"sightings_points", "Sightings (points)", "POINT", SightingGeometry::Type::Point},
        {"sightings_counts", "Sightings (counts)", "MULTIPOINT", SightingGeometry::Type::MultiPoint},
        {"sightings_lines", "Sightings (lines)", "LINESTRING", SightingGeometry::Type::Line},
        {"sightings_areas", "Sightings (areas)", "POLYGON", SightingGeometry::Type::Polygon},
    };
    return views;
}

const char *sightingGeometryTypeValue(SightingGeometry::Type type)
{
    switch (type) {
    case SightingGeometry::Type::Point:
        return "Point";
    case SightingGeometry::Type::MultiPoint:
        return "MultiPoint";
    case SightingGeometry::Type::Line:
        return "LineString";
    case SightingGeometry::Type::Polygon:
        return "Polygon";
    }
    return "";
}

bool createSightingViews(GDALDataset *ds, QString *error)
{
    const QString table = QString::fromLatin1(projecttable::kSightings);
    for (const SightingView &v : sightingViews()) {
        const QString name = QString::fromLatin1(v.name);
        if (hasRow(ds,
                   QStringLiteral("SELECT count(*) FROM gpkg_contents WHERE table_name = '%1'").arg(name)))
            continue;
        const bool ok =
            runSql(ds,
                   QStringLiteral(
                       "CREATE VIEW IF NOT EXISTS \"%1\" AS SELECT * FROM \"%2\" WHERE geometry_type = '%3'")
                       .arg(name, table, QLatin1String(sightingGeometryTypeValue(v.type)))) &&
            runSql(ds,
                   QStringLiteral(
                       "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) "
                       "VALUES ('%1', 'features', '%2', 'the %3 of table %4: edited in Sightline', 4326)")
                       .arg(name, QLatin1String(v.title), QString::fromLatin1(v.title).mid(11).chopped(1),
                            table)) &&
            runSql(ds, QStringLiteral(
                           "INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, "
                           "srs_id, z, m) VALUES ('%1', 'geom', '%2', 4326, 0, 0)")
                           .arg(name, QLatin1String(v.geometryType)));
        if (!ok) {
            if (error)
                *error = QStringLiteral("cannot make the view '%1': %2")
                             .arg(name, QString::fromUtf8(CPLGetLastErrorMsg()));
            return false;
        }
    }
    return true;
}

} // namespace sightline
