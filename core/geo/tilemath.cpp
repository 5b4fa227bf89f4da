#include "geo/tilemath.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace sightline {

namespace {
constexpr double kDegToRad = std::numbers::pi / 180.0;
constexpr double kRadToDeg = 180.0 / std::numbers::pi;

int clampIndex(double value, int count)
{
    if (!(value >= 0.0)) // also catches NaN
        return 0;
    return value >= count ? count - 1 : int(value);
}
} // namespace

QPointF TileMath::lonLatToMercator(QPointF lonLat)
{
    const double lat = std::clamp(lonLat.y(), -kMaxLatitude, kMaxLatitude);
    const double x = kEarthRadius * lonLat.x() * kDegToRad;
    const double y = kEarthRadius * std::log(std::tan(std::numbers::pi / 4.0 + lat * kDegToRad / 2.0));
    return {x, y};
}

QPointF TileMath::mercatorToLonLat(QPointF metres)
{
    const double lon = metres.x() / kEarthRadius * kRadToDeg;
    const double lat = std::atan(std::sinh(metres.y() / kEarthRadius)) * kRadToDeg;
    return {lon, lat};
}

TileId TileMath::tileForLonLat(double lon, double lat, int z)
{
    return tileForMercator(lonLatToMercator(QPointF(lon, lat)), z);
}

TileId TileMath::tileForMercator(QPointF metres, int z)
{
    const int n = tileCount(z);
    const double fx = (metres.x() + kOriginShift) / (2.0 * kOriginShift) * n;
    const double fy = (kOriginShift - metres.y()) / (2.0 * kOriginShift) * n;
    return {z, clampIndex(std::floor(fx), n), clampIndex(std::floor(fy), n)};
}

QRectF TileMath::tileBoundsMercator(const TileId &tile)
{
    const double size = 2.0 * kOriginShift / tileCount(tile.z);
    const double minX = -kOriginShift + tile.x * size;
    const double maxY = kOriginShift - tile.y * size;
    return {minX, maxY - size, size, size};
}

QRectF TileMath::tileBoundsLonLat(const TileId &tile)
{
    const QRectF m = tileBoundsMercator(tile);
    const QPointF southWest = mercatorToLonLat(QPointF(m.left(), m.top()));
    const QPointF northEast = mercatorToLonLat(QPointF(m.right(), m.bottom()));
    return QRectF(southWest, northEast);
}

double TileMath::resolution(int z, int tileSize)
{
    return 2.0 * kOriginShift / tileSize / std::ldexp(1.0, z);
}

int TileMath::zoomForResolution(double metresPerPixel, int maxZoom, int tileSize)
{
    maxZoom = std::clamp(maxZoom, 0, kMaxZoom);
    if (!(metresPerPixel > 0.0))
        return maxZoom;
    const double z = std::log2(resolution(0, tileSize) / metresPerPixel);
    if (!std::isfinite(z))
        return z > 0 ? maxZoom : 0;
    return std::clamp(int(std::lround(z)), 0, maxZoom);
}

QList<TileId> TileMath::tilesInRect(const QRectF &mercatorRect, int z)
{
    QList<TileId> tiles;
    const QRectF r = mercatorRect.normalized();
    const QRectF world(-kOriginShift, -kOriginShift, 2.0 * kOriginShift, 2.0 * kOriginShift);
    if (r.isEmpty() || !r.intersects(world))
        return tiles;
    const int n = tileCount(z);
    const double scale = n / (2.0 * kOriginShift);
    // Tolerance of a millionth of a tile: a rectangle ending on a tile edge
    // (as tileBoundsMercator gives) must not pull in the tile beyond it.
    constexpr double edge = 1e-6;
    const int firstX = clampIndex(std::floor((r.left() + kOriginShift) * scale + edge), n);
    const int lastX = clampIndex(std::ceil((r.right() + kOriginShift) * scale - edge) - 1.0, n);
    const int firstY = clampIndex(std::floor((kOriginShift - r.bottom()) * scale + edge), n);
    const int lastY = clampIndex(std::ceil((kOriginShift - r.top()) * scale - edge) - 1.0, n);
    tiles.reserve(qsizetype(lastX - firstX + 1) * (lastY - firstY + 1));
    for (int y = firstY; y <= lastY; ++y)
        for (int x = firstX; x <= lastX; ++x)
            tiles.append({z, x, y});
    return tiles;
}

} // namespace sightline
