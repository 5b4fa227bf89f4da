#pragma once

#include "imagery/detectionparameters.h"
#include "model/vesseldetection.h"

#include <QPointF>
#include <QPolygonF>
#include <QString>

#include <cstdint>
#include <vector>

namespace sightline {

class TrackStore;
class VesselRegistry;

/// An AIS vessel inside the scene's footprint at the acquisition with no detection near it.
struct AisWithoutDetection
{
    std::uint32_t mmsi = 0;
    QString vesselName;
    QPointF lonLat;             ///< its position at the acquisition (interpolated)
    double reportedLengthM = 0; ///< from its static reports; 0 when unknown
    /// "too_small" when its reported length is under what the scene can resolve;
    /// "possible_spoofing" when it is large enough to be seen and was not, with a fix within
    /// kConfidentFixMinutes of the acquisition and its whole uncertainty inside the scene;
    /// "unknown" otherwise (no length, or a position too much of a guess to say it was missed).
    QString reason;
    double nearestFixMinutes = 0; ///< from the acquisition to its nearest fix, either side
    double uncertaintyM = 0;      ///< the radius its position at the acquisition may be off by
};

/// A vessel large enough to be seen that was not is called a possible spoofer only when a fix this
/// close to the acquisition says where it was.
inline constexpr double kConfidentFixMinutes = 30;

struct DetectionMatchResult
{
    std::vector<VesselDetection> detections; ///< the input, with mmsi, name and score set where matched
    std::vector<AisWithoutDetection> aisWithoutDetection;
};

/// Places every vessel at `acquiredMs` (between its fixes, with an uncertainty that grows with
/// the time to them and its speed), scores each detection–vessel pair by distance against that
/// uncertainty and by length agreement, and assigns them one to one (Hungarian). `footprint` is
/// the scene's outline (WGS84); `minResolvableLengthM` what the scene can see at all. Parameters
/// with a problem() match nothing (every detection comes back dark): check them first.
DetectionMatchResult matchDetections(std::vector<VesselDetection> detections, const TrackStore &tracks,
                                     const VesselRegistry &vessels, std::int64_t acquiredMs,
                                     const QPolygonF &footprint, double minResolvableLengthM,
                                     const MatchParameters &parameters);

} // namespace sightline
