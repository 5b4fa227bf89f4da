#pragma once

#include "model/sighting.h"

#include <vector>

class GDALDataset;

namespace sightline {

/// The sightings table holds points, counts (several points), lines and areas together, which
/// other tools list as geometry "Unknown". Each kind of geometry is also a GeoPackage view of that
/// table with one declared type, filtered on the plain column geometry_type, so QGIS lists
/// "Sightings (points)", "Sightings (areas)" … and draws them styled. The workbench edits the table.
struct SightingView
{
    const char *name;         ///< the view: sightings_points …
    const char *title;        ///< gpkg_contents.identifier, what QGIS lists
    const char *geometryType; ///< as gpkg_geometry_columns names it: POINT …
    SightingGeometry::Type type;
};
const std::vector<SightingView> &sightingViews();

/// The sightings table's geometry_type value for a geometry: "Point", "MultiPoint", "LineString", "Polygon".
const char *sightingGeometryTypeValue(SightingGeometry::Type type);

/// Makes each view that `ds` lacks and registers it in gpkg_contents and gpkg_geometry_columns;
/// inside the caller's transaction. False, with the reason in `error`, when one cannot be made.
bool createSightingViews(GDALDataset *ds, QString *error = nullptr);

} // namespace sightline
