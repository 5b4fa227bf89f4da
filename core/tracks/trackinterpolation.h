#pragma once

#include <QPointF>

#include <cstddef>
#include <cstdint>
#include <optional>

namespace sightline {

class VesselTrack;

/// Where a vessel was at one instant, from the fixes around it.
struct TrackPositionAt
{
    QPointF lonLat;
    double courseDeg =
        0;              ///< along the way from the fix before to the fix after (the fix's course when exact)
    bool exact = false; ///< a fix at that very time
    bool inGap = false; ///< between fixes further apart than the gap threshold: a guess, to be shown as one
    std::size_t before = 0;     ///< index of the fix at or before the instant
    std::int64_t silenceMs = 0; ///< time between the fixes around the instant
};

/// The vessel's position at `ms`, moved along the geodesic between the fixes before and after it
/// at the speed that joins them; marked `inGap` when those fixes are more than `gapMs` apart.
/// Nothing before the first fix or after the last: a track says nothing outside its span.
std::optional<TrackPositionAt> trackPositionAt(const VesselTrack &track, std::int64_t ms, std::int64_t gapMs);

} // namespace sightline
