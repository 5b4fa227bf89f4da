#pragma once

#include "imagery/detectionmatching.h"
#include "imagery/detectionparameters.h"
#include "imagery/vesseldetector.h"

#include <QString>

#include <vector>

namespace sightline {

struct SarScene;
class TrackStore;
class VesselRegistry;

/// What a search for vessels in a scene needs besides the scene and the AIS: where land is
/// (an OGR source and layer; none for open sea) and the parameters of detection and matching.
struct VesselSearch
{
    QString landSource;
    QString landLayer;
    DetectionParameters detection;
    MatchParameters matching;
    /// {"detection": …, "matching": …, "land": …}: what the run is recorded with.
    QJsonObject parametersJson() const;
};

struct VesselSearchResult
{
    std::vector<VesselDetection> detections; ///< each matched to AIS, or dark
    std::vector<AisWithoutDetection> aisWithoutDetection;
    double minResolvableLengthM = 0; ///< what the scene can see at all: the AIS vessels shorter were not expected
    QString error;                   ///< the land layer could not be read, or parameters that mean nothing
    bool cancelled = false;
};

/// The whole chain the command line and the workbench share: the land mask (with the shore
/// buffer), detection, and matching to the AIS at the scene's acquisition. Progress runs 0–1
/// over the three; a cancel stops it between steps or inside detection.
VesselSearchResult searchVessels(const SarScene &scene, const VesselSearch &search, const TrackStore &tracks,
                                 const VesselRegistry &vessels, const DetectionProgress &progress = {});

} // namespace sightline
