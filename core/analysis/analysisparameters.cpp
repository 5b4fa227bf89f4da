#include "analysis/analysisparameters.h"

namespace sightline {

QString ReceptionParameters::problem() const
{
    if (!(cellDeg > 0.0 && cellDeg <= 10.0))
        return QStringLiteral("the reception cells are %1°: give more than 0 and at most 10").arg(cellDeg);
    if (!(binHours > 0.0 && binHours <= 240.0))
        return QStringLiteral("the reception time bins are %1 h: give more than 0 and at most 240").arg(binHours);
    if (!(coverageHoleScore >= 0.0 && switchedOffScore <= 1.0 && coverageHoleScore < switchedOffScore))
        return QStringLiteral("the switched-off score (%1) must be above the coverage-hole score (%2), both "
                              "between 0 and 1")
            .arg(switchedOffScore)
            .arg(coverageHoleScore);
    return {};
}

void ReceptionParameters::addTo(QJsonObject &json) const
{
    json.insert(QStringLiteral("reception_cell_deg"), cellDeg);
    json.insert(QStringLiteral("reception_bin_h"), binHours);
    json.insert(QStringLiteral("reception_min_cells"), minCellsWithData);
    json.insert(QStringLiteral("switched_off_score"), switchedOffScore);
    json.insert(QStringLiteral("coverage_hole_score"), coverageHoleScore);
}

QJsonObject GapParameters::toJson() const
{
    QJsonObject json{{QStringLiteral("min_gap_h"), minGapHours},
                     {QStringLiteral("max_speed_kn"), maxSpeedKnots},
                     {QStringLiteral("port_distance_km"), portDistanceKm},
                     {QStringLiteral("near_shore_km"), nearShoreKm}};
    reception.addTo(json);
    return json;
}

QJsonObject PortCallParameters::toJson() const
{
    QJsonObject json{{QStringLiteral("entry_km"), entryDistanceKm},
                     {QStringLiteral("exit_km"), exitDistanceKm},
                     {QStringLiteral("stop_start_kn"), stopStartKnots},
                     {QStringLiteral("stop_end_kn"), stopEndKnots},
                     {QStringLiteral("in_port_gap_h"), inPortGapHours},
                     {QStringLiteral("min_duration_h"), minDurationHours},
                     {QStringLiteral("infer_from_gaps"), inferFromGaps},
                     {QStringLiteral("dark_gap_h"), darkGapHours},
                     {QStringLiteral("max_speed_kn"), maxSpeedKnots},
                     {QStringLiteral("inferred_min_stay_h"), inferredMinStayHours}};
    if (inferFromGaps)
        reception.addTo(json);
    return json;
}

QJsonObject EncounterParameters::toJson() const
{
    return {{QStringLiteral("max_distance_m"), maxDistanceM},
            {QStringLiteral("min_duration_h"), minDurationHours},
            {QStringLiteral("max_median_speed_kn"), maxMedianSpeedKnots},
            {QStringLiteral("step_min"), stepMinutes},
            {QStringLiteral("max_interpolation_min"), maxInterpolationMinutes},
            {QStringLiteral("port_distance_km"), portDistanceKm}};
}

QJsonObject LoiteringParameters::toJson() const
{
    return {{QStringLiteral("max_speed_kn"), maxSpeedKnots},
            {QStringLiteral("min_duration_h"), minDurationHours},
            {QStringLiteral("max_gap_h"), maxGapHours},
            {QStringLiteral("include_in_port"), includeInPort},
            {QStringLiteral("port_distance_km"), portDistanceKm}};
}

QJsonObject StopParameters::toJson() const
{
    return {{QStringLiteral("max_diameter_m"), maxDiameterM},
            {QStringLiteral("min_duration_h"), minDurationHours},
            {QStringLiteral("port_distance_km"), portDistanceKm},
            {QStringLiteral("max_gap_h"), maxGapHours}};
}

QJsonObject CleaningParameters::toJson() const
{
    return {{QStringLiteral("enabled"), enabled},
            {QStringLiteral("max_speed_kn"), maxSpeedKnots},
            {QStringLiteral("min_jump_km"), minJumpKm},
            {QStringLiteral("duplicate_m"), duplicateMetres}};
}

CleaningParameters CleaningParameters::fromJson(const QJsonObject &json)
{
    CleaningParameters p;
    p.enabled = json.value(QStringLiteral("enabled")).toBool(p.enabled);
    p.maxSpeedKnots = json.value(QStringLiteral("max_speed_kn")).toDouble(p.maxSpeedKnots);
    p.minJumpKm = json.value(QStringLiteral("min_jump_km")).toDouble(p.minJumpKm);
    p.duplicateMetres = json.value(QStringLiteral("duplicate_m")).toDouble(p.duplicateMetres);
    return p;
}

QJsonObject SpoofingParameters::toJson() const
{
    return {{QStringLiteral("max_speed_kn"), maxSpeedKnots}, {QStringLiteral("min_jump_km"), minJumpKm}};
}

} // namespace sightline
