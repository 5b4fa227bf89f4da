#pragma once

#include <QList>
#include <QPointF>

namespace sightline {

/// Result of the inverse geodesic problem: how far and in which direction.
struct GeodesicInverse
{
    double distanceMetres = 0.0;
    /// Azimuth at the first point, degrees clockwise from north in [-180, 180].
    double azimuth1Deg = 0.0;
    /// Forward azimuth at the second point, same convention.
    double azimuth2Deg = 0.0;
};

struct GeodesicPolygon
{
    /// Enclosed area in square metres, whatever the winding order.
    double areaSquareMetres = 0.0;
    double perimeterMetres = 0.0;
};

/// Ellipsoidal distances, azimuths and areas on WGS84 (Karney's algorithms,
/// accurate to nanometres), so that measurements agree with QGIS and
/// Google Earth rather than with a sphere. Points are QPointF(lon, lat) in degrees.
class Geodesic
{
public:
    static GeodesicInverse inverse(double lon1, double lat1, double lon2, double lat2);
    static GeodesicInverse inverse(QPointF lonLat1, QPointF lonLat2);
    /// The point reached from (lon, lat) after distanceMetres along azimuthDeg.
    static QPointF direct(double lon, double lat, double azimuthDeg, double distanceMetres);
    static QPointF direct(QPointF lonLat, double azimuthDeg, double distanceMetres);
    /// Sum of the geodesic lengths between consecutive points.
    static double polylineLength(const QList<QPointF> &lonLat);
    /// Area and perimeter of a simple polygon. A closing point equal to the
    /// first may be given or left out; fewer than three distinct points enclose nothing.
    static GeodesicPolygon polygonArea(const QList<QPointF> &lonLat);
};

} // namespace sightline
