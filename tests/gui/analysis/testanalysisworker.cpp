#include "analysis/testanalysisworker.h"

#include "support/casewindow.h"
#include "support/eventloopmeter.h"

#include "analysis/movementanalysis.h"
#include "analysis/portset.h"
#include "layers/eventlayer.h"
#include "layers/layerstack.h"
#include "layers/tracklayer.h"
#include "project/project.h"
#include "project/projectsession.h"
#include "tracks/trackstore.h"
#include "tracks/vesselregistry.h"
#include "ui/analysis/analysisactions.h"
#include "ui/analysis/analysisdialog.h"
#include "ui/common/backgroundtask.h"
#include "ui/common/messagebar.h"
#include "ui/project/projectcontroller.h"
#include "ui/shell/mainwindow.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QProgressBar>
#include <QPushButton>
#include <QTest>
#include <QTimer>
#include <QToolButton>

#include <algorithm>
#include <tuple>

using namespace sightline;

namespace {

constexpr std::int64_t kStartMs = 1696118400000; // 2023-10-01T00:00Z
constexpr std::int64_t kHalfHourMs = 30 * 60 * 1000;

/// `vessels` ships drifting at a knot on a grid 3 km apart for `days`, a fix every half hour; every
/// tenth has a companion 200 m off it the whole time (one encounter each), the rest meet nobody.
std::shared_ptr<TrackStore> crowd(int vessels, int days)
{
    auto store = std::make_shared<TrackStore>();
    const int side = int(std::ceil(std::sqrt(double(vessels))));
    const std::int64_t fixes = std::int64_t(days) * 48;
    auto sail = [&](std::uint32_t mmsi, double lon, double lat) {
        for (std::int64_t k = 0; k < fixes; ++k) {
            // A knot north-east: 1852 m an hour, about 1.2e-5° of latitude a minute.
            const double drift = double(k) * 30 * 1.2e-5;
            TrackStore::Position p{mmsi, kStartMs + k * kHalfHourMs, lon + drift, lat + drift};
            p.sog = 1.0;
            store->append(p);
        }
    };
    for (int v = 0; v < vessels; ++v) {
        const double lon = 130.5 + (v % side) * 0.04, lat = 41.0 + (v / side) * 0.03;
        sail(std::uint32_t(200000000 + v), lon, lat);
        if (v % 10 == 0)
            sail(std::uint32_t(300000000 + v), lon + 0.0024, lat); // 200 m east
    }
    store->finalize();
    return store;
}

/// What identifies an event, whatever id a project gave it.
auto eventKey(const MovementEvent &e)
{
    return std::make_tuple(int(e.type), e.mmsi, e.otherMmsi, e.startMs, e.endMs, e.place);
}

std::vector<MovementEvent> sortedByKey(std::vector<MovementEvent> events)
{
    std::sort(events.begin(), events.end(),
              [](const MovementEvent &a, const MovementEvent &b) { return eventKey(a) < eventKey(b); });
    return events;
}

} // namespace

void TestAnalysisWorker::initTestCase()
{
    QVERIFY(mDir.isValid());
    // Large enough that a direct run takes a good part of a second here, so the UI has something to
    // stay responsive through and Cancel something to stop; doubled until it does.
    AnalysisRequest request;
    request.kind = AnalysisKind::Encounters;
    for (int vessels = 400; vessels <= 6400; vessels *= 2) {
        mCrowd = crowd(vessels, 30);
        QElapsedTimer timer;
        timer.start();
        const AnalysisResult direct = runAnalysis(request, *mCrowd, PortSet());
        mDirectRunMs = timer.elapsed();
        QVERIFY(!direct.events.empty());
        if (mDirectRunMs >= 600)
            break;
    }
    qInfo("Find Encounters on %zu positions takes %lld ms run directly", mCrowd->positionCount(),
          mDirectRunMs);
    QVERIFY2(mDirectRunMs >= 300, "the generated crowd is too small to measure anything");
}

void TestAnalysisWorker::init()
{
    mWindow = new MainWindow();
    mWindow->resize(1200, 800);
    mWindow->show();
    QVERIFY(QTest::qWaitForWindowExposed(mWindow));
}

void TestAnalysisWorker::cleanup()
{
    delete mWindow;
    mWindow = nullptr;
}

QString TestAnalysisWorker::newProjectWithCrowd(const QString &name)
{
    const QString path = mDir.filePath(name);
    QFile::remove(path);
    if (!mWindow->projectController()->newProject(path))
        return {};
    // A layer made here, not read from a file: the project keeps no entry for it ("<…>").
    auto layer = std::make_shared<TrackLayer>(QStringLiteral("Crowd"), QStringLiteral("<generated crowd>"),
                                              mCrowd, std::make_shared<VesselRegistry>());
    mWindow->layers()->add(layer);
    return test::waitForIdle(mWindow) ? path : QString();
}

bool TestAnalysisWorker::startEncounters()
{
    bool seen = false;
    QTimer::singleShot(0, mWindow, [&] {
        auto *dialog = qobject_cast<AnalysisDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        seen = true;
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
    });
    auto *action = mWindow->findChild<QAction *>(QStringLiteral("actionAnalyze_encounters"));
    if (!action)
        return false;
    action->trigger();
    return seen;
}

void TestAnalysisWorker::theWindowStaysResponsiveAndTheEventsMatchADirectRun()
{
    QVERIFY(!newProjectWithCrowd(QStringLiteral("responsive.gpkg")).isEmpty());
    AnalysisActions *actions = mWindow->analysisActions();
    // From the menu entry through the dialog's Find to the run's end.
    bool opened = false, progressShown = false;
    const test::EventLoopGaps gaps =
        test::measureEventLoop([&] { opened = startEncounters(); },
                               [&] {
                                   // Progress and Cancel in the status bar.
                                   progressShown |= actions->task()->statusStrip()->isVisible() &&
                                                    actions->task()->cancelButton()->isVisible();
                                   return actions->isRunning();
                               },
                               actions->task(), 60000);
    QVERIFY2(opened, "the analysis dialog did not open");
    QVERIFY(!gaps.timedOut);
    qInfo("the event loop turned %zu times in %lld ms of analysis; longest gap %lld ms, %d over 50 ms",
          gaps.gapsMs.size(), gaps.spanMs, gaps.longest(), gaps.over(50));
    // A run on the UI thread would show as one gap as long as the run (mDirectRunMs ≥ 300 ms).
    QVERIFY2(gaps.spanMs >= 100, "the analysis finished too soon to measure");
    QVERIFY2(gaps.isResponsive(),
             qPrintable(QStringLiteral("the UI stalled: %1 turns over 50 ms, the longest %2 ms")
                            .arg(gaps.over(50))
                            .arg(gaps.longest())));
    QVERIFY2(progressShown, "no progress and Cancel showed while the work ran");

    QTRY_VERIFY(!actions->isRunning());
    QVERIFY(!actions->task()->statusStrip()->isVisible());
    QVERIFY2(mWindow->messageBar()->text().contains(QStringLiteral("× encounter")),
             qPrintable(mWindow->messageBar()->text()));

    // The same events as the analysis run directly on the same positions, and kept in the project.
    AnalysisRequest request;
    request.kind = AnalysisKind::Encounters;
    const std::vector<MovementEvent> direct = sortedByKey(runAnalysis(request, *mCrowd, PortSet()).events);
    const std::vector<MovementEvent> stored =
        sortedByKey(mWindow->projectController()->session()->project().events());
    QCOMPARE(stored.size(), direct.size());
    QVERIFY(!direct.empty());
    for (std::size_t i = 0; i < direct.size(); ++i) {
        QVERIFY(eventKey(stored[i]) == eventKey(direct[i]));
        QVERIFY(std::abs(stored[i].from.x() - direct[i].from.x()) < 1e-9);
        QVERIFY(std::abs(stored[i].to.y() - direct[i].to.y()) < 1e-9);
        QCOMPARE(stored[i].details, direct[i].details);
    }
    QCOMPARE(mWindow->analysisActions()->eventLayer()->events().size(), direct.size());
}

void TestAnalysisWorker::cancelStopsTheRunAndStoresNothing()
{
    QVERIFY(!newProjectWithCrowd(QStringLiteral("cancel.gpkg")).isEmpty());
    AnalysisActions *actions = mWindow->analysisActions();
    QVERIFY2(startEncounters(), "the analysis dialog did not open");
    QVERIFY(actions->isRunning());
    // Some of the way in, the analyst presses Cancel in the status bar.
    QTest::qWait(50);
    QVERIFY2(actions->isRunning(), "the run ended before it could be cancelled");
    QToolButton *cancel = actions->task()->cancelButton();
    QVERIFY(cancel->isVisible() && cancel->isEnabled());
    QElapsedTimer sinceCancel;
    sinceCancel.start();
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!actions->isRunning(), 10000);
    const qint64 stoppedMs = sinceCancel.elapsed();
    qInfo("stopped %lld ms after Cancel, at %d‰ (a whole run takes %lld ms)", stoppedMs,
          actions->task()->lastProgress(), mDirectRunMs);
    QVERIFY2(actions->task()->lastProgress() < 1000, "the run went on to its end");

    // Nothing of it was kept: no events, no run, no event layer; the message says so.
    const Project &project = mWindow->projectController()->session()->project();
    QVERIFY(project.events().empty());
    QVERIFY(project.analysisRuns().isEmpty());
    QVERIFY(mWindow->projectController()->events().empty());
    QVERIFY(!actions->eventLayer());
    QVERIFY2(mWindow->messageBar()->text().contains(QStringLiteral("cancelled")),
             qPrintable(mWindow->messageBar()->text()));
    QVERIFY(!actions->task()->statusStrip()->isVisible());
}

void TestAnalysisWorker::closingTheProjectOrTheWindowWhileItRunsIsSafe()
{
    const QString path = newProjectWithCrowd(QStringLiteral("close.gpkg"));
    QVERIFY(!path.isEmpty());
    AnalysisActions *actions = mWindow->analysisActions();
    QVERIFY2(startEncounters(), "the analysis dialog did not open");
    QVERIFY(actions->isRunning());

    // Closing the project cancels the run: nothing is written to the closed project, nor to the
    // one opened next.
    mWindow->projectController()->closeProject();
    QTRY_VERIFY_WITH_TIMEOUT(!actions->isRunning(), 10000);
    QVERIFY(mWindow->projectController()->events().empty());
    QVERIFY(!actions->eventLayer());
    {
        auto project = Project::open(path, Project::Mode::ReadOnly, nullptr);
        QVERIFY(project);
        QVERIFY(project->events().empty());
        QVERIFY(project->analysisRuns().isEmpty());
    }

    // Closing the window while a run goes on stops it and waits for it: no crash, nothing stored.
    QVERIFY(mWindow->projectController()->openProject(path));
    QVERIFY(test::waitForIdle(mWindow));
    const auto layers = mWindow->layers()->layers();
    if (std::none_of(layers.begin(), layers.end(),
                     [](const auto &l) { return bool(std::dynamic_pointer_cast<TrackLayer>(l)); }))
        mWindow->layers()->add(std::make_shared<TrackLayer>(QStringLiteral("Crowd"),
                                                            QStringLiteral("<generated crowd>"), mCrowd,
                                                            std::make_shared<VesselRegistry>()));
    QVERIFY2(startEncounters(), "the analysis dialog did not open");
    QVERIFY(actions->isRunning());
    delete mWindow;
    mWindow = nullptr;
    auto project = Project::open(path, Project::Mode::ReadOnly, nullptr);
    QVERIFY(project);
    QVERIFY(project->events().empty());
}
