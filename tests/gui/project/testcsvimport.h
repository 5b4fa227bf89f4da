#pragma once

#include <QObject>
#include <QTemporaryDir>

namespace sightline {
class MainWindow;
}

/// Track files as they come: a CSV with generic column names and odd times, a zip of exports.
class TestCsvImport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void genericColumnsAreShownAndTheTimeFormatIsChosen();
    void aZipIsImportedFileByFileEachNamed();

private:
    QTemporaryDir mDir;
    sightline::MainWindow *mWindow = nullptr;
};
