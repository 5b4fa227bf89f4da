#pragma once

#include <QMainWindow>
#include <QRectF>
#include <QStringList>

class QActionGroup;
class QMenu;
class QUndoStack;

namespace sightline {

class AnalysisActions;
class DetectionActions;
class AnnotationActions;
class BriefActions;
class EditingActions;
class LayerActions;
class LayerPanel;
class LayerStack;
class LoadStatus;
class MapActions;
class MapCanvas;
class MessageBar;
class ProjectController;
class SightingActions;
class TimeActions;
class TimeController;
class TrackImportActions;
class WindowLayout;

/// The workbench window: map canvas in the middle, layers on the left, coordinates and scale
/// below. It owns what the features share (the layer stack, the canvas, the current layer, the
/// message bar, the undo stack, the project, the time), makes one *Actions object per feature,
/// places their actions, toolbars and docks, and wires one feature's signals to another's.
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
    QUndoStack *undoStack() const { return mUndo; }
    LoadStatus *loadStatus() const { return mLoad; }
    ProjectController *projectController() const { return mProject; }
    TimeController *timeController() const { return mTime; }

    MapActions *mapActions() const { return mMap; }
    LayerActions *layerActions() const { return mLayerActions; }
    TrackImportActions *trackImports() const { return mTrackImports; }
    EditingActions *editingActions() const { return mEditing; }
    SightingActions *sightingActions() const { return mSightings; }
    AnnotationActions *annotationActions() const { return mAnnotations; }
    AnalysisActions *analysisActions() const { return mAnalysis; }
    DetectionActions *detectionActions() const { return mDetection; }
    BriefActions *briefActions() const { return mBriefs; }
    TimeActions *timeActions() const { return mTimeActions; }
    /// Where the docks go, the View menu's panels and Reset Layout, the layout kept across sessions.
    WindowLayout *windowLayout() const { return mWindowLayout; }

public Q_SLOTS:
    /// Opens files or sources in the background; each failure is reported in
    /// the message bar and the others still open. A project among them opens as the project.
    void openFiles(const QStringList &sources);
    /// Opens a project file (File → Open Project), replacing what is on screen.
    bool openProject(const QString &path);
    /// Frames the map on a lon/lat box; layers opened later no longer frame it.
    void zoomToWgs84(const QRectF &lonLatBox);

Q_SIGNALS:
    /// One source finished opening or importing (successfully or not).
    void sourceOpened(const QString &source, bool ok);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createDocks();
    void createFileMenu();
    void createProjectActions(QMenu *file);
    /// File → Export Case: the dialog, on the project, the time slider's window and the map's view.
    void showCaseExport();
    void createViewMenu(QActionGroup *tools);
    void createEditMenu(QActionGroup *tools);
    void createFeatureMenus(QActionGroup *tools);
    void createLayerMenu();
    void createHelpMenu();
    void createStatusBar();
    void connectFeatures();
    void updateTitle();
    void updateRecentProjectsMenu();

    LayerStack *mLayers;
    MapCanvas *mCanvas;
    LayerPanel *mLayerPanel;
    MessageBar *mMessageBar;
    QUndoStack *mUndo;
    TimeController *mTime;
    LoadStatus *mLoad;
    ProjectController *mProject;
    MapActions *mMap;
    LayerActions *mLayerActions;
    TrackImportActions *mTrackImports;
    EditingActions *mEditing;
    BriefActions *mBriefs;
    TimeActions *mTimeActions;
    SightingActions *mSightings;
    AnnotationActions *mAnnotations;
    AnalysisActions *mAnalysis;
    DetectionActions *mDetection;
    WindowLayout *mWindowLayout = nullptr;
};

} // namespace sightline
