#pragma once

#include "imagery/sargeolocation.h"

#include <QPolygonF>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <vector>

namespace sightline {

/// A SAR scene ready for detection: one band of backscatter as linear power, one float a pixel
/// (row-major, NaN where the image has no data), and what it takes to put a pixel on the ground.
struct SarScene
{
    QString path;    ///< the file or SAFE folder opened
    QString sceneId; ///< the product name, or the file name
    QString mission; ///< "Sentinel-1A", "Umbra", "Capella", "ICEYE", or empty
    QString polarisation; ///< "VV", "VH", "HH", "HV", or empty
    int width = 0, height = 0;
    std::vector<float> power;
    /// True when `power` is sigma0 from the product's calibration annotation; false when it is
    /// the digital number squared (a relative scale: the detector needs only contrast).
    bool calibrated = false;
    /// What the reader assumed or could not do, one sentence each, for the user to see
    /// ("no calibration vectors in …: relative DN² is used", "pixel values taken as amplitude").
    QStringList notes;
    std::int64_t acquiredMs = 0; ///< UTC, 0 when neither the metadata nor the user said
    SarGeolocation geolocation;

    float at(int col, int row) const { return power[std::size_t(row) * std::size_t(width) + std::size_t(col)]; }
    /// The outline on the ground, WGS84.
    QPolygonF footprint() const { return geolocation.footprint(width, height); }
};

struct SarReadOptions
{
    /// Overrides (or supplies) the acquisition time, UTC ms; 0 keeps the metadata's.
    std::int64_t acquiredMs = 0;
    /// For a SAFE product with several: which polarisation to read ("VV" preferred, then "HH").
    QString polarisation;
};

/// Opens a Sentinel-1 GRD SAFE folder, its manifest.safe or a zip of it (through GDAL's SAFE
/// driver, calibrated to sigma0 where the annotation allows), or a GRD GeoTIFF from a commercial
/// provider (geotransform, rotated or not, or GCPs). On failure, `error` names the file and what
/// is wrong with it.
std::optional<SarScene> readSarScene(const QString &path, const SarReadOptions &options, QString *error);

} // namespace sightline
