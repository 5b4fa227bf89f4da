#pragma once

#include "analysis/movementanalysis.h"

#include <QHash>
#include <QObject>

#include <memory>
#include <optional>

class QDockWidget;
class QMenu;
class QWidget;

namespace sightline {

class AnalysisDialog;
class BackgroundTask;
class EventLayer;
class EventsPanel;
class LayerStack;
class MapCanvas;
class ProjectController;
class TrackLayer;
class TrackStore;

/// The Analysis menu: each movement analysis asks for its thresholds and ports
/// (AnalysisDialog), runs on the tracks on the map, and keeps its events in the
/// project. The events show in the Events dock (made here) and on the map (an
/// EventLayer above the tracks), filtered together.
class AnalysisActions : public QObject
{
    Q_OBJECT
public:
    AnalysisActions(MapCanvas *canvas, LayerStack *layers, ProjectController *project, QWidget *dialogParent);
    ~AnalysisActions() override;

    void populate(QMenu *menu);
    /// Opens the dialog for `kind` and, when accepted, runs it on a worker thread with progress and
    /// Cancel in the status bar; the events are stored in the project when it returns.
    void run(AnalysisKind kind);
    /// Whether an analysis is running in the background.
    bool isRunning() const;
    /// Stops the running analysis; nothing of it is stored.
    void cancelRun();
    BackgroundTask *task() const { return mTask; }
    /// "ANGARA (273145020)" from the tracks on the map, or empty.
    QString vesselName(std::uint32_t mmsi) const;
    std::shared_ptr<EventLayer> eventLayer() const { return mEventLayer; }
    EventsPanel *eventsPanel() const { return mPanel; }
    QDockWidget *eventsDock() const { return mDock; }
    /// Selects an event in the Events dock and brings the dock forward.
    void revealEvent(std::int64_t id);

Q_SIGNALS:
    void message(int level, const QString &text);
    /// The Events dock should come forward (a run found something).
    void eventsShown();
    /// A run ended: stored, failed or cancelled.
    void runFinished();

private:
    /// The positions of every track layer on the map (one store, merged when several).
    std::shared_ptr<const TrackStore> tracks(QString *summary) const;
    bool runOn(const AnalysisDialog &dialog, std::shared_ptr<const TrackStore> tracks);
    /// On the UI thread, with the worker's result: the message, and the events into the project.
    /// `runStore` is the store the run cleaned (a layer's own, or a merge of several).
    bool finishRun(const AnalysisRequest &request, AnalysisResult result, qint64 ms,
                   const QStringList &portProblems, const TrackStore *runStore);
    void showEvents();
    /// Marks the positions the cleaning set aside on every track layer (hollow on the map, the reason
    /// on Identify), with the parameters of the last run: this session's, or the project's last
    /// recorded one when it opens; cleared when there is none. A layer whose store the run cleaned
    /// takes that run's marks; any other is cleaned here.
    void showCleaning(const TrackStore *runStore = nullptr,
                      std::shared_ptr<const TrackCleaning> runCleaning = {});
    void showCleaningOn(TrackLayer &layer, const TrackStore *runStore,
                        const std::shared_ptr<const TrackCleaning> &runCleaning);

    MapCanvas *mCanvas;
    LayerStack *mLayers;
    ProjectController *mProject;
    /// The Analysis menu's words for each kind (by int(AnalysisKind)): its dialog's title.
    QHash<int, QString> mMenuTexts;
    EventsPanel *mPanel;
    QDockWidget *mDock;
    QWidget *mDialogParent;
    std::shared_ptr<EventLayer> mEventLayer;
    BackgroundTask *mTask;
    /// The cleaning of the last run (none before any, or when it was off).
    std::optional<CleaningParameters> mCleaning;
};

} // namespace sightline
