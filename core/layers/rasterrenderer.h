#pragma once

#include "layers/layer.h"
#include "layers/rasterlayer.h"
#include "map/mapsettings.h"

#include <QImage>

namespace sightline {

/// Draws a raster for one view: reads just the window it needs, at the
/// overview GDAL picks for the view's resolution, and reprojects it into the
/// view's CRS pixel by pixel (nearest neighbour), with the exact transform
/// computed on a coarse grid and interpolated in between, as QGIS does.
class RasterRenderer : public LayerRenderer
{
public:
    RasterRenderer(RasterInfo info, RasterStyle style, MapSettings settings);

    bool render(QPainter &painter, const std::atomic<bool> &cancelled) override;

    /// The view drawn into an image of the output size (transparent where
    /// the raster has no data). Null image and an error on failure.
    QImage renderImage(const std::atomic<bool> &cancelled);

private:
    RasterInfo mInfo;
    RasterStyle mStyle;
    MapSettings mSettings;
};

} // namespace sightline
