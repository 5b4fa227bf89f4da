#pragma once

#include <QObject>
#include <QString>
#include <QTemporaryDir>

#include <functional>

namespace sightline {
class AnalysisDialog;
class MainWindow;
} // namespace sightline

/// The movement analyses driven through the workbench: the Analysis menu, its
/// dialog, the Events dock and the events on the map.
class TestAnalysis : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void findsTheCaseDarkPeriodsAndRoundTripsThroughTheMenu();
    void eventsDockFiltersByTypeVesselAndTimeAndZoomsToTheEvent();
    void clickingAnEventOnTheMapSelectsItInTheDock();
    void findsStopsWithTheDiameterAndDurationTyped();
    void gapsShowTheirLikelyCauseWithTheDialogsReceptionThresholds();
    void identifyNamesWhyTheCleaningSetAPositionAside();

private:
    bool waitForIdle();
    /// The demo AIS and ports opened in a new project; its path.
    QString openCaseInNewProject(const QString &name);
    /// Triggers an Analysis menu action and lets `fill` set the dialog before Find is pressed.
    void runFromMenu(const QString &kind, const std::function<void(sightline::AnalysisDialog *)> &fill);

    QTemporaryDir mDir;
    sightline::MainWindow *mWindow = nullptr;
};
