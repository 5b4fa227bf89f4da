#pragma once

#include <QStringList>

namespace sightline {

/// `sightline export --project P -o FILE`: a case's tracks, events, sightings and annotations to
/// Google Earth (KMZ, KML) and GIS formats (GeoJSON, GeoPackage, FlatGeobuf), the format by the
/// file's suffix, narrowed by --what, --time and --extent. The project is only read. Exit 0 when
/// written, 1 when the selection holds nothing or a file cannot be written, 2 for a mistake on the
/// command line or a project that cannot be opened.
int runExportCommand(const QStringList &args);

} // namespace sightline
