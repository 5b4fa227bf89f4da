#pragma once

// What the SAR readers share (sarscene.cpp, sarsafereader.cpp, sargeotiffreader.cpp); not for
// other folders.

#include "imagery/sarscene.h"

#include <gdal_priv.h>

#include <QString>

#include <cstdint>
#include <memory>
#include <optional>

namespace sightline::sarreading {

/// The largest scene read whole: 2^30 pixels, 4 GiB of floats. A Sentinel-1 IW GRD scene is
/// about 0.42 Gpixel (25,000 × 16,700), a commercial spotlight or stripmap GRD far less; a file
/// claiming more is either not a single SAR scene or is built to exhaust memory.
constexpr std::int64_t kMaxPixels = std::int64_t(1) << 30;

struct DatasetCloser
{
    void operator()(GDALDataset *ds) const { GDALClose(ds); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

/// Opens `path` with only the named drivers allowed (nullptr-terminated), so that a file that
/// turns out to be a VRT or any other indirection is refused rather than followed.
DatasetPtr openWithDrivers(const QString &path, const char *const *drivers, QString *gdalError);

/// Checks a scene's size against kMaxPixels; the refusal names the file.
bool sizeAllowed(const QString &shownName, int width, int height, QString *error);

/// A UTC time from what SAR metadata writes: ISO 8601 (with any number of fraction digits, with
/// or without a zone) or the TIFF "YYYY:MM:DD HH:MM:SS"; nothing when it is neither.
std::optional<std::int64_t> parseMetadataTime(const QString &text);

/// The middle of an acquisition from its start and stop (either may be missing).
std::int64_t midpoint(std::optional<std::int64_t> start, std::optional<std::int64_t> stop);

std::optional<SarScene> readSafe(const QString &path, const SarReadOptions &options, QString *error);
std::optional<SarScene> readGeoTiff(const QString &path, const SarReadOptions &options, QString *error);

} // namespace sightline::sarreading
