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
    void countsTenObjectsWithClicksAsOneSighting();
    void sightingsDockFiltersSortsEditsDeletesAndShowsHistory();
    void savedViewsAreKeptInTheProject();
    void annotationsAreDrawnMovedResizedAndKept();
    void sightingsAreExportedAndImportedBackAsOneUndoStep();
    void anotherToolsGeoPackageOpensAsLayersAndACorruptOneIsReported();
    void aDamagedProjectOpensReadOnlyAndSaysWhatIsMissing();

private:
    bool waitForIdle();
    QString writePorts(const QString &name);
    /// A GeoTIFF around Rajin open in a new project, framed; the project's path.
    QString openImageInNewProject(const QString &projectName);

    QTemporaryDir mDir;
    sightline::MainWindow *mWindow = nullptr;
};
