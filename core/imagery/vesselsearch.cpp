#include "imagery/vesselsearch.h"

#include "imagery/landmask.h"
#include "imagery/sarscene.h"

#include <algorithm>
#include <optional>

namespace sightline {

QJsonObject VesselSearch::parametersJson() const
{
    QJsonObject o{{QStringLiteral("detection"), detection.toJson()}, {QStringLiteral("matching"), matching.toJson()}};
    if (!landSource.isEmpty())
        o.insert(QStringLiteral("land"), landLayer.isEmpty() ? landSource : landSource + QLatin1Char('|') + landLayer);
    return o;
}

VesselSearchResult searchVessels(const SarScene &scene, const VesselSearch &search, const TrackStore &tracks,
                                 const VesselRegistry &vessels, const DetectionProgress &progress)
{
    VesselSearchResult result;
    if (const QString problem = search.detection.problem(); !problem.isEmpty()) {
        result.error = problem;
        return result;
    }
    if (const QString problem = search.matching.problem(); !problem.isEmpty()) {
        result.error = problem;
        return result;
    }
    const auto report = [&](double fraction) {
        if (progress.report)
            progress.report(fraction);
    };
    std::optional<LandMask> land;
    if (!search.landSource.isEmpty()) {
        land = landMaskFromLayer(scene, search.landSource, search.landLayer, search.detection.shoreBufferM,
                                 &result.error);
        if (!land)
            return result;
    }
    report(0.1);
    if (progress.cancelled()) {
        result.cancelled = true;
        return result;
    }
    DetectionProgress inner;
    inner.cancel = progress.cancel;
    inner.report = [&](double f) { report(0.1 + 0.8 * f); };
    std::vector<VesselDetection> detections =
        detectVessels(scene, land ? &*land : nullptr, search.detection, inner);
    if (progress.cancelled()) {
        result.cancelled = true;
        return result;
    }
    // Nothing shorter than the size filter, nor than a few pixels, can be seen: an AIS vessel
    // below that missing from the image says nothing.
    const QPointF spacing = scene.geolocation.pixelSpacingM(QPointF(scene.width / 2.0, scene.height / 2.0));
    result.minResolvableLengthM = std::max(search.detection.minLengthM, 3.0 * std::max(spacing.x(), spacing.y()));
    DetectionMatchResult matched = matchDetections(std::move(detections), tracks, vessels, scene.acquiredMs,
                                                   scene.footprint(), result.minResolvableLengthM, search.matching);
    result.detections = std::move(matched.detections);
    result.aisWithoutDetection = std::move(matched.aisWithoutDetection);
    report(1.0);
    return result;
}

} // namespace sightline
