#pragma once

#include <QObject>
#include <QString>
#include <QTemporaryDir>

namespace sightline {
class MainWindow;
}

/// Closing a project clears what showed its content — Identify, the attribute table, the message
/// bar, the undo history — and opening another shows only its own, vessels named from its tracks.
class TestStaleState : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void closeAndOpenLeaveNothingOfTheFirstProject();

private:
    /// The demo AIS and ports in a new project `name`, gaps found; its path.
    QString caseWithGaps(const QString &name);

    QTemporaryDir mDir;
    sightline::MainWindow *mWindow = nullptr;
};
