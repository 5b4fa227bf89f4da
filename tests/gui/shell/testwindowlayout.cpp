#include "shell/testwindowlayout.h"

#include "support/casewindow.h"

#include "ui/analysis/analysisactions.h"
#include "ui/analysis/analysisdialog.h"
#include "ui/map/mapcanvas.h"
#include "ui/shell/mainwindow.h"
#include "ui/time/timeactions.h"
#include "ui/time/timelinedock.h"
#include "ui/time/timelinewidget.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFontMetricsF>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTabBar>
#include <QSettings>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using namespace sightline;

namespace {

constexpr QSize kWindow(1400, 900);

QDockWidget *dock(const sightline::MainWindow *window, const char *name)
{
    return window->findChild<QDockWidget *>(QLatin1String(name));
}

double mapShare(const sightline::MainWindow *window)
{
    const QWidget *canvas = window->canvas();
    return double(canvas->width()) * canvas->height() / (double(window->width()) * window->height());
}

/// View → Panels, as the menu bar holds it.
QMenu *panelsMenu(const sightline::MainWindow *window)
{
    for (QAction *top : window->menuBar()->actions())
        if (top->menu() && top->menu()->objectName() == QLatin1String("viewMenu"))
            for (QAction *entry : top->menu()->actions())
                if (entry->menu() && entry->menu()->objectName() == QLatin1String("panelsMenu"))
                    return entry->menu();
    return nullptr;
}

} // namespace

void TestWindowLayout::initTestCase()
{
    QVERIFY(mDir.isValid());
}

void TestWindowLayout::init()
{
    QSettings().clear();
    mWindow = new MainWindow();
    mWindow->resize(kWindow);
    mWindow->show();
    QVERIFY(QTest::qWaitForWindowExposed(mWindow));
}

void TestWindowLayout::cleanup()
{
    delete mWindow;
    mWindow = nullptr;
    QSettings().clear();
}

void TestWindowLayout::openCaseWithEvents()
{
    QVERIFY(!test::openCaseInNewProject(mWindow, mDir, QStringLiteral("layout.gpkg")).isEmpty());
    bool seen = false;
    QTimer::singleShot(0, mWindow, [&] {
        auto *dialog = qobject_cast<AnalysisDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        seen = true;
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    });
    mWindow->findChild<QAction *>(QStringLiteral("actionAnalyze_gaps"))->trigger();
    QVERIFY(seen);
    QVERIFY(test::waitForIdle(mWindow));
    QTRY_VERIFY(dock(mWindow, "eventsDock")->isVisible());
    QTRY_VERIFY(dock(mWindow, "timelineDock")->isVisible());
}

void TestWindowLayout::theMapHasMostOfTheWindowWithTheGuidesDocksOpen()
{
    openCaseWithEvents();
    // The docks the guide works with: Layers, Vessels, Events, Sightings, Measure, and the Timeline.
    for (const char *name : {"layersDock", "vesselsDock", "sightingsDock", "measureDock", "eventsDock",
                             "timelineDock"}) {
        QDockWidget *d = dock(mWindow, name);
        QVERIFY2(d, name);
        d->show();
        d->raise();
    }
    QApplication::processEvents();
    QCOMPARE(mWindow->size(), kWindow);
    const double share = mapShare(mWindow);
    qInfo("the map: %dx%d px of %dx%d, %.1f %% of the window", mWindow->canvas()->width(),
          mWindow->canvas()->height(), mWindow->width(), mWindow->height(), share * 100);
    QVERIFY2(share >= 0.60, qPrintable(QStringLiteral("the map has %1 % of the window").arg(share * 100, 0, 'f', 1)));
    // Every dock the guide uses is in sight (a tab of the column counts when raised).
    for (const char *name : {"layersDock", "eventsDock", "timelineDock"})
        QVERIFY2(!dock(mWindow, name)->visibleRegion().isEmpty(), name);
    // The tabs' names are whole.
    for (QTabBar *tabs : mWindow->findChildren<QTabBar *>(QString(), Qt::FindDirectChildrenOnly))
        QCOMPARE(tabs->elideMode(), Qt::ElideNone);
    // The column is wide enough for the panels the guide reads: none of them scrolls sideways.
    for (const char *name : {"eventsDock", "sightingsDock", "measureDock"}) {
        dock(mWindow, name)->raise();
        QApplication::processEvents();
        auto *scroll = qobject_cast<QScrollArea *>(dock(mWindow, name)->widget());
        QVERIFY2(scroll, name);
        QVERIFY2(!scroll->horizontalScrollBar()->isVisible(),
                 qPrintable(QStringLiteral("%1 needs %2 px, has %3")
                                .arg(QLatin1String(name))
                                .arg(scroll->widget()->minimumSizeHint().width())
                                .arg(scroll->viewport()->width())));
    }
}

namespace {

/// Counts the layout requests a widget receives.
class LayoutRequestCounter : public QObject
{
public:
    int count = 0;

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::LayoutRequest)
            ++count;
        return false;
    }
};

} // namespace

void TestWindowLayout::anIdleWindowLaysItselfOutNoMore()
{
    // A window left alone with the case open does nothing: once, the tab bars' settings were made on
    // every layout request, each of which asked for another, so the idle window spun a core.
    openCaseWithEvents();
    QTest::qWait(300);
    LayoutRequestCounter counter;
    mWindow->installEventFilter(&counter);
    QTest::qWait(1000);
    mWindow->removeEventFilter(&counter);
    QVERIFY2(counter.count <= 2, qPrintable(QStringLiteral("%1 layout requests in a second of idling").arg(counter.count)));
}

void TestWindowLayout::timelineLanesAreReadable()
{
    openCaseWithEvents();
    TimelineDock *timeline = mWindow->timeActions()->timelineDock();
    timeline->rebuild();
    QApplication::processEvents();
    const TimelineLayout &layout = timeline->timeline()->currentLayout();
    QVERIFY(layout.lanes.size() >= 2);
    for (const TimelineLayout::Lane &lane : layout.lanes)
        QVERIFY2(lane.rect.height() >= TimelineWidget::kMinLanePx - 0.5,
                 qPrintable(QStringLiteral("a lane %1 px high").arg(lane.rect.height())));
    // Every lane's name is whole, within its lane's height, and the lanes within the plot the widget shows.
    const QFontMetricsF metrics(timeline->timeline()->font());
    for (const TimelineLayout::Lane &lane : layout.lanes) {
        QVERIFY(!lane.title.isEmpty());
        QVERIFY2(!lane.title.endsWith(QChar(0x2026)), qPrintable(lane.title));
        // The name (and the MMSI under it) ends within its lane, and no lane starts above the widget.
        const QRectF text = lane.subtitleRect.isEmpty() ? lane.titleRect : lane.titleRect.united(lane.subtitleRect);
        QVERIFY2(text.top() >= 0 && text.bottom() <= lane.rect.bottom() + 0.5, qPrintable(lane.title));
        QVERIFY(lane.rect.bottom() <= timeline->timeline()->height() + 0.5);
    }
}

void TestWindowLayout::timelineFoldsDownToItsBar()
{
    openCaseWithEvents();
    TimelineDock *timeline = mWindow->timeActions()->timelineDock();
    const int mapHeight = mWindow->canvas()->height();
    const int unfolded = timeline->height();
    QTest::mouseClick(timeline->collapseButton(), Qt::LeftButton);
    QTRY_VERIFY(timeline->isCollapsed());
    QTRY_VERIFY(timeline->height() < unfolded - 40);
    QVERIFY(!timeline->timeline()->isVisible());
    QTRY_VERIFY(mWindow->canvas()->height() > mapHeight + 40);
    QVERIFY(timeline->isVisible()); // folded, not closed: the controls stay

    QTest::mouseClick(timeline->collapseButton(), Qt::LeftButton);
    QTRY_VERIFY(!timeline->isCollapsed());
    QTRY_VERIFY(timeline->timeline()->isVisible());
    QTRY_VERIFY(timeline->height() >= unfolded - 4);

    // Its own close button closes it; View → Timeline brings it back.
    QTest::mouseClick(timeline->closeButton(), Qt::LeftButton);
    QTRY_VERIFY(!timeline->isVisible());
    mWindow->findChild<QAction *>(QStringLiteral("actionTimelineDock"))->trigger();
    QTRY_VERIFY(timeline->isVisible());
}

void TestWindowLayout::everyClosedDockComesBackFromTheViewMenu()
{
    QMenu *panels = panelsMenu(mWindow);
    QVERIFY2(panels, "no View → Panels");
    const QList<QDockWidget *> docks = mWindow->findChildren<QDockWidget *>();
    QVERIFY(docks.size() >= 9);
    for (QDockWidget *d : docks) {
        const QString name = d->objectName();
        QVERIFY2(panels->actions().contains(d->toggleViewAction()), qPrintable(name));
        d->show();
        QApplication::processEvents();
        // Closed with its own close button, as a user closes it.
        auto *close = d->findChild<QAbstractButton *>(QStringLiteral("qt_dockwidget_closebutton"));
        if (close && close->isVisible())
            QTest::mouseClick(close, Qt::LeftButton);
        else
            d->close();
        QTRY_VERIFY2(!d->isVisible(), qPrintable(name));
        // Back from the menu: the entry, as a click on it chooses it.
        panels->popup(mWindow->mapToGlobal(QPoint(100, 100)));
        QTRY_VERIFY(panels->isVisible());
        panels->setActiveAction(d->toggleViewAction());
        QTest::keyClick(panels, Qt::Key_Return);
        QTRY_VERIFY2(d->isVisible(), qPrintable(name));
        // ... and in front of the panels tabbed with it, not behind them.
        QTRY_VERIFY2(!d->visibleRegion().isEmpty(), qPrintable(name + QStringLiteral(" came back behind a tab")));
    }
}

void TestWindowLayout::theLayoutIsKeptAndResetRestoresTheDefault()
{
    QDockWidget *vessels = dock(mWindow, "vesselsDock");
    QCOMPARE(mWindow->dockWidgetArea(vessels), Qt::LeftDockWidgetArea);
    QCOMPARE(mWindow->dockWidgetArea(dock(mWindow, "layersDock")), Qt::LeftDockWidgetArea);
    // The user moves the Vessels to the right and narrows the Layers column.
    mWindow->addDockWidget(Qt::RightDockWidgetArea, vessels);
    mWindow->resizeDocks({dock(mWindow, "layersDock")}, {250}, Qt::Horizontal);
    QApplication::processEvents();
    const int layersWidth = dock(mWindow, "layersDock")->width();
    mWindow->close();
    delete mWindow;

    // The next session opens as it was left.
    mWindow = new MainWindow();
    mWindow->show();
    QVERIFY(QTest::qWaitForWindowExposed(mWindow));
    QCOMPARE(mWindow->size(), kWindow);
    QCOMPARE(mWindow->dockWidgetArea(dock(mWindow, "vesselsDock")), Qt::RightDockWidgetArea);
    QVERIFY(std::abs(dock(mWindow, "layersDock")->width() - layersWidth) <= 2);

    // Reset Layout: the column on the left again.
    QMenu *panels = panelsMenu(mWindow);
    QVERIFY(panels);
    QAction *reset = mWindow->findChild<QAction *>(QStringLiteral("actionResetLayout"));
    QVERIFY(reset && panels->actions().contains(reset));
    reset->trigger();
    QApplication::processEvents();
    QCOMPARE(mWindow->dockWidgetArea(dock(mWindow, "vesselsDock")), Qt::LeftDockWidgetArea);
    QVERIFY(dock(mWindow, "vesselsDock")->isVisible());
    QVERIFY(mapShare(mWindow) >= 0.60);
}
