#pragma once

#include <QObject>
#include <QString>
#include <QTemporaryDir>

#include <cstdint>
#include <functional>

namespace sightline {
class AnalysisDialog;
class MainWindow;
struct MovementEvent;
} // namespace sightline

/// The Timeline dock driven by the mouse and its buttons, on the case's tracks with their dark
/// periods and port calls: the time window, clicks on events, stepping, playback and zoom.
class TestTimeline : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void opensWithLanesOfTheVesselsWithEvents();
    void draggingAlongTheAxisSetsTheWindow();
    void draggingAWindowEdgeMovesIt();
    void draggingAnEdgeOverTheOtherLeavesTheWindow();
    void doubleClickAndClearTakeTheWindowAway();
    void clickingAPortCallSelectsItInTheEventsDock();
    void clickingASightingSelectsItInTheSightingsDock();
    void clickingALaneMovesTheCursor();
    void stepsFromEventToEvent();
    void playsAtTheChosenSpeed();
    void theWheelZoomsAroundTheMouse();
    void pickingAVesselGivesItTheOnlyLane();

private:
    /// Sets a window from `fromFraction` to `toFraction` of the plot, then drags its start edge with the mouse to
    /// `targetFraction`.
    void dragWindowStart(double fromFraction, double toFraction, double targetFraction);
    /// Triggers an Analysis menu action and lets `fill` set the dialog before Find is pressed.
    void runFromMenu(const QString &kind, const std::function<void(sightline::AnalysisDialog *)> &fill);
    /// The longest port call seen (not inferred) in the timeline's lanes.
    const sightline::MovementEvent *longestCall() const;

    QTemporaryDir mDir;
    sightline::MainWindow *mWindow = nullptr;
};
