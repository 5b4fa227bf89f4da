#include "tracks/vesselsnear.h"

#include "geo/geodesic.h"
#include "tracks/trackinterpolation.h"
#include "tracks/trackstore.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace sightline {

namespace {

constexpr double kMetresPerDegree = 111'320.0;

/// Whether a track's box, grown by the radius, can hold the place: most tracks are far away, and a
/// box test is much cheaper than a geodesic per fix.
bool mayReach(const QRectF &bounds, QPointF place, double radiusMetres)
{
    const double dLat = radiusMetres / kMetresPerDegree * 1.01;
    const double cosLat = std::max(0.01, std::cos(place.y() * M_PI / 180.0));
    const double dLon = std::min(360.0, dLat / cosLat);
    return bounds.adjusted(-dLon, -dLat, dLon, dLat).contains(place);
}

} // namespace

std::vector<VesselNear> vesselsNear(const TrackStore &tracks, const VesselsNearQuery &query)
{
    std::vector<VesselNear> found;
    if (!(query.radiusMetres > 0))
        return found;
    for (const VesselTrack &track : tracks.tracks()) {
        if (track.empty() || !mayReach(track.boundsWgs84(), query.lonLat, query.radiusMetres))
            continue;
        VesselNear best;
        best.mmsi = track.mmsi();
        best.distanceMetres = query.radiusMetres;
        bool near = false;
        if (const auto at = trackPositionAt(track, query.atMs, query.gapMs)) {
            const double d = Geodesic::inverse(query.lonLat, at->lonLat).distanceMetres;
            if (d <= best.distanceMetres) {
                best.distanceMetres = d;
                best.atMs = query.atMs;
                best.lonLat = at->lonLat;
                best.atInstant = true;
                best.guessed = at->inGap;
                near = true;
            }
        }
        if (query.windowMs > 0) {
            const auto [first, last] = track.rangeForTime(query.atMs - query.windowMs, query.atMs + query.windowMs);
            for (std::size_t i = first; i < last; ++i) {
                const QPointF fix(track.lon(i), track.lat(i));
                const double d = Geodesic::inverse(query.lonLat, fix).distanceMetres;
                // Of fixes as close, the one nearest the instant; the position at the instant itself
                // wins a tie, as the answer to the question asked.
                const std::int64_t offset = std::llabs(track.timeMs(i) - query.atMs);
                const bool closer = d < best.distanceMetres ||
                                    (d == best.distanceMetres &&
                                     (!near || offset < std::llabs(best.atMs - query.atMs)));
                if (closer) {
                    best.distanceMetres = d;
                    best.atMs = track.timeMs(i);
                    best.lonLat = fix;
                    best.atInstant = track.timeMs(i) == query.atMs;
                    best.guessed = false;
                    near = true;
                }
            }
        }
        if (near)
            found.push_back(best);
    }
    std::sort(found.begin(), found.end(), [](const VesselNear &a, const VesselNear &b) {
        return a.distanceMetres != b.distanceMetres ? a.distanceMetres < b.distanceMetres : a.mmsi < b.mmsi;
    });
    return found;
}

} // namespace sightline
