#pragma once

#include <QDockWidget>
#include <QSet>
#include <QTimer>

#include <cstdint>

class QComboBox;
class QLabel;
class QScrollArea;
class QToolButton;

namespace sightline {

class LayerStack;
class TimeController;
class TimelineWidget;

/// The Timeline dock: a lane per vessel (those picked in the Vessels dock, else all with events)
/// with its reporting, port calls, dark periods, encounters and sightings, and a lane of imagery
/// acquisitions, over the time the view shows; above it the playback controls, the cursor's and the
/// window's times. It reads the map's layers whenever they change and gives the TimeController the
/// data's span, so that playback stops at its end. The bar of controls is the dock's title bar (no
/// room is spent on a separate one), with buttons to fold the dock down to that bar and to close it.
class TimelineDock : public QDockWidget
{
    Q_OBJECT
public:
    TimelineDock(LayerStack *layers, TimeController *time, QWidget *parent = nullptr);

    TimelineWidget *timeline() const { return mTimeline; }
    QToolButton *playButton() const { return mPlay; }
    QToolButton *previousButton() const { return mPrevious; }
    QToolButton *nextButton() const { return mNext; }
    QToolButton *clearWindowButton() const { return mClearWindow; }
    QToolButton *allVesselsButton() const { return mAllVessels; }
    QComboBox *speedChoice() const { return mSpeed; }
    QLabel *cursorLabel() const { return mCursorLabel; }
    QLabel *windowLabel() const { return mWindowLabel; }
    /// Folds the dock to its bar of controls (the lanes hidden), and back.
    QToolButton *collapseButton() const { return mCollapse; }
    QToolButton *closeButton() const { return mClose; }
    bool isCollapsed() const;
    void setCollapsed(bool collapsed);

    /// The vessels given lanes; empty for every vessel with events.
    const QSet<std::uint32_t> &vessels() const { return mVessels; }
    void setVessels(const QSet<std::uint32_t> &mmsis);
    /// Reads the layers now (it does on its own just after they change).
    void rebuild();
    /// The layers changed and the dock has not read them yet (it may then show itself, when its first
    /// lanes arrive).
    bool isRebuildPending() const { return mRebuildTimer.isActive(); }
    /// Shows the dock (at the height its lanes need, when it was hidden).
    void reveal();

public Q_SLOTS:
    /// The cursor to the start of the event before (after) it in the lanes shown; a window with a
    /// start then ends there.
    void previousEvent();
    void nextEvent();

Q_SIGNALS:
    void eventClicked(qint64 id);
    void sightingClicked(qint64 id);
    void eventDoubleClicked(qint64 id);
    void sightingDoubleClicked(qint64 id);

private:
    void stepToEvent(int direction);
    void updateTimeLabels();
    void updateLanesLabel();

    LayerStack *mLayers;
    TimeController *mTime;
    TimelineWidget *mTimeline;
    QScrollArea *mScroll;
    QToolButton *mPrevious;
    QToolButton *mPlay;
    QToolButton *mNext;
    QComboBox *mSpeed;
    QLabel *mCursorLabel;
    QLabel *mWindowLabel;
    QToolButton *mClearWindow;
    QLabel *mLanesLabel;
    QToolButton *mAllVessels;
    QToolButton *mFit;
    QToolButton *mCollapse;
    QToolButton *mClose;
    QWidget *mBar;
    QWidget *mLanes;
    int mExpandedHeight = 0;
    QSet<std::uint32_t> mVessels;
    QTimer mRebuildTimer;
};

} // namespace sightline
