#pragma once

#include <QStringList>

namespace sightline {

/// `sightline ais import FILE|FOLDER|ARCHIVE|- ... --project P.gpkg`: NMEA logs, CSV exports
/// and GPX, also inside .zip, .gz, .tar.gz and folders, into a project.
/// Exit 0 when every file was read and kept something (or was imported before), 1 when one
/// gave nothing to keep, 2 for bad arguments or a file that could not be read.
int aisImportCommand(const QStringList &args);

} // namespace sightline
