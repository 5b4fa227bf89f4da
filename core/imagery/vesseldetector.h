#pragma once

#include "imagery/detectionparameters.h"
#include "model/vesseldetection.h"

#include <atomic>
#include <functional>
#include <vector>

namespace sightline {

struct LandMask;
struct SarScene;

/// Progress 0–1 and a flag the caller sets to stop: the workbench runs detection in a worker.
struct DetectionProgress
{
    std::function<void(double)> report;
    const std::atomic_bool *cancel = nullptr;
    bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
};

/// The vessels in a SAR scene: two-parameter CFAR over the sea (integral images, so the cost is
/// linear in pixels whatever the windows), hits clustered into objects, each measured by its
/// image moments and kept when its length is in range. `land` may be null (open sea). Empty when
/// cancelled.
std::vector<VesselDetection> detectVessels(const SarScene &scene, const LandMask *land,
                                           const DetectionParameters &parameters,
                                           const DetectionProgress &progress = {});

} // namespace sightline
