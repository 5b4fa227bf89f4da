#include "geo/geodesic.h"

#include <catch2/catch.hpp>

#include <QList>
#include <QPointF>

#include <algorithm>

using namespace sightline;

TEST_CASE("Geodesic inverse matches GeographicLib's published examples", "[geo][geodesic]")
{
    struct Row
    {
        const char *name;
        double lat1, lon1, lat2, lon2;
        double s12, azi1, azi2;
    };
    const Row rows[] = {
        // GeographicLib documentation (Geodesic class, GeodSolve man page): JFK to LHR.
        {"JFK-LHR (docs)", 40.6, -73.8, 51.6, -0.5, 5551759.400319, 51.198882845579, 107.821776735514},
        // Karney, "Algorithms for geodesics" (2013), nearly antipodal example, Table 3 / section 8.
        {"Karney antipodal", -30.0, 0.0, 29.9, 179.8, 19989832.827610, 161.890524736327, 18.090737245739},
        // The airports at their more precise positions:
        //   echo "40.64 -73.78 51.4 -0.46" | GeodSolve -i -p 9   (GeographicLib 2.1.2)
        {"JFK-LHR (precise)", 40.64, -73.78, 51.4, -0.46, 5557155.279679528, 51.46870396548655,
         108.03519301669982},
        // The case: Rajin to Vladivostok.   echo "42.25 130.3 43.1 131.9" | GeodSolve -i -p 9
        {"Rajin-Vladivostok", 42.25, 130.3, 43.1, 131.9, 161600.592810582, 53.70734646683367,
         54.79195691293404},
    };
    for (const Row &r : rows) {
        INFO(r.name);
        const GeodesicInverse g = Geodesic::inverse(r.lon1, r.lat1, r.lon2, r.lat2);
        CHECK(g.distanceMetres == Approx(r.s12).margin(1e-5));
        CHECK(g.azimuth1Deg == Approx(r.azi1).margin(1e-9));
        CHECK(g.azimuth2Deg == Approx(r.azi2).margin(1e-9));
    }
}

TEST_CASE("Geodesic inverse is symmetric and takes QPointF(lon, lat)", "[geo][geodesic]")
{
    const QPointF jfk(-73.8, 40.6), lhr(-0.5, 51.6);
    const GeodesicInverse there = Geodesic::inverse(jfk, lhr);
    const GeodesicInverse back = Geodesic::inverse(lhr, jfk);
    CHECK(there.distanceMetres == Approx(back.distanceMetres).margin(1e-6));
    // the return azimuth is the reverse of the arrival azimuth
    CHECK(back.azimuth1Deg == Approx(there.azimuth2Deg - 180.0).margin(1e-9));
    CHECK(Geodesic::inverse(jfk, jfk).distanceMetres == 0.0);
}

TEST_CASE("Geodesic direct matches Karney's example and round-trips with inverse", "[geo][geodesic]")
{
    // Karney (2013), direct problem: lat1 = 40°, azi1 = 30°, s12 = 10 000 km
    // gives lat2 = 41.79331020506°, lon2 = 137.84490004377°.
    const QPointF p = Geodesic::direct(0.0, 40.0, 30.0, 10.0e6);
    CHECK(p.y() == Approx(41.79331020506).margin(1e-10));
    CHECK(p.x() == Approx(137.84490004377).margin(1e-10));

    // GeographicLib docs: 5550 km from JFK at azimuth 51° lands near LHR.
    //   echo "40.6 -73.8 51 5550000" | GeodSolve -p 9
    const QPointF nearLhr = Geodesic::direct(QPointF(-73.8, 40.6), 51.0, 5550.0e3);
    CHECK(nearLhr.y() == Approx(51.74972049413466).margin(1e-10));
    CHECK(nearLhr.x() == Approx(-0.44949780028929).margin(1e-10));

    struct Row
    {
        double lon, lat, azimuth, distance;
    };
    const Row rows[] = {{130.3, 42.25, 37.0, 161600.0}, {131.9, 43.1, -120.0, 5000.0},
                        {151.2, -33.9, 179.0, 2.5e6},   {-179.5, 10.0, 90.0, 150000.0},
                        {0.0, 89.5, 0.0, 200000.0},     {20.0, -60.0, -45.0, 1.0}};
    for (const Row &r : rows) {
        INFO("from " << r.lon << ", " << r.lat << " azimuth " << r.azimuth << " for " << r.distance << " m");
        const QPointF end = Geodesic::direct(r.lon, r.lat, r.azimuth, r.distance);
        const GeodesicInverse g = Geodesic::inverse(r.lon, r.lat, end.x(), end.y());
        CHECK(g.distanceMetres == Approx(r.distance).margin(1e-6));
        CHECK(g.azimuth1Deg == Approx(r.azimuth).margin(1e-7));
    }
}

TEST_CASE("Polyline length sums the geodesic legs", "[geo][geodesic]")
{
    const QPointF rajin(130.3, 42.25), vladivostok(131.9, 43.1), dunai(132.35, 42.89);
    const double leg1 = Geodesic::inverse(rajin, vladivostok).distanceMetres;
    const double leg2 = Geodesic::inverse(vladivostok, dunai).distanceMetres;
    CHECK(Geodesic::polylineLength({rajin, vladivostok, dunai}) == Approx(leg1 + leg2).margin(1e-6));
    CHECK(Geodesic::polylineLength({rajin, vladivostok}) == Approx(161600.592811).margin(1e-5));
    CHECK(Geodesic::polylineLength({rajin}) == 0.0);
    CHECK(Geodesic::polylineLength({}) == 0.0);
}

TEST_CASE("Polygon area matches GeographicLib's Antarctica example", "[geo][geodesic]")
{
    // The Antarctica polygon from GeographicLib's PolygonArea and Planimeter
    // documentation; the expected values are from
    //   printf '%s\n' "-63.1 -58" "-72.9 -74" ... "-74.7 -61" | Planimeter -p 6
    // (GeographicLib 2.1.2): "18 16831067.892791 13662703680020.1".
    const double latLon[][2] = {{-63.1, -58},  {-72.9, -74}, {-71.9, -102}, {-74.9, -102}, {-74.3, -131},
                                {-77.5, -163}, {-77.4, 163}, {-71.7, 172},  {-65.9, 140},  {-65.7, 113},
                                {-66.6, 88},   {-66.9, 59},  {-69.8, 25},   {-70.0, -4},   {-71.0, -14},
                                {-77.3, -33},  {-77.9, -46}, {-74.7, -61}};
    QList<QPointF> ring;
    for (const auto &p : latLon)
        ring.append(QPointF(p[1], p[0]));

    const GeodesicPolygon polygon = Geodesic::polygonArea(ring);
    CHECK(polygon.perimeterMetres == Approx(16831067.892791).margin(1e-5));
    CHECK(polygon.areaSquareMetres == Approx(13662703680020.1).margin(0.1));

    SECTION("winding order does not change the area")
    {
        QList<QPointF> reversed = ring;
        std::reverse(reversed.begin(), reversed.end());
        const GeodesicPolygon r = Geodesic::polygonArea(reversed);
        CHECK(r.areaSquareMetres == Approx(polygon.areaSquareMetres).margin(0.1));
        CHECK(r.perimeterMetres == Approx(polygon.perimeterMetres).margin(1e-5));
    }
    SECTION("a closed ring (first point repeated) gives the same result")
    {
        QList<QPointF> closed = ring;
        closed.append(ring.first());
        const GeodesicPolygon c = Geodesic::polygonArea(closed);
        CHECK(c.areaSquareMetres == Approx(polygon.areaSquareMetres).margin(0.1));
        CHECK(c.perimeterMetres == Approx(polygon.perimeterMetres).margin(1e-5));
    }
}

TEST_CASE("Polygon area of small shapes", "[geo][geodesic]")
{
    SECTION("a quay-sized rectangle near Rajin")
    {
        // printf '%s\n' "42.25 130.3" "42.25 130.301" "42.251 130.301" "42.251 130.3" | Planimeter -p 6
        // gives "4 387.206350 9166.7"
        const QList<QPointF> quay{{130.3, 42.25}, {130.301, 42.25}, {130.301, 42.251}, {130.3, 42.251}};
        const GeodesicPolygon p = Geodesic::polygonArea(quay);
        CHECK(p.perimeterMetres == Approx(387.206350).margin(1e-6));
        CHECK(p.areaSquareMetres == Approx(9166.7).margin(0.05));
        // and it is, near enough, width times height
        const double width = Geodesic::inverse(130.3, 42.2505, 130.301, 42.2505).distanceMetres;
        const double height = Geodesic::inverse(130.3005, 42.25, 130.3005, 42.251).distanceMetres;
        CHECK(p.areaSquareMetres == Approx(width * height).epsilon(1e-5));
        CHECK(p.perimeterMetres == Approx(2.0 * (width + height)).epsilon(1e-5));
    }
    SECTION("fewer than three points enclose nothing")
    {
        CHECK(Geodesic::polygonArea({}).areaSquareMetres == 0.0);
        CHECK(Geodesic::polygonArea({{130.3, 42.25}, {131.9, 43.1}}).areaSquareMetres == 0.0);
        CHECK(Geodesic::polygonArea({{130.3, 42.25}, {131.9, 43.1}, {130.3, 42.25}}).areaSquareMetres == 0.0);
    }
}
