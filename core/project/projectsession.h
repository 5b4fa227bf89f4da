#pragma once

#include "project/project.h"

#include <QObject>
#include <QPointer>
#include <QUndoStack>

#include <memory>

namespace sightline {

/// The open project and the edits made to it: every sighting change goes
/// through the undo stack as a command that writes the project at once, so
/// undo and redo leave the file as the screen shows it.
class ProjectSession : public QObject
{
    Q_OBJECT
public:
    ProjectSession(std::unique_ptr<Project> project, QUndoStack *undo, QObject *parent = nullptr);
    ~ProjectSession() override;

    Project &project() { return *mProject; }
    const Project &project() const { return *mProject; }
    QUndoStack *undoStack() const { return mUndo; }

    /// Each pushes an undoable command; false (and failed() emitted) when the project refused it.
    bool addSighting(const Sighting &sighting, const QString &text = {});
    bool editSighting(const Sighting &after, const QString &text = {});
    bool removeSighting(std::int64_t id);
    /// Annotations, each an undoable command like the sightings'.
    bool addAnnotation(const Annotation &annotation);
    bool editAnnotation(const Annotation &after, const QString &text = {});
    bool removeAnnotation(std::int64_t id);
    /// The id the last addAnnotation gave.
    std::int64_t lastAddedAnnotationId() const { return mLastAddedAnnotation; }

    /// Replaces the saved views (bookmarks), undoably.
    bool setSavedViews(const QList<SavedView> &views, const QString &text);

    /// Replaces the brief definition (brief/brief.h's JSON) with `after`, undoably; undo writes
    /// `before` back. Successive edits named alike within a moment (typing) are one entry.
    bool setBriefDefinition(const QJsonObject &before, const QJsonObject &after, const QString &text);

    /// The id the last addSighting gave.
    std::int64_t lastAddedId() const { return mLastAdded; }

    // For the commands: write, then tell the views.
    bool doAdd(Sighting &sighting);
    bool doUpdate(const Sighting &sighting);
    bool doRemove(std::int64_t id);
    bool doRestore(const Sighting &sighting);
    bool doSetViews(const QList<SavedView> &views);
    bool doSetBrief(const QJsonObject &definition);
    /// Makes the stored annotation go from `from` to `to` (nullopt: absent); the id of a new one is set in
    /// `to`.
    bool doChangeAnnotation(const std::optional<Annotation> &from, std::optional<Annotation> &to);

Q_SIGNALS:
    /// Sightings were added, edited or removed (by an edit, an undo or a redo).
    void sightingsChanged();
    /// Annotations were added, edited or removed (by an edit, an undo or a redo).
    void annotationsChanged();
    /// The saved views changed (an edit, undo or redo).
    void savedViewsChanged();
    /// The brief definition was written (an edit, undo or redo).
    void briefChanged();
    /// A write failed; the message names the project file.
    void failed(const QString &message);

private:
    bool report(bool ok);

    std::unique_ptr<Project> mProject;
    QPointer<QUndoStack> mUndo; ///< the window's; may go first when the window closes
    std::int64_t mLastAdded = 0;
    std::int64_t mLastAddedAnnotation = 0;
    bool mLastOk = true;
};

} // namespace sightline
