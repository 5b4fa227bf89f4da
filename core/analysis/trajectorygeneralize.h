#pragma once

#include <QPointF>

#include <cstdint>
#include <span>
#include <vector>

namespace sightline {

/// How to thin a track for display and export, as MovingPandas' generalisers do. Zero leaves a
/// rule out; with both, the time rule goes first and Douglas–Peucker thins what it kept.
struct GeneralizeParameters
{
    /// Douglas–Peucker: a position closer than this to the line between the positions kept either
    /// side of it is dropped. Metres, on a plane tangent at that line (not degrees, as a GIS's
    /// simplify would take them: a degree of longitude shrinks towards the poles).
    double toleranceM = 0.0;
    /// A position is kept only this long or longer after the last one kept (MinTimeDeltaGeneralizer).
    std::int64_t minIntervalMs = 0;

    bool isActive() const { return toleranceM > 0.0 || minIntervalMs > 0; }
    bool operator==(const GeneralizeParameters &) const = default;
};

/// The indices of the positions kept, ascending; the first and the last are always kept.
std::vector<std::size_t> generalizeTrack(std::span<const std::int64_t> timesMs,
                                         std::span<const QPointF> lonLat,
                                         const GeneralizeParameters &parameters);

/// The same for positions `first`..`last` (inclusive) of a longer track: indices into the whole.
std::vector<std::size_t> generalizeTrack(std::span<const std::int64_t> timesMs,
                                         std::span<const QPointF> lonLat, std::size_t first, std::size_t last,
                                         const GeneralizeParameters &parameters);

} // namespace sightline
