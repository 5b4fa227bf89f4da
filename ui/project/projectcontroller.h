#pragma once

#include "project/project.h"

#include <QHash>
#include <QObject>
#include <QStringList>
#include <QSet>
#include <QTimer>

#include <memory>

class QUndoStack;
class QWidget;

namespace sightline {

class Layer;
class LayerStack;
class MapCanvas;
class ProjectSession;
class SightingLayer;

/// The project's life in the workbench: new, open (read-only when another
/// instance has it), save as, close; restoring its layers and view, and
/// writing back every change to the layer list and the view as it happens.
/// Keeps the sightings layer on top of the others.
class ProjectController : public QObject
{
    Q_OBJECT
public:
    ProjectController(LayerStack *layers, MapCanvas *canvas, QUndoStack *undo, QWidget *dialogParent);
    ~ProjectController() override;

    /// The window's one undo history: the project's edits and the layer list's.
    QUndoStack *undoStack() const { return mUndo; }
    /// Null when no project is open.
    ProjectSession *session() const { return mSession.get(); }
    std::shared_ptr<SightingLayer> sightingLayer() const { return mSightingLayer; }
    bool isReadOnly() const;
    /// "case" or "case [read-only]"; empty without a project.
    QString title() const;

    /// Creates a project at `path`; the layers and view on screen become its own.
    bool newProject(const QString &path);
    /// Opens a project, replacing what is on screen. When another Sightline has it,
    /// offers read-only. False (with a message) when it is not a project.
    bool openProject(const QString &path);
    /// Copies the project to `path` and continues there, layer paths made relative to it.
    bool saveProjectAs(const QString &path);
    /// Writes the layer list and view now if a change is waiting (the window calls it before it goes).
    void flush();
    /// Closes the project and clears the map.
    void closeProject();
    /// Asks to create a project when none is open (sightings live in one); true when one is open and
    /// writable.
    bool requireWritableProject();

    /// The window reports each layer it opened (or failed to open) while a project is restored.
    void layerOpened(const std::shared_ptr<Layer> &layer, const QString &source);
    void layerFailed(const QString &source);
    bool isRestoring() const { return mRestoring; }
    /// Project entries that could not be opened; they stay in the project.
    const QList<ProjectLayer> &unavailableLayers() const { return mUnavailable; }

    QStringList recentProjects() const;
    /// While held, changes to the layer list and view wait (an import is writing the file through
    /// its own connection); released, what waited is written.
    void holdWrites(bool hold);
    /// Reads the project's events again: after an analysis, or an import that kept safety messages.
    void reloadEvents();

    /// The events of the movement analyses: the project's, or those of this session's runs
    /// when no project is open (ids numbered here then, so they can still be selected).
    const std::vector<MovementEvent> &events() const { return mEvents; }
    /// Keeps the result of one analysis run: in the project (replacing that analysis's
    /// previous events) when one is open for writing, else for this session only.
    /// False, with a message, when the project could not be written.
    bool storeEvents(const QString &kind, const QList<EventType> &types, std::vector<MovementEvent> events,
                     const QJsonObject &parameters);

Q_SIGNALS:
    /// Opened, closed, saved under another name: the title and menus follow.
    void projectChanged();
    /// The project went (closed, or replaced by another): what showed its content — identify
    /// results, messages, marks — is cleared. Emitted before projectChanged().
    void projectClosed();
    /// The window opens these as layers, in order (vector sources' chosen layers in `layers`).
    void openRequested(const QStringList &sources, const QHash<QString, QStringList> &layers);
    void message(int level, const QString &text);
    /// The project's sightings changed (an edit, undo, redo, or another project).
    void sightingsChanged();
    /// The project's annotations changed (an edit, undo or redo).
    void annotationsChanged();
    /// The project's saved views changed (an edit, undo, redo, or another project).
    void savedViewsChanged();
    /// The analyses' events changed (a run, or another project).
    void eventsChanged();
    /// The project's brief definition was written (an edit, undo or redo).
    void briefChanged();

private:
    bool startSession(std::unique_ptr<Project> project, bool restore);
    void connectSession();
    /// Writes what is pending and lets go of the project; the layers stay on screen.
    void release();
    void restore();
    /// Looks for the entries' missing files beside the project, then asks for the rest in one
    /// dialog (MissingLayersDialog); locate() then gives each entry where it was found.
    void locateMissing(const QList<ProjectLayer> &entries);
    void finishRestoreIfDone();
    void saveLayers();
    void saveView();
    void refreshSightings();
    void refreshAnnotations();
    void keepSightingsOnTop();
    bool locate(ProjectLayer &entry);
    /// Keeps in mPending only the layers the project may open: refused sources and those the
    /// user does not allow (one dialog for all) move to mUnavailable, and stay in the project.
    void admitSources();
    void addToRecent(const QString &path);

    LayerStack *mLayers;
    MapCanvas *mCanvas;
    QUndoStack *mUndo;
    QWidget *mDialogParent;
    std::unique_ptr<ProjectSession> mSession;
    std::shared_ptr<SightingLayer> mSightingLayer;
    QList<ProjectLayer> mPending;
    QList<ProjectLayer> mUnavailable;
    /// The project's receivers and aids to navigation: its own tables, opened when the rest is.
    QList<ProjectLayer> mBroadcastEntries;
    QSet<QString> mRemembered; ///< sources already remembered for this project (sourcepolicy.h)
    bool mRestoring = false;
    QHash<QString, QString> mLocated; ///< a missing file's source → where it was found (empty: skipped)
    int mWriteHolds = 0;
    bool mWritesWaiting = false;
    QTimer mViewTimer;
    QTimer mLayersTimer;
    std::vector<MovementEvent> mEvents;
};

} // namespace sightline
