#include "layers/rasterlayer.h"

#include "layers/rasterbackscatter.h"
#include "layers/rasterprovenance.h"

#include "geo/transform.h"
#include "layers/datasetpool.h"
#include "layers/rasterrenderer.h"
#include "util/gdalutil.h"

#include <gdalwarper.h>

#include <QFile>
#include <QFileInfo>

#include <functional>

namespace sightline {

namespace {

// Percentile cut used for the default contrast stretch of non-8-bit imagery,
// as QGIS and most remote-sensing tools do for Landsat DNs.
constexpr double kStretchLowPercent = 2.0;
constexpr double kStretchHighPercent = 98.0;

QRectF extentOf(const RasterInfo &info)
{
    const auto &g = info.geoTransform;
    auto corner = [&g](double col, double row) {
        return QPointF(g[0] + col * g[1] + row * g[2], g[3] + col * g[4] + row * g[5]);
    };
    const QPointF c[4] = {corner(0, 0), corner(info.width, 0), corner(0, info.height),
                          corner(info.width, info.height)};
    double minX = c[0].x(), maxX = minX, minY = c[0].y(), maxY = minY;
    for (const QPointF &p : c) {
        minX = std::min(minX, p.x());
        maxX = std::max(maxX, p.x());
        minY = std::min(minY, p.y());
        maxY = std::max(maxY, p.y());
    }
    return QRectF(QPointF(minX, minY), QPointF(maxX, maxY));
}

// Low and high percentile of a band's values, from a sample of at most 1024 × 1024
// pixels (GDAL reads it from the overviews when there are some), so opening stays fast
// on big files. Read into memory rather than through GDAL's statistics, which would be
// saved beside the file (.aux.xml) or into a VRT: opening imagery never writes to it.
bool percentileRange(GDALRasterBand *band, double *low, double *high)
{
    const int width = band->GetXSize(), height = band->GetYSize();
    if (width <= 0 || height <= 0)
        return false;
    const double scale = std::min(1.0, 1024.0 / std::max(width, height));
    const int sampleWidth = std::max(1, int(width * scale)), sampleHeight = std::max(1, int(height * scale));
    std::vector<float> values(std::size_t(sampleWidth) * std::size_t(sampleHeight));
    if (band->RasterIO(GF_Read, 0, 0, width, height, values.data(), sampleWidth, sampleHeight, GDT_Float32, 0,
                       0, nullptr) != CE_None)
        return false;
    int hasNoData = 0;
    const double noData = band->GetNoDataValue(&hasNoData);
    std::erase_if(values, [&](float v) { return std::isnan(v) || (hasNoData && v == float(noData)); });
    if (values.empty())
        return false;
    auto valueAt = [&](double percent) {
        const auto at = values.begin() + std::ptrdiff_t(double(values.size() - 1) * percent / 100.0);
        std::nth_element(values.begin(), at, values.end());
        return double(*at);
    };
    *low = valueAt(kStretchLowPercent);
    *high = valueAt(kStretchHighPercent);
    if (*high <= *low)
        *high = *low + 1;
    return true;
}

RasterStyle defaultStyle(GDALDataset *ds, const BackscatterGuess &sar)
{
    RasterStyle style;
    const int n = ds->GetRasterCount();
    int red = 0, green = 0, blue = 0;
    for (int i = 1; i <= n; ++i) {
        switch (ds->GetRasterBand(i)->GetColorInterpretation()) {
        case GCI_RedBand:
            red = red ? red : i;
            break;
        case GCI_GreenBand:
            green = green ? green : i;
            break;
        case GCI_BlueBand:
            blue = blue ? blue : i;
            break;
        case GCI_AlphaBand:
            style.alphaBand = style.alphaBand ? style.alphaBand : i;
            break;
        default:
            break;
        }
    }
    GDALRasterBand *first = ds->GetRasterBand(1);
    if (red && green && blue) {
        style.mode = RasterStyle::Mode::Rgb;
        style.bands = {red, green, blue};
    } else if (n >= 3 && first->GetColorInterpretation() != GCI_PaletteIndex) {
        style.mode = RasterStyle::Mode::Rgb;
        style.bands = {1, 2, 3};
    } else if (first->GetColorInterpretation() == GCI_PaletteIndex && first->GetColorTable()) {
        style.mode = RasterStyle::Mode::Palette;
        style.bands = {1, 1, 1};
        const GDALColorTable *table = first->GetColorTable();
        style.palette.resize(256, qRgba(0, 0, 0, 0));
        for (int i = 0; i < std::min(256, table->GetColorEntryCount()); ++i) {
            const GDALColorEntry *e = table->GetColorEntry(i);
            style.palette[i] = qRgba(e->c1, e->c2, e->c3, e->c4);
        }
    } else {
        style.mode = RasterStyle::Mode::Gray;
        style.bands = {1, 1, 1};
    }

    bool allByte = true;
    for (int b : style.bands)
        allByte = allByte && ds->GetRasterBand(b)->GetRasterDataType() == GDT_Byte;
    style.identity = allByte || style.mode == RasterStyle::Mode::Palette;
    if (!style.identity) {
        for (int k = 0; k < 3; ++k) {
            double low = 0, high = 255;
            if (percentileRange(ds->GetRasterBand(style.bands[k]), &low, &high)) {
                style.stretchMin[k] = low;
                style.stretchMax[k] = high;
            }
        }
    }
    // SAR backscatter: in dB, computed once here from the sampled overview and kept with the style.
    if (sar.sar && !sar.alreadyDecibels && style.mode == RasterStyle::Mode::Gray) {
        double low = 0, high = 0;
        if (decibelPercentiles(*first, sar.amplitude, &low, &high)) {
            style.decibels = true;
            style.amplitude = sar.amplitude;
            style.decibelMin = low;
            style.decibelMax = high;
        }
    }
    return style;
}

} // namespace

std::shared_ptr<RasterLayer> RasterLayer::open(const QString &source, QString *error)
{
    std::shared_ptr<RasterLayer> layer(new RasterLayer());
    if (!layer->load(source, error))
        return nullptr;
    layer->mAcquiredFromDataMs =
        imageryProvenanceOf(layer->mInfo, QFileInfo(layer->mInfo.source).completeBaseName()).acquiredMs;
    return layer;
}

bool RasterLayer::isShownAt(const TimeWindow &window) const
{
    return !mOnlyInTimeWindow || window.isOpen() || window.contains(acquiredMs());
}

bool RasterLayer::load(const QString &source, QString *error)
{
    QString openError;
    DatasetLease ds = DatasetPool::instance().acquire(source, &openError);
    if (!ds) {
        if (error)
            *error = openError;
        return false;
    }
    GdalErrorCapture capture;
    if (ds->GetRasterCount() < 1) {
        if (error)
            *error = QStringLiteral("'%1': the dataset has no raster bands").arg(describeSource(source));
        return false;
    }
    mInfo.source = source;
    mInfo.driver = QString::fromUtf8(ds->GetDriver()->GetDescription());
    mInfo.driverLongName = QString::fromUtf8(ds->GetDriver()->GetMetadataItem(GDAL_DMD_LONGNAME));
    mInfo.width = ds->GetRasterXSize();
    mInfo.height = ds->GetRasterYSize();
    mInfo.bandCount = ds->GetRasterCount();
    GDALRasterBand *first = ds->GetRasterBand(1);
    mInfo.dataType = QString::fromUtf8(GDALGetDataTypeName(first->GetRasterDataType()));

    const OGRSpatialReference *srs = ds->GetSpatialRef();
    double gt[6];
    const bool hasGeoTransform = ds->GetGeoTransform(gt) == CE_None;
    if ((!srs || !hasGeoTransform) && ds->GetGCPCount() >= 3 && ds->GetGCPSpatialRef()) {
        // Raw scenes and scanned maps carry only ground control points: look at
        // them through a warped VRT, whose XML then stands as the GDAL source.
        GDALDatasetUniquePtr vrt(GDALDataset::FromHandle(GDALAutoCreateWarpedVRT(
            GDALDataset::ToHandle(ds.get()), nullptr, nullptr, GRA_NearestNeighbour, 0.125, nullptr)));
        char **xml = vrt ? vrt->GetMetadata("xml:VRT") : nullptr;
        if (!xml || !xml[0]) {
            if (error)
                *error = QStringLiteral("'%1': its ground control points cannot be turned into a warp: %2")
                             .arg(describeSource(source), capture.message(QStringLiteral("unknown reason")));
            return false;
        }
        const QString vrtSource = QString::fromUtf8(xml[0]);
        vrt.reset();
        ds = DatasetLease();
        const QString name = QFileInfo(source).completeBaseName();
        if (!load(vrtSource, error))
            return false;
        setName(name);
        mInfo.metadata.prepend(LayerProperty(QStringLiteral("Georeferencing"),
                                             QStringLiteral("ground control points, warped on the fly")));
        return true;
    }
    if (!srs || !hasGeoTransform) {
        if (error)
            *error = QStringLiteral("'%1': the image has no georeferencing (no CRS or geotransform), so it "
                                    "cannot be placed on the map")
                         .arg(describeSource(source));
        return false;
    }
    std::copy(gt, gt + 6, mInfo.geoTransform.begin());
    char *wkt = nullptr;
    const char *options[] = {"FORMAT=WKT2_2019", nullptr};
    srs->exportToWkt(&wkt, options);
    QString crsError;
    mInfo.crs = Crs::fromUserInput(QString::fromUtf8(wkt), &crsError);
    CPLFree(wkt);
    if (!mInfo.crs.isValid()) {
        if (error)
            *error = QStringLiteral("'%1': unsupported CRS: %2").arg(source, crsError);
        return false;
    }

    for (int i = 0; i < first->GetOverviewCount(); ++i)
        if (GDALRasterBand *ov = first->GetOverview(i))
            mInfo.overviews << QSize(ov->GetXSize(), ov->GetYSize());
    for (int b = 1; b <= mInfo.bandCount; ++b) {
        int has = 0;
        const double value = ds->GetRasterBand(b)->GetNoDataValue(&has);
        mInfo.hasNoData << bool(has);
        mInfo.noData << value;
        const char *desc = ds->GetRasterBand(b)->GetDescription();
        const char *interp = GDALGetColorInterpretationName(ds->GetRasterBand(b)->GetColorInterpretation());
        mInfo.bandDescriptions << QStringLiteral("%1 (%2)").arg(
            QString::fromUtf8(desc && *desc ? desc : "band"), QString::fromUtf8(interp));
    }
    const int maskFlags = first->GetMaskFlags();
    mInfo.perDatasetMask = (maskFlags & GMF_PER_DATASET) && !(maskFlags & (GMF_ALPHA | GMF_NODATA)) &&
                           !(maskFlags & GMF_ALL_VALID);

    for (const char *domain : {"", "IMAGE_STRUCTURE"}) {
        if (char **md = ds->GetMetadata(domain)) {
            for (char **item = md; *item; ++item) {
                const QString entry = QString::fromUtf8(*item);
                const int eq = entry.indexOf(QLatin1Char('='));
                if (eq > 0)
                    mInfo.metadata << LayerProperty(entry.left(eq), entry.mid(eq + 1));
            }
        }
    }

    // Files that carry their own credit line get it printed under the map.
    for (const LayerProperty &m : std::as_const(mInfo.metadata)) {
        if (m.first == QLatin1String("TIFFTAG_COPYRIGHT") ||
            m.first.compare(QLatin1String("ATTRIBUTION"), Qt::CaseInsensitive) == 0)
            mAttribution = m.second;
    }

    const BackscatterGuess sar = guessBackscatter(*ds.get(), source);
    mInfo.looksLikeSar = sar.sar;
    mStyle = defaultStyle(ds.get(), sar);
    mExtent = extentOf(mInfo);
    const Transform toWgs84(mInfo.crs, Crs::wgs84());
    mExtentWgs84 = toWgs84.forwardBounds(mExtent, 41);
    // A layer whose corners do not reach lon/lat (a whole-world Mercator, say) still needs a box.
    mExtentWgs84 = mExtentWgs84.intersected(QRectF(-180, -90, 360, 180));
    mInfo.extentWgs84 = mExtentWgs84;
    if (mExtentWgs84.isEmpty()) {
        if (error)
            *error = QStringLiteral("'%1': its extent in %2 does not transform to longitude/latitude")
                         .arg(describeSource(source), mInfo.crs.description());
        return false;
    }

    const QFileInfo file(source);
    setName(isLocalPath(source) ? file.completeBaseName() : mInfo.driverLongName);
    return true;
}

namespace {
/// What a layer hidden by the time window draws.
class NothingRenderer : public LayerRenderer
{
public:
    bool render(QPainter &, const std::atomic<bool> &) override { return true; }
};
} // namespace

std::unique_ptr<LayerRenderer> RasterLayer::createRenderer(const MapSettings &settings) const
{
    if (!isShownAt(settings.timeWindow()))
        return std::make_unique<NothingRenderer>();
    return std::make_unique<RasterRenderer>(mInfo, mStyle, settings);
}

QList<LayerProperty> RasterLayer::properties() const
{
    QList<LayerProperty> p;
    p << LayerProperty(QStringLiteral("Source"), mInfo.source);
    p << LayerProperty(QStringLiteral("Format"),
                       QStringLiteral("%1 (%2)").arg(mInfo.driverLongName, mInfo.driver));
    p << LayerProperty(QStringLiteral("CRS"), mInfo.crs.description());
    p << LayerProperty(QStringLiteral("Size"),
                       QStringLiteral("%1 × %2 pixels").arg(mInfo.width).arg(mInfo.height));
    const auto &g = mInfo.geoTransform;
    p << LayerProperty(QStringLiteral("Pixel size"),
                       QStringLiteral("%1, %2").arg(g[1], 0, 'g', 8).arg(g[5], 0, 'g', 8));
    if (g[2] != 0 || g[4] != 0)
        p << LayerProperty(QStringLiteral("Rotation terms"), QStringLiteral("%1, %2").arg(g[2]).arg(g[4]));
    p << LayerProperty(QStringLiteral("Bands"),
                       QStringLiteral("%1 × %2").arg(mInfo.bandCount).arg(mInfo.dataType));
    for (int i = 0; i < mInfo.bandDescriptions.size(); ++i) {
        QString text = mInfo.bandDescriptions[i];
        if (mInfo.hasNoData.value(i))
            text += QStringLiteral(", nodata %1").arg(mInfo.noData[i]);
        p << LayerProperty(QStringLiteral("Band %1").arg(i + 1), text);
    }
    QStringList ovs;
    for (const QSize &s : mInfo.overviews)
        ovs << QStringLiteral("%1×%2").arg(s.width()).arg(s.height());
    p << LayerProperty(QStringLiteral("Overviews"),
                       ovs.isEmpty() ? QStringLiteral("none") : ovs.join(QStringLiteral(", ")));
    const QRectF e = mExtentWgs84;
    p << LayerProperty(QStringLiteral("Extent (WGS84)"), QStringLiteral("%1, %2 – %3, %4")
                                                             .arg(e.left(), 0, 'f', 5)
                                                             .arg(e.top(), 0, 'f', 5)
                                                             .arg(e.right(), 0, 'f', 5)
                                                             .arg(e.bottom(), 0, 'f', 5));
    if (mStyle.decibels) {
        p << LayerProperty(QStringLiteral("Display"),
                           QStringLiteral("backscatter, %1 – %2 dB (of %3)")
                               .arg(mStyle.decibelMin, 0, 'f', 1)
                               .arg(mStyle.decibelMax, 0, 'f', 1)
                               .arg(mStyle.amplitude ? QStringLiteral("amplitude") : QStringLiteral("power")));
    } else if (!mStyle.identity) {
        for (int k = 0; k < (mStyle.mode == RasterStyle::Mode::Rgb ? 3 : 1); ++k)
            p << LayerProperty(
                QStringLiteral("Stretch band %1").arg(mStyle.bands[k]),
                QStringLiteral("%1 – %2 (2–98 %)").arg(mStyle.stretchMin[k]).arg(mStyle.stretchMax[k]));
    }
    if (!mAttribution.isEmpty())
        p << LayerProperty(QStringLiteral("Attribution"), mAttribution);
    for (const LayerProperty &m : mInfo.metadata)
        p << LayerProperty(QStringLiteral("Metadata: %1").arg(m.first), m.second);
    return p;
}

bool RasterLayer::decibelStretch(bool amplitude, double *low, double *high) const
{
    DatasetLease ds = DatasetPool::instance().acquire(mInfo.source, nullptr);
    if (!ds || mStyle.bands[0] < 1 || mStyle.bands[0] > ds->GetRasterCount())
        return false;
    return decibelPercentiles(*ds->GetRasterBand(mStyle.bands[0]), amplitude, low, high);
}

bool RasterLayer::wouldBenefitFromOverviews() const
{
    constexpr int kLargeSide = 4096;
    return mInfo.overviews.isEmpty() && std::max(mInfo.width, mInfo.height) > kLargeSide &&
           isLocalPath(mInfo.source);
}

bool RasterLayer::buildOverviewsFor(const QString &source, int width, int height,
                                    const std::function<bool(double)> &progress, QString *error)
{
    ensureGdalInitialised();
    const QString ovr = source + QStringLiteral(".ovr");
    const bool hadOvr = QFileInfo::exists(ovr);
    bool ok = false;
    {
        GdalErrorCapture capture;
        GDALDatasetUniquePtr ds(GDALDataset::FromHandle(GDALOpenEx(
            source.toUtf8().constData(), GDAL_OF_RASTER | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
        if (!ds) {
            if (error)
                *error =
                    QStringLiteral("'%1': %2").arg(source, capture.message(QStringLiteral("cannot reopen")));
            return false;
        }
        std::vector<int> levels;
        for (int f = 2; std::max(width, height) / f >= 256; f *= 2)
            levels.push_back(f);
        auto callback = [](double done, const char *, void *data) -> int {
            const auto *fn = static_cast<const std::function<bool(double)> *>(data);
            return (*fn)(done) ? TRUE : FALSE;
        };
        // Opened read-only, GeoTIFF writes an external .ovr, which never risks the original file.
        ok = ds->BuildOverviews("AVERAGE", int(levels.size()), levels.data(), 0, nullptr, callback,
                                const_cast<std::function<bool(double)> *>(&progress), nullptr) == CE_None;
        if (!ok && error)
            *error = QStringLiteral("'%1': building overviews stopped: %2")
                         .arg(source, capture.message(QStringLiteral("cancelled")));
    }
    // A half-built .ovr lists every level with some of them empty: never leave one behind.
    if (!ok && !hadOvr)
        QFile::remove(ovr);
    // Handles opened before (or during) the build do not see the new file.
    DatasetPool::instance().forget(source);
    return ok;
}

void RasterLayer::reloadOverviews()
{
    QString error;
    DatasetLease lease = DatasetPool::instance().acquire(mInfo.source, &error);
    if (!lease)
        return;
    mInfo.overviews.clear();
    GDALRasterBand *first = lease->GetRasterBand(1);
    for (int i = 0; i < first->GetOverviewCount(); ++i)
        if (GDALRasterBand *ov = first->GetOverview(i))
            mInfo.overviews << QSize(ov->GetXSize(), ov->GetYSize());
}

bool RasterLayer::buildOverviews(const std::function<bool(double)> &progress, QString *error)
{
    const bool ok = buildOverviewsFor(mInfo.source, mInfo.width, mInfo.height, progress, error);
    reloadOverviews();
    return ok;
}

} // namespace sightline
