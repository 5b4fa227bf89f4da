#include "shell/testhelp.h"

#include "ui/shell/mainwindow.h"
#include "ui/shell/shortcutsdialog.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDialog>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QTreeWidget>

#include <gdal.h>
#include <proj.h>

#if __has_include(<GeographicLib/Config.h>)
#include <GeographicLib/Config.h>
#endif

#include <functional>

using namespace sightline;

namespace {

/// By object name, else by the text the menu shows ("Zoom In").
QAction *findAction(QWidget *window, const QString &nameOrText)
{
    if (auto *a = window->findChild<QAction *>(nameOrText))
        return a;
    for (QAction *a : window->findChildren<QAction *>())
        if (ShortcutsDialog::plainText(a->text()) == nameOrText)
            return a;
    return nullptr;
}

/// "Ctrl+P: Brief Composer…, Other" for each key more than one action (or menu title) answers to.
QStringList shortcutConflicts(QMainWindow *window)
{
    QHash<QString, QStringList> owners;
    for (QAction *a : window->findChildren<QAction *>())
        for (const QKeySequence &k : a->shortcuts())
            owners[k.toString(QKeySequence::PortableText)]
                << (a->objectName().isEmpty() ? ShortcutsDialog::plainText(a->text()) : a->objectName());
    // Alt+F opens the File menu: an action on Alt+F would take it away.
    for (QAction *top : window->menuBar()->actions())
        if (const QKeySequence k = QKeySequence::mnemonic(top->text()); !k.isEmpty())
            owners[k.toString(QKeySequence::PortableText)] << QStringLiteral("menu ") + top->text();
    QStringList conflicts;
    for (auto it = owners.cbegin(); it != owners.cend(); ++it)
        if (it.value().size() > 1)
            conflicts << it.key() + QStringLiteral(": ") + it.value().join(QStringLiteral(", "));
    conflicts.sort();
    return conflicts;
}

struct Row
{
    QString group, action, keys;
    bool shown = false;
};

QList<Row> rows(const QTreeWidget *tree)
{
    QList<Row> all;
    for (int g = 0; g < tree->topLevelItemCount(); ++g) {
        const QTreeWidgetItem *group = tree->topLevelItem(g);
        for (int r = 0; r < group->childCount(); ++r) {
            const QTreeWidgetItem *row = group->child(r);
            all.append({group->text(0), row->text(0), row->text(1), !group->isHidden() && !row->isHidden()});
        }
    }
    return all;
}

QStringList shownActions(const QTreeWidget *tree)
{
    QStringList shown;
    for (const Row &r : rows(tree))
        if (r.shown)
            shown << r.action;
    return shown;
}

QString native(const QKeySequence &k)
{
    return k.toString(QKeySequence::NativeText);
}

/// "Open Layer…" and "Open Layer" are the same words: Qt's default tooltip drops "&" and "...".
QString words(const QString &text)
{
    QString s = ShortcutsDialog::plainText(text);
    s.remove(QStringLiteral("…"));
    s.remove(QStringLiteral("..."));
    return s.trimmed();
}

} // namespace

void TestHelp::init()
{
    mWindow = new MainWindow();
    mWindow->resize(1200, 800);
    mWindow->show();
    QVERIFY(QTest::qWaitForWindowExposed(mWindow));
}

void TestHelp::cleanup()
{
    delete mWindow;
    mWindow = nullptr;
}

void TestHelp::commonToolsHaveTheirShortcuts_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<QKeySequence>("key");
    const auto row = [](const char *action, const QKeySequence &key) {
        QTest::newRow(action) << QString::fromUtf8(action) << key;
    };
    row("actionPan", QKeySequence(Qt::Key_P));
    row("actionZoomBox", QKeySequence(Qt::Key_Z));
    row("actionIdentify", QKeySequence(Qt::Key_I));
    row("actionMeasure", QKeySequence(Qt::Key_M));
    row("actionAddPointSighting", QKeySequence(Qt::Key_S));
    row("actionAddAreaSighting", QKeySequence(Qt::SHIFT | Qt::Key_S));
    row("actionAddLineSighting", QKeySequence(Qt::SHIFT | Qt::Key_L));
    row("actionCountObjects", QKeySequence(Qt::Key_C));
    row("actionAnnotateArrow", QKeySequence(Qt::Key_A));
    row("actionAnnotateText", QKeySequence(Qt::Key_T));
    row("actionAnnotateCallout", QKeySequence(Qt::Key_K));
    row("actionAnnotateRectangle", QKeySequence(Qt::Key_R));
    row("actionAnnotateEllipse", QKeySequence(Qt::Key_O));
    row("actionAnnotatePolygon", QKeySequence(Qt::Key_G));
    row("actionEditAnnotations", QKeySequence(Qt::Key_E));
    row("Zoom In", QKeySequence(QKeySequence::ZoomIn));
    row("Zoom Out", QKeySequence(QKeySequence::ZoomOut));
    row("Zoom to All Layers", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    row("Zoom to Layer", QKeySequence(Qt::CTRL | Qt::Key_L));
    row("actionOpen", QKeySequence(QKeySequence::Open));
    row("actionOpenProject", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    row("actionSaveView", QKeySequence(Qt::CTRL | Qt::Key_B));
    row("actionBriefComposer", QKeySequence(Qt::CTRL | Qt::Key_P));
    row("actionTimelineDock", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    row("actionAnalyze_gaps", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G));
    row("actionAnalyze_port-calls", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    row("actionAnalyze_voyages", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    row("actionAnalyze_encounters", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    row("actionAnalyze_loitering", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    row("actionAnalyze_spoofing", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_J));
    row("actionExportAnimation", QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_M));
    row("actionShortcuts", QKeySequence(Qt::Key_F1));
}

void TestHelp::commonToolsHaveTheirShortcuts()
{
    QFETCH(QString, action);
    QFETCH(QKeySequence, key);
    const QAction *a = findAction(mWindow, action);
    QVERIFY2(a, qPrintable(action));
    QCOMPARE(a->shortcut(), key);
}

void TestHelp::noTwoActionsShareAShortcut()
{
    // The dialogs' own actions count too.
    findAction(mWindow, QStringLiteral("actionShortcuts"))->trigger();
    const QStringList conflicts = shortcutConflicts(mWindow);
    QVERIFY2(conflicts.isEmpty(), qPrintable(conflicts.join(QStringLiteral("; "))));

    // The check sees a clash, and one with a menu's mnemonic.
    auto *clash = new QAction(QStringLiteral("Clash"), mWindow);
    clash->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_P), QKeySequence(Qt::ALT | Qt::Key_F)});
    mWindow->addAction(clash);
    QCOMPARE(shortcutConflicts(mWindow), QStringList({QStringLiteral("Alt+F: Clash, menu &File"),
                                                      QStringLiteral("Ctrl+P: actionBriefComposer, Clash")}));
}

void TestHelp::shortcutsDialogListsTheWindowsShortcutsByMenuAndFilters()
{
    // An action added after the window was built shows too: the list is read when it opens.
    auto *late = new QAction(QStringLiteral("Late Test Action"), mWindow);
    late->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::SHIFT | Qt::Key_F12));
    mWindow->addAction(late);

    QAction *open = findAction(mWindow, QStringLiteral("actionShortcuts"));
    QVERIFY(open);
    QCOMPARE(open->shortcuts(),
             QList<QKeySequence>({QKeySequence(Qt::Key_F1), QKeySequence(Qt::CTRL | Qt::Key_Slash)}));
    open->trigger();
    auto *dialog = mWindow->findChild<QDialog *>(QStringLiteral("shortcutsDialog"));
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    auto *tree = dialog->findChild<QTreeWidget *>(QStringLiteral("shortcutTree"));
    auto *filter = dialog->findChild<QLineEdit *>(QStringLiteral("shortcutFilter"));
    QVERIFY(tree && filter);

    const QList<Row> all = rows(tree);
    const auto find = [&all](const QString &action) {
        for (const Row &r : all)
            if (r.action == action)
                return r;
        return Row();
    };
    const Row pan = find(QStringLiteral("Pan"));
    QCOMPARE(pan.group, QStringLiteral("View"));
    QCOMPARE(pan.keys, native(QKeySequence(Qt::Key_P)));
    const Row brief = find(QStringLiteral("Brief Composer…"));
    QCOMPARE(brief.group, QStringLiteral("File"));
    QCOMPARE(brief.keys, native(QKeySequence(Qt::CTRL | Qt::Key_P)));
    QCOMPARE(find(QStringLiteral("Find Loitering…")).group, QStringLiteral("Analysis"));
    QCOMPARE(find(QStringLiteral("Keyboard Shortcuts…")).keys,
             native(QKeySequence(Qt::Key_F1)) + QStringLiteral(", ") +
                 native(QKeySequence(Qt::CTRL | Qt::Key_Slash)));
    QCOMPARE(find(QStringLiteral("Late Test Action")).group, QStringLiteral("Tools"));
    // Only actions with a shortcut; each once, though on a menu and a toolbar.
    QVERIFY(find(QStringLiteral("Close Project")).action.isEmpty());
    int pans = 0;
    for (const Row &r : all)
        pans += r.action == QStringLiteral("Pan");
    QCOMPARE(pans, 1);
    // In the menu bar's order, then what is in no menu.
    QCOMPARE(tree->topLevelItem(0)->text(0), QStringLiteral("File"));
    QCOMPARE(tree->topLevelItem(tree->topLevelItemCount() - 1)->text(0), QStringLiteral("Tools"));
    QCOMPARE(shownActions(tree).size(), all.size());

    QTest::keyClicks(filter, QStringLiteral("zoom"));
    const QStringList zooms = shownActions(tree);
    QVERIFY2(zooms.size() >= 5 && zooms.size() < all.size(), qPrintable(zooms.join(QStringLiteral(", "))));
    for (const QString &z : zooms)
        QVERIFY2(z.contains(QStringLiteral("Zoom")), qPrintable(z));
    QVERIFY(zooms.contains(QStringLiteral("Zoom In")));

    filter->setText(native(QKeySequence(Qt::CTRL | Qt::Key_P)).toLower());
    QCOMPARE(shownActions(tree), QStringList({QStringLiteral("Brief Composer…")}));
    filter->setText(QStringLiteral("no such action"));
    QCOMPARE(shownActions(tree), QStringList());
    filter->clear();
    QCOMPARE(shownActions(tree).size(), all.size());

    // Opened again: the same dialog, read again.
    delete late;
    open->trigger();
    QCOMPARE(mWindow->findChildren<ShortcutsDialog *>().size(), 1);
    const QStringList again = shownActions(tree);
    QVERIFY(!again.contains(QStringLiteral("Late Test Action")));
    QCOMPARE(again.size(), all.size() - 1);

    if (!qEnvironmentVariableIsEmpty("SIGHTLINE_GRAB_DIR"))
        dialog->grab().save(qEnvironmentVariable("SIGHTLINE_GRAB_DIR") + QStringLiteral("/shortcuts.png"));
}

void TestHelp::everyMenuAndToolbarActionSaysWhatItDoes()
{
    // savedviewsmenu.cpp was outside the change that added the tooltips: its one command is known.
    const QStringList knownGaps;
    QStringList missing;
    int checked = 0;
    const auto check = [&](const QAction *a, const QString &where) {
        if (a->isSeparator() || a->text().isEmpty() || a->menu() || knownGaps.contains(a->objectName()))
            return;
        ++checked;
        if (a->toolTip().isEmpty() || words(a->toolTip()) == words(a->text()))
            missing << where + QStringLiteral(" ▸ ") + words(a->text());
    };
    std::function<void(const QMenu *, const QString &)> walk = [&](const QMenu *menu, const QString &where) {
        // Lists of the analyst's data (recent files, saved views), not commands.
        const QString title = words(menu->title());
        if (title == QStringLiteral("Open Recent") || title == QStringLiteral("Recent Projects"))
            return;
        const bool views = menu->objectName() == QStringLiteral("savedViewsMenu");
        for (const QAction *a : menu->actions()) {
            if (const QMenu *sub = a->menu())
                walk(sub, where + QStringLiteral(" ▸ ") + words(sub->title()));
            else if (!views || !a->objectName().isEmpty())
                check(a, where);
        }
    };
    for (const QAction *top : mWindow->menuBar()->actions())
        if (const QMenu *menu = top->menu())
            walk(menu, words(top->text()));
    for (const QToolBar *bar : mWindow->findChildren<QToolBar *>())
        for (const QAction *a : bar->actions())
            check(a, bar->windowTitle());
    QVERIFY2(checked > 60, qPrintable(QString::number(checked)));
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QLatin1Char('\n'))));
}

void TestHelp::aboutDialogShowsVersionsAndCredits()
{
    const QString version = QCoreApplication::applicationVersion();
    QCoreApplication::setApplicationVersion(QStringLiteral("9.8.7-test"));
    QGuiApplication::clipboard()->clear();
    QString shown;
    bool seen = false;
    QTimer::singleShot(0, mWindow, [&] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        if (!dialog || dialog->objectName() != QStringLiteral("aboutDialog"))
            return;
        seen = true;
        for (const QLabel *label : dialog->findChildren<QLabel *>())
            shown += label->text() + QLatin1Char('\n');
        if (!qEnvironmentVariableIsEmpty("SIGHTLINE_GRAB_DIR"))
            dialog->grab().save(qEnvironmentVariable("SIGHTLINE_GRAB_DIR") + QStringLiteral("/about.png"));
        auto *copy = dialog->findChild<QPushButton *>(QStringLiteral("copyVersions"));
        if (copy)
            copy->click();
        dialog->reject();
    });
    QAction *about = findAction(mWindow, QStringLiteral("About Sightline"));
    QVERIFY(about);
    about->trigger();
    QCoreApplication::setApplicationVersion(version);
    QVERIFY2(seen, "the About dialog did not open");

    const QString gdal = QString::fromLatin1(GDALVersionInfo("RELEASE_NAME"));
    const QString proj = QString::fromLatin1(proj_info().version);
    QStringList expected = {
        QStringLiteral("9.8.7-test"),
        QString::fromLatin1(qVersion()),
        gdal,
        proj,
        QStringLiteral("Natural Earth"),
        QStringLiteral("public domain"),
        QStringLiteral("© <a href='https://www.openstreetmap.org/copyright'>OpenStreetMap "
                       "contributors</a>"),
        QStringLiteral("ODbL"),
        QStringLiteral("Landsat imagery courtesy of the U.S. Geological Survey"),
        QStringLiteral("SIMULATED"),
        QStringLiteral("ILLUSTRATIVE")};
#ifdef GEOGRAPHICLIB_VERSION_STRING
    expected << QStringLiteral(GEOGRAPHICLIB_VERSION_STRING);
#endif
    for (const QString &e : expected)
        QVERIFY2(shown.contains(e), qPrintable(e + QStringLiteral(" not in:\n") + shown));

    // Copy: the versions as plain lines, for a bug report.
    const QString copied = QGuiApplication::clipboard()->text();
    for (const QString &line :
         {QStringLiteral("Sightline 9.8.7-test"), QStringLiteral("Qt ") + QLatin1String(qVersion()),
          QStringLiteral("GDAL ") + gdal, QStringLiteral("PROJ ") + proj})
        QVERIFY2(copied.contains(line), qPrintable(line + QStringLiteral(" not in:\n") + copied));
}

void TestHelp::closedDocksComeBackFromTheViewMenu()
{
    auto *view = mWindow->findChild<QMenu *>(QStringLiteral("viewMenu"));
    QVERIFY(view);
    for (const char *name : {"eventsDock", "sightingsDock"}) {
        auto *dock = mWindow->findChild<QDockWidget *>(QString::fromLatin1(name));
        QVERIFY2(dock, name);
        auto *panels = view->findChild<QMenu *>(QStringLiteral("panelsMenu"));
        QVERIFY(panels);
        QVERIFY2(panels->actions().contains(dock->toggleViewAction()), name);
        dock->hide();
        dock->toggleViewAction()->trigger();
        QVERIFY2(dock->isVisible(), name);
    }
}
