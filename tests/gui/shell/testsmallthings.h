#pragma once

#include <QObject>
#include <QTemporaryDir>

namespace sightline {
class MainWindow;
}

/// The small things that each cost a moment of doubt: a report that can be closed, event
/// details in words, margins, windows that fit the screen, messages that say what happened,
/// one recent list, titles that match the menus, focus that goes back to the map, and a count
/// tally that never covers the marks.
class TestSmallThings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void theImportReportWrapsAndCloses();
    void eventDetailsReadAsWordsAndTimes();
    void eventColumnsShowTheirWholeText();
    void zoomToLayerLeavesAMargin();
    void theBriefComposerFitsTheScreenAndShowsTheExportMessage();
    void openingABriefWithNoViewerSaysSo();
    void theFileMenuHasOneRecentList();
    void analysisDialogsAreTitledAsTheirMenuItems();
    void goToGivesTheKeysBackToTheMap();
    void theCountTallyNeverCoversTheMarks();

private:
    QTemporaryDir mDir;
    sightline::MainWindow *mWindow = nullptr;
};
