#pragma once

#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace sightline::test {

/// A small Sentinel-1 GRD product in SAFE form, written for a test the way ESA lays one out
/// (manifest.safe, annotation/*.xml, annotation/calibration/calibration-*.xml, measurement/*.tiff)
/// with every value known: the digital numbers, the sigma0 calibration table and the geolocation
/// grid. GDAL's SAFE driver opens it as it opens a real product.
struct SafeProductSpec
{
    QString name = QStringLiteral("S1A_IW_GRDH_1SDV_20240301T060000_20240301T060020_052000_064A1B_ABCD");
    QString missionId = QStringLiteral("S1A");
    int width = 64, height = 48;
    QStringList polarisations{QStringLiteral("VV"), QStringLiteral("VH")};
    QString startTime = QStringLiteral("2024-03-01T06:00:00.000000");
    QString stopTime = QStringLiteral("2024-03-01T06:00:20.000000");
    /// The digital number of a pixel (0 is the product's fill); by default a pattern of 40–239.
    std::function<int(int col, int row, const QString &polarisation)> dn;
    /// Where the calibration vectors are, and sigmaNought there (A in sigma0 = DN² / A²).
    std::vector<int> calibrationLines{0, 20, 47};
    std::vector<int> calibrationPixels{0, 16, 40, 63};
    std::function<double(int line, int pixel)> sigmaNought = [](int line, int pixel) { return 400.0 + 3.0 * pixel + line; };
    bool writeCalibrationVectors = true; ///< false: a calibration file with an empty vector list
    bool writeMeasurement = true;        ///< false: the manifest names tiffs that are not there
    /// The geolocation grid: longitude and latitude linear in pixel and line.
    double lon0 = 7.0, lat0 = 54.2, lonPerPixel = 0.0015, latPerLine = -0.0009;
};

/// Writes the product as `folder`/<name>.SAFE and returns that path (empty on failure).
QString writeSafeProduct(const QString &folder, const SafeProductSpec &spec);

/// Zips a written product (its folder inside the zip, as ESA ships it); false on failure.
bool zipSafeProduct(const QString &safePath, const QString &zipPath);

/// The default digital numbers: a pattern of 40–239, with 0 in the first four columns of the
/// first four lines (fill, as outside a real swath).
int defaultSafeDn(int col, int row, const QString &polarisation);

} // namespace sightline::test
