#include "layers/rasterrenderer.h"

#include "geo/transform.h"
#include "layers/datasetpool.h"
#include "layers/rasterbackscatter.h"
#include "util/gdalutil.h"

#include <QPainter>

#include <cmath>
#include <limits>

namespace sightline {

namespace {

// Output pixels between exact transforms; in between, source positions are
// interpolated bilinearly. Sub-pixel accurate for any CRS pair at map scales.
constexpr int kGridStep = 16;

// Never read more than this many times the output's pixels, whatever the view.
constexpr double kMaxBufferFactor = 4.0;

struct SourceGrid
{
    int nx = 0, ny = 0;
    std::vector<double> x, y; // full-resolution source pixel coordinates; HUGE_VAL where unmapped
    double &sx(int i, int j) { return x[std::size_t(j) * nx + i]; }
    double &sy(int i, int j) { return y[std::size_t(j) * nx + i]; }
};

int cancelCallback(double, const char *, void *data)
{
    return static_cast<const std::atomic<bool> *>(data)->load() ? FALSE : TRUE;
}

} // namespace

RasterRenderer::RasterRenderer(RasterInfo info, RasterStyle style, MapSettings settings)
    : mInfo(std::move(info))
    , mStyle(std::move(style))
    , mSettings(std::move(settings))
{
}

bool RasterRenderer::render(QPainter &painter, const std::atomic<bool> &cancelled)
{
    const QImage image = renderImage(cancelled);
    if (image.isNull())
        return mError.isEmpty();
    painter.drawImage(QPointF(0, 0), image);
    return mError.isEmpty();
}

QImage RasterRenderer::renderImage(const std::atomic<bool> &cancelled)
{
    mError.clear();
    const int outW = mSettings.outputSize().width();
    const int outH = mSettings.outputSize().height();
    if (outW <= 0 || outH <= 0 || !mSettings.isValid())
        return {};

    const Transform toSource(mSettings.destinationCrs(), mInfo.crs);
    if (!toSource.isValid()) {
        mError = toSource.error();
        return {};
    }
    double inv[6];
    if (!GDALInvGeoTransform(mInfo.geoTransform.data(), inv)) {
        mError =
            QStringLiteral("'%1': the geotransform cannot be inverted").arg(describeSource(mInfo.source));
        return {};
    }

    // 0. The output pixels the raster can cover at all. Outside them a
    // projection may wrap around (longitude 190° is -170°) and repeat the image.
    QRect covered(0, 0, outW, outH);
    {
        // World-wide map CRSs (lon/lat, Web Mercator) wrap and run to infinity at their edges,
        // so clip to where they are defined; a UTM zone is routinely used beyond its nominal area.
        const QRectF area = mSettings.destinationCrs().areaOfUseWgs84();
        const QRectF box = area.width() >= 359.0 ? mInfo.extentWgs84.intersected(area) : mInfo.extentWgs84;
        if (box.isEmpty())
            return {};
        const Transform toDest(Crs::wgs84(), mSettings.destinationCrs());
        const QRectF footprint = toDest.forwardBounds(box, 41);
        if (footprint.isEmpty())
            return {};
        const QPointF a = mSettings.mapToPixel(QPointF(footprint.left(), footprint.bottom()));
        const QPointF b = mSettings.mapToPixel(QPointF(footprint.right(), footprint.top()));
        // Pixels whose centres fall inside: nearest-neighbour samples at the centre,
        // and a centre past the edge would sample the wrapped-around side.
        covered &= QRect(QPoint(int(std::ceil(a.x() - 0.5)), int(std::ceil(a.y() - 0.5))),
                         QPoint(int(std::floor(b.x() - 0.5)), int(std::floor(b.y() - 0.5))));
        if (covered.isEmpty())
            return {};
    }

    // 1. Exact source positions on a coarse grid over the output.
    SourceGrid grid;
    grid.nx = (outW + kGridStep - 1) / kGridStep + 1;
    grid.ny = (outH + kGridStep - 1) / kGridStep + 1;
    grid.x.resize(std::size_t(grid.nx) * grid.ny);
    grid.y.resize(grid.x.size());
    for (int j = 0; j < grid.ny; ++j) {
        for (int i = 0; i < grid.nx; ++i) {
            // Nodes past the right or bottom edge keep the uniform step the interpolation assumes.
            const QPointF m = mSettings.pixelToMap(QPointF(i * kGridStep, j * kGridStep));
            grid.sx(i, j) = m.x();
            grid.sy(i, j) = m.y();
        }
    }
    toSource.forward(grid.x.data(), grid.y.data(), grid.x.size());
    auto toPixel = [&inv](double &x, double &y) {
        if (x == HUGE_VAL)
            return;
        const double px = inv[0] + x * inv[1] + y * inv[2];
        const double py = inv[3] + x * inv[4] + y * inv[5];
        x = px;
        y = py;
    };
    for (std::size_t k = 0; k < grid.x.size(); ++k)
        toPixel(grid.x[k], grid.y[k]);

    // A cell whose corners land far apart in the source straddles a discontinuity
    // (the antimeridian, a projection's edge): interpolating across it would draw
    // garbage, so such cells are transformed pixel by pixel.
    std::vector<double> spans;
    spans.reserve(grid.x.size());
    auto cellSpan = [&grid](int i, int j) {
        double span = 0;
        const int ci[4] = {i, i + 1, i, i + 1}, cj[4] = {j, j, j + 1, j + 1};
        for (int a = 0; a < 4; ++a)
            for (int b = a + 1; b < 4; ++b)
                span = std::max(span, std::hypot(grid.sx(ci[a], cj[a]) - grid.sx(ci[b], cj[b]),
                                                 grid.sy(ci[a], cj[a]) - grid.sy(ci[b], cj[b])));
        return span;
    };
    for (int j = 0; j + 1 < grid.ny; ++j)
        for (int i = 0; i + 1 < grid.nx; ++i)
            if (grid.sx(i, j) != HUGE_VAL && grid.sx(i + 1, j) != HUGE_VAL && grid.sx(i, j + 1) != HUGE_VAL &&
                grid.sx(i + 1, j + 1) != HUGE_VAL)
                spans.push_back(cellSpan(i, j));
    double typicalSpan = 0;
    if (!spans.empty()) {
        std::nth_element(spans.begin(), spans.begin() + spans.size() / 2, spans.end());
        typicalSpan = spans[spans.size() / 2];
    }
    const double discontinuity = 8 * typicalSpan + 4;

    // 2. The source window those positions cover, and how finely it must be read.
    double minX = std::numeric_limits<double>::max(), minY = minX;
    double maxX = std::numeric_limits<double>::lowest(), maxY = maxX;
    double finest = std::numeric_limits<double>::max();
    // Only nodes on or next to the covered pixels count: beyond them a projection
    // may have wrapped around, and would stretch the window to the whole raster.
    const QRect near = covered.adjusted(-kGridStep, -kGridStep, kGridStep, kGridStep);
    for (int j = 0; j < grid.ny; ++j) {
        for (int i = 0; i < grid.nx; ++i) {
            const double x = grid.sx(i, j), y = grid.sy(i, j);
            if (x == HUGE_VAL || !near.contains(i * kGridStep, j * kGridStep))
                continue;
            minX = std::min(minX, x);
            maxX = std::max(maxX, x);
            minY = std::min(minY, y);
            maxY = std::max(maxY, y);
            const bool inside = x >= 0 && y >= 0 && x <= mInfo.width && y <= mInfo.height;
            if (inside && i + 1 < grid.nx && grid.sx(i + 1, j) != HUGE_VAL) {
                const double step = std::hypot(grid.sx(i + 1, j) - x, grid.sy(i + 1, j) - y) / kGridStep;
                finest = std::min(finest, step);
            }
            if (inside && j + 1 < grid.ny && grid.sx(i, j + 1) != HUGE_VAL) {
                const double step = std::hypot(grid.sx(i, j + 1) - x, grid.sy(i, j + 1) - y) / kGridStep;
                finest = std::min(finest, step);
            }
        }
    }
    if (minX > maxX)
        return {}; // the raster is not in view
    // Source pixels per output pixel where the view is sharpest; no finer than full resolution.
    const double ratio = (finest == std::numeric_limits<double>::max()) ? 1.0 : std::max(1.0, finest);
    // Read at the exact factor of the coarsest overview that is still fine enough,
    // so GDAL copies that level's pixels instead of decimating a finer one (the
    // same pixels gdalwarp picks). Without overviews, full resolution.
    double factor = 1.0;
    for (const QSize &ov : mInfo.overviews) {
        const double f = double(mInfo.width) / ov.width();
        if (f <= ratio * 1.001)
            factor = std::max(factor, f);
    }
    // Nodes sample every kGridStep pixels; pixels between the last node and the edge
    // of the covered area reach up to one cell further into the source. The window
    // starts on the chosen level's pixel grid so each buffer pixel is one of its pixels.
    const int margin = int(std::ceil(typicalSpan)) + 1;
    const int align = std::max(1, int(std::lround(factor)));
    const int winX0 = std::max(0, (int(std::floor(minX)) - margin) / align * align);
    const int winY0 = std::max(0, (int(std::floor(minY)) - margin) / align * align);
    const int winX1 = std::min(mInfo.width, int(std::ceil(maxX)) + margin);
    const int winY1 = std::min(mInfo.height, int(std::ceil(maxY)) + margin);
    if (winX1 <= winX0 || winY1 <= winY0)
        return {};
    const int winW = winX1 - winX0, winH = winY1 - winY0;
    int bufW = std::max(1, int(std::ceil(winW / factor)));
    int bufH = std::max(1, int(std::ceil(winH / factor)));
    const double cap = std::sqrt(kMaxBufferFactor * outW * outH / (double(bufW) * bufH));
    if (cap < 1.0) {
        bufW = std::max(1, int(bufW * cap));
        bufH = std::max(1, int(bufH * cap));
    }

    // 3. Read the window; GDAL picks the overview that suits the buffer size.
    QString openError;
    DatasetLease ds = DatasetPool::instance().acquire(mInfo.source, &openError);
    if (!ds) {
        mError = openError;
        return {};
    }
    const bool rgb = mStyle.mode == RasterStyle::Mode::Rgb;
    std::vector<int> bandMap;
    if (rgb)
        bandMap = {mStyle.bands[0], mStyle.bands[1], mStyle.bands[2]};
    else
        bandMap = {mStyle.bands[0]};
    const int colourBands = int(bandMap.size());
    if (mStyle.alphaBand > 0)
        bandMap.push_back(mStyle.alphaBand);
    for (int b : bandMap) {
        if (b < 1 || b > ds->GetRasterCount()) {
            mError = QStringLiteral("'%1': band %2 does not exist").arg(describeSource(mInfo.source)).arg(b);
            return {};
        }
    }
    const int nb = int(bandMap.size());
    const bool asBytes = mStyle.identity && !mStyle.decibels;
    const GDALDataType bufType = asBytes ? GDT_Byte : GDT_Float32;
    const int typeSize = GDALGetDataTypeSizeBytes(bufType);
    std::vector<unsigned char> buffer(std::size_t(bufW) * bufH * nb * typeSize);

    GDALRasterIOExtraArg extra;
    INIT_RASTERIO_EXTRA_ARG(extra);
    extra.eResampleAlg = GRIORA_NearestNeighbour;
    extra.pfnProgress = cancelCallback;
    extra.pProgressData = const_cast<std::atomic<bool> *>(&cancelled);

    GdalErrorCapture capture;
    const CPLErr readErr = ds->RasterIO(GF_Read, winX0, winY0, winW, winH, buffer.data(), bufW, bufH, bufType,
                                        nb, bandMap.data(), GSpacing(nb) * typeSize,
                                        GSpacing(nb) * typeSize * bufW, typeSize, &extra);
    if (cancelled)
        return {};
    if (readErr != CE_None) {
        mError = summariseDownloadErrors(capture.errors(), mInfo.source);
        if (mError.isEmpty())
            mError = QStringLiteral("'%1': %2")
                         .arg(describeSource(mInfo.source),
                              capture.message(QStringLiteral("reading pixels failed")));
        return {};
    }

    std::vector<unsigned char> mask;
    if (mInfo.perDatasetMask && mStyle.alphaBand == 0) {
        mask.resize(std::size_t(bufW) * bufH);
        GDALRasterBand *maskBand = ds->GetRasterBand(bandMap[0])->GetMaskBand();
        if (maskBand->RasterIO(GF_Read, winX0, winY0, winW, winH, mask.data(), bufW, bufH, GDT_Byte, 1, bufW,
                               &extra) != CE_None)
            mask.clear();
    }

    // 4. Per-band lookups: nodata tests and the stretch to 0..255.
    std::array<double, 3> noData{0, 0, 0};
    std::array<bool, 3> hasNoData{false, false, false};
    for (int k = 0; k < colourBands; ++k) {
        hasNoData[k] = mInfo.hasNoData.value(bandMap[k] - 1);
        noData[k] = mInfo.noData.value(bandMap[k] - 1);
    }
    std::array<float, 3> offset{}, scale{};
    for (int k = 0; k < 3; ++k) {
        offset[k] = float(mStyle.stretchMin[k]);
        scale[k] = float(255.0 / std::max(1e-12, mStyle.stretchMax[k] - mStyle.stretchMin[k]));
    }
    const bool anyNoData = hasNoData[0] || hasNoData[1] || hasNoData[2];
    const bool decibels = mStyle.decibels && !rgb && mStyle.mode == RasterStyle::Mode::Gray;
    const float dbOffset = float(mStyle.decibelMin);
    const float dbScale = float(255.0 / std::max(1e-6, mStyle.decibelMax - mStyle.decibelMin));
    // An alpha band of a wider type (16-bit RGBA) spans its type's range, not 0..255.
    float alphaScale = 1.0f;
    if (mStyle.alphaBand > 0) {
        const GDALDataType alphaType = ds->GetRasterBand(mStyle.alphaBand)->GetRasterDataType();
        if (alphaType == GDT_UInt16 || alphaType == GDT_Int16)
            alphaScale = 255.0f / 65535.0f;
    }

    auto pixelAt = [&](int bx, int by) -> QRgb {
        const std::size_t idx = (std::size_t(by) * bufW + bx) * nb;
        int c[3];
        int alpha = 255;
        if (asBytes) {
            const unsigned char *p = buffer.data() + idx;
            if (anyNoData) {
                bool all = true;
                for (int k = 0; k < colourBands; ++k)
                    all = all && hasNoData[k] && p[k] == noData[k];
                if (all)
                    return 0;
            }
            for (int k = 0; k < colourBands; ++k)
                c[k] = p[k];
            if (nb > colourBands)
                alpha = p[colourBands];
        } else {
            const float *p = reinterpret_cast<const float *>(buffer.data()) + idx;
            if (anyNoData) {
                bool all = true;
                for (int k = 0; k < colourBands; ++k)
                    all = all && hasNoData[k] && (p[k] == float(noData[k]) || std::isnan(p[k]));
                if (all)
                    return 0;
            }
            if (decibels) {
                // SAR backscatter: 0 and below is the product's fill, shown as no data.
                const float db = toDecibels(p[0], mStyle.amplitude);
                if (std::isnan(db))
                    return 0;
                c[0] = std::clamp(int((db - dbOffset) * dbScale + 0.5f), 0, 255);
            } else {
                for (int k = 0; k < colourBands; ++k) {
                    if (std::isnan(p[k]))
                        return 0;
                    c[k] = std::clamp(int((p[k] - offset[k]) * scale[k] + 0.5f), 0, 255);
                }
            }
            if (nb > colourBands)
                alpha = std::clamp(int(p[colourBands] * alphaScale + 0.5f), 0, 255);
        }
        if (!mask.empty())
            alpha = std::min(alpha, int(mask[std::size_t(by) * bufW + bx]));
        if (alpha == 0)
            return 0;
        QRgb rgbValue;
        if (mStyle.mode == RasterStyle::Mode::Palette)
            rgbValue = mStyle.palette.value(c[0], 0);
        else if (rgb)
            rgbValue = qRgba(c[0], c[1], c[2], 255);
        else
            rgbValue = qRgba(c[0], c[0], c[0], 255);
        alpha = alpha * qAlpha(rgbValue) / 255;
        return qPremultiply(qRgba(qRed(rgbValue), qGreen(rgbValue), qBlue(rgbValue), alpha));
    };

    // Grid positions from full-resolution pixels into buffer pixels.
    const double fx = double(bufW) / winW, fy = double(bufH) / winH;
    for (std::size_t k = 0; k < grid.x.size(); ++k) {
        if (grid.x[k] == HUGE_VAL)
            continue;
        grid.x[k] = (grid.x[k] - winX0) * fx;
        grid.y[k] = (grid.y[k] - winY0) * fy;
    }

    std::vector<unsigned char> exactCell(std::size_t(grid.nx) * grid.ny, 0);
    for (int j = 0; j + 1 < grid.ny; ++j)
        for (int i = 0; i + 1 < grid.nx; ++i)
            exactCell[std::size_t(j) * grid.nx + i] =
                grid.sx(i, j) == HUGE_VAL || grid.sx(i + 1, j) == HUGE_VAL || grid.sx(i, j + 1) == HUGE_VAL ||
                grid.sx(i + 1, j + 1) == HUGE_VAL || cellSpan(i, j) > discontinuity * std::min(fx, fy);

    // 5. Resample: walk each output row, interpolating between grid nodes.
    QImage image(outW, outH, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    for (int y = covered.top(); y <= covered.bottom(); ++y) {
        if ((y & 63) == 0 && cancelled)
            return {};
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        const int j = y / kGridStep;
        const double ty = (y + 0.5 - j * kGridStep) / kGridStep;
        for (int i = 0; i + 1 < grid.nx; ++i) {
            const int cellX0 = i * kGridStep;
            if (cellX0 > covered.right())
                break;
            if (cellX0 + kGridStep <= covered.left())
                continue;
            const int x0 = std::max(cellX0, covered.left());
            const int x1 = std::min(covered.right() + 1, cellX0 + kGridStep);
            const double ax = grid.sx(i, j), ay = grid.sy(i, j);
            const double bx = grid.sx(i + 1, j), by = grid.sy(i + 1, j);
            const double cx = grid.sx(i, j + 1), cy = grid.sy(i, j + 1);
            const double dx = grid.sx(i + 1, j + 1), dy = grid.sy(i + 1, j + 1);
            if (exactCell[std::size_t(j) * grid.nx + i]) {
                // Near the edge of a projection's domain: transform each pixel exactly.
                for (int x = x0; x < x1; ++x) {
                    const QPointF m = mSettings.pixelToMap(QPointF(x + 0.5, y + 0.5));
                    double px = m.x(), py = m.y();
                    toSource.forward(&px, &py, 1);
                    if (px == HUGE_VAL)
                        continue;
                    toPixel(px, py);
                    px = (px - winX0) * fx;
                    py = (py - winY0) * fy;
                    if (px >= 0 && py >= 0 && px < bufW && py < bufH)
                        line[x] = pixelAt(int(px), int(py));
                }
                continue;
            }
            // Left and right edges of this cell row, then a straight step across.
            const double lx = ax + (cx - ax) * ty, ly = ay + (cy - ay) * ty;
            const double rx = bx + (dx - bx) * ty, ry = by + (dy - by) * ty;
            const double stepX = (rx - lx) / kGridStep, stepY = (ry - ly) / kGridStep;
            double sx = lx + stepX * (x0 - cellX0 + 0.5), sy = ly + stepY * (x0 - cellX0 + 0.5);
            for (int x = x0; x < x1; ++x, sx += stepX, sy += stepY) {
                if (sx >= 0 && sy >= 0 && sx < bufW && sy < bufH)
                    line[x] = pixelAt(int(sx), int(sy));
            }
        }
    }
    return image;
}

} // namespace sightline
