#pragma once

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

namespace sightline {

/// A Sentinel-1 calibration annotation (annotation/calibration/calibration-*.xml): sigma0 vectors
/// A(line, pixel) given at some lines, each at some pixels. ESA's "Radiometric Calibration of
/// Sentinel-1 Level-1 Products" defines sigma0 = DN² / A², with A interpolated bilinearly between
/// the vectors — the values are linear power, not amplitude and not dB.
///
/// Sightline applies the table itself: GDAL 3.6's SAFE driver offers only uncalibrated amplitude
/// for GRD products (its SENTINEL1_CALIB:SIGMA0 subdatasets open for SLC products only, and a GRD
/// asked for SIGMA0 fails with "Measurement bands not found").
class SarCalibrationLut
{
public:
    /// The sigmaNought table of a calibration file; nothing, with `error` saying why, when the
    /// file has no usable vectors (none, counts that disagree, pixels or lines out of order).
    static std::optional<SarCalibrationLut> fromXml(const QByteArray &xml, QString *error);

    /// A at a pixel (line and pixel as the annotation counts them, from 0), interpolated
    /// bilinearly and held constant beyond the first and last vector and pixel.
    double sigmaNoughtGain(double line, double pixel) const;

    /// The gains of one image line for `width` pixels: what turns a line of DN² into sigma0.
    void lineGains(int line, int width, std::vector<float> &gains) const;

    int vectorCount() const { return int(mLines.size()); }

private:
    struct Vector
    {
        std::vector<double> pixels;
        std::vector<double> gains;
    };
    static double along(const Vector &v, double pixel);

    std::vector<double> mLines;
    std::vector<Vector> mVectors;
};

} // namespace sightline
