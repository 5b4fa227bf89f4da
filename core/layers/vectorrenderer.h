#pragma once

#include "layers/vectorlayer.h"
#include "map/mapsettings.h"

#include <QImage>

namespace sightline {

/// Draws a vector layer for one view: only features the grid index puts in
/// view, each at its pixel level of detail (a dot when smaller than a pixel,
/// vertices closer than half a pixel merged), then labels that do not collide.
class VectorRenderer : public LayerRenderer
{
public:
    VectorRenderer(std::shared_ptr<const VectorData> data,
                   std::shared_ptr<VectorLayer::ProjectionCache> cache, VectorStyle style,
                   std::vector<std::uint32_t> selection, MapSettings settings);

    bool render(QPainter &painter, const std::atomic<bool> &cancelled) override;

private:
    void drawPoint(QPainter &painter, QPointF at, const VectorSymbol &symbol, bool selected);
    QPen penFor(const VectorSymbol &symbol, bool selected) const;

    std::shared_ptr<const VectorData> mData;
    std::shared_ptr<VectorLayer::ProjectionCache> mCache;
    VectorStyle mStyle;
    std::vector<std::uint32_t> mSelection;
    MapSettings mSettings;
    double mScale = 1.0; // dpi / 96
    bool mPrint = false;
};

} // namespace sightline
