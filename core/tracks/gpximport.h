#pragma once

#include "tracks/csvimport.h"

namespace sightline {

/// Reads the track points (or, failing those, route points) of a GPX file
/// through OGR. GPX carries no MMSI: each track gets a number below 1000,
/// outside the MMSI range, and its GPX name. Points without a time are rejected.
bool importGpxTracks(const QString &path, TrackStore &store, VesselRegistry &registry,
                     CsvImportReport &report, QString *error = nullptr);

} // namespace sightline
