#include "../catchstringmakers.h"

#include "fixtures.h"
#include "layers/layeropening.h"
#include "layers/layerstack.h"
#include "layers/vectorlayer.h"
#include "postgisserver.h"
#include "render/maprenderer.h"
#include "util/gdalutil.h"

#include <QTcpServer>

using namespace sightline;
using namespace sightline::test;

// Against a real PostgreSQL + PostGIS started for the test (tools/install-deps.sh
// installs it): tables list as layers, open with their attributes, draw where
// they are, and a refused connection says so without showing the password.
TEST_CASE("PostGIS tables open as vector layers", "[vector][postgis]")
{
    PostgisServer server;
    INFO(server.error().toStdString());
    REQUIRE(server.error().isEmpty());
    REQUIRE(server.execute(QStringLiteral(
        "CREATE TABLE ports (id serial PRIMARY KEY, name text, kind text, geom geometry(Point, 4326));"
        "INSERT INTO ports (name, kind, geom) VALUES"
        " ('Rajin', 'port', ST_SetSRID(ST_MakePoint(130.30, 42.25), 4326)),"
        " ('Dunai', 'port', ST_SetSRID(ST_MakePoint(132.35, 42.88), 4326));"
        "CREATE TABLE rail (id serial PRIMARY KEY, railway text, geom geometry(LineString, 32652));"
        "INSERT INTO rail (railway, geom) VALUES ('rail', ST_Transform(ST_SetSRID("
        " ST_MakeLine(ST_MakePoint(130.30, 42.25), ST_MakePoint(130.60, 42.40)), 4326), 32652));"
        "CREATE TABLE notes (id serial PRIMARY KEY, body text);")));

    const QString connection = server.connectionString();
    QString error;
    const QStringList names = VectorData::layerNames(connection, &error);
    INFO(error.toStdString());
    CHECK(names.contains(QStringLiteral("ports")));
    CHECK(names.contains(QStringLiteral("rail")));

    REQUIRE(isVectorSource(connection));
    const auto layers = openLayers(connection, &error, {QStringLiteral("ports"), QStringLiteral("rail")});
    REQUIRE(layers.size() == 2);
    auto ports = std::dynamic_pointer_cast<VectorLayer>(layers[0]);
    auto rail = std::dynamic_pointer_cast<VectorLayer>(layers[1]);
    REQUIRE(ports);
    REQUIRE(rail);
    CHECK(ports->name() == QStringLiteral("ports"));
    REQUIRE(ports->data().features().size() == 2);
    CHECK(ports->data().value(ports->data().features()[0], QStringLiteral("name")) ==
          QStringLiteral("Rajin"));
    // The line is stored in UTM 52N and comes back framed in lon/lat (the UTM box,
    // reprojected, bulges a little past the line's ends).
    CHECK(rail->crs().isValid());
    CHECK(rail->extentWgs84().left() == Approx(130.30).margin(0.01));
    CHECK(rail->extentWgs84().top() == Approx(42.25).margin(0.01));
    CHECK(rail->extentWgs84().right() == Approx(130.60).margin(0.01));

    MapSettings s =
        MapSettings::fromWgs84Extent(QRectF(QPointF(129.8, 41.8), QPointF(133.0, 43.3)), QSize(640, 400));
    s.setLayers({ports});
    const QImage image = renderMapImage(s, nullptr, Qt::white);
    const QColor fill = ports->style().symbol.fill;
    const QPointF want = expectedPixel(s, QPointF(130.30, 42.25));
    const QPointF got =
        centroidOfColor(image.copy(QRect((want - QPointF(12, 12)).toPoint(), QSize(24, 24))), fill, 30);
    CAPTURE(want, got);
    REQUIRE(got.x() >= 0);
    CHECK(std::abs(got.x() - 12) <= 1.5);
    CHECK(std::abs(got.y() - 12) <= 1.5);

    // A table that is not there is named.
    CHECK(openLayers(connection, &error, {QStringLiteral("no_such_table")}).isEmpty());
    CHECK(error.contains(QStringLiteral("no_such_table")));
}

TEST_CASE("A PostGIS connection that fails names the server and hides the password", "[vector][postgis]")
{
    // A port nobody listens on: taken and released.
    int port = 0;
    {
        QTcpServer probe;
        REQUIRE(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    const QString connection =
        QStringLiteral("PG:host='127.0.0.1' port='%1' dbname='sightline' user='analyst' password='s3cr\\'et' "
                       "connect_timeout='5'")
            .arg(port);
    QString error;
    CHECK(VectorData::layerNames(connection, &error).isEmpty());
    CAPTURE(error);
    CHECK(error.contains(QString::number(port)));
    CHECK(!error.contains(QStringLiteral("s3cr")));
    CHECK(error.contains(QStringLiteral("password=***")));
    CHECK(describeSource(QStringLiteral("PG:host=h password=plain dbname=d")) ==
          QStringLiteral("PG:host=h password=*** dbname=d"));
}
