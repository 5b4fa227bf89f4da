#pragma once

#include <QObject>
#include <QTemporaryDir>

namespace sightline {
class MainWindow;
}

/// Defaults that save clicks: each picks what the analyst most likely wants, driven through the
/// real menus, dialogs and clicks.
class TestDefaults : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void roundTripsStartFromThePortsTheVesselsWentBetween();
    void routeMeasuringStartsOnTheRailwayLayer();
    void aCountIsSavedAsWhatIsCounted();
    void imageryAndGradingAreRememberedForTheNextSighting();
    void newImageryGoesUnderTracksAndVectors();
    void tablesSortAscendingFirst();
    void filesOpenedIntoAnEmptyMapAreFramedTogether();
    void aFileOpenedIntoANewProjectIsFramed();

private:
    QTemporaryDir mDir;
    sightline::MainWindow *mWindow = nullptr;
};
