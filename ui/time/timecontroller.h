#pragma once

#include "map/timewindow.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <cstdint>

namespace sightline {

/// The workbench's time: the window the map shows, the cursor (the instant each vessel is
/// marked at) and playback, which moves the cursor — and the window's end with it — through
/// time at a chosen speed. The canvas, the timeline and the docks follow its signals.
class TimeController : public QObject
{
    Q_OBJECT
public:
    explicit TimeController(QObject *parent = nullptr);

    const TimeWindow &window() const { return mWindow; }
    std::int64_t cursorMs() const { return mCursorMs; }
    bool isPlaying() const { return mTimer.isActive(); }
    /// Data time per second of playback, in milliseconds (default: 6 hours a second).
    std::int64_t speedMsPerSecond() const { return mSpeed; }
    /// What playback runs through: the data's span, set by whoever knows it (the timeline).
    const TimeWindow &span() const { return mSpan; }
    void setSpan(const TimeWindow &span) { mSpan = span; }

public Q_SLOTS:
    void setWindow(const sightline::TimeWindow &window);
    void clearWindow();
    /// 0 takes the cursor away.
    void setCursorMs(qint64 ms);
    void setSpeedMsPerSecond(qint64 speed);
    /// Plays from the cursor (or the window's start, or the span's start) to the span's end.
    void play();
    void pause();
    void togglePlaying();
    /// One playback step forward (or back) of `ms`, as the play timer does.
    void step(qint64 ms);

Q_SIGNALS:
    void windowChanged(const sightline::TimeWindow &window);
    void cursorChanged(qint64 ms);
    void playingChanged(bool playing);

private:
    void tick();

    TimeWindow mWindow;
    TimeWindow mSpan;
    std::int64_t mCursorMs = 0;
    std::int64_t mSpeed = 6 * 3600 * 1000;
    QTimer mTimer;
    QElapsedTimer mClock;
};

} // namespace sightline
