#pragma once

#include <QObject>
#include <QString>
#include <QTemporaryDir>

namespace sightline {
class MainWindow;
}

/// The project file and the sightings, driven through the workbench.
class TestProject : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void newProjectKeepsLayersStyleAndViewAcrossReopening();
    void aProjectInUseOpensReadOnly();
    void aMovedLayerIsFoundBesideTheProjectOrSkippedAndKept();
    void placesAPointSightingThroughTheFormAndUndoes();

private:
    bool waitForIdle();
    QString writePorts(const QString &name);

    QTemporaryDir mDir;
    sightline::MainWindow *mWindow = nullptr;
};
