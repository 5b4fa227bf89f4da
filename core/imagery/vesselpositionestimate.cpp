#include "imagery/vesselpositionestimate.h"

#include "geo/geodesic.h"
#include "tracks/trackinterpolation.h"
#include "tracks/trackstore.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace sightline {

namespace {

constexpr double kMetresPerNauticalMile = 1852.0;
constexpr double kMsPerHour = 3'600'000.0;

/// The speed an uncertainty grows with: the fastest of what is known, capped; the cap itself when
/// nothing is known (a vessel that never said its speed may have been making any).
double growthSpeedKnots(std::initializer_list<double> knownKnots, double capKnots)
{
    double fastest = std::numeric_limits<double>::quiet_NaN();
    for (const double v : knownKnots)
        if (std::isfinite(v))
            fastest = std::isnan(fastest) ? v : std::max(fastest, v);
    return std::isnan(fastest) ? capKnots : std::min(fastest, capKnots);
}

double radiusFor(const MatchParameters &parameters, double speedKnots, std::int64_t ageMs, double growth)
{
    return parameters.baseRadiusM +
           growth * speedKnots * kMetresPerNauticalMile * (double(ageMs) / kMsPerHour);
}

/// Carries the fix `i` on for `deltaMs` (negative: back in time) along its course at its speed;
/// leaves it where it was when either is unknown.
VesselPositionEstimate extrapolate(const VesselTrack &track, std::size_t i, std::int64_t deltaMs,
                                   const MatchParameters &parameters)
{
    VesselPositionEstimate estimate;
    estimate.extrapolated = true;
    estimate.nearestFixMs = std::abs(deltaMs);
    const QPointF fix(track.lon(i), track.lat(i));
    const double sog = track.sog(i);
    double course = track.cog(i);
    if (std::isnan(course) && track.heading(i) >= 0)
        course = track.heading(i);
    estimate.lonLat = fix;
    if (std::isfinite(sog) && std::isfinite(course) && sog > 0) {
        const double metres = sog * kMetresPerNauticalMile * (double(std::abs(deltaMs)) / kMsPerHour);
        estimate.lonLat = Geodesic::direct(fix, deltaMs >= 0 ? course : course + 180.0, metres);
    }
    estimate.speedKnots = growthSpeedKnots({sog}, parameters.maxSpeedKnots);
    estimate.radiusM = radiusFor(parameters, estimate.speedKnots, estimate.nearestFixMs, kExtrapolatedGrowth);
    return estimate;
}

} // namespace

double largestUncertaintyM(const MatchParameters &parameters)
{
    const auto longest = std::int64_t(parameters.maxExtrapolationHours * kMsPerHour);
    return radiusFor(parameters, parameters.maxSpeedKnots, longest,
                     std::max(kInterpolatedGrowth, kExtrapolatedGrowth));
}

std::optional<VesselPositionEstimate>
estimateVesselPosition(const VesselTrack &track, std::int64_t acquiredMs, const MatchParameters &parameters)
{
    if (track.empty())
        return std::nullopt;
    const auto longestMs = std::int64_t(parameters.maxExtrapolationHours * kMsPerHour);
    const std::size_t last = track.size() - 1;
    if (acquiredMs < track.firstTimeMs()) {
        if (track.firstTimeMs() - acquiredMs > longestMs)
            return std::nullopt;
        return extrapolate(track, 0, acquiredMs - track.firstTimeMs(), parameters);
    }
    if (acquiredMs > track.lastTimeMs()) {
        if (acquiredMs - track.lastTimeMs() > longestMs)
            return std::nullopt;
        return extrapolate(track, last, acquiredMs - track.lastTimeMs(), parameters);
    }
    const auto at = trackPositionAt(track, acquiredMs, std::numeric_limits<std::int64_t>::max());
    if (!at)
        return std::nullopt;
    VesselPositionEstimate estimate;
    estimate.lonLat = at->lonLat;
    const std::size_t before = at->before;
    if (at->exact || before >= last) {
        estimate.nearestFixMs = acquiredMs - track.timeMs(before);
        estimate.speedKnots = growthSpeedKnots({track.sog(before)}, parameters.maxSpeedKnots);
    } else {
        const std::size_t after = before + 1;
        estimate.nearestFixMs = std::min(acquiredMs - track.timeMs(before), track.timeMs(after) - acquiredMs);
        const double legMetres =
            Geodesic::inverse(track.lon(before), track.lat(before), track.lon(after), track.lat(after))
                .distanceMetres;
        const double legKnots = legMetres / kMetresPerNauticalMile / (double(at->silenceMs) / kMsPerHour);
        estimate.speedKnots =
            growthSpeedKnots({track.sog(before), track.sog(after), legKnots}, parameters.maxSpeedKnots);
    }
    if (estimate.nearestFixMs > longestMs)
        return std::nullopt;
    estimate.radiusM = radiusFor(parameters, estimate.speedKnots, estimate.nearestFixMs, kInterpolatedGrowth);
    return estimate;
}

} // namespace sightline
