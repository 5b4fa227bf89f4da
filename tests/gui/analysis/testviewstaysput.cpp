#include "analysis/testviewstaysput.h"

#include "support/casewindow.h"

#include "geo/transform.h"
#include "layers/eventlayer.h"
#include "ui/analysis/analysisactions.h"
#include "ui/analysis/analysisdialog.h"
#include "ui/analysis/eventspanel.h"
#include "ui/map/mapcanvas.h"
#include "ui/shell/mainwindow.h"
#include "ui/time/timeactions.h"
#include "ui/time/timelinedock.h"
#include "ui/time/timelinewidget.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QTimer>

using namespace sightline;

namespace {

QRectF viewWgs84(const MapCanvas *canvas)
{
    return Transform(canvas->crs(), Crs::wgs84()).forwardBounds(canvas->visibleExtent(), 21);
}

/// Where the timeline shows an event: the first point of a vessel lane that hits one.
QPoint eventMark(const TimelineWidget *timeline, std::int64_t *id)
{
    const TimelineLayout &layout = timeline->currentLayout();
    for (const TimelineLayout::Lane &lane : layout.lanes) {
        if (lane.kind != TimelineLayout::LaneKind::Vessel)
            continue;
        const double y = lane.barRow.center().y();
        for (double x = lane.rect.left() + 1; x < lane.rect.right(); x += 1) {
            const TimelineWidget::Hit hit = timeline->hitAt(QPointF(x, y));
            if (hit.kind == TimelineWidget::Hit::Kind::Event) {
                *id = timeline->data().events.at(std::size_t(hit.index)).id;
                return hit.rect.center().toPoint();
            }
        }
    }
    return {-1, -1};
}

/// A point of a vessel lane with nothing on it.
QPoint emptyLanePoint(const TimelineWidget *timeline)
{
    const TimelineLayout &layout = timeline->currentLayout();
    for (const TimelineLayout::Lane &lane : layout.lanes) {
        if (lane.kind != TimelineLayout::LaneKind::Vessel)
            continue;
        const double y = lane.barRow.center().y();
        for (double x = lane.rect.right() - 2; x > lane.rect.left(); x -= 2)
            if (timeline->hitAt(QPointF(x, y)).kind == TimelineWidget::Hit::Kind::None)
                return QPointF(x, y).toPoint();
    }
    return {-1, -1};
}

} // namespace

void TestViewStaysPut::initTestCase()
{
    QVERIFY(mDir.isValid());
}

void TestViewStaysPut::init()
{
    mWindow = new MainWindow();
    mWindow->resize(1400, 900);
    mWindow->show();
    QVERIFY(QTest::qWaitForWindowExposed(mWindow));
    QVERIFY(!test::openCaseInNewProject(mWindow, mDir, QStringLiteral("staysput.gpkg")).isEmpty());
    run(QStringLiteral("gaps"));
    QVERIFY(test::waitForIdle(mWindow));
}

void TestViewStaysPut::cleanup()
{
    delete mWindow;
    mWindow = nullptr;
}

void TestViewStaysPut::run(const QString &kind)
{
    bool seen = false;
    QTimer::singleShot(0, mWindow, [&] {
        auto *dialog = qobject_cast<AnalysisDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        seen = true;
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    });
    auto *action = mWindow->findChild<QAction *>(QStringLiteral("actionAnalyze_") + kind);
    QVERIFY2(action, qPrintable(kind));
    action->trigger();
    QVERIFY2(seen, "the analysis dialog did not open");
    // The analysis runs on a worker thread; its events are stored (and the view could move) when it returns.
    QTRY_VERIFY_WITH_TIMEOUT(!mWindow->analysisActions()->isRunning(), 60000);
}

void TestViewStaysPut::clickRow(int row)
{
    QTableView *table = mWindow->analysisActions()->eventsPanel()->table();
    table->scrollTo(table->model()->index(row, 1));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(table->model()->index(row, 1)).center());
}

const MovementEvent *TestViewStaysPut::event(std::int64_t id) const
{
    for (const MovementEvent &e : mWindow->analysisActions()->eventLayer()->events())
        if (e.id == id)
            return &e;
    return nullptr;
}

void TestViewStaysPut::frameAround(const QRectF &box, double margin)
{
    mWindow->canvas()->zoomToWgs84(box.adjusted(-margin, -margin, margin, margin));
    QVERIFY(test::waitForIdle(mWindow));
}

void TestViewStaysPut::pickingAnEventInSightLeavesTheView()
{
    EventsPanel *panel = mWindow->analysisActions()->eventsPanel();
    QVERIFY(panel->table()->model()->rowCount() >= 2);
    // The whole case in view: every gap is in sight.
    frameAround(QRectF(128, 38, 12, 10), 1);
    MapCanvas *canvas = mWindow->canvas();
    const QRectF before = canvas->visibleExtent();
    for (int row : {0, 1}) {
        clickRow(row);
        const std::int64_t id = panel->currentId();
        QVERIFY(id != 0);
        QVERIFY(viewWgs84(canvas).intersects(eventFrame(*event(id))));
        QCOMPARE(mWindow->analysisActions()->eventLayer()->selected(), id);
        QVERIFY(test::waitForIdle(mWindow));
        QCOMPARE(canvas->visibleExtent(), before);
    }
}

void TestViewStaysPut::pickingAnEventOutOfSightPansAtTheSameScale()
{
    EventsPanel *panel = mWindow->analysisActions()->eventsPanel();
    MapCanvas *canvas = mWindow->canvas();
    // Far away, at a scale of its own.
    frameAround(QRectF(100, 0, 2, 2), 0);
    const double resolution = canvas->resolution();
    const QPointF centre = canvas->center();
    clickRow(0);
    const std::int64_t id = panel->currentId();
    QVERIFY(id != 0);
    QVERIFY(test::waitForIdle(mWindow));
    QCOMPARE(canvas->resolution(), resolution);
    QVERIFY(canvas->center() != centre);
    // Centred on the event.
    const QPointF eventCentre =
        Transform(Crs::wgs84(), canvas->crs()).forward(eventFrame(*event(id)).center());
    QVERIFY(std::abs(canvas->center().x() - eventCentre.x()) < resolution);
    QVERIFY(std::abs(canvas->center().y() - eventCentre.y()) < resolution);
}

void TestViewStaysPut::doubleClickOrZoomToFramesTheEvent()
{
    EventsPanel *panel = mWindow->analysisActions()->eventsPanel();
    MapCanvas *canvas = mWindow->canvas();
    frameAround(QRectF(100, 0, 30, 30), 0);
    double far = canvas->resolution();
    QTableView *table = panel->table();
    const QPoint cell = table->visualRect(table->model()->index(0, 1)).center();
    // A double click, as a user makes it: the first click picks the row, the second frames the event.
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell);
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell);
    const std::int64_t id = panel->currentId();
    QVERIFY(id != 0);
    QVERIFY(test::waitForIdle(mWindow));
    // Framed: the whole event in view, and the view not much larger than it.
    const auto framed = [&] {
        const QRectF frame = eventFrame(*event(id));
        const QRectF view = viewWgs84(canvas);
        return canvas->resolution() < far && view.adjusted(-1e-6, -1e-6, 1e-6, 1e-6).contains(frame) &&
               (view.width() < frame.width() * 1.5 || view.height() < frame.height() * 1.5);
    };
    QVERIFY2(framed(), "a double click frames the event");

    // Zoom To does the same from anywhere.
    frameAround(QRectF(100, 0, 30, 30), 0);
    far = canvas->resolution();
    QTest::mouseClick(panel->zoomButton(), Qt::LeftButton);
    QVERIFY(test::waitForIdle(mWindow));
    QVERIFY2(framed(), "Zoom To frames the event");
}

void TestViewStaysPut::choosingATypeInTheFilterPicksNothing()
{
    run(QStringLiteral("port-calls"));
    QVERIFY(test::waitForIdle(mWindow));
    EventsPanel *panel = mWindow->analysisActions()->eventsPanel();
    MapCanvas *canvas = mWindow->canvas();
    QComboBox *type = panel->typeFilter();
    const auto choose = [type](const QString &text) {
        // As with the keyboard: focus, then arrow keys to the entry.
        type->setFocus();
        const int target = type->findText(text);
        QVERIFY2(target >= 0, qPrintable(text));
        while (type->currentIndex() != target)
            QTest::keyClick(type, type->currentIndex() < target ? Qt::Key_Down : Qt::Key_Up);
    };
    choose(QStringLiteral("Gap"));
    frameAround(QRectF(128, 38, 12, 10), 1);
    const QRectF before = canvas->visibleExtent();

    // Nothing picked: choosing a type picks nothing.
    QCOMPARE(panel->currentId(), std::int64_t(0));
    choose(QStringLiteral("Port call"));
    QVERIFY(panel->table()->model()->rowCount() > 0);
    QCOMPARE(panel->currentId(), std::int64_t(0));
    QVERIFY(test::waitForIdle(mWindow));
    QCOMPARE(canvas->visibleExtent(), before);

    // A gap picked, then only port calls: the gap goes out of the list and nothing takes its place.
    choose(QStringLiteral("Gap"));
    clickRow(3);
    QVERIFY(panel->currentId() != 0);
    choose(QStringLiteral("Port call"));
    QCOMPARE(panel->currentId(), std::int64_t(0));
    QVERIFY(panel->table()->selectionModel()->selectedRows().isEmpty());
    QCOMPARE(mWindow->analysisActions()->eventLayer()->selected(), std::int64_t(0));
    QVERIFY(test::waitForIdle(mWindow));
    QCOMPARE(canvas->visibleExtent(), before);

    // A pick that the filter keeps stays picked; hidden by a filter on the way, it comes back with the rows.
    clickRow(1);
    const std::int64_t call = panel->currentId();
    QVERIFY(call != 0);
    choose(QStringLiteral("All types"));
    QCOMPARE(panel->currentId(), call);
    QCOMPARE(mWindow->analysisActions()->eventLayer()->selected(), call);
    QVERIFY(test::waitForIdle(mWindow));
    QCOMPARE(canvas->visibleExtent(), before);
}

void TestViewStaysPut::runningAnAnalysisWithAPickLeavesTheView()
{
    EventsPanel *panel = mWindow->analysisActions()->eventsPanel();
    MapCanvas *canvas = mWindow->canvas();
    clickRow(2);
    const std::int64_t picked = panel->currentId();
    QVERIFY(picked != 0);
    // Then somewhere else entirely, where the event is out of sight.
    frameAround(QRectF(140, 30, 1, 1), 0);
    QVERIFY(!viewWgs84(canvas).intersects(eventFrame(*event(picked))));
    const QRectF before = canvas->visibleExtent();
    for (const char *kind : {"port-calls", "gaps"}) {
        run(QString::fromLatin1(kind));
        QVERIFY(test::waitForIdle(mWindow));
        QCOMPARE(canvas->visibleExtent(), before);
    }
}

void TestViewStaysPut::clickingTheTimelineLeavesTheView()
{
    TimelineDock *dock = mWindow->timeActions()->timelineDock();
    QTRY_VERIFY(dock->isVisible());
    dock->rebuild();
    QApplication::processEvents();
    TimelineWidget *timeline = dock->timeline();
    std::int64_t id = 0;
    const QPoint mark = eventMark(timeline, &id);
    QVERIFY2(mark.x() >= 0, "no event on the timeline");
    MapCanvas *canvas = mWindow->canvas();
    frameAround(eventFrame(*event(id)), 2);
    const QRectF before = canvas->visibleExtent();

    // A click on the event picks it, here and in the Events dock; the map stays.
    QTest::mouseClick(timeline, Qt::LeftButton, {}, mark);
    QCOMPARE(mWindow->analysisActions()->eventsPanel()->currentId(), id);
    QVERIFY(test::waitForIdle(mWindow));
    QCOMPARE(canvas->visibleExtent(), before);

    // A click on an empty part of a lane moves the time cursor only.
    const QPoint empty = emptyLanePoint(timeline);
    QVERIFY(empty.x() >= 0);
    QTest::mouseClick(timeline, Qt::LeftButton, {}, empty);
    QVERIFY(test::waitForIdle(mWindow));
    QCOMPARE(canvas->visibleExtent(), before);

    // A double click on the event is the explicit zoom.
    const double resolution = canvas->resolution();
    QTest::mouseDClick(timeline, Qt::LeftButton, {}, mark);
    QVERIFY(test::waitForIdle(mWindow));
    QVERIFY(canvas->resolution() != resolution);
    QVERIFY(viewWgs84(canvas).intersects(eventFrame(*event(id))));
}
