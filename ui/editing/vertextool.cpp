#include "ui/editing/vertextool.h"

#include "geo/transform.h"
#include "layers/vectorlayer.h"
#include "ui/map/mapcanvas.h"

#include <QMouseEvent>
#include <QPainter>

namespace sightline {

namespace {
constexpr double kGrabPixels = 8.0;
}

VertexTool::VertexTool(MapCanvas *canvas, LayerStack *layers)
    : MapTool(canvas)
    , mSnapper(canvas, layers)
{
}

void VertexTool::press(QMouseEvent *event)
{
    if (!mLayer || event->button() != Qt::LeftButton)
        return;
    const Transform toMap(mLayer->crs(), mCanvas->crs());
    double best = kGrabPixels;
    mDragging = false;
    const auto &features = mLayer->data().features();
    for (std::size_t f = 0; f < features.size(); ++f) {
        for (std::size_t v = 0; v < features[f].points.size(); ++v) {
            const QPointF w = mCanvas->toWidget(toMap.forward(features[f].points[v]));
            const double d = std::hypot(w.x() - event->position().x(), w.y() - event->position().y());
            if (d < best) {
                best = d;
                mFeature = f;
                mVertex = v;
                mDragging = true;
            }
        }
    }
    if (mDragging)
        mTo = Transform(mLayer->crs(), Crs::wgs84()).forward(features[mFeature].points[mVertex]);
}

void VertexTool::move(QMouseEvent *event)
{
    if (!mDragging)
        return;
    bool snapped = false;
    mTo = mSnapper.snap(event->position(), &snapped);
}

void VertexTool::release(QMouseEvent *event)
{
    if (!mDragging)
        return;
    bool snapped = false;
    mTo = mSnapper.snap(event->position(), &snapped);
    mDragging = false;
    Q_EMIT vertexMoved(mFeature, mVertex, mTo);
}

void VertexTool::paint(QPainter &p)
{
    if (!mLayer)
        return;
    const Transform toMap(mLayer->crs(), mCanvas->crs());
    p.setPen(QPen(QColor(0xc0, 0x39, 0x2b), 1.2));
    p.setBrush(Qt::white);
    for (const VectorFeature &f : mLayer->data().features())
        for (const QPointF &v : f.points)
            p.drawRect(QRectF(mCanvas->toWidget(toMap.forward(v)) - QPointF(3, 3), QSizeF(6, 6)));
    if (mDragging) {
        p.setBrush(QColor(0xc0, 0x39, 0x2b));
        p.drawEllipse(mCanvas->toWidget(Transform(Crs::wgs84(), mCanvas->crs()).forward(mTo)), 5, 5);
    }
}

} // namespace sightline
