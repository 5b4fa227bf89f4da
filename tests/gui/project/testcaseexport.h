#pragma once

#include <QObject>
#include <QTemporaryDir>

namespace sightline {
class MainWindow;
}

/// File → Export Case: the dialog driven with the mouse and keyboard, the files it writes read back.
class TestCaseExport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void exportsTheChosenLayersOfTheSliderWindowToKmz();
    void exportsToGeoPackageAndRefusesToReplaceUntilAsked();
    void splitsAndThinsTheTrackLinesAsChosen();
    void splitsBetweenStopsOfTheChosenDiameterAndDuration();

private:
    QString makeProject(const QString &name);

    QTemporaryDir mDir;
    sightline::MainWindow *mWindow = nullptr;
};
