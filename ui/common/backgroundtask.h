#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <type_traits>

class QLabel;
class QProgressBar;
class QStatusBar;
class QToolButton;
class QWidget;

namespace sightline {

/// What work on a worker thread sees of its task: where to say how far it is, and whether it
/// should stop. Thread-safe.
class TaskControl
{
public:
    /// The fraction done (0..1); false once the task was cancelled: the work should stop.
    bool progress(double fraction)
    {
        // Once stopped, the fraction stays where the work was when told (a library may report its end).
        if (mCancelled.load())
            return false;
        mPermille = int(std::clamp(fraction, 0.0, 1.0) * 1000);
        return true;
    }
    bool isCancelled() const { return mCancelled.load(); }
    void cancel() { mCancelled = true; }
    int permille() const { return mPermille.load(); }

private:
    std::atomic<bool> mCancelled{false};
    std::atomic<int> mPermille{0};
};

/// A feature's long operation (an analysis, overviews, a brief preview) run off the UI thread, one
/// at a time. The work gets copies of its inputs and a TaskControl, and must touch nothing that lives
/// on the UI thread; its result comes back to `done` on the UI thread, where it may be stored, unless
/// the task was cancelled meanwhile. While it runs, a strip in the status bar (showIn) shows the label,
/// the progress and a Cancel button. Starting again while running cancels the running work and starts
/// the new one once it has returned. Deleting the task (its owner closing) cancels and waits, so no
/// work outlives what it reports to.
class BackgroundTask : public QObject
{
    Q_OBJECT
public:
    /// `name` makes the object names of the strip: NAMETask, NAMEProgress, NAMECancel.
    BackgroundTask(const QString &name, QObject *parent);
    ~BackgroundTask() override;

    /// The strip that shows the label, progress and Cancel while the work runs (made once, in
    /// `parent`); the caller places it.
    QWidget *makeStrip(QWidget *parent);
    /// makeStrip() placed in `statusBar`.
    void showIn(QStatusBar *statusBar);

    /// Runs `work(TaskControl &)` on the thread pool (`label` says what, as in "Building overviews");
    /// `done(result)` on this thread when it returns without having been cancelled. An exception from the
    /// work comes back as failed().
    template <typename Work, typename Done> void start(const QString &label, Work work, Done done)
    {
        using Result = std::invoke_result_t<Work &, TaskControl &>;
        auto slot = std::make_shared<std::optional<Result>>();
        launch(
            label, [work = std::move(work), slot](TaskControl &control) { slot->emplace(work(control)); },
            [done = std::move(done), slot]() mutable {
                if (*slot)
                    done(std::move(**slot));
            });
    }

    bool isRunning() const { return mRunning; }
    /// Whether the last work to return had been cancelled.
    bool wasCancelled() const { return mLastCancelled; }
    /// How far (0–1000) the work had said it was when it returned, or is now: below 1000 for work
    /// that stopped part way.
    int lastProgress() const;
    const QString &label() const { return mLabel; }
    /// Asks the work to stop; returns at once. `done` is not called for it.
    void cancel();
    /// Cancels and waits for the worker to return, emitting nothing (for owners going away).
    void cancelAndWait();

    QWidget *statusStrip() const;
    QProgressBar *progressBar() const;
    QToolButton *cancelButton() const;

Q_SIGNALS:
    void started();
    /// 0–1000, a few times a second while the work runs.
    void progressChanged(int permille);
    /// The work returned, before its result is delivered.
    void returned();
    /// The work returned: `delivered` when `done` got its result (false when cancelled or failed).
    void finished(bool delivered);
    /// The work threw; `message` says what.
    void failed(const QString &message);

private:
    void launch(const QString &label, std::function<void(TaskControl &)> work, std::function<void()> deliver);
    void startNext();
    void workReturned();
    void pollProgress();

    struct Pending
    {
        QString label;
        std::function<void(TaskControl &)> work;
        std::function<void()> deliver;
    };

    QString mName;
    QString mLabel;
    bool mRunning = false;
    bool mLastCancelled = false;
    std::shared_ptr<TaskControl> mControl;
    std::shared_ptr<QString> mError;
    std::function<void()> mDeliver;
    std::optional<Pending> mNext;
    QFutureWatcher<void> mWatcher;
    QTimer mPoll;
    QPointer<QWidget> mStrip;
    QPointer<QLabel> mText;
    QPointer<QProgressBar> mBar;
    QPointer<QToolButton> mCancel;
};

} // namespace sightline
