#pragma once

#include "util/ogrfields.h"

#include <QStringList>

#include <vector>

class GDALDataset;

namespace sightline {

/// The names of the project's tables, as the code that reads and writes them spells them.
namespace projecttable {
inline constexpr const char *kProperties = "sightline_project";
inline constexpr const char *kLayers = "sightline_layers";
inline constexpr const char *kViews = "sightline_views";
inline constexpr const char *kSightings = "sightings";
inline constexpr const char *kAnnotations = "annotations";
inline constexpr const char *kEvents = "events";
/// The path of an event that moved (gap, voyage, encounter …), a line linked by event_id; events
/// that stayed in one place have none.
inline constexpr const char *kEventPaths = "event_paths";
/// Vessels found in SAR images, one row each (vesseldetection.h), with the run that found them.
inline constexpr const char *kDetections = "detections";
/// AIS vessels inside an image's footprint at its acquisition with no detection near them.
inline constexpr const char *kAisWithoutDetection = "ais_without_detection";
inline constexpr const char *kAnalysisRuns = "sightline_analysis_runs";
inline constexpr const char *kBriefs = "sightline_briefs";
inline constexpr const char *kAudit = "sightline_audit";
} // namespace projecttable

/// The version of the project tables this Sightline writes; a project with a higher one opens read-only.
/// 1: first release. 2: events are points with their paths in event_paths, sightings carry their
/// geometry_type (and views per type), JSON columns are declared JSON, layer_styles and track_lines.
inline constexpr int kProjectSchemaVersion = 2;

/// One table a project needs: its columns and, for a map table, its geometry.
struct ProjectTableSpec
{
    const char *name;
    std::vector<OgrFieldSpec> columns;
    int geometryType = 100; ///< an OGRwkbGeometryType; wkbNone (100) for a plain table
    /// Missing from projects made before it existed: added when such a project is opened for writing.
    bool addedLater = false;
    /// Columns a project of a schema version before `columnsSince` may lack: the upgrade adds them.
    std::vector<const char *> laterColumns = {};
    int columnsSince = 0;
};

/// Every table of a project, in the order they are made: the one list that creation and
/// validation read.
const std::vector<ProjectTableSpec> &projectTables();

/// Makes each table of projectTables() that `ds` lacks (an existing one is left as it is);
/// false, with GDAL's error pending, when one cannot be made.
bool createProjectTables(GDALDataset *ds);

/// What a GeoPackage's tables say about it as a project.
struct ProjectSchemaCheck
{
    bool isProject = false; ///< it holds at least one of Sightline's own (sightline_…) tables
    int version = 0;        ///< its schema_version; 0 when missing or unreadable
    /// Each missing table or column, a missing or bad schema version, or a newer version: a
    /// project with any of these is only read.
    QStringList problems;
    /// Tables of a later Sightline that an older project lacks: not damage, added on a write open.
    QStringList missingLater;
    bool isNewer() const { return version > kProjectSchemaVersion; }
};

/// Checks `ds` against projectTables() and its schema_version, reading only.
ProjectSchemaCheck checkProjectSchema(GDALDataset *ds);

/// The value of `key` in the project's key/value table (sightline_project); empty when
/// there is none or the table cannot be read.
QString readProjectProperty(GDALDataset *ds, const char *key);

} // namespace sightline
