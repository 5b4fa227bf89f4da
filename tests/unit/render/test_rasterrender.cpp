#include "../catchstringmakers.h"

#include "fixtures.h"
#include "geo/transform.h"
#include "layers/datasetpool.h"
#include "layers/layeropening.h"
#include "layers/layerstack.h"
#include "layers/rasterlayer.h"
#include "render/maprenderer.h"
#include "tileserver.h"
#include "util/gdalutil.h"

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <QEventLoop>

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>

using namespace sightline;
using namespace sightline::test;

namespace {

const QPointF kRajin(130.30, 42.25);
const QPointF kMarker2(130.36, 42.21);

// A 1000×1000 GeoTIFF at 30 m in UTM 52N centred near Rajin, optionally rotated.
QString makeUtmFixture(const QTemporaryDir &dir, double rotationDeg = 0)
{
    const Transform toUtm(Crs::wgs84(), Crs::fromUserInput(QStringLiteral("EPSG:32652")));
    const QPointF c = toUtm.forward(QPointF(130.32, 42.23));
    const double a = rotationDeg * M_PI / 180, px = 30;
    // Rotated geotransform: columns run along (cos a, -sin a), rows along (-sin a, -cos a).
    const double g1 = px * std::cos(a), g2 = -px * std::sin(a), g4 = -px * std::sin(a),
                 g5 = -px * std::cos(a);
    const double x0 = c.x() - 500 * g1 - 500 * g2, y0 = c.y() - 500 * g4 - 500 * g5;
    return makeGeoTiff(dir.filePath(QStringLiteral("utm%1.tif").arg(rotationDeg)), 32652, 1000, 1000,
                       {x0, g1, g2, y0, g4, g5}, QColor(30, 60, 110),
                       {Marker{kRajin, Qt::red, 2}, Marker{kMarker2, Qt::green, 2}});
}

QImage render(const std::shared_ptr<Layer> &layer, const QRectF &lonLatBox, QSize size,
              QList<RenderError> *errors, MapSettings *out = nullptr)
{
    MapSettings settings = MapSettings::fromWgs84Extent(lonLatBox, size);
    settings.setLayers({layer});
    if (out)
        *out = settings;
    return renderMapImage(settings, errors, Qt::white);
}

} // namespace

TEST_CASE("a UTM GeoTIFF renders in Web Mercator with its marker on the expected pixel", "[render]")
{
    QTemporaryDir dir;
    for (double rotation : {0.0, 17.0}) {
        CAPTURE(rotation);
        QString error;
        auto layer = RasterLayer::open(makeUtmFixture(dir, rotation), &error);
        REQUIRE(layer);
        CHECK(layer->crs().authId() == QStringLiteral("EPSG:32652"));
        MapSettings settings;
        QList<RenderError> errors;
        const QImage image = render(layer, QRectF(QPointF(130.2, 42.15), QPointF(130.45, 42.32)),
                                    QSize(800, 600), &errors, &settings);
        REQUIRE(errors.isEmpty());
        const QPointF red = centroidOfColor(image, Qt::red);
        const QPointF green = centroidOfColor(image, Qt::green);
        const QPointF wantRed = expectedPixel(settings, kRajin);
        const QPointF wantGreen = expectedPixel(settings, kMarker2);
        CAPTURE(red, wantRed, green, wantGreen);
        // The marker's 5×5 source pixels straddle the position by half a pixel; allow 1 output pixel.
        CHECK(std::abs(red.x() - wantRed.x()) <= 1.0);
        CHECK(std::abs(red.y() - wantRed.y()) <= 1.0);
        CHECK(std::abs(green.x() - wantGreen.x()) <= 1.0);
        CHECK(std::abs(green.y() - wantGreen.y()) <= 1.0);
    }
}

TEST_CASE("the same view renders the same way in another map CRS", "[render]")
{
    QTemporaryDir dir;
    QString error;
    auto layer = RasterLayer::open(makeUtmFixture(dir), &error);
    REQUIRE(layer);
    MapSettings settings =
        MapSettings::fromWgs84Extent(QRectF(QPointF(130.2, 42.15), QPointF(130.45, 42.32)), QSize(700, 500),
                                     Crs::fromUserInput(QStringLiteral("EPSG:4326")));
    settings.setLayers({layer});
    QList<RenderError> errors;
    const QImage image = renderMapImage(settings, &errors, Qt::white);
    REQUIRE(errors.isEmpty());
    const QPointF red = centroidOfColor(image, Qt::red);
    const QPointF want = settings.mapToPixel(kRajin);
    CHECK(std::abs(red.x() - want.x()) <= 1.0);
    CHECK(std::abs(red.y() - want.y()) <= 1.0);
}

TEST_CASE("an MBTiles file renders with its marker on the expected pixel", "[render]")
{
    QTemporaryDir dir;
    const QString path = makeMbtiles(dir.filePath(QStringLiteral("m.mbtiles")),
                                     QRectF(QPointF(130.0, 42.0), QPointF(130.6, 42.5)), 2048, 2048,
                                     QColor(40, 90, 40), {Marker{kRajin, Qt::red, 3}});
    REQUIRE(!path.isEmpty());
    QString error;
    auto layer = RasterLayer::open(path, &error);
    REQUIRE(layer);
    CHECK(layer->info().driver == QStringLiteral("MBTiles"));
    // Zoomed out (subsampled) and at about the tiles' own resolution; closer in, the marker's
    // position inside its tile pixel (up to half a pixel) would exceed an output pixel.
    for (double span : {0.5, 0.25}) {
        CAPTURE(span);
        MapSettings settings;
        QList<RenderError> errors;
        const QRectF box(kRajin - QPointF(span / 2, span / 3), QSizeF(span, span * 2 / 3));
        const QImage image = render(layer, box, QSize(640, 480), &errors, &settings);
        REQUIRE(errors.isEmpty());
        const QPointF red = centroidOfColor(image, Qt::red, 60);
        const QPointF want = expectedPixel(settings, kRajin);
        CAPTURE(red, want);
        CHECK(std::abs(red.x() - want.x()) <= 1.0);
        CHECK(std::abs(red.y() - want.y()) <= 1.0);
    }
}

TEST_CASE("an XYZ tile service on 127.0.0.1 renders, and its tiles are cached on disk", "[render][network]")
{
    ScopedTileCache cache;
    auto server = std::make_unique<TileServer>(QColor(200, 200, 180), QList<QPointF>{kRajin});
    REQUIRE(server->startServing() != 0);
    const QString url = server->urlTemplate();
    QString error;
    auto layer = openLayer(url, &error);
    REQUIRE(layer);
    CHECK(layer->crs().authId() == QStringLiteral("EPSG:3857"));

    MapSettings settings;
    QList<RenderError> errors;
    const QRectF box(kRajin - QPointF(0.05, 0.03), QSizeF(0.1, 0.06));
    QImage image = render(layer, box, QSize(512, 384), &errors, &settings);
    INFO((errors.isEmpty() ? QString() : errors.first().message).toStdString());
    REQUIRE(errors.isEmpty());
    const QPointF want = expectedPixel(settings, kRajin);
    QPointF red = centroidOfColor(image, Qt::red, 60);
    CAPTURE(red, want);
    CHECK(std::abs(red.x() - want.x()) <= 1.0);
    CHECK(std::abs(red.y() - want.y()) <= 1.0);
    CHECK(server->requestCount() > 0);

    // With the server gone, the same view comes from GDAL's disk cache.
    server.reset();
    DatasetPool::instance().clear();
    image = render(layer, box, QSize(512, 384), &errors, &settings);
    CHECK(errors.isEmpty());
    red = centroidOfColor(image, Qt::red, 60);
    CHECK(std::abs(red.x() - want.x()) <= 1.0);
}

TEST_CASE("a TMS service ({-y}, rows from the bottom) renders with its marker in place", "[render][network]")
{
    ScopedTileCache cache;
    TileServer server(QColor(200, 190, 170), QList<QPointF>{kRajin});
    REQUIRE(server.startServing() != 0);
    QString url = server.urlTemplate().replace(QStringLiteral("/{z}"), QStringLiteral("/tms/{z}"));
    url.replace(QStringLiteral("{y}"), QStringLiteral("{-y}"));
    QString error;
    auto layer = openLayer(url, &error);
    REQUIRE(layer);
    MapSettings settings;
    QList<RenderError> errors;
    const QImage image = render(layer, QRectF(kRajin - QPointF(0.05, 0.03), QSizeF(0.1, 0.06)),
                                QSize(512, 384), &errors, &settings);
    REQUIRE(errors.isEmpty());
    CHECK(markerOffset(image, settings, kRajin, Qt::red, 60) <= 1.0);
}

TEST_CASE("a WMTS service on 127.0.0.1 renders with its marker on the expected pixel", "[render][network]")
{
    ScopedTileCache cache;
    TileServer server(QColor(180, 200, 180), QList<QPointF>{kRajin});
    REQUIRE(server.startServing() != 0);
    QString error;
    auto layer = openLayer(server.wmtsCapabilitiesUrl(), &error);
    INFO(error.toStdString());
    REQUIRE(layer);
    CHECK(layer->crs().authId() == QStringLiteral("EPSG:3857"));
    MapSettings settings;
    QList<RenderError> errors;
    const QImage image = render(layer, QRectF(kRajin - QPointF(0.05, 0.03), QSizeF(0.1, 0.06)),
                                QSize(512, 384), &errors, &settings);
    INFO((errors.isEmpty() ? QString() : errors.first().message).toStdString());
    REQUIRE(errors.isEmpty());
    CHECK(markerOffset(image, settings, kRajin, Qt::red, 60) <= 1.0);
}

TEST_CASE("a JPEG 2000 file renders with its marker on the expected pixel", "[render]")
{
    QTemporaryDir dir;
    QString error;
    auto tif = RasterLayer::open(makeUtmFixture(dir), &error);
    REQUIRE(tif);
    const QString jp2 = dir.filePath(QStringLiteral("scene.jp2"));
    {
        GDALDatasetUniquePtr src(GDALDataset::Open(tif->source().toUtf8().constData(), GDAL_OF_RASTER));
        GDALDriver *drv = GetGDALDriverManager()->GetDriverByName("JP2OpenJPEG");
        REQUIRE(drv);
        const char *opts[] = {"QUALITY=100", "REVERSIBLE=YES", nullptr};
        GDALDatasetUniquePtr out(drv->CreateCopy(jp2.toUtf8().constData(), src.get(), FALSE,
                                                 const_cast<char **>(opts), nullptr, nullptr));
        REQUIRE(out);
    }
    auto layer = RasterLayer::open(jp2, &error);
    REQUIRE(layer);
    CHECK(layer->info().driver == QStringLiteral("JP2OpenJPEG"));
    MapSettings settings;
    QList<RenderError> errors;
    const QImage image = render(layer, QRectF(QPointF(130.2, 42.15), QPointF(130.45, 42.32)), QSize(800, 600),
                                &errors, &settings);
    REQUIRE(errors.isEmpty());
    CHECK(markerOffset(image, settings, kRajin, Qt::red) <= 1.0);
}

TEST_CASE("an unreachable tile service gives a clear render error, not a crash",
          "[render][network][bad-input]")
{
    ScopedTileCache cache;
    // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
    const QString url = QStringLiteral("http://127.0.0.1:9/tiles/{z}/{x}/{y}.png");
    QString error;
    auto layer = openLayer(url, &error);
    REQUIRE(layer);
    QList<RenderError> errors;
    render(layer, QRectF(QPointF(130, 42), QSizeF(0.5, 0.5)), QSize(256, 256), &errors);
    REQUIRE(errors.size() == 1);
    CHECK(errors.first().message.startsWith(QStringLiteral(
        "cannot download tiles from http://127.0.0.1:9/tiles/{z}/{x}/{y}.png: Failed to connect")));
    CHECK(errors.first().message.endsWith(QStringLiteral("Couldn't connect to server")));
}

TEST_CASE("a tile server that fails says which server and how", "[render][network][bad-input]")
{
    ScopedTileCache cache;
    TileServer server(Qt::gray, {});
    REQUIRE(server.startServing() != 0);
    const QString url = server.urlTemplate().replace(QStringLiteral("/{z}"), QStringLiteral("/broken/{z}"));
    QString error;
    auto layer = openLayer(url, &error);
    REQUIRE(layer);
    QList<RenderError> errors;
    render(layer, QRectF(QPointF(130, 42), QSizeF(0.5, 0.5)), QSize(256, 256), &errors);
    REQUIRE(errors.size() == 1);
    CAPTURE(errors.first().message);
    CHECK(errors.first().message.startsWith(QStringLiteral("cannot download tiles from ") + url));
    CHECK(errors.first().message.contains(QStringLiteral("500")));
}

TEST_CASE("nodata pixels are transparent", "[render]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("nodata.tif"));
    // All-black raster with nodata 0: nothing should be drawn.
    makeGeoTiff(path, 4326, 100, 100, {130, 0.01, 0, 43, 0, -0.01}, Qt::black,
                {Marker{QPointF(130.5, 42.5), Qt::white, 3}});
    {
        GDALDatasetUniquePtr ds(GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_UPDATE));
        for (int b = 1; b <= 3; ++b)
            ds->GetRasterBand(b)->SetNoDataValue(0);
    }
    QString error;
    auto layer = RasterLayer::open(path, &error);
    REQUIRE(layer);
    MapSettings settings =
        MapSettings::fromWgs84Extent(QRectF(QPointF(130, 42), QSizeF(1, 1)), QSize(200, 200));
    settings.setLayers({layer});
    const QImage image = renderMapImage(settings, nullptr, Qt::transparent);
    const QPointF centre = expectedPixel(settings, QPointF(130.5, 42.5));
    CHECK(qAlpha(image.pixel(5, 100)) == 0);
    CHECK(qAlpha(image.pixel(centre.toPoint())) == 255);
    CHECK(qRed(image.pixel(centre.toPoint())) == 255);
}

TEST_CASE("16-bit imagery gets a percentile stretch", "[render]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("dn.tif"));
    {
        ensureGdalInitialised();
        GDALDriver *drv = GetGDALDriverManager()->GetDriverByName("GTiff");
        GDALDatasetUniquePtr ds(drv->Create(path.toUtf8().constData(), 200, 100, 1, GDT_UInt16, nullptr));
        double gt[6] = {130, 0.01, 0, 43, 0, -0.01};
        ds->SetGeoTransform(gt);
        OGRSpatialReference srs;
        srs.importFromEPSG(4326);
        ds->SetSpatialRef(&srs);
        // Landsat-like DNs: a ramp from 5000 to 20000 across the image.
        std::vector<GUInt16> values(200 * 100);
        for (int y = 0; y < 100; ++y)
            for (int x = 0; x < 200; ++x)
                values[y * 200 + x] = GUInt16(5000 + x * 75);
        REQUIRE(ds->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, 200, 100, values.data(), 200, 100, GDT_UInt16,
                                               0, 0, nullptr) == CE_None);
    }
    QString error;
    auto layer = RasterLayer::open(path, &error);
    REQUIRE(layer);
    const RasterStyle &style = layer->style();
    CHECK(style.mode == RasterStyle::Mode::Gray);
    CHECK_FALSE(style.identity);
    CHECK(style.stretchMin[0] == Approx(5300).margin(150));
    CHECK(style.stretchMax[0] == Approx(19700).margin(150));
    MapSettings settings =
        MapSettings::fromWgs84Extent(QRectF(QPointF(130, 42), QSizeF(2, 1)), QSize(400, 200), Crs::wgs84());
    settings.setLayers({layer});
    const QImage image = renderMapImage(settings, nullptr, Qt::transparent);
    CHECK(qGray(image.pixel(2, 100)) == 0);
    CHECK(qGray(image.pixel(397, 100)) == 255);
    CHECK(qGray(image.pixel(200, 100)) == Approx(128).margin(8));
    // Working out the stretch never writes beside the analyst's file (no .aux.xml statistics).
    layer.reset();
    DatasetPool::instance().forget(path); // closes the pooled handles: GDAL would save statistics now
    CHECK_FALSE(QFileInfo::exists(path + QStringLiteral(".aux.xml")));
    CHECK(QDir(dir.path()).entryList(QDir::Files) == QStringList{QStringLiteral("dn.tif")});
}

TEST_CASE("a large raster without overviews is flagged, and building them fixes it", "[layers]")
{
    QTemporaryDir dir;
    const QString path =
        makeGeoTiff(dir.filePath(QStringLiteral("big.tif")), 4326, 5000, 300,
                    {130, 0.0002, 0, 43, 0, -0.0002}, Qt::gray, {}, QStringLiteral("TILED=YES"));
    QString error;
    auto layer = RasterLayer::open(path, &error);
    REQUIRE(layer);
    CHECK(layer->wouldBenefitFromOverviews());
    double last = 0;
    REQUIRE(layer->buildOverviews(
        [&](double f) {
            last = f;
            return true;
        },
        &error));
    CHECK(last == Approx(1.0));
    CHECK(layer->info().overviews.size() >= 3);
    CHECK_FALSE(layer->wouldBenefitFromOverviews());
}

TEST_CASE("the asynchronous render job composites layers and can be cancelled", "[render]")
{
    QTemporaryDir dir;
    QString error;
    auto layer = RasterLayer::open(makeUtmFixture(dir), &error);
    REQUIRE(layer);
    MapSettings settings =
        MapSettings::fromWgs84Extent(QRectF(QPointF(130.2, 42.15), QPointF(130.45, 42.32)), QSize(400, 300));
    settings.setLayers({layer});

    MapRenderJob job(settings);
    QEventLoop loop;
    QObject::connect(&job, &MapRenderJob::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
    REQUIRE_FALSE(job.image().isNull());
    CHECK(job.errors().isEmpty());
    CHECK(centroidOfColor(job.image(), Qt::red).x() > 0);

    MapRenderJob cancelled(settings);
    QObject::connect(&cancelled, &MapRenderJob::finished, &loop, &QEventLoop::quit);
    cancelled.start();
    cancelled.cancel();
    loop.exec();
    CHECK(cancelled.wasCancelled());
    CHECK(cancelled.image().isNull());
}
