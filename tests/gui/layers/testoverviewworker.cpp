#include "layers/testoverviewworker.h"

#include "support/eventloopmeter.h"
#include "support/largeraster.h"

#include "ui/common/backgroundtask.h"

#include <gdal_alg.h>
#include <gdal_priv.h>

#include <QElapsedTimer>
#include <QProgressBar>

using namespace sightline;
using namespace sightline::test;

namespace {

constexpr int kSide = 10000;

/// The checksum of every overview of the file's band, as GDAL reads them (none without a .ovr).
QList<int> overviewChecksums(const QString &path)
{
    QList<int> sums;
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    if (!ds)
        return sums;
    GDALRasterBand *band = ds->GetRasterBand(1);
    for (int i = 0; i < band->GetOverviewCount(); ++i) {
        GDALRasterBand *o = band->GetOverview(i);
        sums << GDALChecksumImage(o, 0, 0, o->GetXSize(), o->GetYSize());
    }
    return sums;
}

} // namespace

QString TestOverviewWorker::makeLargeGeoTiff(const QString &name)
{
    return test::makeLargeGeoTiff(mDir.filePath(name), kSide);
}

std::shared_ptr<RasterLayer> TestOverviewWorker::open(const QString &path)
{
    mWindow->openFiles({path});
    if (!QTest::qWaitFor([this] { return mWindow->layers()->count() == 1; }, 30000))
        return nullptr;
    return std::dynamic_pointer_cast<RasterLayer>(mWindow->layers()->layers().first());
}

bool TestOverviewWorker::pressBuildOverviews()
{
    // The offer that comes with a large image without overviews, pressed as the analyst would.
    auto *action = mWindow->messageBar()->findChild<QPushButton *>(QStringLiteral("messageAction"));
    if (!action || !action->isVisible() || action->text() != QStringLiteral("Build Overviews"))
        return false;
    QTest::mouseClick(action, Qt::LeftButton);
    return true;
}

void TestOverviewWorker::theWindowStaysResponsiveAndTheOverviewsMatchADirectBuild()
{
    const QString path = makeLargeGeoTiff(QStringLiteral("responsive.tif"));
    QVERIFY(!path.isEmpty());
    const auto raster = open(path);
    QVERIFY(raster);
    BackgroundTask *task = mWindow->layerActions()->overviewTask();
    // From the click on Build Overviews to the build's end.
    bool pressed = false, progressShown = false;
    const EventLoopGaps gaps = measureEventLoop([&] { pressed = pressBuildOverviews(); },
                                                [&] {
                                                    progressShown |= task->statusStrip()->isVisible();
                                                    return task->isRunning();
                                                },
                                                task, 120000);
    QVERIFY(pressed);
    QVERIFY(!gaps.timedOut);
    qInfo("the event loop turned %zu times in %lld ms of building; longest gap %lld ms, %d over 50 ms",
          gaps.gapsMs.size(), gaps.spanMs, gaps.longest(), gaps.over(50));
    QVERIFY2(gaps.spanMs >= 100, "the overviews were built too soon to measure");
    QVERIFY2(gaps.isResponsive(),
             qPrintable(QStringLiteral("the UI stalled: %1 turns over 50 ms, the longest %2 ms")
                            .arg(gaps.over(50))
                            .arg(gaps.longest())));
    QVERIFY2(progressShown, "no progress and Cancel showed while the work ran");

    // The layer took them up: every level down to 256 pixels, beside the file.
    QTRY_VERIFY(mWindow->messageBar()->text().contains(QStringLiteral("Built 5 overview levels")));
    QCOMPARE(raster->info().overviews.size(), 5);
    QVERIFY(QFile::exists(path + QStringLiteral(".ovr")));
    QVERIFY(!task->statusStrip()->isVisible());

    // The same pixels as a build on this thread makes.
    const QList<int> built = overviewChecksums(path);
    QCOMPARE(built.size(), 5);
    QVERIFY(QFile::remove(path + QStringLiteral(".ovr")));
    QString error;
    QVERIFY2(RasterLayer::buildOverviewsFor(
                 path, kSide, kSide, [](double) { return true; }, &error),
             qPrintable(error));
    QCOMPARE(overviewChecksums(path), built);
}

void TestOverviewWorker::cancelStopsTheBuildAndLeavesNoOverviews()
{
    const QString path = makeLargeGeoTiff(QStringLiteral("cancel.tif"));
    QVERIFY(!path.isEmpty());
    const auto raster = open(path);
    QVERIFY(raster);
    QVERIFY(pressBuildOverviews());
    BackgroundTask *task = mWindow->layerActions()->overviewTask();
    QVERIFY(task->isRunning());
    QTest::qWait(50);
    QVERIFY2(task->isRunning(), "the build ended before it could be cancelled");
    QTest::mouseClick(task->cancelButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!task->isRunning(), 10000);

    QVERIFY(task->wasCancelled());
    QVERIFY2(task->lastProgress() < 1000, "the build went on to its end");
    QVERIFY(!QFile::exists(path + QStringLiteral(".ovr")));
    QVERIFY(raster->info().overviews.isEmpty());
    QVERIFY2(mWindow->messageBar()->text().contains(QStringLiteral("cancelled")),
             qPrintable(mWindow->messageBar()->text()));
    // The map still draws the image, as before.
    QVERIFY(waitForRender());
    QCOMPARE(mWindow->layers()->count(), 1);
}
