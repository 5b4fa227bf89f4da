#pragma once

#include <QObject>
#include <QString>
#include <QTemporaryDir>

class QAction;

namespace sightline {
class BriefComposer;
class MainWindow;
} // namespace sightline

/// The brief composer driven through the workbench: File → Brief Composer…, its editor and
/// live preview, the brief kept in the project, and File → Export Brief PDF….
class TestBrief : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void actionsNeedAProject();
    void composesPreviewsKeepsAndExportsABrief();
    void figuresOfSavedViewsBlocksAndTemplates();

private:
    bool waitForIdle();
    /// The demo AIS and ports opened in a new project; its path.
    QString openCaseInNewProject(const QString &name);
    /// Opens the composer through its menu action.
    sightline::BriefComposer *openComposer();
    /// The Add menu's entry `name` ("addBlock_section", …), triggered.
    bool addBlock(sightline::BriefComposer *composer, const QString &name);
    /// The brief stored in the open project, as JSON text ("" when none).
    QString storedBrief() const;

    QTemporaryDir mDir;
    sightline::MainWindow *mWindow = nullptr;
};
