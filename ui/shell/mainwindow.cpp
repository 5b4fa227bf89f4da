#include "ui/shell/mainwindow.h"

#include "ui/shell/aboutdialog.h"
#include "ui/layers/addservicedialog.h"
#include "analysis/corridor.h"
#include "ui/analysis/analysisactions.h"
#include "ui/annotations/annotationactions.h"
#include "ui/layers/attributetable.h"
#include "ui/brief/briefactions.h"
#include "ui/layers/csvmappingdialog.h"
#include "ui/editing/drawtool.h"
#include "ui/editing/editcommands.h"
#include "ui/analysis/eventspanel.h"
#include "ui/editing/featuredialog.h"
#include "geo/coordinateformat.h"
#include "geo/measurement.h"
#include "geo/transform.h"
#include "ui/map/identifypanel.h"
#include "ui/layers/layerchooserdialog.h"
#include "ui/layers/layerpanel.h"
#include "ui/layers/layerpropertiesdialog.h"
#include "layers/trackfilelayers.h"
#include "layers/eventlayer.h"
#include "layers/layeropening.h"
#include "layers/layerstack.h"
#include "layers/rasterlayer.h"
#include "layers/sightinglayer.h"
#include "layers/tracklayer.h"
#include "model/vectordata.h"
#include "layers/vectoredit.h"
#include "layers/vectorlayer.h"
#include "ui/map/mapcanvas.h"
#include "ui/map/measurepanel.h"
#include "ui/map/measuretool.h"
#include "ui/common/messagebar.h"
#include "ui/layers/postgisdialog.h"
#include "project/layerstyleio.h"
#include "project/project.h"
#include "project/projectsession.h"
#include "project/sightingfields.h"
#include "project/sourcepolicy.h"
#include "ui/project/projectcontroller.h"
#include "ui/project/projecttrackimport.h"
#include "render/mapscale.h"
#include "ui/map/savedviewsmenu.h"
#include "ui/shell/shortcutsdialog.h"
#include "ui/sightings/sightingactions.h"
#include "ui/sightings/sightingpanel.h"
#include "ui/layers/stylepanel.h"
#include "ui/time/timeactions.h"
#include "ui/time/timecontroller.h"
#include "ui/time/timelinedock.h"
#include "util/credentials.h"
#include "util/gdalutil.h"
#include "ui/editing/vertextool.h"
#include "ui/layers/vesselpanel.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDialog>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHash>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QProgressDialog>
#include <QPushButton>
#include <QPromise>
#include <QSettings>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrentRun>
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
constexpr int kMaxRecent = 10;
const auto kRecentKey = QStringLiteral("recentFiles");

QIcon icon(const char *name)
{
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name)));
}

struct OpenResult
{
    QString source;
    QList<std::shared_ptr<Layer>> layers;
    QString error;
    QString report; // what an AIS import kept and rejected
};

QString layerFileFilter()
{
    const QString imagery =
        QStringLiteral("*.tif *.tiff *.jp2 *.j2k *.mbtiles *.vrt *.img *.ecw *.png *.jpg *.nc *.xml");
    const QString vectors = QStringLiteral(
        "*.geojson *.json *.gpkg *.shp *.kml *.kmz *.fgb *.osm *.pbf *.csv *.gpx *.gml *.sqlite");
    return QObject::tr("All layers (%1 %2);;Imagery (%1);;Vector layers (%2);;All files (*)")
        .arg(imagery, vectors);
}
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , mLayers(new LayerStack(this))
    , mCanvas(new MapCanvas(mLayers, this))
    , mLayerPanel(new LayerPanel(mLayers, this))
    , mMessageBar(new MessageBar(this))
    , mGoTo(new QLineEdit(this))
    , mVesselPanel(new VesselPanel(mLayers, this))
    , mIdentifyPanel(new IdentifyPanel(this))
    , mTime(new TimeController(this))
    , mTimelineDock(new TimelineDock(mLayers, mTime, this))
{
    initSightlineResources();
    // The map shows the time the controller holds.
    connect(mTime, &TimeController::windowChanged, mCanvas, &MapCanvas::setTimeWindow);
    connect(mTime, &TimeController::cursorChanged, mCanvas, &MapCanvas::setCursorMs);
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(QStringLiteral("Sightline"));
    setWindowIcon(icon("sightline"));
    setAcceptDrops(true);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(mMessageBar);
    layout->addWidget(mCanvas, 1);
    setCentralWidget(central);

    auto *layerDock = new QDockWidget(tr("Layers"), this);
    layerDock->setObjectName(QStringLiteral("layersDock"));
    layerDock->setWidget(mLayerPanel);
    addDockWidget(Qt::LeftDockWidgetArea, layerDock);
    auto *vesselDock = new QDockWidget(tr("Vessels"), this);
    vesselDock->setObjectName(QStringLiteral("vesselsDock"));
    vesselDock->setWidget(mVesselPanel);
    addDockWidget(Qt::RightDockWidgetArea, vesselDock);
    auto *identifyDock = new QDockWidget(tr("Identify"), this);
    identifyDock->setObjectName(QStringLiteral("identifyDock"));
    identifyDock->setWidget(mIdentifyPanel);
    addDockWidget(Qt::RightDockWidgetArea, identifyDock);
    mUndo = new QUndoStack(this);
    mDrawTool = std::make_unique<DrawTool>(mCanvas, mLayers);
    mVertexTool = std::make_unique<VertexTool>(mCanvas, mLayers);
    connect(
        mDrawTool.get(), &DrawTool::shapeDrawn, this,
        [this](VectorFeature::Kind kind, const std::vector<QPointF> &ll) { onShapeDrawn(int(kind), ll); });
    connect(mVertexTool.get(), &VertexTool::vertexMoved, this, &MainWindow::onVertexMoved);
    mMeasureTool = std::make_unique<MeasureTool>(mCanvas);
    mMeasurePanel = new MeasurePanel(mMeasureTool.get(), mLayers, this);
    auto *measureDock = new QDockWidget(tr("Measure"), this);
    measureDock->setObjectName(QStringLiteral("measureDock"));
    measureDock->setWidget(mMeasurePanel);
    addDockWidget(Qt::RightDockWidgetArea, measureDock);
    mAttributeTable = new AttributeTable(mLayers, this);
    auto *tableDock = new QDockWidget(tr("Attribute Table"), this);
    tableDock->setObjectName(QStringLiteral("attributeDock"));
    tableDock->setWidget(mAttributeTable);
    addDockWidget(Qt::BottomDockWidgetArea, tableDock);
    tableDock->hide();
    connect(mAttributeTable, &AttributeTable::zoomRequested, this,
            [this](const QRectF &box) { mCanvas->zoomToWgs84(box); });
    mStylePanel = new StylePanel(mLayers, this);
    auto *styleDock = new QDockWidget(tr("Style"), this);
    styleDock->setObjectName(QStringLiteral("styleDock"));
    styleDock->setWidget(mStylePanel);
    addDockWidget(Qt::LeftDockWidgetArea, styleDock);
    tabifyDockWidget(layerDock, styleDock);
    layerDock->raise();
    connect(mLayerPanel, &LayerPanel::currentLayerChanged, mStylePanel, &StylePanel::showLayer);
    tabifyDockWidget(vesselDock, identifyDock);
    tabifyDockWidget(identifyDock, measureDock);
    vesselDock->raise();
    connect(mVesselPanel, &VesselPanel::vesselActivated, this, &MainWindow::activateVessel);
    connect(mCanvas, &MapCanvas::identifyRequested, this, &MainWindow::identify);

    mProject = new ProjectController(mLayers, mCanvas, mUndo, this);
    connect(mProject, &ProjectController::projectChanged, this, [this] {
        updateTitle();
        updateRecentProjectsMenu();
    });
    connect(mProject, &ProjectController::openRequested, this,
            [this](const QStringList &sources, const QHash<QString, QStringList> &layers) {
                openSources(sources, false, layers);
            });
    connect(mProject, &ProjectController::message, this, [this](int level, const QString &text) {
        mMessageBar->showMessage(MessageBar::Level(level), text.toHtmlEscaped());
    });

    createActions();
    createStatusBar();

    mSightingPanel = new SightingPanel(mProject, mLayers, this);
    auto *sightingDock = new QDockWidget(tr("Sightings"), this);
    sightingDock->setObjectName(QStringLiteral("sightingsDock"));
    sightingDock->setWidget(mSightingPanel);
    addDockWidget(Qt::RightDockWidgetArea, sightingDock);
    tabifyDockWidget(vesselDock, sightingDock);
    connect(mSightingPanel, &SightingPanel::zoomRequested, this, &MainWindow::zoomToWgs84);
    connect(mSightingPanel, &SightingPanel::editRequested, mSightings, &SightingActions::editSighting);
    if (QAction *toggle = sightingDock->toggleViewAction()) {
        toggle->setIcon(icon("sightings-dock"));
        toggle->setObjectName(QStringLiteral("actionSightingsDock"));
    }

    auto *eventsDock = new QDockWidget(tr("Events"), this);
    eventsDock->setObjectName(QStringLiteral("eventsDock"));
    eventsDock->setWidget(mEventsPanel);
    addDockWidget(Qt::BottomDockWidgetArea, eventsDock);
    // Hidden until the first events; not tabified with the (hidden) attribute table, since a
    // group of hidden docks makes restoreState() reserve room for them.
    eventsDock->hide();
    connect(mEventsPanel, &EventsPanel::zoomRequested, this, &MainWindow::zoomToWgs84);
    connect(mAnalysis, &AnalysisActions::eventsShown, this, [this, eventsDock] {
        if (!eventsDock->isVisible()) {
            eventsDock->show();
            // A third of the window at most: the map stays the main thing.
            resizeDocks({eventsDock}, {std::max(200, height() / 3)}, Qt::Vertical);
        }
        eventsDock->raise();
    });
    if (QAction *toggle = eventsDock->toggleViewAction()) {
        toggle->setIcon(icon("events"));
        toggle->setObjectName(QStringLiteral("actionEventsDock"));
    }
    // A closed dock comes back from the View menu.
    if (auto *view = findChild<QMenu *>(QStringLiteral("viewMenu"))) {
        view->addSeparator();
        for (QDockWidget *dock : {sightingDock, eventsDock}) {
            QAction *toggle = dock->toggleViewAction();
            toggle->setToolTip(tr("Show or hide the %1 dock").arg(dock->windowTitle()));
            view->addAction(toggle);
        }
    }
    // The timeline spans the bottom of the window, under the events when both show; hidden until data.
    addDockWidget(Qt::BottomDockWidgetArea, mTimelineDock, Qt::Vertical);
    mTimelineDock->hide();
    connect(mTimelineDock, &TimelineDock::eventClicked, this, [this, eventsDock](qint64 id) {
        mEventsPanel->selectEvent(id);
        eventsDock->show();
        eventsDock->raise();
    });
    connect(mTimelineDock, &TimelineDock::sightingClicked, this, [this, sightingDock](qint64 id) {
        mSightingPanel->selectSighting(id);
        sightingDock->show();
        sightingDock->raise();
    });
    connect(mVesselPanel, &VesselPanel::vesselActivated, mTimelineDock,
            [this](const QString &, std::uint32_t mmsi) { mTimelineDock->setVessels({mmsi}); });
    connect(mProject, &ProjectController::projectChanged, mTimelineDock, [this] {
        if (mProject->session())
            mTimelineDock->reveal();
    });

    connect(mLayerPanel, &LayerPanel::zoomToLayerRequested, mCanvas, &MapCanvas::zoomToLayer);
    connect(mLayerPanel, &LayerPanel::propertiesRequested, this, &MainWindow::showLayerProperties);
    connect(mLayerPanel, &LayerPanel::removeRequested, this, &MainWindow::removeLayer);
    connect(mLayerPanel, &LayerPanel::corridorRequested, this, &MainWindow::buildCorridorLayer);
    connect(mLayerPanel, &LayerPanel::attributeTableRequested, this, &MainWindow::openAttributeTable);
    connect(mCanvas, &MapCanvas::cursorMoved, this, &MainWindow::updateCursorPosition);
    connect(mCanvas, &MapCanvas::viewChanged, this, &MainWindow::updateScale);
    connect(mCanvas, &MapCanvas::renderErrors, this, &MainWindow::showRenderErrors);
    connect(mCanvas, &MapCanvas::renderStarted, this, [this] { mProgress->show(); });
    connect(mCanvas, &MapCanvas::renderFinished, this, [this](qint64 ms) {
        if (!isLoading())
            mProgress->hide();
        mRenderTime->setText(tr("rendered in %1 ms").arg(ms));
    });

    QSettings settings;
    resize(1400, 900);
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    updateRecentMenu();
    updateScale();
}

MainWindow::~MainWindow()
{
    // Pending project writes need the canvas and layers, which go with this window; and the
    // project's undo commands live on the window's stack: the project goes first.
    mProject->flush();
    // The dock reads the project when told it changed: it must not hear the project go.
    disconnect(mProject, nullptr, mSightingPanel, nullptr);
    disconnect(mProject, nullptr, mAnalysis, nullptr);
    delete mProject;
    mProject = nullptr;
    // The canvas outlives this body (it is a child); it must not keep the tool about to go.
    mCanvas->setMapTool(nullptr);
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(icon("open"), tr("&Open Layer…"), this, &MainWindow::openDialog);
    open->setShortcut(QKeySequence::Open);
    open->setObjectName(QStringLiteral("actionOpen"));
    open->setToolTip(tr("Open imagery or vector files as layers on the map"));
    QAction *service =
        file->addAction(icon("service"), tr("Add Imagery &Service…"), this, &MainWindow::addServiceDialog);
    service->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));
    service->setToolTip(tr("Add an XYZ or WMTS tile service as an imagery layer"));
    QAction *importAis = file->addAction(icon("import-ais"), tr("&Import Tracks (AIS, CSV, GPX)…"), this,
                                         &MainWindow::importDialog);
    importAis->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    importAis->setObjectName(QStringLiteral("actionImportAis"));
    importAis->setToolTip(tr("Read vessel tracks from AIS (NMEA), CSV or GPX logs"));
    QAction *postgis = file->addAction(tr("Add &PostGIS Layers…"), this, [this] {
        PostgisDialog dialog(this);
        if (dialog.exec() == QDialog::Accepted && !dialog.selectedLayers().isEmpty())
            openVectorLayers(dialog.connectionString(), dialog.selectedLayers());
    });
    postgis->setObjectName(QStringLiteral("actionAddPostgis"));
    postgis->setToolTip(tr("Add tables of a PostGIS database as vector layers"));
    QMenu *basemaps = file->addMenu(tr("Add &Basemap"));
    for (const ImageryService &s : imageryServicePresets())
        basemaps->addAction(s.name, this, [this, url = s.url] { openFiles({url}); })
            ->setToolTip(tr("Add the %1 tiles as a layer").arg(s.name));
    mRecentMenu = file->addMenu(tr("Open &Recent"));
    file->addSeparator();
    createProjectActions(file);
    file->addSeparator();
    mBriefs = new BriefActions(mCanvas, mLayers, mProject, mMessageBar, this);
    mBriefs->populate(file);
    mTimeActions = new TimeActions(mCanvas, mLayers, mLayerPanel, mTime, mMessageBar, this);
    mTimeActions->addToFileMenu(file);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setToolTip(tr("Close Sightline"));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    auto *tools = new QActionGroup(this);
    QAction *pan =
        view->addAction(icon("pan"), tr("&Pan"), this, [this] { mCanvas->setTool(MapCanvas::Tool::Pan); });
    pan->setCheckable(true);
    pan->setChecked(true);
    pan->setShortcut(QKeySequence(Qt::Key_P));
    pan->setObjectName(QStringLiteral("actionPan"));
    pan->setToolTip(tr("Drag the map to move it"));
    QAction *zoomBox = view->addAction(icon("zoom-box"), tr("Zoom to &Box"), this,
                                       [this] { mCanvas->setTool(MapCanvas::Tool::ZoomBox); });
    zoomBox->setCheckable(true);
    zoomBox->setShortcut(QKeySequence(Qt::Key_Z));
    zoomBox->setObjectName(QStringLiteral("actionZoomBox"));
    zoomBox->setToolTip(tr("Drag a rectangle to zoom to it"));
    QAction *identifyTool = view->addAction(icon("identify"), tr("&Identify"), this,
                                            [this] { mCanvas->setTool(MapCanvas::Tool::Identify); });
    identifyTool->setCheckable(true);
    identifyTool->setShortcut(QKeySequence(Qt::Key_I));
    identifyTool->setObjectName(QStringLiteral("actionIdentify"));
    identifyTool->setToolTip(tr("Click a feature or position to see its attributes"));
    QAction *measure = view->addAction(icon("measure"), tr("&Measure"), this, [this] {
        mCanvas->setMapTool(mMeasureTool.get());
        if (auto *dock = findChild<QDockWidget *>(QStringLiteral("measureDock")))
            dock->raise();
    });
    measure->setCheckable(true);
    measure->setShortcut(QKeySequence(Qt::Key_M));
    measure->setObjectName(QStringLiteral("actionMeasure"));
    measure->setToolTip(tr("Click points to measure distances and areas on the ellipsoid"));
    tools->addAction(pan);
    tools->addAction(zoomBox);
    tools->addAction(identifyTool);
    tools->addAction(measure);
    view->addSeparator();
    QAction *zoomIn = view->addAction(icon("zoom-in"), tr("Zoom &In"), mCanvas, &MapCanvas::zoomIn);
    zoomIn->setShortcut(QKeySequence::ZoomIn);
    zoomIn->setToolTip(tr("Zoom in on the centre of the map"));
    QAction *zoomOut = view->addAction(icon("zoom-out"), tr("Zoom &Out"), mCanvas, &MapCanvas::zoomOut);
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    zoomOut->setToolTip(tr("Zoom out from the centre of the map"));
    QAction *full =
        view->addAction(icon("zoom-full"), tr("Zoom to &All Layers"), mCanvas, &MapCanvas::zoomToFullExtent);
    full->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    full->setToolTip(tr("Zoom out to show every layer"));
    QAction *toLayer = view->addAction(icon("zoom-layer"), tr("Zoom to &Layer"), this,
                                       [this] { mCanvas->zoomToLayer(mLayerPanel->currentLayerId()); });
    toLayer->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    toLayer->setToolTip(tr("Zoom to the layer selected in the Layers dock"));
    view->addSeparator();
    QAction *goToAction = view->addAction(tr("&Go to Coordinate…"), this, [this] {
        mGoTo->setFocus();
        mGoTo->selectAll();
    });
    goToAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    goToAction->setToolTip(tr("Type a coordinate (degrees, DMS or MGRS) to centre the map on it"));
    mSavedViews = new SavedViewsMenu(view->addMenu(tr("Saved &Views")), mCanvas, mProject, this);
    view->addSeparator();
    QAction *refresh = view->addAction(tr("Refresh"), mCanvas, &MapCanvas::refresh);
    refresh->setShortcut(QKeySequence::Refresh);
    refresh->setToolTip(tr("Draw the map again"));
    QAction *timeline = mTimelineDock->toggleViewAction();
    timeline->setObjectName(QStringLiteral("actionTimelineDock"));
    timeline->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    timeline->setToolTip(tr("Show or hide the timeline of positions, events and sightings"));
    view->addAction(timeline);

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
    edit->addSeparator();
    QAction *drawArea = edit->addAction(icon("draw-area"), tr("Draw &Area"), this,
                                        [this] { startDrawing(int(VectorFeature::Kind::Polygon)); });
    drawArea->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_A));
    drawArea->setObjectName(QStringLiteral("actionDrawArea"));
    drawArea->setToolTip(tr("Draw a polygon on the editable layer"));
    drawArea->setCheckable(true);
    QAction *drawLine = edit->addAction(icon("draw-line"), tr("Draw &Line"), this,
                                        [this] { startDrawing(int(VectorFeature::Kind::Line)); });
    drawLine->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_L));
    drawLine->setObjectName(QStringLiteral("actionDrawLine"));
    drawLine->setToolTip(tr("Draw a line on the editable layer"));
    drawLine->setCheckable(true);
    QAction *moveVertices = edit->addAction(icon("vertices"), tr("&Move Vertices"), this, [this] {
        auto layer = editLayer();
        if (!layer)
            return;
        mVertexTool->setLayer(layer);
        mCanvas->setMapTool(mVertexTool.get());
    });
    moveVertices->setShortcut(QKeySequence(Qt::Key_V));
    moveVertices->setObjectName(QStringLiteral("actionMoveVertices"));
    moveVertices->setToolTip(tr("Drag the vertices of the editable layer's features"));
    moveVertices->setCheckable(true);
    tools->addAction(drawArea);
    tools->addAction(drawLine);
    tools->addAction(moveVertices);

    mSightings = new SightingActions(mCanvas, mLayers, mProject, this);
    QToolBar *sightingBar = new QToolBar(tr("Sightings"), this);
    sightingBar->setObjectName(QStringLiteral("sightingsToolBar"));
    sightingBar->setIconSize(QSize(22, 22));
    mSightings->populate(menuBar()->addMenu(tr("&Sightings")), sightingBar, tools);
    mAnnotations = new AnnotationActions(mCanvas, mLayers, mProject, this);
    QToolBar *annotateBar = new QToolBar(tr("Annotate"), this);
    annotateBar->setObjectName(QStringLiteral("annotateToolBar"));
    annotateBar->setIconSize(QSize(22, 22));
    mAnnotations->populate(menuBar()->addMenu(tr("&Annotate")), annotateBar, tools);

    mEventsPanel = new EventsPanel(this);
    mAnalysis = new AnalysisActions(mCanvas, mLayers, mProject, mEventsPanel, this);
    mAnalysis->populate(menuBar()->addMenu(tr("A&nalysis")));
    connect(mAnalysis, &AnalysisActions::message, this, [this](int level, const QString &text) {
        mMessageBar->showMessage(MessageBar::Level(level), text.toHtmlEscaped());
    });

    QMenu *layer = menuBar()->addMenu(tr("&Layer"));
    QAction *newDrawing = layer->addAction(tr("&New Drawing Layer…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("New Drawing Layer"), QString(),
                                                          tr("GeoJSON (*.geojson);;GeoPackage (*.gpkg)"));
        if (!path.isEmpty())
            createDrawingLayer(path);
    });
    newDrawing->setObjectName(QStringLiteral("actionNewDrawingLayer"));
    newDrawing->setToolTip(tr("Create an empty GeoJSON or GeoPackage layer to draw on"));
    layer->addAction(tr("&Properties…"), this, [this] { showLayerProperties(mLayerPanel->currentLayerId()); })
        ->setToolTip(tr("Source, CRS, size, bands and metadata of the selected layer"));
    QAction *table = layer->addAction(tr("&Attribute Table"), this,
                                      [this] { openAttributeTable(mLayerPanel->currentLayerId()); });
    table->setShortcut(QKeySequence(Qt::Key_F6));
    table->setObjectName(QStringLiteral("actionAttributeTable"));
    table->setToolTip(tr("The selected layer's features in a table"));
    layer->addAction(tr("Build &Overviews…"), this, [this] { buildOverviews(mLayerPanel->currentLayerId()); })
        ->setToolTip(tr("Build reduced copies of the selected image so it draws fast zoomed out"));
    mTimeActions->addToLayerMenu(layer);
    QAction *remove = layer->addAction(icon("remove"), tr("&Remove"), this,
                                       [this] { removeLayer(mLayerPanel->currentLayerId()); });
    remove->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Delete));
    remove->setToolTip(tr("Take the selected layer off the map"));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *shortcuts =
        help->addAction(tr("&Keyboard Shortcuts…"), this, [this] { ShortcutsDialog::showFor(this); });
    shortcuts->setObjectName(QStringLiteral("actionShortcuts"));
    shortcuts->setShortcuts({QKeySequence(Qt::Key_F1), QKeySequence(Qt::CTRL | Qt::Key_Slash)});
    shortcuts->setToolTip(tr("Every keyboard shortcut, by menu, with a filter"));
    help->addAction(tr("&About Sightline"), this, &MainWindow::showAbout)
        ->setToolTip(tr("Versions of Sightline, Qt, GDAL and PROJ, and the data credits"));
    // The tooltips say what each entry does: menus show them too.
    for (QMenu *menu : menuBar()->findChildren<QMenu *>())
        menu->setToolTipsVisible(true);

    QToolBar *bar = addToolBar(tr("Map"));
    bar->setObjectName(QStringLiteral("mapToolBar"));
    bar->setIconSize(QSize(22, 22));
    bar->addAction(open);
    bar->addAction(service);
    bar->addAction(importAis);
    bar->addSeparator();
    bar->addAction(pan);
    bar->addAction(zoomBox);
    bar->addAction(identifyTool);
    bar->addAction(measure);
    bar->addSeparator();
    bar->addAction(drawArea);
    bar->addAction(drawLine);
    bar->addAction(moveVertices);
    bar->addAction(zoomIn);
    bar->addAction(zoomOut);
    bar->addAction(full);
    bar->addAction(toLayer);
    bar->addSeparator();
    mGoTo->setObjectName(QStringLiteral("goToEdit"));
    mGoTo->setPlaceholderText(tr("Go to: 42°15'N 130°18'E, 42.25, 130.3 or 52T FN 12345 67890"));
    mGoTo->setClearButtonEnabled(true);
    mGoTo->setMaximumWidth(420);
    mGoTo->setMinimumWidth(300);
    connect(mGoTo, &QLineEdit::returnPressed, this, [this] { goTo(mGoTo->text()); });
    bar->addWidget(mGoTo);
    addToolBar(sightingBar);
    addToolBar(annotateBar);
}

void MainWindow::createStatusBar()
{
    auto makeLabel = [this](const char *name, int minWidth, const QString &tip) {
        auto *label = new QLabel(this);
        label->setObjectName(QLatin1String(name));
        label->setMinimumWidth(minWidth);
        label->setToolTip(tip);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        statusBar()->addPermanentWidget(label);
        return label;
    };
    mRenderTime = new QLabel(this);
    mRenderTime->setObjectName(QStringLiteral("renderTimeLabel"));
    statusBar()->addWidget(mRenderTime);
    mProgress = new QProgressBar(this);
    mProgress->setObjectName(QStringLiteral("progressBar"));
    mProgress->setRange(0, 0);
    mProgress->setMaximumWidth(120);
    mProgress->setMaximumHeight(14);
    mProgress->hide();
    statusBar()->addWidget(mProgress);
    mImportProgress = new QProgressBar(this);
    mImportProgress->setObjectName(QStringLiteral("importProgress"));
    mImportProgress->setRange(0, 1000);
    mImportProgress->setMaximumWidth(160);
    mImportProgress->setMaximumHeight(14);
    mImportProgress->setFormat(tr("importing %p%"));
    mImportProgress->hide();
    statusBar()->addWidget(mImportProgress);
    mCancelImport = new QToolButton(this);
    mCancelImport->setObjectName(QStringLiteral("cancelImport"));
    mCancelImport->setText(tr("Cancel"));
    mCancelImport->setAutoRaise(true);
    mCancelImport->hide();
    connect(mCancelImport, &QToolButton::clicked, this, &MainWindow::cancelImports);
    statusBar()->addWidget(mCancelImport);
    mCoordDd = makeLabel("coordDdLabel", 190, tr("Cursor position, decimal degrees (WGS84)"));
    mCoordDms = makeLabel("coordDmsLabel", 210, tr("Cursor position, degrees minutes seconds (WGS84)"));
    mCoordMgrs = makeLabel("coordMgrsLabel", 170, tr("Cursor position, MGRS (1 m)"));
    mScale = makeLabel("scaleLabel", 110, tr("Map scale at the centre of the view"));
    updateCursorPosition(QPointF(), false);
}

void MainWindow::openDialog()
{
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("lastOpenDir")).toString();
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Open Layer"), dir, layerFileFilter());
    if (files.isEmpty())
        return;
    settings.setValue(QStringLiteral("lastOpenDir"), QFileInfo(files.first()).absolutePath());
    openFiles(files);
}

void MainWindow::addServiceDialog()
{
    AddServiceDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted)
        openFiles({dialog.url()});
}

void MainWindow::openFiles(const QStringList &sources)
{
    // A project among the files opens as the project; the rest as layers over it.
    QStringList layers;
    for (const QString &source : sources) {
        if (isLocalPath(source) && source.endsWith(QLatin1String(".gpkg"), Qt::CaseInsensitive) &&
            Project::isProject(source))
            openProject(source);
        else
            layers << source;
    }
    if (!layers.isEmpty())
        openSources(layers, false);
}

bool MainWindow::openProject(const QString &path)
{
    return mProject->openProject(QFileInfo(path).absoluteFilePath());
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
    QAction *close = file->addAction(tr("&Close Project"), mProject, &ProjectController::closeProject);
    close->setObjectName(QStringLiteral("actionCloseProject"));
    close->setToolTip(tr("Close the project and clear the map"));
    mRecentProjectsMenu = file->addMenu(tr("Recent Pro&jects"));
    auto enable = [saveAs, close, this] {
        saveAs->setEnabled(mProject->session() != nullptr);
        close->setEnabled(mProject->session() != nullptr);
    };
    connect(mProject, &ProjectController::projectChanged, this, enable);
    enable();
    updateRecentProjectsMenu();
}

void MainWindow::updateRecentProjectsMenu()
{
    if (!mRecentProjectsMenu)
        return;
    mRecentProjectsMenu->clear();
    const QStringList recent = mProject->recentProjects();
    for (const QString &path : recent)
        mRecentProjectsMenu->addAction(path, this, [this, path] { openProject(path); });
    mRecentProjectsMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::updateTitle()
{
    const QString title = mProject->title();
    setWindowTitle(title.isEmpty() ? QStringLiteral("Sightline")
                                   : QStringLiteral("%1 — Sightline").arg(title));
}

void MainWindow::importAisLogs(const QStringList &paths)
{
    if (paths.isEmpty())
        return;
    if (!mProject->session()) {
        // Tracks belong in a project, as sightings do; declining keeps them as a layer read from the file.
        QMessageBox ask(QMessageBox::Question, tr("Keep the tracks in a project?"),
                        tr("Imported tracks are kept in a project file, so they stay with the case when "
                           "the log is moved or handed over.\n\nCreate a project now, or open the tracks "
                           "as a layer read from the file?"),
                        QMessageBox::Cancel, this);
        ask.setObjectName(QStringLiteral("importNeedsProjectDialog"));
        QPushButton *create = ask.addButton(tr("New Project…"), QMessageBox::AcceptRole);
        create->setObjectName(QStringLiteral("newProjectButton"));
        QPushButton *layerOnly = ask.addButton(tr("Layer Only"), QMessageBox::RejectRole);
        layerOnly->setObjectName(QStringLiteral("layerOnlyButton"));
        ask.setDefaultButton(create);
        ask.exec();
        if (ask.clickedButton() == layerOnly) {
            openSources(paths, true);
            return;
        }
        if (ask.clickedButton() != create)
            return;
        const QString path = QFileDialog::getSaveFileName(this, tr("New Project"), QString(),
                                                          tr("Sightline project (*.gpkg)"));
        if (path.isEmpty() || !mProject->newProject(path))
            return;
    }
    if (mProject->isReadOnly()) {
        mMessageBar->showMessage(MessageBar::Level::Warning,
                                 tr("%1 is open read-only: the tracks open as a layer read from the file and "
                                    "are not kept in the project.")
                                     .arg(mProject->title().toHtmlEscaped()));
        openSources(paths, true);
        return;
    }
    importIntoProject(paths);
}

QStringList MainWindow::chooseTrackColumns(const QStringList &paths, QHash<QString, CsvColumnMapping> *mappings)
{
    QStringList resolved;
    for (const QString &source : paths) {
        const QString path = isLocalPath(source) ? QFileInfo(source).absoluteFilePath() : source;
        // A known export reads as it is; any other CSV gets its columns chosen.
        if (isTrackTablePath(path) && !path.endsWith(QLatin1String(".gpx"), Qt::CaseInsensitive)) {
            QString error;
            const QStringList header = readCsvHeader(path, &error);
            if (header.isEmpty()) {
                mMessageBar->showMessage(MessageBar::Level::Error,
                                         tr("Could not import: %1").arg(error.toHtmlEscaped()));
                continue;
            }
            CsvColumnMapping mapping = detectCsvMapping(header);
            if (!mapping.isComplete()) {
                CsvMappingDialog dialog(path, header, this);
                if (dialog.exec() != QDialog::Accepted)
                    continue;
                mapping = dialog.mapping();
            }
            mappings->insert(path, mapping);
        }
        resolved << path;
    }
    return resolved;
}

void MainWindow::importIntoProject(const QStringList &paths)
{
    QHash<QString, CsvColumnMapping> mappings;
    const QStringList files = chooseTrackColumns(paths, &mappings);
    if (files.isEmpty())
        return;
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    ++mPendingOpens;
    mProgress->show();
    statusBar()->showMessage(tr("Importing %n file(s) into the project…", nullptr, int(files.size())));
    showImportProgress(cancel);
    // The project's own writes wait while the import's transaction holds the file.
    mProject->holdWrites(true);
    auto *watcher = new QFutureWatcher<ProjectTrackImportOutcome>(this);
    connect(watcher, &QFutureWatcherBase::progressValueChanged, this,
            [this](int value) { mImportProgress->setValue(value); });
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, cancel] {
        hideImportProgress(cancel);
        if (--mPendingOpens == 0) {
            mProgress->hide();
            statusBar()->clearMessage();
        }
        mProject->holdWrites(false);
        if (watcher->future().resultCount() > 0)
            onProjectImportFinished(watcher->future().result());
        watcher->deleteLater();
    });
    watcher->setFuture(
        importTracksIntoProject(mProject->session()->project().path(), files, mappings, cancel));
}

void MainWindow::showImportProgress(const std::shared_ptr<std::atomic<bool>> &cancel)
{
    mCancelFlag = cancel;
    mImportProgress->setValue(0);
    mImportProgress->show();
    mCancelImport->show();
}

void MainWindow::hideImportProgress(const std::shared_ptr<std::atomic<bool>> &cancel)
{
    // A later import may own the bar by now: only its own end hides it.
    if (mCancelFlag != cancel)
        return;
    mImportProgress->hide();
    mCancelImport->hide();
    mCancelFlag.reset();
}

void MainWindow::onProjectImportFinished(const ProjectTrackImportOutcome &outcome)
{
    const QString report = outcome.report();
    if (!report.isEmpty())
        mLastImportReport = report;
    const bool sameProject = mProject->session() && mProject->session()->project().path() == outcome.projectPath;
    if (outcome.tracks && sameProject)
        showProjectTracks(outcome.tracks);
    QStringList said;
    bool failed = false;
    for (int i = 0; i < outcome.results.size(); ++i) {
        const TrackImportResult &r = outcome.results[i];
        const QString file = QFileInfo(outcome.files.value(i)).fileName().toHtmlEscaped();
        switch (r.outcome) {
        case TrackImportResult::Outcome::Imported:
            break;
        case TrackImportResult::Outcome::ImportedBefore:
            said << tr("%1 was imported into this project before (same SHA-256): nothing added.").arg(file);
            break;
        case TrackImportResult::Outcome::Cancelled:
            said << tr("Import of %1 cancelled: nothing of it was added to the project.").arg(file);
            break;
        case TrackImportResult::Outcome::NothingKept:
        case TrackImportResult::Outcome::Failed:
            failed = true;
            said << tr("Could not import: %1").arg(r.error.toHtmlEscaped());
            break;
        }
    }
    if (!outcome.readBackError.isEmpty()) {
        failed = true;
        said << tr("The project's tracks could not be read back: %1").arg(outcome.readBackError.toHtmlEscaped());
    }
    if (outcome.positionsWritten() > 0) {
        std::int64_t vessels = 0;
        QStringList rejected; // "0 rejected" from each report's first line
        for (const TrackImportResult &r : outcome.results) {
            vessels += r.vesselsWritten;
            if (r.outcome == TrackImportResult::Outcome::Imported)
                rejected << r.report.section(QLatin1Char('\n'), 0, 0).section(QStringLiteral(", "), -1);
        }
        said.prepend(tr("Imported %1 positions of %2 vessels into the project. %3")
                         .arg(outcome.positionsWritten())
                         .arg(vessels)
                         .arg(rejected.join(QStringLiteral("; ")).toHtmlEscaped()));
    }
    const MessageBar::Level level = failed ? MessageBar::Level::Error : MessageBar::Level::Info;
    if (report.isEmpty())
        mMessageBar->showMessage(level, said.join(QLatin1Char(' ')));
    else
        mMessageBar->showMessage(level, said.join(QLatin1Char(' ')), tr("Details"),
                                 [this] { showImportReport(); });
    for (const QString &file : outcome.files)
        Q_EMIT sourceOpened(file, !failed);
}

void MainWindow::showProjectTracks(const std::shared_ptr<TrackLayer> &tracks)
{
    // The project's track layer is read again with the new vessels, keeping its place and style.
    std::shared_ptr<Layer> old;
    for (const auto &layer : mLayers->layers())
        if (layer->kind() == Layer::Kind::Track && layer->source() == tracks->source())
            old = layer;
    const bool first = mLayers->count() == 0 || (mLayers->count() == 1 && old);
    if (old) {
        const int at = mLayers->indexOf(old->id());
        applyProjectLayer(*tracks, projectLayerFor(*old));
        mLayers->remove(old->id());
        mLayers->add(tracks);
        mLayers->move(mLayers->indexOf(tracks->id()), at);
    } else {
        mLayers->add(tracks);
    }
    mLayerPanel->selectLayer(tracks->id());
    if (first && !mFramedOnce)
        mCanvas->zoomToLayer(tracks->id());
}

void MainWindow::cancelImports()
{
    if (mCancelFlag)
        *mCancelFlag = true;
}

void MainWindow::openVectorLayers(const QString &source, const QStringList &layerNames)
{
    openSources({source}, false, {{source, layerNames}});
}

void MainWindow::openSources(const QStringList &sources, bool forceAis,
                             const QHash<QString, QStringList> &chosenLayers)
{
    if (sources.isEmpty())
        return;
    // CSV exports that match no preset get their columns chosen here, before the work starts.
    QHash<QString, CsvColumnMapping> mappings;
    QStringList resolved;
    if (forceAis)
        resolved = chooseTrackColumns(sources, &mappings);
    else
        for (const QString &source : sources)
            resolved << (isLocalPath(source) ? QFileInfo(source).absoluteFilePath() : source);
    if (resolved.isEmpty())
        return;
    // Several vector layers in one file (GeoPackage, OSM): ask which, as QGIS does.
    QHash<QString, QStringList> layerChoices = chosenLayers;
    for (const QString &path : std::as_const(resolved)) {
        if (forceAis || layerChoices.contains(path) || !isVectorSource(path))
            continue;
        const QStringList names = VectorData::layerNames(path, nullptr);
        if (names.size() <= 1)
            continue;
        LayerChooserDialog chooser(path, names, this);
        if (chooser.exec() != QDialog::Accepted || chooser.selected().isEmpty()) {
            resolved.removeAll(path);
            continue;
        }
        layerChoices.insert(path, chooser.selected());
    }
    if (resolved.isEmpty())
        return;
    mPendingOpens += int(resolved.size());
    mProgress->show();
    statusBar()->showMessage(tr("Opening %n layer(s)…", nullptr, int(resolved.size())));
    const bool anyAis =
        forceAis || !mappings.isEmpty() || std::any_of(resolved.begin(), resolved.end(), isAisLogPath);
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    if (anyAis)
        showImportProgress(cancel);
    // Opening reads headers and statistics, or a whole AIS log: off the UI thread, one
    // batch in its given order, so the layers stack up as listed and the first one frames
    // the view. Results come back through a watcher owned by this window, so a window
    // closed meanwhile is never called.
    auto *watcher = new QFutureWatcher<OpenResult>(this);
    connect(watcher, &QFutureWatcherBase::resultReadyAt, this, [this, watcher](int index) {
        const OpenResult r = watcher->resultAt(index);
        if (--mPendingOpens == 0) {
            mProgress->hide();
            statusBar()->clearMessage();
        }
        if (r.layers.isEmpty())
            onLayerOpened(r.source, nullptr, r.error, r.report);
        for (const auto &layer : r.layers)
            onLayerOpened(r.source, layer, r.error, r.report);
    });
    connect(watcher, &QFutureWatcherBase::progressValueChanged, this,
            [this](int value) { mImportProgress->setValue(value); });
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, cancel] {
        hideImportProgress(cancel);
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run([resolved, forceAis, cancel, mappings,
                                          layerChoices](QPromise<OpenResult> &promise) {
        promise.setProgressRange(0, 1000);
        for (int k = 0; k < resolved.size(); ++k) {
            const QString &source = resolved[k];
            OpenResult r{source, {}, QString(), QString()};
            // Exceptions stop at the thread boundary; the UI gets a message instead.
            try {
                auto progress = [&](double fraction) {
                    promise.setProgressValue(int((k + fraction) / resolved.size() * 1000));
                    return !cancel->load();
                };
                if ((forceAis && isTrackTablePath(source)) || isAisCsv(source)) {
                    CsvImportReport report;
                    const CsvColumnMapping mapping = mappings.contains(source)
                                                         ? mappings.value(source)
                                                         : detectCsvMapping(readCsvHeader(source, nullptr));
                    r.layers << loadTrackTableLayer(source, mapping, report, progress, &r.error);
                    r.report = report.describe();
                } else if (forceAis || isAisLogPath(source)) {
                    AisImportReport report;
                    r.layers << loadAisTrackLayer(source, report, {}, progress, &r.error);
                    r.report = report.describe();
                } else if (const SourceVerdict verdict = checkUserSource(source); !verdict.allowed()) {
                    // Opened by hand or allowed from a project, a raw band or a /vsi path is still refused.
                    r.error = QStringLiteral("'%1': refused: %2").arg(describeSource(source), verdict.reason);
                } else {
                    r.layers = openLayers(source, &r.error, layerChoices.value(source));
                }
                r.layers.removeAll(nullptr);
            } catch (const std::exception &e) {
                r.error = QStringLiteral("'%1': %2").arg(source, QString::fromUtf8(e.what()));
            }
            promise.addResult(r);
        }
    }));
}

void MainWindow::onLayerOpened(const QString &source, const std::shared_ptr<Layer> &layer,
                               const QString &error, const QString &report)
{
    if (!report.isEmpty())
        mLastImportReport = report;
    if (!layer) {
        if (!report.isEmpty())
            mMessageBar->showMessage(MessageBar::Level::Error,
                                     tr("Could not import: %1").arg(error.toHtmlEscaped()), tr("Details"),
                                     [this] { showImportReport(); });
        else
            mMessageBar->showMessage(MessageBar::Level::Error,
                                     tr("Could not open layer: %1").arg(error.toHtmlEscaped()));
        mProject->layerFailed(source);
        Q_EMIT sourceOpened(source, false);
        return;
    }
    // A layer drawn in Sightline (name, kind, notes in GeoJSON or GeoPackage) opens editable.
    if (auto vector = std::dynamic_pointer_cast<VectorLayer>(layer)) {
        const QStringList fields = vector->data().fieldNames();
        const QString suffix = QFileInfo(vector->source()).suffix().toLower();
        if (fields == vectoredit::drawnLayerFields() &&
            (suffix == QLatin1String("geojson") || suffix == QLatin1String("gpkg"))) {
            vector->setEditable(true);
            vector->setStyle(drawnLayerStyle());
        }
    }
    const bool first = mLayers->count() == 0;
    const bool restoring = mProject->isRestoring(); // the project's saved view frames the map instead
    mLayers->add(layer);
    mProject->layerOpened(layer, source);
    mLayerPanel->selectLayer(layer->id());
    if (!restoring)
        addToRecent(source);
    if (first && !mFramedOnce && !restoring)
        mCanvas->zoomToLayer(layer->id());
    if (auto raster = std::dynamic_pointer_cast<RasterLayer>(layer);
        raster && raster->wouldBenefitFromOverviews()) {
        const QString id = layer->id();
        mMessageBar->showMessage(MessageBar::Level::Warning,
                                 tr("%1 is %2 × %3 pixels with no overviews: zoomed-out views will be slow.")
                                     .arg(layer->name())
                                     .arg(raster->info().width)
                                     .arg(raster->info().height),
                                 tr("Build Overviews"), [this, id] { buildOverviews(id); });
    }
    if (auto tracks = std::dynamic_pointer_cast<TrackLayer>(layer); tracks && !report.isEmpty()) {
        const QString firstLine = report.section(QLatin1Char('\n'), 0, 0);
        mMessageBar->showMessage(MessageBar::Level::Info,
                                 tr("Imported %1 positions of %2 vessels. %3")
                                     .arg(tracks->store().positionCount())
                                     .arg(tracks->store().vesselCount())
                                     .arg(firstLine.section(QStringLiteral(", "), -1).toHtmlEscaped()),
                                 tr("Details"), [this] { showImportReport(); });
    }
    Q_EMIT sourceOpened(source, true);
}

void MainWindow::importDialog()
{
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("lastAisDir")).toString();
    const QStringList files =
        QFileDialog::getOpenFileNames(this, tr("Import Tracks"), dir,
                                      tr("Tracks (*.nmea *.ais *.aivdm *.txt *.log *.csv *.gpx);;AIS NMEA "
                                         "logs (*.nmea *.ais *.aivdm *.txt *.log);;"
                                         "CSV exports (*.csv);;GPX (*.gpx);;All files (*)"));
    if (files.isEmpty())
        return;
    settings.setValue(QStringLiteral("lastAisDir"), QFileInfo(files.first()).absolutePath());
    importAisLogs(files);
}

void MainWindow::showImportReport()
{
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("importReportDialog"));
    dialog->setWindowTitle(tr("Import Report"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *text = new QPlainTextEdit(mLastImportReport, dialog);
    text->setReadOnly(true);
    text->setLineWrapMode(QPlainTextEdit::NoWrap);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(text);
    dialog->resize(760, 360);
    dialog->show();
}

bool MainWindow::createDrawingLayer(const QString &path)
{
    auto data = vectoredit::emptyDrawingLayer(path, QFileInfo(path).completeBaseName());
    QString error;
    if (!vectoredit::save(*data, path, &error)) {
        mMessageBar->showMessage(MessageBar::Level::Error,
                                 tr("Could not create the layer: %1").arg(error.toHtmlEscaped()));
        return false;
    }
    auto layer = std::make_shared<VectorLayer>(data);
    layer->setEditable(true);
    layer->setStyle(drawnLayerStyle());
    mLayers->add(layer);
    mLayerPanel->selectLayer(layer->id());
    addToRecent(path);
    return true;
}

std::shared_ptr<VectorLayer> MainWindow::editLayer()
{
    // The selected layer when it can be edited, else the top editable one.
    if (auto current = std::dynamic_pointer_cast<VectorLayer>(mLayers->find(mLayerPanel->currentLayerId()));
        current && current->isEditable())
        return current;
    const auto &layers = mLayers->layers();
    for (auto it = layers.crbegin(); it != layers.crend(); ++it)
        if (auto v = std::dynamic_pointer_cast<VectorLayer>(*it); v && v->isEditable())
            return v;
    mMessageBar->showMessage(
        MessageBar::Level::Info, tr("Drawing needs a drawing layer to keep the shapes in."),
        tr("New Drawing Layer…"),
        [this] { findChild<QAction *>(QStringLiteral("actionNewDrawingLayer"))->trigger(); });
    return nullptr;
}

void MainWindow::startDrawing(int kind)
{
    if (!editLayer())
        return;
    mDrawTool->setKind(VectorFeature::Kind(kind));
    mCanvas->setMapTool(mDrawTool.get());
    statusBar()->showMessage(
        tr("Click the corners; double-click or Enter to finish, Backspace to take back a corner, "
           "Esc to cancel. Corners snap to nearby vertices."),
        8000);
}

void MainWindow::applyEdit(const std::shared_ptr<VectorLayer> &layer, std::shared_ptr<const VectorData> data)
{
    layer->replaceData(data);
    QString error;
    // What is drawn is saved at once: nothing on screen is ever only in memory.
    if (!vectoredit::save(*data, layer->source(), &error))
        mMessageBar->showMessage(MessageBar::Level::Error, tr("Not saved: %1").arg(error.toHtmlEscaped()));
    mLayers->notifyStyleChanged(layer->id());
}

void MainWindow::onShapeDrawn(int kind, const std::vector<QPointF> &lonLat)
{
    auto layer = editLayer();
    if (!layer)
        return;
    const auto featureKind = VectorFeature::Kind(kind);
    FeatureDialog dialog(featureKind == VectorFeature::Kind::Polygon, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const VectorFeature feature =
        vectoredit::makeFeature(featureKind, lonLat, {dialog.name(), dialog.kind(), dialog.notes()});
    auto before = layer->dataSnapshot();
    auto after = vectoredit::withFeature(*before, feature);
    mUndo->push(
        new ReplaceDataCommand(tr("Draw %1").arg(dialog.name().isEmpty() ? dialog.kind() : dialog.name()),
                               layer, before, after, [this](const auto &l, auto d) { applyEdit(l, d); }));
}

void MainWindow::onVertexMoved(std::size_t feature, std::size_t vertex, QPointF toLonLat)
{
    auto layer = editLayer();
    if (!layer)
        return;
    auto before = layer->dataSnapshot();
    auto after = vectoredit::withVertexMoved(*before, feature, vertex, toLonLat);
    mUndo->push(new ReplaceDataCommand(tr("Move vertex"), layer, before, after,
                                       [this](const auto &l, auto d) { applyEdit(l, d); }));
    mVertexTool->setLayer(layer);
}

void MainWindow::openAttributeTable(const QString &layerId)
{
    if (!std::dynamic_pointer_cast<VectorLayer>(mLayers->find(layerId))) {
        statusBar()->showMessage(tr("The attribute table is for vector layers."), 4000);
        return;
    }
    mAttributeTable->showLayer(layerId);
    if (auto *dock = findChild<QDockWidget *>(QStringLiteral("attributeDock"))) {
        dock->show();
        dock->raise();
    }
}

void MainWindow::buildCorridorLayer(const QString &lineLayerId)
{
    bool ok = false;
    const double widthKm = QInputDialog::getDouble(
        this, tr("Corridor"), tr("Total width of the corridor (km):"), 5.0, 0.01, 500.0, 2, &ok);
    if (ok)
        addCorridor(lineLayerId, widthKm * 1000.0 / 2.0);
}

bool MainWindow::addCorridor(const QString &lineLayerId, double halfWidthMetres)
{
    auto lines = std::dynamic_pointer_cast<VectorLayer>(mLayers->find(lineLayerId));
    if (!lines)
        return false;
    const VectorData &data = lines->data();
    const Transform toWgs84(data.crs(), Crs::wgs84());
    std::vector<std::uint32_t> chosen = lines->selection();
    if (chosen.empty())
        for (std::uint32_t i = 0; i < data.features().size(); ++i)
            chosen.push_back(i);
    std::vector<std::vector<QPointF>> polylines;
    QStringList names;
    for (std::uint32_t i : chosen) {
        const VectorFeature &f = data.features()[i];
        if (f.kind != VectorFeature::Kind::Line)
            continue;
        for (std::size_t part = 0; part < f.partCount(); ++part) {
            const auto [a, b] = f.part(part);
            std::vector<QPointF> pl;
            for (std::uint32_t k = a; k < b; ++k)
                pl.push_back(toWgs84.forward(f.points[k]));
            polylines.push_back(std::move(pl));
        }
        if (!lines->style().labelField.isEmpty())
            names << data.value(f, lines->style().labelField);
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const Corridor corridor = buildCorridor(polylines, halfWidthMetres);
    QApplication::restoreOverrideCursor();
    if (!corridor.ok()) {
        mMessageBar->showMessage(MessageBar::Level::Error,
                                 tr("No corridor: %1").arg(corridor.error.toHtmlEscaped()));
        return false;
    }
    const QString what =
        chosen.size() == 1 && !names.isEmpty() && !names.first().isEmpty() ? names.first() : lines->name();
    const QString label =
        tr("%1 corridor, %2 wide").arg(what, formatDistance(2 * halfWidthMetres, DistanceUnit::Kilometres));
    std::vector<VectorFeature> features;
    for (const auto &polygon : corridor.polygons) {
        VectorFeature f;
        f.kind = VectorFeature::Kind::Polygon;
        f.fid = qint64(features.size());
        f.polygonStarts.push_back(0);
        for (const auto &ring : polygon) {
            f.partStarts.push_back(std::uint32_t(f.points.size()));
            f.points.insert(f.points.end(), ring.begin(), ring.end());
        }
        f.attributes = {label, 2 * halfWidthMetres, lines->source()};
        features.push_back(std::move(f));
    }
    auto data2 = VectorData::fromFeatures(
        lines->source(), label, {QStringLiteral("name"), QStringLiteral("width_m"), QStringLiteral("source")},
        std::move(features));
    auto layer = std::make_shared<VectorLayer>(data2);
    layer->setName(label);
    VectorStyle style = layer->style();
    style.symbol.stroke = QColor(0xe0, 0x6c, 0x00);
    style.symbol.fill = QColor(0xff, 0x9f, 0x1c, 70);
    style.symbol.strokeWidth = 1.6;
    style.symbol.penStyle = Qt::DashLine;
    style.labelField.clear();
    layer->setStyle(style);
    mLayers->add(layer);
    mLayerPanel->selectLayer(layer->id());
    statusBar()->showMessage(label, 5000);
    return true;
}

void MainWindow::activateVessel(const QString &layerId, std::uint32_t mmsi)
{
    auto tracks = std::dynamic_pointer_cast<TrackLayer>(mLayers->find(layerId));
    if (!tracks)
        return;
    const VesselTrack *track = tracks->store().track(mmsi);
    if (!track)
        return;
    tracks->setHighlighted(mmsi);
    const QRectF b = track->boundsWgs84();
    // A little room around the track; a ship that never moved gets a few kilometres.
    const double pad = std::max(0.02, 0.1 * std::max(b.width(), b.height()));
    mCanvas->zoomToWgs84(b.adjusted(-pad, -pad, pad, pad));
    mCanvas->refresh();
    statusBar()->showMessage(
        tr("%1: %2 positions").arg(tracks->registry().displayName(mmsi)).arg(track->size()), 5000);
}

void MainWindow::identify(QPointF mapPoint, double toleranceMap)
{
    const Transform toWgs84(mCanvas->crs(), Crs::wgs84());
    const QPointF lonLat = toWgs84.forward(mapPoint);
    const QPointF edge = toWgs84.forward(mapPoint + QPointF(toleranceMap, 0));
    const double toleranceDeg = std::abs(edge.x() - lonLat.x());
    // Sightings are drawn over every layer: they are picked first.
    if (auto sightings = mProject->sightingLayer(); sightings && sightings->isVisible()) {
        if (const std::int64_t id = sightings->pick(lonLat, mCanvas->mapSettings()); id != 0) {
            mSightingPanel->selectSighting(id);
            for (const Sighting &s : sightings->sightings())
                if (s.id == id)
                    mIdentifyPanel->show(tr("%1 – Sightings").arg(s.title()), sightingFields(s));
            if (auto *dock = findChild<QDockWidget *>(QStringLiteral("identifyDock")))
                dock->raise();
            return;
        }
    }
    // Then the analyses' events, drawn over the tracks and the data layers.
    if (auto events = mAnalysis->eventLayer(); events && events->isVisible()) {
        if (const std::int64_t id = events->pick(lonLat, mCanvas->mapSettings()); id != 0) {
            mEventsPanel->selectEvent(id);
            if (auto *dock = findChild<QDockWidget *>(QStringLiteral("eventsDock"))) {
                dock->show();
                dock->raise();
            }
            return;
        }
    }
    const auto &layers = mLayers->layers();
    for (auto it = layers.crbegin(); it != layers.crend(); ++it) { // top layer first
        if (auto vector = std::dynamic_pointer_cast<VectorLayer>(*it); vector && vector->isVisible()) {
            // The pick tolerance in the layer's own units, measured at the click.
            const Transform toLayer(mCanvas->crs(), vector->crs());
            const QPointF p = toLayer.forward(mapPoint),
                          q = toLayer.forward(mapPoint + QPointF(toleranceMap, 0));
            const int feature = vector->pick(p, std::hypot(q.x() - p.x(), q.y() - p.y()));
            if (feature >= 0) {
                // What is identified is also selected: the layer's commands then work on it.
                vector->setSelection({std::uint32_t(feature)});
                mLayers->notifyStyleChanged(vector->id());
                const QString label = vector->style().labelField.isEmpty()
                                          ? QString()
                                          : vector->data().value(vector->data().features()[feature],
                                                                 vector->style().labelField);
                mIdentifyPanel->show(label.isEmpty() ? vector->name()
                                                     : QStringLiteral("%1 – %2").arg(label, vector->name()),
                                     vector->attributes(std::uint32_t(feature)));
                if (auto *dock = findChild<QDockWidget *>(QStringLiteral("identifyDock")))
                    dock->raise();
                return;
            }
            continue;
        }
        auto tracks = std::dynamic_pointer_cast<TrackLayer>(*it);
        if (!tracks || !tracks->isVisible())
            continue;
        const TrackLayer::Pick pick = tracks->nearest(lonLat, toleranceDeg);
        if (pick.found) {
            mIdentifyPanel->show(tr("%1 – %2").arg(tracks->registry().displayName(pick.mmsi), tracks->name()),
                                 tracks->describePosition(pick.mmsi, pick.index));
            if (auto *dock = findChild<QDockWidget *>(QStringLiteral("identifyDock")))
                dock->raise();
            return;
        }
    }
    mIdentifyPanel->showNothing(CoordinateFormat::toDms(lonLat.x(), lonLat.y()));
}

void MainWindow::zoomToWgs84(const QRectF &lonLatBox)
{
    mFramedOnce = true;
    mCanvas->zoomToWgs84(lonLatBox);
}

bool MainWindow::goTo(const QString &text)
{
    const ParsedCoordinate parsed = CoordinateFormat::parse(text);
    if (!parsed.ok) {
        mMessageBar->showMessage(MessageBar::Level::Warning,
                                 tr("Cannot go to '%1': %2").arg(text, parsed.error));
        return false;
    }
    // Zoom in to a street-level view unless already closer than that.
    const double resolution = std::min(mCanvas->resolution(), 20.0);
    mCanvas->centerOnWgs84(parsed.lonLat, resolution);
    statusBar()->showMessage(
        tr("Centred on %1").arg(CoordinateFormat::toDms(parsed.lonLat.x(), parsed.lonLat.y())), 5000);
    return true;
}

void MainWindow::showLayerProperties(const QString &id)
{
    auto layer = mLayers->find(id);
    if (!layer)
        return;
    LayerPropertiesDialog dialog(*layer, this);
    dialog.exec();
}

void MainWindow::removeLayer(const QString &id)
{
    if (auto layer = mLayers->find(id); layer && layer->kind() == Layer::Kind::Sighting) {
        mMessageBar->showMessage(
            MessageBar::Level::Info,
            tr("The sightings belong to the project: hide the layer instead, or close the project."));
        return;
    }
    mLayers->remove(id);
}

void MainWindow::buildOverviews(const QString &id)
{
    auto raster = std::dynamic_pointer_cast<RasterLayer>(mLayers->find(id));
    if (!raster)
        return;
    QProgressDialog progress(tr("Building overviews for %1…").arg(raster->name()), tr("Cancel"), 0, 1000,
                             this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(0);
    std::atomic<int> done{0};
    std::atomic<bool> cancel{false};
    QString error;
    // The worker gets copies only: the layer itself is touched on this thread alone.
    const QString source = raster->source();
    const int width = raster->info().width, height = raster->info().height;
    QFuture<bool> future = QtConcurrent::run([&done, &cancel, &error, source, width, height] {
        return RasterLayer::buildOverviewsFor(
            source, width, height,
            [&](double fraction) {
                done = int(fraction * 1000);
                return !cancel.load();
            },
            &error);
    });
    while (!future.isFinished()) {
        progress.setValue(done);
        QApplication::processEvents(QEventLoop::AllEvents, 50);
        if (progress.wasCanceled())
            cancel = true;
        QThread::msleep(20);
    }
    progress.setValue(1000);
    raster->reloadOverviews();
    if (!future.result())
        mMessageBar->showMessage(MessageBar::Level::Error, error.toHtmlEscaped());
    else
        mMessageBar->showMessage(
            MessageBar::Level::Info,
            tr("Built %1 overview levels for %2.").arg(raster->info().overviews.size()).arg(raster->name()));
    mCanvas->refresh();
}

void MainWindow::addToRecent(const QString &source)
{
    // Settings are plain text: a connection string with its password stays out.
    if (source.startsWith(QLatin1Char('<')) || hasSecrets(source))
        return;
    QSettings settings;
    QStringList recent = settings.value(kRecentKey).toStringList();
    recent.removeAll(source);
    recent.prepend(source);
    settings.setValue(kRecentKey, recent.mid(0, kMaxRecent));
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    mRecentMenu->clear();
    const QStringList recent = QSettings().value(kRecentKey).toStringList();
    for (const QString &source : recent)
        mRecentMenu->addAction(describeSource(source), this, [this, source] { openFiles({source}); });
    mRecentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::updateCursorPosition(QPointF mapPoint, bool inside)
{
    if (!inside) {
        mCoordDd->setText(QStringLiteral("—"));
        mCoordDms->setText(QString());
        mCoordMgrs->setText(QString());
        return;
    }
    const Transform toWgs84(mCanvas->crs(), Crs::wgs84());
    const QPointF ll = toWgs84.forward(mapPoint);
    if (!std::isfinite(ll.x()) || ll.x() == HUGE_VAL || std::abs(ll.y()) > 90) {
        mCoordDd->setText(tr("off the map"));
        mCoordDms->clear();
        mCoordMgrs->clear();
        return;
    }
    mCoordDd->setText(CoordinateFormat::toDecimalDegrees(ll.x(), ll.y(), 5));
    mCoordDms->setText(CoordinateFormat::toDms(ll.x(), ll.y(), 1));
    mCoordMgrs->setText(CoordinateFormat::toMgrs(ll.x(), ll.y(), 5));
}

void MainWindow::updateScale()
{
    mScale->setText(formatScale(mapScaleDenominator(mCanvas->mapSettings())));
}

void MainWindow::showRenderErrors(const QList<RenderError> &errors)
{
    QStringList lines;
    for (const RenderError &e : errors)
        lines << tr("<b>%1</b>: %2").arg(e.layerName.toHtmlEscaped(), e.message.toHtmlEscaped());
    mMessageBar->showMessage(MessageBar::Level::Error, lines.join(QStringLiteral("<br>")));
}

void MainWindow::showAbout()
{
    AboutDialog(this).exec();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
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
