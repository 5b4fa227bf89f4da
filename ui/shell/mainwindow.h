#pragma once

#include "render/maprenderer.h"

#include <QHash>
#include <QMainWindow>
#include <QPointF>
#include <QStringList>

#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QToolButton;
class QUndoStack;
class QActionGroup;

namespace sightline {

class LayerStack;
class LayerPanel;
class MapCanvas;
class MessageBar;
class VesselPanel;
class IdentifyPanel;
class MeasureTool;
class MeasurePanel;
class AttributeTable;
class DrawTool;
class StylePanel;
class VertexTool;
class ProjectController;
class SightingActions;
class SightingPanel;
class AnnotationActions;
class AnalysisActions;
class EventsPanel;
class SavedViewsMenu;
class BriefActions;
class TimeActions;
class TimeController;
class TimelineDock;
class TrackLayer;
struct CsvColumnMapping;
struct ProjectTrackImportOutcome;

/// The workbench window: map canvas in the middle, layers on the left,
/// coordinates and scale below. Owns the layer stack it shows.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    MapCanvas *canvas() const { return mCanvas; }
    LayerStack *layers() const { return mLayers; }
    LayerPanel *layerPanel() const { return mLayerPanel; }
    MessageBar *messageBar() const { return mMessageBar; }
    VesselPanel *vesselPanel() const { return mVesselPanel; }
    IdentifyPanel *identifyPanel() const { return mIdentifyPanel; }
    MeasureTool *measureTool() const { return mMeasureTool.get(); }
    MeasurePanel *measurePanel() const { return mMeasurePanel; }
    AttributeTable *attributeTable() const { return mAttributeTable; }
    DrawTool *drawTool() const { return mDrawTool.get(); }
    StylePanel *stylePanel() const { return mStylePanel; }
    VertexTool *vertexTool() const { return mVertexTool.get(); }
    QUndoStack *undoStack() const { return mUndo; }
    ProjectController *projectController() const { return mProject; }
    SightingActions *sightingActions() const { return mSightings; }
    SightingPanel *sightingPanel() const { return mSightingPanel; }
    AnnotationActions *annotationActions() const { return mAnnotations; }
    SavedViewsMenu *savedViews() const { return mSavedViews; }
    AnalysisActions *analysisActions() const { return mAnalysis; }
    EventsPanel *eventsPanel() const { return mEventsPanel; }
    BriefActions *briefActions() const { return mBriefs; }
    TimeController *timeController() const { return mTime; }
    TimelineDock *timelineDock() const { return mTimelineDock; }
    /// Makes a new, empty drawing layer saved at `path` (GeoJSON or GeoPackage) and adds it.
    bool createDrawingLayer(const QString &path);
    /// Shows a vector layer's attribute table (Layer → Attribute Table, F6).
    void openAttributeTable(const QString &layerId);
    /// The report of the last AIS import, as shown by "Details".
    const QString &lastImportReport() const { return mLastImportReport; }
    /// True while layers are being opened in the background.
    bool isLoading() const { return mPendingOpens > 0; }

public Q_SLOTS:
    /// Opens files or sources in the background; each failure is reported in
    /// the message bar and the others still open.
    void openFiles(const QStringList &sources);
    /// Opens a project file (File → Open Project), replacing what is on screen.
    bool openProject(const QString &path);
    /// Opens the named layers of a vector source (a PostGIS connection, a GeoPackage) without asking.
    void openVectorLayers(const QString &source, const QStringList &layerNames);
    /// Imports track files (AIS logs whatever their names, CSV, GPX) with progress, cancel and a
    /// report: into the open project (offering to create one when none is open), or, when the
    /// user declines or the project is read-only, as a layer read from the file.
    void importAisLogs(const QStringList &paths);
    /// Asks a running import to stop; what was read so far is kept.
    void cancelImports();
    /// Adds a corridor layer around the selected (or all) lines of a layer,
    /// `halfWidthMetres` either side, measured on the ground.
    bool addCorridor(const QString &lineLayerId, double halfWidthMetres);
    void zoomToWgs84(const QRectF &lonLatBox);
    /// Centres the map on a typed coordinate or MGRS reference; false and a
    /// message when the text cannot be read.
    bool goTo(const QString &text);

Q_SIGNALS:
    /// One source finished opening (successfully or not).
    void sourceOpened(const QString &source, bool ok);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createStatusBar();
    void openDialog();
    void addServiceDialog();
    void showLayerProperties(const QString &id);
    void removeLayer(const QString &id);
    void buildOverviews(const QString &id);
    void addToRecent(const QString &source);
    void createProjectActions(QMenu *file);
    void updateTitle();
    void updateRecentProjectsMenu();
    void updateRecentMenu();
    void updateCursorPosition(QPointF mapPoint, bool inside);
    void updateScale();
    void showRenderErrors(const QList<RenderError> &errors);
    void showAbout();
    void openSources(const QStringList &sources, bool forceAis,
                     const QHash<QString, QStringList> &chosenLayers = {});
    void onLayerOpened(const QString &source, const std::shared_ptr<class Layer> &layer, const QString &error,
                       const QString &report);
    void importDialog();
    /// The files with the columns of each CSV that matches no known export asked for (one
    /// left out when its dialog is cancelled or its header cannot be read).
    QStringList chooseTrackColumns(const QStringList &paths, QHash<QString, CsvColumnMapping> *mappings);
    void importIntoProject(const QStringList &paths);
    void onProjectImportFinished(const ProjectTrackImportOutcome &outcome);
    /// The import bar with its Cancel, owned by the import that `cancel` stops.
    void showImportProgress(const std::shared_ptr<std::atomic<bool>> &cancel);
    void hideImportProgress(const std::shared_ptr<std::atomic<bool>> &cancel);
    void showProjectTracks(const std::shared_ptr<TrackLayer> &tracks);
    void showImportReport();
    void activateVessel(const QString &layerId, std::uint32_t mmsi);
    void identify(QPointF mapPoint, double toleranceMap);
    void buildCorridorLayer(const QString &lineLayerId);
    std::shared_ptr<class VectorLayer> editLayer();
    void startDrawing(int kind);
    void onShapeDrawn(int kind, const std::vector<QPointF> &lonLat);
    void onVertexMoved(std::size_t feature, std::size_t vertex, QPointF toLonLat);
    void applyEdit(const std::shared_ptr<class VectorLayer> &layer,
                   std::shared_ptr<const class VectorData> data);

    LayerStack *mLayers;
    MapCanvas *mCanvas;
    LayerPanel *mLayerPanel;
    MessageBar *mMessageBar;
    QLineEdit *mGoTo;
    QMenu *mRecentMenu = nullptr;
    QMenu *mRecentProjectsMenu = nullptr;
    ProjectController *mProject = nullptr;
    SightingActions *mSightings = nullptr;
    SightingPanel *mSightingPanel = nullptr;
    AnnotationActions *mAnnotations = nullptr;
    SavedViewsMenu *mSavedViews = nullptr;
    AnalysisActions *mAnalysis = nullptr;
    EventsPanel *mEventsPanel = nullptr;
    BriefActions *mBriefs = nullptr;
    TimeActions *mTimeActions = nullptr;
    QLabel *mCoordDd;
    QLabel *mCoordDms;
    QLabel *mCoordMgrs;
    QLabel *mScale;
    QLabel *mRenderTime;
    QProgressBar *mProgress;
    QProgressBar *mImportProgress = nullptr;
    QToolButton *mCancelImport = nullptr;
    std::shared_ptr<std::atomic<bool>> mCancelFlag;
    VesselPanel *mVesselPanel;
    IdentifyPanel *mIdentifyPanel;
    TimeController *mTime;
    TimelineDock *mTimelineDock;
    std::unique_ptr<MeasureTool> mMeasureTool;
    MeasurePanel *mMeasurePanel = nullptr;
    AttributeTable *mAttributeTable = nullptr;
    QUndoStack *mUndo = nullptr;
    StylePanel *mStylePanel = nullptr;
    std::unique_ptr<DrawTool> mDrawTool;
    std::unique_ptr<VertexTool> mVertexTool;
    QString mLastImportReport;
    int mPendingOpens = 0;
    bool mFramedOnce = false;
};

} // namespace sightline
