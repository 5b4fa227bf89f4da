#include "time/testacquisitionundo.h"

#include "model/sighting.h"
#include "project/project.h"
#include "ui/common/datetimefield.h"
#include "ui/project/projectcontroller.h"
#include "ui/time/acquisitiontimedialog.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QUndoStack>

using namespace sightline;
using namespace sightline::test;

namespace {
QJsonObject storedStyle(const QString &projectPath)
{
    auto reader = Project::open(projectPath, Project::Mode::ReadOnly, nullptr);
    return reader && !reader->layers().isEmpty() ? reader->layers().first().style : QJsonObject{};
}
} // namespace

void TestAcquisitionUndo::anAcquisitionTimeSetByHandIsUndoneAndTheProjectFollows()
{
    const QString project = mDir.filePath(QStringLiteral("acquired.gpkg"));
    QFile::remove(project);
    mWindow->openFiles({mUtmFixture});
    QTRY_COMPARE(mWindow->layers()->count(), 1);
    QVERIFY(mWindow->projectController()->newProject(project));
    auto raster = std::dynamic_pointer_cast<RasterLayer>(mWindow->layers()->layers().first());
    QVERIFY(raster);
    QVERIFY(!raster->isAcquiredByHand());
    mWindow->layerPanel()->selectLayer(raster->id());

    const std::int64_t when = parseUtcIso(QStringLiteral("2023-10-05T02:13:00Z"));
    bool seen = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<AcquisitionTimeDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        seen = true;
        QTest::mouseClick(dialog->byHandBox(), Qt::LeftButton);
        QLineEdit *typed = dialog->timeEdit()->lineEdit();
        typed->selectAll();
        QTest::keyClicks(typed, QStringLiteral("2023-10-05 02:13"));
        QTest::mouseClick(dialog->onlyInWindowBox(), Qt::LeftButton);
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    });
    mWindow->findChild<QAction *>(QStringLiteral("actionAcquisitionTime"))->trigger();
    QVERIFY(seen);
    QCOMPARE(raster->acquiredMs(), when);
    QVERIFY(raster->showsOnlyInTimeWindow());
    QUndoStack *undo = mWindow->undoStack();
    QCOMPARE(undo->undoText(), QStringLiteral("Set acquisition time of 'utm'"));
    QCOMPARE(storedStyle(project).value(QStringLiteral("acquired")).toString(), utcIsoString(when));

    // Ctrl+Z: back to what the data says, shown whatever the time window, in the file too.
    mWindow->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(mWindow));
    QTest::keyClick(mWindow->canvas(), Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(!raster->isAcquiredByHand());
    QVERIFY(!raster->showsOnlyInTimeWindow());
    QVERIFY(!storedStyle(project).contains(QStringLiteral("acquired")));

    const QKeyCombination redo = mWindow->findChild<QAction *>(QStringLiteral("actionRedo"))->shortcut()[0];
    QTest::keyClick(mWindow->canvas(), redo.key(), redo.keyboardModifiers());
    QCOMPARE(raster->acquiredMs(), when);
    QCOMPARE(storedStyle(project).value(QStringLiteral("acquired")).toString(), utcIsoString(when));
}
