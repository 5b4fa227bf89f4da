#pragma once

#include "layers/layer.h"
#include "map/timewindow.h"

#include <QColor>
#include <QDateTime>
#include <QVector>

#include <array>
#include <functional>

namespace sightline {

/// How a raster's bands become colours. Chosen from the data when the layer
/// opens; the user can change it later.
struct RasterStyle
{
    enum class Mode
    {
        Rgb,
        Gray,
        Palette
    };
    Mode mode = Mode::Gray;
    /// 1-based band numbers: red, green, blue (Rgb) or the one band (Gray/Palette).
    std::array<int, 3> bands{1, 1, 1};
    /// 1-based alpha band, or 0 when there is none.
    int alphaBand = 0;
    /// Per displayed band: the value shown black and the value shown full.
    std::array<double, 3> stretchMin{0, 0, 0};
    std::array<double, 3> stretchMax{255, 255, 255};
    /// True when values are taken as they are (8-bit data with no stretch).
    bool identity = true;
    /// Gray mode: show SAR backscatter as 10·log10 of power, stretched from decibelMin (black)
    /// to decibelMax (white). Chosen when the raster looks like SAR (rasterbackscatter.h); the
    /// user may switch it either way, and the linear stretch above stays for when they do.
    bool decibels = false;
    /// With `decibels`: the band holds amplitude (power = value²) rather than power.
    bool amplitude = true;
    double decibelMin = -25.0;
    double decibelMax = 0.0;
    QVector<QRgb> palette;
};

/// Everything the renderer needs to know about a dataset, read once at open.
struct RasterInfo
{
    QString source;
    QString driver;
    QString driverLongName;
    int width = 0;
    int height = 0;
    int bandCount = 0;
    QString dataType;
    std::array<double, 6> geoTransform{0, 1, 0, 0, 0, -1};
    Crs crs;
    /// Lon/lat box of the raster, clipped to ±180/±90.
    QRectF extentWgs84;
    QList<QSize> overviews;
    /// Per band: whether it has a nodata value, and which.
    QVector<bool> hasNoData;
    QVector<double> noData;
    /// True when GDAL reports a per-dataset mask that is neither alpha nor nodata.
    bool perDatasetMask = false;
    QList<LayerProperty> metadata;
    QStringList bandDescriptions;
    /// Whether the raster looked like SAR backscatter when it opened.
    bool looksLikeSar = false;
};

class RasterLayer : public Layer
{
public:
    /// Opens a raster: a file path, GDAL WMS XML, "WMTS:..." or any other GDAL
    /// connection string. Returns null with `error` set when it cannot.
    static std::shared_ptr<RasterLayer> open(const QString &source, QString *error);

    Kind kind() const override { return Kind::Raster; }
    QString source() const override { return mInfo.source; }
    Crs crs() const override { return mInfo.crs; }
    QRectF extent() const override { return mExtent; }
    QRectF extentWgs84() const override { return mExtentWgs84; }
    std::unique_ptr<LayerRenderer> createRenderer(const MapSettings &settings) const override;
    QList<LayerProperty> properties() const override;
    QString attribution() const override { return mAttribution; }
    std::shared_ptr<Layer> snapshot() const override { return std::make_shared<RasterLayer>(*this); }
    void setAttribution(const QString &text) { mAttribution = text; }

    const RasterInfo &info() const { return mInfo; }
    const RasterStyle &style() const { return mStyle; }
    void setStyle(const RasterStyle &style) { mStyle = style; }

    /// When the image was taken (UTC ms): as entered by hand, else as its metadata or file name
    /// say (TIFFTAG_DATETIME, ACQUISITIONDATETIME, Landsat MTL, a scene id); 0 when unknown.
    std::int64_t acquiredMs() const { return mAcquiredByHandMs ? mAcquiredByHandMs : mAcquiredFromDataMs; }
    /// What the data itself says, whatever was entered by hand.
    std::int64_t acquiredFromDataMs() const { return mAcquiredFromDataMs; }
    /// Sets the acquisition time by hand; 0 goes back to what the data says.
    void setAcquiredMs(std::int64_t ms) { mAcquiredByHandMs = ms; }
    bool isAcquiredByHand() const { return mAcquiredByHandMs != 0; }
    /// Drawn only when acquired inside the view's time window, so images before and after an
    /// event stack and swap as the window moves. An image of unknown date is always drawn.
    bool showsOnlyInTimeWindow() const { return mOnlyInTimeWindow; }
    void setShowsOnlyInTimeWindow(bool only) { mOnlyInTimeWindow = only; }
    /// False when the view's time window hides this image.
    bool isShownAt(const TimeWindow &window) const;

    /// The dB stretch of a SAR image (2nd to 98th percentile of a sampled overview), for when the
    /// user switches to the backscatter display; false when the pixels cannot be read.
    bool decibelStretch(bool amplitude, double *low, double *high) const;

    /// A large local file with no overviews renders slowly when zoomed out:
    /// the UI offers to build them.
    bool wouldBenefitFromOverviews() const;
    /// Builds overviews for a raster file into `SOURCE.ovr` beside it (the
    /// original is never written), reporting progress 0..1 and stopping when
    /// `progress` returns false; a cancelled or failed build leaves no .ovr.
    /// Touches no layer, so it may run on a worker thread.
    static bool buildOverviewsFor(const QString &source, int width, int height,
                                  const std::function<bool(double)> &progress, QString *error);
    /// Re-reads the overview list after they were built (on the layer's thread).
    void reloadOverviews();
    /// buildOverviewsFor() then reloadOverviews(), for callers on one thread.
    bool buildOverviews(const std::function<bool(double)> &progress, QString *error);

private:
    RasterLayer() = default;
    bool load(const QString &source, QString *error);

    RasterInfo mInfo;
    RasterStyle mStyle;
    QRectF mExtent;
    QRectF mExtentWgs84;
    QString mAttribution;
    std::int64_t mAcquiredFromDataMs = 0;
    std::int64_t mAcquiredByHandMs = 0;
    bool mOnlyInTimeWindow = false;
};

} // namespace sightline
