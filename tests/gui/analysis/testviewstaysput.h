#pragma once

#include <QObject>
#include <QRectF>
#include <QTemporaryDir>

#include <cstdint>

namespace sightline {
class MainWindow;
struct MovementEvent;
} // namespace sightline

/// Picking something never moves the map unless it is out of sight (then the map pans, at the
/// same scale); zooming is the user's explicit choice (a double click, Zoom To); filtering picks
/// nothing; running an analysis or clicking the timeline leaves the view alone.
class TestViewStaysPut : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void pickingAnEventInSightLeavesTheView();
    void pickingAnEventOutOfSightPansAtTheSameScale();
    void doubleClickOrZoomToFramesTheEvent();
    void choosingATypeInTheFilterPicksNothing();
    void runningAnAnalysisWithAPickLeavesTheView();
    void clickingTheTimelineLeavesTheView();

private:
    /// Analysis → `kind` with the dialog's defaults.
    void run(const QString &kind);
    void clickRow(int row);
    const sightline::MovementEvent *event(std::int64_t id) const;
    /// Frames the map so that `lonLatBox` is well inside the view, and waits for the render.
    void frameAround(const QRectF &lonLatBox, double margin);

    QTemporaryDir mDir;
    sightline::MainWindow *mWindow = nullptr;
};
