#pragma once

#include <QObject>
#include <QTemporaryDir>

namespace sightline {
class MainWindow;
}

/// An AIS log's receivers, aids to navigation and safety messages, imported through File → Import
/// Tracks: the two point layers, the safety message in the Events dock and on the timeline, and
/// all of it again when the project is opened anew.
class TestAisBroadcasts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void importShowsReceiversAidsAndSafetyMessages();

private:
    QTemporaryDir mDir;
    sightline::MainWindow *mWindow = nullptr;
};
