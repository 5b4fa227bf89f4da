#pragma once

#include <QObject>
#include <QTemporaryDir>

namespace sightline {
class MainWindow;
}

/// Room to work: at 1400×900 with the docks the user guide opens, the map has at least 60 % of the
/// window; the timeline's lanes stay readable; every dock comes back from View → Panels; the layout
/// is kept across sessions and View → Panels → Reset Layout brings the default back.
class TestWindowLayout : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void theMapHasMostOfTheWindowWithTheGuidesDocksOpen();
    void timelineLanesAreReadable();
    void timelineFoldsDownToItsBar();
    void everyClosedDockComesBackFromTheViewMenu();
    void theLayoutIsKeptAndResetRestoresTheDefault();
    void anIdleWindowLaysItselfOutNoMore();

private:
    /// The case opened and its gaps found (the Events and Timeline docks then show), at 1400×900.
    void openCaseWithEvents();

    QTemporaryDir mDir;
    sightline::MainWindow *mWindow = nullptr;
};
