#pragma once

#include <QHashFunctions>
#include <QList>
#include <QPointF>
#include <QRectF>

#include <cstddef>

namespace sightline {

/// One tile of the XYZ (Google/OSM) pyramid: y counts down from the north edge.
struct TileId
{
    int z = 0;
    int x = 0;
    int y = 0;

    friend bool operator==(const TileId &, const TileId &) = default;
};

inline std::size_t qHash(const TileId &tile, std::size_t seed = 0) noexcept
{
    return qHashMulti(seed, tile.z, tile.x, tile.y);
}

/// Web-Mercator (EPSG:3857) tile arithmetic in closed form: cheap enough to call
/// per tile per frame, where a PROJ round trip would not be. Map rectangles
/// follow the project convention: QRectF x() = west/minX, y() = south/minY,
/// height positive northwards.
class TileMath
{
public:
    static constexpr double kEarthRadius = 6378137.0;
    /// Half the width of the Web-Mercator square, π·R metres.
    static constexpr double kOriginShift = 20037508.342789244;
    /// Latitude at which the Web-Mercator square ends (atan(sinh(π))).
    static constexpr double kMaxLatitude = 85.051128779806592;
    static constexpr int kTileSize = 256;
    /// Deepest zoom whose tile count still fits in an int.
    static constexpr int kMaxZoom = 30;

    /// Spherical Web-Mercator forward; latitudes beyond ±kMaxLatitude are clamped to it
    /// so the poles give the edge of the pyramid, not infinity.
    static QPointF lonLatToMercator(QPointF lonLat);
    static QPointF mercatorToLonLat(QPointF metres);

    static int tileCount(int z) { return 1 << z; }
    /// The tile containing a point; points off the pyramid clamp to its edge tiles.
    static TileId tileForLonLat(double lon, double lat, int z);
    static TileId tileForMercator(QPointF metres, int z);

    static QRectF tileBoundsMercator(const TileId &tile);
    static QRectF tileBoundsLonLat(const TileId &tile);

    /// Metres per pixel at the equator for tiles of tileSize pixels.
    static double resolution(int z, int tileSize = kTileSize);
    /// The zoom whose resolution is nearest (on a log scale) to metresPerPixel,
    /// within [0, maxZoom].
    static int zoomForResolution(double metresPerPixel, int maxZoom = 24, int tileSize = kTileSize);

    /// TMS numbers rows from the south; the flip is its own inverse.
    static int tmsY(int z, int y) { return tileCount(z) - 1 - y; }
    static int tmsY(const TileId &tile) { return tmsY(tile.z, tile.y); }

    /// Tiles at zoom z that intersect a rectangle in EPSG:3857 metres, row by row
    /// from the north-west; empty when the rectangle misses the pyramid.
    static QList<TileId> tilesInRect(const QRectF &mercatorRect, int z);
};

} // namespace sightline
