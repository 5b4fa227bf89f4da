#include "ui/shell/mainwindow.h"

#include "ui/common/appicon.h"
#include "geo/transform.h"
#include "layers/layerstack.h"
#include "ui/analysis/analysisactions.h"
#include "ui/detection/detectionactions.h"
#include "ui/analysis/eventspanel.h"
#include "ui/annotations/annotationactions.h"
#include "ui/brief/briefactions.h"
#include "ui/common/loadstatus.h"
#include "ui/common/messagebar.h"
#include "ui/editing/editingactions.h"
#include "ui/layers/layeractions.h"
#include "ui/layers/layerpanel.h"
#include "ui/layers/vesselpanel.h"
#include "ui/map/mapactions.h"
#include "ui/map/mapcanvas.h"
#include "ui/map/mapcontextmenu.h"
#include "model/sighting.h"
#include "project/projectsession.h"
#include "ui/project/caseexportdialog.h"
#include "ui/project/projectcontroller.h"
#include "ui/project/trackimportactions.h"
#include "ui/shell/aboutdialog.h"
#include "ui/shell/shortcutsdialog.h"
#include "ui/shell/undohistorydialog.h"
#include "ui/shell/windowlayout.h"
#include "ui/sightings/sightingactions.h"
#include "ui/sightings/sightingpanel.h"
#include "ui/time/timeactions.h"
#include "ui/time/timecontroller.h"
#include "ui/time/timelinedock.h"

#include <QActionGroup>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMimeData>
#include <QProgressBar>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

// Resources compiled into a static library must be registered by hand.
static void initSightlineResources()
{
    Q_INIT_RESOURCE(resources);
}

namespace sightline {

namespace {
QToolBar *featureToolBar(const QString &title, const char *name, QWidget *parent)
{
    auto *bar = new QToolBar(title, parent);
    bar->setObjectName(QLatin1String(name));
    bar->setIconSize(QSize(22, 22));
    return bar;
}
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , mLayers(new LayerStack(this))
    , mCanvas(new MapCanvas(mLayers, this))
    , mLayerPanel(new LayerPanel(mLayers, this))
    , mMessageBar(new MessageBar(this))
    , mUndo(new QUndoStack(this))
    , mTime(new TimeController(this))
{
    initSightlineResources();
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(QStringLiteral("Sightline"));
    setWindowIcon(appIcon("sightline"));
    setAcceptDrops(true);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(mMessageBar);
    layout->addWidget(mCanvas, 1);
    setCentralWidget(central);

    // The features, after the resources their icons come from.
    mLoad = new LoadStatus(statusBar(), this);
    mProject = new ProjectController(mLayers, mCanvas, mUndo, this);
    mMap = new MapActions(mCanvas, mLayers, mLayerPanel, mProject, mMessageBar, this);
    mLayerActions = new LayerActions(mCanvas, mLayers, mLayerPanel, mProject, mMessageBar, mLoad, this);
    mTrackImports = new TrackImportActions(mLayers, mLayerPanel, mProject, mMessageBar, mLoad, this);
    mEditing = new EditingActions(mCanvas, mLayers, mLayerPanel, mUndo, mMessageBar, this);
    mBriefs = new BriefActions(mCanvas, mLayers, mProject, mMessageBar, this);
    mTimeActions = new TimeActions(mCanvas, mLayers, mLayerPanel, mTime, mMessageBar, this);
    mSightings = new SightingActions(mCanvas, mLayers, mProject, this);
    mSightings->setTimeController(mTime);
    mAnnotations = new AnnotationActions(mCanvas, mLayers, mProject, this);
    mAnalysis = new AnalysisActions(mCanvas, mLayers, mProject, this);
    mDetection = new DetectionActions(mLayers, mProject, mAnalysis->eventsPanel(), this);

    createDocks();
    // One map tool at a time, whichever menu it comes from.
    auto *tools = new QActionGroup(this);
    QToolBar *mapBar = addToolBar(tr("Map"));
    mapBar->setObjectName(QStringLiteral("mapToolBar"));
    mapBar->setIconSize(QSize(22, 22));
    createFileMenu();
    createViewMenu(tools);
    createEditMenu(tools);
    createFeatureMenus(tools);
    createLayerMenu();
    createHelpMenu();
    // The tooltips say what each entry does: menus show them too.
    for (QMenu *menu : menuBar()->findChildren<QMenu *>())
        menu->setToolTipsVisible(true);

    mapBar->addAction(mLayerActions->openAction());
    mapBar->addAction(mLayerActions->serviceAction());
    mapBar->addAction(mTrackImports->importAction());
    mapBar->addSeparator();
    mapBar->addActions(mMap->toolActions());
    mapBar->addSeparator();
    mapBar->addActions(mEditing->drawActions());
    mapBar->addActions(mMap->zoomActions());
    mapBar->addSeparator();
    mapBar->addWidget(mMap->goToEdit());

    createStatusBar();
    connectFeatures();

    resize(1400, 900);
    // The docks' default sizes follow the window's.
    mWindowLayout->arrangeDefault();
    mWindowLayout->restore();
    mMap->updateScale();
}

MainWindow::~MainWindow()
{
    // Pending project writes need the canvas and layers, which go with this window; and the
    // project's undo commands live on the window's stack: the project goes first.
    mProject->flush();
    // The docks read the project when told it changed: they must not hear the project go.
    disconnect(mProject, nullptr, mSightings->panel(), nullptr);
    disconnect(mProject, nullptr, mAnalysis, nullptr);
    delete mProject;
    mProject = nullptr;
    // The canvas outlives this body (it is a child); it must not keep the tool about to go.
    mCanvas->setMapTool(nullptr);
}

void MainWindow::createDocks()
{
    auto *layerDock = new QDockWidget(tr("Layers"), this);
    layerDock->setObjectName(QStringLiteral("layersDock"));
    layerDock->setWidget(mLayerPanel);
    WindowLayout::Docks docks;
    docks.layers = layerDock;
    docks.style = mLayerActions->styleDock();
    docks.vessels = mLayerActions->vesselDock();
    docks.sightings = mSightings->dock();
    docks.events = mAnalysis->eventsDock();
    docks.identify = mMap->identifyDock();
    docks.measure = mMap->measureDock();
    docks.attributes = mLayerActions->attributeDock();
    docks.timeline = mTimeActions->timelineDock();
    mWindowLayout = new WindowLayout(this, docks);
    mWindowLayout->arrangeDefault();
    // Hidden until asked for (the attribute table), or until there is something to show (events, the
    // timeline).
    docks.attributes->hide();
    docks.events->hide();
    docks.timeline->hide();
}

void MainWindow::createFileMenu()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(mLayerActions->openAction());
    file->addAction(mLayerActions->serviceAction());
    file->addAction(mTrackImports->importAction());
    file->addAction(mTrackImports->importFolderAction());
    file->addAction(mLayerActions->postgisAction());
    mLayerActions->populateBasemaps(file->addMenu(tr("Add &Basemap")));
    // One recent list: layers, then projects (opening one replaces what is open).
    QMenu *recent = file->addMenu(tr("Open &Recent"));
    recent->setObjectName(QStringLiteral("menuOpenRecent"));
    mLayerActions->setRecentMenu(recent, [this](QMenu *menu) {
        const QStringList projects = mProject->recentProjects();
        if (projects.isEmpty())
            return;
        menu->addSection(tr("Projects"));
        for (const QString &path : projects)
            menu->addAction(path, this, [this, path] { openProject(path); });
    });
    file->addSeparator();
    createProjectActions(file);
    file->addSeparator();
    mBriefs->populate(file);
    mTimeActions->addToFileMenu(file);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setToolTip(tr("Close Sightline"));
}

void MainWindow::createProjectActions(QMenu *file)
{
    QAction *newProject = file->addAction(tr("&New Project…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("New Project"), QString(),
                                                          tr("Sightline project (*.gpkg)"));
        if (!path.isEmpty())
            mProject->newProject(path);
    });
    newProject->setShortcut(QKeySequence::New);
    newProject->setObjectName(QStringLiteral("actionNewProject"));
    newProject->setToolTip(
        tr("Start a project file that keeps layers, sightings, annotations and the brief"));
    QAction *openProject = file->addAction(tr("Open &Project…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open Project"), QString(),
                                                          tr("Sightline project (*.gpkg);;All files (*)"));
        if (!path.isEmpty())
            this->openProject(path);
    });
    openProject->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    openProject->setObjectName(QStringLiteral("actionOpenProject"));
    openProject->setToolTip(tr("Open a Sightline project (.gpkg) with its layers and view"));
    QAction *saveAs = file->addAction(tr("Save Project &As…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save Project As"), QString(),
                                                          tr("Sightline project (*.gpkg)"));
        if (!path.isEmpty())
            mProject->saveProjectAs(path);
    });
    saveAs->setShortcut(QKeySequence::SaveAs);
    saveAs->setObjectName(QStringLiteral("actionSaveProjectAs"));
    saveAs->setToolTip(tr("Copy the project to a new file and go on in the copy"));
    QAction *exportCase = file->addAction(tr("&Export Case…"), this, &MainWindow::showCaseExport);
    exportCase->setObjectName(QStringLiteral("actionExportCase"));
    exportCase->setToolTip(tr("Write the project's tracks, events, sightings and annotations for Google Earth "
                              "(KMZ) or QGIS (GeoJSON, GeoPackage, FlatGeobuf)"));
    QAction *close = file->addAction(tr("&Close Project"), mProject, &ProjectController::closeProject);
    close->setObjectName(QStringLiteral("actionCloseProject"));
    close->setToolTip(tr("Close the project and clear the map"));
    auto enable = [saveAs, close, exportCase, this] {
        saveAs->setEnabled(mProject->session() != nullptr);
        exportCase->setEnabled(mProject->session() != nullptr);
        close->setEnabled(mProject->session() != nullptr);
    };
    connect(mProject, &ProjectController::projectChanged, this, enable);
    enable();
    updateRecentProjectsMenu();
}

void MainWindow::showCaseExport()
{
    if (!mProject->session())
        return;
    // The map's view as a lon/lat box, for "only what is in view".
    std::optional<QRectF> view;
    const MapSettings s = mCanvas->mapSettings();
    if (s.isValid()) {
        QRectF box = Transform(s.destinationCrs(), Crs::wgs84()).forwardBounds(s.visibleExtent(), 21);
        if (box.isValid() && !box.isEmpty()) {
            box.setTop(std::max(box.top(), -90.0));
            box.setBottom(std::min(box.bottom(), 90.0));
            view = box;
        }
    }
    auto *dialog = new CaseExportDialog(mProject->session()->project().path(), mTime->window(), view, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CaseExportDialog::exported, this, [this](const QStringList &files, const QString &summary) {
        mMessageBar->showMessage(MessageBar::Level::Info,
                                 tr("Exported %1 to %2").arg(summary, files.join(QStringLiteral(", "))).toHtmlEscaped());
    });
    dialog->show();
}

void MainWindow::createViewMenu(QActionGroup *tools)
{
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    mMap->populateViewMenu(view, tools);
    view->addAction(mTimeActions->timelineDock()->toggleViewAction());
    // A closed dock comes back from View → Panels, and the whole arrangement from Reset Layout.
    view->addSeparator();
    mWindowLayout->addToViewMenu(view);
}

void MainWindow::createEditMenu(QActionGroup *tools)
{
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = mUndo->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setObjectName(QStringLiteral("actionUndo"));
    undo->setToolTip(tr("Undo the last change"));
    QAction *redo = mUndo->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    redo->setObjectName(QStringLiteral("actionRedo"));
    redo->setToolTip(tr("Redo the change last undone"));
    edit->addAction(undo);
    edit->addAction(redo);
    QAction *history = edit->addAction(tr("Undo &History"), this, [this] {
        auto *dialog = findChild<UndoHistoryDialog *>();
        if (!dialog)
            dialog = new UndoHistoryDialog(mUndo, this);
        dialog->show();
        dialog->raise();
        dialog->activateWindow();
    });
    history->setObjectName(QStringLiteral("actionUndoHistory"));
    history->setToolTip(tr("Every change since the project was opened, by name; click one to go back to it"));
    edit->addSeparator();
    mEditing->populateEditMenu(edit, tools);
}

void MainWindow::createFeatureMenus(QActionGroup *tools)
{
    QToolBar *sightingBar = featureToolBar(tr("Sightings"), "sightingsToolBar", this);
    mSightings->populate(menuBar()->addMenu(tr("&Sightings")), sightingBar, tools);
    QToolBar *annotateBar = featureToolBar(tr("Annotate"), "annotateToolBar", this);
    mAnnotations->populate(menuBar()->addMenu(tr("&Annotate")), annotateBar, tools);
    QMenu *analysisMenu = menuBar()->addMenu(tr("A&nalysis"));
    mAnalysis->populate(analysisMenu);
    mDetection->populate(analysisMenu);
    addToolBar(sightingBar);
    addToolBar(annotateBar);
}

void MainWindow::createLayerMenu()
{
    QMenu *layer = menuBar()->addMenu(tr("&Layer"));
    mEditing->addToLayerMenu(layer);
    mLayerActions->addToLayerMenu(layer);
    mTimeActions->addToLayerMenu(layer);
    layer->addAction(mLayerActions->removeAction());
}

void MainWindow::createHelpMenu()
{
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *shortcuts =
        help->addAction(tr("&Keyboard Shortcuts…"), this, [this] { ShortcutsDialog::showFor(this); });
    shortcuts->setObjectName(QStringLiteral("actionShortcuts"));
    shortcuts->setShortcuts({QKeySequence(Qt::Key_F1), QKeySequence(Qt::CTRL | Qt::Key_Slash)});
    shortcuts->setToolTip(tr("Every keyboard shortcut, by menu, with a filter"));
    help->addAction(tr("&About Sightline"), this, [this] { AboutDialog(this).exec(); })
        ->setToolTip(tr("Versions of Sightline, Qt, GDAL and PROJ, and the data credits"));
}

void MainWindow::createStatusBar()
{
    statusBar()->addWidget(mMap->renderTimeLabel());
    statusBar()->addWidget(mLoad->busyBar());
    statusBar()->addWidget(mLoad->importBar());
    statusBar()->addWidget(mLoad->cancelButton());
    for (QLabel *label : mMap->positionLabels())
        statusBar()->addPermanentWidget(label);
}

void MainWindow::connectFeatures()
{
    connect(mMap, &MapActions::statusMessage, statusBar(), &QStatusBar::showMessage);
    connect(mLayerActions, &LayerActions::statusMessage, statusBar(), &QStatusBar::showMessage);
    connect(mEditing, &EditingActions::statusMessage, statusBar(), &QStatusBar::showMessage);
    auto showMessage = [this](int level, const QString &text) {
        mMessageBar->showMessage(MessageBar::Level(level), text.toHtmlEscaped());
    };
    connect(mProject, &ProjectController::message, this, showMessage);
    // Messages about the project that went would be read as about the next one.
    connect(mProject, &ProjectController::projectClosed, mMessageBar, &MessageBar::clear);
    // The time cursor and window were set on that project's data: left in place they would date the
    // next project's first sighting and hide its layers outside a window nobody set for it.
    connect(mProject, &ProjectController::projectClosed, mTime, [this] {
        mTime->pause();
        mTime->setCursorMs(0);
        mTime->clearWindow();
    });
    connect(mAnalysis, &AnalysisActions::message, this, showMessage);
    connect(mDetection, &DetectionActions::message, this, showMessage);
    connect(mProject, &ProjectController::projectChanged, this, [this] {
        updateTitle();
        updateRecentProjectsMenu();
        if (mProject->session())
            mTimeActions->timelineDock()->reveal();
    });
    connect(mCanvas, &MapCanvas::renderStarted, mLoad, &LoadStatus::renderStarted);
    connect(mCanvas, &MapCanvas::renderFinished, mLoad, &LoadStatus::renderFinished);

    // Layers arrive from the files, the track imports and the drawing tools.
    connect(mLayerActions, &LayerActions::sourceOpened, this, &MainWindow::sourceOpened);
    connect(mTrackImports, &TrackImportActions::sourceOpened, this, &MainWindow::sourceOpened);
    connect(mLayerActions, &LayerActions::openedIntoEmptyMap, mMap, &MapActions::frameNewLayers);
    connect(mTrackImports, &TrackImportActions::firstLayerOpened, mMap, &MapActions::frameNewLayer);
    connect(mTrackImports, &TrackImportActions::openAsLayerRequested, mLayerActions,
            &LayerActions::openTrackFiles);
    connect(mEditing, &EditingActions::layerCreated, mLayerActions, &LayerActions::addToRecent);
    connect(mLayerPanel, &LayerPanel::corridorRequested, mEditing, &EditingActions::askCorridor);

    // What is picked on the map, the timeline or a dock shows in the others.
    connect(mMap, &MapActions::sightingIdentified, mSightings->panel(), &SightingPanel::selectSighting);
    connect(mMap->contextMenu(), &MapContextMenu::addSightingRequested, mSightings, [this](QPointF lonLat) {
        SightingGeometry point;
        point.lonLat = {lonLat};
        mSightings->newSighting(point);
    });
    connect(mMap, &MapActions::eventIdentified, mAnalysis, &AnalysisActions::revealEvent);
    connect(mSightings->panel(), &SightingPanel::zoomRequested, mMap, &MapActions::zoomToWgs84);
    connect(mAnalysis->eventsPanel(), &EventsPanel::zoomRequested, mMap, &MapActions::zoomToWgs84);
    // A pick highlights and, only when what was picked is out of sight, pans to it: the view is the
    // user's, and changes scale only when they ask (Zoom To, a double click).
    connect(mAnalysis->eventsPanel(), &EventsPanel::revealRequested, mCanvas, &MapCanvas::revealWgs84);
    connect(mSightings->panel(), &SightingPanel::revealRequested, mCanvas, &MapCanvas::revealWgs84);
    connect(mDetection, &DetectionActions::eventsShown, mAnalysis, &AnalysisActions::eventsShown);
    connect(mAnalysis, &AnalysisActions::eventsShown, this, [this] {
        // A tab of the panel column: the map keeps its room.
        QDockWidget *events = mAnalysis->eventsDock();
        events->show();
        events->raise();
    });
    TimelineDock *timeline = mTimeActions->timelineDock();
    connect(timeline, &TimelineDock::eventClicked, mAnalysis, &AnalysisActions::revealEvent);
    connect(timeline, &TimelineDock::sightingClicked, mSightings, &SightingActions::revealSighting);
    connect(timeline, &TimelineDock::eventDoubleClicked, this, [this](qint64 id) {
        mAnalysis->revealEvent(id);
        mAnalysis->eventsPanel()->zoomToCurrent();
    });
    connect(timeline, &TimelineDock::sightingDoubleClicked, this, [this](qint64 id) {
        mSightings->revealSighting(id);
        mSightings->panel()->zoomToCurrent();
    });
    connect(mLayerActions->vesselPanel(), &VesselPanel::vesselActivated, timeline,
            [timeline](const QString &, std::uint32_t mmsi) { timeline->setVessels({mmsi}); });
}

void MainWindow::updateRecentProjectsMenu()
{
    mLayerActions->updateRecentMenu();
}

void MainWindow::updateTitle()
{
    const QString title = mProject->title();
    setWindowTitle(title.isEmpty() ? QStringLiteral("Sightline")
                                   : QStringLiteral("%1 — Sightline").arg(title));
}

void MainWindow::openFiles(const QStringList &sources)
{
    mLayerActions->openFiles(sources);
}

bool MainWindow::openProject(const QString &path)
{
    return mProject->openProject(QFileInfo(path).absoluteFilePath());
}

void MainWindow::zoomToWgs84(const QRectF &lonLatBox)
{
    mMap->zoomToWgs84(lonLatBox);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    mWindowLayout->save();
    QMainWindow::closeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList files;
    for (const QUrl &url : event->mimeData()->urls())
        files << (url.isLocalFile() ? url.toLocalFile() : url.toString());
    openFiles(files);
    event->acceptProposedAction();
}

} // namespace sightline
