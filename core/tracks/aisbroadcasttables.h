#pragma once

#include "tracks/aisbroadcasts.h"

#include <QString>

#include <vector>

class GDALDataset;

namespace sightline {

/// The tables of a project GeoPackage that keep what an AIS log says besides positions:
///   ais_base_stations        points: mmsi, heard (the span as text), first_heard, last_heard, reports,
///                            sources ("|"-separated tag-block names)
///   ais_aids_to_navigation   points: mmsi, name, aid_type, aid_type_text, virtual, off_position,
///                            heard, first_heard, last_heard (its last report), reports, sources
///   ais_safety_messages      points (where the sender was; none when unknown): type (12, 14), mmsi,
///                            dest_mmsi, text, time, source, channel
/// Base stations and aids are one row per MMSI, merged with what earlier imports found.
namespace aistable {
inline constexpr const char *kBaseStations = "ais_base_stations";
inline constexpr const char *kAidsToNavigation = "ais_aids_to_navigation";
inline constexpr const char *kSafetyMessages = "ais_safety_messages";
} // namespace aistable

/// Writes `broadcasts` into `ds` (inside the caller's transaction), creating the tables when
/// there is something to put in them; false, with GDAL's error pending, when a write fails.
bool writeAisBroadcasts(GDALDataset *ds, const AisBroadcasts &broadcasts);

std::vector<BaseStation> readBaseStations(GDALDataset *ds);
std::vector<AidToNavigation> readAidsToNavigation(GDALDataset *ds);
/// Oldest first; each with its row id.
std::vector<SafetyMessage> readSafetyMessages(GDALDataset *ds);
/// The same from a file, through a connection of its own: one opened before an import made the
/// table does not list it.
std::vector<SafetyMessage> readSafetyMessages(const QString &path);
std::vector<BaseStation> readBaseStations(const QString &path);
std::vector<AidToNavigation> readAidsToNavigation(const QString &path);

/// How many rows each table of a project file holds (0 for a missing table).
struct AisBroadcastCounts
{
    std::int64_t baseStations = 0;
    std::int64_t aidsToNavigation = 0;
    std::int64_t safetyMessages = 0;
};
AisBroadcastCounts countAisBroadcasts(const QString &path);

} // namespace sightline
