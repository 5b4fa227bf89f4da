#pragma once

// How long the UI thread's event loop goes without turning while work runs in the background.

#include "ui/common/backgroundtask.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <vector>

namespace sightline::test {

struct EventLoopGaps
{
    std::vector<qint64> gapsMs; ///< between consecutive turns, in order
    qint64 spanMs = 0;          ///< from the first turn to the last measured
    bool timedOut = false;

    qint64 longest() const { return gapsMs.empty() ? 0 : *std::max_element(gapsMs.begin(), gapsMs.end()); }
    /// Turns that took longer than `ms`.
    int over(qint64 ms) const
    {
        return int(std::count_if(gapsMs.begin(), gapsMs.end(), [ms](qint64 g) { return g > ms; }));
    }
    /// Every turn within 50 ms, but for a few (one in fifty, at least one) that the machine's own load
    /// stretched, none of them past 200 ms: parallel test runs share two cores, and the scheduler
    /// alone can hold the UI thread back for tens of milliseconds. Work done on the UI thread shows as
    /// one gap as long as the work, which the tests make longer than that.
    bool isResponsive() const
    {
        return longest() < 200 && over(50) <= std::max<int>(1, int(gapsMs.size()) / 50);
    }
};

/// Turns the event loop, a 10 ms timer marking each turn; at the first turn calls `start` (what the
/// analyst does: a click, a menu entry; it may open a dialog, the timer goes on inside it), then once
/// `start` has returned goes on while `running()` holds (at most `timeoutMs`), and returns the gaps
/// between the turns, the last one ending when `task`'s work returned: what the UI then does with the
/// result (storing it, drawing it) is not counted. Work done on the UI thread, in `start` or after
/// it, shows as one gap as long as the work.
inline EventLoopGaps measureEventLoop(const std::function<void()> &start,
                                      const std::function<bool()> &running, BackgroundTask *task,
                                      int timeoutMs)
{
    EventLoopGaps gaps;
    QElapsedTimer clock;
    clock.start();
    qint64 first = -1, last = -1, returnedAt = -1;
    bool startReturned = false;
    QEventLoop loop;
    const QMetaObject::Connection watch =
        QObject::connect(task, &BackgroundTask::returned, &loop, [&] { returnedAt = clock.elapsed(); });
    auto mark = [&](qint64 at) {
        gaps.gapsMs.push_back(at - last);
        last = at;
        gaps.spanMs = last - first;
    };
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(10);
    QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
        const qint64 now = clock.elapsed();
        if (first < 0) {
            first = last = now;
            // From a timer of its own, so that this one goes on turning while `start` runs.
            QTimer::singleShot(0, &loop, [&] {
                start();
                startReturned = true;
            });
            return;
        }
        if (startReturned && !running()) {
            if (returnedAt > last)
                mark(returnedAt);
            tick.stop();
            loop.quit();
            return;
        }
        mark(now);
        if (now > timeoutMs) {
            gaps.timedOut = true;
            tick.stop();
            loop.quit();
        }
    });
    tick.start();
    loop.exec();
    QObject::disconnect(watch);
    return gaps;
}

} // namespace sightline::test
