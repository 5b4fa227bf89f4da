#include "imagery/detectionparameters.h"

#include <cmath>

namespace sightline {

QJsonObject DetectionParameters::toJson() const
{
    return {{QStringLiteral("method"), QStringLiteral("two-parameter CFAR")},
            {QStringLiteral("target_window_m"), targetWindowM},
            {QStringLiteral("guard_window_m"), guardWindowM},
            {QStringLiteral("background_window_m"), backgroundWindowM},
            {QStringLiteral("pfa"), std::pow(10.0, pfaExponent)},
            {QStringLiteral("pfa_exponent"), pfaExponent},
            {QStringLiteral("shore_buffer_m"), shoreBufferM},
            {QStringLiteral("min_length_m"), minLengthM},
            {QStringLiteral("max_length_m"), maxLengthM}};
}

QString DetectionParameters::problem() const
{
    if (!(targetWindowM > 0))
        return QStringLiteral("the target window must be larger than 0 m");
    if (!(guardWindowM > targetWindowM))
        return QStringLiteral("the guard window (%1 m) must be larger than the target window (%2 m)")
            .arg(guardWindowM)
            .arg(targetWindowM);
    if (!(backgroundWindowM > guardWindowM))
        return QStringLiteral("the background window (%1 m) must be larger than the guard window (%2 m)")
            .arg(backgroundWindowM)
            .arg(guardWindowM);
    if (!(pfaExponent < 0) || !std::isfinite(pfaExponent))
        return QStringLiteral("the false-alarm probability must be between 0 and 1 (exclusive)");
    if (!(shoreBufferM >= 0))
        return QStringLiteral("the shore buffer cannot be negative");
    if (!(minLengthM >= 0) || !(maxLengthM > minLengthM))
        return QStringLiteral("the length range %1–%2 m is empty").arg(minLengthM).arg(maxLengthM);
    return {};
}

QJsonObject MatchParameters::toJson() const
{
    return {{QStringLiteral("base_radius_m"), baseRadiusM},
            {QStringLiteral("max_speed_kn"), maxSpeedKnots},
            {QStringLiteral("max_extrapolation_h"), maxExtrapolationHours},
            {QStringLiteral("length_weight"), lengthWeight},
            {QStringLiteral("min_score"), minScore}};
}

QString MatchParameters::problem() const
{
    if (!(baseRadiusM > 0))
        return QStringLiteral("the match radius must be larger than 0 m");
    if (!(maxSpeedKnots >= 0) || !(maxExtrapolationHours >= 0))
        return QStringLiteral("the speed and extrapolation limits cannot be negative");
    if (!(lengthWeight >= 0 && lengthWeight <= 1))
        return QStringLiteral("the length weight must be between 0 and 1");
    if (!(minScore >= 0 && minScore < 1))
        return QStringLiteral("the minimum match score must be at least 0 and below 1");
    return {};
}

} // namespace sightline
