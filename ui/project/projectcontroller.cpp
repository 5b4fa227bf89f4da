#include "ui/project/projectcontroller.h"

#include "geo/transform.h"
#include "layers/layerstack.h"
#include "layers/sightinglayer.h"
#include "layers/vectorlayer.h"
#include "ui/map/mapcanvas.h"
#include "ui/common/messagebar.h"
#include "ui/project/missinglayersdialog.h"
#include "project/layerstyleio.h"
#include "project/projectlayers.h"
#include "project/projectsession.h"
#include "project/sourcepolicy.h"
#include "ui/project/sourceconsentdialog.h"
#include "util/gdalutil.h"
#include "util/secretstore.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QUndoStack>

#include <algorithm>
#include <utility>

namespace sightline {

namespace {
constexpr int kMaxRecent = 10;

// The core's notices are clauses ("the project file held…"), for the command line's "sightline X: ".
QString sentence(QString clause)
{
    if (!clause.isEmpty())
        clause[0] = clause[0].toUpper();
    return clause.endsWith(QLatin1Char('.')) ? clause : clause + QLatin1Char('.');
}
const auto kRecentKey = QStringLiteral("recentProjects");
} // namespace

ProjectController::ProjectController(LayerStack *layers, MapCanvas *canvas, QUndoStack *undo,
                                     QWidget *dialogParent)
    : QObject(dialogParent)
    , mLayers(layers)
    , mCanvas(canvas)
    , mUndo(undo)
    , mDialogParent(dialogParent)
{
    // A pan or zoom is saved when the view has settled; layer changes at the next turn of the
    // event loop, so a burst (a restore, a drag) is one transaction.
    mViewTimer.setSingleShot(true);
    mViewTimer.setInterval(400);
    connect(&mViewTimer, &QTimer::timeout, this, &ProjectController::saveView);
    mLayersTimer.setSingleShot(true);
    mLayersTimer.setInterval(0);
    connect(&mLayersTimer, &QTimer::timeout, this, &ProjectController::saveLayers);
    connect(mCanvas, &MapCanvas::viewChanged, this, [this] {
        if (mSession && !mRestoring)
            mViewTimer.start();
    });
    connect(mLayers, &LayerStack::changed, this, [this] {
        if (mSession && !mRestoring)
            mLayersTimer.start();
    });
    // An undo or redo of a layer change is written as it happens, not at the next turn of the
    // event loop: the file matches the screen as soon as the command has run.
    connect(mUndo, &QUndoStack::indexChanged, this, [this] {
        if (mLayersTimer.isActive())
            saveLayers();
    });
    connect(mLayers, &LayerStack::layerAdded, this, [this](const QString &id) {
        if (mSightingLayer && id != mSightingLayer->id())
            keepSightingsOnTop();
    });
}

ProjectController::~ProjectController() = default;

void ProjectController::flush()
{
    // Before the project or the window goes, what waits is written even while an import holds writes.
    const int holds = std::exchange(mWriteHolds, 0);
    if (mLayersTimer.isActive() || mWritesWaiting)
        saveLayers();
    if (mViewTimer.isActive() || mWritesWaiting)
        saveView();
    mWritesWaiting = false;
    mWriteHolds = holds;
}

bool ProjectController::isReadOnly() const
{
    return mSession && mSession->project().isReadOnly();
}

QString ProjectController::title() const
{
    if (!mSession)
        return {};
    return isReadOnly() ? tr("%1 [read-only]").arg(mSession->project().title()) : mSession->project().title();
}

void ProjectController::closeProject()
{
    if (!mSession)
        return;
    release();
    const auto current = mLayers->layers();
    for (const auto &layer : current)
        mLayers->remove(layer->id());
}

void ProjectController::release()
{
    const bool hadProject = mSession != nullptr;
    flush();
    mPending.clear();
    mUnavailable.clear();
    mRemembered.clear();
    mRestoring = false;
    if (mSightingLayer)
        mLayers->remove(mSightingLayer->id());
    mSightingLayer.reset();
    mSession.reset(); // clears the undo stack: its commands write to this project
    mUndo->clear();   // and the layer list's, which belonged to it too
    if (hadProject)
        Q_EMIT projectClosed();
    Q_EMIT projectChanged();
    Q_EMIT sightingsChanged();
    reloadEvents();
}

void ProjectController::connectSession()
{
    connect(mSession.get(), &ProjectSession::sightingsChanged, this, &ProjectController::refreshSightings);
    connect(mSession.get(), &ProjectSession::savedViewsChanged, this, &ProjectController::savedViewsChanged);
    connect(mSession.get(), &ProjectSession::briefChanged, this, &ProjectController::briefChanged);
    connect(mSession.get(), &ProjectSession::annotationsChanged, this,
            &ProjectController::refreshAnnotations);
    connect(mSession.get(), &ProjectSession::failed, this,
            [this](const QString &m) { Q_EMIT message(int(MessageBar::Level::Error), m); });
}

bool ProjectController::startSession(std::unique_ptr<Project> project, bool restoreLayers)
{
    mSession = std::make_unique<ProjectSession>(std::move(project), mUndo);
    connectSession();
    for (const QString &notice : mSession->project().takeNotices())
        Q_EMIT message(int(MessageBar::Level::Warning), sentence(notice));
    mSightingLayer =
        std::make_shared<SightingLayer>(mSession->project().path(), mSession->project().sightings());
    mSightingLayer->setAnnotations(mSession->project().annotations());
    addToRecent(mSession->project().path());
    if (restoreLayers)
        restore();
    else
        mLayers->add(mSightingLayer);
    Q_EMIT projectChanged();
    Q_EMIT sightingsChanged();
    reloadEvents();
    return true;
}

bool ProjectController::newProject(const QString &path)
{
    QString error;
    const QString target =
        path.endsWith(QLatin1String(".gpkg"), Qt::CaseInsensitive) ? path : path + QStringLiteral(".gpkg");
    if (QFileInfo::exists(target) && !QFile::remove(target)) {
        Q_EMIT message(int(MessageBar::Level::Error), tr("Could not replace '%1'").arg(target));
        return false;
    }
    auto project = Project::create(target, &error);
    if (!project) {
        Q_EMIT message(int(MessageBar::Level::Error), tr("Could not create the project: %1").arg(error));
        return false;
    }
    // Starting a project keeps the layers on screen when there was none; a new one replaces an open one.
    closeProject();
    startSession(std::move(project), false);
    saveLayers();
    saveView();
    return true;
}

bool ProjectController::openProject(const QString &path)
{
    QString error;
    Project::OpenError reason = Project::OpenError::None;
    auto project = Project::open(path, Project::Mode::ReadWrite, &error, &reason);
    if (!project && (reason == Project::OpenError::InUse || reason == Project::OpenError::ReadOnlyFile)) {
        QMessageBox ask(
            QMessageBox::Question, tr("Project in use"),
            reason == Project::OpenError::InUse
                ? tr("%1 is open in another Sightline.\n\nOpen it read-only? You will see its "
                     "sightings and layers but cannot change them.")
                      .arg(QFileInfo(path).fileName())
                : tr("%1 cannot be written.\n\nOpen it read-only?").arg(QFileInfo(path).fileName()),
            QMessageBox::Yes | QMessageBox::Cancel, mDialogParent);
        ask.setObjectName(QStringLiteral("projectInUseDialog"));
        ask.button(QMessageBox::Yes)->setText(tr("Open Read-Only"));
        if (ask.exec() != QMessageBox::Yes)
            return false;
        project = Project::open(path, Project::Mode::ReadOnly, &error, &reason);
    }
    if (!project && reason == Project::OpenError::NotAProject) {
        // Another tool's GeoPackage: its tables are data, so they open as layers, as QGIS would.
        Q_EMIT message(int(MessageBar::Level::Info),
                       tr("%1 is a GeoPackage without Sightline's project tables: opened as layers instead.")
                           .arg(QFileInfo(path).fileName()));
        Q_EMIT openRequested({path}, {});
        return false;
    }
    if (!project) {
        Q_EMIT message(int(MessageBar::Level::Error), tr("Could not open the project: %1").arg(error));
        return false;
    }
    // Replace what is on screen, as opening a project in QGIS does.
    release();
    const auto current = mLayers->layers();
    for (const auto &layer : current)
        mLayers->remove(layer->id());
    mUndo->clear();
    startSession(std::move(project), true);
    // Damage (then read-only) or rows that cannot be read: said once, naming each.
    if (const QStringList problems = mSession->project().problems(); !problems.isEmpty())
        Q_EMIT message(
            int(MessageBar::Level::Warning),
            (mSession->project().isDamaged() ? tr("%1 opened read-only, nothing will be written: %2")
                                             : tr("%1: %2"))
                .arg(QFileInfo(mSession->project().path()).fileName(), problems.join(QStringLiteral("; "))));
    return true;
}

bool ProjectController::saveProjectAs(const QString &path)
{
    if (!mSession)
        return false;
    const QString target =
        path.endsWith(QLatin1String(".gpkg"), Qt::CaseInsensitive) ? path : path + QStringLiteral(".gpkg");
    if (QFileInfo(target).absoluteFilePath() == mSession->project().path())
        return true;
    saveLayers();
    saveView();
    const QString from = mSession->project().path();
    // Every change is already committed: the file is whole, and copying it copies the project.
    if ((QFileInfo::exists(target) && !QFile::remove(target)) || !QFile::copy(from, target)) {
        Q_EMIT message(int(MessageBar::Level::Error), tr("Could not write '%1'").arg(target));
        return false;
    }
    QFile(target).setPermissions(QFile(target).permissions() | QFileDevice::WriteOwner);
    QString error;
    auto project = Project::open(target, Project::Mode::ReadWrite, &error);
    if (!project) {
        Q_EMIT message(int(MessageBar::Level::Error), tr("Could not open the copy: %1").arg(error));
        return false;
    }
    // The old project closes (its lock and undo history with it); the layers on screen stay.
    mSession.reset();
    mSession = std::make_unique<ProjectSession>(std::move(project), mUndo);
    connectSession();
    mSightingLayer->setSightings(mSession->project().sightings());
    mSightingLayer->setAnnotations(mSession->project().annotations());
    mRemembered.clear(); // hosts are allowed per project: the copy gets its own
    saveLayers(); // paths relative to the new place
    addToRecent(target);
    Q_EMIT projectChanged();
    return true;
}

bool ProjectController::requireWritableProject()
{
    if (mSession && !isReadOnly())
        return true;
    if (isReadOnly()) {
        Q_EMIT message(int(MessageBar::Level::Warning),
                       tr("%1 is open read-only: sightings cannot be added or changed.").arg(title()));
        return false;
    }
    QMessageBox ask(QMessageBox::Question, tr("Sightings need a project"),
                    tr("Sightings are kept in a project file, saved as you work.\n\nCreate a project now?"),
                    QMessageBox::Yes | QMessageBox::Cancel, mDialogParent);
    ask.setObjectName(QStringLiteral("needProjectDialog"));
    ask.button(QMessageBox::Yes)->setText(tr("New Project…"));
    if (ask.exec() != QMessageBox::Yes)
        return false;
    const QString path = QFileDialog::getSaveFileName(mDialogParent, tr("New Project"), QString(),
                                                      tr("Sightline project (*.gpkg)"));
    return !path.isEmpty() && newProject(path);
}

void ProjectController::locateMissing(const QList<ProjectLayer> &entries)
{
    mLocated.clear();
    const QDir here = QFileInfo(mSession->project().path()).dir();
    QList<ProjectLayer> lost;
    for (const ProjectLayer &entry : entries) {
        if (!isLocalPath(entry.source) || QFileInfo::exists(entry.source) || mLocated.contains(entry.source))
            continue;
        // Moved with the project: look beside it first.
        const QString name = QFileInfo(entry.source).fileName();
        mLocated.insert(entry.source, QString());
        for (const QString &candidate : {here.filePath(name), here.filePath(QStringLiteral("data/") + name)})
            if (QFileInfo::exists(candidate)) {
                mLocated.insert(entry.source, candidate);
                break;
            }
        if (mLocated.value(entry.source).isEmpty())
            lost << entry;
    }
    if (lost.isEmpty())
        return;
    // All of them in one list: a project moved to another machine loses its layers together.
    MissingLayersDialog dialog(lost, here.path(), mDialogParent);
    dialog.exec();
    for (int i = 0; i < lost.size(); ++i) {
        const QString found = dialog.locations().value(i);
        mLocated.insert(lost[i].source, found);
        // Pointed at by the user: opened without asking again, as a file they opened themselves.
        if (!found.isEmpty())
            sourceconsent::rememberUserSource(found, mSession->project().path());
    }
}

bool ProjectController::locate(ProjectLayer &entry)
{
    if (!isLocalPath(entry.source) || QFileInfo::exists(entry.source))
        return true;
    const QString found = mLocated.value(entry.source);
    if (found.isEmpty())
        return false;
    entry.source = found;
    return true;
}

void ProjectController::restore()
{
    const QList<ProjectLayer> entries = projectLayerEntries(mSession->project());
    locateMissing(entries);
    mRestoring = true;
    mPending.clear();
    mUnavailable.clear();
    mBroadcastEntries.clear();
    for (ProjectLayer entry : entries) {
        if (isAisBroadcastLayer(entry, mSession->project().path())) {
            mBroadcastEntries << entry;
            continue;
        }
        if (!locate(entry)) {
            mUnavailable << entry;
            continue;
        }
        mPending << entry;
    }
    if (!mUnavailable.isEmpty())
        Q_EMIT message(int(MessageBar::Level::Warning),
                       tr("%n layer(s) of the project were skipped; they stay in the project.", nullptr,
                          int(mUnavailable.size())));
    admitSources();
    QStringList sources;
    QHash<QString, QStringList> chosen;
    for (const ProjectLayer &entry : std::as_const(mPending)) {
        if (!sources.contains(entry.source))
            sources << entry.source;
        if (!entry.layerName.isEmpty())
            chosen[entry.source] << entry.layerName;
    }
    if (!sources.isEmpty())
        Q_EMIT openRequested(sources, chosen);
    finishRestoreIfDone();
}

void ProjectController::admitSources()
{
    const QString projectPath = mSession->project().path();
    const SourcePermissions permissions = sourceconsent::permissionsFor(projectPath);
    QList<SourceVerdict> verdicts;
    QStringList hosts, files, asking;
    for (const ProjectLayer &entry : std::as_const(mPending)) {
        // The project's own tracks are the project file itself.
        verdicts << (entry.source == projectPath
                         ? SourceVerdict{SourceVerdict::Access::Allowed, entry.source, {}, {}, {}, {}}
                         : checkProjectSource(entry.source, permissions));
        const SourceVerdict &v = verdicts.last();
        if (v.access != SourceVerdict::Access::NeedsConsent)
            continue;
        asking << entry.name;
        for (const QString &h : v.deniedHosts)
            if (!hosts.contains(h))
                hosts << h;
        for (const QString &f : v.deniedFiles)
            if (!files.contains(f))
                files << f;
    }
    bool consented = false;
    if (!asking.isEmpty()) {
        SourceConsentDialog ask(mSession->project().title(), hosts, files, asking, mDialogParent);
        consented = ask.exec() == QDialog::Accepted;
        if (consented) {
            sourceconsent::allowHosts(projectPath, hosts);
            sourceconsent::allowPaths(files);
            // Files outside were not looked into before the user said yes: judge them again
            // now (a VRT there may itself be refused, or lead further still).
            const SourcePermissions granted = sourceconsent::permissionsFor(projectPath);
            for (int i = 0; i < mPending.size(); ++i)
                if (verdicts[i].access == SourceVerdict::Access::NeedsConsent)
                    verdicts[i] = checkProjectSource(mPending[i].source, granted);
        }
    }
    QList<ProjectLayer> admitted;
    QStringList refused;
    int declined = 0;
    for (int i = 0; i < mPending.size(); ++i) {
        ProjectLayer entry = mPending[i];
        const SourceVerdict &v = verdicts[i];
        if (v.access == SourceVerdict::Access::Refused) {
            refused << tr("\"%1\" (%2)").arg(entry.name, v.reason);
            mUnavailable << entry;
        } else if (v.access == SourceVerdict::Access::NeedsConsent && !consented) {
            ++declined;
            mUnavailable << entry;
        } else {
            // Opened with the credentials the keyring keeps for it; the file holds none.
            entry.source = restoreKeptSecrets(v.source);
            admitted << entry;
        }
    }
    mPending = admitted;
    if (!refused.isEmpty())
        Q_EMIT message(int(MessageBar::Level::Warning),
                       tr("Not opened, for safety: %1. They stay in the project.")
                           .arg(refused.join(QStringLiteral("; "))));
    if (declined > 0)
        Q_EMIT message(int(MessageBar::Level::Warning),
                       tr("%n layer(s) were not opened without your permission; they stay in the project. "
                          "Open the project again to be asked again.",
                          nullptr, declined));
}

void ProjectController::layerOpened(const std::shared_ptr<Layer> &layer, const QString &source)
{
    if (!mRestoring || !layer)
        return;
    const auto vector = std::dynamic_pointer_cast<VectorLayer>(layer);
    const QString layerName = vector ? vector->data().layerName() : QString();
    for (int i = 0; i < mPending.size(); ++i) {
        const ProjectLayer &e = mPending[i];
        if (e.source == source && (e.layerName.isEmpty() || e.layerName == layerName)) {
            applyProjectLayer(*layer, e);
            mLayers->notifyStyleChanged(layer->id());
            mPending.removeAt(i);
            break;
        }
    }
    finishRestoreIfDone();
}

void ProjectController::layerFailed(const QString &source)
{
    if (!mRestoring)
        return;
    for (int i = mPending.size() - 1; i >= 0; --i)
        if (mPending[i].source == source)
            mUnavailable << mPending.takeAt(i);
    Q_EMIT message(int(MessageBar::Level::Warning),
                   tr("A layer of the project could not be opened (%1); it stays in the project.")
                       .arg(describeSource(source)));
    finishRestoreIfDone();
}

void ProjectController::finishRestoreIfDone()
{
    if (!mRestoring || !mPending.isEmpty())
        return;
    mRestoring = false;
    // The receivers and aids: small point tables of the project itself, read here, over the data.
    for (const ProjectLayer &entry : std::as_const(mBroadcastEntries)) {
        QString error;
        if (auto layer = openAisBroadcastLayer(mSession->project().path(), entry.layerName, &error)) {
            applyProjectLayer(*layer, entry);
            mLayers->add(layer);
        } else {
            mUnavailable << entry;
            Q_EMIT message(int(MessageBar::Level::Warning),
                           tr("%1 could not be opened (%2); it stays in the project.").arg(entry.name, error));
        }
    }
    mBroadcastEntries.clear();
    mLayers->add(mSightingLayer);
    if (const auto view = mSession->project().currentView())
        mCanvas->zoomToWgs84(*view);
    else if (mLayers->count() > 0)
        mCanvas->zoomToFullExtent();
    // Paths found elsewhere are written back.
    saveLayers();
}

void ProjectController::holdWrites(bool hold)
{
    mWriteHolds = std::max(0, mWriteHolds + (hold ? 1 : -1));
    if (mWriteHolds == 0 && mWritesWaiting) {
        mWritesWaiting = false;
        saveLayers();
        saveView();
    }
}

void ProjectController::saveLayers()
{
    mLayersTimer.stop();
    if (!mSession || isReadOnly() || mRestoring)
        return;
    if (mWriteHolds > 0) {
        mWritesWaiting = true;
        return;
    }
    QList<ProjectLayer> entries = mUnavailable;
    const QString projectPath = mSession->project().path();
    for (const auto &layer : mLayers->layers()) {
        if (layer == mSightingLayer)
            continue;
        const ProjectLayer entry = projectLayerFor(*layer);
        if (entry.source.startsWith(QLatin1Char('<')))
            continue; // a warp made on the fly: its file is what the user opened
        // On screen, so opened by the user or allowed: this project opens it again on this machine.
        // Once per source and project: saves come with every restyle, and remembering reads files.
        if (!mRemembered.contains(layer->source())) {
            sourceconsent::rememberUserSource(layer->source(), projectPath);
            mRemembered.insert(layer->source());
        }
        entries << entry;
    }
    if (!mSession->project().setLayers(entries))
        Q_EMIT message(int(MessageBar::Level::Error), mSession->project().lastError());
    for (const QString &notice : mSession->project().takeNotices())
        Q_EMIT message(int(MessageBar::Level::Warning), sentence(notice));
}

void ProjectController::saveView()
{
    mViewTimer.stop();
    if (!mSession || isReadOnly() || mRestoring)
        return;
    if (mWriteHolds > 0) {
        mWritesWaiting = true;
        return;
    }
    const MapSettings s = mCanvas->mapSettings();
    if (!s.isValid())
        return;
    const QRectF box = Transform(s.destinationCrs(), Crs::wgs84()).forwardBounds(s.visibleExtent(), 21);
    if (!mSession->project().setCurrentView(box))
        Q_EMIT message(int(MessageBar::Level::Error), mSession->project().lastError());
}

void ProjectController::refreshSightings()
{
    if (!mSession || !mSightingLayer)
        return;
    mSightingLayer->setSightings(mSession->project().sightings());
    mLayers->notifyStyleChanged(mSightingLayer->id());
    Q_EMIT sightingsChanged();
}

void ProjectController::refreshAnnotations()
{
    if (!mSession || !mSightingLayer)
        return;
    mSightingLayer->setAnnotations(mSession->project().annotations());
    mLayers->notifyStyleChanged(mSightingLayer->id());
    Q_EMIT annotationsChanged();
}

void ProjectController::reloadEvents()
{
    mEvents = mSession ? mSession->project().events() : std::vector<MovementEvent>{};
    Q_EMIT eventsChanged();
}

bool ProjectController::storeEvents(const QString &kind, const QList<EventType> &types,
                                    std::vector<MovementEvent> events, const QJsonObject &parameters)
{
    if (mSession && !mSession->project().isReadOnly()) {
        if (!mSession->project().replaceEvents(kind, types, events, parameters)) {
            Q_EMIT message(int(MessageBar::Level::Error), mSession->project().lastError());
            return false;
        }
        reloadEvents();
        return true;
    }
    // No project (or a read-only one): this session's answer replaces the previous one.
    std::erase_if(mEvents, [&](const MovementEvent &e) { return types.contains(e.type); });
    std::int64_t next = 1;
    for (const MovementEvent &e : mEvents)
        next = std::max(next, e.id + 1);
    for (MovementEvent &e : events) {
        e.id = next++;
        mEvents.push_back(std::move(e));
    }
    Q_EMIT eventsChanged();
    return true;
}

void ProjectController::keepSightingsOnTop()
{
    const int at = mLayers->indexOf(mSightingLayer->id());
    if (at >= 0 && at != mLayers->count() - 1)
        mLayers->move(at, mLayers->count() - 1);
}

QStringList ProjectController::recentProjects() const
{
    return QSettings().value(kRecentKey).toStringList();
}

void ProjectController::addToRecent(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(kRecentKey).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    settings.setValue(kRecentKey, recent.mid(0, kMaxRecent));
}

} // namespace sightline
