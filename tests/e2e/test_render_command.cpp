#include <catch2/catch.hpp>

#include "sightlineprocess.h"

#include "fixtures.h"
#include "geo/transform.h"
#include "layers/sightinglayer.h"
#include "project/project.h"
#include "map/mapsettings.h"

#include <QFile>
#include <QImage>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>

using namespace sightline;
using namespace sightline::test;

namespace {

const QString kDemo = QStringLiteral(SIGHTLINE_DEMO_DIR);
const QPointF kRajin(130.30, 42.25);

} // namespace

TEST_CASE("render writes the demo basemap framed on the case area", "[e2e]")
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("demo.png"));
    const Run r =
        runSightline({QStringLiteral("render"), kDemo + QStringLiteral("/basemap_fareast_landsea.tif"),
                      QStringLiteral("--extent"), QStringLiteral("129.2,41.6,133.6,43.8"),
                      QStringLiteral("--size"), QStringLiteral("800x500"), QStringLiteral("-o"), out});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.trimmed() == out);
    const QImage image(out);
    REQUIRE(image.size() == QSize(800, 500));
    // Sea and land, each a large share of the view; the coast runs between.
    CHECK(centroidOfColor(image, QColor(170, 200, 222), 6).x() > 0);
    CHECK(centroidOfColor(image, QColor(239, 234, 220), 6).x() > 0);
    // Vladivostok (43.1N 131.9E) sits on land; the sea south of Rajin (42.0N 130.5E) is water.
    const MapSettings s =
        MapSettings::fromWgs84Extent(QRectF(QPointF(129.2, 41.6), QPointF(133.6, 43.8)), QSize(800, 500));
    const QColor land = image.pixelColor(expectedPixel(s, QPointF(131.95, 43.15)).toPoint());
    const QColor sea = image.pixelColor(expectedPixel(s, QPointF(130.5, 42.0)).toPoint());
    CHECK(land.red() == 239);
    CHECK(sea.blue() == 222);
    // The scale bar (dark ink, bottom left) and the file's own credit (bottom right) are drawn.
    CHECK(centroidOfColor(image.copy(0, 440, 200, 60), QColor(0x22, 0x2b, 0x33), 30).x() > 0);
    CHECK(centroidOfColor(image.copy(500, 470, 300, 30), QColor(0x22, 0x2b, 0x33), 60).x() > 0);
}

TEST_CASE("render puts a UTM marker on the pixel the contract says", "[e2e]")
{
    QTemporaryDir dir;
    const Transform toUtm(Crs::wgs84(), Crs::fromUserInput(QStringLiteral("EPSG:32652")));
    const QPointF c = toUtm.forward(QPointF(130.32, 42.23));
    const QString tif = makeGeoTiff(dir.filePath(QStringLiteral("utm.tif")), 32652, 1000, 1000,
                                    {c.x() - 15000, 30, 0, c.y() + 15000, 0, -30}, QColor(30, 60, 110),
                                    {Marker{kRajin, Qt::red, 2}});
    const QString out = dir.filePath(QStringLiteral("utm.png"));
    // A square extent into a wide image: the extent grows east and west around its centre.
    const QRectF box(QPointF(130.2, 42.15), QPointF(130.45, 42.35));
    const Run r = runSightline({QStringLiteral("render"), tif, QStringLiteral("--extent"),
                                QStringLiteral("130.2,42.15,130.45,42.35"), QStringLiteral("--size"),
                                QStringLiteral("900x500"), QStringLiteral("-o"), out});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    const QImage image(out);
    const MapSettings s = MapSettings::fromWgs84Extent(box, QSize(900, 500));
    const QPointF want = expectedPixel(s, kRajin), got = centroidOfColor(image, Qt::red);
    CAPTURE(want.x(), want.y(), got.x(), got.y());
    CHECK(std::abs(got.x() - want.x()) <= 1.0);
    CHECK(std::abs(got.y() - want.y()) <= 1.0);
}

TEST_CASE("render reads real Landsat, VRT and MBTiles demo imagery in any map CRS", "[e2e]")
{
    QTemporaryDir dir;
    for (const QString &file : {QStringLiteral("/imagery/landsat7_bahamas_RGB.byte.tif"),
                                QStringLiteral("/imagery/landsat8/l8_RGB_B4B3B2.vrt"),
                                QStringLiteral("/imagery/RGB.byte_landsat7_webmercator.mbtiles")}) {
        for (const QString &crs : {QStringLiteral("EPSG:3857"), QStringLiteral("EPSG:4326")}) {
            CAPTURE(file.toStdString(), crs.toStdString());
            const QString out = dir.filePath(QStringLiteral("out.png"));
            const Run r = runSightline({QStringLiteral("render"), kDemo + file, QStringLiteral("--crs"), crs,
                                        QStringLiteral("--size"), QStringLiteral("400x300"),
                                        QStringLiteral("-o"), out});
            INFO(r.err.toStdString());
            REQUIRE(r.exitCode == 0);
            const QImage image(out);
            REQUIRE(image.size() == QSize(400, 300));
            // The scene fills the middle of its own full extent: the centre pixel is imagery, not background.
            CHECK(image.pixelColor(200, 150) != QColor(Qt::white));
        }
    }
}

TEST_CASE("render draws vector layers over imagery: port polygons and rail lines", "[e2e][vector]")
{
    QTemporaryDir dir;
    const QString bare = dir.filePath(QStringLiteral("bare.png"));
    const QString withVectors = dir.filePath(QStringLiteral("vectors.png"));
    const QStringList common{QStringLiteral("--extent"), QStringLiteral("130.2,42.18,130.4,42.3"),
                             QStringLiteral("--size"), QStringLiteral("600x400")};
    const QString basemap = kDemo + QStringLiteral("/basemap_fareast_landsea.tif");
    REQUIRE(runSightline(QStringList{QStringLiteral("render"), basemap} + common +
                         QStringList{QStringLiteral("-o"), bare})
                .exitCode == 0);
    const Run r = runSightline(QStringList{QStringLiteral("render"), basemap,
                                           kDemo + QStringLiteral("/vector/ports_APPROXIMATE.geojson"),
                                           kDemo + QStringLiteral("/vector/railways_APPROXIMATE.geojson")} +
                               common + QStringList{QStringLiteral("-o"), withVectors});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    const QImage before(bare), after(withVectors);
    REQUIRE(after.size() == QSize(600, 400));
    const MapSettings s =
        MapSettings::fromWgs84Extent(QRectF(QPointF(130.2, 42.18), QPointF(130.4, 42.3)), QSize(600, 400));
    // Inside Rajin's port polygon the translucent blue fill tints the basemap.
    const QPoint inPort = expectedPixel(s, QPointF(130.297, 42.242)).toPoint();
    CAPTURE(inPort, before.pixelColor(inPort), after.pixelColor(inPort));
    CHECK(after.pixelColor(inPort).blue() - after.pixelColor(inPort).red() >
          before.pixelColor(inPort).blue() - before.pixelColor(inPort).red() + 10);
    // The port outline is drawn in its stroke colour around that spot, and nowhere far from it.
    const QPointF outline = centroidOfColor(after, QColor(0x0b, 0x3d, 0x91), 30);
    CAPTURE(outline);
    REQUIRE(outline.x() >= 0);
    CHECK(std::abs(outline.x() - inPort.x()) < 40);
    CHECK(std::abs(outline.y() - inPort.y()) < 40);
    // A broken vector file fails the render, naming it.
    const QString broken = dir.filePath(QStringLiteral("broken.geojson"));
    {
        QFile f(broken);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(R"({"type":"FeatureCollection","features":[{"type":"Feature",)");
    }
    const Run bad = runSightline({QStringLiteral("render"), basemap, broken, QStringLiteral("-o"),
                                  dir.filePath(QStringLiteral("x.png"))});
    CHECK(bad.exitCode != 0);
    CHECK(bad.err.contains(broken));
}

TEST_CASE("render --project draws the project's layers and sightings on its saved view", "[e2e][project]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("case.gpkg"));
    const QRectF view(QPointF(130.2, 42.18), QPointF(130.4, 42.3));
    {
        auto project = Project::create(path, nullptr);
        REQUIRE(project);
        REQUIRE(project->setLayers({{kDemo + QStringLiteral("/basemap_fareast_landsea.tif"),
                                     {},
                                     QStringLiteral("Base"),
                                     true,
                                     1.0,
                                     {}},
                                    {dir.filePath(QStringLiteral("moved.geojson")),
                                     {},
                                     QStringLiteral("Moved away"),
                                     true,
                                     1.0,
                                     {}}}));
        REQUIRE(project->setCurrentView(view));
        Sighting s;
        s.kind = QStringLiteral("vessel");
        s.geometry.lonLat = {QPointF(130.30, 42.245)};
        REQUIRE(project->addSighting(s) > 0);
    } // the workbench may hold it: render opens it read-only anyway
    const QString out = dir.filePath(QStringLiteral("project.png"));
    const Run r =
        runSightline({QStringLiteral("render"), QStringLiteral("--project"), path, QStringLiteral("--size"),
                      QStringLiteral("600x400"), QStringLiteral("-o"), out});
    INFO(r.err.toStdString());
    // The missing layer is named and makes the exit 1; the rest is drawn.
    CHECK(r.exitCode == 1);
    CHECK(r.err.contains(QStringLiteral("Moved away")));
    const QImage image(out);
    REQUIRE(image.size() == QSize(600, 400));
    const MapSettings s = MapSettings::fromWgs84Extent(view, QSize(600, 400));
    const QPointF want = expectedPixel(s, QPointF(130.30, 42.245));
    const QPointF got = centroidOfColor(image.copy(QRect((want - QPointF(10, 10)).toPoint(), QSize(20, 20))),
                                        sightingColour(QStringLiteral("vessel")), 30);
    CAPTURE(want, got);
    REQUIRE(got.x() >= 0);
    CHECK(std::abs(got.x() - 10) <= 1.5);
    CHECK(std::abs(got.y() - 10) <= 1.5);
    // Land from the basemap is under it.
    CHECK(centroidOfColor(image, QColor(239, 234, 220), 6).x() > 0);

    // A GeoPackage that is not a project is refused, named.
    const Run notProject =
        runSightline({QStringLiteral("render"), QStringLiteral("--project"),
                      kDemo + QStringLiteral("/imagery/RGB.byte_landsat7_webmercator.mbtiles"),
                      QStringLiteral("-o"), out});
    CHECK(notProject.exitCode == 2);
    CHECK(notProject.err.contains(QStringLiteral("--project")));
}

TEST_CASE("render reports bad input clearly and exits non-zero", "[e2e][bad-input]")
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("x.png"));
    const QString text = dir.filePath(QStringLiteral("notes.tif"));
    {
        QFile f(text);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("hello\n");
    }
    const QString truncated = dir.filePath(QStringLiteral("truncated.tif"));
    {
        makeGeoTiff(truncated, 4326, 600, 600, {130, 0.001, 0, 43, 0, -0.001}, Qt::darkGreen);
        QFile f(truncated);
        REQUIRE(f.open(QIODevice::ReadWrite));
        REQUIRE(f.resize(f.size() / 2));
    }
    struct Case
    {
        QStringList args;
        int exit;
        QString mustSay;
    };
    const QList<Case> cases = {
        {{QStringLiteral("/no/such/file.tif")}, 2, QStringLiteral("/no/such/file.tif': no such file")},
        {{text}, 2, QStringLiteral("not recognized as a supported file format")},
        {{truncated}, 1, truncated},
        {{QStringLiteral("http://127.0.0.1:9/{z}/{x}/{y}.png"), QStringLiteral("--extent"),
          QStringLiteral("130,42,131,43")},
         1,
         QStringLiteral("127.0.0.1:9")},
        {{kDemo + QStringLiteral("/basemap_fareast_landsea.tif"), QStringLiteral("--extent"),
          QStringLiteral("130,42,131")},
         2,
         QStringLiteral("--extent needs four numbers")},
        {{kDemo + QStringLiteral("/basemap_fareast_landsea.tif"), QStringLiteral("--size"),
          QStringLiteral("big")},
         2,
         QStringLiteral("--size needs WIDTHxHEIGHT")},
        {{kDemo + QStringLiteral("/basemap_fareast_landsea.tif"), QStringLiteral("--crs"),
          QStringLiteral("EPSG:999999")},
         2,
         QStringLiteral("EPSG:999999")},
    };
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SIGHTLINE_TILE_CACHE"), dir.filePath(QStringLiteral("tiles")));
    for (const Case &c : cases) {
        CAPTURE(c.args.join(QLatin1Char(' ')).toStdString());
        const Run r = runSightline(
            QStringList{QStringLiteral("render")} + c.args + QStringList{QStringLiteral("-o"), out}, env);
        CAPTURE(r.err.toStdString());
        CHECK(r.exitCode == c.exit);
        CHECK(r.err.contains(c.mustSay));
    }
    const Run noOutput = runSightline({QStringLiteral("render"), text});
    CHECK(noOutput.exitCode == 2);
    CHECK(noOutput.err.contains(QStringLiteral("no output")));
}

TEST_CASE("the workbench without a display says so instead of crashing", "[e2e]")
{
    auto env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    const Run r = runSightline({kDemo + QStringLiteral("/basemap_fareast_landsea.tif")}, env);
    CHECK(r.exitCode == 3);
    CHECK(r.err.contains(QStringLiteral("no display")));
    CHECK(r.err.contains(QStringLiteral("sightline render")));
}

TEST_CASE("the version option names the libraries", "[e2e]")
{
    const Run r = runSightline({QStringLiteral("--version")});
    CHECK(r.exitCode == 0);
    CHECK(r.out.contains(QStringLiteral("GDAL")));
    CHECK(r.out.contains(QStringLiteral("PROJ")));
}
