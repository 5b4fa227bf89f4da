#pragma once

#include "support/workbenchtest.h"

/// The Count tool's marks on the one undo history: each mark placed, moved or removed is an entry
/// while counting, Esc asks before the marks go, and the saved count is one entry.
class TestCountUndo : public WorkbenchTest
{
    Q_OBJECT
private Q_SLOTS:
    void marksAreUndoneOneByOneAndTheSavedCountIsOneEntry();
    void escAsksBeforeDiscardingTheMarks();

private:
    /// The fixture open in a new project, framed around Rajin, the Count tool taken up.
    bool startCounting(const QString &projectName);
    void clickAt(double lon, double lat, Qt::MouseButton button = Qt::LeftButton);
    void press(int key, Qt::KeyboardModifiers modifiers = {});
    void redo();
    /// Clicks `button` of the discard question when it shows, keeping its text in `question`.
    void answerWhenAsked(const char *button, QString *question);
};
