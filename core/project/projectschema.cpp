#include "project/projectschema.h"

#include <ogrsf_frmts.h>

#include <algorithm>

namespace sightline {

using namespace projecttable;

const std::vector<ProjectTableSpec> &projectTables()
{
    static const std::vector<ProjectTableSpec> tables{
        {kProperties, {{"key", OFTString}, {"value", OFTString}}},
        {kLayers,
         {{"position", OFTInteger},
          {"source", OFTString},
          {"layer_name", OFTString},
          {"name", OFTString},
          {"visible", OFTInteger},
          {"opacity", OFTReal},
          {"style", OFTString, OFSTJSON}}},
        {kViews,
         {{"name", OFTString},
          {"west", OFTReal},
          {"south", OFTReal},
          {"east", OFTReal},
          {"north", OFTReal},
          {"crs", OFTString}}},
        {kSightings,
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
          {"version", OFTInteger},
          {"geometry_type", OFTString}},
         // A sighting is a point, several points (a count), a line or an area: the table holds any,
         // and the views of sightingViews() give other tools one declared type each.
         wkbUnknown,
         false,
         {"geometry_type"},
         2},
        {kAnnotations,
         {{"type", OFTString},
          {"text", OFTString},
          {"colour", OFTString},
          {"width_px", OFTReal},
          {"font_px", OFTInteger},
          {"created_at", OFTDateTime},
          {"updated_at", OFTDateTime}},
         wkbUnknown,
         true},
        {kEvents,
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
          {"details", OFTString, OFSTJSON},
          {"parameters", OFTString, OFSTJSON}},
         // Where the event happened; an event that moved has its path in event_paths.
         wkbPoint,
         true},
        {kEventPaths,
         {{"event_id", OFTInteger64}, {"type", OFTString}, {"mmsi", OFTInteger64}},
         wkbLineString,
         true},
        // Added in schema 2 without a version of their own: a project without them gains them
        // when opened for writing, as every table marked added later does.
        {kDetections,
         {{"run_id", OFTInteger64},
          {"scene_id", OFTString},
          {"image", OFTString},
          {"acquired_at", OFTDateTime},
          {"length_m", OFTReal},
          {"width_m", OFTReal},
          {"heading", OFTReal},
          {"confidence", OFTReal},
          {"pixel_count", OFTInteger},
          {"peak_ratio", OFTReal},
          {"pixel_col", OFTReal},
          {"pixel_row", OFTReal},
          {"mmsi", OFTInteger64},
          {"vessel_name", OFTString},
          {"match_score", OFTReal},
          {"match_distance_m", OFTReal},
          {"parameters", OFTString, OFSTJSON}},
         wkbPoint,
         true},
        {kAisWithoutDetection,
         {{"run_id", OFTInteger64},
          {"scene_id", OFTString},
          {"image", OFTString},
          {"acquired_at", OFTDateTime},
          {"mmsi", OFTInteger64},
          {"vessel_name", OFTString},
          {"reported_length_m", OFTReal},
          {"reason", OFTString}},
         wkbPoint,
         true},
        {kAnalysisRuns,
         {{"kind", OFTString},
          {"ran_at", OFTDateTime},
          {"analyst", OFTString},
          {"parameters", OFTString, OFSTJSON},
          {"event_count", OFTInteger}},
         wkbNone,
         true},
        {kBriefs,
         {{"name", OFTString}, {"definition", OFTString, OFSTJSON}, {"updated_at", OFTDateTime}},
         wkbNone,
         true},
        {kAudit,
         {{"time", OFTDateTime},
          {"user", OFTString},
          {"action", OFTString},
          {"table_name", OFTString},
          {"feature_id", OFTInteger64},
          {"details", OFTString, OFSTJSON}}},
    };
    return tables;
}

bool createProjectTables(GDALDataset *ds)
{
    for (const ProjectTableSpec &t : projectTables())
        if (!ensureOgrTable(ds, t.name, t.columns, t.geometryType))
            return false;
    return true;
}

QString readProjectProperty(GDALDataset *ds, const char *key)
{
    OGRLayer *props = ds->GetLayerByName(kProperties);
    if (!props)
        return {};
    // Compared here rather than by an attribute filter, which a damaged table may refuse
    // (and then every row would match).
    const int keyField = props->GetLayerDefn()->GetFieldIndex("key");
    const int valueField = props->GetLayerDefn()->GetFieldIndex("value");
    if (keyField < 0 || valueField < 0)
        return {};
    props->ResetReading();
    QString value;
    for (auto &f : *props) {
        if (ogrText(*f, keyField) == QLatin1String(key)) {
            value = ogrText(*f, valueField);
            break;
        }
    }
    props->ResetReading();
    return value;
}

ProjectSchemaCheck checkProjectSchema(GDALDataset *ds)
{
    ProjectSchemaCheck check;
    for (const ProjectTableSpec &t : projectTables())
        if (QByteArray(t.name).startsWith("sightline_") && ds->GetLayerByName(t.name))
            check.isProject = true;
    if (!check.isProject)
        return check;

    if (OGRLayer *props = ds->GetLayerByName(kProperties);
        props && props->GetLayerDefn()->GetFieldIndex("key") >= 0 &&
        props->GetLayerDefn()->GetFieldIndex("value") >= 0) {
        const QString text = readProjectProperty(ds, "schema_version");
        bool ok = false;
        const int version = text.trimmed().toInt(&ok);
        if (text.isEmpty()) {
            check.problems
                << QStringLiteral("table '%1' has no schema_version").arg(QLatin1String(kProperties));
        } else if (!ok || version < 1) {
            check.problems << QStringLiteral("the schema_version '%1' in table '%2' is not a version number")
                                  .arg(text.left(40), QLatin1String(kProperties));
        } else {
            check.version = version;
        }
    }
    if (check.isNewer()) {
        // A later Sightline may have changed any table: what this one expects says nothing.
        check.problems << QStringLiteral("made by a newer Sightline (schema version %1; this Sightline knows "
                                         "up to version %2)")
                              .arg(check.version)
                              .arg(kProjectSchemaVersion);
        return check;
    }

    for (const ProjectTableSpec &t : projectTables()) {
        const QString table = QString::fromLatin1(t.name);
        OGRLayer *layer = ds->GetLayerByName(t.name);
        if (!layer) {
            if (t.addedLater)
                check.missingLater << table;
            else
                check.problems << QStringLiteral("table '%1' is missing").arg(table);
            continue;
        }
        OGRFeatureDefn *defn = layer->GetLayerDefn();
        const bool upgradeAdds = check.version > 0 && check.version < t.columnsSince;
        for (const OgrFieldSpec &c : t.columns)
            if (defn->GetFieldIndex(c.name) < 0 &&
                !(upgradeAdds && std::find_if(t.laterColumns.begin(), t.laterColumns.end(),
                                              [&](const char *n) { return qstrcmp(n, c.name) == 0; }) !=
                                     t.laterColumns.end()))
                check.problems
                    << QStringLiteral("table '%1' has no column '%2'").arg(table, QLatin1String(c.name));
        if (t.geometryType != wkbNone && defn->GetGeomFieldCount() == 0)
            check.problems << QStringLiteral("table '%1' has no geometry column").arg(table);
    }
    return check;
}

} // namespace sightline
