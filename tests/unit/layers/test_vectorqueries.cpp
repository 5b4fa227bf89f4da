#include "../catchstringmakers.h"

#include "geo/geodesic.h"
#include "geo/measurement.h"
#include "layers/vectorlayer.h"
#include "layers/vectorqueries.h"

#include <QFile>
#include <QTemporaryDir>

using namespace sightline;

TEST_CASE("the nearest feature of a layer and its geodesic distance", "[vector]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("border.geojson"));
    {
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(R"({"type":"FeatureCollection","features":[
 {"type":"Feature","properties":{"name":"far"},"geometry":{"type":"LineString","coordinates":[[35,48],[36,49]]}},
 {"type":"Feature","properties":{"name":"border"},"geometry":{"type":"LineString","coordinates":[[39.5,46.5],[40.5,46.6],[41.0,47.5]]}},
 {"type":"Feature","properties":{"name":"zone"},"geometry":{"type":"Polygon","coordinates":[[[40.0,45.0],[40.4,45.0],[40.4,45.3],[40.0,45.3],[40.0,45.0]]]}}]})");
    }
    QString error;
    auto layer = VectorLayer::open(path, QString(), &error);
    REQUIRE(layer);
    const QPointF depot(40.2, 46.1); // 89 km north of the zone, about 50 km south of the border
    const NearestFeature n = nearestFeature(*layer, depot);
    REQUIRE(n.feature == 1);
    const NearestPoint direct =
        nearestOnPolyline(depot, {QPointF(39.5, 46.5), QPointF(40.5, 46.6), QPointF(41.0, 47.5)});
    CHECK(n.metres == Approx(direct.metres));
    CHECK(n.metres > 40000);
    CHECK(n.metres < 60000);
    // Inside a polygon: zero.
    const NearestFeature inside = nearestFeature(*layer, QPointF(40.2, 45.1));
    CHECK(inside.feature == 2);
    CHECK(inside.metres == 0);
    // Just outside it: the distance to its edge, a geodesic, which bulges north of the 45th
    // parallel between its corners: farther than the 1111 m to 45°N itself.
    const NearestFeature outside = nearestFeature(*layer, QPointF(40.2, 44.99));
    CHECK(outside.feature == 2);
    const auto edge = Geodesic::inverse(40.0, 45.0, 40.4, 45.0);
    const QPointF mid = Geodesic::direct(QPointF(40.0, 45.0), edge.azimuth1Deg, edge.distanceMetres / 2);
    CHECK(mid.y() > 45.0);
    CHECK(outside.metres ==
          Approx(Geodesic::inverse(QPointF(40.2, 44.99), mid).distanceMetres).epsilon(1e-4));
    CHECK(outside.metres > Geodesic::inverse(40.2, 44.99, 40.2, 45.0).distanceMetres);
}
