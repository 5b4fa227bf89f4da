#include "ui/sightings/sightingactions.h"

#include "ui/sightings/counttool.h"
#include "ui/editing/drawtool.h"
#include "layers/layerstack.h"
#include "layers/tracklayer.h"
#include "ui/map/mapcanvas.h"
#include "ui/common/messagebar.h"
#include "ui/sightings/pointpicktool.h"
#include "layers/rasterprovenance.h"
#include "project/projectsession.h"
#include "project/sightinginterchange.h"
#include "ui/project/projectcontroller.h"
#include "ui/sightings/sightingdialog.h"
#include "ui/sightings/sightingpanel.h"
#include "ui/time/timecontroller.h"
#include "tracks/vesselregistry.h"

#include <QActionGroup>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QIcon>
#include <QMenu>
#include <QSettings>
#include <QToolBar>
#include <QUndoStack>

namespace sightline {

namespace {
// What the analyst filled in last: the next sighting on the same imagery needs it again.
const auto kLastSourceKey = QStringLiteral("sightings/lastImagerySource");
// What the imagery under the last sighting prefilled: the same image again means the analyst's
// own words for it from last time still hold.
const auto kLastPrefilledKey = QStringLiteral("sightings/lastPrefilledImagery");
const auto kLastProviderKey = QStringLiteral("sightings/lastImageryProvider");
const auto kLastReliabilityKey = QStringLiteral("sightings/lastSourceReliability");
const auto kLastCredibilityKey = QStringLiteral("sightings/lastInformationCredibility");
const auto kCountKindKey = QStringLiteral("sightings/countKind");
} // namespace

SightingActions::SightingActions(MapCanvas *canvas, LayerStack *layers, ProjectController *project,
                                 QWidget *dialogParent)
    : QObject(dialogParent)
    , mCanvas(canvas)
    , mLayers(layers)
    , mProject(project)
    , mDialogParent(dialogParent)
    , mPointTool(std::make_unique<PointPickTool>(canvas))
    , mShapeTool(std::make_unique<DrawTool>(canvas, layers))
    , mCountTool(std::make_unique<CountTool>(canvas))
    , mPanel(new SightingPanel(project, layers, dialogParent))
    , mDock(new QDockWidget(tr("Sightings"), dialogParent))
{
    mCountTool->setKind(QSettings().value(kCountKindKey, QStringLiteral("other")).toString());
    mDock->setObjectName(QStringLiteral("sightingsDock"));
    mDock->setWidget(mPanel);
    if (QAction *toggle = mDock->toggleViewAction()) {
        toggle->setIcon(QIcon(QStringLiteral(":/icons/sightings-dock.svg")));
        toggle->setObjectName(QStringLiteral("actionSightingsDock"));
    }
    connect(mPanel, &SightingPanel::editRequested, this, &SightingActions::editSighting);
    mCountTool->setUndoStack(project->undoStack());
    // Marks belong to the imagery of the project they were placed in.
    connect(project, &ProjectController::projectChanged, this, [this] {
        if (!mProject->session())
            mCountTool->clear();
    });
    connect(mCountTool.get(), &CountTool::countFinished, this, [this](const QList<QPointF> &marks) {
        SightingGeometry g;
        g.type = SightingGeometry::Type::MultiPoint;
        g.lonLat = marks;
        // A cancelled form keeps the marks: counting a hundred objects is work. A saved one takes the
        // marks' entries off the undo stack first, so the count is one entry: "Add sighting".
        if (newSighting(g, [this] { mCountTool->rewindHistory(); }))
            mCountTool->clear();
    });
    connect(mPointTool.get(), &PointPickTool::picked, this, [this](QPointF lonLat) {
        SightingGeometry g;
        g.lonLat = {lonLat};
        newSighting(g);
    });
    connect(mShapeTool.get(), &DrawTool::shapeDrawn, this,
            [this](VectorFeature::Kind kind, const std::vector<QPointF> &lonLat) {
                SightingGeometry g;
                g.type = kind == VectorFeature::Kind::Polygon ? SightingGeometry::Type::Polygon
                                                              : SightingGeometry::Type::Line;
                g.lonLat = QList<QPointF>(lonLat.begin(), lonLat.end());
                newSighting(g);
            });
}

// The window takes the map tool off its canvas before either goes.
SightingActions::~SightingActions() = default;

void SightingActions::revealSighting(std::int64_t id)
{
    mPanel->selectSighting(id);
    mDock->show();
    mDock->raise();
}

void SightingActions::populate(QMenu *menu, QToolBar *bar, QActionGroup *tools)
{
    QAction *point = menu->addAction(QIcon(QStringLiteral(":/icons/sighting.svg")), tr("Add &Point Sighting"),
                                     this, [this] { mCanvas->setMapTool(mPointTool.get()); });
    point->setShortcut(QKeySequence(Qt::Key_S));
    point->setObjectName(QStringLiteral("actionAddPointSighting"));
    point->setToolTip(tr("Click the map to record a sighting at that point"));
    QAction *area = menu->addAction(QIcon(QStringLiteral(":/icons/sighting-area.svg")),
                                    tr("Add &Area Sighting"), this, [this] {
                                        mShapeTool->setKind(VectorFeature::Kind::Polygon);
                                        mCanvas->setMapTool(mShapeTool.get());
                                    });
    area->setObjectName(QStringLiteral("actionAddAreaSighting"));
    area->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_S));
    area->setToolTip(tr("Draw a polygon to record a sighting over an area"));
    QAction *line = menu->addAction(QIcon(QStringLiteral(":/icons/sighting-line.svg")),
                                    tr("Add &Line Sighting"), this, [this] {
                                        mShapeTool->setKind(VectorFeature::Kind::Line);
                                        mCanvas->setMapTool(mShapeTool.get());
                                    });
    line->setObjectName(QStringLiteral("actionAddLineSighting"));
    line->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_L));
    line->setToolTip(tr("Draw a line to record a sighting along it"));
    QAction *count = menu->addAction(QIcon(QStringLiteral(":/icons/count.svg")), tr("&Count Objects"), this,
                                     [this] { mCanvas->setMapTool(mCountTool.get()); });
    count->setShortcut(QKeySequence(Qt::Key_C));
    count->setObjectName(QStringLiteral("actionCountObjects"));
    count->setStatusTip(
        tr("Click each object to count it; Enter saves the marks and their total as a sighting"));
    count->setToolTip(count->statusTip());
    // What a count is of: the kind its sighting is saved as (the last one saved, until changed).
    QMenu *counted = menu->addMenu(tr("What Is &Counted"));
    counted->setObjectName(QStringLiteral("menuCountKind"));
    auto *kinds = new QActionGroup(counted);
    for (const QString &k : sightingKinds()) {
        if (k == QLatin1String("vessel"))
            continue; // vessels are sighted one at a time, not counted in a crowd
        QAction *a = counted->addAction(sightingKindLabel(k), this, [this, k] {
            setCountKind(k);
            mCanvas->setMapTool(mCountTool.get());
        });
        a->setObjectName(QStringLiteral("actionCountKind_") + QString(k).replace(QLatin1Char(' '), QLatin1Char('_')));
        a->setToolTip(tr("Count %1: the count is saved as a %2 sighting").arg(k, sightingKindLabel(k)));
        a->setStatusTip(a->toolTip());
        a->setCheckable(true);
        a->setChecked(k == mCountTool->kind());
        kinds->addAction(a);
    }
    connect(this, &SightingActions::countKindChanged, counted, [counted](const QString &kind) {
        for (QAction *a : counted->actions())
            a->setChecked(a->objectName().endsWith(QString(kind).replace(QLatin1Char(' '), QLatin1Char('_'))));
    });
    menu->addSeparator();
    QAction *exportAction = menu->addAction(tr("&Export Sightings…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            mDialogParent, tr("Export Sightings"), QString(),
            tr("GeoJSON (*.geojson);;KML for Google Earth (*.kml);;CSV with WKT (*.csv)"));
        if (!path.isEmpty())
            exportSightings(path);
    });
    exportAction->setObjectName(QStringLiteral("actionExportSightings"));
    exportAction->setToolTip(tr("Write the project's sightings to GeoJSON, KML or CSV"));
    QAction *importAction = menu->addAction(tr("&Import Sightings…"), this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(mDialogParent, tr("Import Sightings"), QString(),
                                         tr("Sightings (*.geojson *.json *.kml *.csv);;All files (*)"));
        if (!path.isEmpty())
            importSightings(path);
    });
    importAction->setObjectName(QStringLiteral("actionImportSightings"));
    importAction->setToolTip(tr("Add the sightings of a GeoJSON, KML or CSV file to the project"));
    for (QAction *a : {point, area, line, count}) {
        a->setCheckable(true);
        tools->addAction(a);
        bar->addAction(a);
    }
}

bool SightingActions::newSighting(const SightingGeometry &geometry, const std::function<void()> &beforeSave)
{
    if (!mProject->requireWritableProject())
        return false;
    Sighting s;
    s.geometry = geometry;
    const ImageryProvenance imagery = imageryProvenanceAt(*mLayers, geometry.boundsWgs84().center());
    s.imagerySource = imagery.source;
    s.imageryProvider = imagery.provider;
    s.imageryAcquiredMs = imagery.acquiredMs;
    s.imageryResolutionM = imagery.resolutionM;
    // What the analyst is looking at: the time cursor's instant, else the image's date; never "now".
    s.observedAtMs = mTime && mTime->cursorMs() ? mTime->cursorMs() : imagery.acquiredMs;
    s.analyst = mProject->session()->project().analyst();
    QSettings settings;
    const QString prefilled = s.imagerySource;
    if (prefilled.isEmpty() || prefilled == settings.value(kLastPrefilledKey).toString()) {
        s.imagerySource = settings.value(kLastSourceKey, s.imagerySource).toString();
        s.imageryProvider = settings.value(kLastProviderKey, s.imageryProvider).toString();
    }
    const QString reliability = settings.value(kLastReliabilityKey).toString();
    if (reliability.size() == 1)
        s.sourceReliability = reliability.at(0);
    s.informationCredibility = settings.value(kLastCredibilityKey, s.informationCredibility).toInt();
    if (geometry.type == SightingGeometry::Type::MultiPoint) {
        s.count = int(geometry.lonLat.size());
        s.kind = mCountTool->kind();
    }
    SightingDialog dialog(s, vesselChoices(), mDialogParent);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    const Sighting saved = dialog.sighting();
    settings.setValue(kLastPrefilledKey, prefilled);
    settings.setValue(kLastSourceKey, saved.imagerySource);
    settings.setValue(kLastProviderKey, saved.imageryProvider);
    settings.setValue(kLastReliabilityKey, QString(saved.sourceReliability));
    settings.setValue(kLastCredibilityKey, saved.informationCredibility);
    if (geometry.type == SightingGeometry::Type::MultiPoint)
        setCountKind(saved.kind); // the next count is most likely of the same things
    if (beforeSave)
        beforeSave();
    return mProject->session()->addSighting(saved);
}

bool SightingActions::editSighting(std::int64_t id)
{
    ProjectSession *session = mProject->session();
    if (!session || !mProject->requireWritableProject())
        return false;
    const std::optional<Sighting> stored = session->project().sighting(id);
    if (!stored)
        return false;
    SightingDialog dialog(*stored, vesselChoices(), mDialogParent);
    dialog.setWindowTitle(tr("Edit Sighting #%1").arg(id));
    if (dialog.exec() != QDialog::Accepted)
        return false;
    const Sighting edited = dialog.sighting();
    if (edited == *stored)
        return true; // nothing changed: no version, no audit line, no undo step
    return session->editSighting(edited, tr("Edit %1").arg(edited.title()));
}

void SightingActions::setCountKind(const QString &kind)
{
    if (kind == mCountTool->kind())
        return;
    mCountTool->setKind(kind);
    QSettings().setValue(kCountKindKey, kind);
    Q_EMIT countKindChanged(kind);
}

QList<QPair<std::uint32_t, QString>> SightingActions::vesselChoices() const
{
    QList<QPair<std::uint32_t, QString>> vessels;
    for (const auto &layer : mLayers->layers())
        if (auto tracks = std::dynamic_pointer_cast<TrackLayer>(layer))
            for (const VesselInfo &v : tracks->registry().vessels())
                vessels.append(
                    {v.mmsi, v.currentName().isEmpty() ? tr("MMSI %1").arg(v.mmsi) : v.currentName()});
    std::sort(vessels.begin(), vessels.end(),
              [](const auto &a, const auto &b) { return a.second < b.second; });
    return vessels;
}

bool SightingActions::exportSightings(const QString &path)
{
    ProjectSession *session = mProject->session();
    if (!session) {
        Q_EMIT mProject->message(int(MessageBar::Level::Warning),
                                 tr("No project is open: there are no sightings to export."));
        return false;
    }
    const auto format = sightingFormatForPath(path);
    QString error;
    if (!format)
        error = tr("'%1': the extension says neither GeoJSON, KML nor CSV").arg(path);
    else if (const QList<Sighting> all = session->project().sightings();
             sightline::exportSightings(all, path, *format, &error)) {
        Q_EMIT mProject->message(
            int(MessageBar::Level::Info),
            tr("%n sighting(s) exported to %1", nullptr, int(all.size())).arg(QFileInfo(path).fileName()));
        return true;
    }
    Q_EMIT mProject->message(int(MessageBar::Level::Error),
                             tr("Could not export the sightings: %1").arg(error));
    return false;
}

int SightingActions::importSightings(const QString &path)
{
    if (!mProject->requireWritableProject())
        return 0;
    QString error;
    QStringList problems;
    const auto read = readSightings(path, &error, &problems);
    if (!read) {
        Q_EMIT mProject->message(int(MessageBar::Level::Error),
                                 tr("Could not import sightings: %1").arg(error));
        return 0;
    }
    ProjectSession *session = mProject->session();
    QUndoStack *undo = session->undoStack();
    int added = 0;
    // Each sighting is committed as it is added; one undo step takes the whole import back.
    undo->beginMacro(
        tr("Import %n sighting(s) from %1", nullptr, int(read->size())).arg(QFileInfo(path).fileName()));
    for (Sighting s : *read) {
        if (s.analyst.isEmpty())
            s.analyst = session->project().analyst();
        if (session->addSighting(s))
            ++added;
    }
    undo->endMacro();
    QString text = tr("%n sighting(s) imported from %1", nullptr, added).arg(QFileInfo(path).fileName());
    if (!problems.isEmpty())
        text += tr("; %n skipped: %1", nullptr, int(problems.size()))
                    .arg(problems.mid(0, 3).join(QStringLiteral("; ")));
    Q_EMIT mProject->message(int(problems.isEmpty() ? MessageBar::Level::Info : MessageBar::Level::Warning),
                             text);
    return added;
}

} // namespace sightline
