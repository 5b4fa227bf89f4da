#include "time/testtimeactions.h"

#include "ui/common/datetimefield.h"
#include "ui/time/acquisitiontimedialog.h"
#include "ui/time/animationexportdialog.h"
#include "support/casewindow.h"
#include "fixtures.h"
#include "ui/layers/layerpanel.h"
#include "layers/layerstack.h"
#include "layers/rasterlayer.h"
#include "ui/shell/mainwindow.h"
#include "ui/map/mapcanvas.h"
#include "ui/common/messagebar.h"
#include "ui/project/projectcontroller.h"
#include "ui/time/timecontroller.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QImageReader>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QTimer>

using namespace sightline;

namespace {

std::int64_t at(const char *iso)
{
    return parseUtcIso(QString::fromLatin1(iso));
}

/// Runs `fill` on the modal dialog of type T the next action opens, then presses its OK.
template <typename T> void whenDialogOpens(const std::function<void(T *)> &fill, bool *seen)
{
    QTimer::singleShot(0, [fill, seen] {
        auto *dialog = qobject_cast<T *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        *seen = true;
        fill(dialog);
        dialog->template findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    });
}

} // namespace

void TestTimeActions::initTestCase()
{
    QVERIFY(mDir.isValid());
}

void TestTimeActions::init()
{
    mWindow = new MainWindow();
    mWindow->resize(1200, 800);
    mWindow->show();
    QVERIFY(QTest::qWaitForWindowExposed(mWindow));
}

void TestTimeActions::cleanup()
{
    delete mWindow;
    mWindow = nullptr;
}

void TestTimeActions::exportsTheMapOverTimeAsAnAnimationThroughTheDialog()
{
    QVERIFY(!test::openCaseInNewProject(mWindow, mDir, QStringLiteral("animate.gpkg")).isEmpty());
    mWindow->timeController()->setWindow({at("2023-10-01T00:00:00Z"), at("2023-10-03T00:00:00Z")});
    auto *action = mWindow->findChild<QAction *>(QStringLiteral("actionExportAnimation"));
    QVERIFY(action);
    const QString out = mDir.filePath(QStringLiteral("case.gif"));
    // Frames are the map's size when the export starts (the message bar may change it after).
    const QSize mapSize = mWindow->canvas()->mapSettings().outputSize();
    bool seen = false;
    whenDialogOpens<AnimationExportDialog>(
        [&out](AnimationExportDialog *d) {
            // The window on the map is the range offered.
            QCOMPARE(d->fromEdit()->msecs().value_or(0), at("2023-10-01T00:00:00Z"));
            QCOMPARE(d->toEdit()->msecs().value_or(0), at("2023-10-03T00:00:00Z"));
            d->stepCombo()->setCurrentIndex(d->stepCombo()->findText(QStringLiteral("12 hours")));
            d->titleEdit()->setText(QStringLiteral("Case"));
            d->setPath(out);
        },
        &seen);
    action->trigger();
    QVERIFY(seen);
    QTRY_VERIFY(mWindow->messageBar()->text().contains(QStringLiteral("Animation written")));
    QVERIFY(mWindow->messageBar()->text().contains(QStringLiteral("5 frames"))); // 1 Oct 00:00 … 3 Oct 00:00
    QImageReader reader(out);
    QCOMPARE(reader.imageCount(), 5);
    QCOMPARE(reader.size(), mapSize);
}

void TestTimeActions::anImageSetToShowOnlyInTheWindowHidesOutsideItAndTheProjectKeepsThat()
{
    const QString scene = test::makeGeoTiff(mDir.filePath(QStringLiteral("before.tif")), 4326, 40, 40,
                                            {130.0, 0.05, 0, 43.0, 0, -0.05}, QColor(200, 30, 30));
    const QString project = mDir.filePath(QStringLiteral("imagery.gpkg"));
    QFile::remove(project);
    mWindow->openFiles({scene});
    QTRY_COMPARE(mWindow->layers()->count(), 1);
    QVERIFY(mWindow->projectController()->newProject(project));
    auto raster = std::dynamic_pointer_cast<RasterLayer>(mWindow->layers()->layers().first());
    QVERIFY(raster);
    auto *action = mWindow->findChild<QAction *>(QStringLiteral("actionAcquisitionTime"));
    QVERIFY(action);
    mWindow->layerPanel()->selectLayer(raster->id());
    QVERIFY(action->isEnabled());

    bool seen = false;
    whenDialogOpens<AcquisitionTimeDialog>(
        [](AcquisitionTimeDialog *d) {
            QTest::mouseClick(d->byHandBox(), Qt::LeftButton);
            d->timeEdit()->lineEdit()->selectAll();
            QTest::keyClicks(d->timeEdit()->lineEdit(), QStringLiteral("2023-10-05 02:13"));
            QTest::mouseClick(d->onlyInWindowBox(), Qt::LeftButton);
        },
        &seen);
    action->trigger();
    QVERIFY(seen);
    QCOMPARE(raster->acquiredMs(), at("2023-10-05T02:13:00Z"));
    QVERIFY(raster->showsOnlyInTimeWindow());

    // A window after the image: the map no longer shows it.
    auto shows = [this] {
        test::waitForIdle(mWindow);
        const QImage frame = mWindow->canvas()->frame();
        return frame.pixelColor(frame.width() / 2, frame.height() / 2).red() > 150 &&
               frame.pixelColor(frame.width() / 2, frame.height() / 2).green() < 80;
    };
    mWindow->canvas()->zoomToLayer(raster->id());
    QTRY_VERIFY(shows());
    mWindow->timeController()->setWindow({at("2023-10-10T00:00:00Z"), at("2023-10-20T00:00:00Z")});
    QTRY_VERIFY(!shows());
    mWindow->timeController()->setWindow({at("2023-10-01T00:00:00Z"), at("2023-10-06T00:00:00Z")});
    QTRY_VERIFY(shows());

    // The project keeps the time and the choice.
    mWindow->projectController()->closeProject();
    QVERIFY(mWindow->openProject(project));
    std::shared_ptr<RasterLayer> reopened;
    QTRY_VERIFY([&] {
        for (const auto &layer : mWindow->layers()->layers())
            if (auto r = std::dynamic_pointer_cast<RasterLayer>(layer))
                reopened = r;
        return bool(reopened);
    }());
    QCOMPARE(reopened->acquiredMs(), at("2023-10-05T02:13:00Z"));
    QVERIFY(reopened->showsOnlyInTimeWindow());
}
