#include "testmainwindow.h"

#include <QApplication>
#include <QFile>

#include "ui/layers/attributetable.h"
#include "ui/layers/csvmappingdialog.h"
#include "ui/editing/drawtool.h"
#include "ui/editing/featuredialog.h"
#include "fixtures.h"
#include "geo/geodesic.h"
#include "geo/measurement.h"
#include "geo/transform.h"
#include "ui/map/identifypanel.h"
#include "ui/layers/layerchooserdialog.h"
#include "ui/layers/layerpanel.h"
#include "ui/layers/layerpropertiesdialog.h"
#include "layers/layerstack.h"
#include "layers/tracklayer.h"
#include "layers/vectorlayer.h"
#include "ui/shell/mainwindow.h"
#include "ui/map/mapactions.h"
#include "ui/layers/layeractions.h"
#include "ui/editing/editingactions.h"
#include "ui/common/loadstatus.h"
#include "ui/project/trackimportactions.h"
#include "ui/map/mapcanvas.h"
#include "ui/map/measurepanel.h"
#include "ui/map/measuretool.h"
#include "ui/common/messagebar.h"
#include "ui/layers/postgisdialog.h"
#include "postgisserver.h"
#include "ui/layers/stylepanel.h"
#include "ui/layers/vesselpanel.h"

#include "layers/rasterlayer.h"
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTimer>
#include <QToolButton>

#include <functional>

using namespace sightline;
using namespace sightline::test;

namespace {
const QPointF kRajin(130.30, 42.25);

void sendMouse(QWidget *w, QEvent::Type type, QPointF pos, Qt::MouseButton button, Qt::MouseButtons buttons)
{
    QMouseEvent event(type, pos, w->mapToGlobal(pos), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(w, &event);
}

void drag(QWidget *w, QPointF from, QPointF to)
{
    sendMouse(w, QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton);
    for (int i = 1; i <= 5; ++i)
        sendMouse(w, QEvent::MouseMove, from + (to - from) * i / 5.0, Qt::NoButton, Qt::LeftButton);
    sendMouse(w, QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton);
}

// Answers File → Import Tracks' question when no project is open with "Layer Only" (the tracks
// read from the file, as before projects kept them), then runs `next` for the dialogs after it.
void importAsLayerOnly(QObject *context, bool *asked, std::function<void()> next = {})
{
    QTimer::singleShot(0, context, [context, asked, next] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box || box->objectName() != QLatin1String("importNeedsProjectDialog"))
            return;
        *asked = true;
        if (next)
            QTimer::singleShot(0, context, next);
        QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("layerOnlyButton")), Qt::LeftButton);
    });
}

QPointF markerInFrame(const MapCanvas *canvas)
{
    const QPointF p = centroidOfColor(canvas->frame(), Qt::red);
    const qreal dpr = canvas->frame().devicePixelRatio();
    return p.x() < 0 ? p : p / dpr;
}
} // namespace

void TestMainWindow::initTestCase()
{
    QVERIFY(mDir.isValid());
    const Transform toUtm(Crs::wgs84(), Crs::fromUserInput(QStringLiteral("EPSG:32652")));
    const QPointF c = toUtm.forward(QPointF(130.32, 42.23));
    mUtmFixture = makeGeoTiff(mDir.filePath(QStringLiteral("utm.tif")), 32652, 1000, 1000,
                              {c.x() - 15000, 30, 0, c.y() + 15000, 0, -30}, QColor(30, 60, 110),
                              {Marker{kRajin, Qt::red, 3}});
    QVERIFY(!mUtmFixture.isEmpty());
}

void TestMainWindow::init()
{
    mWindow = new MainWindow();
    mWindow->resize(1100, 760);
    mWindow->show();
    QVERIFY(QTest::qWaitForWindowExposed(mWindow));
}

void TestMainWindow::cleanup()
{
    delete mWindow;
    mWindow = nullptr;
}

bool TestMainWindow::waitForRender()
{
    // A render is scheduled on a short timer after each change; wait for it to start and finish.
    QTest::qWait(50);
    return QTest::qWaitFor(
        [this] { return !mWindow->loadStatus()->isLoading() && !mWindow->canvas()->isRendering(); }, 10000);
}

void TestMainWindow::opensGeoTiffAndShowsItAtTheRightPlace()
{
    QSignalSpy opened(mWindow, &MainWindow::sourceOpened);
    mWindow->openFiles({mUtmFixture});
    QTRY_COMPARE(opened.count(), 1);
    QCOMPARE(opened.first().at(1).toBool(), true);
    QCOMPARE(mWindow->layers()->count(), 1);
    QVERIFY(waitForRender());
    MapCanvas *canvas = mWindow->canvas();
    QVERIFY(!canvas->frame().isNull());
    // The first layer is framed: its marker is on screen where the map says Rajin is.
    const QPointF want = canvas->toWidget(Transform(Crs::wgs84(), canvas->crs()).forward(kRajin));
    const QPointF got = markerInFrame(canvas);
    QVERIFY2(std::abs(got.x() - want.x()) <= 1.5 && std::abs(got.y() - want.y()) <= 1.5,
             qPrintable(QStringLiteral("marker at %1,%2, expected %3,%4")
                            .arg(got.x())
                            .arg(got.y())
                            .arg(want.x())
                            .arg(want.y())));
    QCOMPARE(mWindow->windowTitle(), QStringLiteral("Sightline"));
}

void TestMainWindow::opensSeveralFilesInTheGivenOrder()
{
    // A big file first: were the opens raced, the small ones would overtake it.
    const QString demo = QStringLiteral(SIGHTLINE_DEMO_DIR);
    const QStringList files{demo + QStringLiteral("/basemap_fareast_landsea.tif"), mUtmFixture,
                            demo + QStringLiteral("/imagery/landsat7_bahamas_RGB.byte.tif")};
    mWindow->openFiles(files);
    QTRY_COMPARE(mWindow->layers()->count(), 3);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(mWindow->layers()->layers().at(i)->source(), files.at(i));
    QVERIFY(waitForRender());
    // The first file frames the view: the whole basemap (127–136E) is in sight.
    const QRectF seen =
        Transform(mWindow->canvas()->crs(), Crs::wgs84()).forwardBounds(mWindow->canvas()->visibleExtent());
    QVERIFY(seen.contains(QRectF(QPointF(127.1, 40.1), QPointF(135.9, 45.9))));
    QVERIFY(seen.width() < 20);
}

void TestMainWindow::dragPansTheMap()
{
    mWindow->openFiles({mUtmFixture});
    QTRY_COMPARE(mWindow->layers()->count(), 1);
    QVERIFY(waitForRender());
    MapCanvas *canvas = mWindow->canvas();
    const QPointF before = markerInFrame(canvas);
    const QPointF centre = canvas->center();
    const double res = canvas->resolution();
    drag(canvas, QPointF(400, 300), QPointF(500, 350));
    // The map follows the hand: content moves right and down, so the centre moves west and north.
    QCOMPARE(canvas->center().x(), centre.x() - 100 * res);
    QCOMPARE(canvas->center().y(), centre.y() + 50 * res);
    QVERIFY(waitForRender());
    const QPointF after = markerInFrame(canvas);
    QVERIFY(std::abs(after.x() - before.x() - 100) <= 1.0);
    QVERIFY(std::abs(after.y() - before.y() - 50) <= 1.0);
}

void TestMainWindow::wheelZoomsAroundTheCursor()
{
    mWindow->openFiles({mUtmFixture});
    QTRY_COMPARE(mWindow->layers()->count(), 1);
    QVERIFY(waitForRender());
    MapCanvas *canvas = mWindow->canvas();
    const QPointF cursor = markerInFrame(canvas);
    const QPointF mapUnderCursor = canvas->toMap(cursor);
    const double res = canvas->resolution();
    QWheelEvent wheel(cursor, canvas->mapToGlobal(cursor), QPoint(), QPoint(0, 120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(canvas, &wheel);
    QVERIFY(canvas->resolution() < res);
    QCOMPARE(canvas->resolution(), res / 1.5);
    const QPointF stillThere = canvas->toMap(cursor);
    QVERIFY(std::abs(stillThere.x() - mapUnderCursor.x()) < res * 1e-6);
    QVERIFY(std::abs(stillThere.y() - mapUnderCursor.y()) < res * 1e-6);
    QVERIFY(waitForRender());
    // The marker is under the cursor still, in the new frame.
    const QPointF after = markerInFrame(canvas);
    QVERIFY(std::abs(after.x() - cursor.x()) <= 1.5 && std::abs(after.y() - cursor.y()) <= 1.5);
}

void TestMainWindow::keysPanAndZoom()
{
    MapCanvas *canvas = mWindow->canvas();
    canvas->setView(QPointF(0, 0), 100);
    canvas->setFocus();
    QTest::keyClick(canvas, Qt::Key_Right);
    QCOMPARE(canvas->center().x(), canvas->width() * 0.25 * 100);
    QTest::keyClick(canvas, Qt::Key_Up);
    QCOMPARE(canvas->center().y(), canvas->height() * 0.25 * 100);
    QTest::keyClick(canvas, Qt::Key_Plus);
    QCOMPARE(canvas->resolution(), 50.0);
    QTest::keyClick(canvas, Qt::Key_Minus);
    QTest::keyClick(canvas, Qt::Key_Minus);
    QCOMPARE(canvas->resolution(), 200.0);
}

void TestMainWindow::zoomBoxFramesTheDraggedRectangle()
{
    MapCanvas *canvas = mWindow->canvas();
    canvas->setView(QPointF(0, 0), 100);
    canvas->setTool(MapCanvas::Tool::ZoomBox);
    const QPointF a = canvas->toMap(QPointF(100, 100)), b = canvas->toMap(QPointF(300, 200));
    drag(canvas, QPointF(100, 100), QPointF(300, 200));
    const QRectF visible = canvas->visibleExtent();
    QVERIFY(visible.contains(QRectF(a, b).normalized().adjusted(1, 1, -1, -1)));
    QCOMPARE(canvas->center(), QRectF(a, b).normalized().center());
    QVERIFY(canvas->resolution() < 100 / 2.0);
}

void TestMainWindow::togglingALayerHidesIt()
{
    mWindow->openFiles({mUtmFixture});
    QTRY_COMPARE(mWindow->layers()->count(), 1);
    QVERIFY(waitForRender());
    QVERIFY(markerInFrame(mWindow->canvas()).x() >= 0);
    QListWidget *list = mWindow->layerPanel()->list();
    QListWidgetItem *item = list->item(0);
    QCOMPARE(item->checkState(), Qt::Checked);
    // Click the checkbox at the item's left edge, as a user would.
    const QRect r = list->visualItemRect(item);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, QPoint(r.left() + 10, r.center().y()));
    QTRY_VERIFY(!mWindow->layers()->layers().first()->isVisible());
    QVERIFY(waitForRender());
    QCOMPARE(markerInFrame(mWindow->canvas()).x(), -1.0);
    list->item(0)->setCheckState(Qt::Checked);
    QVERIFY(waitForRender());
    QVERIFY(markerInFrame(mWindow->canvas()).x() >= 0);
}

void TestMainWindow::opacitySliderChangesTheLayer()
{
    mWindow->openFiles({mUtmFixture});
    QTRY_COMPARE(mWindow->layers()->count(), 1);
    QSlider *slider = mWindow->layerPanel()->opacitySlider();
    QVERIFY(slider->isEnabled());
    slider->setFocus();
    QTest::keyClick(slider, Qt::Key_PageDown); // one page step: 100 → 90
    QCOMPARE(mWindow->layers()->layers().first()->opacity(), 0.9);
    QVERIFY(waitForRender());
    const QImage frame = mWindow->canvas()->frame();
    const QColor pixel = frame.pixelColor(frame.width() / 2, frame.height() / 2);
    QVERIFY(pixel.alpha() < 255 && pixel.alpha() > 200);
}

void TestMainWindow::reorderingTheListReordersTheStack()
{
    const QString second = makeGeoTiff(mDir.filePath(QStringLiteral("second.tif")), 4326, 50, 50,
                                       {130.1, 0.01, 0, 42.5, 0, -0.01}, Qt::yellow);
    mWindow->openFiles({mUtmFixture});
    QTRY_COMPARE(mWindow->layers()->count(), 1);
    mWindow->openFiles({second});
    QTRY_COMPARE(mWindow->layers()->count(), 2);
    LayerStack *stack = mWindow->layers();
    const QString bottom = stack->layers().at(0)->id(), top = stack->layers().at(1)->id();
    QListWidget *list = mWindow->layerPanel()->list();
    QCOMPARE(list->item(0)->text(), QStringLiteral("second")); // top layer listed first
    // Move the top row below the other, as a drag in the list does.
    QVERIFY(list->model()->moveRow(QModelIndex(), 0, QModelIndex(), 2));
    QTRY_COMPARE(stack->layers().at(0)->id(), top);
    QCOMPARE(stack->layers().at(1)->id(), bottom);
    QCOMPARE(list->item(0)->text(), QStringLiteral("utm"));
}

void TestMainWindow::removingALayer()
{
    mWindow->openFiles({mUtmFixture});
    QTRY_COMPARE(mWindow->layers()->count(), 1);
    mWindow->layerPanel()->list()->setCurrentRow(0);
    QAction *remove = nullptr;
    for (QAction *a : mWindow->findChildren<QAction *>())
        if (a->text() == QStringLiteral("&Remove"))
            remove = a;
    QVERIFY(remove);
    remove->trigger();
    QCOMPARE(mWindow->layers()->count(), 0);
    QCOMPARE(mWindow->layerPanel()->list()->count(), 0);
}

void TestMainWindow::goToTypedCoordinateAndMgrs()
{
    auto *edit = mWindow->findChild<QLineEdit *>(QStringLiteral("goToEdit"));
    QVERIFY(edit);
    MapCanvas *canvas = mWindow->canvas();
    const Transform toWgs(canvas->crs(), Crs::wgs84());
    edit->setFocus();
    QTest::keyClicks(edit, QStringLiteral("42°15'N 130°18'E"));
    QTest::keyClick(edit, Qt::Key_Return);
    QPointF ll = toWgs.forward(canvas->center());
    QVERIFY(std::abs(ll.x() - 130.3) < 1e-6 && std::abs(ll.y() - 42.25) < 1e-6);

    edit->clear();
    QTest::keyClicks(edit, QStringLiteral("52T FN 12345 67890"));
    QTest::keyClick(edit, Qt::Key_Return);
    ll = toWgs.forward(canvas->center());
    QVERIFY(ll.x() > 126 && ll.x() < 132 && ll.y() > 40 && ll.y() < 48);

    edit->clear();
    QTest::keyClicks(edit, QStringLiteral("42°75'N 130°18'E"));
    QTest::keyClick(edit, Qt::Key_Return);
    QVERIFY(mWindow->messageBar()->isVisible());
    QVERIFY(mWindow->messageBar()->text().contains(QStringLiteral("60")));
}

void TestMainWindow::statusBarShowsCursorPositionAndScale()
{
    MapCanvas *canvas = mWindow->canvas();
    canvas->centerOnWgs84(kRajin, 30);
    sendMouse(canvas, QEvent::MouseMove, QPointF(canvas->width() / 2.0, canvas->height() / 2.0), Qt::NoButton,
              Qt::NoButton);
    auto label = [this](const char *name) {
        return mWindow->findChild<QLabel *>(QLatin1String(name))->text();
    };
    QVERIFY2(label("coordDdLabel").contains(QStringLiteral("42.25")), qPrintable(label("coordDdLabel")));
    QVERIFY(label("coordDdLabel").contains(QStringLiteral("130.30")));
    QVERIFY(label("coordDmsLabel").contains(QStringLiteral("42°15'")));
    QVERIFY(label("coordMgrsLabel").startsWith(QStringLiteral("52T")));
    QVERIFY(label("scaleLabel").startsWith(QStringLiteral("1:")));
    // 30 m/px in Web Mercator at 42.25°N is about 22 m/px on the ground: near 1:84,000 at 96 dpi.
    const QString scale = label("scaleLabel");
    QVERIFY2(scale.contains(QStringLiteral("8")), qPrintable(scale));
}

void TestMainWindow::propertiesDialogListsTheFacts()
{
    mWindow->openFiles({mUtmFixture});
    QTRY_COMPARE(mWindow->layers()->count(), 1);
    LayerPropertiesDialog dialog(*mWindow->layers()->layers().first());
    auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("propertiesTable"));
    QVERIFY(table);
    QStringList rows;
    for (int r = 0; r < table->rowCount(); ++r)
        rows << table->item(r, 0)->text() + QStringLiteral(": ") + table->item(r, 1)->text();
    const QString all = rows.join(QLatin1Char('\n'));
    QVERIFY2(all.contains(QStringLiteral("CRS: EPSG:32652")), qPrintable(all));
    QVERIFY(all.contains(QStringLiteral("Size: 1000 × 1000 pixels")));
    QVERIFY(all.contains(QStringLiteral("Bands: 3 × Byte")));
    QVERIFY(all.contains(QStringLiteral("Overviews: none")));
}

void TestMainWindow::badInputsAreReportedAndTheAppKeepsRunning()
{
    const QString text = mDir.filePath(QStringLiteral("renamed.tif"));
    QFile f(text);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("not an image");
    f.close();
    QSignalSpy opened(mWindow, &MainWindow::sourceOpened);
    mWindow->openFiles({QStringLiteral("/no/such/scene.tif")});
    QTRY_COMPARE(opened.count(), 1);
    QVERIFY(mWindow->messageBar()->text().contains(QStringLiteral("/no/such/scene.tif")));
    mWindow->openFiles({text});
    QTRY_COMPARE(opened.count(), 2);
    QVERIFY(mWindow->messageBar()->text().contains(QStringLiteral("renamed.tif")));
    // The first failure is still on show: errors add up until dismissed.
    QVERIFY(mWindow->messageBar()->text().contains(QStringLiteral("/no/such/scene.tif")));
    QCOMPARE(mWindow->layers()->count(), 0);
    // Still usable: a good file opens after the bad ones.
    mWindow->openFiles({mUtmFixture});
    QTRY_COMPARE(mWindow->layers()->count(), 1);
}

void TestMainWindow::unreachableServiceIsReported()
{
    qputenv("SIGHTLINE_TILE_CACHE", mDir.filePath(QStringLiteral("tiles")).toUtf8());
    mWindow->openFiles({QStringLiteral("http://127.0.0.1:9/{z}/{x}/{y}.png")});
    QTRY_COMPARE(mWindow->layers()->count(), 1);
    QVERIFY(waitForRender());
    QTRY_VERIFY(mWindow->messageBar()->text().contains(QStringLiteral("127.0.0.1:9")));
    QCOMPARE(mWindow->messageBar()->level(), MessageBar::Level::Error);
}

void TestMainWindow::largeRasterWithoutOverviewsOffersToBuildThem()
{
    const QString big =
        makeGeoTiff(mDir.filePath(QStringLiteral("big.tif")), 4326, 6000, 400,
                    {130, 0.0002, 0, 43, 0, -0.0002}, Qt::darkGray, {}, QStringLiteral("TILED=YES"));
    mWindow->openFiles({big});
    QTRY_COMPARE(mWindow->layers()->count(), 1);
    MessageBar *bar = mWindow->messageBar();
    QVERIFY(bar->text().contains(QStringLiteral("no overviews")));
    auto *action = bar->findChild<QPushButton *>(QStringLiteral("messageAction"));
    QVERIFY(action && action->isVisible());
    QCOMPARE(action->text(), QStringLiteral("Build Overviews"));
    QTest::mouseClick(action, Qt::LeftButton);
    QTRY_VERIFY(bar->text().contains(QStringLiteral("Built")));
    auto raster = std::dynamic_pointer_cast<RasterLayer>(mWindow->layers()->layers().first());
    QVERIFY(raster->info().overviews.size() >= 3);
    QVERIFY(QFile::exists(big + QStringLiteral(".ovr"))); // beside the file, never inside it
}

void TestMainWindow::dropOpensFilesAndRecentListsThem()
{
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(mUtmFixture)});
    QDragEnterEvent enter(QPoint(500, 300), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(mWindow, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(500, 300), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(mWindow, &drop);
    QTRY_COMPARE(mWindow->layers()->count(), 1);
    QCOMPARE(mWindow->layers()->layers().first()->source(), mUtmFixture);
    QMenu *recent = nullptr;
    for (QMenu *m : mWindow->findChildren<QMenu *>())
        if (m->title() == QStringLiteral("Open &Recent"))
            recent = m;
    QVERIFY(recent);
    QVERIFY(!recent->actions().isEmpty());
    QCOMPARE(recent->actions().first()->text(), mUtmFixture);
    // Opening from the recent list adds the layer again.
    recent->actions().first()->trigger();
    QTRY_COMPARE(mWindow->layers()->count(), 2);
}

void TestMainWindow::windowStateIsRemembered()
{
    mWindow->resize(900, 640);
    auto *dock = mWindow->findChild<QDockWidget *>(QStringLiteral("layersDock"));
    QVERIFY(dock);
    dock->hide();
    mWindow->close();
    delete mWindow;
    mWindow = new MainWindow();
    mWindow->show();
    QVERIFY(QTest::qWaitForWindowExposed(mWindow));
    QCOMPARE(mWindow->size(), QSize(900, 640));
    QVERIFY(!mWindow->findChild<QDockWidget *>(QStringLiteral("layersDock"))->isVisible());
    mWindow->findChild<QDockWidget *>(QStringLiteral("layersDock"))->show();
    mWindow->close();
}

namespace {
const QString kDemoAis = QStringLiteral(SIGHTLINE_DEMO_DIR "/ais/case_rajin_dunai_2023_SIMULATED.nmea");
}

void TestMainWindow::importsAnAisLogWithAReport()
{
    QSignalSpy opened(mWindow, &MainWindow::sourceOpened);
    bool asked = false;
    importAsLayerOnly(this, &asked);
    mWindow->trackImports()->importAisLogs({kDemoAis});
    QVERIFY(asked);
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 20000);
    QCOMPARE(opened.first().at(1).toBool(), true);
    auto tracks = std::dynamic_pointer_cast<TrackLayer>(mWindow->layers()->layers().first());
    QVERIFY(tracks);
    QCOMPARE(tracks->store().vesselCount(), std::size_t(8));
    QVERIFY(mWindow->messageBar()->text().contains(QStringLiteral("Imported")));
    QVERIFY(mWindow->loadStatus()->lastImportReport().contains(QStringLiteral("messages decoded")));
    QVERIFY(mWindow->loadStatus()->lastImportReport().contains(QStringLiteral("positions kept")));
    // "Details" opens the report.
    auto *details = mWindow->messageBar()->findChild<QPushButton *>(QStringLiteral("messageAction"));
    QVERIFY(details && details->isVisible());
    QTest::mouseClick(details, Qt::LeftButton);
    QTRY_VERIFY(mWindow->findChild<QDialog *>(QStringLiteral("importReportDialog")));
    QVERIFY(waitForRender());
}

void TestMainWindow::vesselSearchAndClickHighlightsTheTrack()
{
    mWindow->openFiles({kDemoAis});
    QTRY_COMPARE_WITH_TIMEOUT(mWindow->layers()->count(), 1, 20000);
    VesselPanel *panel = mWindow->layerActions()->vesselPanel();
    QTableWidget *table = panel->table();
    QTRY_COMPARE(table->rowCount(), 8);
    QTest::keyClicks(panel->searchField(), QStringLiteral("angara"));
    int visibleRow = -1, visible = 0;
    for (int r = 0; r < table->rowCount(); ++r)
        if (!table->isRowHidden(r)) {
            ++visible;
            visibleRow = r;
        }
    QCOMPARE(visible, 1);
    QCOMPARE(table->item(visibleRow, 0)->text(), QStringLiteral("ANGARA"));
    QCOMPARE(table->item(visibleRow, 3)->text(), QStringLiteral("Russian Federation"));
    const QRect cell = table->visualItemRect(table->item(visibleRow, 0));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    auto tracks = std::dynamic_pointer_cast<TrackLayer>(mWindow->layers()->layers().first());
    QCOMPARE(tracks->highlighted(), 273145020u);
    // The view now frames Angara's track.
    const QRectF seen =
        Transform(mWindow->canvas()->crs(), Crs::wgs84()).forwardBounds(mWindow->canvas()->visibleExtent());
    QVERIFY(seen.contains(tracks->store().track(273145020)->boundsWgs84()));
    QVERIFY(waitForRender());
}

void TestMainWindow::identifyShowsThePositionsFields()
{
    mWindow->openFiles({kDemoAis});
    QTRY_COMPARE_WITH_TIMEOUT(mWindow->layers()->count(), 1, 20000);
    auto tracks = std::dynamic_pointer_cast<TrackLayer>(mWindow->layers()->layers().first());
    const VesselTrack *angara = tracks->store().track(273145020);
    const std::size_t i = angara->size() / 2;
    MapCanvas *canvas = mWindow->canvas();
    canvas->centerOnWgs84(QPointF(angara->lon(i), angara->lat(i)), 50);
    QVERIFY(waitForRender());
    mWindow->findChild<QAction *>(QStringLiteral("actionIdentify"))->trigger();
    QCOMPARE(canvas->tool(), MapCanvas::Tool::Identify);
    const QPointF at = canvas->toWidget(
        Transform(Crs::wgs84(), canvas->crs()).forward(QPointF(angara->lon(i), angara->lat(i))));
    QTest::mouseClick(canvas, Qt::LeftButton, {}, at.toPoint() + QPoint(2, 1));
    IdentifyPanel *panel = mWindow->mapActions()->identifyPanel();
    QVERIFY2(panel->title().contains(QStringLiteral("ANGARA")), qPrintable(panel->title()));
    QStringList fields;
    for (int r = 0; r < panel->table()->rowCount(); ++r)
        fields << panel->table()->item(r, 0)->text();
    QVERIFY(fields.contains(QStringLiteral("Time (UTC)")));
    QVERIFY(fields.contains(QStringLiteral("Speed")));
    // Far from every track: nothing.
    QTest::mouseClick(canvas, Qt::LeftButton, {}, QPoint(5, 5));
    QVERIFY(panel->title().startsWith(QStringLiteral("Nothing found")));
}

void TestMainWindow::tracksCanBeColouredBySpeed()
{
    mWindow->openFiles({kDemoAis});
    QTRY_COMPARE_WITH_TIMEOUT(mWindow->layers()->count(), 1, 20000);
    QVERIFY(waitForRender());
    const QImage byVessel = mWindow->canvas()->frame();
    auto tracks = std::dynamic_pointer_cast<TrackLayer>(mWindow->layers()->layers().first());
    QMenu menu;
    mWindow->layerPanel()->fillContextMenu(menu, tracks->id());
    auto *colourBy = menu.findChild<QMenu *>(QStringLiteral("colourByMenu"));
    QVERIFY(colourBy);
    QAction *speed = nullptr;
    for (QAction *a : colourBy->actions())
        if (a->text() == QStringLiteral("Speed"))
            speed = a;
    QVERIFY(speed);
    speed->trigger();
    QCOMPARE(tracks->style().colourBy, TrackLayer::ColourBy::Speed);
    QVERIFY(waitForRender());
    QVERIFY(mWindow->canvas()->frame() != byVessel);
}

void TestMainWindow::unknownCsvAsksForItsColumns()
{
    const QString path = mDir.filePath(QStringLiteral("odd.csv"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("stamp,id,northing_deg,easting_deg\n"
                "2023-09-01 06:00:00,273145020,42.30,131.00\n"
                "2023-09-01 06:10:00,273145020,42.35,131.10\n");
    }
    bool dialogSeen = false;
    bool asked = false;
    // The dialogs are modal: answer them from the event loop, as a user would.
    importAsLayerOnly(this, &asked, [&dialogSeen] {
        auto *dialog = qobject_cast<CsvMappingDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        dialogSeen = true;
        auto pick = [dialog](CsvColumnMapping::Field f, const char *column) {
            QComboBox *c = dialog->columnCombo(f);
            c->setCurrentIndex(c->findText(QString::fromLatin1(column)));
        };
        pick(CsvColumnMapping::Time, "stamp");
        pick(CsvColumnMapping::Mmsi, "id");
        pick(CsvColumnMapping::Lat, "northing_deg");
        pick(CsvColumnMapping::Lon, "easting_deg");
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
    });
    mWindow->trackImports()->importAisLogs({path});
    QVERIFY(asked);
    QVERIFY(dialogSeen);
    QTRY_COMPARE_WITH_TIMEOUT(mWindow->layers()->count(), 1, 10000);
    auto tracks = std::dynamic_pointer_cast<TrackLayer>(mWindow->layers()->layers().first());
    QVERIFY(tracks);
    QCOMPARE(tracks->store().positionCount(), std::size_t(2));
    QVERIFY(mWindow->loadStatus()->lastImportReport().contains(QStringLiteral("custom columns")));
}

void TestMainWindow::multiLayerFileAsksWhichLayersAndIdentifiesFeatures()
{
    if (QStandardPaths::findExecutable(QStringLiteral("ogr2ogr")).isEmpty())
        QSKIP("ogr2ogr (gdal-bin) is needed to make the GeoPackage");
    const QString geojson = mDir.filePath(QStringLiteral("ports.geojson"));
    {
        QFile f(geojson);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"type":"FeatureCollection","features":[
 {"type":"Feature","properties":{"name":"Rajin port","kind":"port"},"geometry":{"type":"Polygon","coordinates":[[[130.28,42.23],[130.32,42.23],[130.32,42.26],[130.28,42.26],[130.28,42.23]]]}}]})");
    }
    const QString gpkg = mDir.filePath(QStringLiteral("two.gpkg"));
    QFile::remove(gpkg);
    for (const char *name : {"ports", "ports_copy"}) {
        QProcess p;
        QStringList args{QStringLiteral("-f"),   QStringLiteral("GPKG"),   gpkg, geojson,
                         QStringLiteral("-nln"), QString::fromLatin1(name)};
        if (QFile::exists(gpkg))
            args.prepend(QStringLiteral("-update"));
        p.start(QStringLiteral("ogr2ogr"), args);
        QVERIFY(p.waitForFinished(30000) && p.exitCode() == 0);
    }
    bool asked = false;
    QTimer::singleShot(0, this, [&asked] {
        auto *chooser = qobject_cast<LayerChooserDialog *>(QApplication::activeModalWidget());
        if (!chooser)
            return;
        asked = true;
        QCOMPARE(chooser->list()->count(), 2);
        chooser->list()->item(1)->setCheckState(Qt::Unchecked); // only "ports"
        chooser->accept();
    });
    mWindow->openFiles({gpkg});
    QVERIFY(asked);
    QTRY_COMPARE(mWindow->layers()->count(), 1);
    auto vector = std::dynamic_pointer_cast<VectorLayer>(mWindow->layers()->layers().first());
    QVERIFY(vector);
    QCOMPARE(vector->data().layerName(), QStringLiteral("ports"));
    QVERIFY(waitForRender());
    // Identify inside the port polygon.
    MapCanvas *canvas = mWindow->canvas();
    mWindow->findChild<QAction *>(QStringLiteral("actionIdentify"))->trigger();
    const QPointF at =
        canvas->toWidget(Transform(Crs::wgs84(), canvas->crs()).forward(QPointF(130.30, 42.245)));
    QTest::mouseClick(canvas, Qt::LeftButton, {}, at.toPoint());
    QVERIFY2(mWindow->mapActions()->identifyPanel()->title().contains(QStringLiteral("Rajin port")),
             qPrintable(mWindow->mapActions()->identifyPanel()->title()));
}

void TestMainWindow::addsPostgisLayersThroughTheDialog()
{
    test::PostgisServer server;
    QVERIFY2(server.error().isEmpty(), qPrintable(server.error()));
    QVERIFY2(
        server.execute(QStringLiteral(
            "CREATE TABLE ports (id serial PRIMARY KEY, name text, geom geometry(Point, 4326));"
            "INSERT INTO ports (name, geom) VALUES ('Rajin', ST_SetSRID(ST_MakePoint(130.30, 42.25), 4326));"
            "CREATE TABLE depots (id serial PRIMARY KEY, name text, geom geometry(Point, 4326));")),
        qPrintable(server.error()));
    bool sawFailure = false, listed = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<PostgisDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        QTest::keyClicks(dialog->database(), QStringLiteral("sightline"));
        QTest::keyClicks(dialog->user(), QStringLiteral("postgres"));
        QTest::keyClicks(dialog->password(), QStringLiteral("hunter2"));
        dialog->host()->setText(QStringLiteral("127.0.0.1"));
        auto *connect = dialog->findChild<QPushButton *>(QStringLiteral("postgisConnect"));
        // First the wrong port: the reason is shown, the password is not.
        dialog->port()->setValue(server.port() == 65535 ? server.port() - 1 : server.port() + 1);
        QTest::mouseClick(connect, Qt::LeftButton);
        sawFailure = dialog->status().startsWith(QStringLiteral("Could not list layers")) &&
                     !dialog->status().contains(QStringLiteral("hunter2")) && dialog->layers()->count() == 0;
        dialog->port()->setValue(server.port());
        QTest::mouseClick(connect, Qt::LeftButton);
        const auto found = dialog->layers()->findItems(QStringLiteral("ports"), Qt::MatchExactly);
        listed = found.size() == 1 && dialog->layers()->count() == 2;
        if (listed)
            found.first()->setCheckState(Qt::Checked);
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
    });
    mWindow->findChild<QAction *>(QStringLiteral("actionAddPostgis"))->trigger();
    QVERIFY2(sawFailure, "connecting to a closed port did not report it without the password");
    QVERIFY(listed);
    QTRY_COMPARE(mWindow->layers()->count(), 1);
    auto vector = std::dynamic_pointer_cast<VectorLayer>(mWindow->layers()->layers().first());
    QVERIFY(vector);
    QCOMPARE(vector->name(), QStringLiteral("ports"));
    QCOMPARE(vector->data().features().size(), std::size_t(1));
    // The password never reaches the layer list's tooltip or the saved recent list.
    for (auto *list : mWindow->findChild<LayerPanel *>()->findChildren<QListWidget *>())
        for (int i = 0; i < list->count(); ++i)
            QVERIFY(!list->item(i)->toolTip().contains(QStringLiteral("hunter2")));
    QVERIFY(!QSettings()
                 .value(QStringLiteral("recentFiles"))
                 .toStringList()
                 .join(QLatin1Char(' '))
                 .contains(QStringLiteral("hunter2")));
}

void TestMainWindow::measuresDistanceAreaAndNearestFeature()
{
    MapCanvas *canvas = mWindow->canvas();
    MeasureTool *tool = mWindow->mapActions()->measureTool();
    MeasurePanel *panel = mWindow->mapActions()->measurePanel();
    mWindow->zoomToWgs84(QRectF(QPointF(130.0, 42.0), QPointF(131.0, 42.6)));
    mWindow->findChild<QAction *>(QStringLiteral("actionMeasure"))->trigger();
    QCOMPARE(canvas->mapTool(), static_cast<MapTool *>(tool));
    const Transform toMap(Crs::wgs84(), canvas->crs()), toWgs(canvas->crs(), Crs::wgs84());
    auto click = [&](QPointF ll, Qt::MouseButton button = Qt::LeftButton) {
        const QPoint at = canvas->toWidget(toMap.forward(ll)).toPoint();
        QTest::mouseClick(canvas, button, {}, at);
        return toWgs.forward(canvas->toMap(at)); // where the click really landed, to the pixel
    };
    // Distance: three clicks, right-click to finish.
    const QPointF a = click(QPointF(130.2, 42.1)), b = click(QPointF(130.6, 42.4)),
                  c = click(QPointF(130.9, 42.2));
    click(QPointF(130.9, 42.2), Qt::RightButton);
    const Measurement &m = tool->measurement();
    QVERIFY(m.finished);
    QCOMPARE(int(m.lonLat.size()), 3);
    QVERIFY(std::abs(m.lengthMetres - Geodesic::polylineLength({a, b, c})) < 1e-6);
    QVERIFY(panel->resultText().contains(QStringLiteral(" km")));
    QVERIFY(panel->resultText().contains(QStringLiteral(" nmi")));
    QVERIFY(panel->resultText().contains(QStringLiteral("bearing")));

    // Area: a quadrilateral.
    QComboBox *mode = panel->modeCombo();
    mode->setCurrentIndex(mode->findData(int(Measurement::Mode::Area)));
    const QPointF p1 = click(QPointF(130.2, 42.1)), p2 = click(QPointF(130.5, 42.1)),
                  p3 = click(QPointF(130.5, 42.3)), p4 = click(QPointF(130.2, 42.3));
    QTest::keyClick(canvas, Qt::Key_Return);
    const GeodesicPolygon want = Geodesic::polygonArea({p1, p2, p3, p4});
    QVERIFY(std::abs(tool->measurement().areaSquareMetres - want.areaSquareMetres) < 1.0);
    QVERIFY(panel->resultText().contains(QStringLiteral("km²")));

    // Nearest feature of a layer: a railway line.
    const QString rails = QStringLiteral(SIGHTLINE_DEMO_DIR "/vector/railways_APPROXIMATE.geojson");
    mWindow->openFiles({rails});
    QTRY_COMPARE(mWindow->layers()->count(), 1);
    mode->setCurrentIndex(mode->findData(int(Measurement::Mode::Nearest)));
    const QPointF from = click(QPointF(130.55, 42.15));
    const Measurement &n = tool->measurement();
    QVERIFY(n.lengthMetres > 5000 && n.lengthMetres < 40000);
    QVERIFY2(panel->resultText().contains(QStringLiteral("Rajin - Tumangang - Khasan")),
             qPrintable(panel->resultText()));
    Q_UNUSED(from);
    // Back to panning puts the tool away.
    mWindow->findChild<QAction *>(QStringLiteral("actionPan"))->trigger();
    QVERIFY(!canvas->mapTool());
}

void TestMainWindow::railRouteAndCorridorAroundASelectedLine()
{
    const QString rails = QStringLiteral(SIGHTLINE_DEMO_DIR "/vector/railways_APPROXIMATE.geojson");
    mWindow->openFiles({rails});
    QTRY_COMPARE(mWindow->layers()->count(), 1);
    auto railLayer = std::dynamic_pointer_cast<VectorLayer>(mWindow->layers()->layers().first());
    mWindow->zoomToWgs84(QRectF(QPointF(130.2, 42.1), QPointF(133.0, 43.9)));
    MapCanvas *canvas = mWindow->canvas();
    const Transform toMap(Crs::wgs84(), canvas->crs());
    auto at = [&](QPointF ll) { return canvas->toWidget(toMap.forward(ll)).toPoint(); };

    // Route: from Rajin's line end to the Dunai branch.
    mWindow->findChild<QAction *>(QStringLiteral("actionMeasure"))->trigger();
    QComboBox *mode = mWindow->mapActions()->measurePanel()->modeCombo();
    mode->setCurrentIndex(mode->findData(int(Measurement::Mode::Route)));
    QComboBox *layerCombo = mWindow->mapActions()->measurePanel()->layerCombo();
    QCOMPARE(layerCombo->currentData().toString(), railLayer->id());
    QTest::mouseClick(canvas, Qt::LeftButton, {}, at(QPointF(130.30, 42.245)));
    QTest::mouseClick(canvas, Qt::LeftButton, {}, at(QPointF(132.352, 42.884)));
    const Measurement &m = mWindow->mapActions()->measureTool()->measurement();
    QVERIFY2(!m.route.empty(), qPrintable(m.routeMessage));
    QVERIFY(m.lengthMetres > m.straightMetres);
    QVERIFY(mWindow->mapActions()->measurePanel()->resultText().contains(QStringLiteral("Along the lines")));

    // Select the Rajin line with Identify, then a 4 km corridor around it.
    mWindow->findChild<QAction *>(QStringLiteral("actionIdentify"))->trigger();
    QTest::mouseClick(canvas, Qt::LeftButton, {}, at(QPointF(130.36, 42.30)));
    QCOMPARE(int(railLayer->selection().size()), 1);
    QMenu menu;
    mWindow->layerPanel()->fillContextMenu(menu, railLayer->id());
    QAction *corridorAction = menu.findChild<QAction *>(QStringLiteral("actionCorridor"));
    QVERIFY(corridorAction);
    QVERIFY(corridorAction->text().contains(QStringLiteral("Selected")));
    QVERIFY(mWindow->editingActions()->addCorridor(railLayer->id(), 2000.0));
    QCOMPARE(mWindow->layers()->count(), 2);
    auto corridor = std::dynamic_pointer_cast<VectorLayer>(mWindow->layers()->layers().last());
    QVERIFY(corridor);
    QVERIFY(corridor->name().contains(QStringLiteral("Rajin - Tumangang - Khasan")));
    QVERIFY(corridor->data().hasKind(VectorFeature::Kind::Polygon));
    // Its edge is 2 km from the line, on the ground.
    const VectorFeature &selected = railLayer->data().features()[railLayer->selection().front()];
    std::vector<QPointF> line(selected.points.begin(), selected.points.end());
    for (const QPointF &v : corridor->data().features().front().points)
        QVERIFY(std::abs(nearestOnPolyline(v, line).metres - 2000.0) < 20.0);
    QVERIFY(waitForRender());
}

void TestMainWindow::attributeTableFiltersSelectsAndZooms()
{
    mWindow->openFiles({QStringLiteral(SIGHTLINE_DEMO_DIR "/vector/railways_APPROXIMATE.geojson")});
    QTRY_COMPARE(mWindow->layers()->count(), 1);
    auto rails = std::dynamic_pointer_cast<VectorLayer>(mWindow->layers()->layers().first());
    mWindow->layerPanel()->list()->setCurrentRow(0);
    mWindow->findChild<QAction *>(QStringLiteral("actionAttributeTable"))->trigger();
    AttributeTable *table = mWindow->layerActions()->attributeTable();
    QVERIFY(table->isVisible());
    QCOMPARE(table->visibleRows(), 6);
    QTest::keyClicks(table->filter(), QStringLiteral("dunai"));
    QCOMPARE(table->visibleRows(), 1);
    QTableView *view = table->view();
    const QModelIndex first = view->model()->index(0, 1);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(first).center());
    QCOMPARE(int(rails->selection().size()), 1);
    const VectorFeature &dunai = rails->data().features()[rails->selection().front()];
    QCOMPARE(rails->data().value(dunai, QStringLiteral("name")), QStringLiteral("Dunai branch"));
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(first).center());
    const QRectF seen =
        Transform(mWindow->canvas()->crs(), Crs::wgs84()).forwardBounds(mWindow->canvas()->visibleExtent());
    QVERIFY(seen.contains(dunai.bounds));
    QVERIFY(seen.width() < 2.0);
    // Sorting by name puts "Dunai branch" first among the six.
    table->filter()->clear();
    view->sortByColumn(1, Qt::AscendingOrder);
    QCOMPARE(view->model()->index(0, 1).data().toString(), QStringLiteral("Dunai branch"));
}

void TestMainWindow::drawsAPolygonMovesAVertexAndUndoes()
{
    const QString path = mDir.filePath(QStringLiteral("drawn.geojson"));
    QFile::remove(path);
    QVERIFY(mWindow->editingActions()->createDrawingLayer(path));
    auto layer = std::dynamic_pointer_cast<VectorLayer>(mWindow->layers()->layers().last());
    QVERIFY(layer && layer->isEditable());
    mWindow->zoomToWgs84(QRectF(QPointF(130.25, 42.20), QPointF(130.35, 42.28)));
    MapCanvas *canvas = mWindow->canvas();
    const Transform toMap(Crs::wgs84(), canvas->crs()), toWgs(canvas->crs(), Crs::wgs84());
    auto at = [&](QPointF ll) { return canvas->toWidget(toMap.forward(ll)).toPoint(); };
    auto onDisk = [&]() {
        QString error;
        auto data = VectorData::load(path, QString(), &error);
        return data ? data->features() : std::vector<VectorFeature>{};
    };

    // Draw a quay: four clicks and a double-click, then name it in the dialog.
    mWindow->findChild<QAction *>(QStringLiteral("actionDrawArea"))->trigger();
    QCOMPARE(canvas->mapTool(), static_cast<MapTool *>(mWindow->editingActions()->drawTool()));
    const QPointF corners[] = {{130.28, 42.23}, {130.31, 42.23}, {130.31, 42.25}, {130.28, 42.25}};
    for (const QPointF &c : corners)
        QTest::mouseClick(canvas, Qt::LeftButton, {}, at(c));
    bool named = false;
    QTimer::singleShot(0, this, [&named] {
        auto *dialog = qobject_cast<FeatureDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        dialog->nameEdit()->setText(QStringLiteral("Quay 3"));
        dialog->kindCombo()->setCurrentText(QStringLiteral("port"));
        named = true;
        dialog->accept();
    });
    QTest::mouseDClick(canvas, Qt::LeftButton, {}, at(corners[3]));
    QVERIFY(named);
    QCOMPARE(layer->data().features().size(), std::size_t(1));
    const VectorFeature &quay = layer->data().features().front();
    QCOMPARE(quay.kind, VectorFeature::Kind::Polygon);
    QCOMPARE(quay.points.size(), std::size_t(5)); // closed ring
    QCOMPARE(layer->data().value(quay, QStringLiteral("name")), QStringLiteral("Quay 3"));
    // Saved at once.
    std::vector<VectorFeature> saved = onDisk();
    QCOMPARE(saved.size(), std::size_t(1));
    QCOMPARE(saved.front().attributes.value(1).toString(), QStringLiteral("port"));

    // Move the first corner.
    mWindow->findChild<QAction *>(QStringLiteral("actionMoveVertices"))->trigger();
    const QPointF from = quay.points.front();
    const QPoint dragFrom = at(from), dragTo = at(QPointF(130.275, 42.225));
    QTest::mousePress(canvas, Qt::LeftButton, {}, dragFrom);
    QMouseEvent move(QEvent::MouseMove, QPointF(dragTo), canvas->mapToGlobal(QPointF(dragTo)), Qt::NoButton,
                     Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(canvas, &move);
    QTest::mouseRelease(canvas, Qt::LeftButton, {}, dragTo);
    const QPointF moved = layer->data().features().front().points.front();
    QVERIFY(std::abs(moved.x() - 130.275) < 0.001 && std::abs(moved.y() - 42.225) < 0.001);
    QCOMPARE(layer->data().features().front().points.back(), moved); // the ring stays closed
    QVERIFY(std::abs(onDisk().front().points.front().x() - 130.275) < 0.001);

    // Undo the move, then the drawing; redo brings the quay back.
    QAction *undo = mWindow->findChild<QAction *>(QStringLiteral("actionUndo"));
    QAction *redo = mWindow->findChild<QAction *>(QStringLiteral("actionRedo"));
    undo->trigger();
    QCOMPARE(layer->data().features().front().points.front(), from);
    QCOMPARE(onDisk().front().points.front(), from);
    undo->trigger();
    QCOMPARE(layer->data().features().size(), std::size_t(0));
    QCOMPARE(onDisk().size(), std::size_t(0));
    redo->trigger();
    QCOMPARE(layer->data().features().size(), std::size_t(1));

    // A line drawn from near the quay's corner snaps onto it exactly.
    mWindow->findChild<QAction *>(QStringLiteral("actionDrawLine"))->trigger();
    const QPoint nearCorner = at(corners[1]) + QPoint(4, -3);
    QMouseEvent hover(QEvent::MouseMove, QPointF(nearCorner), canvas->mapToGlobal(QPointF(nearCorner)),
                      Qt::NoButton, Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(canvas, &hover);
    QTest::mouseClick(canvas, Qt::LeftButton, {}, nearCorner);
    QTest::mouseClick(canvas, Qt::LeftButton, {}, at(QPointF(130.34, 42.27)));
    QTimer::singleShot(0, this, [] {
        if (auto *dialog = qobject_cast<FeatureDialog *>(QApplication::activeModalWidget()))
            dialog->accept();
    });
    QTest::keyClick(canvas, Qt::Key_Return);
    QCOMPARE(layer->data().features().size(), std::size_t(2));
    QCOMPARE(layer->data().features().back().points.front(), layer->data().features().front().points[1]);
}

void TestMainWindow::styleDockChangesTheLayer()
{
    mWindow->openFiles({QStringLiteral(SIGHTLINE_DEMO_DIR "/vector/railways_APPROXIMATE.geojson")});
    QTRY_COMPARE(mWindow->layers()->count(), 1);
    auto rails = std::dynamic_pointer_cast<VectorLayer>(mWindow->layers()->layers().first());
    mWindow->layerPanel()->list()->setCurrentRow(0);
    StylePanel *panel = mWindow->layerActions()->stylePanel();
    QVERIFY(panel->isEnabled());
    QVERIFY(waitForRender());
    const QImage before = mWindow->canvas()->frame();
    panel->strokeWidth()->setValue(3.0);
    QCOMPARE(rails->style().symbol.strokeWidth, 3.0);
    panel->setStrokeColour(QColor(0x00, 0x80, 0x00));
    QCOMPARE(rails->style().symbol.stroke, QColor(0x00, 0x80, 0x00));
    // Categories by name: one per line, each with its own colour.
    panel->categoryField()->setCurrentIndex(panel->categoryField()->findData(QStringLiteral("name")));
    QTest::mouseClick(panel->classifyButton(), Qt::LeftButton);
    QCOMPARE(rails->style().categoryField, QStringLiteral("name"));
    QCOMPARE(rails->style().categories.size(), 6);
    QCOMPARE(panel->categories()->rowCount(), 6);
    QVERIFY(rails->style().categories[0].symbol.stroke != rails->style().categories[1].symbol.stroke);
    // Hide one category by clicking its "Shown" cell.
    QTableWidget *table = panel->categories();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                      table->visualItemRect(table->item(0, 2)).center());
    QVERIFY(!rails->style().categories[0].symbol.visible);
    // No labels.
    panel->labelField()->setCurrentIndex(0);
    QVERIFY(rails->style().labelField.isEmpty());
    QVERIFY(waitForRender());
    QVERIFY(mWindow->canvas()->frame() != before);
}

void TestMainWindow::cancellingAnImportKeepsWhatWasRead()
{
    // A log big enough to still be reading when Cancel is pressed.
    const QString big = mDir.filePath(QStringLiteral("big.nmea"));
    {
        QFile in(kDemoAis);
        QVERIFY(in.open(QIODevice::ReadOnly));
        const QByteArray all = in.readAll();
        QFile out(big);
        QVERIFY(out.open(QIODevice::WriteOnly));
        for (int i = 0; i < 60; ++i)
            out.write(all);
    }
    QSignalSpy opened(mWindow, &MainWindow::sourceOpened);
    bool asked = false;
    importAsLayerOnly(this, &asked);
    mWindow->trackImports()->importAisLogs({big});
    QVERIFY(asked);
    auto *cancel = mWindow->findChild<QToolButton *>(QStringLiteral("cancelImport"));
    QVERIFY(cancel);
    QTRY_VERIFY(cancel->isVisible());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 30000);
    QVERIFY(mWindow->loadStatus()->lastImportReport().contains(QStringLiteral("import cancelled")));
    QTRY_VERIFY(!cancel->isVisible());
}

void TestMainWindow::screenshotOfTheDemo()
{
    // The demo as the run command opens it, grabbed for people to look at (build/screenshots/).
    const QString demo = QStringLiteral(SIGHTLINE_DEMO_DIR);
    mWindow->openFiles({demo + QStringLiteral("/basemap_fareast_landsea.tif"),
                        demo + QStringLiteral("/imagery/landsat8/l8_RGB_B4B3B2.vrt"), kDemoAis});
    QTRY_COMPARE_WITH_TIMEOUT(mWindow->layers()->count(), 3, 20000);
    mWindow->zoomToWgs84(QRectF(QPointF(129.2, 41.6), QPointF(133.6, 43.8)));
    QVERIFY(waitForRender());
    MapCanvas *canvas = mWindow->canvas();
    sendMouse(canvas, QEvent::MouseMove,
              canvas->toWidget(Transform(Crs::wgs84(), canvas->crs()).forward(kRajin)), Qt::NoButton,
              Qt::NoButton);
    const QImage shot = mWindow->grab().toImage();
    QDir().mkpath(QStringLiteral("screenshots"));
    QVERIFY(shot.save(QStringLiteral("screenshots/main-window-demo.png")));
    // Not blank: the canvas shows both land and sea colours of the basemap.
    const QImage frame = canvas->frame();
    QVERIFY(centroidOfColor(frame, QColor(170, 200, 222), 6).x() > 0);
    QVERIFY(centroidOfColor(frame, QColor(239, 234, 220), 6).x() > 0);
}
