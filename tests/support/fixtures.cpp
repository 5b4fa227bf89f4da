#include "fixtures.h"

#include "geo/transform.h"
#include "map/mapsettings.h"
#include "util/gdalutil.h"

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <QFileInfo>

#include <limits>
#include <vector>

namespace sightline::test {

namespace {

void burnMarkers(std::vector<unsigned char> &rgb, int width, int height, const std::array<double, 6> &gt,
                 const Crs &crs, const QList<Marker> &markers)
{
    const Transform toCrs(Crs::wgs84(), crs);
    double inv[6];
    if (!GDALInvGeoTransform(const_cast<double *>(gt.data()), inv))
        return;
    for (const Marker &m : markers) {
        const QPointF p = toCrs.forward(m.lonLat);
        const double col = inv[0] + p.x() * inv[1] + p.y() * inv[2];
        const double row = inv[3] + p.x() * inv[4] + p.y() * inv[5];
        const int c = int(std::floor(col)), r = int(std::floor(row));
        for (int y = r - m.halfSizePx; y <= r + m.halfSizePx; ++y) {
            for (int x = c - m.halfSizePx; x <= c + m.halfSizePx; ++x) {
                if (x < 0 || y < 0 || x >= width || y >= height)
                    continue;
                const std::size_t i = std::size_t(y) * width + x;
                rgb[i] = (unsigned char)m.color.red();
                rgb[std::size_t(width) * height + i] = (unsigned char)m.color.green();
                rgb[2 * std::size_t(width) * height + i] = (unsigned char)m.color.blue();
            }
        }
    }
}

GDALDataset *createRgb(const char *driver, const QString &path, int width, int height, int epsg,
                       const std::array<double, 6> &gt, const QColor &background,
                       const QList<Marker> &markers, char **options)
{
    ensureGdalInitialised();
    GDALDriver *drv = GetGDALDriverManager()->GetDriverByName(driver);
    GDALDataset *ds = drv->Create(path.toUtf8().constData(), width, height, 3, GDT_Byte, options);
    if (!ds)
        return nullptr;
    double g[6];
    std::copy(gt.begin(), gt.end(), g);
    ds->SetGeoTransform(g);
    OGRSpatialReference srs;
    srs.importFromEPSG(epsg);
    ds->SetSpatialRef(&srs);
    std::vector<unsigned char> rgb(std::size_t(width) * height * 3);
    const std::size_t plane = std::size_t(width) * height;
    std::fill(rgb.begin(), rgb.begin() + plane, (unsigned char)background.red());
    std::fill(rgb.begin() + plane, rgb.begin() + 2 * plane, (unsigned char)background.green());
    std::fill(rgb.begin() + 2 * plane, rgb.end(), (unsigned char)background.blue());
    burnMarkers(rgb, width, height, gt, Crs::fromUserInput(QStringLiteral("EPSG:%1").arg(epsg)), markers);
    if (ds->RasterIO(GF_Write, 0, 0, width, height, rgb.data(), width, height, GDT_Byte, 3, nullptr, 0, 0, 0,
                     nullptr) != CE_None) {
        GDALClose(ds);
        return nullptr;
    }
    return ds;
}

} // namespace

QString makeGeoTiff(const QString &path, int epsg, int width, int height,
                    const std::array<double, 6> &geoTransform, const QColor &background,
                    const QList<Marker> &markers, const QString &options)
{
    CPLStringList opts;
    for (const QString &o : options.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        opts.AddString(o.toUtf8().constData());
    GDALDataset *ds =
        createRgb("GTiff", path, width, height, epsg, geoTransform, background, markers, opts.List());
    if (!ds)
        return {};
    GDALClose(ds);
    return path;
}

QString makeMbtiles(const QString &path, const QRectF &lonLatBox, int width, int height,
                    const QColor &background, const QList<Marker> &markers)
{
    const Transform toMerc(Crs::wgs84(), Crs::webMercator());
    const QRectF m = toMerc.forwardBounds(lonLatBox);
    const std::array<double, 6> gt{m.left(), m.width() / width, 0, m.bottom(), 0, -m.height() / height};
    GDALDataset *mem = createRgb("MEM", QString(), width, height, 3857, gt, background, markers, nullptr);
    if (!mem)
        return {};
    GDALDriver *drv = GetGDALDriverManager()->GetDriverByName("MBTiles");
    const char *opts[] = {"TILE_FORMAT=PNG", nullptr};
    GDALDataset *out =
        drv->CreateCopy(path.toUtf8().constData(), mem, FALSE, const_cast<char **>(opts), nullptr, nullptr);
    GDALClose(mem);
    if (!out)
        return {};
    GDALClose(out);
    return path;
}

QPointF expectedPixel(const MapSettings &settings, QPointF lonLat)
{
    const Transform t(Crs::wgs84(), settings.destinationCrs());
    return settings.mapToPixel(t.forward(lonLat));
}

QPointF centroidOfColor(const QImage &image, const QColor &color, int tolerance)
{
    const QImage img = image.convertToFormat(QImage::Format_ARGB32);
    double sx = 0, sy = 0;
    long n = 0;
    for (int y = 0; y < img.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(img.constScanLine(y));
        for (int x = 0; x < img.width(); ++x) {
            const QRgb p = line[x];
            if (qAlpha(p) > 200 && std::abs(qRed(p) - color.red()) <= tolerance &&
                std::abs(qGreen(p) - color.green()) <= tolerance &&
                std::abs(qBlue(p) - color.blue()) <= tolerance) {
                sx += x + 0.5;
                sy += y + 0.5;
                ++n;
            }
        }
    }
    return n ? QPointF(sx / n, sy / n) : QPointF(-1, -1);
}

double markerOffset(const QImage &image, const MapSettings &settings, QPointF lonLat, const QColor &color,
                    int tolerance)
{
    const QPointF got = centroidOfColor(image, color, tolerance);
    if (got.x() < 0)
        return std::numeric_limits<double>::infinity();
    const QPointF want = expectedPixel(settings, lonLat);
    return std::max(std::abs(got.x() - want.x()), std::abs(got.y() - want.y()));
}

ScopedTileCache::ScopedTileCache()
{
    qputenv("SIGHTLINE_TILE_CACHE", mDir.path().toUtf8());
}

ScopedTileCache::~ScopedTileCache()
{
    qunsetenv("SIGHTLINE_TILE_CACHE");
}

QString sharedDataFile(const QString &relative)
{
    const QString path = QStringLiteral(SIGHTLINE_SHARED_DATA_DIR "/") + relative;
    return QFileInfo::exists(path) ? path : QString();
}

} // namespace sightline::test
