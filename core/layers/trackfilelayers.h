#pragma once

#include "layers/tracklayer.h"
#include "tracks/aisimport.h"
#include "tracks/csvimport.h"

#include <functional>
#include <memory>

namespace sightline {

/// True for the files Sightline reads as AIS logs (.nmea, .ais, .aivdm).
bool isAisLogPath(const QString &path);

/// Imports an AIS log into a new track layer. `report` says what was kept and
/// what was not; `progress` (0..1) may return false to cancel, keeping what was
/// read so far. Null with `error` set only when the file cannot be read.
std::shared_ptr<TrackLayer> loadAisTrackLayer(const QString &path, AisImportReport &report,
                                              const AisImportOptions &options = {},
                                              const std::function<bool(double)> &progress = {},
                                              QString *error = nullptr);

/// True for tables that can be imported as tracks (.csv, .gpx) when asked to.
bool isTrackTablePath(const QString &path);
/// True for a CSV whose header is a known AIS export (DMA, NOAA, MarineTraffic, GFW):
/// opened as tracks without asking. Other CSVs open as vector points (lon/lat or WKT).
bool isAisCsv(const QString &path);

/// Imports a CSV export (with `mapping`; see detectCsvMapping) or a GPX file
/// into a new track layer. Null with `error` when nothing could be read.
std::shared_ptr<TrackLayer> loadTrackTableLayer(const QString &path, const CsvColumnMapping &mapping,
                                                CsvImportReport &report,
                                                const std::function<bool(double)> &progress = {},
                                                QString *error = nullptr);

} // namespace sightline
