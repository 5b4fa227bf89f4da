#pragma once

#include <QObject>

namespace sightline {
class MainWindow;
}

/// The Help menu and what it promises of the rest: shortcuts listed, free of conflicts, on the
/// common tools; every action saying what it does; the About dialog's versions and credits.
class TestHelp : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void commonToolsHaveTheirShortcuts_data();
    void commonToolsHaveTheirShortcuts();
    void noTwoActionsShareAShortcut();
    void shortcutsDialogListsTheWindowsShortcutsByMenuAndFilters();
    void everyMenuAndToolbarActionSaysWhatItDoes();
    void aboutDialogShowsVersionsAndCredits();
    void closedDocksComeBackFromTheViewMenu();

private:
    sightline::MainWindow *mWindow = nullptr;
};
