#pragma once

#include <QString>

#include <cstdint>
#include <vector>

class GDALDataset;

namespace sightline {

/// The track-lines table of a GeoPackage with AIS positions: one LINESTRING (EPSG:4326) per vessel
/// and stretch of reporting without a silence longer than kTrackLineBreakMs, with mmsi, name,
/// start_time, end_time, point_count and segment (0, 1 … in time order). Derived from
/// ais_positions and rewritten with them, so other tools (QGIS) can draw tracks as lines.
namespace tracklines {
inline constexpr const char *kTable = "track_lines";
/// A silence this long ends a line: the workbench dashes the same silences.
inline constexpr std::int64_t kTrackLineBreakMs = 2 * 3600 * 1000;
} // namespace tracklines

/// Rewrites the track lines of the vessels `mmsis` (every vessel when empty) from ais_positions,
/// making the table when it is missing. Runs inside the caller's transaction, if any. A stretch
/// with fewer than two distinct places is not a line and gets none. False, with the reason in
/// `error`, when a table cannot be read or written.
bool rebuildTrackLines(GDALDataset *ds, const std::vector<std::uint32_t> &mmsis, QString *error = nullptr);

} // namespace sightline
