#include "brief/testbriefundo.h"

#include "project/projectsession.h"
#include "ui/brief/briefblockeditor.h"
#include "ui/brief/briefcomposer.h"
#include "ui/project/projectcontroller.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUndoStack>

using namespace sightline;
using namespace sightline::test;

BriefComposer *TestBriefUndo::openComposer()
{
    auto *action = mWindow->findChild<QAction *>(QStringLiteral("actionBriefComposer"));
    if (!action || !action->isEnabled())
        return nullptr;
    action->trigger();
    auto *composer = mWindow->findChild<BriefComposer *>(QStringLiteral("briefComposer"));
    return composer && composer->isVisible() ? composer : nullptr;
}

QString TestBriefUndo::storedBrief() const
{
    const auto stored = mWindow->projectController()->session()->project().briefDefinition();
    return stored ? QString::fromUtf8(QJsonDocument(*stored).toJson(QJsonDocument::Compact)) : QString();
}

int TestBriefUndo::storedBlockCount() const
{
    const auto stored = mWindow->projectController()->session()->project().briefDefinition();
    return stored ? int(stored->value(QStringLiteral("blocks")).toArray().size()) : -1;
}

void TestBriefUndo::pressInComposer(BriefComposer *composer, Qt::KeyboardModifiers modifiers)
{
    // On the block list, outside any text field (which keeps its own Ctrl+Z).
    composer->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(composer));
    composer->blockList()->setFocus();
    if (modifiers & Qt::ShiftModifier) {
        // Redo's keys are the platform's (Ctrl+Shift+Z on X11, Ctrl+Y elsewhere): as the action has them.
        const QKeyCombination keys = composer->findChild<QAction *>(QStringLiteral("briefRedo"))->shortcut()[0];
        QTest::keyClick(composer->blockList(), keys.key(), keys.keyboardModifiers());
        return;
    }
    QTest::keyClick(composer->blockList(), Qt::Key_Z, modifiers);
}

void TestBriefUndo::blockEditsAreUndoneInTheComposerAndTheProjectFollows()
{
    QVERIFY(mWindow->projectController()->newProject(mDir.filePath(QStringLiteral("brief-undo.gpkg"))));
    BriefComposer *composer = openComposer();
    QVERIFY(composer);
    QUndoStack *undo = mWindow->undoStack();
    const int templateBlocks = composer->blockList()->count();
    QVERIFY(templateBlocks > 1);
    QCOMPARE(storedBlockCount(), -1); // opening is not an edit

    // A section after the first block: one entry, written at once.
    composer->blockList()->setCurrentRow(0);
    QMenu *add = composer->addButton()->menu();
    add->findChild<QAction *>(QStringLiteral("addBlock_section"))->trigger();
    QCOMPARE(undo->undoText(), QStringLiteral("Add block 2 (Section)"));
    QCOMPARE(storedBlockCount(), templateBlocks + 1);

    // Its heading typed: one entry for the typing, once it is saved.
    QTest::keyClicks(composer->blockEditor()->sectionHeading(), QStringLiteral("Assessment"));
    composer->flush();
    QCOMPARE(undo->undoText(), QStringLiteral("Edit block 2 (Section)"));
    QVERIFY(storedBrief().contains(QStringLiteral("Assessment")));

    // Ctrl+Z in the composer: the typing goes, in the editor, the list and the project.
    pressInComposer(composer, Qt::ControlModifier);
    QCOMPARE(composer->brief().blocks.at(1).heading, QString());
    QCOMPARE(composer->blockList()->item(1)->text(), QStringLiteral("Section — (empty)"));
    QVERIFY(!storedBrief().contains(QStringLiteral("Assessment")));
    // Again: the block goes.
    pressInComposer(composer, Qt::ControlModifier);
    QCOMPARE(composer->blockList()->count(), templateBlocks);
    QCOMPARE(storedBlockCount(), templateBlocks);
    // Redo twice: both back.
    pressInComposer(composer, Qt::ControlModifier | Qt::ShiftModifier);
    pressInComposer(composer, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(composer->blockList()->count(), templateBlocks + 1);
    QCOMPARE(composer->brief().blocks.at(1).heading, QStringLiteral("Assessment"));
    QVERIFY(storedBrief().contains(QStringLiteral("Assessment")));

    // Moved down with its button, then removed with its button: each an entry, each undone.
    composer->blockList()->setCurrentRow(1);
    QTest::mouseClick(composer->findChild<QToolButton *>(QStringLiteral("briefMoveDown")), Qt::LeftButton);
    QCOMPARE(undo->undoText(), QStringLiteral("Move block 'Section — Assessment' down"));
    QCOMPARE(composer->brief().blocks.at(2).heading, QStringLiteral("Assessment"));
    QTest::mouseClick(composer->findChild<QToolButton *>(QStringLiteral("briefRemoveBlock")), Qt::LeftButton);
    QCOMPARE(undo->undoText(), QStringLiteral("Remove block 'Section — Assessment'"));
    QVERIFY(!storedBrief().contains(QStringLiteral("Assessment")));
    pressInComposer(composer, Qt::ControlModifier);
    QCOMPARE(composer->brief().blocks.at(2).heading, QStringLiteral("Assessment"));
    QVERIFY(storedBrief().contains(QStringLiteral("Assessment")));
    pressInComposer(composer, Qt::ControlModifier);
    QCOMPARE(composer->brief().blocks.at(1).heading, QStringLiteral("Assessment"));
}
