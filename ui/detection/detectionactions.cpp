#include "ui/detection/detectionactions.h"

#include "imagery/sarscene.h"
#include "imagery/vesselsearch.h"
#include "layers/layerstack.h"
#include "layers/tracklayer.h"
#include "project/detectionsighting.h"
#include "project/project.h"
#include "project/projectsession.h"
#include "tracks/trackstore.h"
#include "tracks/vesselregistry.h"
#include "ui/analysis/eventspanel.h"
#include "ui/common/backgroundtask.h"
#include "ui/common/formwidgets.h"
#include "ui/common/messagebar.h"
#include "ui/detection/detectiondialog.h"
#include "ui/detection/detectionruncommand.h"
#include "ui/project/projectcontroller.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenu>
#include <QPointer>
#include <QStatusBar>
#include <QUndoStack>

#include <atomic>

namespace sightline {

DetectionActions::DetectionActions(LayerStack *layers, ProjectController *project, EventsPanel *events,
                                   QWidget *dialogParent)
    : QObject(dialogParent)
    , mLayers(layers)
    , mProject(project)
    , mEvents(events)
    , mDialogParent(dialogParent)
    , mTask(new BackgroundTask(QStringLiteral("detection"), this))
{
    if (auto *window = qobject_cast<QMainWindow *>(dialogParent))
        mTask->showIn(window->statusBar());
    connect(mTask, &BackgroundTask::failed, this, [this](const QString &error) {
        Q_EMIT message(int(MessageBar::Level::Error), tr("The detection failed: %1").arg(error));
    });
    connect(mTask, &BackgroundTask::finished, this, [this](bool delivered) {
        if (!delivered && mTask->wasCancelled())
            Q_EMIT message(int(MessageBar::Level::Info), tr("%1 cancelled: nothing was stored.").arg(mTask->label()));
        Q_EMIT runFinished();
    });
    // The vessels of a run belong to the project it started in.
    connect(mProject, &ProjectController::projectChanged, mTask, &BackgroundTask::cancel);
    mEvents->setContextActions([this](std::int64_t id, QMenu &menu) {
        if (!detectionRowOfEvent(id))
            return;
        QAction *make = menu.addAction(tr("Make &Sighting"), this, [this, id] { makeSighting(id); });
        make->setObjectName(QStringLiteral("actionMakeSightingFromDetection"));
        make->setStatusTip(tr("A sighting of this vessel at the acquisition, linked to the image"));
    });
}

DetectionActions::~DetectionActions()
{
    mTask->cancelAndWait();
}

void DetectionActions::populate(QMenu *menu)
{
    menu->addSeparator();
    QAction *a = menu->addAction(tr("Detect Vessels in &Image…"), this, &DetectionActions::run);
    a->setObjectName(QStringLiteral("actionDetectVessels"));
    const QString tip = tr("Ships in a SAR image, matched to the AIS at the acquisition; those that were dark");
    a->setStatusTip(tip);
    a->setToolTip(tip);
}

void DetectionActions::run()
{
    DetectionDialog dialog(mLayers, mDialogParent);
    if (dialog.exec() != QDialog::Accepted)
        return;
    start(dialog.imagePath(), dialog.acquiredMs().value_or(0), dialog.search());
}

void DetectionActions::start(const QString &image, std::int64_t acquiredMs, const VesselSearch &search)
{
    // The AIS the vessels are matched to: the track layer on the map with the most positions (the
    // project's own, as a rule). The worker reads the layer's store, never changed, held meanwhile.
    std::shared_ptr<TrackLayer> tracks;
    for (const auto &layer : mLayers->layers())
        if (auto t = std::dynamic_pointer_cast<TrackLayer>(layer))
            if (!tracks || t->store().positionCount() > tracks->store().positionCount())
                tracks = t;
    std::shared_ptr<const TrackStore> store =
        tracks ? std::shared_ptr<const TrackStore>(tracks, &tracks->store()) : std::make_shared<const TrackStore>();
    std::shared_ptr<const VesselRegistry> registry =
        tracks ? std::shared_ptr<const VesselRegistry>(tracks, &tracks->registry())
               : std::make_shared<const VesselRegistry>();
    const QPointer<ProjectSession> session = mProject->session();
    const bool hadSession = session;
    mTask->start(
        tr("Detecting vessels in %1").arg(QFileInfo(image).fileName()),
        [image, acquiredMs, search, store, registry](TaskControl &control) {
            DetectionOutcome out;
            QElapsedTimer timer;
            timer.start();
            SarReadOptions options;
            options.acquiredMs = acquiredMs;
            auto scene = readSarScene(image, options, &out.error);
            if (!scene)
                return out;
            if (scene->acquiredMs <= 0) {
                out.error = QStringLiteral("'%1': the image's metadata gives no acquisition time, which matching to "
                                           "AIS needs: enter it in the dialog")
                                .arg(QFileInfo(image).fileName());
                return out;
            }
            std::atomic_bool cancel{false};
            DetectionProgress progress;
            progress.cancel = &cancel;
            progress.report = [&](double f) {
                if (!control.progress(0.05 + 0.95 * f))
                    cancel = true;
            };
            if (!control.progress(0.05)) {
                out.cancelled = true;
                return out;
            }
            VesselSearchResult found = searchVessels(*scene, search, *store, *registry, progress);
            out.error = found.error;
            out.cancelled = found.cancelled || control.isCancelled();
            out.run.image = QFileInfo(image).absoluteFilePath();
            out.run.sceneId = scene->sceneId;
            out.run.acquiredMs = scene->acquiredMs;
            out.run.footprint = scene->footprint();
            out.run.parameters = search.parametersJson();
            out.run.detections = std::move(found.detections);
            out.run.aisWithoutDetection = std::move(found.aisWithoutDetection);
            out.ms = timer.elapsed();
            return out;
        },
        [this, session, hadSession](DetectionOutcome outcome) {
            if (session != mProject->session() || hadSession != bool(session))
                return;
            finish(std::move(outcome));
        });
}

void DetectionActions::finish(DetectionOutcome outcome)
{
    if (outcome.cancelled)
        return;
    if (!outcome.error.isEmpty()) {
        Q_EMIT message(int(MessageBar::Level::Error), outcome.error);
        return;
    }
    DetectionRun &run = outcome.run;
    int dark = 0;
    for (const VesselDetection &d : run.detections)
        dark += d.mmsi ? 0 : 1;
    QString text = tr("Vessels in %1: %2 detected, %3 matched to AIS, %4 dark; %5 AIS vessel(s) in the footprint "
                      "not seen (%6 ms).")
                       .arg(run.sceneId)
                       .arg(run.detections.size())
                       .arg(int(run.detections.size()) - dark)
                       .arg(dark)
                       .arg(run.aisWithoutDetection.size())
                       .arg(outcome.ms);
    ProjectSession *session = mProject->session();
    if (session && !mProject->isReadOnly()) {
        Project &project = session->project();
        std::optional<DetectionRun> previous;
        for (DetectionRun &r : project.detectionRuns())
            if (r.image == run.image)
                previous = std::move(r);
        if (!project.replaceDetections(run)) {
            Q_EMIT message(int(MessageBar::Level::Error), project.lastError());
            return;
        }
        mProject->undoStack()->push(new DetectionRunCommand(&project, run, std::move(previous), [this](bool ok) {
            if (!ok && mProject->session())
                Q_EMIT message(int(MessageBar::Level::Error), mProject->session()->project().lastError());
            mProject->reloadEvents();
        }));
        mProject->reloadEvents();
        text += QLatin1Char(' ') + tr("Saved in the project.");
    } else {
        if (!mProject->storeEvents(QString::fromLatin1(kDetectionRunKind), {EventType::VesselDetection}, run.events(),
                                   run.parameters))
            return;
        text += QLatin1Char(' ') + tr("Not saved: no project is open for writing.");
    }
    Q_EMIT message(int(MessageBar::Level::Info), text);
    // The image goes on the map under its vessels (and, acquired, into the timeline's imagery lane),
    // unless it is there already.
    bool shown = false;
    for (const auto &layer : mLayers->layers())
        shown |= layer->kind() == Layer::Kind::Raster && QFileInfo(layer->source()).absoluteFilePath() == run.image;
    if (!shown)
        Q_EMIT mProject->openRequested({run.image}, {});
    mEvents->showType(EventType::VesselDetection);
    Q_EMIT eventsShown();
}

bool DetectionActions::makeSighting(std::int64_t eventId)
{
    const std::vector<MovementEvent> &events = mProject->events();
    const auto e = std::find_if(events.begin(), events.end(), [eventId](const MovementEvent &m) {
        return m.id == eventId && m.type == EventType::VesselDetection;
    });
    if (e == events.end() || !mProject->requireWritableProject())
        return false;
    const Sighting sighting = sightingFromDetection(*e);
    if (!mProject->session()->addSighting(sighting, tr("Make Sighting from Detection")))
        return false;
    Q_EMIT message(int(MessageBar::Level::Info), tr("Sighting made: %1, linked to %2.")
                                                     .arg(sighting.title(), sighting.imagerySource));
    return true;
}

} // namespace sightline
