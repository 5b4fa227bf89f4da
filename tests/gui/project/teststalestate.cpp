#include "project/teststalestate.h"

#include "support/casewindow.h"

#include "geo/transform.h"
#include "model/sighting.h"
#include "layers/vectorlayer.h"
#include "ui/analysis/analysisactions.h"
#include "ui/analysis/analysisdialog.h"
#include "ui/analysis/eventspanel.h"
#include "ui/analysis/eventtablemodel.h"
#include "ui/common/messagebar.h"
#include "ui/layers/attributetable.h"
#include "ui/layers/layeractions.h"
#include "ui/layers/layerpanel.h"
#include "ui/map/identifypanel.h"
#include "ui/map/mapactions.h"
#include "ui/map/measurepanel.h"
#include "ui/map/measuretool.h"
#include "ui/time/timecontroller.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QUndoStack>

using namespace sightline;

void TestStaleState::initTestCase()
{
    QVERIFY(mDir.isValid());
}

void TestStaleState::init()
{
    mWindow = new MainWindow();
    mWindow->resize(1200, 800);
    mWindow->show();
    QVERIFY(QTest::qWaitForWindowExposed(mWindow));
}

void TestStaleState::cleanup()
{
    delete mWindow;
    mWindow = nullptr;
}

QString TestStaleState::caseWithGaps(const QString &name)
{
    const QString path = test::openCaseInNewProject(mWindow, mDir, name);
    if (path.isEmpty())
        return {};
    QTimer::singleShot(0, mWindow, [] {
        if (auto *dialog = qobject_cast<AnalysisDialog *>(QApplication::activeModalWidget()))
            QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                              Qt::LeftButton);
    });
    mWindow->findChild<QAction *>(QStringLiteral("actionAnalyze_gaps"))->trigger();
    EventsPanel *panel = mWindow->analysisActions()->eventsPanel();
    if (!QTest::qWaitFor([panel] { return panel->table()->model()->rowCount() > 0; }, 30000))
        return {};
    return test::waitForIdle(mWindow) ? path : QString();
}

void TestStaleState::closeAndOpenLeaveNothingOfTheFirstProject()
{
    // B: the case with its gaps, closed; then A, the same case, the one worked in.
    const QString b = caseWithGaps(QStringLiteral("b.gpkg"));
    QVERIFY(!b.isEmpty());
    mWindow->findChild<QAction *>(QStringLiteral("actionCloseProject"))->trigger();
    QCOMPARE(mWindow->layers()->count(), 0);
    QVERIFY(!caseWithGaps(QStringLiteral("a.gpkg")).isEmpty());

    // In A: a port identified on the map, the ports' attribute table open and filtered, a message.
    std::shared_ptr<VectorLayer> ports;
    for (const auto &layer : mWindow->layers()->layers())
        if (auto v = std::dynamic_pointer_cast<VectorLayer>(layer))
            ports = v;
    QVERIFY(ports);
    const QPointF port = ports->data().features().front().bounds.center();
    MapCanvas *canvas = mWindow->canvas();
    canvas->zoomToWgs84(QRectF(port.x() - 0.05, port.y() - 0.03, 0.1, 0.06));
    QVERIFY(test::waitForIdle(mWindow));
    mWindow->findChild<QAction *>(QStringLiteral("actionIdentify"))->trigger();
    QTest::mouseClick(canvas, Qt::LeftButton, {},
                      canvas->toWidget(Transform(Crs::wgs84(), canvas->crs()).forward(port)).toPoint());
    IdentifyPanel *identify = mWindow->mapActions()->identifyPanel();
    const QString hint = [] { IdentifyPanel fresh; return fresh.title(); }();
    QVERIFY(identify->title() != hint);

    mWindow->layerPanel()->selectLayer(ports->id());
    mWindow->findChild<QAction *>(QStringLiteral("actionAttributeTable"))->trigger();
    AttributeTable *table = mWindow->layerActions()->attributeTable();
    QVERIFY(table->view()->model()->rowCount() > 0);
    QTest::keyClicks(table->filter(), QStringLiteral("a"));
    QVERIFY(!mWindow->messageBar()->text().isEmpty()); // "20 × gap …"
    QVERIFY(mWindow->undoStack()->count() > 0);

    // A time cursor and window on A's data (a click on the timeline's axis sets the cursor), and a
    // distance being measured on its map.
    TimeController *time = mWindow->timeController();
    const std::int64_t inCase = parseUtcIso(QStringLiteral("2023-10-05T10:19:00Z"));
    time->setCursorMs(inCase);
    time->setWindow(TimeWindow{inCase - 86'400'000, inCase + 86'400'000});
    MeasureTool *measure = mWindow->mapActions()->measureTool();
    measure->startAt(port);
    QVERIFY(!measure->measurement().lonLat.empty());
    QVERIFY(mWindow->mapActions()->measurePanel()->resultText().contains(QStringLiteral("Length")));

    // Close: nothing of A is left.
    mWindow->findChild<QAction *>(QStringLiteral("actionCloseProject"))->trigger();
    QCOMPARE(time->cursorMs(), std::int64_t(0));
    QVERIFY(time->window().isOpen());
    QVERIFY(measure->measurement().lonLat.empty());
    QVERIFY2(!mWindow->mapActions()->measurePanel()->resultText().contains(QStringLiteral("Length")),
             qPrintable(mWindow->mapActions()->measurePanel()->resultText()));
    QCOMPARE(identify->title(), hint);
    QCOMPARE(identify->table()->rowCount(), 0);
    QCOMPARE(table->view()->model()->rowCount(), 0);
    QVERIFY(table->filter()->text().isEmpty());
    QCOMPARE(mWindow->messageBar()->text(), QString());
    QCOMPARE(mWindow->undoStack()->count(), 0);
    EventsPanel *events = mWindow->analysisActions()->eventsPanel();
    QCOMPARE(events->table()->model()->rowCount(), 0);

    // Open B: its own events, its vessels named (not bare MMSIs) once its tracks are read.
    QVERIFY(mWindow->openProject(b));
    QVERIFY(test::waitForIdle(mWindow));
    QCOMPARE(identify->table()->rowCount(), 0);
    QCOMPARE(table->view()->model()->rowCount(), 0);
    QCOMPARE(mWindow->undoStack()->count(), 0);
    QTableView *view = events->table();
    QTRY_VERIFY(view->model()->rowCount() > 0);
    int widest = 0;
    for (int r = 0; r < view->model()->rowCount(); ++r) {
        const QString vessel = view->model()->index(r, EventTableModel::Vessel).data().toString();
        bool number = false;
        vessel.toULongLong(&number);
        QVERIFY2(!number && vessel.contains(QLatin1Char('(')), qPrintable(vessel));
        widest = std::max(widest, view->fontMetrics().horizontalAdvance(vessel));
    }
    // The column was measured for the names, not for the MMSIs the table had while B's tracks were
    // still being read: no name is cut short.
    QVERIFY2(view->columnWidth(EventTableModel::Vessel) >= widest,
             qPrintable(QStringLiteral("%1 < %2").arg(view->columnWidth(EventTableModel::Vessel)).arg(widest)));
}
