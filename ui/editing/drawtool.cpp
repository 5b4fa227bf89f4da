#include "ui/editing/drawtool.h"

#include "geo/transform.h"
#include "layers/layerstack.h"
#include "layers/vectorlayer.h"
#include "ui/map/mapcanvas.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>

namespace sightline {

namespace {
constexpr double kSnapPixels = 10.0;
const QColor kDrawInk(0xc0, 0x39, 0x2b);
} // namespace

VertexSnapper::VertexSnapper(MapCanvas *canvas, LayerStack *layers)
    : mCanvas(canvas)
    , mLayers(layers)
{
}

QPointF VertexSnapper::snap(QPointF widget, bool *snapped) const
{
    const Transform toWgs84(mCanvas->crs(), Crs::wgs84());
    const QPointF map = mCanvas->toMap(widget);
    QPointF best = toWgs84.forward(map);
    double bestPx = kSnapPixels;
    *snapped = false;
    for (const auto &layer : mLayers->layers()) {
        auto vector = std::dynamic_pointer_cast<VectorLayer>(layer);
        if (!vector || !vector->isVisible())
            continue;
        const Transform toLayer(mCanvas->crs(), vector->crs()), fromLayer(vector->crs(), mCanvas->crs());
        const double r = kSnapPixels * mCanvas->resolution();
        const QRectF box = toLayer.forwardBounds(QRectF(map - QPointF(r, r), QSizeF(2 * r, 2 * r)), 5);
        for (std::uint32_t i : vector->data().query(box)) {
            for (const QPointF &v : vector->data().features()[i].points) {
                const QPointF w = mCanvas->toWidget(fromLayer.forward(v));
                const double d = std::hypot(w.x() - widget.x(), w.y() - widget.y());
                if (d < bestPx) {
                    bestPx = d;
                    best = Transform(vector->crs(), Crs::wgs84()).forward(v);
                    *snapped = true;
                }
            }
        }
    }
    return best;
}

DrawTool::DrawTool(MapCanvas *canvas, LayerStack *layers)
    : MapTool(canvas)
    , mSnapper(canvas, layers)
{
}

void DrawTool::press(QMouseEvent *event)
{
    if (event->button() == Qt::RightButton) {
        finish();
        return;
    }
    if (event->button() != Qt::LeftButton)
        return;
    bool snapped = false;
    const QPointF ll = mSnapper.snap(event->position(), &snapped);
    // The second press of a double-click lands on the vertex just added: not a new one.
    if (!mVertices.empty() && mVertices.back() == ll)
        return;
    mVertices.push_back(ll);
}

void DrawTool::move(QMouseEvent *event)
{
    mHover = mSnapper.snap(event->position(), &mHoverSnapped);
    mHasHover = true;
}

void DrawTool::doubleClick(QMouseEvent *)
{
    finish();
}

bool DrawTool::key(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Escape:
        mVertices.clear();
        return true;
    case Qt::Key_Backspace:
        if (!mVertices.empty())
            mVertices.pop_back();
        return true;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        finish();
        return true;
    default:
        return false;
    }
}

void DrawTool::finish()
{
    const std::size_t needed = mKind == VectorFeature::Kind::Polygon ? 3 : 2;
    if (mVertices.size() < needed)
        return;
    const std::vector<QPointF> shape = std::move(mVertices);
    mVertices.clear();
    Q_EMIT shapeDrawn(mKind, shape);
}

void DrawTool::deactivate()
{
    mVertices.clear();
    mHasHover = false;
}

void DrawTool::paint(QPainter &p)
{
    const Transform toMap(Crs::wgs84(), mCanvas->crs());
    QPolygonF shape;
    for (const QPointF &ll : mVertices)
        shape << mCanvas->toWidget(toMap.forward(ll));
    if (mHasHover && !mVertices.empty())
        shape << mCanvas->toWidget(toMap.forward(mHover));
    if (mKind == VectorFeature::Kind::Polygon && shape.size() >= 3) {
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(kDrawInk.red(), kDrawInk.green(), kDrawInk.blue(), 45));
        p.drawPolygon(shape);
    }
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(kDrawInk, 2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    if (mKind == VectorFeature::Kind::Polygon && shape.size() >= 3)
        p.drawPolygon(shape);
    else
        p.drawPolyline(shape);
    p.setPen(QPen(Qt::white, 1.2));
    p.setBrush(kDrawInk);
    for (int i = 0; i < int(mVertices.size()); ++i)
        p.drawRect(QRectF(shape[i] - QPointF(3.5, 3.5), QSizeF(7, 7)));
    if (mHasHover && mHoverSnapped) {
        // The snap marker: the shape will join that vertex exactly.
        p.setPen(QPen(QColor(0xff, 0x9f, 0x1c), 2));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(mCanvas->toWidget(toMap.forward(mHover)), 7, 7);
    }
}

} // namespace sightline
