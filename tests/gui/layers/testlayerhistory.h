#pragma once

#include "support/workbenchtest.h"

/// The layer list's edits on the window's one undo history: each a named entry, undone in order
/// with Ctrl+Z whatever kind of edit came between, and the project file following.
class TestLayerHistory : public WorkbenchTest
{
    Q_OBJECT
private Q_SLOTS:
    void ctrlZBringsBackARemovedLayerNotAnEarlierSighting();
    void layerEditsAreNamedEntriesAndTheFileFollows();
    void restyleIsUndoneAndTheStylePanelFollows();
    void simplifyingTrackLinesInPropertiesIsOneUndoableStep();
    void undoHistoryListsEveryEntry();

private:
    /// A new project beside the fixture; its path.
    QString newProject(const QString &name);
    void pressUndo();
    void pressRedo();
    QStringList storedLayerNames(const QString &projectPath) const;
};
