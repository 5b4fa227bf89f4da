#include "project/qgisstyles.h"

#include "analysis/movementevent.h"
#include "layers/eventlayer.h"
#include "layers/sightinglayer.h"
#include "layers/tracklayer.h"
#include "model/sighting.h"
#include "project/projectschema.h"
#include "project/qgisstylexml.h"
#include "project/sightingviews.h"
#include "tracks/tracklines.h"
#include "util/gdalutil.h"
#include "util/ogrfields.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QDateTime>
#include <QSet>

#include <map>

namespace sightline {

namespace {

// The tables and views `ds` registers, read from gpkg_contents: views made in this connection are
// not in GDAL's list of layers until it reopens.
QSet<QString> registeredTables(GDALDataset *ds)
{
    QSet<QString> names;
    if (OGRLayer *result = ds->ExecuteSQL("SELECT table_name FROM gpkg_contents", nullptr, nullptr)) {
        for (auto &f : *result)
            names << QString::fromUtf8(f->GetFieldAsString(0));
        ds->ReleaseResultSet(result);
    }
    return names;
}

QList<StyleCategory> eventCategories(bool pathsDashedForGaps)
{
    QList<StyleCategory> list;
    for (EventType t : allEventTypes())
        // Heard or seen, not found in the tracks: each kept in its own table.
        if (t != EventType::SafetyMessage && t != EventType::VesselDetection)
            list << StyleCategory{eventTypeKey(t), eventTypeLabel(t), EventLayer::eventColour(t),
                                  pathsDashedForGaps && t == EventType::Gap};
    return list;
}

// Vessels by MMSI, named as the Vessels panel names them; empty when there are none yet.
QList<StyleCategory> vesselCategories(GDALDataset *ds)
{
    std::map<std::uint32_t, QString> vessels;
    if (OGRLayer *table = ds->GetLayerByName("vessels")) {
        table->ResetReading();
        for (auto &v : *table)
            vessels[std::uint32_t(v->GetFieldAsInteger64("mmsi"))] = ogrText(*v, "name");
        table->ResetReading();
    }
    QList<StyleCategory> list;
    for (const auto &[mmsi, name] : vessels)
        list << StyleCategory{QString::number(mmsi),
                              name.isEmpty() ? QString::number(mmsi)
                                             : QStringLiteral("%1 (%2)").arg(name).arg(mmsi),
                              TrackLayer::vesselColour(mmsi)};
    return list;
}

QgisLayerStyle makeStyle(const QString &table, const QString &description, const CategorizedStyle &style)
{
    return {table, QStringLiteral("geom"), description, styleQml(style), styleSld(style, table)};
}

bool runSql(GDALDataset *ds, const QString &sql)
{
    CPLErrorReset();
    if (OGRLayer *result = ds->ExecuteSQL(sql.toUtf8().constData(), nullptr, nullptr))
        ds->ReleaseResultSet(result);
    return CPLGetLastErrorType() < CE_Failure;
}

// The table as QGIS's OGR provider makes it on the first "Save as default" into a GeoPackage.
OGRLayer *ensureLayerStyles(GDALDataset *ds)
{
    if (OGRLayer *l = ds->GetLayerByName(kLayerStylesTable))
        return l;
    const char *options[] = {"FID=id", nullptr};
    OGRLayer *l = ds->CreateLayer(kLayerStylesTable, nullptr, wkbNone, const_cast<char **>(options));
    if (!l)
        return nullptr;
    auto add = [l](const char *name, OGRFieldType type, int width = 0, OGRFieldSubType sub = OFSTNone) {
        OGRFieldDefn f(name, type);
        f.SetWidth(width);
        f.SetSubType(sub);
        return l->CreateField(&f) == OGRERR_NONE;
    };
    OGRFieldDefn updateTime("update_time", OFTDateTime);
    updateTime.SetDefault("CURRENT_TIMESTAMP");
    const bool ok = add("f_table_catalog", OFTString, 256) && add("f_table_schema", OFTString, 256) &&
                    add("f_table_name", OFTString, 256) && add("f_geometry_column", OFTString, 256) &&
                    add("styleName", OFTString, 30) && add("styleQML", OFTString) &&
                    add("styleSLD", OFTString) && add("useAsDefault", OFTInteger, 0, OFSTBoolean) &&
                    add("description", OFTString) && add("owner", OFTString, 30) &&
                    add("ui", OFTString, 30) && l->CreateField(&updateTime) == OGRERR_NONE;
    return ok ? l : nullptr;
}

} // namespace

QList<QgisLayerStyle> projectQgisStyles(GDALDataset *ds)
{
    const QSet<QString> tables = registeredTables(ds);
    QList<QgisLayerStyle> styles;
    auto has = [&tables](const char *name) { return tables.contains(QString::fromLatin1(name)); };

    if (has(projecttable::kEvents)) {
        CategorizedStyle s;
        s.attribute = QStringLiteral("type");
        s.categories = eventCategories(false);
        s.otherLabel = QStringLiteral("Any other type");
        s.sizeMm = 3.0;
        styles << makeStyle(QString::fromLatin1(projecttable::kEvents),
                            QStringLiteral("Events by type, where each happened"), s);
    }
    if (has(projecttable::kEventPaths)) {
        CategorizedStyle s;
        s.symbol = CategorizedStyle::Symbol::Line;
        s.attribute = QStringLiteral("type");
        s.categories = eventCategories(true);
        s.otherLabel = QStringLiteral("Any other type");
        s.sizeMm = 0.7;
        styles << makeStyle(QString::fromLatin1(projecttable::kEventPaths),
                            QStringLiteral("The paths of events that moved, by type (dark periods dashed)"),
                            s);
    }
    QList<StyleCategory> kinds;
    for (const QString &kind : sightingKinds())
        kinds << StyleCategory{kind, sightingKindLabel(kind), sightingColour(kind)};
    for (const SightingView &v : sightingViews()) {
        if (!has(v.name))
            continue;
        CategorizedStyle s;
        s.attribute = QStringLiteral("kind");
        s.categories = kinds;
        s.otherColour = sightingColour(QStringLiteral("other"));
        s.otherLabel = QStringLiteral("Any other kind");
        s.labelField = QStringLiteral("kind");
        if (v.type == SightingGeometry::Type::Line) {
            s.symbol = CategorizedStyle::Symbol::Line;
            s.sizeMm = 0.8;
        } else if (v.type == SightingGeometry::Type::Polygon) {
            s.symbol = CategorizedStyle::Symbol::Fill;
            s.sizeMm = 0.6;
        } else {
            s.sizeMm = v.type == SightingGeometry::Type::MultiPoint ? 1.8 : 3.2;
        }
        styles << makeStyle(QString::fromLatin1(v.name),
                            QStringLiteral("%1 by kind").arg(QLatin1String(v.title)), s);
    }
    const QList<StyleCategory> vessels = vesselCategories(ds);
    if (has(tracklines::kTable)) {
        CategorizedStyle s;
        s.symbol = CategorizedStyle::Symbol::Line;
        s.attribute = QStringLiteral("mmsi");
        s.categories = vessels;
        s.otherLabel = QStringLiteral("Any other vessel");
        s.sizeMm = 0.6;
        s.labelField = QStringLiteral("name");
        styles << makeStyle(QString::fromLatin1(tracklines::kTable), QStringLiteral("Tracks by vessel"), s);
    }
    if (has("ais_positions")) {
        CategorizedStyle s;
        s.attribute = QStringLiteral("mmsi");
        s.categories = vessels;
        s.otherLabel = QStringLiteral("Any other vessel");
        s.sizeMm = 1.2;
        styles << makeStyle(QStringLiteral("ais_positions"), QStringLiteral("AIS positions by vessel"), s);
    }
    return styles;
}

bool writeQgisStyles(GDALDataset *ds, QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = QStringLiteral("layer styles: %1").arg(why);
        return false;
    };
    const QList<QgisLayerStyle> styles = projectQgisStyles(ds);
    OGRLayer *table = ensureLayerStyles(ds);
    if (!table)
        return fail(QStringLiteral("cannot make table '%1'").arg(QLatin1String(kLayerStylesTable)));
    // Sightline's earlier rows go; a style the user saved (another name) stays, and stays the
    // default when they made it one.
    std::vector<GIntBig> ours;
    QSet<QString> userDefaults;
    table->ResetReading();
    for (auto &f : *table) {
        if (ogrText(*f, "styleName") == QLatin1String(kSightlineStyleName))
            ours.push_back(f->GetFID());
        else if (f->GetFieldAsInteger("useAsDefault"))
            userDefaults << ogrText(*f, "f_table_name");
    }
    for (GIntBig fid : ours)
        if (table->DeleteFeature(fid) != OGRERR_NONE)
            return fail(QStringLiteral("cannot replace Sightline's styles"));
    for (const QgisLayerStyle &s : styles) {
        OGRFeature f(table->GetLayerDefn());
        f.SetField("f_table_catalog", "");
        f.SetField("f_table_schema", "");
        f.SetField("f_table_name", s.table.toUtf8().constData());
        f.SetField("f_geometry_column", s.geometryColumn.toUtf8().constData());
        f.SetField("styleName", kSightlineStyleName);
        f.SetField("styleQML", s.qml.toUtf8().constData());
        f.SetField("styleSLD", s.sld.toUtf8().constData());
        f.SetField("useAsDefault", userDefaults.contains(s.table) ? 0 : 1);
        f.SetField("description", s.description.toUtf8().constData());
        f.SetField("owner", "");
        setOgrUtcTime(f, f.GetFieldIndex("update_time"), QDateTime::currentMSecsSinceEpoch());
        if (table->CreateFeature(&f) != OGRERR_NONE)
            return fail(QStringLiteral("cannot write the style of '%1'").arg(s.table));
    }
    return true;
}

bool refreshQgisStyles(const QString &path, QString *error)
{
    ensureGdalInitialised();
    GdalErrorCapture capture;
    const char *drivers[] = {"GPKG", nullptr};
    GDALDatasetUniquePtr ds(
        GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, drivers));
    auto failed = [&](const QString &why) {
        if (error)
            *error = QStringLiteral("'%1': %2").arg(path, why);
        return false;
    };
    if (!ds)
        return failed(capture.message(QStringLiteral("cannot be opened for writing")));
    if (!ds->GetLayerByName(projecttable::kProperties))
        return true; // positions only, not yet a project: its tables get their styles when it becomes one
    // The workbench keeps its own connection to the project open: wait for it rather than fail.
    runSql(ds.get(), QStringLiteral("PRAGMA busy_timeout = 15000"));
    if (ds->StartTransaction() != OGRERR_NONE)
        return failed(capture.message(QStringLiteral("cannot start a transaction")));
    QString why;
    if (!writeQgisStyles(ds.get(), &why)) {
        ds->RollbackTransaction();
        return failed(why);
    }
    if (ds->CommitTransaction() != OGRERR_NONE)
        return failed(capture.message(QStringLiteral("cannot commit the layer styles")));
    return true;
}

} // namespace sightline
