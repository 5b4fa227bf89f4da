#include "ui/annotations/annotationtool.h"

#include "geo/transform.h"
#include "ui/map/mapcanvas.h"
#include "map/annotationpainter.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>

namespace sightline {

namespace {
constexpr double kMinDragPixels = 4;
} // namespace

AnnotationTool::AnnotationTool(MapCanvas *canvas)
    : MapTool(canvas)
{
}

void AnnotationTool::setType(Annotation::Type type)
{
    mType = type;
    mPoints.clear();
    mDragging = false;
}

QPointF AnnotationTool::toLonLat(QPointF widget) const
{
    return Transform(mCanvas->crs(), Crs::wgs84()).forward(mCanvas->toMap(widget));
}

void AnnotationTool::press(QMouseEvent *event)
{
    if (event->button() == Qt::RightButton && mType == Annotation::Type::Polygon) {
        finish();
        return;
    }
    if (event->button() != Qt::LeftButton)
        return;
    const QPointF ll = toLonLat(event->position());
    mHover = ll;
    mHasHover = true;
    switch (mType) {
    case Annotation::Type::Text:
        mPoints = {ll};
        finish();
        break;
    case Annotation::Type::Polygon:
        if (mPoints.isEmpty() || mPoints.last() != ll)
            mPoints << ll;
        break;
    default:
        mPoints = {ll};
        mDragging = true;
        break;
    }
}

void AnnotationTool::move(QMouseEvent *event)
{
    mHover = toLonLat(event->position());
    mHasHover = true;
}

void AnnotationTool::release(QMouseEvent *event)
{
    if (!mDragging || event->button() != Qt::LeftButton)
        return;
    mDragging = false;
    const Transform toMap(Crs::wgs84(), mCanvas->crs());
    const QPointF start = mCanvas->toWidget(toMap.forward(mPoints.first()));
    const QPointF d = event->position() - start;
    if (std::hypot(d.x(), d.y()) < kMinDragPixels) {
        mPoints.clear(); // a click, not a drag: nothing to draw
        return;
    }
    mPoints << toLonLat(event->position());
    finish();
}

void AnnotationTool::doubleClick(QMouseEvent *)
{
    if (mType == Annotation::Type::Polygon)
        finish();
}

bool AnnotationTool::key(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Escape:
        mPoints.clear();
        mDragging = false;
        return true;
    case Qt::Key_Backspace:
        if (mType == Annotation::Type::Polygon && !mPoints.isEmpty())
            mPoints.removeLast();
        return true;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        finish();
        return true;
    default:
        return false;
    }
}

void AnnotationTool::finish()
{
    const int needed = annotationPointCount(mType);
    if (needed ? mPoints.size() != needed : mPoints.size() < 3)
        return;
    Annotation a = mStyle;
    a.id = 0;
    a.type = mType;
    a.lonLat = mPoints;
    mPoints.clear();
    Q_EMIT annotationDrawn(a);
}

void AnnotationTool::deactivate()
{
    mPoints.clear();
    mDragging = false;
    mHasHover = false;
}

void AnnotationTool::paint(QPainter &p)
{
    if (mPoints.isEmpty())
        return;
    Annotation preview = mStyle;
    preview.type = mType;
    preview.lonLat = mPoints;
    if (mHasHover)
        preview.lonLat << mHover;
    if (preview.type == Annotation::Type::Callout)
        preview.text = tr("…");
    if (preview.type == Annotation::Type::Polygon && preview.lonLat.size() < 3)
        preview.type = Annotation::Type::Arrow, preview.lonLat = preview.lonLat.mid(0, 2);
    const Transform toMap(Crs::wgs84(), mCanvas->crs());
    std::vector<QPointF> px;
    for (const QPointF &ll : std::as_const(preview.lonLat))
        px.push_back(mCanvas->toWidget(toMap.forward(ll)));
    if (mType == Annotation::Type::Polygon && px.size() == 2) {
        p.setPen(QPen(mStyle.colour, mStyle.widthPx, Qt::DashLine));
        p.drawLine(px[0], px[1]);
        return;
    }
    paintAnnotation(p, preview, px);
}

} // namespace sightline
