#pragma once

#include "analysis/localdistance.h"
#include "analysis/movementevent.h"
#include "tracks/trackstore.h"

#include <cmath>

namespace sightline {

inline QPointF positionAt(const VesselTrack &track, std::size_t i)
{
    return {track.lon(i), track.lat(i)};
}

/// Knots at position i: the reported speed over ground, or when the report had none
/// (GPX, some CSVs) the speed implied by the neighbouring fixes.
inline double speedKnotsAt(const VesselTrack &track, std::size_t i)
{
    const double sog = track.sog(i);
    if (!std::isnan(sog))
        return sog;
    const std::size_t n = track.size();
    if (n < 2)
        return 0.0;
    const std::size_t a = i == 0 ? 0 : i - 1;
    const std::size_t b = i == 0 ? 1 : i;
    return knotsFrom(haversineMetres(positionAt(track, a), positionAt(track, b)),
                     track.timeMs(b) - track.timeMs(a));
}

} // namespace sightline
