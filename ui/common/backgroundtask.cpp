#include "ui/common/backgroundtask.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QSignalBlocker>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrentRun>
#include <QThreadPool>
#include <QToolButton>

#include <exception>

namespace sightline {

BackgroundTask::BackgroundTask(const QString &name, QObject *parent)
    : QObject(parent)
    , mName(name)
{
    setObjectName(name + QStringLiteral("Worker"));
    // Progress is read a few times a second rather than signalled from the worker, so a fast
    // loop never floods the UI thread's event queue.
    mPoll.setInterval(100);
    connect(&mPoll, &QTimer::timeout, this, &BackgroundTask::pollProgress);
    connect(&mWatcher, &QFutureWatcherBase::finished, this, &BackgroundTask::workReturned);
}

BackgroundTask::~BackgroundTask()
{
    mNext.reset();
    cancelAndWait();
    delete mStrip;
}

void BackgroundTask::showIn(QStatusBar *statusBar)
{
    if (!mStrip && statusBar)
        statusBar->addWidget(makeStrip(statusBar));
}

QWidget *BackgroundTask::makeStrip(QWidget *parent)
{
    if (mStrip)
        return mStrip;
    mStrip = new QWidget(parent);
    mStrip->setObjectName(mName + QStringLiteral("Task"));
    auto *layout = new QHBoxLayout(mStrip);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    mText = new QLabel(mStrip);
    mBar = new QProgressBar(mStrip);
    mBar->setObjectName(mName + QStringLiteral("Progress"));
    mBar->setRange(0, 1000);
    mBar->setMaximumWidth(140);
    mBar->setMaximumHeight(14);
    mBar->setTextVisible(false);
    mCancel = new QToolButton(mStrip);
    mCancel->setObjectName(mName + QStringLiteral("Cancel"));
    mCancel->setText(tr("Cancel"));
    mCancel->setAutoRaise(true);
    // No taller than a line of the status bar's text: showing the strip must not grow the bar and
    // so shrink the map (and a map-sized export) under it.
    const int line = mStrip->fontMetrics().height();
    mCancel->setMaximumHeight(line + 2);
    mStrip->setMaximumHeight(line + 2);
    layout->addWidget(mText);
    layout->addWidget(mBar);
    layout->addWidget(mCancel);
    connect(mCancel, &QToolButton::clicked, this, &BackgroundTask::cancel);
    mStrip->setVisible(mRunning);
    return mStrip;
}

QWidget *BackgroundTask::statusStrip() const
{
    return mStrip;
}

QProgressBar *BackgroundTask::progressBar() const
{
    return mBar;
}

QToolButton *BackgroundTask::cancelButton() const
{
    return mCancel;
}

int BackgroundTask::lastProgress() const
{
    return mControl ? mControl->permille() : 0;
}

void BackgroundTask::launch(const QString &label, std::function<void(TaskControl &)> work,
                            std::function<void()> deliver)
{
    mNext = Pending{label, std::move(work), std::move(deliver)};
    if (mRunning)
        mControl->cancel(); // the new work starts once the old one has returned
    else
        startNext();
}

void BackgroundTask::startNext()
{
    Pending next = std::move(*mNext);
    mNext.reset();
    mLabel = next.label;
    mControl = std::make_shared<TaskControl>();
    mError = std::make_shared<QString>();
    mDeliver = std::move(next.deliver);
    mRunning = true;
    // The work holds its control and error slot itself: they outlive this object if it must.
    mWatcher.setFuture(QtConcurrent::run(QThreadPool::globalInstance(),
                                         [work = std::move(next.work), control = mControl, error = mError] {
                                             // Exceptions stop here, at the thread's edge; the UI gets the
                                             // message.
                                             try {
                                                 work(*control);
                                             } catch (const std::exception &e) {
                                                 *error = QString::fromUtf8(e.what());
                                             } catch (...) {
                                                 *error = QStringLiteral("unknown error");
                                             }
                                         }));
    if (mStrip) {
        mText->setText(mLabel + QChar(0x2026));
        mBar->setValue(0);
        mCancel->setEnabled(true);
        mStrip->show();
    }
    mPoll.start();
    Q_EMIT started();
}

void BackgroundTask::cancel()
{
    mNext.reset();
    if (!mRunning)
        return;
    mControl->cancel();
    if (mCancel)
        mCancel->setEnabled(false);
    if (mText)
        mText->setText(tr("Cancelling %1").arg(mLabel));
}

void BackgroundTask::cancelAndWait()
{
    cancel();
    if (!mRunning)
        return;
    mWatcher.waitForFinished();
    // Quietly: this is for owners going away, whose slots must not run half torn down. (The
    // watcher's own finished() comes later, to a task that has already let go.)
    const QSignalBlocker quiet(this);
    workReturned();
}

void BackgroundTask::pollProgress()
{
    if (!mRunning)
        return;
    const int permille = mControl->permille();
    if (mBar)
        mBar->setValue(permille);
    Q_EMIT progressChanged(permille);
}

void BackgroundTask::workReturned()
{
    if (!mRunning)
        return;
    mRunning = false;
    mPoll.stop();
    const bool cancelled = mControl->isCancelled();
    mLastCancelled = cancelled;
    const QString error = *mError;
    auto deliver = std::move(mDeliver);
    mDeliver = nullptr;
    if (mStrip)
        mStrip->hide();
    const bool delivered = !cancelled && error.isEmpty();
    Q_EMIT returned();
    if (delivered)
        deliver();
    if (!cancelled && !error.isEmpty())
        Q_EMIT failed(error);
    Q_EMIT finished(delivered);
    if (mNext && !mRunning)
        startNext();
}

} // namespace sightline
