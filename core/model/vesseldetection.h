#pragma once

#include <QPointF>
#include <QString>

#include <cstdint>
#include <optional>

namespace sightline {

/// A vessel found in an image: where, how big, which way, how sure, and — once matched to AIS —
/// which vessel it was (or none: a ship that was there and not broadcasting).
struct VesselDetection
{
    QPointF lonLat;          ///< centroid, WGS84
    QPointF pixel;           ///< centroid in the image (column, row), for figures and checks
    double lengthM = 0;      ///< along the object's major axis, on the ground
    double widthM = 0;       ///< across it
    double headingDeg = 0;   ///< of the major axis, 0–180 from north (a SAR blob has no bow)
    double confidence = 0;   ///< 0–1: how far above the sea's threshold, and how ship-like
    int pixelCount = 0;      ///< hits in the cluster
    double peakRatio = 0;    ///< brightest pixel over the local sea mean

    /// Filled by the matcher; no value: no AIS vessel fits ("dark").
    std::optional<std::uint32_t> mmsi;
    QString vesselName;
    double matchScore = 0;   ///< 0–1, the likelihood the match rests on
    double matchDistanceM = 0; ///< from the detection to the vessel's position at the acquisition
};

} // namespace sightline
