#include "brief/testbriefpreviewworker.h"

#include "support/casewindow.h"
#include "support/eventloopmeter.h"
#include "support/largeraster.h"

#include "brief/briefwriter.h"
#include "ui/brief/briefactions.h"
#include "ui/brief/briefcomposer.h"
#include "ui/common/backgroundtask.h"

#include <QBuffer>
#include <QPdfDocument>
#include <QProgressBar>

using namespace sightline;
using namespace sightline::test;

void TestBriefPreviewWorker::initTestCase()
{
    // Stands in for the fixture's: these tests make their own images.
    QVERIFY(mDir.isValid());
    // Dated by the epoch, not the clock, so the same brief gives the same bytes.
    mSourceDateEpoch = qgetenv("SOURCE_DATE_EPOCH");
    qputenv("SOURCE_DATE_EPOCH", "1700000000");
}

void TestBriefPreviewWorker::cleanupTestCase()
{
    if (mSourceDateEpoch.isEmpty())
        qunsetenv("SOURCE_DATE_EPOCH");
    else
        qputenv("SOURCE_DATE_EPOCH", mSourceDateEpoch);
}

BriefComposer *TestBriefPreviewWorker::composeOverLargeImage(const QString &name)
{
    if (openCaseInNewProject(mWindow, mDir, name).isEmpty())
        return nullptr;
    // Without overviews, every figure over it reads the whole image: a preview that takes a while.
    const QString image = makeLargeGeoTiff(mDir.filePath(name + QStringLiteral(".tif")), 12000);
    if (image.isEmpty())
        return nullptr;
    mWindow->openFiles({image});
    if (!QTest::qWaitFor([this] { return mWindow->layers()->count() == 3; }, 30000) || !waitForIdle(mWindow))
        return nullptr;
    auto *action = mWindow->findChild<QAction *>(QStringLiteral("actionBriefComposer"));
    if (!action || !action->isEnabled())
        return nullptr;
    action->trigger();
    return mWindow->findChild<BriefComposer *>(QStringLiteral("briefComposer"));
}

void TestBriefPreviewWorker::theWindowStaysResponsiveAndThePreviewIsTheWrittenPdf()
{
    BriefComposer *composer = composeOverLargeImage(QStringLiteral("responsive.gpkg"));
    QVERIFY(composer);
    BackgroundTask *task = composer->previewTask();
    QPdfDocument *document = composer->previewDocument();
    // The first preview, drawn as the composer opens (its sources' checksums are read then, once).
    QTRY_VERIFY_WITH_TIMEOUT(
        !composer->isPreviewPending() && document->status() == QPdfDocument::Status::Ready, 60000);

    // From typing in the title, through the pause the preview waits for, to the new preview drawn.
    bool progressShown = false;
    const EventLoopGaps gaps =
        measureEventLoop([composer] { QTest::keyClicks(composer->titleEdit(), QStringLiteral(" (draft)")); },
                         [&] {
                             progressShown |= task->statusStrip()->isVisible();
                             return composer->isPreviewPending();
                         },
                         task, 120000);
    QVERIFY(!gaps.timedOut);
    qInfo("the event loop turned %zu times in %lld ms of preview; longest gap %lld ms, %d over 50 ms",
          gaps.gapsMs.size(), gaps.spanMs, gaps.longest(), gaps.over(50));
    QVERIFY2(gaps.spanMs >= 100, "the preview was drawn too soon to measure");
    QVERIFY2(gaps.isResponsive(),
             qPrintable(QStringLiteral("the UI stalled: %1 turns over 50 ms, the longest %2 ms")
                            .arg(gaps.over(50))
                            .arg(gaps.longest())));
    QVERIFY2(progressShown, "no progress and Cancel showed while the work ran");

    QTRY_VERIFY_WITH_TIMEOUT(
        !composer->isPreviewPending() && document->status() == QPdfDocument::Status::Ready, 20000);
    QVERIFY(document->getAllText(0).text().contains(QStringLiteral("(draft)")));
    QVERIFY(document->pageCount() >= 1);
    QVERIFY(composer->previewResult().figures >= 1);
    QVERIFY(!task->statusStrip()->isVisible());

    // The PDF written directly, on this thread, from the same brief and the same inputs.
    const BriefInputs inputs =
        workbenchBriefInputs(*mWindow->projectController(), *mWindow->layers(), *mWindow->canvas());
    QByteArray direct;
    QBuffer out(&direct);
    out.open(QIODevice::WriteOnly);
    BriefExportResult result;
    QString error;
    QVERIFY2(writeBriefPdf(composer->brief(), inputs, out, &result, &error), qPrintable(error));
    QCOMPARE(result.pages, composer->previewResult().pages);
    QCOMPARE(result.figures, composer->previewResult().figures);
    QVERIFY(composer->previewBytes() == direct);
}

void TestBriefPreviewWorker::cancelOrClosingTheComposerStopsAPreview()
{
    BriefComposer *composer = composeOverLargeImage(QStringLiteral("cancel.gpkg"));
    QVERIFY(composer);
    BackgroundTask *task = composer->previewTask();
    QPdfDocument *document = composer->previewDocument();
    QTRY_VERIFY_WITH_TIMEOUT(
        !composer->isPreviewPending() && document->status() == QPdfDocument::Status::Ready, 60000);
    const QByteArray shown = composer->previewBytes();
    QVERIFY(!shown.isEmpty());

    // A new title starts a new preview after a pause; Cancel, under the preview, stops it part way.
    QTest::keyClicks(composer->titleEdit(), QStringLiteral(" (draft)"));
    QTRY_VERIFY_WITH_TIMEOUT(task->isRunning(), 10000);
    QVERIFY2(task->isRunning(), "the preview was drawn before it could be cancelled");
    QToolButton *cancel = task->cancelButton();
    QVERIFY(cancel->isVisible());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!task->isRunning(), 10000);
    QVERIFY(task->wasCancelled());
    QVERIFY2(task->lastProgress() < 1000, "the preview went on to its end");
    // The pages shown stay those of the last preview drawn; nothing half-drawn replaces them.
    QVERIFY(composer->previewBytes() == shown);
    QCOMPARE(document->status(), QPdfDocument::Status::Ready);
    QVERIFY(!task->statusStrip()->isVisible());

    // Closing the composer while a preview is drawn stops it: no crash, and the window goes.
    composer->refreshPreview();
    QVERIFY(task->isRunning());
    composer->close();
    QTRY_VERIFY(!mWindow->findChild<BriefComposer *>(QStringLiteral("briefComposer")));
    // And the project closed with a preview being drawn.
    composer = mWindow->briefActions()->openComposer();
    QVERIFY(composer);
    composer->refreshPreview();
    QVERIFY(composer->previewTask()->isRunning());
    mWindow->projectController()->closeProject();
    QTRY_VERIFY(!mWindow->findChild<BriefComposer *>(QStringLiteral("briefComposer")));
}
