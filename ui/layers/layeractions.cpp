#include "ui/common/backgroundtask.h"
#include "ui/layers/layeractions.h"

#include "ui/common/appicon.h"
#include "layers/trackfilelayers.h"
#include "layers/imageryservice.h"
#include "layers/layeropening.h"
#include "layers/layerstack.h"
#include "layers/rasterlayer.h"
#include "layers/tracklayer.h"
#include "model/vectordata.h"
#include "layers/vectoredit.h"
#include "layers/vectorlayer.h"
#include "project/layerhistory.h"
#include "project/project.h"
#include "project/sourcepolicy.h"
#include "tracks/vesselregistry.h"
#include "ui/common/loadstatus.h"
#include "ui/common/messagebar.h"
#include "ui/layers/addservicedialog.h"
#include "ui/layers/attributetable.h"
#include "ui/layers/csvmappingdialog.h"
#include "ui/layers/layerchooserdialog.h"
#include "ui/layers/layerpanel.h"
#include "ui/layers/layerpropertiesdialog.h"
#include "ui/layers/postgisdialog.h"
#include "ui/layers/rasterstylepanel.h"
#include "ui/layers/stylepanel.h"
#include "ui/layers/vesselpanel.h"
#include "ui/map/mapcanvas.h"
#include "ui/project/projectcontroller.h"
#include "util/credentials.h"
#include "util/gdalutil.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QMainWindow>
#include <QVBoxLayout>
#include <QMenu>
#include <QMessageBox>
#include <QPromise>
#include <QSettings>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrentRun>

namespace sightline {

namespace {
constexpr int kMaxRecent = 10;
const auto kRecentKey = QStringLiteral("recentFiles");

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

// A layer no file holds (a warp made on the fly, a corridor computed from lines): the project
// cannot open it again.
bool isHeldOnlyInMemory(const Layer &layer)
{
    if (layer.source().startsWith(QLatin1Char('<')))
        return true;
    const auto *vector = dynamic_cast<const VectorLayer *>(&layer);
    if (!vector || !isLocalPath(layer.source()) || vector->data().layerName().isEmpty())
        return false;
    return !VectorData::layerNames(layer.source(), nullptr).contains(vector->data().layerName());
}

// Panels one above the other, each showing itself for the layers it edits.
QWidget *stacked(std::initializer_list<QWidget *> panels, QWidget *window)
{
    auto *box = new QWidget(window);
    auto *layout = new QVBoxLayout(box);
    for (QWidget *panel : panels)
        layout->addWidget(panel);
    layout->addStretch(1);
    return box;
}

QDockWidget *makeDock(const QString &title, const char *name, QWidget *contents, QWidget *window)
{
    auto *dock = new QDockWidget(title, window);
    dock->setObjectName(QLatin1String(name));
    dock->setWidget(contents);
    return dock;
}
} // namespace

LayerActions::LayerActions(MapCanvas *canvas, LayerStack *layers, LayerPanel *layerPanel,
                           ProjectController *project, MessageBar *messages, LoadStatus *load,
                           QWidget *window)
    : QObject(window)
    , mCanvas(canvas)
    , mLayers(layers)
    , mLayerPanel(layerPanel)
    , mProject(project)
    , mMessages(messages)
    , mLoad(load)
    , mWindow(window)
    , mOpen(new QAction(appIcon("open"), tr("&Open Layer…"), this))
    , mService(new QAction(appIcon("service"), tr("Add Imagery &Service…"), this))
    , mPostgis(new QAction(tr("Add &PostGIS Layers…"), this))
    , mRemove(new QAction(appIcon("remove"), tr("&Remove"), this))
    , mVesselPanel(new VesselPanel(layers, window))
    , mVesselDock(makeDock(tr("Vessels"), "vesselsDock", mVesselPanel, window))
    , mAttributeTable(new AttributeTable(layers, window))
    , mAttributeDock(makeDock(tr("Attribute Table"), "attributeDock", mAttributeTable, window))
    , mStylePanel(new StylePanel(layers, window))
    , mRasterStylePanel(new RasterStylePanel(layers, window))
    , mStyleDock(makeDock(tr("Style"), "styleDock", stacked({mRasterStylePanel, mStylePanel}, window), window))
    , mOverviews(new BackgroundTask(QStringLiteral("overviews"), this))
{
    if (auto *mainWindow = qobject_cast<QMainWindow *>(window))
        mOverviews->showIn(mainWindow->statusBar());
    connect(mOverviews, &BackgroundTask::finished, this, [this](bool) {
        // Cancelled, the build removes what it had written; the layer draws as before.
        if (mOverviews->wasCancelled())
            mMessages->showMessage(MessageBar::Level::Info,
                                   tr("%1 cancelled.").arg(mOverviews->label()).toHtmlEscaped());
    });
    connect(mOverviews, &BackgroundTask::failed, this, [this](const QString &error) {
        mMessages->showMessage(MessageBar::Level::Error, error.toHtmlEscaped());
    });
    mOpen->setShortcut(QKeySequence::Open);
    mOpen->setObjectName(QStringLiteral("actionOpen"));
    mOpen->setToolTip(tr("Open imagery or vector files as layers on the map"));
    connect(mOpen, &QAction::triggered, this, &LayerActions::openDialog);
    mService->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));
    mService->setToolTip(tr("Add an XYZ or WMTS tile service as an imagery layer"));
    connect(mService, &QAction::triggered, this, &LayerActions::addServiceDialog);
    mPostgis->setObjectName(QStringLiteral("actionAddPostgis"));
    mPostgis->setToolTip(tr("Add tables of a PostGIS database as vector layers"));
    connect(mPostgis, &QAction::triggered, this, [this] {
        PostgisDialog dialog(mWindow);
        if (dialog.exec() == QDialog::Accepted && !dialog.selectedLayers().isEmpty())
            openVectorLayers(dialog.connectionString(), dialog.selectedLayers());
    });
    mRemove->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Delete));
    mRemove->setToolTip(tr("Take the selected layer off the map"));
    connect(mRemove, &QAction::triggered, this, [this] { removeLayer(mLayerPanel->currentLayerId()); });

    connect(mAttributeTable, &AttributeTable::zoomRequested, this,
            [this](const QRectF &box) { mCanvas->zoomToWgs84(box); });
    // The layer list's edits share the project's one undo history.
    mLayerPanel->setUndoStack(mProject->undoStack());
    mStylePanel->setUndoStack(mProject->undoStack());
    connect(mLayerPanel, &LayerPanel::currentLayerChanged, mStylePanel, &StylePanel::showLayer);
    // A raster shows its display (backscatter in dB or a plain stretch) in place of the vector style.
    mRasterStylePanel->setUndoStack(mProject->undoStack());
    connect(mLayerPanel, &LayerPanel::currentLayerChanged, this, [this](const QString &id) {
        mRasterStylePanel->showLayer(id);
        mStylePanel->setVisible(!mRasterStylePanel->hasLayer());
    });
    connect(mVesselPanel, &VesselPanel::vesselActivated, this, &LayerActions::activateVessel);
    connect(mLayerPanel, &LayerPanel::zoomToLayerRequested, mCanvas, &MapCanvas::zoomToLayer);
    connect(mLayerPanel, &LayerPanel::propertiesRequested, this, &LayerActions::showLayerProperties);
    connect(mLayerPanel, &LayerPanel::removeRequested, this, &LayerActions::removeLayer);
    connect(mLayerPanel, &LayerPanel::attributeTableRequested, this, &LayerActions::openAttributeTable);
    connect(mProject, &ProjectController::openRequested, this,
            [this](const QStringList &sources, const QHash<QString, QStringList> &chosen) {
                openSources(sources, false, chosen);
            });
}

void LayerActions::populateBasemaps(QMenu *menu)
{
    for (const ImageryService &s : imageryServicePresets())
        menu->addAction(s.name, this, [this, url = s.url] { openFiles({url}); })
            ->setToolTip(tr("Add the %1 tiles as a layer").arg(s.name));
}

void LayerActions::setRecentMenu(QMenu *menu, std::function<void(QMenu *)> appendMore)
{
    mRecentMenu = menu;
    mAppendRecent = std::move(appendMore);
    updateRecentMenu();
}

void LayerActions::addToLayerMenu(QMenu *menu)
{
    menu->addAction(tr("&Properties…"), this, [this] { showLayerProperties(mLayerPanel->currentLayerId()); })
        ->setToolTip(tr("Source, CRS, size, bands and metadata of the selected layer"));
    QAction *table = menu->addAction(tr("&Attribute Table"), this,
                                     [this] { openAttributeTable(mLayerPanel->currentLayerId()); });
    table->setShortcut(QKeySequence(Qt::Key_F6));
    table->setObjectName(QStringLiteral("actionAttributeTable"));
    table->setToolTip(tr("The selected layer's features in a table"));
    menu->addAction(tr("Build &Overviews…"), this, [this] { buildOverviews(mLayerPanel->currentLayerId()); })
        ->setToolTip(tr("Build reduced copies of the selected image so it draws fast zoomed out"));
}

void LayerActions::openDialog()
{
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("lastOpenDir")).toString();
    const QStringList files =
        QFileDialog::getOpenFileNames(mWindow, tr("Open Layer"), dir, layerFileFilter());
    if (files.isEmpty())
        return;
    settings.setValue(QStringLiteral("lastOpenDir"), QFileInfo(files.first()).absolutePath());
    openFiles(files);
}

void LayerActions::addServiceDialog()
{
    AddServiceDialog dialog(mWindow);
    if (dialog.exec() == QDialog::Accepted)
        openFiles({dialog.url()});
}

void LayerActions::openFiles(const QStringList &sources)
{
    // A project among the files opens as the project; the rest as layers over it.
    QStringList layers;
    for (const QString &source : sources) {
        if (isLocalPath(source) && source.endsWith(QLatin1String(".gpkg"), Qt::CaseInsensitive) &&
            Project::isProject(source))
            mProject->openProject(QFileInfo(source).absoluteFilePath());
        else
            layers << source;
    }
    if (!layers.isEmpty())
        openSources(layers, false);
}

void LayerActions::openVectorLayers(const QString &source, const QStringList &layerNames)
{
    openSources({source}, false, {{source, layerNames}});
}

void LayerActions::openTrackFiles(const QStringList &paths)
{
    openSources(paths, true);
}

void LayerActions::openSources(const QStringList &sources, bool forceAis,
                               const QHash<QString, QStringList> &chosenLayers)
{
    if (sources.isEmpty())
        return;
    // CSV exports that match no preset get their columns chosen here, before the work starts.
    QHash<QString, CsvColumnMapping> mappings;
    QStringList resolved;
    if (forceAis)
        resolved = CsvMappingDialog::chooseTrackColumns(sources, &mappings, mMessages, mWindow);
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
        LayerChooserDialog chooser(path, names, mWindow);
        if (chooser.exec() != QDialog::Accepted || chooser.selected().isEmpty()) {
            resolved.removeAll(path);
            continue;
        }
        layerChoices.insert(path, chooser.selected());
    }
    if (resolved.isEmpty())
        return;
    mLoad->begin(int(resolved.size()), tr("Opening %n layer(s)…", nullptr, int(resolved.size())));
    const bool anyAis =
        forceAis || !mappings.isEmpty() || std::any_of(resolved.begin(), resolved.end(), isAisLogPath);
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    if (anyAis)
        mLoad->showImport(cancel);
    // Opening reads headers and statistics, or a whole AIS log: off the UI thread, one
    // batch in its given order, so the layers stack up as listed and the first one frames
    // the view. Results come back through a watcher owned by these actions, so a window
    // closed meanwhile is never called.
    auto *watcher = new QFutureWatcher<OpenResult>(this);
    // Several files opened into an empty map are framed together, not by the first alone.
    // A new project's own Sightings and Events layers are there before anything is opened and hold
    // nothing yet: a map with only those is still empty.
    const bool intoEmptyMap = !mProject->isRestoring() &&
                              std::none_of(mLayers->layers().begin(), mLayers->layers().end(), [](const auto &layer) {
                                  return layer->kind() != Layer::Kind::Sighting && layer->kind() != Layer::Kind::Event;
                              });
    auto framed = std::make_shared<QStringList>();
    connect(watcher, &QFutureWatcherBase::resultReadyAt, this, [this, watcher, intoEmptyMap, framed](int index) {
        const OpenResult r = watcher->resultAt(index);
        mLoad->finishOne();
        if (r.layers.isEmpty())
            onLayerOpened(r.source, nullptr, r.error, r.report);
        for (const auto &layer : r.layers)
            onLayerOpened(r.source, layer, r.error, r.report);
        for (const auto &layer : r.layers)
            if (mLayers->find(layer->id()))
                framed->append(layer->id());
        if (intoEmptyMap && !r.layers.isEmpty() && !framed->isEmpty())
            Q_EMIT openedIntoEmptyMap(*framed);
    });
    connect(watcher, &QFutureWatcherBase::progressValueChanged, mLoad, &LoadStatus::setImportProgress);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, cancel] {
        mLoad->hideImport(cancel);
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
                LayerOpenRequest request;
                request.source = source;
                request.layerNames = layerChoices.value(source);
                request.asTracks = forceAis;
                if (mappings.contains(source))
                    request.csvMapping = mappings.value(source);
                request.progress = progress;
                // Track files the user picked are read as they are; anything else is judged as the
                // command line judges it: a raw band or a /vsi path is refused, even opened by hand.
                if (const SourceVerdict verdict = checkUserSource(source);
                    !readsAsTracks(request) && !verdict.allowed()) {
                    r.error = QStringLiteral("'%1': refused: %2").arg(describeSource(source), verdict.reason);
                } else {
                    const OpenedLayers opened = openLayers(request);
                    r.layers = opened.layers;
                    r.error = opened.error;
                    r.report = opened.report;
                }
            } catch (const std::exception &e) {
                r.error = QStringLiteral("'%1': %2").arg(source, QString::fromUtf8(e.what()));
            }
            promise.addResult(r);
        }
    }));
}

void LayerActions::onLayerOpened(const QString &source, const std::shared_ptr<Layer> &layer,
                                 const QString &error, const QString &report)
{
    mLoad->keepReport(report);
    if (!layer) {
        if (!report.isEmpty())
            mMessages->showMessage(MessageBar::Level::Error,
                                   tr("Could not import: %1").arg(error.toHtmlEscaped()), tr("Details"),
                                   [this] { mLoad->showReport(); });
        else
            mMessages->showMessage(MessageBar::Level::Error,
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
    const bool restoring = mProject->isRestoring(); // the project's saved view frames the map instead
    // A project puts its layers back in its own order. A layer the user opens is an edit they can
    // undo, and a new image goes under what is drawn on it.
    if (restoring)
        mLayers->add(layer);
    else
        LayerHistory(mLayers, mProject->undoStack()).add(layer);
    mProject->layerOpened(layer, source);
    mLayerPanel->selectLayer(layer->id());
    if (!restoring)
        addToRecent(source);
    if (auto raster = std::dynamic_pointer_cast<RasterLayer>(layer);
        raster && raster->wouldBenefitFromOverviews()) {
        const QString id = layer->id();
        mMessages->showMessage(MessageBar::Level::Warning,
                               tr("%1 is %2 × %3 pixels with no overviews: zoomed-out views will be slow.")
                                   .arg(layer->name())
                                   .arg(raster->info().width)
                                   .arg(raster->info().height),
                               tr("Build Overviews"), [this, id] { buildOverviews(id); });
    }
    if (auto tracks = std::dynamic_pointer_cast<TrackLayer>(layer); tracks && !report.isEmpty()) {
        const QString firstLine = report.section(QLatin1Char('\n'), 0, 0);
        mMessages->showMessage(MessageBar::Level::Info,
                               tr("Imported %1 positions of %2 vessels. %3")
                                   .arg(tracks->store().positionCount())
                                   .arg(tracks->store().vesselCount())
                                   .arg(firstLine.section(QStringLiteral(", "), -1).toHtmlEscaped()),
                               tr("Details"), [this] { mLoad->showReport(); });
    }
    Q_EMIT sourceOpened(source, true);
}

void LayerActions::openAttributeTable(const QString &layerId)
{
    if (auto layer = mLayers->find(layerId); !layer || layer->kind() != Layer::Kind::Vector) {
        Q_EMIT statusMessage(tr("The attribute table is for vector layers."), 4000);
        return;
    }
    mAttributeTable->showLayer(layerId);
    mAttributeDock->show();
    mAttributeDock->raise();
}

void LayerActions::activateVessel(const QString &layerId, std::uint32_t mmsi)
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
    Q_EMIT statusMessage(tr("%1: %2 positions").arg(tracks->registry().displayName(mmsi)).arg(track->size()),
                         5000);
}

void LayerActions::showLayerProperties(const QString &id)
{
    auto layer = mLayers->find(id);
    if (!layer)
        return;
    LayerPropertiesDialog dialog(*layer, mWindow);
    dialog.exec();
}

void LayerActions::removeLayer(const QString &id)
{
    if (auto layer = mLayers->find(id); layer && layer->kind() == Layer::Kind::Sighting) {
        mMessages->showMessage(
            MessageBar::Level::Info,
            tr("The sightings belong to the project: hide the layer instead, or close the project."));
        return;
    }
    const auto layer = mLayers->find(id);
    if (!layer)
        return;
    // Removing is undoable (the layer object is kept on the undo stack), so a file-backed layer goes
    // without a question, as in QGIS. Only a layer no file holds is asked about: once the history is
    // cleared (the project closed, Sightline quit) nothing could bring it back.
    if (isHeldOnlyInMemory(*layer)) {
        QMessageBox ask(QMessageBox::Question, tr("Remove Layer"),
                        tr("\"%1\" is not kept in any file: it was made in this session.\n\n"
                           "Remove it? Edit → Undo brings it back until the project is closed.")
                            .arg(layer->name()),
                        QMessageBox::Cancel, mWindow);
        ask.setObjectName(QStringLiteral("removeMemoryLayerDialog"));
        ask.addButton(tr("Remove"), QMessageBox::DestructiveRole);
        ask.setDefaultButton(QMessageBox::Cancel);
        ask.exec();
        if (ask.buttonRole(ask.clickedButton()) != QMessageBox::DestructiveRole)
            return;
    }
    LayerHistory(mLayers, mProject->undoStack()).remove(id);
    Q_EMIT statusMessage(tr("Removed %1 — Edit → Undo brings it back").arg(layer->name()), 5000);
}

void LayerActions::buildOverviews(const QString &id)
{
    auto raster = std::dynamic_pointer_cast<RasterLayer>(mLayers->find(id));
    if (!raster)
        return;
    if (mOverviews->isRunning()) {
        mMessages->showMessage(MessageBar::Level::Info,
                               tr("%1 is still running: cancel it or wait before building more.")
                                   .arg(mOverviews->label())
                                   .toHtmlEscaped());
        return;
    }
    // The worker gets copies only and opens its own dataset handle: the layer itself is touched on
    // this thread alone, and only if it is still open when the build returns.
    const QString source = raster->source();
    const int width = raster->info().width, height = raster->info().height;
    const std::weak_ptr<RasterLayer> layer = raster;
    struct Built
    {
        bool ok = false;
        QString error;
    };
    mOverviews->start(
        tr("Building overviews for %1").arg(raster->name()),
        [source, width, height](TaskControl &control) {
            Built built;
            built.ok = RasterLayer::buildOverviewsFor(
                source, width, height, [&control](double fraction) { return control.progress(fraction); },
                &built.error);
            return built;
        },
        [this, layer](Built built) {
            const auto raster = layer.lock();
            if (!built.ok) {
                mMessages->showMessage(MessageBar::Level::Error, built.error.toHtmlEscaped());
                return;
            }
            if (!raster)
                return;
            raster->reloadOverviews();
            mMessages->showMessage(MessageBar::Level::Info, tr("Built %1 overview levels for %2.")
                                                                .arg(raster->info().overviews.size())
                                                                .arg(raster->name()));
            mCanvas->refresh();
        });
}

void LayerActions::addToRecent(const QString &source)
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

void LayerActions::updateRecentMenu()
{
    if (!mRecentMenu)
        return;
    mRecentMenu->clear();
    const QStringList recent = QSettings().value(kRecentKey).toStringList();
    for (const QString &source : recent)
        mRecentMenu->addAction(describeSource(source), this, [this, source] { openFiles({source}); });
    if (mAppendRecent)
        mAppendRecent(mRecentMenu);
    mRecentMenu->setEnabled(!mRecentMenu->isEmpty());
}

} // namespace sightline
