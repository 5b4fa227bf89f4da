#include "ui/map/mapcanvas.h"

#include "geo/transform.h"
#include "layers/layerstack.h"
#include "ui/map/maptool.h"
#include "render/mapdecorations.h"

#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

namespace sightline {

namespace {
constexpr double kWheelZoomFactor = 1.5; // per 120 wheel units, as in QGIS
constexpr double kKeyPanFraction = 0.25; // arrow keys move a quarter of the view
constexpr int kRenderDelayMs = 30;       // gathers wheel bursts into one render
const QColor kBackground(0xEE, 0xF1, 0xF4);
} // namespace

MapCanvas::MapCanvas(LayerStack *layers, QWidget *parent)
    : QWidget(parent)
    , mLayers(layers)
    , mCrs(Crs::webMercator())
{
    setObjectName(QStringLiteral("mapCanvas"));
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(200, 150);
    mRenderTimer.setSingleShot(true);
    connect(&mRenderTimer, &QTimer::timeout, this, &MapCanvas::startRender);
    connect(mLayers, &LayerStack::changed, this, &MapCanvas::refresh);
    // Start on the whole world so an empty canvas still shows where things would go.
    mCenter = QPointF(0, 0);
    mResolution = 40075016.0 / 1024;
}

MapCanvas::~MapCanvas()
{
    // Workers must not outlive the canvas whose jobs they fill.
    for (const QPointer<MapRenderJob> &stale : std::as_const(mStaleJobs)) {
        if (stale) {
            stale->cancelAndWait();
            delete stale.data();
        }
    }
    if (mJob) {
        mJob->cancelAndWait();
        delete mJob;
    }
}

MapSettings MapCanvas::mapSettings() const
{
    MapSettings s;
    s.setDestinationCrs(mCrs);
    const qreal dpr = devicePixelRatioF();
    s.setOutputSize(QSize(qMax(1, int(width() * dpr)), qMax(1, int(height() * dpr))));
    s.setExtent(visibleExtent());
    s.setDpi(logicalDpiX() * dpr);
    s.setLayers(mLayers->layers());
    s.setTimeWindow(mTimeWindow);
    s.setCursorMs(mCursorMs);
    return s;
}

void MapCanvas::setTimeWindow(const TimeWindow &window)
{
    if (window == mTimeWindow)
        return;
    mTimeWindow = window;
    refresh();
}

void MapCanvas::setCursorMs(qint64 ms)
{
    if (ms == mCursorMs)
        return;
    mCursorMs = ms;
    refresh();
}

QRectF MapCanvas::visibleExtent() const
{
    const double w = width() * mResolution, h = height() * mResolution;
    return QRectF(mCenter.x() - w / 2, mCenter.y() - h / 2, w, h);
}

QPointF MapCanvas::toMap(QPointF p) const
{
    return {mCenter.x() + (p.x() - width() / 2.0) * mResolution,
            mCenter.y() - (p.y() - height() / 2.0) * mResolution};
}

QPointF MapCanvas::toWidget(QPointF m) const
{
    return {(m.x() - mCenter.x()) / mResolution + width() / 2.0,
            (mCenter.y() - m.y()) / mResolution + height() / 2.0};
}

void MapCanvas::setMapTool(MapTool *tool)
{
    if (mMapTool && mMapTool != tool)
        mMapTool->deactivate();
    mMapTool = tool;
    if (tool)
        setCursor(tool->cursor());
    update();
}

void MapCanvas::setTool(Tool tool)
{
    if (mMapTool)
        setMapTool(nullptr);
    mTool = tool;
    setCursor(tool == Tool::Pan        ? Qt::OpenHandCursor
              : tool == Tool::Identify ? Qt::PointingHandCursor
                                       : Qt::CrossCursor);
}

void MapCanvas::setView(QPointF center, double resolution)
{
    if (!(resolution > 0) || !std::isfinite(center.x()) || !std::isfinite(center.y()))
        return;
    mCenter = center;
    mResolution = resolution;
    mHasView = true;
    viewUpdated();
}

void MapCanvas::zoomToMapRect(const QRectF &rect)
{
    if (rect.isEmpty() || width() <= 0 || height() <= 0)
        return;
    setView(rect.center(), std::max(rect.width() / width(), rect.height() / height()));
}

void MapCanvas::zoomToWgs84(const QRectF &lonLatBox)
{
    QRectF box = lonLatBox;
    if (box.width() <= 0 || box.height() <= 0) // a point: show a few kilometres around it
        box = QRectF(box.center() - QPointF(0.02, 0.02), QSizeF(0.04, 0.04));
    // The same framing as `sightline render --extent`, so the CLI shows what the canvas shows.
    zoomToMapRect(MapSettings::fromWgs84Extent(box, size(), mCrs).visibleExtent());
}

void MapCanvas::zoomToFullExtent()
{
    const QRectF e = mLayers->fullExtentWgs84();
    if (!e.isNull())
        zoomToWgs84(e);
}

QRectF MapCanvas::withMargin(const QRectF &lonLat, double fraction)
{
    const double dx = lonLat.width() * fraction, dy = lonLat.height() * fraction;
    return lonLat.adjusted(-dx, -dy, dx, dy);
}

void MapCanvas::zoomToLayer(const QString &layerId)
{
    // A little room around the layer, so features on its edge are not on the map's.
    if (auto layer = mLayers->find(layerId))
        zoomToWgs84(withMargin(layer->extentWgs84()));
}

void MapCanvas::revealWgs84(const QRectF &lonLatBox)
{
    const QRectF box = lonLatBox.normalized();
    if (!std::isfinite(box.x()) || !std::isfinite(box.y()))
        return;
    const Transform toMapCrs(Crs::wgs84(), mCrs);
    QRectF onMap = toMapCrs.forwardBounds(box);
    if (onMap.isNull()) // a point
        onMap = QRectF(toMapCrs.forward(box.center()), QSizeF(0, 0));
    const QRectF visible = visibleExtent();
    const bool inSight = onMap.width() > 0 || onMap.height() > 0 ? visible.intersects(onMap)
                                                                 : visible.contains(onMap.center());
    if (inSight || !std::isfinite(onMap.center().x()))
        return;
    setView(onMap.center(), mResolution);
}

void MapCanvas::zoomBy(double factor, QPointF anchor)
{
    if (factor <= 0)
        return;
    const QPointF m = toMap(anchor);
    const QPointF c = m - (m - mCenter) / factor;
    setView(c, mResolution / factor);
}

void MapCanvas::zoomIn()
{
    zoomBy(2.0, rect().center());
}

void MapCanvas::zoomOut()
{
    zoomBy(0.5, rect().center());
}

void MapCanvas::panByPixels(QPointF delta)
{
    setView(mCenter - QPointF(delta.x() * mResolution, -delta.y() * mResolution), mResolution);
}

void MapCanvas::centerOnWgs84(QPointF lonLat, double resolution)
{
    const Transform toMap(Crs::wgs84(), mCrs);
    const QPointF c = toMap.forward(lonLat);
    setView(c, resolution > 0 ? resolution : mResolution);
}

void MapCanvas::refresh()
{
    scheduleRender();
}

void MapCanvas::viewUpdated()
{
    update();
    Q_EMIT viewChanged();
    // While dragging only the old frame moves; the render waits for the release.
    if (!mDragging)
        scheduleRender(kRenderDelayMs);
}

void MapCanvas::scheduleRender(int delayMs)
{
    mRenderTimer.start(delayMs);
}

void MapCanvas::startRender()
{
    if (width() <= 0 || height() <= 0)
        return;
    if (mJob) {
        // Leave the stale job to finish on its own and delete itself; never block the UI.
        MapRenderJob *stale = mJob;
        mJob = nullptr;
        disconnect(stale, nullptr, this, nullptr);
        connect(stale, &MapRenderJob::finished, stale, &QObject::deleteLater);
        stale->cancel();
        mStaleJobs.removeAll(nullptr);
        mStaleJobs.append(stale);
    }
    mJob = new MapRenderJob(mapSettings());
    MapRenderJob *job = mJob;
    connect(job, &MapRenderJob::finished, this, [this, job] { onJobFinished(job); });
    Q_EMIT renderStarted();
    job->start();
}

void MapCanvas::onJobFinished(MapRenderJob *job)
{
    if (job != mJob) {
        job->deleteLater();
        return;
    }
    mJob = nullptr;
    mFrame = job->image();
    mFrame.setDevicePixelRatio(devicePixelRatioF());
    mFrameSettings = job->settings();
    const QList<RenderError> errors = job->errors();
    const qint64 ms = job->elapsedMs();
    job->deleteLater();
    update();
    if (!errors.isEmpty())
        Q_EMIT renderErrors(errors);
    Q_EMIT renderFinished(ms);
}

void MapCanvas::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), kBackground);
    if (!mFrame.isNull() && mFrameSettings.isValid() && mFrameSettings.destinationCrs() == mCrs) {
        const QRectF e = mFrameSettings.visibleExtent();
        const QRectF target(toWidget(QPointF(e.left(), e.bottom())), toWidget(QPointF(e.right(), e.top())));
        p.setRenderHint(QPainter::SmoothPixmapTransform, !mDragging);
        p.drawImage(target, mFrame);
    }
    // Furniture follows the live view, so it stays right while a frame is still rendering.
    {
        p.save();
        const qreal dpr = devicePixelRatioF();
        p.scale(1 / dpr, 1 / dpr);
        paintMapDecorations(p, mapSettings());
        p.restore();
    }
    if (mMapTool) {
        p.save();
        p.setRenderHint(QPainter::Antialiasing);
        mMapTool->paint(p);
        p.restore();
    }
    if (mZoomBoxActive) {
        p.setPen(QPen(QColor(0x1f, 0x6f, 0xd1), 1.5, Qt::DashLine));
        p.setBrush(QColor(0x1f, 0x6f, 0xd1, 40));
        p.drawRect(mZoomBox.normalized());
    }
}

void MapCanvas::resizeEvent(QResizeEvent *)
{
    if (!mHasView && !mLayers->layers().isEmpty())
        zoomToFullExtent();
    scheduleRender(kRenderDelayMs);
}

void MapCanvas::mousePressEvent(QMouseEvent *event)
{
    if (mMapTool && event->button() != Qt::MiddleButton) {
        mMapTool->press(event);
        update();
        return;
    }
    if (event->button() == Qt::RightButton) {
        Q_EMIT contextMenuRequested(event->position());
        return;
    }
    if (event->button() != Qt::LeftButton && event->button() != Qt::MiddleButton)
        return;
    mPressPos = mLastPos = event->position();
    if (mTool == Tool::Identify && event->button() == Qt::LeftButton) {
        constexpr double kPickPixels = 8;
        Q_EMIT identifyRequested(toMap(mPressPos), kPickPixels * mResolution);
        return;
    }
    if (mTool == Tool::ZoomBox && event->button() == Qt::LeftButton) {
        mZoomBoxActive = true;
        mZoomBox = QRectF(mPressPos, mPressPos);
    } else {
        mDragging = true;
        setCursor(Qt::ClosedHandCursor);
    }
}

void MapCanvas::mouseMoveEvent(QMouseEvent *event)
{
    const QPointF pos = event->position();
    Q_EMIT cursorMoved(toMap(pos), true);
    if (mMapTool && !mDragging) {
        mMapTool->move(event);
        update();
        return;
    }
    if (mDragging) {
        const QPointF delta = pos - mLastPos;
        mLastPos = pos;
        panByPixels(delta);
    } else if (mZoomBoxActive) {
        mZoomBox.setBottomRight(pos);
        update();
    }
}

void MapCanvas::mouseReleaseEvent(QMouseEvent *event)
{
    if (mMapTool && !mDragging) {
        mMapTool->release(event);
        update();
        return;
    }
    if (mDragging) {
        mDragging = false;
        setTool(mTool); // restores the tool's cursor
        const QPointF delta = event->position() - mLastPos;
        if (!delta.isNull())
            panByPixels(delta);
        scheduleRender();
        return;
    }
    if (mZoomBoxActive) {
        const QRectF box = mZoomBox.normalized();
        mZoomBoxActive = false;
        mZoomBox = QRectF();
        if (box.width() > 4 && box.height() > 4) {
            const QPointF a = toMap(box.topLeft()), b = toMap(box.bottomRight());
            zoomToMapRect(QRectF(a, b).normalized());
        } else {
            zoomBy(2.0, box.center()); // a click with the zoom tool zooms in there
        }
        update();
    }
}

void MapCanvas::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (mMapTool) {
        mMapTool->doubleClick(event);
        update();
        return;
    }
    zoomBy(2.0, event->position());
}

void MapCanvas::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0)
        return;
    zoomBy(std::pow(kWheelZoomFactor, steps), event->position());
    event->accept();
}

void MapCanvas::keyPressEvent(QKeyEvent *event)
{
    if (mMapTool && mMapTool->key(event)) {
        update();
        event->accept();
        return;
    }
    const double dx = width() * kKeyPanFraction, dy = height() * kKeyPanFraction;
    switch (event->key()) {
    case Qt::Key_Left:
        panByPixels(QPointF(dx, 0));
        break;
    case Qt::Key_Right:
        panByPixels(QPointF(-dx, 0));
        break;
    case Qt::Key_Up:
        panByPixels(QPointF(0, dy));
        break;
    case Qt::Key_Down:
        panByPixels(QPointF(0, -dy));
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        break;
    case Qt::Key_Minus:
        zoomOut();
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void MapCanvas::contextMenuEvent(QContextMenuEvent *event)
{
    // A right press has opened the menu already (mousePressEvent); the Menu key has not. With a map
    // tool, the tool owns the right button and there is no menu.
    if (event->reason() != QContextMenuEvent::Keyboard || mMapTool)
        return;
    const QPointF at = rect().contains(event->pos()) ? QPointF(event->pos()) : QPointF(rect().center());
    Q_EMIT contextMenuRequested(at);
    event->accept();
}

void MapCanvas::leaveEvent(QEvent *)
{
    Q_EMIT cursorMoved(QPointF(), false);
}

} // namespace sightline
