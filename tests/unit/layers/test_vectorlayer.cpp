#include "../catchstringmakers.h"

#include "fixtures.h"
#include "layers/layeropening.h"
#include "layers/layerstack.h"
#include "layers/vectorlayer.h"
#include "render/maprenderer.h"
#include "tileserver.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace sightline;
using namespace sightline::test;

namespace {

const QPointF kRajin(130.30, 42.25);

QString write(const QTemporaryDir &dir, const char *name, const QByteArray &content)
{
    const QString path = dir.filePath(QString::fromLatin1(name));
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(content);
    return path;
}

bool ogr2ogr(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral("ogr2ogr"), args);
    return p.waitForFinished(60000) && p.exitCode() == 0;
}

const QByteArray kPoints = R"({"type":"FeatureCollection","features":[
 {"type":"Feature","properties":{"name":"Rajin","kind":"port"},"geometry":{"type":"Point","coordinates":[130.30,42.25]}},
 {"type":"Feature","properties":{"name":"Dunai","kind":"port"},"geometry":{"type":"Point","coordinates":[132.35,42.88]}}]})";

} // namespace

TEST_CASE("vector formats open and draw their features on the right pixels", "[vector]")
{
    if (QStandardPaths::findExecutable(QStringLiteral("ogr2ogr")).isEmpty()) {
        WARN("ogr2ogr (gdal-bin) is not installed: format fixtures cannot be made");
        return;
    }
    QTemporaryDir dir;
    const QString geojson = write(dir, "ports.geojson", kPoints);
    struct Format
    {
        const char *driver;
        const char *file;
        QStringList extra;
    };
    const QList<Format> formats = {
        {"GeoJSON", "ports.geojson", {}},
        {"GPKG", "ports.gpkg", {}},
        {"ESRI Shapefile", "ports.shp", {}},
        {"KML", "ports.kml", {}},
        {"LIBKML", "ports.kmz", {}},
        {"FlatGeobuf", "ports.fgb", {}},
        {"GPX", "ports.gpx", {QStringLiteral("-lco"), QStringLiteral("FORCE_GPX_TRACK=NO")}},
        {"CSV", "ports.csv", {QStringLiteral("-lco"), QStringLiteral("GEOMETRY=AS_XY")}},
        {"GPKG", "ports_utm.gpkg", {QStringLiteral("-t_srs"), QStringLiteral("EPSG:32652")}},
    };
    for (const Format &fmt : formats) {
        CAPTURE(fmt.file);
        const QString path = dir.filePath(QString::fromLatin1(fmt.file));
        if (path != geojson)
            REQUIRE(ogr2ogr(QStringList{QStringLiteral("-f"), QString::fromLatin1(fmt.driver)} + fmt.extra +
                            QStringList{path, geojson}));
        REQUIRE(isVectorSource(path));
        QString error;
        const auto layers = openLayers(path, &error);
        INFO(error.toStdString());
        REQUIRE(!layers.isEmpty());
        auto vector = std::dynamic_pointer_cast<VectorLayer>(layers.first());
        REQUIRE(vector);
        CHECK(vector->data().features().size() == 2);
        MapSettings s =
            MapSettings::fromWgs84Extent(QRectF(QPointF(129.8, 41.8), QPointF(133.0, 43.3)), QSize(640, 400));
        s.setLayers({vector});
        const QImage image = renderMapImage(s, nullptr, Qt::white);
        // Whatever the symbol, its centre is where Rajin is: the symbol's fill colour is centred on it.
        const QColor fill = vector->style().symbol.fill;
        const QPointF want = expectedPixel(s, kRajin);
        const QPointF got =
            centroidOfColor(image.copy(QRect((want - QPointF(12, 12)).toPoint(), QSize(24, 24))), fill, 30);
        CAPTURE(want, got);
        REQUIRE(got.x() >= 0);
        CHECK(std::abs(got.x() - 12) <= 1.5);
        CHECK(std::abs(got.y() - 12) <= 1.5);
    }
}

TEST_CASE("OSM extracts: railways and harbours are found and styled", "[vector][osm]")
{
    const QString helsinki = sharedDataFile(QStringLiteral("osm/Helsinki.osm.pbf"));
    const QString monaco = sharedDataFile(QStringLiteral("osm/monaco-latest.osm.pbf"));
    if (helsinki.isEmpty() || monaco.isEmpty()) {
        WARN("../shared/data/osm is absent: the OSM extract test is skipped");
        return;
    }
    QString error;
    auto lines = VectorLayer::open(helsinki, QStringLiteral("lines"), &error);
    REQUIRE(lines);
    int rails = 0;
    for (const VectorFeature &f : lines->data().features())
        rails += lines->data().value(f, QStringLiteral("railway")) == QLatin1String("rail") ? 1 : 0;
    CHECK(rails > 50);
    CHECK(lines->style().categoryField == QStringLiteral("railway"));
    CHECK(lines->style().symbolFor(QStringLiteral("rail")).railway);
    CHECK(lines->style().symbolFor(QStringLiteral("abandoned")).penStyle == Qt::DotLine);

    auto polygons = VectorLayer::open(monaco, QStringLiteral("multipolygons"), &error);
    REQUIRE(polygons);
    bool harbour = false;
    for (const VectorFeature &f : polygons->data().features())
        harbour =
            harbour ||
            (polygons->data().value(f, QStringLiteral("name")) == QStringLiteral("Port Hercule de Monaco") &&
             polygons->data().value(f, QStringLiteral("seamark:type")) == QStringLiteral("harbour"));
    CHECK(harbour);
    CHECK(polygons->style().categoryField == QStringLiteral("seamark:type"));
    CHECK(polygons->style().symbolFor(QStringLiteral("harbour")).stroke == QColor(0x0b, 0x3d, 0x91));
}

TEST_CASE("picking: inside polygons but not their holes, near lines and points", "[vector]")
{
    QTemporaryDir dir;
    const QString path = write(dir, "shapes.geojson", R"({"type":"FeatureCollection","features":[
 {"type":"Feature","properties":{"name":"yard"},"geometry":{"type":"Polygon","coordinates":[
   [[0,0],[10,0],[10,10],[0,10],[0,0]],[[4,4],[6,4],[6,6],[4,6],[4,4]]]}},
 {"type":"Feature","properties":{"name":"line"},"geometry":{"type":"LineString","coordinates":[[20,0],[30,10]]}},
 {"type":"Feature","properties":{"name":"pt"},"geometry":{"type":"Point","coordinates":[40,5]}}]})");
    QString error;
    auto layer = VectorLayer::open(path, QString(), &error);
    REQUIRE(layer);
    CHECK(layer->pick(QPointF(2, 2), 0.1) == 0);
    CHECK(layer->pick(QPointF(5, 5), 0.1) == -1); // in the hole
    CHECK(layer->pick(QPointF(25.05, 5), 0.1) == 1);
    CHECK(layer->pick(QPointF(26, 5), 0.1) == -1);
    CHECK(layer->pick(QPointF(40.05, 5.05), 0.1) == 2);
    const auto attrs = layer->attributes(1);
    CHECK(std::any_of(attrs.begin(), attrs.end(),
                      [](const LayerProperty &p) { return p.second == QStringLiteral("line"); }));
}

TEST_CASE("bad vector input gets a clear message and nothing crashes", "[vector][bad-input]")
{
    QTemporaryDir dir;
    QString error;
    // Broken GeoJSON.
    const QString broken =
        write(dir, "broken.geojson", R"({"type":"FeatureCollection","features":[{"type":"Feat)");
    CHECK(openLayers(broken, &error).isEmpty());
    CHECK(error.contains(QStringLiteral("broken.geojson")));

    // A Shapefile without its .shx.
    if (!QStandardPaths::findExecutable(QStringLiteral("ogr2ogr")).isEmpty()) {
        const QString geojson = write(dir, "p.geojson", kPoints);
        const QString shp = dir.filePath(QStringLiteral("noshx.shp"));
        REQUIRE(ogr2ogr({QStringLiteral("-f"), QStringLiteral("ESRI Shapefile"), shp, geojson}));
        REQUIRE(QFile::remove(dir.filePath(QStringLiteral("noshx.shx"))));
        error.clear();
        CHECK(openLayers(shp, &error).isEmpty());
        CHECK(error.contains(QStringLiteral("noshx")));
    }

    // A KML with external entities: neither a local file nor a URL may be read.
    TileServer server(Qt::gray, {});
    REQUIRE(server.startServing() != 0);
    const QByteArray kml =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE kml [\n<!ENTITY local SYSTEM \"file:///etc/passwd\">\n"
        "<!ENTITY remote SYSTEM \"" +
        server.urlTemplate().replace(QStringLiteral("{z}/{x}/{y}.png"), QStringLiteral("secret")).toUtf8() +
        "\">\n]>\n<kml "
        "xmlns=\"http://www.opengis.net/kml/2.2\"><Document><Placemark><name>&local;&remote;</name>"
        "<Point><coordinates>130.3,42.25</coordinates></Point></Placemark></Document></kml>\n";
    const QString xxe = write(dir, "xxe.kml", kml);
    error.clear();
    const auto layers = openLayers(xxe, &error);
    for (const auto &l : layers) {
        auto v = std::dynamic_pointer_cast<VectorLayer>(l);
        for (const VectorFeature &f : v->data().features())
            for (const QVariant &a : f.attributes)
                CHECK_FALSE(a.toString().contains(QStringLiteral("root:")));
    }
    CHECK(server.requestCount() == 0);

    // An empty layer.
    const QString empty = write(dir, "empty.geojson", R"({"type":"FeatureCollection","features":[]})");
    error.clear();
    CHECK(openLayers(empty, &error).isEmpty());
    CHECK(error.contains(QStringLiteral("no features")));

    // Mixed geometry types open, and say so.
    const QString mixed = write(dir, "mixed.geojson", R"({"type":"FeatureCollection","features":[
 {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1,1]}},
 {"type":"Feature","properties":{},"geometry":{"type":"GeometryCollection","geometries":[
   {"type":"Point","coordinates":[2,2]},{"type":"LineString","coordinates":[[0,0],[1,1]]}]}},
 {"type":"Feature","properties":{},"geometry":null}]})");
    error.clear();
    const auto mixedLayers = openLayers(mixed, &error);
    REQUIRE(mixedLayers.size() == 1);
    auto v = std::dynamic_pointer_cast<VectorLayer>(mixedLayers.first());
    CHECK(v->data().features().size() == 2);
    QStringList notes;
    for (const auto &p : v->properties())
        if (p.first == QStringLiteral("Note"))
            notes << p.second;
    CHECK(notes.join(QLatin1Char(' ')).contains(QStringLiteral("without a drawable geometry")));
    CHECK(notes.join(QLatin1Char(' ')).contains(QStringLiteral("mix points, lines and polygons")));
}
