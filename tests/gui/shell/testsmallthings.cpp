#include "shell/testsmallthings.h"

#include "support/casewindow.h"
#include "fixtures.h"
#include "geo/transform.h"
#include "layers/layerstack.h"
#include "ui/analysis/analysisactions.h"
#include "ui/analysis/analysisdialog.h"
#include "ui/analysis/eventspanel.h"
#include "ui/analysis/eventtablemodel.h"
#include "ui/brief/briefactions.h"
#include "ui/brief/briefcomposer.h"
#include "ui/common/formwidgets.h"
#include "ui/common/loadstatus.h"
#include "ui/common/messagebar.h"
#include "ui/layers/layerpanel.h"
#include "ui/map/mapcanvas.h"
#include "ui/project/projectcontroller.h"
#include "ui/shell/mainwindow.h"
#include "ui/sightings/counttool.h"
#include "ui/sightings/sightingactions.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QPointer>
#include <QRegularExpression>
#include <QScrollBar>
#include <QScreen>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>

using namespace sightline;

namespace {

QRectF viewWgs84(const MapCanvas *canvas)
{
    const MapSettings s = canvas->mapSettings();
    return Transform(s.destinationCrs(), Crs::wgs84()).forwardBounds(s.visibleExtent(), 21);
}

/// Runs an analysis from its menu item, `fill` on its dialog first.
bool runAnalysis(MainWindow *window, const QString &kind, const std::function<void(AnalysisDialog *)> &fill)
{
    bool seen = false;
    QTimer::singleShot(0, window, [&] {
        auto *dialog = qobject_cast<AnalysisDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        seen = true;
        fill(dialog);
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    });
    window->findChild<QAction *>(QStringLiteral("actionAnalyze_") + kind)->trigger();
    // The analysis runs on a worker thread; its events are stored when it returns.
    return seen && QTest::qWaitFor([window] { return !window->analysisActions()->isRunning(); }, 60000);
}

void chooseRoundTrip(AnalysisDialog *d)
{
    QComboBox *a = d->roundTripPort(0), *b = d->roundTripPort(1);
    a->setCurrentIndex(a->findText(QStringLiteral("Rajin (Rason) port")));
    b->setCurrentIndex(b->findText(QStringLiteral("Dunai port")));
}

} // namespace

void TestSmallThings::initTestCase()
{
    QVERIFY(mDir.isValid());
}

void TestSmallThings::init()
{
    mWindow = new MainWindow();
    mWindow->resize(1200, 800);
    mWindow->show();
    QVERIFY(QTest::qWaitForWindowExposed(mWindow));
}

void TestSmallThings::cleanup()
{
    delete mWindow;
    mWindow = nullptr;
}

void TestSmallThings::theImportReportWrapsAndCloses()
{
    const QString summary = QStringLiteral("Read 18,204 sentences from case.nmea: 17,990 positions of 2 vessels, "
                                           "201 static reports; 13 sentences skipped (checksum), which is a long "
                                           "line that must wrap inside the window rather than run off its edge.");
    mWindow->loadStatus()->keepReport(summary);
    mWindow->loadStatus()->showReport();
    QDialog *report = nullptr;
    QTRY_VERIFY((report = mWindow->findChild<QDialog *>(QStringLiteral("importReportDialog"))) && report->isVisible());
    auto *text = report->findChild<QPlainTextEdit *>(QStringLiteral("importReportText"));
    QVERIFY(text);
    QCOMPARE(text->lineWrapMode(), QPlainTextEdit::WidgetWidth);
    QVERIFY(text->horizontalScrollBar()->maximum() == 0); // nothing off the edge
    auto *buttons = report->findChild<QDialogButtonBox *>();
    QVERIFY(buttons && buttons->button(QDialogButtonBox::Close));
    QPointer<QDialog> alive(report);
    QTest::mouseClick(buttons->button(QDialogButtonBox::Close), Qt::LeftButton);
    QTRY_VERIFY(!alive || !alive->isVisible());
}

void TestSmallThings::eventDetailsReadAsWordsAndTimes()
{
    QVERIFY(!test::openCaseInNewProject(mWindow, mDir, QStringLiteral("details.gpkg")).isEmpty());
    QVERIFY(runAnalysis(mWindow, QStringLiteral("voyages"), chooseRoundTrip));
    EventsPanel *panel = mWindow->analysisActions()->eventsPanel();
    mWindow->analysisActions()->eventsDock()->show();
    panel->showType(EventType::RoundTrip);
    QTableView *table = panel->table();
    QTRY_VERIFY(table->isVisible() && table->model()->rowCount() > 0);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(table->model()->index(0, 0)).center());
    const QString details = panel->findChild<QTextBrowser *>(QStringLiteral("eventDetails"))->toPlainText();
    QVERIFY2(details.contains(QStringLiteral("At port B from")), qPrintable(details));
    QVERIFY2(!details.contains(QStringLiteral("At b from")), qPrintable(details));
    QVERIFY2(details.contains(QStringLiteral(" UTC")), qPrintable(details));
    // No raw epoch milliseconds, no ISO "T…Z" stamps: times are written for people.
    QVERIFY2(!details.contains(QRegularExpression(QStringLiteral(R"(\d{12,})"))), qPrintable(details));
    QVERIFY2(!details.contains(QRegularExpression(QStringLiteral(R"(\dT\d\d:\d\d)"))), qPrintable(details));
    QVERIFY2(!details.contains(QLatin1Char('_')), qPrintable(details));
}

void TestSmallThings::eventColumnsShowTheirWholeText()
{
    QVERIFY(!test::openCaseInNewProject(mWindow, mDir, QStringLiteral("columns.gpkg")).isEmpty());
    QVERIFY(runAnalysis(mWindow, QStringLiteral("voyages"), chooseRoundTrip));
    QVERIFY(runAnalysis(mWindow, QStringLiteral("gaps"), [](AnalysisDialog *) {}));
    mWindow->analysisActions()->eventsDock()->show();
    QTableView *table = mWindow->analysisActions()->eventsPanel()->table();
    QTRY_VERIFY(table->isVisible());
    const QFontMetrics metrics(table->font());
    for (int column : {int(EventTableModel::Type), int(EventTableModel::Vessel), int(EventTableModel::Place)}) {
        int widest = 0;
        QString longest;
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            const QString text = table->model()->index(row, column).data().toString();
            if (metrics.horizontalAdvance(text) > widest) {
                widest = metrics.horizontalAdvance(text);
                longest = text;
            }
        }
        QVERIFY2(table->columnWidth(column) >= widest + 8,
                 qPrintable(QStringLiteral("%1: %2 px for '%3' (%4 px)")
                                .arg(column)
                                .arg(table->columnWidth(column))
                                .arg(longest)
                                .arg(widest)));
    }
}

void TestSmallThings::zoomToLayerLeavesAMargin()
{
    const QString scene = test::makeGeoTiff(mDir.filePath(QStringLiteral("margin.tif")), 4326, 80, 40,
                                            {130.0, 0.01, 0, 42.5, 0, -0.01}, QColor(30, 60, 90));
    mWindow->openFiles({scene});
    QTRY_COMPARE(mWindow->layers()->count(), 1);
    QVERIFY(test::waitForIdle(mWindow));
    mWindow->zoomToWgs84(QRectF(0, 0, 10, 10)); // somewhere else
    const auto layer = mWindow->layers()->layers().first();
    mWindow->layerPanel()->selectLayer(layer->id());
    mWindow->canvas()->setFocus();
    QTest::keyClick(mWindow, Qt::Key_L, Qt::ControlModifier); // View → Zoom to Layer
    QVERIFY(test::waitForIdle(mWindow));
    const QRectF view = viewWgs84(mWindow->canvas());
    const QRectF e = layer->extentWgs84();
    QVERIFY(view.contains(e));
    // The side that fills the map still has room: about 5 % each side.
    const double room = std::min((view.width() - e.width()) / e.width(), (view.height() - e.height()) / e.height());
    QVERIFY2(room > 0.08, qPrintable(QString::number(room)));
}

void TestSmallThings::theBriefComposerFitsTheScreenAndShowsTheExportMessage()
{
    QVERIFY(!test::openCaseInNewProject(mWindow, mDir, QStringLiteral("composer.gpkg")).isEmpty());
    mWindow->findChild<QAction *>(QStringLiteral("actionBriefComposer"))->trigger();
    BriefComposer *composer = mWindow->briefActions()->composer();
    QVERIFY(composer);
    QVERIFY(QTest::qWaitForWindowExposed(composer));
    const QRect screen = composer->screen()->availableGeometry();
    QVERIFY2(screen.contains(composer->geometry()),
             qPrintable(QStringLiteral("%1,%2 %3×%4 on %5×%6")
                            .arg(composer->x())
                            .arg(composer->y())
                            .arg(composer->width())
                            .arg(composer->height())
                            .arg(screen.width())
                            .arg(screen.height())));
    const QString pdf = mDir.filePath(QStringLiteral("composer-brief.pdf"));
    QVERIFY(mWindow->briefActions()->exportBriefTo(pdf));
    QLabel *message = composer->exportMessage();
    QVERIFY2(message->text().contains(QStringLiteral("Brief written")), qPrintable(message->text()));
    QVERIFY(message->isVisible());
    QVERIFY(composer->rect().contains(message->geometry().translated(message->parentWidget()->mapTo(composer, QPoint()))));
    composer->close();
}

void TestSmallThings::openingABriefWithNoViewerSaysSo()
{
    // The offscreen platform opens nothing, as a machine without a PDF viewer.
    QVERIFY(!test::openCaseInNewProject(mWindow, mDir, QStringLiteral("open.gpkg")).isEmpty());
    const QString pdf = mDir.filePath(QStringLiteral("open-brief.pdf"));
    QVERIFY(mWindow->briefActions()->exportBriefTo(pdf));
    auto *open = mWindow->messageBar()->findChild<QPushButton *>(QStringLiteral("messageAction"));
    QVERIFY(open && open->isVisible());
    QCOMPARE(open->text(), QStringLiteral("Open"));
    QTest::mouseClick(open, Qt::LeftButton);
    const QString text = mWindow->messageBar()->text();
    QVERIFY2(text.contains(QStringLiteral("No PDF viewer")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("open-brief.pdf")), qPrintable(text));
}

void TestSmallThings::theFileMenuHasOneRecentList()
{
    const QString path = test::openCaseInNewProject(mWindow, mDir, QStringLiteral("recent.gpkg"));
    QVERIFY(!path.isEmpty());
    QMenu *file = nullptr;
    for (QAction *a : mWindow->menuBar()->actions())
        if (a->text() == QStringLiteral("&File"))
            file = a->menu();
    QVERIFY(file);
    QStringList recentMenus;
    for (QAction *a : file->actions())
        if (a->menu() && a->text().remove(QLatin1Char('&')).contains(QStringLiteral("Recent")))
            recentMenus << a->text();
    QCOMPARE(recentMenus, QStringList{QStringLiteral("Open &Recent")});
    QMenu *recent = mWindow->findChild<QMenu *>(QStringLiteral("menuOpenRecent"));
    QStringList entries;
    for (QAction *a : recent->actions())
        entries << a->text();
    QVERIFY2(entries.contains(path), qPrintable(entries.join(QLatin1Char('\n'))));
}

void TestSmallThings::analysisDialogsAreTitledAsTheirMenuItems()
{
    QVERIFY(!test::openCaseInNewProject(mWindow, mDir, QStringLiteral("titles.gpkg")).isEmpty());
    for (const char *kind : {"gaps", "port-calls", "voyages", "encounters", "loitering", "spoofing"}) {
        QAction *action = mWindow->findChild<QAction *>(QStringLiteral("actionAnalyze_") + QLatin1String(kind));
        QVERIFY2(action, kind);
        QString title;
        QTimer::singleShot(0, mWindow, [&title] {
            if (auto *dialog = qobject_cast<AnalysisDialog *>(QApplication::activeModalWidget())) {
                title = dialog->windowTitle();
                dialog->reject();
            }
        });
        action->trigger();
        QCOMPARE(title, dialogTitleFor(action->text()));
        QVERIFY(!title.contains(QStringLiteral("…")) && !title.contains(QLatin1Char('&')));
    }
    QCOMPARE(dialogTitleFor(QStringLiteral("Find &Gaps (Going Dark)…")), QStringLiteral("Find Gaps (Going Dark)"));
}

void TestSmallThings::goToGivesTheKeysBackToTheMap()
{
    QVERIFY(!test::openCaseInNewProject(mWindow, mDir, QStringLiteral("goto.gpkg")).isEmpty());
    auto *goTo = mWindow->findChild<QLineEdit *>(QStringLiteral("goToEdit"));
    QVERIFY(goTo);
    QTest::keyClick(mWindow, Qt::Key_G, Qt::ControlModifier); // View → Go to Coordinate
    QTRY_VERIFY(goTo->hasFocus());
    QTest::keyClicks(goTo, QStringLiteral("42.25, 130.3"));
    QTest::keyClick(goTo, Qt::Key_Return);
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(mWindow->canvas()));
    // A shortcut now acts instead of typing into the box.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_C);
    QCOMPARE(goTo->text(), QStringLiteral("42.25, 130.3"));
}

void TestSmallThings::theCountTallyNeverCoversTheMarks()
{
    QVERIFY(!test::openCaseInNewProject(mWindow, mDir, QStringLiteral("tally.gpkg")).isEmpty());
    MapCanvas *canvas = mWindow->canvas();
    mWindow->findChild<QAction *>(QStringLiteral("actionCountObjects"))->trigger();
    CountTool *tool = mWindow->sightingActions()->countTool();
    // The first marks where the tally used to sit: the top left of the map.
    const QList<QPoint> clicks = {QPoint(24, 22), QPoint(60, 30), QPoint(100, 40), QPoint(140, 25)};
    for (const QPoint &p : clicks)
        QTest::mouseClick(canvas, Qt::LeftButton, {}, p);
    QCOMPARE(tool->count(), int(clicks.size()));
    const QRectF tally = tool->tallyRect().adjusted(-9, -9, 9, 9); // a mark's radius around it
    for (const QPoint &p : clicks)
        QVERIFY2(!tally.contains(p), qPrintable(QStringLiteral("%1,%2 under the tally").arg(p.x()).arg(p.y())));
    QVERIFY(canvas->rect().contains(tool->tallyRect().toRect()));
}
