// Edge cases found in review: overview builds, map CRSs beyond their nominal
// area, the antimeridian, and rasters placed by ground control points.
#include "../catchstringmakers.h"

#include "fixtures.h"
#include "geo/transform.h"
#include "layers/datasetpool.h"
#include "layers/rasterlayer.h"
#include "render/maprenderer.h"
#include "util/gdalutil.h"

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <QFile>
#include <QTemporaryDir>

using namespace sightline;
using namespace sightline::test;

TEST_CASE("a cancelled overview build leaves no .ovr and the offer stands", "[layers]")
{
    QTemporaryDir dir;
    const QString path =
        makeGeoTiff(dir.filePath(QStringLiteral("big.tif")), 4326, 6000, 300,
                    {130, 0.0002, 0, 43, 0, -0.0002}, Qt::gray, {}, QStringLiteral("TILED=YES"));
    QString error;
    auto layer = RasterLayer::open(path, &error);
    REQUIRE(layer);
    CHECK_FALSE(layer->buildOverviews([](double done) { return done < 0.3; }, &error));
    CHECK(error.contains(QStringLiteral("big.tif")));
    CHECK_FALSE(QFile::exists(path + QStringLiteral(".ovr")));
    CHECK(layer->info().overviews.isEmpty());
    CHECK(layer->wouldBenefitFromOverviews());
}

TEST_CASE("handles out on loan during an overview build are not reused after it", "[layers]")
{
    QTemporaryDir dir;
    const QString path =
        makeGeoTiff(dir.filePath(QStringLiteral("big.tif")), 4326, 6000, 300,
                    {130, 0.0002, 0, 43, 0, -0.0002}, Qt::gray, {}, QStringLiteral("TILED=YES"));
    QString error;
    auto layer = RasterLayer::open(path, &error);
    REQUIRE(layer);
    {
        // A render holds a handle opened before the overviews existed...
        DatasetLease during = DatasetPool::instance().acquire(path, &error);
        REQUIRE(during);
        CHECK(during->GetRasterBand(1)->GetOverviewCount() == 0);
        REQUIRE(layer->buildOverviews([](double) { return true; }, &error));
    } // ...and gives it back after the build.
    DatasetLease after = DatasetPool::instance().acquire(path, &error);
    REQUIRE(after);
    CHECK(after->GetRasterBand(1)->GetOverviewCount() >= 3);
    CHECK(layer->info().overviews.size() >= 3);
}

TEST_CASE("a UTM map CRS shows imagery beyond the zone's nominal area", "[render]")
{
    QTemporaryDir dir;
    // A lon/lat raster over 127–136E with a marker at 134.5E, two zones east of UTM 52's 126–132E.
    const QPointF east(134.5, 43.0);
    const QString path =
        makeGeoTiff(dir.filePath(QStringLiteral("wide.tif")), 4326, 900, 600, {127, 0.01, 0, 46, 0, -0.01},
                    QColor(200, 200, 200), {Marker{east, Qt::red, 2}});
    QString error;
    auto layer = RasterLayer::open(path, &error);
    REQUIRE(layer);
    MapSettings settings =
        MapSettings::fromWgs84Extent(QRectF(QPointF(127, 40), QPointF(136, 46)), QSize(800, 600),
                                     Crs::fromUserInput(QStringLiteral("EPSG:32652")));
    settings.setLayers({layer});
    const QImage image = renderMapImage(settings, nullptr, Qt::white);
    CHECK(markerOffset(image, settings, east, Qt::red) <= 1.0);
}

TEST_CASE("a world raster in Web Mercator has no seam at the antimeridian", "[render]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ramp.tif"));
    {
        // Red grows from west to east: any wrapped or interpolated-across sample breaks the order.
        ensureGdalInitialised();
        GDALDatasetUniquePtr ds(GetGDALDriverManager()->GetDriverByName("GTiff")->Create(
            path.toUtf8().constData(), 720, 360, 3, GDT_Byte, nullptr));
        double gt[6] = {-180, 0.5, 0, 90, 0, -0.5};
        ds->SetGeoTransform(gt);
        OGRSpatialReference srs;
        srs.importFromEPSG(4326);
        ds->SetSpatialRef(&srs);
        std::vector<unsigned char> red(720 * 360), zero(720 * 360, 0);
        for (int y = 0; y < 360; ++y)
            for (int x = 0; x < 720; ++x)
                red[y * 720 + x] = (unsigned char)(x * 255 / 719);
        REQUIRE(ds->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, 720, 360, red.data(), 720, 360, GDT_Byte, 0, 0,
                                               nullptr) == CE_None);
        for (int b : {2, 3})
            REQUIRE(ds->GetRasterBand(b)->RasterIO(GF_Write, 0, 0, 720, 360, zero.data(), 720, 360, GDT_Byte,
                                                   0, 0, nullptr) == CE_None);
    }
    QString error;
    auto layer = RasterLayer::open(path, &error);
    REQUIRE(layer);
    // Wider than the world, so the view runs past ±180° on both sides.
    MapSettings settings = MapSettings::fromWgs84Extent(QRectF(-180, -80, 360, 160), QSize(600, 300));
    settings.setLayers({layer});
    const QImage image = renderMapImage(settings, nullptr, Qt::transparent);
    const int y = 150;
    int previous = -1, drawn = 0;
    for (int x = 0; x < image.width(); ++x) {
        const QRgb p = image.pixel(x, y);
        if (qAlpha(p) == 0)
            continue;
        ++drawn;
        CAPTURE(x, qRed(p), previous);
        CHECK(qRed(p) >= previous);
        previous = qRed(p);
    }
    QString gaps;
    for (int x = 100; x < 500; ++x)
        if (qAlpha(image.pixel(x, y)) == 0)
            gaps += QString::number(x) + QLatin1Char(' ');
    INFO(gaps.toStdString());
    CHECK(drawn >= 383); // the world is 384 px wide in this view
}

TEST_CASE("a raster placed by ground control points only renders in the right place", "[render]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("gcps.tif"));
    const QPointF target(130.3, 42.25);
    {
        // Made with a geotransform, which is then replaced by the equivalent corner GCPs.
        makeGeoTiff(path, 4326, 400, 400, {130.0, 0.0015, 0, 42.5, 0, -0.0015}, QColor(20, 80, 20),
                    {Marker{target, Qt::red, 2}});
        GDALDatasetUniquePtr ds(GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_UPDATE));
        GDAL_GCP gcps[4];
        GDALInitGCPs(4, gcps);
        const double px[4][2] = {{0, 0}, {400, 0}, {0, 400}, {400, 400}};
        for (int i = 0; i < 4; ++i) {
            gcps[i].dfGCPPixel = px[i][0];
            gcps[i].dfGCPLine = px[i][1];
            gcps[i].dfGCPX = 130.0 + px[i][0] * 0.0015;
            gcps[i].dfGCPY = 42.5 - px[i][1] * 0.0015;
        }
        OGRSpatialReference srs;
        srs.importFromEPSG(4326);
        REQUIRE(ds->SetGCPs(4, gcps, &srs) == CE_None);
        GDALDeinitGCPs(4, gcps);
    }
    {
        GDALDatasetUniquePtr check(GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_RASTER));
        double gt[6];
        REQUIRE(check->GetGeoTransform(gt) != CE_None); // really GCPs only
    }
    QString error;
    auto layer = RasterLayer::open(path, &error);
    INFO(error.toStdString());
    REQUIRE(layer);
    CHECK(layer->name() == QStringLiteral("gcps"));
    CHECK(describeSource(layer->source()).contains(QStringLiteral("gcps.tif")));
    MapSettings settings =
        MapSettings::fromWgs84Extent(QRectF(QPointF(130.1, 42.15), QPointF(130.5, 42.35)), QSize(600, 300));
    settings.setLayers({layer});
    QList<RenderError> errors;
    const QImage image = renderMapImage(settings, &errors, Qt::white);
    REQUIRE(errors.isEmpty());
    CHECK(markerOffset(image, settings, target, Qt::red) <= 1.0);
}
