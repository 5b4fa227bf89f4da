#pragma once

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

class QProgressBar;
class QStatusBar;
class QToolButton;
class QWidget;

namespace sightline {

/// The status bar's account of work in the background, shared by whatever opens or imports:
/// a busy bar while layers open or the map renders, the import bar with its Cancel, and the
/// report of the last import that "Details" shows. The window places the widgets.
class LoadStatus : public QObject
{
    Q_OBJECT
public:
    LoadStatus(QStatusBar *statusBar, QWidget *window);

    QProgressBar *busyBar() const { return mBusy; }
    QProgressBar *importBar() const { return mImport; }
    QToolButton *cancelButton() const { return mCancel; }

    /// True while layers are being opened or tracks imported in the background.
    bool isLoading() const { return mPending > 0; }
    /// `count` sources start opening or importing: the busy bar shows, with `message`.
    void begin(int count, const QString &message);
    /// One of them is done; the busy bar and the message go with the last.
    void finishOne();
    /// A render started or finished: the busy bar shows meanwhile, unless loading keeps it up.
    void renderStarted();
    void renderFinished();

    /// The import bar and its Cancel, owned by the import that `cancel` stops.
    void showImport(const std::shared_ptr<std::atomic<bool>> &cancel);
    void hideImport(const std::shared_ptr<std::atomic<bool>> &cancel);
    /// Progress of the import, 0–1000.
    void setImportProgress(int value);
    /// Asks a running import to stop; what was read so far is kept.
    void cancelImports();

    /// Keeps `report` (when not empty) as the last import's, for "Details".
    void keepReport(const QString &report);
    const QString &lastImportReport() const { return mLastReport; }
    /// The last import's report in a window of its own.
    void showReport();

private:
    QStatusBar *mStatusBar;
    QWidget *mWindow;
    QProgressBar *mBusy;
    QProgressBar *mImport;
    QToolButton *mCancel;
    std::shared_ptr<std::atomic<bool>> mCancelFlag;
    QString mLastReport;
    int mPending = 0;
};

} // namespace sightline
