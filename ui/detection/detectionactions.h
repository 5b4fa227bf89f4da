#pragma once

#include "imagery/vesselsearch.h"
#include "project/detectionrun.h"

#include <QObject>

#include <cstdint>

class QMenu;
class QWidget;

namespace sightline {

class BackgroundTask;
class EventsPanel;
class LayerStack;
class ProjectController;

/// What came back from a detection run's worker.
struct DetectionOutcome
{
    DetectionRun run;
    QString error; ///< the image, its time or its land could not be read
    bool cancelled = false;
    qint64 ms = 0;
};

/// Analysis → Detect Vessels in Image: the dialog, the run on a worker thread (progress and Cancel
/// in the status bar), and its result kept in the project undoably. The vessels found show as
/// events (the Events dock, the timeline, the map's event layer: matched ones named, dark ones in
/// the warning outline); a right click on one in the Events dock makes it a sighting.
class DetectionActions : public QObject
{
    Q_OBJECT
public:
    DetectionActions(LayerStack *layers, ProjectController *project, EventsPanel *events, QWidget *dialogParent);
    ~DetectionActions() override;

    void populate(QMenu *menu);
    /// Opens the dialog and, when accepted, starts the run.
    void run();
    /// Starts a run on `image` (acquired at `acquiredMs`, 0 for its metadata's) with `search`.
    void start(const QString &image, std::int64_t acquiredMs, const VesselSearch &search);
    /// Makes the vessel detection event `id` a sighting (undoable); false when it is none, or no
    /// project is open for writing.
    bool makeSighting(std::int64_t eventId);
    BackgroundTask *task() const { return mTask; }

Q_SIGNALS:
    void message(int level, const QString &text);
    /// A run ended: stored, failed or cancelled.
    void runFinished();
    /// The Events dock should come forward (a run found something).
    void eventsShown();

private:
    void finish(DetectionOutcome outcome);

    LayerStack *mLayers;
    ProjectController *mProject;
    EventsPanel *mEvents;
    QWidget *mDialogParent;
    BackgroundTask *mTask;
};

} // namespace sightline
