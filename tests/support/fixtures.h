#pragma once

#include <QColor>
#include <QImage>
#include <QPointF>
#include <QString>
#include <QTemporaryDir>

#include <array>

namespace sightline {
class MapSettings;
}

namespace sightline::test {

/// A square of colour `color` centred on a lon/lat position, written into a fixture.
struct Marker
{
    QPointF lonLat;
    QColor color = Qt::red;
    int halfSizePx = 2;
};

/// Writes an RGB GeoTIFF filled with `background`, in `epsg`, with the given
/// geotransform and size, and markers burnt in at their lon/lat positions.
/// Returns an empty string and fails the test run's expectations on error.
QString makeGeoTiff(const QString &path, int epsg, int width, int height,
                    const std::array<double, 6> &geoTransform, const QColor &background,
                    const QList<Marker> &markers = {}, const QString &options = QString());

/// Writes an MBTiles file (EPSG:3857, PNG tiles) covering `lonLatBox` with markers.
QString makeMbtiles(const QString &path, const QRectF &lonLatBox, int width, int height,
                    const QColor &background, const QList<Marker> &markers);

/// Where a lon/lat lands in an image rendered with these settings (3857 by default).
QPointF expectedPixel(const MapSettings &settings, QPointF lonLat);

/// Centre of the pixels of `image` close to `color` (within `tolerance` per
/// channel), or (-1,-1) when there are none.
QPointF centroidOfColor(const QImage &image, const QColor &color, int tolerance = 40);

/// How far (in pixels, the larger of the x and y offsets) the centre of the
/// `color` marker in `image` lies from where `lonLat` should land; infinity when
/// no such marker is drawn.
double markerOffset(const QImage &image, const MapSettings &settings, QPointF lonLat,
                    const QColor &color = Qt::red, int tolerance = 60);

/// Points GDAL's tile cache at a fresh folder for the life of the object.
class ScopedTileCache
{
public:
    ScopedTileCache();
    ~ScopedTileCache();

private:
    QTemporaryDir mDir;
};

/// Path of a file in ../shared/data, or empty when that folder is absent
/// (a user's clone has none); tests then skip with a message.
QString sharedDataFile(const QString &relative);

} // namespace sightline::test
