#include "imagery/landmask.h"
#include "imagery/sarscene.h"

#include <QFile>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

#include <cmath>

using namespace sightline;

namespace {

// A 400 × 300 image of 10 m pixels on UTM 52N, north up: column c, row r is at
// (600000 + 10·c, 4700000 − 10·r).
SarScene smallScene()
{
    SarScene scene;
    scene.width = 400;
    scene.height = 300;
    scene.power.assign(std::size_t(scene.width) * scene.height, 0.01f);
    scene.geolocation = SarGeolocation::fromGeoTransform({600000, 10, 0, 4700000, 0, -10},
                                                         Crs::fromUserInput(QStringLiteral("EPSG:32652")));
    return scene;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &text)
{
    QFile file(dir.filePath(name));
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(text);
    return file.fileName();
}

// A GeoJSON in UTM 52N (so the test reads pixels straight off the coordinates) of one feature.
QByteArray utmFeature(const QByteArray &geometry, int id = 7)
{
    return R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::32652"}},)"
           R"("features":[{"type":"Feature","id":)" +
           QByteArray::number(id) + R"(,"properties":{},"geometry":)" + geometry + "}]}";
}

} // namespace

TEST_CASE("Land polygons become land pixels, grown by the shore buffer, lakes left out",
          "[imagery][landmask]")
{
    const SarScene scene = smallScene();
    QTemporaryDir dir;
    // Land west of x = 601000 (column 100), with a lake from column 20 to 60, rows 100–200.
    const QString path =
        writeFile(dir, QStringLiteral("land.geojson"), utmFeature(R"({"type":"Polygon","coordinates":[
        [[599000,4701000],[601000,4701000],[601000,4696000],[599000,4696000],[599000,4701000]],
        [[600200,4699000],[600600,4699000],[600600,4698000],[600200,4698000],[600200,4699000]]]})"));
    QString error;
    const auto unbuffered = landMaskFromLayer(scene, path, {}, 0, &error);
    INFO(error.toStdString());
    REQUIRE(unbuffered);
    CHECK(unbuffered->width == 400);
    CHECK(unbuffered->isLand(99, 10));
    CHECK_FALSE(unbuffered->isLand(100, 10));
    CHECK(unbuffered->isLand(10, 150));
    CHECK_FALSE(unbuffered->isLand(40, 150)); // the lake

    const auto buffered = landMaskFromLayer(scene, path, {}, 300, &error);
    REQUIRE(buffered);
    // Distances run between pixel centres: the last land pixel's is at 99.5, so 128.5 is 29
    // pixels (290 m; a grid metre is 1.0003 m on the ground here) east of it, 131.5 is 32.
    CHECK(buffered->isLand(128, 10));
    CHECK_FALSE(buffered->isLand(131, 10));
    // A lake 400 m across is within 300 m of its shores everywhere.
    CHECK(buffered->isLand(40, 150));
    // The buffer is Euclidean: round the corner of land (last pixel centre 99.5, 199.5), 20
    // pixels east and south is 283 m, 24 and 24 is 339 m.
    const auto corner = landMaskFromLayer(
        scene,
        writeFile(dir, QStringLiteral("corner.geojson"), utmFeature(R"({"type":"Polygon","coordinates":[
        [[599000,4701000],[601000,4701000],[601000,4698000],[599000,4698000],[599000,4701000]]]})")),
        {}, 300, &error);
    REQUIRE(corner);
    CHECK(corner->isLand(119, 219));
    CHECK_FALSE(corner->isLand(123, 223));
    CHECK(corner->isLand(99, 228)); // straight south, 290 m
    CHECK_FALSE(corner->isLand(99, 231));
}

TEST_CASE("A land mask names the file and the feature it cannot use", "[imagery][landmask]")
{
    const SarScene scene = smallScene();
    QTemporaryDir dir;
    QString error;
    CHECK_FALSE(landMaskFromLayer(scene, dir.filePath(QStringLiteral("missing.gpkg")), {}, 0, &error));
    CHECK(error.contains(QStringLiteral("missing.gpkg")));

    CHECK_FALSE(
        landMaskFromLayer(scene, QStringLiteral("/vsicurl/https://example.com/land.gpkg"), {}, 0, &error));
    CHECK(error.contains(QStringLiteral("local file")));
    CHECK_FALSE(
        landMaskFromLayer(scene, QStringLiteral("<OGRVRTDataSource></OGRVRTDataSource>"), {}, 0, &error));
    CHECK(error.contains(QStringLiteral("local file")));

    const QString points = writeFile(dir, QStringLiteral("points.geojson"),
                                     utmFeature(R"({"type":"Point","coordinates":[600500,4699000]})"));
    CHECK_FALSE(landMaskFromLayer(scene, points, {}, 0, &error));
    CHECK(error.contains(QStringLiteral("points.geojson")));
    CHECK(error.contains(QStringLiteral("Point")));

    // A bow tie: its rings cross.
    const QString bowTie = writeFile(dir, QStringLiteral("bowtie.geojson"),
                                     utmFeature(R"({"type":"Polygon","coordinates":[
        [[600000,4700000],[601000,4699000],[601000,4700000],[600000,4699000],[600000,4700000]]]})",
                                                42));
    CHECK_FALSE(landMaskFromLayer(scene, bowTie, {}, 0, &error));
    CHECK(error.contains(QStringLiteral("bowtie.geojson")));
    CHECK(error.contains(QStringLiteral("feature 42")));

    CHECK_FALSE(landMaskFromLayer(scene, bowTie, QStringLiteral("coast"), 0, &error));
    CHECK(error.contains(QStringLiteral("coast")));
}

TEST_CASE("Closed coastlines count as land, open ones do not", "[imagery][landmask]")
{
    const SarScene scene = smallScene();
    QTemporaryDir dir;
    QString error;
    const auto closed = landMaskFromLayer(
        scene,
        writeFile(dir, QStringLiteral("closed.geojson"), utmFeature(R"({"type":"LineString","coordinates":[
        [600500,4699500],[601500,4699500],[601500,4698500],[600500,4698500],[600500,4699500]]})")),
        {}, 0, &error);
    INFO(error.toStdString());
    REQUIRE(closed);
    CHECK(closed->isLand(100, 100));
    const auto open = landMaskFromLayer(
        scene,
        writeFile(dir, QStringLiteral("open.geojson"), utmFeature(R"({"type":"LineString","coordinates":[
        [600500,4699500],[601500,4699500],[601500,4698500],[600500,4698500]]})")),
        {}, 0, &error);
    REQUIRE(open);
    CHECK(std::count(open->land.begin(), open->land.end(), 1) == 0);
}

TEST_CASE("Land just outside the scene grows into it by the shore buffer", "[imagery][landmask]")
{
    const SarScene scene = smallScene();
    QTemporaryDir dir;
    // Land ending 100 m west of the scene's left edge (x = 600000): a pier-lined coast just off it.
    const QString path = writeFile(dir, QStringLiteral("offscene.geojson"), utmFeature(R"({"type":"Polygon","coordinates":[
        [[595000,4701000],[599900,4701000],[599900,4696000],[595000,4696000],[595000,4701000]]]})"));
    QString error;
    const auto none = landMaskFromLayer(scene, path, {}, 0, &error);
    INFO(error.toStdString());
    REQUIRE(none);
    CHECK_FALSE(none->isLand(0, 150));
    const auto buffered = landMaskFromLayer(scene, path, {}, 500, &error);
    REQUIRE(buffered);
    // 500 m from x = 599900 reaches x = 600400: column 39 (centre 600395) is land, 41 is sea.
    CHECK(buffered->isLand(0, 150));
    CHECK(buffered->isLand(38, 150));
    CHECK_FALSE(buffered->isLand(41, 150));
    // Far land stays out of reach whatever its size.
    const auto far = landMaskFromLayer(
        scene,
        writeFile(dir, QStringLiteral("far.geojson"), utmFeature(R"({"type":"Polygon","coordinates":[
        [[560000,4701000],[570000,4701000],[570000,4696000],[560000,4696000],[560000,4701000]]]})")),
        {}, 500, &error);
    REQUIRE(far);
    CHECK_FALSE(far->isLand(0, 150));
}
