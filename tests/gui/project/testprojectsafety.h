#pragma once

#include <QObject>
#include <QTemporaryDir>

namespace sightline {
class MainWindow;
}

/// A project received from someone else, opened in the workbench: what it may read and contact.
class TestProjectSafety : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void aReceivedProjectAsksBeforeReadingOutsideOrContactingServers();
    void aRawBandVrtOpenedByHandIsRefused();

private:
    QTemporaryDir mDir;
    sightline::MainWindow *mWindow = nullptr;
};
