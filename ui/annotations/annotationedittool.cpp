#include "ui/annotations/annotationedittool.h"

#include "geo/transform.h"
#include "layers/layerstack.h"
#include "layers/sightinglayer.h"
#include "ui/map/mapcanvas.h"
#include "ui/project/projectcontroller.h"
#include "map/annotationpainter.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>

namespace sightline {

namespace {
constexpr double kHandlePixels = 7;
constexpr double kPickPixels = 6;
} // namespace

AnnotationEditTool::AnnotationEditTool(MapCanvas *canvas, LayerStack *layers, ProjectController *project)
    : MapTool(canvas)
    , mLayers(layers)
    , mProject(project)
{
}

std::optional<Annotation> AnnotationEditTool::stored(std::int64_t id) const
{
    if (auto layer = mProject->sightingLayer())
        for (const Annotation &a : layer->annotations())
            if (a.id == id)
                return a;
    return std::nullopt;
}

std::vector<QPointF> AnnotationEditTool::toWidget(const Annotation &a) const
{
    const Transform toMap(Crs::wgs84(), mCanvas->crs());
    std::vector<QPointF> px;
    for (const QPointF &ll : a.lonLat)
        px.push_back(mCanvas->toWidget(toMap.forward(ll)));
    return px;
}

QPointF AnnotationEditTool::toLonLat(QPointF widget) const
{
    return Transform(mCanvas->crs(), Crs::wgs84()).forward(mCanvas->toMap(widget));
}

void AnnotationEditTool::select(std::int64_t id)
{
    mSelected = id;
    if (auto layer = mProject->sightingLayer(); layer && layer->selectedAnnotation() != id) {
        layer->setSelectedAnnotation(id);
        mLayers->notifyStyleChanged(layer->id());
    }
}

void AnnotationEditTool::setHidden(std::int64_t id)
{
    if (auto layer = mProject->sightingLayer()) {
        layer->setHiddenAnnotation(id);
        mLayers->notifyStyleChanged(layer->id());
    }
}

void AnnotationEditTool::press(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    const QPointF at = event->position();
    mHandle = -1;
    mMoved = false;
    mWorking.reset();
    // The selected annotation's handles come first: they sit on its outline.
    if (const auto current = stored(mSelected)) {
        const std::vector<QPointF> handles = annotationHandles(*current, toWidget(*current));
        for (int i = 0; i < int(handles.size()); ++i)
            if (std::hypot(handles[i].x() - at.x(), handles[i].y() - at.y()) <= kHandlePixels)
                mHandle = i;
        if (mHandle >= 0) {
            mOriginal = *current;
            mWorking = current;
            mPressMap = mCanvas->toMap(at);
            return;
        }
    }
    auto layer = mProject->sightingLayer();
    const std::int64_t hit =
        layer ? layer->pickAnnotation(toLonLat(at), mCanvas->mapSettings(), kPickPixels) : 0;
    select(hit);
    if (const auto picked = stored(hit)) {
        mOriginal = *picked;
        mWorking = picked;
        mPressMap = mCanvas->toMap(at);
    }
}

void AnnotationEditTool::move(QMouseEvent *event)
{
    if (!mWorking || !(event->buttons() & Qt::LeftButton))
        return;
    if (!mMoved) {
        mMoved = true;
        setHidden(mOriginal.id); // the tool draws it while it moves
    }
    const Transform toMap(Crs::wgs84(), mCanvas->crs()), toWgs84(mCanvas->crs(), Crs::wgs84());
    const QPointF ll = toLonLat(event->position());
    Annotation a = mOriginal;
    const bool box = a.type == Annotation::Type::Rectangle || a.type == Annotation::Type::Ellipse;
    if (mHandle < 0) {
        // Moved on the screen's plane, so it keeps its shape on the map.
        const QPointF delta = mCanvas->toMap(event->position()) - mPressMap;
        for (QPointF &p : a.lonLat)
            p = toWgs84.forward(toMap.forward(p) + delta);
    } else if (box) {
        const std::vector<QPointF> corners = annotationHandles(mOriginal, toWidget(mOriginal));
        a.lonLat = {toLonLat(corners[std::size_t((mHandle + 2) % 4)]), ll};
    } else {
        a.lonLat[mHandle] = ll;
    }
    mWorking = a;
}

void AnnotationEditTool::release(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !mWorking)
        return;
    const Annotation done = *mWorking;
    const bool moved = mMoved && done.lonLat != mOriginal.lonLat;
    mWorking.reset();
    mMoved = false;
    setHidden(0);
    if (moved)
        Q_EMIT annotationChanged(done);
}

void AnnotationEditTool::doubleClick(QMouseEvent *event)
{
    auto layer = mProject->sightingLayer();
    const std::int64_t hit =
        layer ? layer->pickAnnotation(toLonLat(event->position()), mCanvas->mapSettings(), kPickPixels) : 0;
    if (hit) {
        select(hit);
        Q_EMIT propertiesRequested(hit);
    }
}

bool AnnotationEditTool::key(QKeyEvent *event)
{
    if ((event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace) && mSelected) {
        const std::int64_t id = mSelected;
        select(0);
        Q_EMIT deleteRequested(id);
        return true;
    }
    if (event->key() == Qt::Key_Escape) {
        if (mWorking) {
            mWorking.reset();
            mMoved = false;
            setHidden(0);
        } else {
            select(0);
        }
        return true;
    }
    return false;
}

void AnnotationEditTool::paint(QPainter &p)
{
    if (mWorking && mMoved)
        paintAnnotation(p, *mWorking, toWidget(*mWorking), 1.0, true);
}

void AnnotationEditTool::deactivate()
{
    if (mWorking)
        setHidden(0);
    mWorking.reset();
    mMoved = false;
    select(0);
}

} // namespace sightline
