#include "analysis/localdistance.h"
#include "geo/geodesic.h"

#include <catch2/catch.hpp>

using namespace sightline;

TEST_CASE("the local plane agrees with the WGS84 geodesic north–south and east–west at any latitude",
          "[analysis][distance]")
{
    // The plane is told the latitude of the port or the vessel; the far point is a few km off
    // along the meridian or the parallel, as at the 3 km / 4 km port-call boundary.
    const double lat = GENERATE(0.0, 42.0, 50.8, 70.0);
    const double km = GENERATE(1.0, 4.0, 8.0);
    const QPointF origin(131.0, lat);
    const LocalPlane plane(lat);
    for (const double azimuth : {0.0, 90.0, 180.0, 270.0}) {
        const QPointF far = Geodesic::direct(origin, azimuth, km * 1000);
        const double geodesic = Geodesic::inverse(origin, far).distanceMetres;
        INFO("latitude " << lat << ", " << km << " km towards " << azimuth << "°");
        CHECK(plane.distance(origin, far) == Approx(geodesic).epsilon(0.0005));
    }
}

TEST_CASE("the local plane's latitude margin is never smaller than the true one", "[analysis][distance]")
{
    // portAt() turns a distance into degrees of latitude with the smallest metres per degree, so that
    // its cheap test never drops a port the plane would keep.
    for (double lat = -89.0; lat <= 89.0; lat += 1.0)
        CHECK(LocalPlane(lat).metresPerDegreeLat >= LocalPlane::kMinMetresPerDegreeLat);
    CHECK(LocalPlane(0).metresPerDegreeLat == Approx(110574.3).margin(0.5));
    CHECK(LocalPlane(90).metresPerDegreeLat == Approx(111694.0).margin(1.0));
}
