#pragma once

#include "ui/editing/drawtool.h"

#include <memory>

namespace sightline {

class VectorLayer;

/// Moves the vertices of an editable layer: press on one, drag, release
/// (snapping to other layers' vertices). The move is reported once, on release.
class VertexTool : public MapTool
{
    Q_OBJECT
public:
    VertexTool(MapCanvas *canvas, LayerStack *layers);
    void setLayer(std::shared_ptr<VectorLayer> layer) { mLayer = std::move(layer); }

    void press(QMouseEvent *event) override;
    void move(QMouseEvent *event) override;
    void release(QMouseEvent *event) override;
    void paint(QPainter &painter) override;
    void deactivate() override { mDragging = false; }
    QCursor cursor() const override { return Qt::SizeAllCursor; }

Q_SIGNALS:
    void vertexMoved(std::size_t feature, std::size_t vertex, QPointF toLonLat);

private:
    VertexSnapper mSnapper;
    std::shared_ptr<VectorLayer> mLayer;
    bool mDragging = false;
    std::size_t mFeature = 0, mVertex = 0;
    QPointF mTo;
};

} // namespace sightline
