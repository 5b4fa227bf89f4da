#pragma once

#include "render/maprenderer.h"
#include "map/mapsettings.h"

#include <QImage>
#include <QList>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <memory>

namespace sightline {

class LayerStack;

/// The map view. Holds the view (centre, resolution, CRS), forwards input to
/// it, and shows rendered frames: while a new frame renders in the background
/// the previous one is drawn scaled and shifted to the current view, and a
/// newer view cancels the render in flight without waiting for it.
class MapCanvas : public QWidget
{
    Q_OBJECT
public:
    enum class Tool
    {
        Pan,
        ZoomBox,
        Identify
    };

    explicit MapCanvas(LayerStack *layers, QWidget *parent = nullptr);
    ~MapCanvas() override;

    /// The view as a render would see it now (widget size, device pixels).
    MapSettings mapSettings() const;
    const Crs &crs() const { return mCrs; }
    QPointF center() const { return mCenter; }
    /// Map units per logical pixel.
    double resolution() const { return mResolution; }
    /// Visible extent in map units.
    QRectF visibleExtent() const;
    QPointF toMap(QPointF widgetPos) const;
    QPointF toWidget(QPointF mapPoint) const;

    Tool tool() const { return mTool; }
    /// An interactive tool (measure, draw) that takes the mouse; null for the built-in tools.
    class MapTool *mapTool() const { return mMapTool; }
    void setMapTool(class MapTool *tool);
    bool isRendering() const { return mJob != nullptr || mRenderTimer.isActive(); }
    /// The last completed frame (device pixels), for export and tests.
    const QImage &frame() const { return mFrame; }
    /// The time the map shows (tracks, sightings and events outside it are not drawn), and the
    /// instant each vessel is marked at (0: none). See TimeController.
    const TimeWindow &timeWindow() const { return mTimeWindow; }
    std::int64_t cursorMs() const { return mCursorMs; }

public Q_SLOTS:
    void setTool(Tool tool);
    void setView(QPointF center, double resolution);
    void zoomToWgs84(const QRectF &lonLatBox);
    void zoomToMapRect(const QRectF &rect);
    void zoomToFullExtent();
    /// Zooms to the layer's extent with a 5 % margin on each side.
    void zoomToLayer(const QString &layerId);
    /// `lonLat` grown by `fraction` of its size on each side: room around what is framed.
    static QRectF withMargin(const QRectF &lonLat, double fraction = 0.05);
    /// Brings a lon/lat box into sight without zooming: nothing when any of it is on screen already,
    /// else the view pans to centre it at the same scale. What selecting something does; zooming to
    /// it is the user's explicit choice (zoomToWgs84).
    void revealWgs84(const QRectF &lonLatBox);
    /// Zooms by `factor` (>1 zooms in) keeping the map point under `anchor` fixed.
    void zoomBy(double factor, QPointF anchor);
    void zoomIn();
    void zoomOut();
    void panByPixels(QPointF delta);
    void centerOnWgs84(QPointF lonLat, double resolution = 0);
    /// Re-renders the current view (after a layer changed).
    void refresh();
    void setTimeWindow(const sightline::TimeWindow &window);
    void setCursorMs(qint64 ms);

Q_SIGNALS:
    void viewChanged();
    /// Cursor position in map units, or an invalid point when it left the map.
    void cursorMoved(QPointF mapPoint, bool inside);
    void renderStarted();
    void renderFinished(qint64 milliseconds);
    void renderErrors(const QList<sightline::RenderError> &errors);
    /// The Identify tool clicked at `mapPoint`; `toleranceMap` is a few pixels in map units.
    void identifyRequested(QPointF mapPoint, double toleranceMap);
    /// A right click (or the Menu key) on the map with no map tool taking the right button: the
    /// context menu is wanted at `widgetPos`.
    void contextMenuRequested(QPointF widgetPos);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    void scheduleRender(int delayMs = 0);
    void startRender();
    void onJobFinished(MapRenderJob *job);
    void viewUpdated();

    LayerStack *mLayers;
    Crs mCrs;
    QPointF mCenter;
    double mResolution = 0.0;
    bool mHasView = false;
    TimeWindow mTimeWindow;
    std::int64_t mCursorMs = 0;

    Tool mTool = Tool::Pan;
    class MapTool *mMapTool = nullptr;
    bool mDragging = false;
    QPointF mPressPos;
    QPointF mLastPos;
    bool mZoomBoxActive = false;
    QRectF mZoomBox;

    QTimer mRenderTimer;
    MapRenderJob *mJob = nullptr;
    /// Cancelled jobs still finishing on workers; they delete themselves when done.
    QList<QPointer<MapRenderJob>> mStaleJobs;
    QImage mFrame;
    MapSettings mFrameSettings;
};

} // namespace sightline
