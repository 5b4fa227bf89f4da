#include "sightings/testcountundo.h"

#include "project/project.h"
#include "project/projectsession.h"
#include "ui/project/projectcontroller.h"
#include "ui/sightings/counttool.h"
#include "ui/sightings/countmarkcommand.h"
#include "ui/sightings/sightingactions.h"
#include "ui/sightings/sightingdialog.h"

#include <QUndoStack>

using namespace sightline;
using namespace sightline::test;

bool TestCountUndo::startCounting(const QString &projectName)
{
    mWindow->openFiles({mUtmFixture});
    if (!QTest::qWaitFor([this] { return mWindow->layers()->count() == 1; }, 10000))
        return false;
    const QString path = mDir.filePath(projectName);
    QFile::remove(path);
    if (!mWindow->projectController()->newProject(path))
        return false;
    mWindow->zoomToWgs84(QRectF(QPointF(130.2, 42.15), QPointF(130.4, 42.35)));
    if (!waitForRender())
        return false;
    mWindow->findChild<QAction *>(QStringLiteral("actionCountObjects"))->trigger();
    return mWindow->canvas()->mapTool() == mWindow->sightingActions()->countTool();
}

void TestCountUndo::clickAt(double lon, double lat, Qt::MouseButton button)
{
    MapCanvas *canvas = mWindow->canvas();
    const QPoint at = canvas->toWidget(Transform(Crs::wgs84(), canvas->crs()).forward(QPointF(lon, lat))).toPoint();
    QTest::mouseClick(canvas, button, {}, at);
}

void TestCountUndo::redo()
{
    // Redo's keys are the platform's (Ctrl+Shift+Z on X11, Ctrl+Y elsewhere): as the action has them.
    const QKeyCombination keys = mWindow->findChild<QAction *>(QStringLiteral("actionRedo"))->shortcut()[0];
    press(keys.key(), keys.keyboardModifiers());
}

void TestCountUndo::answerWhenAsked(const char *button, QString *question)
{
    // Polled: the key that asks is pressed only once the window is active, after a wait.
    auto *poll = new QTimer(this);
    poll->setObjectName(QStringLiteral("answerPoll"));
    poll->setInterval(20);
    connect(poll, &QTimer::timeout, this, [poll, button, question] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box || box->objectName() != QLatin1String("discardCountDialog"))
            return;
        *question = box->text();
        poll->stop();
        poll->deleteLater();
        QTest::mouseClick(box->findChild<QPushButton *>(QLatin1String(button)), Qt::LeftButton);
    });
    poll->start();
}

void TestCountUndo::press(int key, Qt::KeyboardModifiers modifiers)
{
    // Ctrl+Z is the window's shortcut: it works in the active window.
    mWindow->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(mWindow));
    QTest::keyClick(mWindow->canvas(), Qt::Key(key), modifiers);
}

void TestCountUndo::marksAreUndoneOneByOneAndTheSavedCountIsOneEntry()
{
    QVERIFY(startCounting(QStringLiteral("count-undo.gpkg")));
    CountTool *tool = mWindow->sightingActions()->countTool();
    QUndoStack *undo = mWindow->undoStack();
    const int before = undo->count();
    for (int i = 0; i < 4; ++i)
        clickAt(130.25 + i * 0.02, 42.25);
    QCOMPARE(tool->count(), 4);
    QCOMPARE(undo->undoText(), QStringLiteral("Place count mark 4"));
    clickAt(130.25 + 0.02, 42.25, Qt::RightButton); // the second one was a mistake
    QCOMPARE(tool->count(), 3);
    QCOMPARE(undo->undoText(), QStringLiteral("Remove count mark 2"));

    // Ctrl+Z puts the removed mark back, then takes the last placed away; Ctrl+Shift+Z redoes.
    press(Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(tool->count(), 4);
    press(Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(tool->count(), 3);
    QVERIFY(std::abs(tool->marks().last().x() - (130.25 + 2 * 0.02)) < 0.002);
    redo();
    QCOMPARE(tool->count(), 4);

    // Enter and Save: the count is stored, and the history holds it as one entry, not five marks.
    QTimer::singleShot(0, this, [] {
        auto *form = qobject_cast<SightingDialog *>(QApplication::activeModalWidget());
        if (form)
            QTest::mouseClick(form->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save),
                              Qt::LeftButton);
    });
    press(Qt::Key_Return);
    ProjectSession *session = mWindow->projectController()->session();
    QCOMPARE(session->project().sightings().size(), 1);
    QCOMPARE(session->project().sightings().first().count, 4);
    QCOMPARE(tool->count(), 0);
    QCOMPARE(undo->count(), before + 1);
    QVERIFY2(undo->undoText().startsWith(QStringLiteral("Add sighting")), qPrintable(undo->undoText()));
    for (int i = 0; i < undo->count(); ++i)
        QVERIFY(!dynamic_cast<const CountMarkCommand *>(undo->command(i)));

    // One Ctrl+Z takes the whole count back; no marks reappear.
    press(Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(session->project().sightings().size(), 0);
    QCOMPARE(tool->count(), 0);
}

void TestCountUndo::escAsksBeforeDiscardingTheMarks()
{
    QVERIFY(startCounting(QStringLiteral("count-esc.gpkg")));
    CountTool *tool = mWindow->sightingActions()->countTool();
    for (int i = 0; i < 3; ++i)
        clickAt(130.25 + i * 0.02, 42.25);
    QCOMPARE(tool->count(), 3);

    // Esc asks; Keep Counting keeps every mark.
    QString question;
    answerWhenAsked("keepCountingButton", &question);
    press(Qt::Key_Escape);
    QCOMPARE(question, QStringLiteral("Discard 3 count marks?"));
    QCOMPARE(tool->count(), 3);

    // Discard: the marks go as one entry, and one Undo brings all three back.
    question.clear();
    answerWhenAsked("discardMarksButton", &question);
    press(Qt::Key_Escape);
    QVERIFY(!question.isEmpty());
    QCOMPARE(tool->count(), 0);
    QUndoStack *undo = mWindow->undoStack();
    QCOMPARE(undo->undoText(), QStringLiteral("Discard 3 count marks"));
    press(Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(tool->count(), 3);
    redo();
    QCOMPARE(tool->count(), 0);
    press(Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(tool->count(), 3);
    press(Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(tool->count(), 2);
    press(Qt::Key_Z, Qt::ControlModifier);
    press(Qt::Key_Z, Qt::ControlModifier);

    // With no marks, Esc asks nothing.
    question.clear();
    QCOMPARE(tool->count(), 0);
    press(Qt::Key_Escape);
    QVERIFY(question.isEmpty());
}
