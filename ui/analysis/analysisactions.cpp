#include "ui/analysis/analysisactions.h"
#include "analysis/portset.h"
#include "project/project.h"
#include "project/projectsession.h"

#include "ui/analysis/analysisdialog.h"
#include "ui/analysis/eventspanel.h"
#include "analysis/voyages.h"
#include "layers/eventlayer.h"
#include "layers/layerstack.h"
#include "layers/sightinglayer.h"
#include "layers/tracklayer.h"
#include "ui/common/backgroundtask.h"
#include "ui/map/mapcanvas.h"
#include "ui/common/formwidgets.h"
#include "ui/common/messagebar.h"
#include "ui/project/projectcontroller.h"

#include <QDockWidget>
#include <QElapsedTimer>
#include <QLocale>
#include <QMainWindow>
#include <QMenu>

#include <QPointer>
#include <QStatusBar>

#include <algorithm>
#include <map>
#include <set>

namespace sightline {

AnalysisActions::AnalysisActions(MapCanvas *canvas, LayerStack *layers, ProjectController *project,
                                 QWidget *dialogParent)
    : QObject(dialogParent)
    , mCanvas(canvas)
    , mLayers(layers)
    , mProject(project)
    , mPanel(new EventsPanel(dialogParent))
    , mDock(new QDockWidget(tr("Events"), dialogParent))
    , mDialogParent(dialogParent)
    , mTask(new BackgroundTask(QStringLiteral("analysis"), this))
{
    // Progress and Cancel beside the map's own status, when there is a window to show them in.
    if (auto *window = qobject_cast<QMainWindow *>(dialogParent))
        mTask->showIn(window->statusBar());
    connect(mTask, &BackgroundTask::failed, this, [this](const QString &error) {
        Q_EMIT message(int(MessageBar::Level::Error), tr("The analysis failed: %1").arg(error));
    });
    connect(mTask, &BackgroundTask::finished, this, [this](bool delivered) {
        if (!delivered && mTask->wasCancelled())
            Q_EMIT message(int(MessageBar::Level::Info),
                           tr("%1 cancelled: nothing was stored.").arg(mTask->label()));
        Q_EMIT runFinished();
    });
    // The events of a run belong to the project it started in: another project cancels it.
    connect(mProject, &ProjectController::projectChanged, mTask, &BackgroundTask::cancel);
    mDock->setObjectName(QStringLiteral("eventsDock"));
    mDock->setWidget(mPanel);
    if (QAction *toggle = mDock->toggleViewAction()) {
        toggle->setIcon(QIcon(QStringLiteral(":/icons/events.svg")));
        toggle->setObjectName(QStringLiteral("actionEventsDock"));
    }
    mPanel->setVesselNames([this](std::uint32_t mmsi) { return vesselName(mmsi); });
    connect(mProject, &ProjectController::eventsChanged, this, &AnalysisActions::showEvents);
    // Events stay over the data layers opened after them, just under the sightings.
    connect(mLayers, &LayerStack::layerAdded, this, [this](const QString &id) {
        if (!mEventLayer || id == mEventLayer->id())
            return;
        const int at = mLayers->indexOf(mEventLayer->id());
        const auto sightings = mProject->sightingLayer();
        const bool sightingsOnTop = sightings && mLayers->indexOf(sightings->id()) == mLayers->count() - 1;
        const int target = mLayers->count() - (sightingsOnTop ? 2 : 1);
        if (at >= 0 && at < target)
            mLayers->move(at, target);
    });
    // Vessels are named from the track layers: the names follow them as they open and close.
    connect(mLayers, &LayerStack::layerAdded, this, [this](const QString &id) {
        if (auto layer = mLayers->find(id); layer && layer->kind() == Layer::Kind::Track)
            mPanel->refreshVesselNames();
    });
    connect(mLayers, &LayerStack::layerRemoved, this, [this] { mPanel->refreshVesselNames(); });
    // The marks of the last run's cleaning, on every track layer as it opens.
    connect(mLayers, &LayerStack::layerAdded, this, [this](const QString &id) {
        if (auto layer = std::dynamic_pointer_cast<TrackLayer>(mLayers->find(id)))
            showCleaningOn(*layer, nullptr, nullptr);
    });
    // A project opened: the cleaning its last run recorded (runs from before the cleaning have none).
    connect(mProject, &ProjectController::projectChanged, this, [this] {
        if (!mProject->session())
            return;
        const QList<AnalysisRun> runs = mProject->session()->project().analysisRuns();
        const auto last = std::max_element(runs.begin(), runs.end(), [](const auto &a, const auto &b) {
            return std::pair(a.ranMs, a.id) < std::pair(b.ranMs, b.id);
        });
        mCleaning.reset();
        if (last != runs.end() && last->parameters.contains(QStringLiteral("cleaning")))
            mCleaning =
                CleaningParameters::fromJson(last->parameters.value(QStringLiteral("cleaning")).toObject());
        showCleaning();
    });
    connect(mPanel, &EventsPanel::filterChanged, this, [this] {
        if (!mEventLayer)
            return;
        mEventLayer->setVisibleIds(mPanel->visibleIds());
        mLayers->notifyStyleChanged(mEventLayer->id());
    });
    connect(mPanel, &EventsPanel::eventSelected, this, [this](std::int64_t id) {
        if (!mEventLayer)
            return;
        mEventLayer->setSelected(id);
        mLayers->notifyStyleChanged(mEventLayer->id());
    });
}

AnalysisActions::~AnalysisActions()
{
    // The run holds only copies, but nothing may come back to actions being taken down.
    mTask->cancelAndWait();
}

bool AnalysisActions::isRunning() const
{
    return mTask->isRunning();
}

void AnalysisActions::cancelRun()
{
    mTask->cancel();
}

void AnalysisActions::revealEvent(std::int64_t id)
{
    mPanel->selectEvent(id);
    mDock->show();
    mDock->raise();
}

void AnalysisActions::populate(QMenu *menu)
{
    const struct
    {
        AnalysisKind kind;
        const char *text;
        const char *tip;
        const char *shortcut;
    } entries[] = {
        {AnalysisKind::Gaps, "Find &Gaps (Going Dark)…",
         "Silences in each vessel's track, with where it could have gone meanwhile", "Ctrl+Shift+G"},
        {AnalysisKind::PortCalls, "Find &Port Calls…", "Stays in the ports, seen or possible while dark",
         "Ctrl+Shift+P"},
        {AnalysisKind::Voyages, "Find &Voyages and Round Trips…",
         "Port-to-port voyages, the origin–destination table, and round trips between two ports",
         "Ctrl+Shift+V"},
        {AnalysisKind::Encounters, "Find &Encounters…", "Two vessels close together, slowly, for hours",
         "Ctrl+Shift+E"},
        {AnalysisKind::Loitering, "Find &Loitering…", "A vessel slow at sea for hours", "Ctrl+Shift+L"},
        {AnalysisKind::Spoofing, "Check for &Spoofing…", "Impossible jumps, one MMSI in two places",
         "Ctrl+Shift+J"},
        {AnalysisKind::Stops, "Find S&tops…", "Where a vessel stayed within a small circle for a while",
         nullptr},
    };
    for (const auto &e : entries) {
        QAction *a = menu->addAction(tr(e.text), this, [this, kind = e.kind] { run(kind); });
        mMenuTexts.insert(int(e.kind), a->text());
        a->setObjectName(QStringLiteral("actionAnalyze_") + analysisKindKey(e.kind));
        a->setStatusTip(tr(e.tip));
        a->setToolTip(tr(e.tip));
        if (e.shortcut)
            a->setShortcut(QKeySequence(QString::fromLatin1(e.shortcut)));
    }
}

QString AnalysisActions::vesselName(std::uint32_t mmsi) const
{
    for (const auto &layer : mLayers->layers())
        if (auto tracks = std::dynamic_pointer_cast<TrackLayer>(layer))
            if (tracks->registry().find(mmsi))
                return tracks->registry().displayName(mmsi);
    return {};
}

std::shared_ptr<const TrackStore> AnalysisActions::tracks(QString *summary) const
{
    std::vector<std::shared_ptr<TrackLayer>> layers;
    for (const auto &layer : mLayers->layers())
        if (auto t = std::dynamic_pointer_cast<TrackLayer>(layer))
            layers.push_back(t);
    if (layers.empty())
        return nullptr;
    std::shared_ptr<const TrackStore> store;
    if (layers.size() == 1) {
        // The layer's own store: no copy of millions of positions. It lives while the layer does,
        // and the layer is held below for the length of the run.
        store = std::shared_ptr<const TrackStore>(layers.front(), &layers.front()->store());
    } else {
        auto merged = std::make_shared<TrackStore>();
        for (const auto &layer : layers)
            for (const VesselTrack &t : layer->store().tracks())
                for (std::size_t i = 0; i < t.size(); ++i) {
                    TrackStore::Position p{t.mmsi(), t.timeMs(i), t.lon(i), t.lat(i)};
                    p.sog = t.sog(i);
                    p.cog = t.cog(i);
                    p.heading = t.heading(i);
                    p.status = t.status(i);
                    p.flags = t.flags(i);
                    merged->append(p);
                }
        merged->finalize();
        store = merged;
    }
    if (summary) {
        QStringList names;
        for (const auto &layer : layers)
            names << layer->name();
        *summary = tr("Runs on %1 positions of %2 vessels in %3.")
                       .arg(QLocale().toString(qint64(store->positionCount())))
                       .arg(store->vesselCount())
                       .arg(names.join(QStringLiteral(", ")));
    }
    return store;
}

void AnalysisActions::run(AnalysisKind kind)
{
    // Gathered once, before the dialog: merging several track layers copies every position.
    QString summary;
    const auto store = tracks(&summary);
    if (!store) {
        Q_EMIT message(int(MessageBar::Level::Warning),
                       tr("There are no vessel tracks on the map to analyse: import AIS or open a track file "
                          "first."));
        return;
    }
    AnalysisDialog dialog(kind, mLayers, summary, mDialogParent);
    if (mMenuTexts.contains(int(kind)))
        dialog.setWindowTitle(dialogTitleFor(mMenuTexts.value(int(kind))));
    if (kind == AnalysisKind::Voyages) {
        std::set<std::uint32_t> vessels;
        for (const VesselTrack &t : store->tracks())
            vessels.insert(t.mmsi());
        if (const auto pair = busiestPortPair(mProject->events(), vessels))
            dialog.suggestRoundTripPorts(pair->first, pair->second);
    }
    if (dialog.exec() != QDialog::Accepted)
        return;
    runOn(dialog, store);
}

bool AnalysisActions::runOn(const AnalysisDialog &dialog, std::shared_ptr<const TrackStore> tracks)
{
    const AnalysisRequest request = dialog.request();
    if (analysisNeedsPorts(request.kind) && dialog.ports().empty()) {
        Q_EMIT message(
            int(MessageBar::Level::Warning),
            tr("%1 needs ports: tick a port layer or add a port file.").arg(analysisKindLabel(request.kind)));
        return false;
    }
    // The worker gets copies (the track store is shared, never changed); the events come back here
    // to be stored, on the thread that owns the project.
    auto ports = std::make_shared<const PortSet>(dialog.ports());
    auto land = dialog.land().empty() ? nullptr : std::make_shared<const PortSet>(dialog.land());
    const QStringList portProblems = dialog.portProblems();
    const QPointer<ProjectSession> session = mProject->session();
    const bool hadSession = session;
    // Held until the result is in: its marks go to the layer whose store it is, no other.
    std::shared_ptr<const TrackStore> runStore = tracks;
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    mTask->start(
        analysisKindLabel(request.kind),
        [request, tracks = std::move(tracks), ports, land](TaskControl &control) {
            return runAnalysis(request, *tracks, *ports, land.get(),
                               [&control](double fraction) { return control.progress(fraction); });
        },
        [this, request, portProblems, session, hadSession, timer, runStore](AnalysisResult result) {
            // A project closed or opened meanwhile cancels the run; this guards the rest.
            if (session != mProject->session() || hadSession != bool(session))
                return;
            finishRun(request, std::move(result), timer->elapsed(), portProblems, runStore.get());
        });
    return true;
}

bool AnalysisActions::finishRun(const AnalysisRequest &request, AnalysisResult result, qint64 ms,
                                const QStringList &portProblems, const TrackStore *runStore)
{
    if (!result.error.isEmpty()) {
        Q_EMIT message(int(MessageBar::Level::Error), result.error);
        return false;
    }

    std::map<EventType, int> counts;
    std::map<std::uint32_t, int> trips;
    for (const MovementEvent &e : result.events) {
        ++counts[e.type];
        if (e.type == EventType::RoundTrip)
            ++trips[e.mmsi];
    }
    const QList<EventType> types = eventTypesOf(request.kind);
    QStringList found;
    for (EventType t : types)
        found << tr("%1 × %2").arg(counts[t]).arg(eventTypeLabel(t).toLower());
    QString text =
        tr("%1: %2 in %3 ms.").arg(analysisKindLabel(request.kind), found.join(QStringLiteral(", "))).arg(ms);
    if (!request.roundTripPortA.isEmpty()) {
        QStringList perVessel;
        for (const auto &[mmsi, n] : trips) {
            const QString name = vesselName(mmsi);
            perVessel << tr("%1 %2").arg(name.isEmpty() ? QString::number(mmsi) : name).arg(n);
        }
        text += QLatin1Char(' ') +
                tr("Round trips between %1 and %2: %3.")
                    .arg(request.roundTripPortA, request.roundTripPortB,
                         perVessel.isEmpty() ? tr("none") : perVessel.join(QStringLiteral(", ")));
    }
    if (!portProblems.isEmpty())
        text +=
            QLatin1Char(' ') +
            tr("%n port feature(s) skipped: %1", nullptr, int(portProblems.size())).arg(portProblems.first());
    if (result.cleaning && !result.cleaning->empty())
        text += QLatin1Char(' ') +
                (request.kind == AnalysisKind::Spoofing
                     ? tr("%n position(s) set aside by the cleaning, shown hollow.", nullptr,
                          int(result.cleaning->markedCount))
                     : tr("%n position(s) set aside by the cleaning and not used, shown hollow.", nullptr,
                          int(result.cleaning->markedCount)));
    mCleaning.reset();
    if (request.cleaning.enabled)
        mCleaning = request.cleaning;
    showCleaning(runStore, result.cleaning);
    const bool saved = mProject->session() && !mProject->isReadOnly();
    if (!mProject->storeEvents(analysisKindKey(request.kind), types, std::move(result.events),
                               request.parametersJson()))
        return false;
    text += QLatin1Char(' ') +
            (saved ? tr("Saved in the project.") : tr("Not saved: no project is open for writing."));
    Q_EMIT message(int(MessageBar::Level::Info), text);
    mPanel->showType(types.size() == 1 ? std::optional(types.front()) : std::nullopt);
    Q_EMIT eventsShown();
    return true;
}

void AnalysisActions::showCleaning(const TrackStore *runStore,
                                   std::shared_ptr<const TrackCleaning> runCleaning)
{
    for (const auto &layer : mLayers->layers())
        if (auto tracks = std::dynamic_pointer_cast<TrackLayer>(layer))
            showCleaningOn(*tracks, runStore, runCleaning);
}

void AnalysisActions::showCleaningOn(TrackLayer &layer, const TrackStore *runStore,
                                     const std::shared_ptr<const TrackCleaning> &runCleaning)
{
    std::shared_ptr<const TrackCleaning> cleaning;
    if (mCleaning)
        cleaning = runStore == &layer.store() && runCleaning
                       ? runCleaning
                       : std::make_shared<const TrackCleaning>(cleanTracks(layer.store(), *mCleaning));
    if (!cleaning && !layer.cleaning())
        return;
    layer.setCleaning(std::move(cleaning));
    mLayers->notifyStyleChanged(layer.id());
}

void AnalysisActions::showEvents()
{
    const std::vector<MovementEvent> &events = mProject->events();
    mPanel->setEvents(events);
    if (events.empty()) {
        if (mEventLayer)
            mLayers->remove(mEventLayer->id());
        mEventLayer.reset();
        return;
    }
    if (!mEventLayer) {
        mEventLayer = std::make_shared<EventLayer>(tr("Events"), events);
        Q_EMIT eventsShown(); // a project with events opened: its dock comes forward
    } else
        mEventLayer->setEvents(events);
    // Closing a project clears the map: the layer comes back with the next events.
    if (mLayers->indexOf(mEventLayer->id()) < 0)
        mLayers->add(mEventLayer);
    mEventLayer->setVisibleIds(mPanel->visibleIds());
    mEventLayer->setSelected(mPanel->currentId());
    mLayers->notifyStyleChanged(mEventLayer->id());
}

} // namespace sightline
