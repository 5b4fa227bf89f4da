#pragma once

#include <QObject>
#include <QTemporaryDir>

namespace sightline {
class MainWindow;
}

/// File → Import Tracks into the project, and a moved project finding its layers.
class TestTrackImport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void importedTracksStayInTheProjectWhenTheLogMoves();
    void withoutAProjectOneIsOfferedAndMade();
    void aMovedFolderOfLayersIsLocatedFromOneFile();

private:
    bool waitForIdle();

    QTemporaryDir mDir;
    sightline::MainWindow *mWindow = nullptr;
};
