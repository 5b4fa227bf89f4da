#pragma once

#include "model/vectordata.h"
#include "ui/map/maptool.h"

#include <QPointF>

#include <vector>

namespace sightline {

class LayerStack;

/// Finds the vertex of a visible vector layer nearest the cursor, within a few
/// pixels, so new shapes join existing ones exactly.
class VertexSnapper
{
public:
    VertexSnapper(MapCanvas *canvas, LayerStack *layers);
    /// The snapped lon/lat for a widget position, and whether it snapped.
    QPointF snap(QPointF widget, bool *snapped) const;

private:
    MapCanvas *mCanvas;
    LayerStack *mLayers;
};

/// Draws a polygon or a line: click vertices (snapping to existing ones),
/// Backspace takes the last back, double-click or Enter finishes, Esc cancels.
class DrawTool : public MapTool
{
    Q_OBJECT
public:
    DrawTool(MapCanvas *canvas, LayerStack *layers);

    void setKind(VectorFeature::Kind kind) { mKind = kind; }
    VectorFeature::Kind kind() const { return mKind; }
    const std::vector<QPointF> &vertices() const { return mVertices; }

    void press(QMouseEvent *event) override;
    void move(QMouseEvent *event) override;
    void doubleClick(QMouseEvent *event) override;
    bool key(QKeyEvent *event) override;
    void paint(QPainter &painter) override;
    void deactivate() override;

Q_SIGNALS:
    /// A finished shape, in lon/lat (polygons not yet closed).
    void shapeDrawn(sightline::VectorFeature::Kind kind, const std::vector<QPointF> &lonLat);

private:
    void finish();

    VertexSnapper mSnapper;
    VectorFeature::Kind mKind = VectorFeature::Kind::Polygon;
    std::vector<QPointF> mVertices;
    QPointF mHover;
    bool mHoverSnapped = false;
    bool mHasHover = false;
};

} // namespace sightline
