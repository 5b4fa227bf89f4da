#include "analysis/testanalysis.h"

#include "support/casewindow.h"

#include "berthscenario.h"

#include "geo/transform.h"
#include "layers/eventlayer.h"
#include "layers/layerstack.h"
#include "layers/tracklayer.h"
#include "project/project.h"
#include "ui/analysis/analysisactions.h"
#include "ui/analysis/analysisdialog.h"
#include "ui/analysis/eventspanel.h"
#include "ui/analysis/eventtablemodel.h"
#include "ui/common/datetimefield.h"
#include "ui/common/messagebar.h"
#include "ui/map/identifypanel.h"
#include "ui/map/mapactions.h"
#include "ui/map/mapcanvas.h"
#include "ui/project/projectcontroller.h"
#include "ui/shell/mainwindow.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>

using namespace sightline;

namespace {
const QString kDemo = QStringLiteral(SIGHTLINE_DEMO_DIR);
constexpr std::uint32_t kAngara = 273145020;

QRectF viewWgs84(const MapCanvas *canvas)
{
    const MapSettings s = canvas->mapSettings();
    return Transform(s.destinationCrs(), Crs::wgs84()).forwardBounds(s.visibleExtent(), 21);
}

int rowsShown(const EventsPanel *panel)
{
    return panel->table()->model()->rowCount();
}
} // namespace

void TestAnalysis::initTestCase()
{
    QVERIFY(mDir.isValid());
}

void TestAnalysis::init()
{
    mWindow = new MainWindow();
    mWindow->resize(1200, 800);
    mWindow->show();
    QVERIFY(QTest::qWaitForWindowExposed(mWindow));
}

void TestAnalysis::cleanup()
{
    delete mWindow;
    mWindow = nullptr;
}

bool TestAnalysis::waitForIdle()
{
    return test::waitForIdle(mWindow);
}

QString TestAnalysis::openCaseInNewProject(const QString &name)
{
    return test::openCaseInNewProject(mWindow, mDir, name);
}

void TestAnalysis::runFromMenu(const QString &kind, const std::function<void(AnalysisDialog *)> &fill)
{
    bool seen = false;
    QTimer::singleShot(0, mWindow, [&] {
        auto *dialog = qobject_cast<AnalysisDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        seen = true;
        fill(dialog);
        auto *buttons = dialog->findChild<QDialogButtonBox *>();
        QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    });
    auto *action = mWindow->findChild<QAction *>(QStringLiteral("actionAnalyze_") + kind);
    QVERIFY2(action, qPrintable(kind));
    action->trigger();
    QVERIFY2(seen, "the analysis dialog did not open");
    // The analysis runs on a worker thread; its events are stored when it returns.
    QTRY_VERIFY_WITH_TIMEOUT(!mWindow->analysisActions()->isRunning(), 60000);
}

void TestAnalysis::findsTheCaseDarkPeriodsAndRoundTripsThroughTheMenu()
{
    const QString path = openCaseInNewProject(QStringLiteral("analysis.gpkg"));
    QVERIFY(!path.isEmpty());
    EventsPanel *panel = mWindow->analysisActions()->eventsPanel();
    QCOMPARE(rowsShown(panel), 0);

    // Gaps at the default threshold, with the ports layer ticked for itself (its name says "port").
    runFromMenu(QStringLiteral("gaps"), [](AnalysisDialog *d) {
        QCOMPARE(d->field(QStringLiteral("min-gap"))->value(), 12.0);
        QCOMPARE(d->portSources()->count(), 1);
        QCOMPARE(d->portSources()->item(0)->checkState(), Qt::Checked);
        QCOMPARE(d->ports().size(), std::size_t(4));
    });
    QVERIFY2(mWindow->messageBar()->text().contains(QStringLiteral("20 × gap")),
             qPrintable(mWindow->messageBar()->text()));
    QCOMPARE(rowsShown(panel), 20);
    auto layer = mWindow->analysisActions()->eventLayer();
    QVERIFY(layer);
    QVERIFY(mWindow->layers()->indexOf(layer->id()) >= 0);
    QCOMPARE(layer->events().size(), std::size_t(20));

    // Raising the threshold replaces the answer (no duplicates), and the dialog shows the change.
    runFromMenu(QStringLiteral("gaps"),
                [](AnalysisDialog *d) { d->field(QStringLiteral("min-gap"))->setValue(70); });
    const int longOnes = rowsShown(panel);
    QVERIFY(longOnes > 0 && longOnes < 20);

    // Round trips between Rajin and Dunai, chosen in the dialog.
    runFromMenu(QStringLiteral("voyages"), [](AnalysisDialog *d) {
        QComboBox *a = d->roundTripPort(0), *b = d->roundTripPort(1);
        a->setCurrentIndex(a->findText(QStringLiteral("Rajin (Rason) port")));
        b->setCurrentIndex(b->findText(QStringLiteral("Dunai port")));
    });
    const QString message = mWindow->messageBar()->text();
    QVERIFY2(message.contains(QStringLiteral("20 × round trip")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("ANGARA (273145020) 10")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("MARIA (273219530) 10")), qPrintable(message));
    QVERIFY(message.contains(QStringLiteral("Saved in the project")));

    // All of it is in the project file, with the parameters that produced it.
    mWindow->projectController()->closeProject();
    auto project = Project::open(path, Project::Mode::ReadOnly, nullptr);
    QVERIFY(project);
    int gaps = 0, trips = 0;
    for (const MovementEvent &e : project->events()) {
        if (e.type == EventType::Gap) {
            ++gaps;
            QCOMPARE(e.parameters.value(QStringLiteral("min_gap_h")).toDouble(), 70.0);
        }
        trips += e.type == EventType::RoundTrip;
    }
    QCOMPARE(gaps, longOnes);
    QCOMPARE(trips, 20);
    QCOMPARE(project->analysisRuns().size(), 3);
    project.reset();

    // Reopened, the events are back in the dock and on the map.
    QVERIFY(mWindow->openProject(path));
    QVERIFY(waitForIdle());
    panel->showType(std::nullopt);
    QCOMPARE(rowsShown(panel), longOnes + 20 + 20);
    QVERIFY(mWindow->analysisActions()->eventLayer());
}

void TestAnalysis::eventsDockFiltersByTypeVesselAndTimeAndZoomsToTheEvent()
{
    QVERIFY(!openCaseInNewProject(QStringLiteral("filters.gpkg")).isEmpty());
    runFromMenu(QStringLiteral("gaps"), [](AnalysisDialog *) {});
    runFromMenu(QStringLiteral("port-calls"), [](AnalysisDialog *) {});
    EventsPanel *panel = mWindow->analysisActions()->eventsPanel();
    auto layer = mWindow->analysisActions()->eventLayer();

    // The last run's type is shown; "All types" shows both.
    panel->typeFilter()->setCurrentIndex(0);
    const int all = rowsShown(panel);
    QVERIFY(all > 20);
    panel->typeFilter()->setCurrentIndex(panel->typeFilter()->findText(QStringLiteral("Gap")));
    QCOMPARE(rowsShown(panel), 20);
    // The map draws what the dock shows.
    std::size_t drawn = 0;
    for (const MovementEvent &e : layer->events())
        drawn += layer->isShown(e.id);
    QCOMPARE(drawn, std::size_t(20));

    QTest::keyClicks(panel->vesselFilter(), QStringLiteral("MARIA"));
    QCOMPARE(rowsShown(panel), 10);
    panel->vesselFilter()->clear();
    QTest::keyClicks(panel->vesselFilter(), QStringLiteral("273145020"));
    QCOMPARE(rowsShown(panel), 10);
    panel->vesselFilter()->clear();

    // September only: the gaps that overlap it.
    QTest::mouseClick(panel->timeWindow(), Qt::LeftButton);
    QVERIFY(panel->timeWindow()->isChecked());
    panel->windowFrom()->lineEdit()->selectAll();
    QTest::keyClicks(panel->windowFrom()->lineEdit(), QStringLiteral("1 Sep 2023"));
    panel->windowTo()->lineEdit()->selectAll();
    QTest::keyClicks(panel->windowTo()->lineEdit(), QStringLiteral("30/09/2023 23:59"));
    const int september = rowsShown(panel);
    QVERIFY(september > 4 && september < 20);
    for (int r = 0; r < september; ++r) {
        const QString start = panel->table()->model()->index(r, 2).data().toString();
        const QString end = panel->table()->model()->index(r, 3).data().toString();
        QVERIFY2(start <= QStringLiteral("2023-09-30 23:59") && end >= QStringLiteral("2023-09-01"),
                 qPrintable(start + QStringLiteral(" – ") + end));
    }
    QTest::mouseClick(panel->timeWindow(), Qt::LeftButton);
    QCOMPARE(rowsShown(panel), 20);

    // Clicking a row frames the event and selects it on the map; the details give the evidence.
    mWindow->canvas()->zoomToWgs84(QRectF(100, 0, 10, 10));
    QVERIFY(waitForIdle());
    QTableView *table = panel->table();
    const QRect cell = table->visualRect(table->model()->index(0, 1));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    const std::int64_t id = panel->currentId();
    QVERIFY(id != 0);
    QCOMPARE(layer->selected(), id);
    QVERIFY(waitForIdle());
    const MovementEvent *picked = nullptr;
    for (const MovementEvent &e : layer->events())
        if (e.id == id)
            picked = &e;
    QVERIFY(picked);
    QVERIFY(viewWgs84(mWindow->canvas()).contains(picked->from));
    const QString details = panel->details()->toPlainText();
    QVERIFY2(details.contains(QStringLiteral("Heading toward")) && details.contains(QStringLiteral("Rajin")),
             qPrintable(details));
    // The thresholds in words and units, not their keys ("Min gap h").
    QVERIFY2(details.contains(QStringLiteral("Shortest gap")) && details.contains(QStringLiteral("12 h")),
             qPrintable(details));
}

void TestAnalysis::clickingAnEventOnTheMapSelectsItInTheDock()
{
    QVERIFY(!openCaseInNewProject(QStringLiteral("click.gpkg")).isEmpty());
    runFromMenu(QStringLiteral("port-calls"),
                [](AnalysisDialog *d) { d->flag(QStringLiteral("infer"))->setChecked(false); });
    EventsPanel *panel = mWindow->analysisActions()->eventsPanel();
    auto layer = mWindow->analysisActions()->eventLayer();
    const MovementEvent *call = nullptr;
    for (const MovementEvent &e : layer->events())
        if (e.type == EventType::PortCall && e.mmsi == kAngara && e.place == QStringLiteral("Dunai port"))
            call = &e;
    QVERIFY(call);
    MapCanvas *canvas = mWindow->canvas();
    canvas->zoomToWgs84(QRectF(call->from.x() - 0.05, call->from.y() - 0.03, 0.1, 0.06));
    QVERIFY(waitForIdle());
    panel->table()->clearSelection();
    mWindow->findChild<QAction *>(QStringLiteral("actionIdentify"))->trigger();
    const QPointF at = canvas->toWidget(Transform(Crs::wgs84(), canvas->crs()).forward(call->from));
    QTest::mouseClick(canvas, Qt::LeftButton, {}, at.toPoint());
    const std::int64_t picked = panel->currentId();
    QVERIFY(picked != 0);
    for (const MovementEvent &e : layer->events())
        if (e.id == picked)
            QCOMPARE(e.type, EventType::PortCall);
    QCOMPARE(layer->selected(), picked);
}

void TestAnalysis::findsStopsWithTheDiameterAndDurationTyped()
{
    const QString path = openCaseInNewProject(QStringLiteral("stops.gpkg"));
    QVERIFY(!path.isEmpty());
    runFromMenu(QStringLiteral("stops"), [](AnalysisDialog *d) {
        QDoubleSpinBox *diameter = d->field(QStringLiteral("max-diameter"));
        QDoubleSpinBox *duration = d->field(QStringLiteral("min-duration"));
        QVERIFY(diameter && duration);
        QCOMPARE(diameter->value(), 500.0);
        QCOMPARE(duration->value(), 1.0);
        // Typed as an analyst types them: select the old value, type the new one.
        for (const auto &[box, text] : {std::pair{diameter, QStringLiteral("300")},
                                        std::pair{duration, QStringLiteral("2")}}) {
            box->setFocus();
            QTest::keyClick(box, Qt::Key_A, Qt::ControlModifier);
            QTest::keyClicks(box, text);
            QTest::keyClick(box, Qt::Key_Tab);
        }
        QCOMPARE(diameter->value(), 300.0);
        QCOMPARE(duration->value(), 2.0);
        QCOMPARE(d->request().stops.maxDiameterM, 300.0);
    });
    auto layer = mWindow->analysisActions()->eventLayer();
    QVERIFY(layer);
    QVERIFY(!layer->events().empty());
    for (const MovementEvent &e : layer->events()) {
        QCOMPARE(e.type, EventType::Stop);
        QVERIFY(e.durationHours() >= 2.0);
        QVERIFY(e.details.value(QStringLiteral("diameter_m")).toDouble() <= 300.0);
        QCOMPARE(e.parameters.value(QStringLiteral("max_diameter_m")).toDouble(), 300.0);
    }
    EventsPanel *panel = mWindow->analysisActions()->eventsPanel();
    QCOMPARE(rowsShown(panel), int(layer->events().size()));
    // The dock labels the type as a person reads it.
    bool labelled = false;
    for (int column = 0; column < panel->table()->model()->columnCount(); ++column)
        labelled = labelled || panel->table()->model()->index(0, column).data().toString() == QStringLiteral("Stop");
    QVERIFY(labelled);
}

void TestAnalysis::gapsShowTheirLikelyCauseWithTheDialogsReceptionThresholds()
{
    QVERIFY(!openCaseInNewProject(QStringLiteral("cause.gpkg")).isEmpty());
    // The reception thresholds are in the dialog with their defaults, and typed ones are used.
    runFromMenu(QStringLiteral("gaps"), [](AnalysisDialog *d) {
        QDoubleSpinBox *cell = d->field(QStringLiteral("reception-cell"));
        QVERIFY(cell);
        QCOMPARE(cell->value(), 0.25);
        QDoubleSpinBox *score = d->field(QStringLiteral("switched-off-score"));
        QVERIFY(score);
        QCOMPARE(score->value(), 0.5);
        score->setFocus();
        score->selectAll();
        QTest::keyClicks(score, QStringLiteral("0.2"));
        QTest::keyClick(score, Qt::Key_Tab);
        QCOMPARE(score->value(), 0.2);
    });
    EventsPanel *panel = mWindow->analysisActions()->eventsPanel();
    auto layer = mWindow->analysisActions()->eventLayer();
    QCOMPARE(rowsShown(panel), 20);
    QAbstractItemModel *model = panel->table()->model();
    QCOMPARE(model->headerData(EventTableModel::Cause, Qt::Horizontal).toString(),
             QStringLiteral("Likely cause"));
    for (int r = 0; r < rowsShown(panel); ++r) {
        const std::int64_t id = model->index(r, 0).data(EventTableModel::kIdRole).toLongLong();
        const MovementEvent *gap = nullptr;
        for (const MovementEvent &e : layer->events())
            if (e.id == id)
                gap = &e;
        QVERIFY(gap);
        QCOMPARE(gap->parameters.value(QStringLiteral("switched_off_score")).toDouble(), 0.2);
        const QString cause = gap->details.value(QStringLiteral("likely_cause")).toString();
        QVERIFY2(cause == QStringLiteral("switched_off") || cause == QStringLiteral("out_of_coverage") ||
                     cause == QStringLiteral("unknown"),
                 qPrintable(cause));
        // "switched off (0.62)": the cause in words, and the score.
        const QString shown = model->index(r, EventTableModel::Cause).data().toString();
        QVERIFY2(shown.startsWith(QString(cause).replace(QLatin1Char('_'), QLatin1Char(' '))),
                 qPrintable(shown));
        QVERIFY2(shown.contains(QString::number(
                     gap->details.value(QStringLiteral("disabling_score")).toDouble(), 'f', 2)),
                 qPrintable(shown));
    }
    // A click on a gap gives the evidence in the details.
    QTableView *table = panel->table();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(model->index(0, 1)).center());
    QVERIFY(panel->currentId() != 0);
    QCOMPARE(layer->selected(), panel->currentId());
    const QString details = panel->details()->toPlainText();
    QVERIFY2(details.contains(QStringLiteral("Likely cause")) &&
                 details.contains(QStringLiteral("Disabling score")) &&
                 details.contains(QStringLiteral("shaded on the map")),
             qPrintable(details));
}

void TestAnalysis::identifyNamesWhyTheCleaningSetAPositionAside()
{
    using test::BerthScenario;
    const auto [csv, ports] = BerthScenario::write(mDir.path());
    QVERIFY(!csv.isEmpty());
    mWindow->openFiles({csv, ports});
    QTRY_COMPARE_WITH_TIMEOUT(mWindow->layers()->count(), 2, 20000);
    QVERIFY(waitForIdle());
    const QString path = mDir.filePath(QStringLiteral("cleaning.gpkg"));
    QFile::remove(path);
    QVERIFY(mWindow->projectController()->newProject(path));

    runFromMenu(QStringLiteral("port-calls"), [](AnalysisDialog *d) {
        QVERIFY(d->flag(QStringLiteral("clean"))->isChecked());
        QCOMPARE(d->field(QStringLiteral("clean-max-speed"))->value(), 50.0);
    });
    const QString message = mWindow->messageBar()->text();
    QVERIFY2(message.contains(QStringLiteral("1 × port call")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("1 position(s) set aside by the cleaning")), qPrintable(message));

    auto trackLayer = [this] {
        std::shared_ptr<TrackLayer> found;
        for (const auto &layer : mWindow->layers()->layers())
            if (auto t = std::dynamic_pointer_cast<TrackLayer>(layer))
                found = t;
        return found;
    };
    // Identify with a real click on the bad fix, 3,800 km from the berth.
    auto identifyOutlier = [&] {
        MapCanvas *canvas = mWindow->canvas();
        const QPointF outlier(BerthScenario::kOutlierLon, BerthScenario::kOutlierLat);
        canvas->centerOnWgs84(outlier, 50);
        QVERIFY(waitForIdle());
        mWindow->findChild<QAction *>(QStringLiteral("actionIdentify"))->trigger();
        const QPointF at = canvas->toWidget(Transform(Crs::wgs84(), canvas->crs()).forward(outlier));
        QTest::mouseClick(canvas, Qt::LeftButton, {}, at.toPoint() + QPoint(1, 1));
        IdentifyPanel *panel = mWindow->mapActions()->identifyPanel();
        QString reason;
        for (int r = 0; r < panel->table()->rowCount(); ++r)
            if (panel->table()->item(r, 0)->text() == QStringLiteral("Set aside by the cleaning"))
                reason = panel->table()->item(r, 1)->text();
        QVERIFY2(reason.contains(QStringLiteral("off the track once")), qPrintable(panel->title()));
        QVERIFY(reason.contains(QStringLiteral("(outlier)")));
        QVERIFY2(panel->title().contains(QStringLiteral("BERTH TEST")), qPrintable(panel->title()));
    };
    QVERIFY(trackLayer() && trackLayer()->cleaning());
    QCOMPARE(trackLayer()->cleaning()->markedCount, std::size_t(1));
    identifyOutlier();
    if (QTest::currentTestFailed())
        return;

    // Reopened, the marks are computed again with the cleaning the project's last run recorded.
    mWindow->projectController()->closeProject();
    QVERIFY(mWindow->openProject(path));
    QTRY_VERIFY_WITH_TIMEOUT(trackLayer() != nullptr, 20000);
    QVERIFY(waitForIdle());
    QVERIFY(trackLayer()->cleaning());
    QCOMPARE(trackLayer()->cleaning()->markedCount, std::size_t(1));
    identifyOutlier();
}
