#pragma once

#include <QObject>
#include <QTemporaryDir>

namespace sightline {
class MainWindow;
}

/// Time beyond the timeline, driven through the menus: File → Export Animation and
/// Layer → Acquisition Time.
class TestTimeActions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void exportsTheMapOverTimeAsAnAnimationThroughTheDialog();
    void anImageSetToShowOnlyInTheWindowHidesOutsideItAndTheProjectKeepsThat();

private:
    QTemporaryDir mDir;
    sightline::MainWindow *mWindow = nullptr;
};
