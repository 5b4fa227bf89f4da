#pragma once

#include "analysis/movementevent.h"
#include "imagery/detectionmatching.h"
#include "model/vesseldetection.h"

#include <QJsonObject>
#include <QPolygonF>
#include <QString>

#include <cstdint>
#include <vector>

namespace sightline {

/// The kind a vessel detection run is recorded under among the analysis runs.
inline constexpr const char *kDetectionRunKind = "vessel-detection";

/// A detection's event id is its row in the detections table plus this, negated: it never meets
/// an analysis event's id (positive) nor a safety message's (its own row, negated).
inline constexpr std::int64_t kDetectionEventIdOffset = 1'000'000'000'000;

/// One run of vessel detection on one image, as the project keeps it: the vessels found (each
/// matched to AIS or dark), the AIS vessels in the footprint with no detection, and what it took.
struct DetectionRun
{
    std::int64_t id = 0;     ///< its row of sightline_analysis_runs; 0 until stored
    QString image;           ///< the image's path, absolute (stored as layer sources are)
    QString sceneId;         ///< the product name, or the file name
    std::int64_t acquiredMs = 0;
    QPolygonF footprint;     ///< WGS84
    QJsonObject parameters;  ///< {"detection": …, "matching": …}
    std::int64_t ranMs = 0;
    std::vector<VesselDetection> detections;
    /// The detections table's row of each of `detections` (same order); empty until stored.
    std::vector<std::int64_t> detectionIds;
    std::vector<AisWithoutDetection> aisWithoutDetection;

    /// The run's record among the analysis runs: the parameters, the image, its time and footprint.
    QJsonObject recordJson() const;
    /// Each detection as an event (a vessel's, or a dark one with MMSI 0) for the Events dock
    /// and the timeline; ids from detectionIds.
    std::vector<MovementEvent> events() const;
};

/// A detection's event id from its row, and back (0 when `eventId` is no detection's).
inline std::int64_t detectionEventId(std::int64_t detectionRow) { return -(kDetectionEventIdOffset + detectionRow); }
inline std::int64_t detectionRowOfEvent(std::int64_t eventId)
{
    return eventId <= -kDetectionEventIdOffset ? -eventId - kDetectionEventIdOffset : 0;
}

} // namespace sightline
