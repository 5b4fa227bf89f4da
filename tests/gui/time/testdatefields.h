#pragma once

#include <QObject>
#include <QTemporaryDir>

namespace sightline {
class MainWindow;
}

/// Typed dates in the real dialogs: what is typed into the sighting form's Observed field is
/// what is saved, what cannot be read is refused, and Observed starts from the time cursor.
class TestDateFields : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void typedObservedTimesAreSavedAsTyped();
    void anUnreadableObservedTimeIsRefused();
    void observedStartsAtTheTimeCursorAndNeverNow();
    void theAcquisitionTimeDialogRefusesAnUnreadableTime();

private:
    QTemporaryDir mDir;
    sightline::MainWindow *mWindow = nullptr;
};
