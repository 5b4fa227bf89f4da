#include "map/mapsettings.h"

#include "geo/transform.h"

namespace sightline {

MapSettings MapSettings::fromWgs84Extent(const QRectF &lonLatBox, const QSize &outputSize, const Crs &crs)
{
    MapSettings settings;
    settings.mCrs = crs;
    settings.mOutputSize = outputSize;
    const Transform toMap(Crs::wgs84(), crs);
    // Only the part of the box the CRS can show: lat 90 has no Web Mercator northing.
    QRectF box = lonLatBox.intersected(crs.areaOfUseWgs84());
    if (box.isEmpty())
        box = lonLatBox;
    settings.setExtent(toMap.forwardBounds(box));
    return settings;
}

void MapSettings::setExtent(const QRectF &extent)
{
    mExtent = extent.normalized();
    update();
}

void MapSettings::setOutputSize(const QSize &size)
{
    mOutputSize = size;
    update();
}

void MapSettings::update()
{
    if (mOutputSize.isEmpty() || mExtent.isEmpty()) {
        mVisibleExtent = mExtent;
        mMupp = 0.0;
        return;
    }
    const double muppX = mExtent.width() / mOutputSize.width();
    const double muppY = mExtent.height() / mOutputSize.height();
    mMupp = std::max(muppX, muppY);
    const QPointF c = mExtent.center();
    const double w = mMupp * mOutputSize.width();
    const double h = mMupp * mOutputSize.height();
    mVisibleExtent = QRectF(c.x() - w / 2, c.y() - h / 2, w, h);
}

QPointF MapSettings::mapToPixel(QPointF map) const
{
    return {(map.x() - mVisibleExtent.left()) / mMupp, (mVisibleExtent.bottom() - map.y()) / mMupp};
}

QPointF MapSettings::pixelToMap(QPointF pixel) const
{
    return {mVisibleExtent.left() + pixel.x() * mMupp, mVisibleExtent.bottom() - pixel.y() * mMupp};
}

QTransform MapSettings::mapToPixelTransform() const
{
    if (mMupp <= 0)
        return {};
    const double s = 1.0 / mMupp;
    return QTransform(s, 0, 0, -s, -mVisibleExtent.left() * s, mVisibleExtent.bottom() * s);
}

} // namespace sightline
