#pragma once

#include <QObject>
#include <QString>
#include <QTemporaryDir>

namespace sightline {
class MainWindow;
} // namespace sightline

/// Analysis → Detect Vessels in Image: the dialog (typed path, acquisition time, its refusal of what
/// cannot run), the run in the background, the vessels as events on the map and in the Events dock
/// (dark ones marked), undo and redo of the run, and a detection made a sighting from the dock's menu.
class TestDetectVessels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void theDialogRefusesWhatCannotRun();
    void aRunShowsTheVesselsAndIsUndoable();
    void aDetectionBecomesASightingFromTheEventsMenu();

private:
    /// A new project with the AIS of the scene's two broadcasting ships on the map.
    bool newProjectWithTracks(const QString &name);
    /// The menu entry, the image path and time typed into the dialog, Detect pressed; returns once
    /// the run has ended (false when the dialog did not open or the run did not end).
    bool detectThroughTheDialog();

    QTemporaryDir mDir;
    QString mScene;
    sightline::MainWindow *mWindow = nullptr;
};
