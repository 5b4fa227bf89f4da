#pragma once

#include "support/workbenchtest.h"

namespace sightline {
class BriefComposer;
}

/// The Brief Composer's edits on the window's one undo history: blocks added, edited, moved and
/// removed are named entries, undone with Ctrl+Z in the composer, the project's brief following.
class TestBriefUndo : public WorkbenchTest
{
    Q_OBJECT
private Q_SLOTS:
    void blockEditsAreUndoneInTheComposerAndTheProjectFollows();

private:
    sightline::BriefComposer *openComposer();
    /// The brief blocks stored in the project (-1 when none is stored).
    int storedBlockCount() const;
    QString storedBrief() const;
    void pressInComposer(sightline::BriefComposer *composer, Qt::KeyboardModifiers modifiers);
};
