#pragma once

#include "imagery/detectionparameters.h"

#include <QPointF>

#include <cstdint>
#include <optional>

namespace sightline {

class VesselTrack;

/// Where an AIS vessel probably was at an instant between (or just beyond) its fixes, and how far
/// from there it may have been.
struct VesselPositionEstimate
{
    QPointF lonLat;
    /// The uncertainty: MatchParameters::baseRadiusM plus what the vessel could have strayed in the
    /// time to its nearest fix at the speed it was making (capped). Read as two standard deviations.
    double radiusM = 0;
    std::int64_t nearestFixMs = 0; ///< time between the instant and the nearest fix, either side
    bool extrapolated = false;     ///< carried on from the first or last fix along course and speed
    double speedKnots = 0;         ///< the speed the uncertainty grew with
};

/// How much of the speed × time to the nearest fix is added to the uncertainty. Between two fixes
/// both ends are known and a ship strays from the line joining them by a fraction of what it could
/// cover; past the last fix nothing holds it, so the whole distance counts.
inline constexpr double kInterpolatedGrowth = 0.5;
inline constexpr double kExtrapolatedGrowth = 1.0;

/// The vessel's position at `acquiredMs`: on the geodesic between the fixes around it, or carried
/// from its first or last fix along the reported course at the reported speed when the instant is
/// outside the track. Nothing when its nearest fix is further than maxExtrapolationHours: such a
/// vessel could be anywhere, and "it was not seen" would say nothing.
std::optional<VesselPositionEstimate>
estimateVesselPosition(const VesselTrack &track, std::int64_t acquiredMs, const MatchParameters &parameters);

/// The largest radius estimateVesselPosition can give with these parameters: how far around a
/// scene a vessel may be and still be a candidate.
double largestUncertaintyM(const MatchParameters &parameters);

} // namespace sightline
