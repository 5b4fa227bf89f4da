#pragma once

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <QPointF>
#include <QString>

#include <cmath>
#include <random>
#include <vector>

namespace sightline::test {

/// A ship painted into a scene: where, how long and broad, which way.
struct PaintedShip
{
    QPointF lonLat;
    double lengthM = 100;
    double widthM = 18;
    double headingDeg = 0;
};

/// A small SAR scene as a provider's GRD GeoTIFF: one Float32 band of linear power, north-up in
/// WGS84, 10 m pixels; gamma sea clutter (4 looks) brighter towards near range (the left), and
/// each ship a bright hull. `acquired` (ISO 8601) goes to TIFFTAG_DATETIME when not empty.
/// False when GDAL cannot write it.
inline bool writeSarScene(const QString &path, QPointF topLeft, int size, const std::vector<PaintedShip> &ships,
                          const QString &acquired, unsigned seed = 7)
{
    constexpr double kPixelM = 10;
    const double lat0 = topLeft.y() - size * kPixelM / 2 / 111320.0;
    const double dLat = kPixelM / 111320.0;
    const double dLon = kPixelM / (111320.0 * std::cos(lat0 * M_PI / 180));
    std::mt19937 random(seed);
    std::gamma_distribution<float> clutter(4.0f, 0.25f); // mean 1, 4 looks
    std::vector<float> power(std::size_t(size) * std::size_t(size));
    for (int row = 0; row < size; ++row)
        for (int col = 0; col < size; ++col) {
            const float rangeGain = 0.06f - 0.03f * float(col) / float(size);
            power[std::size_t(row) * std::size_t(size) + std::size_t(col)] = rangeGain * clutter(random);
        }
    for (const PaintedShip &ship : ships) {
        const double cCol = (ship.lonLat.x() - topLeft.x()) / dLon, cRow = (topLeft.y() - ship.lonLat.y()) / dLat;
        const double h = ship.headingDeg * M_PI / 180;
        const double alongCol = std::sin(h), alongRow = -std::cos(h); // north up: rows grow southwards
        const int reach = int(ship.lengthM / kPixelM) + 2;
        for (int row = int(cRow) - reach; row <= int(cRow) + reach; ++row)
            for (int col = int(cCol) - reach; col <= int(cCol) + reach; ++col) {
                if (row < 0 || col < 0 || row >= size || col >= size)
                    continue;
                const double dc = (col + 0.5 - cCol) * kPixelM, dr = (row + 0.5 - cRow) * kPixelM;
                const double along = dc * alongCol + dr * alongRow, across = -dc * alongRow + dr * alongCol;
                if (std::abs(along) <= ship.lengthM / 2 && std::abs(across) <= ship.widthM / 2)
                    power[std::size_t(row) * std::size_t(size) + std::size_t(col)] = 6.0f * clutter(random);
            }
    }
    GDALDriver *gtiff = GetGDALDriverManager()->GetDriverByName("GTiff");
    if (!gtiff)
        return false;
    GDALDataset *ds = gtiff->Create(path.toUtf8().constData(), size, size, 1, GDT_Float32, nullptr);
    if (!ds)
        return false;
    double gt[6] = {topLeft.x(), dLon, 0, topLeft.y(), 0, -dLat};
    ds->SetGeoTransform(gt);
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    ds->SetSpatialRef(&wgs84);
    if (!acquired.isEmpty()) {
        // TIFF's own form, "YYYY:MM:DD HH:MM:SS".
        QString tiff = acquired.left(19);
        tiff.replace(4, 1, QLatin1Char(':')).replace(7, 1, QLatin1Char(':')).replace(10, 1, QLatin1Char(' '));
        ds->SetMetadataItem("TIFFTAG_DATETIME", tiff.toUtf8().constData());
    }
    // Said as providers say it, so that a reader takes the values as power, not amplitude.
    ds->GetRasterBand(1)->SetDescription("sigma0 power");
    const CPLErr written = ds->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, size, size, power.data(), size, size,
                                                          GDT_Float32, 0, 0);
    GDALClose(ds);
    return written == CE_None;
}

} // namespace sightline::test
