#include "shell/testshell.h"

using namespace sightline;
using namespace sightline::test;

void TestShell::dropOpensFilesAndRecentListsThem()
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

void TestShell::windowStateIsRemembered()
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

void TestShell::screenshotOfTheDemo()
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
