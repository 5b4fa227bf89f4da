#include "../catchstringmakers.h"

#include "analysis/corridor.h"
#include "analysis/railnetwork.h"
#include "geo/geodesic.h"
#include "geo/measurement.h"
#include "layers/vectorlayer.h"

#include <QFile>
#include <QTemporaryDir>

using namespace sightline;

namespace {
std::shared_ptr<VectorLayer> linesLayer(const QTemporaryDir &dir, const QByteArray &features)
{
    const QString path = dir.filePath(QStringLiteral("lines.geojson"));
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(R"({"type":"FeatureCollection","features":[)" + features + "]}");
    f.close();
    QString error;
    auto layer = VectorLayer::open(path, QString(), &error);
    REQUIRE(layer);
    return layer;
}
QByteArray line(const char *coords)
{
    return QByteArray(R"({"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":)") +
           coords + "}}";
}
} // namespace

TEST_CASE("routes take the shortest way over the line network", "[analysis]")
{
    QTemporaryDir dir;
    // A to C directly via B (short), or round via D (long); E is on an island of its own.
    auto layer = linesLayer(dir, line("[[130.0,42.0],[130.5,42.0],[131.0,42.0]]") + "," +
                                     line("[[130.0,42.0],[130.5,42.8],[131.0,42.0]]") + "," +
                                     line("[[135.0,45.0],[135.5,45.0]]"));
    const RailNetwork net = RailNetwork::build(layer->data());
    CHECK(net.nodeCount() == 6);
    CHECK(net.edgeCount() == 5);
    const RailNetwork::Route r = net.route(QPointF(130.0, 42.0), QPointF(131.0, 42.0));
    REQUIRE(r.found);
    CHECK(r.lonLat.size() == 3);
    CHECK(r.lonLat[1] == QPointF(130.5, 42.0));
    CHECK(r.metres == Approx(Geodesic::inverse(130.0, 42.0, 130.5, 42.0).distanceMetres +
                             Geodesic::inverse(130.5, 42.0, 131.0, 42.0).distanceMetres));
    // Points off the network snap to its nearest node, and say how far that was.
    const RailNetwork::Route off = net.route(QPointF(130.0, 41.99), QPointF(131.0, 42.0));
    REQUIRE(off.found);
    CHECK(off.startSnapMetres == Approx(Geodesic::inverse(130.0, 41.99, 130.0, 42.0).distanceMetres));
    // Between disconnected parts there is no route, and the message says why.
    const RailNetwork::Route none = net.route(QPointF(130.0, 42.0), QPointF(135.5, 45.0));
    CHECK_FALSE(none.found);
    CHECK(none.message.contains(QStringLiteral("do not connect")));
}

TEST_CASE("lines that meet within the snapping distance join the network", "[analysis]")
{
    QTemporaryDir dir;
    // The second line starts 10 m from where the first ends.
    auto layer =
        linesLayer(dir, line("[[130.0,42.0],[130.5,42.0]]") + "," + line("[[130.50012,42.0],[131.0,42.0]]"));
    CHECK(RailNetwork::build(layer->data(), 30).route(QPointF(130.0, 42.0), QPointF(131.0, 42.0)).found);
    CHECK_FALSE(RailNetwork::build(layer->data(), 5).route(QPointF(130.0, 42.0), QPointF(131.0, 42.0)).found);
}

TEST_CASE("the demo network answers Dunai to Tikhoretsk by rail", "[analysis]")
{
    QString error;
    auto rails = VectorLayer::open(QStringLiteral(SIGHTLINE_DEMO_DIR "/vector/railways_APPROXIMATE.geojson"),
                                   QString(), &error);
    REQUIRE(rails);
    const RailNetwork net = RailNetwork::build(rails->data());
    const RailNetwork::Route r = net.route(QPointF(132.352, 42.884), QPointF(40.2, 45.9));
    REQUIRE(r.found);
    // Longer than the great circle between the two ends, as any route over land must be.
    CHECK(r.metres > Geodesic::inverse(132.352, 42.884, 40.2, 45.9).distanceMetres);
    // The schematic line cuts corners between junctions: about 7,700 km where the real rail is longer.
    CHECK(r.metres > 7.0e6);
    CHECK(r.metres < 1.2e7);
}

TEST_CASE("a corridor is as wide on the ground as asked, short lines and long", "[analysis]")
{
    for (const std::vector<QPointF> &l :
         {std::vector<QPointF>{QPointF(130.30, 42.24), QPointF(130.42, 42.33), QPointF(130.62, 42.40)},
          std::vector<QPointF>{QPointF(82.9, 55.03), QPointF(73.37, 54.99), QPointF(60.6, 56.84)}}) {
        const double half = 2500.0;
        const Corridor c = buildCorridor({l}, half);
        REQUIRE(c.ok());
        REQUIRE(c.polygons.size() == 1);
        const auto &outer = c.polygons.front().front();
        REQUIRE(outer.size() > 20);
        // Every boundary vertex lies half the width from the line, measured geodesically.
        double worst = 0;
        for (const QPointF &v : outer)
            worst = std::max(worst, std::abs(nearestOnPolyline(v, l).metres - half) / half);
        CAPTURE(worst);
        CHECK(worst < 0.01);
    }
    CHECK_FALSE(buildCorridor({{QPointF(0, 0), QPointF(1, 1)}}, 0).ok());
}
