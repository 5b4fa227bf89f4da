#pragma once

#include "imagery/sarscene.h"

#include <QPointF>
#include <QPolygonF>
#include <QString>

#include <array>
#include <cstdint>
#include <vector>

namespace sightline::test {

/// What a synthetic SAR scene holds: a UTM 52N grid (off Rajin), possibly rotated as commercial
/// GeoTIFFs are, sea clutter, optionally land, and ships at random.
struct SarSceneSpec
{
    int width = 2000, height = 2000;
    double pixelM = 10;
    double rotationDeg = 0;     ///< of the grid against UTM north, as a rotated geotransform carries
    std::uint32_t seed = 1;
    int ships = 40;
    double minShipLengthM = 20, maxShipLengthM = 300;
    double minShipSpacingM = 1500; ///< between ships, and from land
    /// Sea clutter: K-distributed, the product of speckle (gamma, `looks`) and a texture (gamma of
    /// shape `textureShape`, correlated over `textureCellPx` pixels: swell and wind patches).
    double looks = 4;
    double textureShape = 8;
    int textureCellPx = 8;
    /// Near range (column 0) to far range: sigma0 falls with the incidence angle.
    double nearRangeDb = -12, farRangeDb = -20;
    /// Ship brightness over the local sea mean, drawn uniformly in this range.
    double minShipContrastDb = 13, maxShipContrastDb = 24;
    /// A coast along the left of the scene (about a fifth of it) with bright, rough land clutter
    /// and bright points (cranes, buildings) that would be ships if the mask missed them.
    bool land = true;
};

struct SyntheticShip
{
    QPointF pixel;  ///< centre (column, row), GDAL's convention (pixel centres at +0.5)
    QPointF lonLat;
    double lengthM = 0, widthM = 0;
    double headingDeg = 0; ///< of the hull's axis, 0–180 from north
    double contrastDb = 0;
};

struct SyntheticSarScene
{
    SarScene scene;
    std::vector<SyntheticShip> ships;
    /// The land polygon in WGS84 (empty without land), closed.
    QPolygonF landLonLat;
    std::vector<std::uint8_t> landTruth; ///< 1 where the scene drew land
    std::array<double, 6> geoTransform{};
    int epsg = 32652;
};

/// Builds the scene; the same spec and seed always give the same pixels.
SyntheticSarScene makeSarScene(const SarSceneSpec &spec);

/// Writes the scene's power as a one-band Float32 GeoTIFF (NaN for no data) with its
/// geotransform and CRS, as a commercial GRD GeoTIFF comes. Empty string on failure.
QString writeSarGeoTiff(const SyntheticSarScene &scene, const QString &path);

/// Writes the land polygon as a one-layer GeoJSON (WGS84), for a land mask from a file.
QString writeLandGeoJson(const SyntheticSarScene &scene, const QString &path);

} // namespace sightline::test
