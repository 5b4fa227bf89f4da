#include "sarscenes.h"

#include <QTemporaryDir>

#include <catch2/catch.hpp>

#include <gdal_priv.h>

#include <algorithm>
#include <cmath>

using namespace sightline;
using namespace sightline::test;

TEST_CASE("A synthetic SAR scene is the same for the same seed and writes as a Float32 GeoTIFF",
          "[imagery][sarscenes]")
{
    SarSceneSpec spec;
    spec.width = 600;
    spec.height = 400;
    spec.ships = 5;
    spec.minShipSpacingM = 800;
    spec.rotationDeg = 20;
    spec.minShipLengthM = 150;
    const SyntheticSarScene a = makeSarScene(spec);
    const SyntheticSarScene b = makeSarScene(spec);
    REQUIRE(a.ships.size() == 5);
    CHECK(a.scene.power == b.scene.power);
    spec.seed = 2;
    CHECK(makeSarScene(spec).scene.power != a.scene.power);
    // Ships are brighter than the sea 300 m away (3 × 3 sums, to tame the speckle).
    auto sum3 = [&](int col, int row) {
        double total = 0;
        for (int r = row - 1; r <= row + 1; ++r)
            for (int c = col - 1; c <= col + 1; ++c)
                total += a.scene.at(c, r);
        return total;
    };
    for (const SyntheticShip &ship : a.ships) {
        const int c = int(ship.pixel.x()), r = int(ship.pixel.y());
        CHECK(sum3(c, r) > 4 * sum3(c, r + 30 < 398 ? r + 30 : r - 30));
    }
    CHECK(std::count(a.landTruth.begin(), a.landTruth.end(), 1) > 0);

    QTemporaryDir dir;
    const QString path = writeSarGeoTiff(a, dir.filePath(QStringLiteral("scene.tif")));
    REQUIRE_FALSE(path.isEmpty());
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    REQUIRE(ds);
    CHECK(ds->GetRasterXSize() == 600);
    CHECK(ds->GetRasterYSize() == 400);
    GDALRasterBand *band = ds->GetRasterBand(1);
    CHECK(band->GetRasterDataType() == GDT_Float32);
    int hasNoData = 0;
    CHECK(std::isnan(band->GetNoDataValue(&hasNoData)));
    CHECK(hasNoData);
    std::array<double, 6> gt{};
    ds->GetGeoTransform(gt.data());
    CHECK(gt == a.geoTransform);
    CHECK(QString::fromUtf8(ds->GetSpatialRef()->GetAuthorityCode(nullptr)) == QStringLiteral("32652"));
    float value = 0;
    const SyntheticShip &ship = a.ships.front();
    REQUIRE(band->RasterIO(GF_Read, int(ship.pixel.x()), int(ship.pixel.y()), 1, 1, &value, 1, 1, GDT_Float32,
                           0, 0) == CE_None);
    CHECK(value == a.scene.at(int(ship.pixel.x()), int(ship.pixel.y())));
}
