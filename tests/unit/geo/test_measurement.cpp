#include "../catchstringmakers.h"

#include "geo/geodesic.h"
#include "geo/measurement.h"

using namespace sightline;

TEST_CASE("distances and areas are written in the analyst's units", "[geo]")
{
    CHECK(formatDistance(12345.6, DistanceUnit::Kilometres) == QStringLiteral("12.3 km"));
    CHECK(formatDistance(850, DistanceUnit::Kilometres) == QStringLiteral("850 m"));
    CHECK(formatDistance(1852 * 6.5, DistanceUnit::NauticalMiles) == QStringLiteral("6.50 nmi"));
    CHECK(formatDistance(1609.344 * 250, DistanceUnit::Miles) == QStringLiteral("250 mi"));
    CHECK(formatDistance(9288000, DistanceUnit::Kilometres) == QStringLiteral("9,288 km"));
    CHECK(formatArea(5000, DistanceUnit::Kilometres) == QStringLiteral("5,000 m²"));
    CHECK(formatArea(250000, DistanceUnit::Kilometres) == QStringLiteral("25.00 ha"));
    CHECK(formatArea(3.5e6, DistanceUnit::Kilometres) == QStringLiteral("3.50 km²"));
    CHECK(formatDistanceAllUnits(1852) == QStringLiteral("1.85 km · 1.00 nmi · 1.15 mi"));
}

TEST_CASE("the nearest point of a polyline is found along geodesics", "[geo]")
{
    // A meridian segment: the nearest point to a point 0.1° east lies at the same latitude.
    const std::vector<QPointF> meridian{QPointF(130.0, 42.0), QPointF(130.0, 43.0)};
    const NearestPoint n = nearestOnPolyline(QPointF(130.1, 42.5), meridian);
    CHECK(n.lonLat.x() == Approx(130.0).margin(1e-9));
    CHECK(n.lonLat.y() == Approx(42.5).margin(2e-4));
    CHECK(n.metres == Approx(Geodesic::inverse(130.1, 42.5, 130.0, 42.5).distanceMetres).epsilon(1e-4));
    // Past the end, the end itself.
    const NearestPoint end = nearestOnPolyline(QPointF(130.0, 44.0), meridian);
    CHECK(end.lonLat == QPointF(130.0, 43.0));
    CHECK(end.metres == Approx(Geodesic::inverse(130.0, 44.0, 130.0, 43.0).distanceMetres));
    // Long segments stay geodesic: any point of the result is no farther than brute-force sampling finds.
    const std::vector<QPointF> longLine{QPointF(60.6, 56.84), QPointF(82.9, 55.03)};
    const QPointF depot(70.0, 50.0);
    const NearestPoint g = nearestOnPolyline(depot, longLine);
    double brute = 1e300;
    const auto inv = Geodesic::inverse(longLine[0], longLine[1]);
    for (int k = 0; k <= 2000; ++k)
        brute = std::min(brute, Geodesic::inverse(depot, Geodesic::direct(longLine[0], inv.azimuth1Deg,
                                                                          inv.distanceMetres * k / 2000.0))
                                    .distanceMetres);
    CHECK(g.metres <= brute + 0.01);
    CHECK(g.metres >= brute - 600.0); // sampling every ~700 m can only overestimate
}
