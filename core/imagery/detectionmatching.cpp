#include "imagery/detectionmatching.h"

#include "geo/geodesic.h"
#include "imagery/footprintdistance.h"
#include "imagery/hungarianassignment.h"
#include "imagery/matchscore.h"
#include "imagery/vesselpositionestimate.h"
#include "tracks/trackstore.h"
#include "tracks/vesselregistry.h"

#include <algorithm>
#include <cmath>

namespace sightline {

namespace {

constexpr double kMetresPerDegreeLat = 111'132.0;
constexpr double kMsPerHour = 3'600'000.0;

/// An AIS vessel placed at the acquisition whose uncertainty reaches the scene.
struct CandidateVessel
{
    std::uint32_t mmsi = 0;
    VesselPositionEstimate position;
    double reachM = 0;        ///< the furthest a detection may be and still be a match
    double metresOutside = 0; ///< of its position from the footprint (negative: inside)
    double lengthM = 0;       ///< from its static reports, 0 when unknown
    const VesselInfo *info = nullptr;
};

/// Degrees of longitude a distance spans at a latitude (generous near the poles).
double degreesLon(double metres, double latDeg)
{
    const double cosLat = std::max(0.01, std::cos(std::min(89.0, std::abs(latDeg)) * M_PI / 180.0));
    return std::min(360.0, metres / (kMetresPerDegreeLat * cosLat) * 1.01);
}

double degreesLat(double metres)
{
    return metres / kMetresPerDegreeLat * 1.01;
}

/// The name the vessel broadcast at the instant: the last one first seen before it (a renamed
/// ship is named as it was then), or its first when all came later.
QString nameAt(const VesselInfo *info, std::int64_t ms)
{
    if (!info || info->names.isEmpty())
        return {};
    QString name = info->names.front().name;
    for (const VesselInfo::NameSeen &seen : info->names)
        if (seen.firstSeenMs <= ms)
            name = seen.name;
    return name;
}

/// The vessels whose uncertainty disc can reach the footprint: the tracks' boxes and time spans
/// sort out the far ones before any position is estimated.
std::vector<CandidateVessel> candidateVessels(const TrackStore &tracks, const VesselRegistry &vessels,
                                              std::int64_t acquiredMs, const QPolygonF &footprint,
                                              const MatchParameters &parameters)
{
    const QRectF box = footprint.boundingRect();
    const double widestReach =
        matchReachM(largestUncertaintyM(parameters), parameters.baseRadiusM, parameters.minScore);
    const double edgeLat = std::max(std::abs(box.top()), std::abs(box.bottom()));
    const double padLon = degreesLon(widestReach, edgeLat), padLat = degreesLat(widestReach);
    const double west = box.left() - padLon, east = box.right() + padLon;
    const double south = box.top() - padLat, north = box.bottom() + padLat;
    const auto extrapolationMs = std::int64_t(parameters.maxExtrapolationHours * kMsPerHour);

    std::vector<CandidateVessel> found;
    for (const VesselTrack &track : tracks.tracks()) {
        if (track.empty() || acquiredMs < track.firstTimeMs() - extrapolationMs ||
            acquiredMs > track.lastTimeMs() + extrapolationMs)
            continue;
        // Interval overlap rather than QRectF::intersects, which calls a one-fix track's box empty.
        const QRectF &b = track.boundsWgs84();
        if (b.right() < west || b.left() > east || b.bottom() < south || b.top() > north)
            continue;
        const auto position = estimateVesselPosition(track, acquiredMs, parameters);
        if (!position)
            continue;
        CandidateVessel candidate;
        candidate.mmsi = track.mmsi();
        candidate.position = *position;
        candidate.reachM = matchReachM(position->radiusM, parameters.baseRadiusM, parameters.minScore);
        candidate.metresOutside = metresOutsideFootprint(footprint, position->lonLat);
        if (candidate.metresOutside > std::max(candidate.reachM, position->radiusM))
            continue;
        candidate.info = vessels.find(track.mmsi());
        candidate.lengthM = candidate.info ? candidate.info->length() : 0;
        found.push_back(candidate);
    }
    std::sort(found.begin(), found.end(),
              [](const CandidateVessel &a, const CandidateVessel &b) { return a.mmsi < b.mmsi; });
    return found;
}

/// Every (detection, vessel) pair close enough to score at least the minimum: detections sorted by
/// longitude, each vessel looks only at the slice within its reach.
std::vector<ScoredPair> scoredPairs(const std::vector<VesselDetection> &detections,
                                    const std::vector<CandidateVessel> &candidates,
                                    const MatchParameters &parameters)
{
    std::vector<int> byLon(detections.size());
    for (std::size_t i = 0; i < byLon.size(); ++i)
        byLon[i] = int(i);
    std::sort(byLon.begin(), byLon.end(), [&](int a, int b) {
        const double la = detections[std::size_t(a)].lonLat.x(), lb = detections[std::size_t(b)].lonLat.x();
        return la < lb || (la == lb && a < b);
    });
    std::vector<ScoredPair> pairs;
    for (std::size_t v = 0; v < candidates.size(); ++v) {
        const CandidateVessel &vessel = candidates[v];
        const QPointF at = vessel.position.lonLat;
        const double dLon = degreesLon(vessel.reachM, at.y()), dLat = degreesLat(vessel.reachM);
        auto it = std::lower_bound(byLon.begin(), byLon.end(), at.x() - dLon, [&](int d, double lon) {
            return detections[std::size_t(d)].lonLat.x() < lon;
        });
        for (; it != byLon.end() && detections[std::size_t(*it)].lonLat.x() <= at.x() + dLon; ++it) {
            const VesselDetection &detection = detections[std::size_t(*it)];
            if (std::abs(detection.lonLat.y() - at.y()) > dLat)
                continue;
            const double distance = Geodesic::inverse(detection.lonLat, at).distanceMetres;
            if (distance > vessel.reachM)
                continue;
            const double score = matchScore({distance, vessel.position.radiusM, parameters.baseRadiusM,
                                             detection.lengthM, vessel.lengthM, parameters.lengthWeight});
            if (score >= parameters.minScore && score > 0)
                pairs.push_back({*it, int(v), score});
        }
    }
    return pairs;
}

/// Why a vessel that should have been in the scene has no detection (see AisWithoutDetection).
QString reasonUnseen(const CandidateVessel &vessel, double minResolvableLengthM)
{
    if (vessel.lengthM > 0 && vessel.lengthM < minResolvableLengthM)
        return QStringLiteral("too_small");
    const bool freshFix = double(vessel.position.nearestFixMs) <= kConfidentFixMinutes * 60'000.0;
    const bool wellInside = vessel.metresOutside <= -vessel.position.radiusM;
    if (vessel.lengthM > 0 && freshFix && wellInside)
        return QStringLiteral("possible_spoofing");
    return QStringLiteral("unknown");
}

} // namespace

DetectionMatchResult matchDetections(std::vector<VesselDetection> detections, const TrackStore &tracks,
                                     const VesselRegistry &vessels, std::int64_t acquiredMs,
                                     const QPolygonF &footprint, double minResolvableLengthM,
                                     const MatchParameters &parameters)
{
    DetectionMatchResult result;
    result.detections = std::move(detections);
    for (VesselDetection &d : result.detections) {
        d.mmsi.reset();
        d.vesselName.clear();
        d.matchScore = 0;
        d.matchDistanceM = 0;
    }
    if (!parameters.problem().isEmpty() || footprint.size() < 3)
        return result;

    const std::vector<CandidateVessel> candidates =
        candidateVessels(tracks, vessels, acquiredMs, footprint, parameters);
    const std::vector<ScoredPair> pairs = scoredPairs(result.detections, candidates, parameters);
    const std::vector<int> assigned =
        assignMaximumScore(int(result.detections.size()), int(candidates.size()), pairs);

    std::vector<char> vesselMatched(candidates.size(), 0);
    for (std::size_t i = 0; i < result.detections.size(); ++i) {
        if (assigned[i] < 0)
            continue;
        const CandidateVessel &vessel = candidates[std::size_t(assigned[i])];
        vesselMatched[std::size_t(assigned[i])] = 1;
        VesselDetection &detection = result.detections[i];
        detection.mmsi = vessel.mmsi;
        detection.vesselName = nameAt(vessel.info, acquiredMs);
        detection.matchDistanceM = Geodesic::inverse(detection.lonLat, vessel.position.lonLat).distanceMetres;
        detection.matchScore =
            matchScore({detection.matchDistanceM, vessel.position.radiusM, parameters.baseRadiusM,
                        detection.lengthM, vessel.lengthM, parameters.lengthWeight});
    }
    for (std::size_t v = 0; v < candidates.size(); ++v) {
        const CandidateVessel &vessel = candidates[v];
        if (vesselMatched[v] || vessel.metresOutside > 0)
            continue;
        AisWithoutDetection unseen;
        unseen.mmsi = vessel.mmsi;
        unseen.vesselName = nameAt(vessel.info, acquiredMs);
        unseen.lonLat = vessel.position.lonLat;
        unseen.reportedLengthM = vessel.lengthM;
        unseen.reason = reasonUnseen(vessel, minResolvableLengthM);
        unseen.nearestFixMinutes = double(vessel.position.nearestFixMs) / 60'000.0;
        unseen.uncertaintyM = vessel.position.radiusM;
        result.aisWithoutDetection.push_back(unseen);
    }
    return result;
}

} // namespace sightline
