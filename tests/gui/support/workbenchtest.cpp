#include "support/workbenchtest.h"

using namespace sightline;
using namespace sightline::test;

void WorkbenchTest::initTestCase()
{
    QVERIFY(mDir.isValid());
    const Transform toUtm(Crs::wgs84(), Crs::fromUserInput(QStringLiteral("EPSG:32652")));
    const QPointF c = toUtm.forward(QPointF(130.32, 42.23));
    mUtmFixture = makeGeoTiff(mDir.filePath(QStringLiteral("utm.tif")), 32652, 1000, 1000,
                              {c.x() - 15000, 30, 0, c.y() + 15000, 0, -30}, QColor(30, 60, 110),
                              {Marker{kRajin, Qt::red, 3}});
    QVERIFY(!mUtmFixture.isEmpty());
}

void WorkbenchTest::init()
{
    mWindow = new MainWindow();
    mWindow->resize(1100, 760);
    mWindow->show();
    QVERIFY(QTest::qWaitForWindowExposed(mWindow));
}

void WorkbenchTest::cleanup()
{
    delete mWindow;
    mWindow = nullptr;
}

bool WorkbenchTest::waitForRender()
{
    // A render is scheduled on a short timer after each change; wait for it to start and finish.
    QTest::qWait(50);
    return QTest::qWaitFor(
        [this] { return !mWindow->loadStatus()->isLoading() && !mWindow->canvas()->isRendering(); }, 10000);
}
