#include "tracks/trackinterpolation.h"

#include "geo/geodesic.h"
#include "tracks/trackstore.h"

#include <algorithm>
#include <cmath>

namespace sightline {

std::optional<TrackPositionAt> trackPositionAt(const VesselTrack &track, std::int64_t ms, std::int64_t gapMs)
{
    const std::size_t n = track.size();
    if (n == 0 || ms < track.timeMs(0) || ms > track.timeMs(n - 1))
        return std::nullopt;
    const std::int64_t *times = track.times();
    // The first fix after the instant; the one before it is where the vessel last reported.
    const std::size_t after = std::size_t(std::upper_bound(times, times + n, ms) - times);
    TrackPositionAt at;
    at.before = after - 1;
    const std::size_t b = at.before;
    const QPointF from(track.lon(b), track.lat(b));
    if (times[b] == ms || after >= n) {
        at.lonLat = from;
        at.exact = true;
        const double cog = track.cog(b);
        at.courseDeg = !std::isnan(cog) ? cog : track.heading(b) >= 0 ? track.heading(b) : 0.0;
        return at;
    }
    const QPointF to(track.lon(after), track.lat(after));
    at.silenceMs = times[after] - times[b];
    at.inGap = at.silenceMs > gapMs;
    const double f = double(ms - times[b]) / double(at.silenceMs);
    const GeodesicInverse leg = Geodesic::inverse(from, to);
    at.courseDeg = std::fmod(leg.azimuth1Deg + 360.0, 360.0);
    at.lonLat =
        leg.distanceMetres > 0 ? Geodesic::direct(from, leg.azimuth1Deg, leg.distanceMetres * f) : from;
    return at;
}

} // namespace sightline
