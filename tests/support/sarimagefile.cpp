#include "sarimagefile.h"

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <cmath>
#include <random>
#include <vector>

namespace sightline::test {

QString writeSyntheticSarTiff(const QString &path, int size)
{
    GDALAllRegister();
    GDALDriver *gtiff = GetGDALDriverManager()->GetDriverByName("GTiff");
    GDALDataset *ds = gtiff ? gtiff->Create(path.toUtf8().constData(), size, size, 1, GDT_Float32, nullptr) : nullptr;
    if (!ds)
        return {};
    OGRSpatialReference srs;
    srs.importFromEPSG(32632);
    ds->SetSpatialRef(&srs);
    double gt[6] = {440000.0, 10.0, 0.0, 6010000.0, 0.0, -10.0};
    ds->SetGeoTransform(gt);
    std::mt19937 random(21);
    std::exponential_distribution<float> speckle(1.0f);
    std::vector<float> amplitude(std::size_t(size) * std::size_t(size));
    for (int row = 0; row < size; ++row) {
        for (int col = 0; col < size; ++col) {
            const bool land = col < size / 4;
            const float meanPower = land ? 0.3f : 0.01f;
            amplitude[std::size_t(row) * std::size_t(size) + std::size_t(col)] = std::sqrt(meanPower * speckle(random));
        }
    }
    for (int ship = 0; ship < 6; ++ship) {
        const int c = size / 3 + ship * size / 10, r = size / 5 + ship * size / 9;
        for (int dy = -1; dy <= 1; ++dy)
            for (int dx = -4; dx <= 4; ++dx)
                amplitude[std::size_t(r + dy) * std::size_t(size) + std::size_t(c + dx)] = std::sqrt(10.0f);
    }
    const CPLErr err = ds->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, size, size, amplitude.data(), size, size, GDT_Float32,
                                                      0, 0, nullptr);
    GDALClose(ds);
    return err == CE_None ? path : QString();
}

} // namespace sightline::test
