#pragma once

#include "exchange/exchangetables.h"

#include <QString>

#include <functional>
#include <vector>

class QIODevice;

namespace sightline {

/// Writes the tables through OGR: `driver` "GPKG" puts every table in the one file `path`;
/// "FlatGeobuf" (one layer a file) writes each table to the path `pathForTable` gives it.
/// Geometries in EPSG:4326, times as DateTime fields (UTC). `progress` (0..1) returning false
/// stops the writing. False with *error naming the file when a file cannot be written.
bool writeTablesWithOgr(const std::vector<ExchangeTable> &tables, const QString &driver,
                        const std::function<QString(const ExchangeTable &)> &pathForTable, QString *error,
                        const std::function<bool(double)> &progress = {});

/// One RFC 7946 FeatureCollection of every table: WGS84 lon/lat, exterior rings counter-clockwise
/// (the right-hand rule), times in ISO 8601 UTC, and in each feature's properties the table it
/// comes from as "layer" ("tracks", "events", "sightings_areas", …). One feature a line.
void writeTablesAsGeoJson(const std::vector<ExchangeTable> &tables, QIODevice &out);

} // namespace sightline
