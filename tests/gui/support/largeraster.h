#pragma once

// A large image for the tests of work off the UI thread: one that takes GDAL a good part of a second
// to read whole or to build overviews for.

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <QFile>
#include <QString>

#include <algorithm>
#include <vector>

namespace sightline::test {

/// Writes a one-band, tiled, DEFLATE GeoTIFF of `side` × `side` pixels (lon/lat, 1e-4° a pixel, its
/// north-west corner at 130°E 43°N) with a pattern that varies everywhere, in strips so that the test
/// never holds it whole. Removes any .ovr left beside it. Returns `path`, or empty on failure.
inline QString makeLargeGeoTiff(const QString &path, int side)
{
    QFile::remove(path);
    QFile::remove(path + QStringLiteral(".ovr"));
    GDALDriver *driver = GetGDALDriverManager()->GetDriverByName("GTiff");
    const char *options[] = {"TILED=YES", "COMPRESS=DEFLATE", "ZLEVEL=1", nullptr};
    GDALDatasetUniquePtr ds(
        driver->Create(path.toUtf8().constData(), side, side, 1, GDT_Byte, const_cast<char **>(options)));
    if (!ds)
        return {};
    double geo[6] = {130.0, 1e-4, 0, 43.0, 0, -1e-4};
    ds->SetGeoTransform(geo);
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    ds->SetSpatialRef(&wgs84);
    constexpr int kRows = 256;
    std::vector<unsigned char> strip(std::size_t(side) * kRows);
    for (int y0 = 0; y0 < side; y0 += kRows) {
        const int rows = std::min(kRows, side - y0);
        for (int r = 0; r < rows; ++r)
            for (int x = 0; x < side; ++x)
                strip[std::size_t(r) * side + x] =
                    (unsigned char)((x * 7 + (y0 + r) * 3 + (x ^ (y0 + r))) & 0xff);
        if (ds->GetRasterBand(1)->RasterIO(GF_Write, 0, y0, side, rows, strip.data(), side, rows, GDT_Byte, 0,
                                           0, nullptr) != CE_None)
            return {};
    }
    return path;
}

} // namespace sightline::test
