#include "geo/crs.h"
#include "geo/transform.h"

#include <catch2/catch.hpp>

#include <QString>

#include <cmath>
#include <numbers>
#include <thread>
#include <vector>

using namespace sightline;
using Catch::Matchers::Contains;

namespace {

constexpr double kMillimetre = 1e-3;
// A millimetre on the ground is about 1e-8 degrees.
constexpr double kDegreeMillimetre = 1e-8;

QPointF closedFormMercator(double lon, double lat)
{
    constexpr double R = 6378137.0;
    constexpr double rad = std::numbers::pi / 180.0;
    return {R * lon * rad, R * std::log(std::tan(std::numbers::pi / 4.0 + lat * rad / 2.0))};
}

Crs crs(const char *text)
{
    QString error;
    const Crs c = Crs::fromUserInput(QString::fromUtf8(text), &error);
    INFO("CRS " << text << ": " << error.toStdString());
    REQUIRE(c.isValid());
    return c;
}

} // namespace

TEST_CASE("Crs::fromUserInput accepts codes and WKT", "[geo][crs]")
{
    SECTION("authority code")
    {
        const Crs c = crs("EPSG:3857");
        CHECK(c.authId().toStdString() == "EPSG:3857");
        CHECK_FALSE(c.isGeographic());
        CHECK_THAT(c.description().toStdString(), Contains("EPSG:3857"));
    }
    SECTION("lower-case authority and bare code name the same CRS")
    {
        CHECK(crs("3857") == crs("EPSG:3857"));
        CHECK(crs("epsg:32652") == crs("EPSG:32652"));
        CHECK(crs("32652").authId().toStdString() == "EPSG:32652");
    }
    SECTION("geographic")
    {
        const Crs c = crs("EPSG:4326");
        CHECK(c.isGeographic());
        CHECK(c == Crs::wgs84());
        CHECK(crs("EPSG:3857") == Crs::webMercator());
    }
    SECTION("WKT with an identifier")
    {
        const QString wkt = crs("EPSG:32652").toWkt();
        REQUIRE_FALSE(wkt.isEmpty());
        const Crs c = Crs::fromUserInput(wkt);
        REQUIRE(c.isValid());
        CHECK(c.authId().toStdString() == "EPSG:32652");
        CHECK_FALSE(c.isGeographic());
    }
    SECTION("WKT1 without an identifier, as GDAL writes it, is recognised")
    {
        const char *wkt = "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563]],"
                          "PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433],"
                          "AXIS[\"Latitude\",NORTH],AXIS[\"Longitude\",EAST]]";
        const Crs c = Crs::fromUserInput(QString::fromUtf8(wkt));
        REQUIRE(c.isValid());
        CHECK(c.isGeographic());
        CHECK(c.authId().toStdString() == "EPSG:4326");
    }
}

TEST_CASE("Crs::fromUserInput rejects what is not a CRS, saying why", "[geo][crs]")
{
    const char *input = GENERATE("EPSG:999999", "nonsense", "", "   ");
    QString error;
    const Crs c = Crs::fromUserInput(QString::fromUtf8(input), &error);
    INFO("input '" << input << "' error '" << error.toStdString() << "'");
    CHECK_FALSE(c.isValid());
    CHECK_FALSE(error.isEmpty());
    CHECK(c.description().toStdString() == "(no CRS)");
}

TEST_CASE("EPSG:4326 to EPSG:3857 matches the closed form to the millimetre", "[geo][transform]")
{
    const Transform t(Crs::wgs84(), Crs::webMercator());
    REQUIRE(t.isValid());
    struct Row
    {
        double lon, lat;
    };
    const Row rows[] = {{130.3, 42.25}, {131.9, 43.1},   {-73.78, 40.64}, {151.2, -33.9},
                        {0.0, 0.0},     {-179.9, -85.0}, {179.9, 85.0}};
    for (const Row &r : rows) {
        INFO("lon " << r.lon << " lat " << r.lat);
        const QPointF expected = closedFormMercator(r.lon, r.lat);
        const QPointF got = t.forward(QPointF(r.lon, r.lat));
        CHECK(got.x() == Approx(expected.x()).margin(kMillimetre));
        CHECK(got.y() == Approx(expected.y()).margin(kMillimetre));
        const QPointF back = t.inverse(got);
        CHECK(back.x() == Approx(r.lon).margin(kDegreeMillimetre));
        CHECK(back.y() == Approx(r.lat).margin(kDegreeMillimetre));
    }
    // Hand-checked value for the case area (Rajin), so a wrong closed form cannot hide a wrong transform.
    const QPointF rajin = t.forward(QPointF(130.3, 42.25));
    CHECK(rajin.x() == Approx(14504929.6504).margin(kMillimetre));
    CHECK(rajin.y() == Approx(5198502.1078).margin(kMillimetre));
}

TEST_CASE("EPSG:4326 to UTM 52N matches PROJ's cs2cs to the millimetre", "[geo][transform]")
{
    // Expected values from PROJ 9.1.1, latitude first for EPSG:4326:
    //   echo 42.25 130.3 | cs2cs -d 4 EPSG:4326 EPSG:32652
    struct Row
    {
        double lon, lat, easting, northing;
    };
    const Row rows[] = {
        {130.3, 42.25, 607241.3660, 4678352.1306}, // Rajin
        {131.9, 43.1, 735997.3627, 4776002.3545},  // Vladivostok
        {130.0, 42.0, 582818.0692, 4650259.8476},
        {132.0, 44.0, 740526.3211, 4876249.1270},
    };
    const Transform t(Crs::wgs84(), crs("EPSG:32652"));
    REQUIRE(t.isValid());
    for (const Row &r : rows) {
        INFO("lon " << r.lon << " lat " << r.lat);
        const QPointF utm = t.forward(QPointF(r.lon, r.lat));
        CHECK(utm.x() == Approx(r.easting).margin(kMillimetre));
        CHECK(utm.y() == Approx(r.northing).margin(kMillimetre));
        const QPointF back = t.inverse(QPointF(r.easting, r.northing));
        CHECK(back.x() == Approx(r.lon).margin(kDegreeMillimetre));
        CHECK(back.y() == Approx(r.lat).margin(kDegreeMillimetre));
    }
}

TEST_CASE("EPSG:3857 to UTM 52N to EPSG:4326 comes back where it started", "[geo][transform]")
{
    const Crs utm = crs("EPSG:32652");
    const Transform toUtm(Crs::webMercator(), utm);
    const Transform toGeographic(utm, Crs::wgs84());
    REQUIRE(toUtm.isValid());
    REQUIRE(toGeographic.isValid());

    const QPointF mercator = closedFormMercator(130.3, 42.25);
    const QPointF onUtm = toUtm.forward(mercator);
    CHECK(onUtm.x() == Approx(607241.3660).margin(kMillimetre));
    CHECK(onUtm.y() == Approx(4678352.1306).margin(kMillimetre));
    const QPointF lonLat = toGeographic.forward(onUtm);
    CHECK(lonLat.x() == Approx(130.3).margin(kDegreeMillimetre));
    CHECK(lonLat.y() == Approx(42.25).margin(kDegreeMillimetre));
}

TEST_CASE("Transform arrays, identity and failures", "[geo][transform]")
{
    SECTION("arrays transform in place and count successes")
    {
        const Transform t(Crs::wgs84(), Crs::webMercator());
        std::vector<double> xs{130.3, 131.9, 0.0};
        std::vector<double> ys{42.25, 43.1, 0.0};
        CHECK(t.forward(xs.data(), ys.data(), xs.size()) == 3);
        CHECK(xs[1] == Approx(closedFormMercator(131.9, 43.1).x()).margin(kMillimetre));
        CHECK(ys[1] == Approx(closedFormMercator(131.9, 43.1).y()).margin(kMillimetre));
        CHECK(t.inverse(xs.data(), ys.data(), xs.size()) == 3);
        CHECK(xs[0] == Approx(130.3).margin(kDegreeMillimetre));
    }
    SECTION("same CRS is the identity")
    {
        const Transform t(Crs::wgs84(), crs("4326"));
        CHECK(t.isValid());
        CHECK(t.isIdentity());
        CHECK(t.forward(QPointF(1.5, 2.5)) == QPointF(1.5, 2.5));
    }
    SECTION("an invalid CRS gives an invalid transform with a reason")
    {
        const Transform t(Crs(), Crs::wgs84());
        CHECK_FALSE(t.isValid());
        CHECK_FALSE(t.error().isEmpty());
        const QPointF p = t.forward(QPointF(1.0, 2.0));
        CHECK_FALSE(std::isfinite(p.x()));
        CHECK_FALSE(std::isfinite(p.y()));
    }
    SECTION("a point outside the projection's domain fails alone")
    {
        const Transform t(Crs::webMercator(), Crs::wgs84());
        std::vector<double> xs{1.0e6, HUGE_VAL};
        std::vector<double> ys{1.0e6, 0.0};
        CHECK(t.forward(xs.data(), ys.data(), xs.size()) == 1);
        CHECK(std::isfinite(xs[0]));
        CHECK(xs[1] == HUGE_VAL);
    }
}

TEST_CASE("forwardBounds encloses the transformed rectangle", "[geo][transform]")
{
    // Project convention: x() = west, y() = south, height grows northwards.
    const QRectF lonLat(130.0, 42.0, 2.0, 2.0);

    SECTION("Web Mercator keeps a lon/lat rectangle rectangular, so corners are exact")
    {
        const QRectF b = Transform(Crs::wgs84(), Crs::webMercator()).forwardBounds(lonLat);
        const QPointF sw = closedFormMercator(130.0, 42.0);
        const QPointF ne = closedFormMercator(132.0, 44.0);
        CHECK(b.left() == Approx(sw.x()).margin(kMillimetre));
        CHECK(b.top() == Approx(sw.y()).margin(kMillimetre)); // top() is y(), the southern edge here
        CHECK(b.right() == Approx(ne.x()).margin(kMillimetre));
        CHECK(b.bottom() == Approx(ne.y()).margin(kMillimetre));
    }
    SECTION("UTM curves the edges; the extremes are at the corners (cs2cs values)")
    {
        const Transform t(Crs::wgs84(), crs("EPSG:32652"));
        const QRectF b = t.forwardBounds(lonLat);
        CHECK(b.left() == Approx(580174.2598).margin(kMillimetre));    // 44N 130E
        CHECK(b.right() == Approx(748464.9207).margin(kMillimetre));   // 42N 132E
        CHECK(b.top() == Approx(4650259.8476).margin(kMillimetre));    // 42N 130E
        CHECK(b.bottom() == Approx(4876249.1270).margin(kMillimetre)); // 44N 132E
        // and back: the lon/lat box of that UTM box holds the original rectangle
        const QRectF back = t.inverseBounds(b);
        CHECK(back.contains(lonLat.adjusted(1e-9, 1e-9, -1e-9, -1e-9)));
    }
    SECTION("nothing that maps gives an empty rectangle")
    {
        const Transform t(Crs(), Crs::wgs84());
        CHECK(t.forwardBounds(lonLat).isEmpty());
    }
}

TEST_CASE("A worker thread makes and uses its own transform", "[geo][transform]")
{
    // Crs values cross threads; the PROJ objects are made in the worker. Run under
    // valgrind to check the thread's PROJ context outlives the operations cached with it.
    const Crs source = Crs::wgs84();
    const Crs destination = crs("EPSG:32652");
    QPointF utm;
    std::thread worker([&] { utm = Transform(source, destination).forward(QPointF(130.3, 42.25)); });
    worker.join();
    CHECK(utm.x() == Approx(607241.3660).margin(kMillimetre));
    CHECK(utm.y() == Approx(4678352.1306).margin(kMillimetre));
}

TEST_CASE("PROJ strings are accepted as CRSs", "[geo]")
{
    QString error;
    const sightline::Crs longlat =
        sightline::Crs::fromUserInput(QStringLiteral("+proj=longlat +datum=WGS84"), &error);
    INFO(error.toStdString());
    REQUIRE(longlat.isValid());
    CHECK(longlat.isGeographic());
    const sightline::Crs merc =
        sightline::Crs::fromUserInput(QStringLiteral("+proj=merc +datum=WGS84"), &error);
    REQUIRE(merc.isValid());
    CHECK_FALSE(merc.isGeographic());
    const sightline::Transform t(longlat, merc);
    CHECK(t.forward(QPointF(0, 0)).x() == Approx(0).margin(1e-6));
}
