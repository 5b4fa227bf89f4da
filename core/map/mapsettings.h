#pragma once

#include "geo/crs.h"
#include "map/timewindow.h"

#include <QDateTime>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSize>
#include <QTransform>

#include <memory>

namespace sightline {

class Layer;

/// Everything a render needs to know about the view, as an immutable value.
///
/// Map rectangles throughout Sightline are QRectF in map units with x() the
/// minimum easting and y() the minimum northing (height grows northwards).
class MapSettings
{
public:
    MapSettings() = default;

    /// The view the CLI and the canvas agree on: a WGS84 box (lon/lat degrees)
    /// taken into `crs`, then grown around its centre to the image's shape.
    static MapSettings fromWgs84Extent(const QRectF &lonLatBox, const QSize &outputSize,
                                       const Crs &crs = Crs::webMercator());

    const Crs &destinationCrs() const { return mCrs; }
    void setDestinationCrs(const Crs &crs) { mCrs = crs; }

    /// The requested extent; what is actually shown is visibleExtent().
    const QRectF &extent() const { return mExtent; }
    void setExtent(const QRectF &extent);

    const QSize &outputSize() const { return mOutputSize; }
    void setOutputSize(const QSize &size);

    double dpi() const { return mDpi; }
    void setDpi(double dpi) { mDpi = dpi; }

    /// The requested extent grown to the output's aspect ratio, same centre.
    const QRectF &visibleExtent() const { return mVisibleExtent; }
    double mapUnitsPerPixel() const { return mMupp; }
    QPointF center() const { return mVisibleExtent.center(); }

    QPointF mapToPixel(QPointF map) const;
    QPointF pixelToMap(QPointF pixel) const;
    /// The affine map → pixel transform (y flipped).
    QTransform mapToPixelTransform() const;

    /// Bottom layer first: the order in which layers are painted.
    const QList<std::shared_ptr<Layer>> &layers() const { return mLayers; }
    void setLayers(const QList<std::shared_ptr<Layer>> &layers) { mLayers = layers; }

    /// The time the map shows: tracks, sightings and events outside it are not drawn.
    const TimeWindow &timeWindow() const { return mTimeWindow; }
    void setTimeWindow(const TimeWindow &window) { mTimeWindow = window; }
    /// The time cursor: each vessel is marked where it was at that instant (0: no cursor).
    std::int64_t cursorMs() const { return mCursorMs; }
    void setCursorMs(std::int64_t ms) { mCursorMs = ms; }

    bool isValid() const { return mCrs.isValid() && !mOutputSize.isEmpty() && mMupp > 0; }

private:
    void update();

    Crs mCrs = Crs::webMercator();
    QRectF mExtent;
    QRectF mVisibleExtent;
    QSize mOutputSize;
    double mDpi = 96.0;
    double mMupp = 0.0;
    QList<std::shared_ptr<Layer>> mLayers;
    TimeWindow mTimeWindow;
    std::int64_t mCursorMs = 0;
};

} // namespace sightline
