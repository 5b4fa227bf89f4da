#include "geo/geodesic.h"

#include <GeographicLib/Geodesic.hpp>
#include <GeographicLib/PolygonArea.hpp>

#include <cmath>

namespace sightline {

namespace {
const GeographicLib::Geodesic &wgs84()
{
    return GeographicLib::Geodesic::WGS84();
}
} // namespace

GeodesicInverse Geodesic::inverse(double lon1, double lat1, double lon2, double lat2)
{
    GeodesicInverse result;
    wgs84().Inverse(lat1, lon1, lat2, lon2, result.distanceMetres, result.azimuth1Deg, result.azimuth2Deg);
    return result;
}

GeodesicInverse Geodesic::inverse(QPointF lonLat1, QPointF lonLat2)
{
    return inverse(lonLat1.x(), lonLat1.y(), lonLat2.x(), lonLat2.y());
}

QPointF Geodesic::direct(double lon, double lat, double azimuthDeg, double distanceMetres)
{
    double lat2 = 0.0, lon2 = 0.0;
    wgs84().Direct(lat, lon, azimuthDeg, distanceMetres, lat2, lon2);
    return {lon2, lat2};
}

QPointF Geodesic::direct(QPointF lonLat, double azimuthDeg, double distanceMetres)
{
    return direct(lonLat.x(), lonLat.y(), azimuthDeg, distanceMetres);
}

double Geodesic::polylineLength(const QList<QPointF> &lonLat)
{
    // PolygonArea in polyline mode sums with error compensation (Accumulator).
    GeographicLib::PolygonArea line(wgs84(), true);
    for (const QPointF &p : lonLat)
        line.AddPoint(p.y(), p.x());
    double length = 0.0, unusedArea = 0.0;
    line.Compute(false, true, length, unusedArea);
    return length;
}

GeodesicPolygon Geodesic::polygonArea(const QList<QPointF> &lonLat)
{
    qsizetype count = lonLat.size();
    // GeoJSON-style rings repeat the first point; drop it so no zero-length edge is added.
    if (count > 1 && lonLat.first() == lonLat.last())
        --count;
    GeodesicPolygon result;
    if (count < 3)
        return result;
    GeographicLib::PolygonArea polygon(wgs84());
    for (qsizetype i = 0; i < count; ++i)
        polygon.AddPoint(lonLat[i].y(), lonLat[i].x());
    double perimeter = 0.0, area = 0.0;
    // sign = true: a clockwise ring gives a negative area, not the rest of the Earth.
    polygon.Compute(false, true, perimeter, area);
    result.areaSquareMetres = std::abs(area);
    result.perimeterMetres = perimeter;
    return result;
}

} // namespace sightline
