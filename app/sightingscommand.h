#pragma once

#include <QStringList>

namespace sightline {

/// `sightline sightings export|import|list`: sightings between a project and
/// GeoJSON, KML or CSV files (sightinginterchange.h). Import stores each
/// sighting in its own transaction and prints "added ID TITLE" once it is
/// committed, so whatever was reported survives a kill. Exit 0 on success, 1 when
/// an import skipped features, 2 for bad arguments or a file or project that
/// cannot be opened.
int runSightingsCommand(const QStringList &args);

} // namespace sightline
