#include "project/projectsession.h"

#include <QDateTime>
#include <QUndoCommand>
#include <QUndoStack>

namespace sightline {

namespace {

// The first redo adds (and the project gives the id); later redos put the
// same sighting back with that id, so links to it stay valid.
class AddSightingCommand : public QUndoCommand
{
public:
    AddSightingCommand(ProjectSession *session, Sighting sighting, const QString &text)
        : QUndoCommand(text)
        , mSession(session)
        , mSighting(std::move(sighting))
    {
    }
    void redo() override
    {
        if (!mSighting.id) {
            if (!mSession->doAdd(mSighting))
                setObsolete(true);
            return;
        }
        mSession->doRestore(mSighting);
    }
    void undo() override
    {
        if (auto stored = mSession->project().sighting(mSighting.id))
            mSighting = *stored; // what redo puts back is what was there
        mSession->doRemove(mSighting.id);
    }

private:
    ProjectSession *mSession;
    Sighting mSighting;
};

class EditSightingCommand : public QUndoCommand
{
public:
    EditSightingCommand(ProjectSession *session, Sighting before, Sighting after, const QString &text)
        : QUndoCommand(text)
        , mSession(session)
        , mBefore(std::move(before))
        , mAfter(std::move(after))
    {
    }
    void redo() override
    {
        if (!mSession->doUpdate(mAfter))
            setObsolete(true);
    }
    void undo() override { mSession->doUpdate(mBefore); }

private:
    ProjectSession *mSession;
    Sighting mBefore;
    Sighting mAfter;
};

class RemoveSightingCommand : public QUndoCommand
{
public:
    RemoveSightingCommand(ProjectSession *session, Sighting sighting, const QString &text)
        : QUndoCommand(text)
        , mSession(session)
        , mSighting(std::move(sighting))
    {
    }
    void redo() override
    {
        if (!mSession->doRemove(mSighting.id))
            setObsolete(true);
    }
    void undo() override { mSession->doRestore(mSighting); }

private:
    ProjectSession *mSession;
    Sighting mSighting;
};

// Add (nothing → annotation), edit (old → new) or delete (annotation → nothing); undo runs it backwards.
class AnnotationCommand : public QUndoCommand
{
public:
    AnnotationCommand(ProjectSession *session, std::optional<Annotation> before,
                      std::optional<Annotation> after, const QString &text)
        : QUndoCommand(text)
        , mSession(session)
        , mBefore(std::move(before))
        , mAfter(std::move(after))
    {
    }
    void redo() override
    {
        if (!mSession->doChangeAnnotation(mBefore, mAfter))
            setObsolete(true);
    }
    void undo() override { mSession->doChangeAnnotation(mAfter, mBefore); }

private:
    ProjectSession *mSession;
    std::optional<Annotation> mBefore;
    std::optional<Annotation> mAfter;
};

class SetViewsCommand : public QUndoCommand
{
public:
    SetViewsCommand(ProjectSession *session, QList<SavedView> before, QList<SavedView> after,
                    const QString &text)
        : QUndoCommand(text)
        , mSession(session)
        , mBefore(std::move(before))
        , mAfter(std::move(after))
    {
    }
    void redo() override
    {
        if (!mSession->doSetViews(mAfter))
            setObsolete(true);
    }
    void undo() override { mSession->doSetViews(mBefore); }

private:
    ProjectSession *mSession;
    QList<SavedView> mBefore;
    QList<SavedView> mAfter;
};

// The brief as a whole, before and after: its definition is one JSON value in the project.
class SetBriefCommand : public QUndoCommand
{
public:
    SetBriefCommand(ProjectSession *session, QJsonObject before, QJsonObject after, const QString &text)
        : QUndoCommand(text)
        , mSession(session)
        , mBefore(std::move(before))
        , mAfter(std::move(after))
        , mAtMs(QDateTime::currentMSecsSinceEpoch())
    {
    }
    int id() const override { return kSetBriefId; }
    bool mergeWith(const QUndoCommand *other) override
    {
        // Typing in one field is saved in pauses; the pauses of one edit are one entry.
        const auto *next = static_cast<const SetBriefCommand *>(other);
        if (next->text() != text() || next->mAtMs - mAtMs > kBriefMergeWindowMs)
            return false;
        mAfter = next->mAfter;
        mAtMs = next->mAtMs;
        return true;
    }
    void redo() override
    {
        if (!mSession->doSetBrief(mAfter))
            setObsolete(true);
    }
    void undo() override { mSession->doSetBrief(mBefore); }

private:
    static constexpr int kSetBriefId = 0x4252; // "BR"
    static constexpr qint64 kBriefMergeWindowMs = 3000;
    ProjectSession *mSession;
    QJsonObject mBefore;
    QJsonObject mAfter;
    qint64 mAtMs;
};

} // namespace

ProjectSession::ProjectSession(std::unique_ptr<Project> project, QUndoStack *undo, QObject *parent)
    : QObject(parent)
    , mProject(std::move(project))
    , mUndo(undo)
{
}

ProjectSession::~ProjectSession()
{
    // Commands point at this session: none may outlive it.
    if (mUndo)
        mUndo->clear();
}

bool ProjectSession::report(bool ok)
{
    mLastOk = ok;
    if (ok)
        Q_EMIT sightingsChanged();
    else
        Q_EMIT failed(mProject->lastError());
    return ok;
}

bool ProjectSession::doAdd(Sighting &sighting)
{
    const std::int64_t id = mProject->addSighting(sighting);
    if (id) {
        sighting = *mProject->sighting(id);
        mLastAdded = id;
    }
    return report(id != 0);
}

bool ProjectSession::doUpdate(const Sighting &sighting)
{
    return report(mProject->updateSighting(sighting));
}

bool ProjectSession::doRemove(std::int64_t id)
{
    return report(mProject->removeSighting(id));
}

bool ProjectSession::doRestore(const Sighting &sighting)
{
    return report(mProject->restoreSighting(sighting));
}

bool ProjectSession::addSighting(const Sighting &sighting, const QString &text)
{
    mLastOk = true;
    mUndo->push(new AddSightingCommand(this, sighting,
                                       text.isEmpty() ? tr("Add sighting: %1").arg(sighting.title()) : text));
    return mLastOk;
}

bool ProjectSession::editSighting(const Sighting &after, const QString &text)
{
    const std::optional<Sighting> before = mProject->sighting(after.id);
    if (!before) {
        Q_EMIT failed(tr("'%1': sighting %2 is not in the project").arg(mProject->path()).arg(after.id));
        return false;
    }
    mLastOk = true;
    mUndo->push(new EditSightingCommand(this, *before, after,
                                        text.isEmpty() ? tr("Edit sighting: %1").arg(after.title()) : text));
    return mLastOk;
}

bool ProjectSession::removeSighting(std::int64_t id)
{
    const std::optional<Sighting> stored = mProject->sighting(id);
    if (!stored) {
        Q_EMIT failed(tr("'%1': sighting %2 is not in the project").arg(mProject->path()).arg(id));
        return false;
    }
    mLastOk = true;
    mUndo->push(new RemoveSightingCommand(this, *stored, tr("Delete sighting: %1").arg(stored->title())));
    return mLastOk;
}

bool ProjectSession::doSetViews(const QList<SavedView> &views)
{
    mLastOk = mProject->setViews(views);
    if (mLastOk)
        Q_EMIT savedViewsChanged();
    else
        Q_EMIT failed(mProject->lastError());
    return mLastOk;
}

bool ProjectSession::setSavedViews(const QList<SavedView> &views, const QString &text)
{
    mLastOk = true;
    mUndo->push(new SetViewsCommand(this, mProject->views(), views, text));
    return mLastOk;
}

bool ProjectSession::doSetBrief(const QJsonObject &definition)
{
    mLastOk = mProject->setBriefDefinition(definition);
    if (mLastOk)
        Q_EMIT briefChanged();
    else
        Q_EMIT failed(mProject->lastError());
    return mLastOk;
}

bool ProjectSession::setBriefDefinition(const QJsonObject &before, const QJsonObject &after, const QString &text)
{
    if (before == after)
        return true;
    mLastOk = true;
    mUndo->push(new SetBriefCommand(this, before, after, text));
    return mLastOk;
}

bool ProjectSession::doChangeAnnotation(const std::optional<Annotation> &from, std::optional<Annotation> &to)
{
    bool ok = false;
    if (!to) {
        ok = from && mProject->removeAnnotation(from->id);
    } else if (!from) {
        if (to->id) {
            ok = mProject->restoreAnnotation(*to); // a redo puts back the same one, with its id
        } else if (const std::int64_t id = mProject->addAnnotation(*to)) {
            *to = *mProject->annotation(id);
            mLastAddedAnnotation = id;
            ok = true;
        }
    } else {
        ok = mProject->updateAnnotation(*to);
    }
    mLastOk = ok;
    if (ok)
        Q_EMIT annotationsChanged();
    else
        Q_EMIT failed(mProject->lastError());
    return ok;
}

bool ProjectSession::addAnnotation(const Annotation &annotation)
{
    mLastOk = true;
    mUndo->push(new AnnotationCommand(this, std::nullopt, annotation,
                                      tr("Add %1").arg(annotationTypeLabel(annotation.type).toLower())));
    return mLastOk;
}

bool ProjectSession::editAnnotation(const Annotation &after, const QString &text)
{
    const std::optional<Annotation> before = mProject->annotation(after.id);
    if (!before) {
        Q_EMIT failed(tr("'%1': annotation %2 is not in the project").arg(mProject->path()).arg(after.id));
        return false;
    }
    mLastOk = true;
    mUndo->push(new AnnotationCommand(
        this, before, after,
        text.isEmpty() ? tr("Edit %1").arg(annotationTypeLabel(after.type).toLower()) : text));
    return mLastOk;
}

bool ProjectSession::removeAnnotation(std::int64_t id)
{
    const std::optional<Annotation> stored = mProject->annotation(id);
    if (!stored) {
        Q_EMIT failed(tr("'%1': annotation %2 is not in the project").arg(mProject->path()).arg(id));
        return false;
    }
    mLastOk = true;
    mUndo->push(new AnnotationCommand(this, stored, std::nullopt,
                                      tr("Delete %1").arg(annotationTypeLabel(stored->type).toLower())));
    return mLastOk;
}

} // namespace sightline
