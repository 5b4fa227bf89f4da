#pragma once

#include <QObject>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace sightline {
class AnalysisDialog;
class MainWindow;
class TrackStore;
} // namespace sightline

/// Analyses run off the UI thread: the window stays responsive while one runs, its Cancel (in the
/// status bar) stops it with nothing stored, closing the project or the window meanwhile is safe, and
/// the events are those the same analysis gives run directly.
class TestAnalysisWorker : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void theWindowStaysResponsiveAndTheEventsMatchADirectRun();
    void cancelStopsTheRunAndStoresNothing();
    void closingTheProjectOrTheWindowWhileItRunsIsSafe();

private:
    /// A new project holding a generated crowd of slow vessels, big enough for Find Encounters to
    /// take a good part of a second; its path.
    QString newProjectWithCrowd(const QString &name);
    /// Analysis → Find Encounters…, Find pressed in its dialog; returns once the run has started,
    /// false when the dialog did not open.
    bool startEncounters();

    QTemporaryDir mDir;
    sightline::MainWindow *mWindow = nullptr;
    std::shared_ptr<const sightline::TrackStore> mCrowd; ///< made once, for every test
    qint64 mDirectRunMs = 0;                             ///< Find Encounters on it, run directly
};
