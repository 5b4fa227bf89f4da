#pragma once

#include <QList>
#include <QPointF>
#include <QString>

#include <vector>

namespace sightline {

/// Units an analyst reads distances in.
enum class DistanceUnit
{
    Kilometres,
    NauticalMiles,
    Miles
};

/// "12.35 km", "6.67 nmi", "7.67 mi" (metres below 1 km when in kilometres).
QString formatDistance(double metres, DistanceUnit unit);
/// "1.23 km²", "0.36 nmi²", "0.48 mi²" (m² or ha below 1 km²).
QString formatArea(double squareMetres, DistanceUnit unit);
/// Every unit at once: "12.35 km · 6.67 nmi · 7.67 mi".
QString formatDistanceAllUnits(double metres);

/// The geodesic distance from `lonLat` to the nearest point of a polyline (or a
/// polygon ring, closed by the caller), and that point. Segments are geodesics:
/// the nearest point is found in a gnomonic projection centred on `lonLat`,
/// where geodesics are straight lines.
struct NearestPoint
{
    double metres = -1;
    QPointF lonLat;
};
NearestPoint nearestOnPolyline(QPointF lonLat, const std::vector<QPointF> &polylineLonLat);

} // namespace sightline
