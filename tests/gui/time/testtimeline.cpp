#include "time/testtimeline.h"

#include "support/casewindow.h"

#include "ui/analysis/analysisactions.h"
#include "ui/analysis/analysisdialog.h"
#include "ui/analysis/eventspanel.h"
#include "layers/eventlayer.h"
#include "ui/shell/mainwindow.h"
#include "ui/layers/layeractions.h"
#include "ui/time/timeactions.h"
#include "ui/map/mapcanvas.h"
#include "render/timelinedata.h"
#include "ui/sightings/sightingactions.h"
#include "ui/sightings/sightingpanel.h"
#include "ui/time/timecontroller.h"
#include "ui/time/timelinedock.h"
#include "ui/time/timelinewidget.h"
#include "ui/layers/vesselpanel.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QWheelEvent>

#include <algorithm>
#include <set>

using namespace sightline;

namespace {

constexpr std::int64_t kHourMs = 3'600'000;

TimelineWidget *timelineOf(MainWindow *window)
{
    return window->timeActions()->timelineDock()->timeline();
}

/// The x `share` of the way across the plot, on a whole pixel (as the mouse is).
int plotX(const TimelineLayout &layout, double share)
{
    return int(std::lround(layout.plot.left() + share * layout.plot.width()));
}

/// The first vessel lane's band, where nothing but the density strip is drawn.
int stripY(const TimelineLayout &layout)
{
    for (const TimelineLayout::Lane &lane : layout.lanes)
        if (lane.kind == TimelineLayout::LaneKind::Vessel)
            return int(std::lround(lane.strip.center().y()));
    return int(std::lround(layout.plot.center().y()));
}

QString utcMinutes(std::int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace

void TestTimeline::runFromMenu(const QString &kind, const std::function<void(AnalysisDialog *)> &fill)
{
    bool seen = false;
    QTimer::singleShot(0, mWindow, [&] {
        auto *dialog = qobject_cast<AnalysisDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        seen = true;
        fill(dialog);
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
    });
    auto *action = mWindow->findChild<QAction *>(QStringLiteral("actionAnalyze_") + kind);
    QVERIFY2(action, qPrintable(kind));
    action->trigger();
    QVERIFY2(seen, "the analysis dialog did not open");
    // The analysis runs on a worker thread; its events are stored when it returns.
    QTRY_VERIFY_WITH_TIMEOUT(!mWindow->analysisActions()->isRunning(), 60000);
}

const MovementEvent *TestTimeline::longestCall() const
{
    const TimelineData &data = timelineOf(mWindow)->data();
    const MovementEvent *best = nullptr;
    for (const MovementEvent &e : data.events)
        if (e.type == EventType::PortCall && !e.isInferredCall() && e.confidence > 1 &&
            (!best || e.endMs - e.startMs > best->endMs - best->startMs))
            best = &e;
    return best;
}

void TestTimeline::initTestCase()
{
    QVERIFY(mDir.isValid());
    mWindow = new MainWindow();
    mWindow->resize(1400, 900);
    mWindow->show();
    QVERIFY(QTest::qWaitForWindowExposed(mWindow));
    QVERIFY(!test::openCaseInNewProject(mWindow, mDir, QStringLiteral("timeline.gpkg")).isEmpty());
    runFromMenu(QStringLiteral("gaps"), [](AnalysisDialog *) {});
    runFromMenu(QStringLiteral("port-calls"), [](AnalysisDialog *) {});
    // The dock shows the last run's type; the map, and so the timeline, then show only that.
    mWindow->analysisActions()->eventsPanel()->showType(std::nullopt);
    QVERIFY(mWindow->sightingActions()->importSightings(
                QStringLiteral(SIGHTLINE_DEMO_DIR) +
                QStringLiteral("/sightings/case_sightings_ILLUSTRATIVE.geojson")) > 0);
    QVERIFY(test::waitForIdle(mWindow));
}

void TestTimeline::init()
{
    TimeController *time = mWindow->timeController();
    time->pause();
    time->clearWindow();
    time->setCursorMs(0);
    mWindow->timeActions()->timelineDock()->setVessels({});
    mWindow->timeActions()->timelineDock()->rebuild();
    timelineOf(mWindow)->zoomToFit();
    QApplication::processEvents();
}

void TestTimeline::cleanupTestCase()
{
    delete mWindow;
    mWindow = nullptr;
}

void TestTimeline::opensWithLanesOfTheVesselsWithEvents()
{
    TimelineDock *dock = mWindow->timeActions()->timelineDock();
    QCOMPARE(dock->objectName(), QStringLiteral("timelineDock"));
    QVERIFY(dock->isVisible());
    QCOMPARE(mWindow->dockWidgetArea(dock), Qt::BottomDockWidgetArea);
    QAction *toggle = mWindow->findChild<QAction *>(QStringLiteral("actionTimelineDock"));
    QVERIFY(toggle);
    QCOMPARE(toggle->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));

    const TimelineData &data = dock->timeline()->data();
    QStringList lanes;
    for (const TimelineLane &lane : data.lanes)
        lanes << lane.label;
    QCOMPARE(lanes, QStringList({QStringLiteral("ANGARA (273145020)"), QStringLiteral("MARIA (273219530)")}));
    QVERIFY(!data.lanes.front().positionTimesMs.empty());
    QVERIFY(std::any_of(data.events.begin(), data.events.end(),
                        [](const MovementEvent &e) { return e.type == EventType::Gap; }));
    // Playback runs through the data.
    const TimeWindow extent = timelineDataExtent(data);
    QVERIFY(!extent.isOpen());
    QCOMPARE(mWindow->timeController()->span().fromMs, extent.fromMs);
    QCOMPARE(mWindow->timeController()->span().toMs, extent.toMs);
    // The plot has room.
    const TimelineLayout layout = dock->timeline()->currentLayout();
    QVERIFY2(layout.plot.width() > 600, qPrintable(QString::number(layout.plot.width())));
    QCOMPARE(std::count_if(layout.lanes.begin(), layout.lanes.end(),
                           [](const TimelineLayout::Lane &lane) {
                               return lane.kind == TimelineLayout::LaneKind::Vessel;
                           }),
             2);
    QVERIFY(!data.sightings.isEmpty());
}

void TestTimeline::draggingAlongTheAxisSetsTheWindow()
{
    TimelineWidget *timeline = timelineOf(mWindow);
    const TimelineLayout layout = timeline->currentLayout();
    const int y = int(std::lround(layout.axis.top() + 8));
    const QPoint from(plotX(layout, 0.3), y);
    const QPoint to(plotX(layout, 0.62), y);
    QTest::mousePress(timeline, Qt::LeftButton, {}, from);
    QTest::mouseMove(timeline, QPoint(plotX(layout, 0.45), y));
    QTest::mouseMove(timeline, to);
    QVERIFY(mWindow->timeController()->window().isOpen()); // set when the mouse lets go
    QTest::mouseRelease(timeline, Qt::LeftButton, {}, to);

    const TimeWindow expected{layout.timeForX(from.x()), layout.timeForX(to.x())};
    const TimeWindow window = mWindow->timeController()->window();
    QCOMPARE(window.fromMs, expected.fromMs);
    QCOMPARE(window.toMs, expected.toMs);
    const TimeWindow shown = mWindow->canvas()->mapSettings().timeWindow();
    QCOMPARE(shown.fromMs, expected.fromMs);
    QCOMPARE(shown.toMs, expected.toMs);
    QCOMPARE(
        mWindow->timeActions()->timelineDock()->windowLabel()->text(),
        QStringLiteral("Window %1 – %2 UTC").arg(utcMinutes(expected.fromMs), utcMinutes(expected.toMs)));
    QVERIFY(mWindow->timeActions()->timelineDock()->clearWindowButton()->isVisible());

    // Right to left gives the same window; Shift+drag on a lane does too.
    mWindow->timeController()->clearWindow();
    const int lane = stripY(layout);
    QTest::mousePress(timeline, Qt::LeftButton, Qt::ShiftModifier, QPoint(to.x(), lane));
    QTest::mouseMove(timeline, QPoint(from.x(), lane));
    QTest::mouseRelease(timeline, Qt::LeftButton, Qt::ShiftModifier, QPoint(from.x(), lane));
    QCOMPARE(mWindow->timeController()->window().fromMs, expected.fromMs);
    QCOMPARE(mWindow->timeController()->window().toMs, expected.toMs);
    // The view did not move meanwhile.
    QCOMPARE(timeline->viewFromMs(), layout.fromMs);
}

void TestTimeline::dragWindowStart(double fromFraction, double toFraction, double targetFraction)
{
    TimelineWidget *timeline = timelineOf(mWindow);
    const TimelineLayout layout = timeline->currentLayout();
    const TimeWindow window{layout.timeForX(plotX(layout, fromFraction)), layout.timeForX(plotX(layout, toFraction))};
    mWindow->timeController()->setWindow(window);
    const int y = stripY(layout);
    const QPoint edge(int(std::lround(layout.xForTime(window.fromMs))), y);
    const QPoint target(plotX(layout, targetFraction), y);
    QTest::mousePress(timeline, Qt::LeftButton, {}, edge);
    QTest::mouseMove(timeline, target);
    QTest::mouseRelease(timeline, Qt::LeftButton, {}, target);
}

void TestTimeline::draggingAWindowEdgeMovesIt()
{
    const TimelineLayout layout = timelineOf(mWindow)->currentLayout();
    TimeController *time = mWindow->timeController();
    dragWindowStart(0.4, 0.6, 0.2);
    QCOMPARE(time->window().fromMs, layout.timeForX(plotX(layout, 0.2)));
    QCOMPARE(time->window().toMs, layout.timeForX(plotX(layout, 0.6)));
    QCOMPARE(timelineOf(mWindow)->viewFromMs(), layout.fromMs); // an edge drag is not a pan
}

void TestTimeline::draggingAnEdgeOverTheOtherLeavesTheWindow()
{
    // The start edge dragged past the end once made a window of no length, which hid everything.
    const TimelineLayout layout = timelineOf(mWindow)->currentLayout();
    TimeController *time = mWindow->timeController();
    dragWindowStart(0.4, 0.6, 0.8);
    QCOMPARE(time->window().fromMs, layout.timeForX(plotX(layout, 0.4)));
    QCOMPARE(time->window().toMs, layout.timeForX(plotX(layout, 0.6)));
}

void TestTimeline::doubleClickAndClearTakeTheWindowAway()
{
    TimelineWidget *timeline = timelineOf(mWindow);
    const TimelineLayout layout = timeline->currentLayout();
    TimeController *time = mWindow->timeController();
    const TimeWindow window{layout.timeForX(plotX(layout, 0.3)), layout.timeForX(plotX(layout, 0.7))};
    time->setWindow(window);
    QVERIFY(!mWindow->canvas()->mapSettings().timeWindow().isOpen());

    // A double click outside the band leaves it.
    QTest::mouseDClick(timeline, Qt::LeftButton, {}, QPoint(plotX(layout, 0.1), stripY(layout)));
    QCOMPARE(time->window().fromMs, window.fromMs);
    QTest::mouseDClick(timeline, Qt::LeftButton, {}, QPoint(plotX(layout, 0.5), stripY(layout)));
    QVERIFY(time->window().isOpen());
    QVERIFY(mWindow->canvas()->mapSettings().timeWindow().isOpen());
    QVERIFY(!mWindow->timeActions()->timelineDock()->clearWindowButton()->isVisible());

    time->setWindow(window);
    QToolButton *clear = mWindow->timeActions()->timelineDock()->clearWindowButton();
    QVERIFY(clear->isVisible());
    QTest::mouseClick(clear, Qt::LeftButton);
    QVERIFY(time->window().isOpen());
    QVERIFY(mWindow->canvas()->mapSettings().timeWindow().isOpen());
}

void TestTimeline::clickingAPortCallSelectsItInTheEventsDock()
{
    TimelineWidget *timeline = timelineOf(mWindow);
    const MovementEvent *found = longestCall();
    QVERIFY(found);
    const MovementEvent call = *found;
    // Zoomed so that the call fills the middle half of the plot.
    const std::int64_t length = call.endMs - call.startMs;
    timeline->setView(call.startMs - length / 2, call.endMs + length / 2);
    const TimelineLayout layout = timeline->currentLayout();
    const TimelineLayout::Lane *lane = layout.vesselLane(call.mmsi, timeline->data().lanes);
    QVERIFY(lane);
    const QPoint at(int(std::lround(layout.xForTime(call.startMs + length / 2))),
                    int(std::lround(lane->barRow.center().y())));

    const QString tip = timeline->toolTipAt(at);
    QVERIFY2(tip.contains(call.place) && tip.contains(utcMinutes(call.startMs)), qPrintable(tip));

    EventsPanel *panel = mWindow->analysisActions()->eventsPanel();
    panel->selectEvent(0);
    QVERIFY(panel->currentId() != call.id);
    QTest::mouseClick(timeline, Qt::LeftButton, {}, at);
    QCOMPARE(panel->currentId(), call.id);
    QCOMPARE(mWindow->analysisActions()->eventLayer()->selected(), call.id);
    auto *eventsDock = mWindow->findChild<QDockWidget *>(QStringLiteral("eventsDock"));
    QVERIFY(eventsDock && eventsDock->isVisible());
    // A click on an event is not a click on the lane: the cursor stays.
    QCOMPARE(mWindow->timeController()->cursorMs(), 0);
}

void TestTimeline::clickingASightingSelectsItInTheSightingsDock()
{
    TimelineWidget *timeline = timelineOf(mWindow);
    // The first sighting linked to no vessel: alone at the start of its lane, never pushed aside.
    const TimelineData &data = timeline->data();
    int first = -1;
    for (int i = 0; i < data.sightings.size(); ++i)
        if (data.sightings.at(i).mmsi == 0 &&
            (first < 0 || data.sightings.at(i).ms < data.sightings.at(first).ms))
            first = i;
    QVERIFY(first >= 0);
    const TimelineSighting sighting = data.sightings.at(first);
    const Sighting stored = timeline->sources().sightings.at(sighting.number - 1);
    QCOMPARE(stored.observedAtMs, sighting.ms);
    timeline->setView(sighting.ms - 36 * kHourMs, sighting.ms + 36 * kHourMs);
    const TimelineLayout layout = timeline->currentLayout();
    const auto lane =
        std::find_if(layout.lanes.begin(), layout.lanes.end(), [](const TimelineLayout::Lane &l) {
            return l.kind == TimelineLayout::LaneKind::Sightings;
        });
    QVERIFY(lane != layout.lanes.end());
    const QPoint at(int(std::lround(layout.xForTime(sighting.ms))),
                    int(std::lround(lane->barRow.center().y())));
    const QString tip = timeline->toolTipAt(at);
    QVERIFY2(tip.contains(QStringLiteral("Sighting %1").arg(sighting.number)) && tip.contains(stored.title()),
             qPrintable(tip));

    QTest::mouseClick(timeline, Qt::LeftButton, {}, at);
    QCOMPARE(mWindow->sightingActions()->panel()->currentId(), stored.id);
    auto *dock = mWindow->findChild<QDockWidget *>(QStringLiteral("sightingsDock"));
    QVERIFY(dock && dock->isVisible());
    QCOMPARE(mWindow->timeController()->cursorMs(), 0);
}

void TestTimeline::clickingALaneMovesTheCursor()
{
    TimelineWidget *timeline = timelineOf(mWindow);
    const TimelineLayout layout = timeline->currentLayout();
    const QPoint at(plotX(layout, 0.55), stripY(layout));
    const TimelineWidget::Hit hit = timeline->hitAt(at);
    QVERIFY2(hit.kind == TimelineWidget::Hit::Kind::None,
             qPrintable(QStringLiteral("%1 at %2,%3 unit %4 rect %5 %6 %7 %8")
                            .arg(hit.index)
                            .arg(at.x())
                            .arg(at.y())
                            .arg(timeline->unit())
                            .arg(hit.rect.left())
                            .arg(hit.rect.top())
                            .arg(hit.rect.right())
                            .arg(hit.rect.bottom())));
    QTest::mouseClick(timeline, Qt::LeftButton, {}, at);
    const std::int64_t expected = layout.timeForX(at.x());
    QCOMPARE(mWindow->timeController()->cursorMs(), expected);
    QCOMPARE(mWindow->canvas()->mapSettings().cursorMs(), expected);
    QCOMPARE(mWindow->timeActions()->timelineDock()->cursorLabel()->text(),
             QStringLiteral("Cursor %1 UTC").arg(utcMinutes(expected)));
    // A drag pans and leaves the cursor.
    QTest::mousePress(timeline, Qt::LeftButton, {}, at);
    QTest::mouseMove(timeline, at + QPoint(120, 0));
    QTest::mouseRelease(timeline, Qt::LeftButton, {}, at + QPoint(120, 0));
    QCOMPARE(mWindow->timeController()->cursorMs(), expected);
    QVERIFY(timeline->viewFromMs() < layout.fromMs);
}

void TestTimeline::stepsFromEventToEvent()
{
    TimelineDock *dock = mWindow->timeActions()->timelineDock();
    TimeController *time = mWindow->timeController();
    // The starts of the events drawn in the lanes, worked out here from the event layer.
    std::set<std::uint32_t> lanes;
    for (const TimelineLane &lane : dock->timeline()->data().lanes)
        lanes.insert(lane.mmsi);
    std::set<std::int64_t> starts;
    for (const MovementEvent &e : mWindow->analysisActions()->eventLayer()->events())
        if (lanes.count(e.mmsi) && e.type != EventType::Voyage)
            starts.insert(e.startMs);
    QVERIFY(starts.size() > 4);
    const std::vector<std::int64_t> sorted(starts.begin(), starts.end());

    time->setCursorMs(sorted.at(2) + 1);
    QTest::mouseClick(dock->nextButton(), Qt::LeftButton);
    QCOMPARE(time->cursorMs(), sorted.at(3));
    QTest::mouseClick(dock->nextButton(), Qt::LeftButton);
    QCOMPARE(time->cursorMs(), sorted.at(4));
    QVERIFY(time->window().isOpen()); // no window: none is made

    // A window with a start ends at the event.
    const std::int64_t start = sorted.front() - kHourMs;
    time->setWindow({start, 0});
    QTest::mouseClick(dock->previousButton(), Qt::LeftButton);
    QCOMPARE(time->cursorMs(), sorted.at(3));
    QCOMPARE(time->window().fromMs, start);
    QCOMPARE(time->window().toMs, sorted.at(3));
    QCOMPARE(mWindow->canvas()->mapSettings().timeWindow().toMs, sorted.at(3));

    // At the last one, next stays.
    time->setCursorMs(sorted.back());
    QTest::mouseClick(dock->nextButton(), Qt::LeftButton);
    QCOMPARE(time->cursorMs(), sorted.back());
}

void TestTimeline::playsAtTheChosenSpeed()
{
    TimelineDock *dock = mWindow->timeActions()->timelineDock();
    TimeController *time = mWindow->timeController();
    QComboBox *speed = dock->speedChoice();
    speed->setCurrentIndex(speed->findText(QStringLiteral("1 day/s")));
    QCOMPARE(time->speedMsPerSecond(), 24 * kHourMs);

    const std::int64_t start = time->span().fromMs + 24 * kHourMs;
    time->setCursorMs(start);
    QElapsedTimer clock;
    clock.start();
    QTest::mouseClick(dock->playButton(), Qt::LeftButton);
    QVERIFY(time->isPlaying());
    QTest::qWait(800);
    QTest::mouseClick(dock->playButton(), Qt::LeftButton);
    const qint64 elapsed = clock.elapsed();
    QVERIFY(!time->isPlaying());
    const double advanced = double(time->cursorMs() - start);
    const double expected = 24.0 * kHourMs * double(elapsed) / 1000.0;
    // Ticks come every 100 ms: the last part of a tick is not played.
    QVERIFY2(advanced > 0.6 * expected && advanced <= 1.02 * expected,
             qPrintable(QStringLiteral("advanced %1 h in %2 ms").arg(advanced / kHourMs).arg(elapsed)));
    const std::int64_t paused = time->cursorMs();
    QTest::qWait(250);
    QCOMPARE(time->cursorMs(), paused);

    // Space plays and pauses when the timeline has the focus.
    TimelineWidget *timeline = dock->timeline();
    QTest::keyClick(timeline, Qt::Key_Space);
    QVERIFY(time->isPlaying());
    QTest::keyClick(timeline, Qt::Key_Space);
    QVERIFY(!time->isPlaying());
    speed->setCurrentIndex(speed->findText(QStringLiteral("6 hours/s")));
}

void TestTimeline::theWheelZoomsAroundTheMouse()
{
    TimelineWidget *timeline = timelineOf(mWindow);
    const TimelineLayout before = timeline->currentLayout();
    const QPointF at(plotX(before, 0.25), stripY(before));
    const std::int64_t under = before.timeForX(at.x());
    const auto wheel = [&](int notches) {
        QWheelEvent event(at, timeline->mapToGlobal(at), QPoint(), QPoint(0, 120 * notches), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(timeline, &event);
    };
    wheel(2);
    const TimelineLayout after = timeline->currentLayout();
    const std::int64_t spanBefore = before.toMs - before.fromMs;
    const std::int64_t spanAfter = after.toMs - after.fromMs;
    QVERIFY2(spanAfter < spanBefore * 0.7,
             qPrintable(QStringLiteral("%1 → %2").arg(spanBefore).arg(spanAfter)));
    QVERIFY(after.fromMs > before.fromMs);
    QVERIFY(after.toMs < before.toMs);
    // The time under the mouse stayed there (to a pixel).
    const double msPerPx = double(spanAfter) / after.plot.width();
    QVERIFY2(std::abs(after.timeForX(at.x()) - under) <= msPerPx,
             qPrintable(QStringLiteral("%1 ms off").arg(after.timeForX(at.x()) - under)));
    wheel(-2);
    const TimelineLayout back = timeline->currentLayout();
    QVERIFY(std::abs((back.toMs - back.fromMs) - spanBefore) < spanBefore / 100);
}

void TestTimeline::pickingAVesselGivesItTheOnlyLane()
{
    TimelineDock *dock = mWindow->timeActions()->timelineDock();
    QTableWidget *vessels = mWindow->layerActions()->vesselPanel()->table();
    int row = -1;
    for (int r = 0; r < vessels->rowCount(); ++r)
        if (vessels->item(r, 1)->text() == QStringLiteral("273219530"))
            row = r;
    QVERIFY(row >= 0);
    QVERIFY(!dock->allVesselsButton()->isVisible());
    mWindow->findChild<QDockWidget *>(QStringLiteral("vesselsDock"))->raise();
    QApplication::processEvents();
    QTest::mouseClick(vessels->viewport(), Qt::LeftButton, {},
                      vessels->visualRect(vessels->model()->index(row, 0)).center());
    QCOMPARE(dock->vessels(), QSet<std::uint32_t>{273219530});
    QCOMPARE(dock->timeline()->data().lanes.size(), 1);
    QCOMPARE(dock->timeline()->data().lanes.front().label, QStringLiteral("MARIA (273219530)"));
    QVERIFY(dock->allVesselsButton()->isVisible());
    QTest::mouseClick(dock->allVesselsButton(), Qt::LeftButton);
    QCOMPARE(dock->timeline()->data().lanes.size(), 2);
    QVERIFY(test::waitForIdle(mWindow));
}
