#include "imagery/matchscore.h"

#include <algorithm>
#include <cmath>

namespace sightline {

double distanceLikelihood(double distanceM, double radiusM)
{
    if (!(radiusM > 0))
        return distanceM > 0 ? 0.0 : 1.0;
    const double sigma = radiusM / 2.0;
    return std::exp(-(distanceM * distanceM) / (2.0 * sigma * sigma));
}

double positionCertainty(double radiusM, double baseRadiusM)
{
    if (!(radiusM > 0) || !(baseRadiusM > 0))
        return 1.0;
    return std::sqrt(std::min(1.0, baseRadiusM / radiusM));
}

double lengthAgreement(double detectionLengthM, double aisLengthM, double lengthWeight)
{
    if (!(detectionLengthM > 0) || !(aisLengthM > 0))
        return 1.0;
    const double ratio = std::min(detectionLengthM, aisLengthM) / std::max(detectionLengthM, aisLengthM);
    return 1.0 - std::clamp(lengthWeight, 0.0, 1.0) * (1.0 - ratio);
}

double matchScore(const MatchScoreInput &input)
{
    return distanceLikelihood(input.distanceM, input.radiusM) *
           positionCertainty(input.radiusM, input.baseRadiusM) *
           lengthAgreement(input.detectionLengthM, input.aisLengthM, input.lengthWeight);
}

double matchReachM(double radiusM, double baseRadiusM, double minScore)
{
    const double limit = 3.0 * radiusM;
    const double certainty = positionCertainty(radiusM, baseRadiusM);
    if (!(minScore > 0))
        return limit;
    if (certainty <= minScore)
        return 0.0;
    // exp(−d²/2σ²)·certainty = minScore, solved for d.
    const double sigma = radiusM / 2.0;
    return std::min(limit, sigma * std::sqrt(2.0 * std::log(certainty / minScore)));
}

} // namespace sightline
