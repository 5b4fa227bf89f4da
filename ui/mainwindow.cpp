#include "mainwindow.h"

#include "addservicedialog.h"
#include "geo/coordinateformat.h"
#include "geo/transform.h"
#include "layerpanel.h"
#include "layerpropertiesdialog.h"
#include "layers/layerstack.h"
#include "layers/rasterlayer.h"
#include "mapcanvas.h"
#include "messagebar.h"
#include "render/mapscale.h"
#include "util/gdalutil.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QProgressDialog>
#include <QPromise>
#include <QSettings>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrentRun>
#include <QToolBar>
#include <QVBoxLayout>

#include <gdal.h>
#include <proj.h>

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
    std::shared_ptr<Layer> layer;
    QString error;
};

QString rasterFilter()
{
    return QObject::tr(
        "Imagery (*.tif *.tiff *.jp2 *.j2k *.mbtiles *.vrt *.img *.ecw *.png *.jpg *.nc *.xml);;"
        "All files (*)");
}
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), mLayers(new LayerStack(this)), mCanvas(new MapCanvas(mLayers, this)),
      mLayerPanel(new LayerPanel(mLayers, this)), mMessageBar(new MessageBar(this)),
      mGoTo(new QLineEdit(this))
{
    initSightlineResources();
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

    createActions();
    createStatusBar();

    connect(mLayerPanel, &LayerPanel::zoomToLayerRequested, mCanvas, &MapCanvas::zoomToLayer);
    connect(mLayerPanel, &LayerPanel::propertiesRequested, this, &MainWindow::showLayerProperties);
    connect(mLayerPanel, &LayerPanel::removeRequested, this, &MainWindow::removeLayer);
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

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(icon("open"), tr("&Open Imagery…"), this, &MainWindow::openDialog);
    open->setShortcut(QKeySequence::Open);
    open->setObjectName(QStringLiteral("actionOpen"));
    QAction *service =
        file->addAction(icon("service"), tr("Add Imagery &Service…"), this, &MainWindow::addServiceDialog);
    service->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));
    QMenu *basemaps = file->addMenu(tr("Add &Basemap"));
    for (const ImageryService &s : imageryServicePresets())
        basemaps->addAction(s.name, this, [this, url = s.url] { openFiles({url}); });
    mRecentMenu = file->addMenu(tr("Open &Recent"));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    auto *tools = new QActionGroup(this);
    QAction *pan =
        view->addAction(icon("pan"), tr("&Pan"), this, [this] { mCanvas->setTool(MapCanvas::Tool::Pan); });
    pan->setCheckable(true);
    pan->setChecked(true);
    pan->setShortcut(QKeySequence(Qt::Key_P));
    pan->setObjectName(QStringLiteral("actionPan"));
    QAction *zoomBox = view->addAction(icon("zoom-box"), tr("Zoom to &Box"), this,
                                       [this] { mCanvas->setTool(MapCanvas::Tool::ZoomBox); });
    zoomBox->setCheckable(true);
    zoomBox->setShortcut(QKeySequence(Qt::Key_Z));
    zoomBox->setObjectName(QStringLiteral("actionZoomBox"));
    tools->addAction(pan);
    tools->addAction(zoomBox);
    view->addSeparator();
    QAction *zoomIn = view->addAction(icon("zoom-in"), tr("Zoom &In"), mCanvas, &MapCanvas::zoomIn);
    zoomIn->setShortcut(QKeySequence::ZoomIn);
    QAction *zoomOut = view->addAction(icon("zoom-out"), tr("Zoom &Out"), mCanvas, &MapCanvas::zoomOut);
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    QAction *full =
        view->addAction(icon("zoom-full"), tr("Zoom to &All Layers"), mCanvas, &MapCanvas::zoomToFullExtent);
    full->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    QAction *toLayer = view->addAction(icon("zoom-layer"), tr("Zoom to &Layer"), this,
                                       [this] { mCanvas->zoomToLayer(mLayerPanel->currentLayerId()); });
    view->addSeparator();
    QAction *goToAction = view->addAction(tr("&Go to Coordinate…"), this, [this] {
        mGoTo->setFocus();
        mGoTo->selectAll();
    });
    goToAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    view->addSeparator();
    view->addAction(tr("Refresh"), mCanvas, &MapCanvas::refresh)->setShortcut(QKeySequence::Refresh);

    QMenu *layer = menuBar()->addMenu(tr("&Layer"));
    layer->addAction(tr("&Properties…"), this,
                     [this] { showLayerProperties(mLayerPanel->currentLayerId()); });
    layer->addAction(tr("Build &Overviews…"), this,
                     [this] { buildOverviews(mLayerPanel->currentLayerId()); });
    layer
        ->addAction(icon("remove"), tr("&Remove"), this,
                    [this] { removeLayer(mLayerPanel->currentLayerId()); })
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Delete));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Sightline"), this, &MainWindow::showAbout);

    QToolBar *bar = addToolBar(tr("Map"));
    bar->setObjectName(QStringLiteral("mapToolBar"));
    bar->setIconSize(QSize(22, 22));
    bar->addAction(open);
    bar->addAction(service);
    bar->addSeparator();
    bar->addAction(pan);
    bar->addAction(zoomBox);
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
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Open Imagery"), dir, rasterFilter());
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
    if (sources.isEmpty())
        return;
    QStringList resolved;
    for (const QString &source : sources)
        resolved << (isLocalPath(source) ? QFileInfo(source).absoluteFilePath() : source);
    mPendingOpens += int(resolved.size());
    mProgress->show();
    statusBar()->showMessage(tr("Opening %n layer(s)…", nullptr, int(resolved.size())));
    // Opening reads headers and statistics: off the UI thread, one batch in its given
    // order, so the layers stack up as listed and the first one frames the view.
    // Results come back through a watcher owned by this window, so a window closed
    // meanwhile is never called.
    auto *watcher = new QFutureWatcher<OpenResult>(this);
    connect(watcher, &QFutureWatcherBase::resultReadyAt, this, [this, watcher](int index) {
        const OpenResult r = watcher->resultAt(index);
        onLayerOpened(r.source, r.layer, r.error);
    });
    connect(watcher, &QFutureWatcherBase::finished, watcher, &QObject::deleteLater);
    watcher->setFuture(QtConcurrent::run([resolved](QPromise<OpenResult> &promise) {
        for (const QString &source : resolved) {
            OpenResult r{source, nullptr, QString()};
            // Exceptions stop at the thread boundary; the UI gets a message instead.
            try {
                r.layer = openLayer(source, &r.error);
            } catch (const std::exception &e) {
                r.error = QStringLiteral("'%1': %2").arg(source, QString::fromUtf8(e.what()));
            }
            promise.addResult(r);
        }
    }));
}

void MainWindow::onLayerOpened(const QString &source, const std::shared_ptr<Layer> &layer,
                               const QString &error)
{
    --mPendingOpens;
    if (mPendingOpens == 0) {
        mProgress->hide();
        statusBar()->clearMessage();
    }
    if (!layer) {
        mMessageBar->showMessage(MessageBar::Level::Error,
                                 tr("Could not open layer: %1").arg(error.toHtmlEscaped()));
        Q_EMIT sourceOpened(source, false);
        return;
    }
    const bool first = mLayers->count() == 0;
    mLayers->add(layer);
    mLayerPanel->selectLayer(layer->id());
    addToRecent(source);
    if (first && !mFramedOnce)
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
    Q_EMIT sourceOpened(source, true);
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
    if (source.startsWith(QLatin1Char('<')))
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
        mRecentMenu->addAction(source, this, [this, source] { openFiles({source}); });
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
    QMessageBox::about(this, tr("About Sightline"),
                       tr("<h3>Sightline %1</h3><p>Geospatial analysis workbench for imagery and "
                          "open-source intelligence analysts.</p>"
                          "<p>Qt %2 · GDAL %3 · PROJ %4</p>"
                          "<p>Data credits: Natural Earth (public domain); Landsat imagery courtesy of "
                          "the U.S. Geological Survey; © OpenStreetMap contributors.</p>")
                           .arg(QCoreApplication::applicationVersion(), QString::fromLatin1(qVersion()),
                                QString::fromLatin1(GDALVersionInfo("RELEASE_NAME")),
                                QString::fromLatin1(proj_info().version)));
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
