#pragma once

#include <QList>
#include <QObject>
#include <QPointF>
#include <QRectF>

#include <cstdint>
#include <memory>

class QAction;
class QActionGroup;
class QDockWidget;
class QLabel;
class QLineEdit;
class QMenu;
class QWidget;

namespace sightline {

class IdentifyPanel;
class MapContextMenu;
class LayerPanel;
class LayerStack;
class MapCanvas;
class MeasurePanel;
class MeasureTool;
class MessageBar;
class ProjectController;
class SavedViewsMenu;
struct RenderError;

/// Getting about the map: the View menu's tools (pan, zoom box, identify, measure), zooms, Go to
/// Coordinate and Saved Views; the Identify and Measure docks; and the status bar's cursor
/// position (DD, DMS, MGRS), scale and render time.
class MapActions : public QObject
{
    Q_OBJECT
public:
    MapActions(MapCanvas *canvas, LayerStack *layers, LayerPanel *layerPanel, ProjectController *project,
               MessageBar *messages, QWidget *window);
    ~MapActions() override;

    /// Fills the View menu: the map tools (which join `tools`), the zooms, Go to Coordinate,
    /// Saved Views and Refresh.
    void populateViewMenu(QMenu *menu, QActionGroup *tools);
    /// For the Map toolbar: Pan, Zoom to Box, Identify, Measure.
    QList<QAction *> toolActions() const { return mToolActions; }
    /// For the Map toolbar: Zoom In, Zoom Out, Zoom to All Layers, Zoom to Layer.
    QList<QAction *> zoomActions() const { return mZoomActions; }
    /// Where a coordinate or MGRS reference is typed (the Map toolbar's end).
    QLineEdit *goToEdit() const { return mGoTo; }

    QDockWidget *identifyDock() const { return mIdentifyDock; }
    QDockWidget *measureDock() const { return mMeasureDock; }
    IdentifyPanel *identifyPanel() const { return mIdentifyPanel; }
    MeasureTool *measureTool() const { return mMeasureTool.get(); }
    MeasurePanel *measurePanel() const { return mMeasurePanel; }
    SavedViewsMenu *savedViews() const { return mSavedViews; }
    /// The map's right-click menu.
    MapContextMenu *contextMenu() const { return mContextMenu; }
    /// For the status bar: the render time (left), then the cursor position and scale (right).
    QLabel *renderTimeLabel() const { return mRenderTime; }
    QList<QLabel *> positionLabels() const;

    /// Frames the map on a lon/lat box; new layers then no longer frame it.
    void zoomToWgs84(const QRectF &lonLatBox);
    /// Frames the map on a layer that arrived first on an empty map, unless the view was framed already.
    void frameNewLayer(const QString &layerId);
    /// Frames the layers opened into an empty map together (their joint extent, with a margin),
    /// until the view has been framed on purpose.
    void frameNewLayers(const QStringList &layerIds);
    /// Centres the map on a typed coordinate or MGRS reference; false and a message when the text
    /// cannot be read.
    bool goTo(const QString &text);
    /// Shows what lies under a click (IdentifyHit order): sightings and events are handed on,
    /// features are selected and, with positions, listed in the Identify dock.
    void identify(QPointF mapPoint, double toleranceMap);
    /// The scale at the centre of the view, in the status bar.
    void updateScale();

Q_SIGNALS:
    void sightingIdentified(std::int64_t id);
    void eventIdentified(std::int64_t id);
    void statusMessage(const QString &text, int timeoutMs);

private:
    void updateCursorPosition(QPointF mapPoint, bool inside);
    void showRenderErrors(const QList<RenderError> &errors);

    MapCanvas *mCanvas;
    LayerStack *mLayers;
    LayerPanel *mLayerPanel;
    ProjectController *mProject;
    MessageBar *mMessages;
    QWidget *mWindow;
    IdentifyPanel *mIdentifyPanel;
    QDockWidget *mIdentifyDock;
    std::unique_ptr<MeasureTool> mMeasureTool;
    MeasurePanel *mMeasurePanel;
    QDockWidget *mMeasureDock;
    QLineEdit *mGoTo;
    SavedViewsMenu *mSavedViews = nullptr;
    MapContextMenu *mContextMenu;
    QList<QAction *> mToolActions;
    QList<QAction *> mZoomActions;
    QLabel *mCoordDd;
    QLabel *mCoordDms;
    QLabel *mCoordMgrs;
    QLabel *mScale;
    QLabel *mRenderTime;
    bool mFramedOnce = false;
};

} // namespace sightline
