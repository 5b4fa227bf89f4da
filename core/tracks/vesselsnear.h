#pragma once

#include <QPointF>

#include <cstdint>
#include <vector>

namespace sightline {

class TrackStore;

/// "Which vessels were here at that time?": a place, an instant and how far around both to look.
struct VesselsNearQuery
{
    QPointF lonLat;              ///< the place asked about (WGS84)
    std::int64_t atMs = 0;       ///< the instant (the time cursor)
    double radiusMetres = 5000;  ///< how close counts as "here"
    std::int64_t windowMs = 0;   ///< fixes this long before or after the instant count too
    std::int64_t gapMs = 0;      ///< fixes further apart than this leave the position between them a guess
};

/// A vessel that was near the place around the instant: its closest approach.
struct VesselNear
{
    std::uint32_t mmsi = 0;
    double distanceMetres = 0; ///< from the place to where the vessel was at `atMs`
    std::int64_t atMs = 0;     ///< when it was that close
    QPointF lonLat;            ///< where it was then
    bool atInstant = false;    ///< its position at the instant itself (interpolated between its fixes)
    bool guessed = false;      ///< that position lies in a silence longer than the gap threshold
};

/// The vessels whose position at the instant (interpolated between the fixes around it), or one of
/// whose fixes within `windowMs` of it, lies within `radiusMetres` of the place; closest first.
std::vector<VesselNear> vesselsNear(const TrackStore &tracks, const VesselsNearQuery &query);

} // namespace sightline
