#pragma once

#include <QStringList>

namespace sightline {

/// `sightline detect vessels IMAGE --project P [--land FILE|LAYER] [--pfa P] [windows …]
/// [--acquired TIME] [--format json|csv|geojson] [--save]`: finds the vessels in a SAR image
/// (two-parameter CFAR over the sea), matches each to the project's AIS at the acquisition, and
/// lists them (matched, or dark with MMSI null) with the AIS vessels in the footprint that were
/// not seen. --save stores them in the project, replacing the image's previous answer. Exit 0,
/// 1 when --save is refused by a read-only project, 2 for bad arguments or an image, project or
/// land layer that cannot be read (or an image with no acquisition time and no --acquired).
int runDetectCommand(const QStringList &args);

} // namespace sightline
