#include "ui/time/timecontroller.h"

#include <algorithm>

namespace sightline {

namespace {
constexpr int kTickMs = 100; // ten map frames a second at most; renders are cancelled when late
}

TimeController::TimeController(QObject *parent)
    : QObject(parent)
{
    mTimer.setInterval(kTickMs);
    connect(&mTimer, &QTimer::timeout, this, &TimeController::tick);
}

void TimeController::setWindow(const TimeWindow &window)
{
    if (window == mWindow)
        return;
    mWindow = window;
    Q_EMIT windowChanged(mWindow);
}

void TimeController::clearWindow()
{
    setWindow({});
}

void TimeController::setCursorMs(qint64 ms)
{
    if (ms == mCursorMs)
        return;
    mCursorMs = ms;
    Q_EMIT cursorChanged(mCursorMs);
}

void TimeController::setSpeedMsPerSecond(qint64 speed)
{
    mSpeed = std::max<qint64>(1000, speed);
}

void TimeController::play()
{
    if (isPlaying())
        return;
    const std::int64_t start = mSpan.fromMs ? mSpan.fromMs : mWindow.fromMs;
    if (!mCursorMs || (mSpan.toMs && mCursorMs >= mSpan.toMs))
        setCursorMs(mWindow.fromMs ? mWindow.fromMs : start);
    if (!mCursorMs)
        return; // nothing to play through
    mClock.start();
    mTimer.start();
    Q_EMIT playingChanged(true);
}

void TimeController::pause()
{
    if (!isPlaying())
        return;
    mTimer.stop();
    Q_EMIT playingChanged(false);
}

void TimeController::togglePlaying()
{
    isPlaying() ? pause() : play();
}

void TimeController::step(qint64 ms)
{
    if (!mCursorMs)
        return;
    std::int64_t next = mCursorMs + ms;
    if (mSpan.toMs)
        next = std::min<std::int64_t>(next, mSpan.toMs);
    if (mSpan.fromMs)
        next = std::max<std::int64_t>(next, mSpan.fromMs);
    // While playing, a window with a start ends at the cursor: the map shows what had
    // happened by then.
    if (mWindow.fromMs)
        setWindow({mWindow.fromMs, std::max(next, mWindow.fromMs)});
    setCursorMs(next);
}

void TimeController::tick()
{
    const qint64 elapsed = mClock.restart();
    step(mSpeed * elapsed / 1000);
    if (mSpan.toMs && mCursorMs >= mSpan.toMs)
        pause();
}

} // namespace sightline
