#include "map/testcontextmenu.h"

#include "support/casewindow.h"

#include "geo/coordinateformat.h"
#include "tracks/trackstore.h"
#include "tracks/trackinterpolation.h"
#include "ui/common/messagebar.h"
#include "ui/map/mapcontextmenu.h"
#include "ui/project/projectcontroller.h"
#include "ui/sightings/sightingdialog.h"
#include "ui/time/timecontroller.h"

#include <QClipboard>
#include <QGuiApplication>

using namespace sightline;
using namespace sightline::test;

namespace {

constexpr std::uint32_t kAngara = 273145020;

QPointF lonLatAt(const MapCanvas *canvas, QPoint pos)
{
    return Transform(canvas->crs(), Crs::wgs84()).forward(canvas->toMap(pos));
}

QPoint widgetAt(const MapCanvas *canvas, QPointF lonLat)
{
    return canvas->toWidget(Transform(Crs::wgs84(), canvas->crs()).forward(lonLat)).toPoint();
}

} // namespace

QMenu *TestMapContextMenu::rightClick(QPoint pos)
{
    QTest::mouseClick(mWindow->canvas(), Qt::RightButton, {}, pos);
    QApplication::processEvents();
    auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
    return menu && menu->objectName() == QLatin1String("mapContextMenu") ? menu : nullptr;
}

bool TestMapContextMenu::choose(QMenu *menu, const QString &name)
{
    QAction *entry = menu->findChild<QAction *>(name);
    if (!entry || !entry->isEnabled())
        return false;
    menu->setActiveAction(entry);
    QTest::keyClick(menu, Qt::Key_Return);
    QApplication::processEvents();
    return true;
}

bool TestMapContextMenu::openCase()
{
    mWindow->openFiles({QStringLiteral(SIGHTLINE_DEMO_DIR "/vector/ports_APPROXIMATE.geojson"), kDemoAis});
    if (!QTest::qWaitFor([this] { return mWindow->layers()->count() == 2; }, 20000))
        return false;
    mWindow->zoomToWgs84(QRectF(QPointF(129.5, 41.8), QPointF(132.5, 43.5)));
    return waitForRender();
}

void TestMapContextMenu::copiesThePlaceInThreeFormats()
{
    MapCanvas *canvas = mWindow->canvas();
    canvas->centerOnWgs84(kRajin, 30);
    QVERIFY(waitForRender());
    const QPoint at = widgetAt(canvas, kRajin) + QPoint(7, -5);
    const QPointF place = lonLatAt(canvas, at);
    const struct
    {
        const char *entry;
        QString expected;
    } formats[] = {
        {"contextCopyDd", CoordinateFormat::toDecimalDegrees(place.x(), place.y(), 5)},
        {"contextCopyDms", CoordinateFormat::toDms(place.x(), place.y(), 1)},
        {"contextCopyMgrs", CoordinateFormat::toMgrs(place.x(), place.y(), 5)},
    };
    for (const auto &f : formats) {
        QGuiApplication::clipboard()->clear();
        QMenu *menu = rightClick(at);
        QVERIFY2(menu, "no menu on a right click");
        QVERIFY2(menu->findChild<QAction *>(QLatin1String(f.entry))->text().contains(f.expected),
                 qPrintable(f.expected));
        QVERIFY(choose(menu, QLatin1String(f.entry)));
        QCOMPARE(QGuiApplication::clipboard()->text(), f.expected);
        QTRY_VERIFY(!QApplication::activePopupWidget());
        // What was copied reads back as the place clicked (to the format's precision).
        const ParsedCoordinate back = CoordinateFormat::parse(f.expected);
        QVERIFY2(back.ok, qPrintable(f.expected));
        QVERIFY(std::abs(back.lonLat.x() - place.x()) < 1e-4 && std::abs(back.lonLat.y() - place.y()) < 1e-4);
    }
    QVERIFY(formats[2].expected.startsWith(QStringLiteral("52T")));
}

void TestMapContextMenu::centreHereKeepsTheScale()
{
    MapCanvas *canvas = mWindow->canvas();
    canvas->centerOnWgs84(kRajin, 200);
    QVERIFY(waitForRender());
    const double resolution = canvas->resolution();
    const QPoint at(canvas->width() / 4, canvas->height() / 3);
    const QPointF mapPoint = canvas->toMap(at);
    QMenu *menu = rightClick(at);
    QVERIFY(menu);
    QVERIFY(choose(menu, QStringLiteral("contextCentre")));
    QCOMPARE(canvas->resolution(), resolution);
    QVERIFY(std::abs(canvas->center().x() - mapPoint.x()) < resolution);
    QVERIFY(std::abs(canvas->center().y() - mapPoint.y()) < resolution);
}

void TestMapContextMenu::identifyAndZoomToLayerFromTheMenu()
{
    QVERIFY(openCase());
    MapCanvas *canvas = mWindow->canvas();
    // Rajin's port polygon: Identify Here names it, as the Identify tool would.
    canvas->centerOnWgs84(kRajin, 20);
    QVERIFY(waitForRender());
    QMenu *menu = rightClick(widgetAt(canvas, kRajin));
    QVERIFY(menu);
    QVERIFY(choose(menu, QStringLiteral("contextIdentify")));
    const QString title = mWindow->mapActions()->identifyPanel()->title();
    QVERIFY2(title.contains(QStringLiteral("Rajin")), qPrintable(title));
    QVERIFY2(canvas->tool() == MapCanvas::Tool::Pan, "the tool in use stays");

    // Zoom to Layer → the ports: all four ports in sight.
    menu = rightClick(QPoint(canvas->width() / 2, canvas->height() / 2));
    QVERIFY(menu);
    auto *zoom = menu->findChild<QMenu *>(QStringLiteral("contextZoomToLayer"));
    QVERIFY(zoom);
    QAction *ports = nullptr;
    for (QAction *a : zoom->actions())
        if (a->text().startsWith(QStringLiteral("ports")))
            ports = a;
    QVERIFY(ports);
    ports->trigger();
    menu->close();
    QVERIFY(waitForRender());
    const QRectF view = Transform(canvas->crs(), Crs::wgs84()).forwardBounds(canvas->visibleExtent());
    for (const auto &layer : mWindow->layers()->layers())
        if (layer->name().startsWith(QStringLiteral("ports")))
            QVERIFY(view.adjusted(-1e-3, -1e-3, 1e-3, 1e-3).contains(layer->extentWgs84()));
}

void TestMapContextMenu::measureFromHereStartsTheMeasureTool()
{
    MapCanvas *canvas = mWindow->canvas();
    canvas->centerOnWgs84(kRajin, 100);
    QVERIFY(waitForRender());
    const QPoint from(canvas->width() / 3, canvas->height() / 2);
    QMenu *menu = rightClick(from);
    QVERIFY(menu);
    QVERIFY(choose(menu, QStringLiteral("contextMeasure")));
    MeasureTool *tool = mWindow->mapActions()->measureTool();
    QCOMPARE(canvas->mapTool(), tool);
    QVERIFY(mWindow->findChild<QAction *>(QStringLiteral("actionMeasure"))->isChecked());
    QCOMPARE(tool->measurement().lonLat.size(), std::size_t(1));
    const QPointF start = lonLatAt(canvas, from);
    QVERIFY(std::abs(tool->measurement().lonLat[0].x() - start.x()) < 1e-6);
    // The next click is the second point: the distance is from the place right-clicked to it.
    QTest::mouseClick(canvas, Qt::LeftButton, {}, from + QPoint(200, 0));
    QCOMPARE(tool->measurement().lonLat.size(), std::size_t(2));
    const double expected = Geodesic::inverse(start, lonLatAt(canvas, from + QPoint(200, 0))).distanceMetres;
    QVERIFY(expected > 10000);
    QVERIFY(std::abs(tool->measurement().lengthMetres - expected) < 1);
}

void TestMapContextMenu::addSightingHereOpensTheFormAtThePlace()
{
    QVERIFY(!openCaseInNewProject(mWindow, mDir, QStringLiteral("context.gpkg")).isEmpty());
    MapCanvas *canvas = mWindow->canvas();
    canvas->centerOnWgs84(kRajin, 50);
    QVERIFY(waitForRender());
    const QPoint at = widgetAt(canvas, kRajin);
    const QPointF place = lonLatAt(canvas, at);
    QMenu *menu = rightClick(at);
    QVERIFY(menu);
    QPointF formPlace;
    bool seen = false;
    QTimer::singleShot(0, mWindow, [&] {
        auto *form = qobject_cast<SightingDialog *>(QApplication::activeModalWidget());
        if (!form)
            return;
        seen = true;
        const Sighting s = form->sighting();
        if (!s.geometry.lonLat.isEmpty())
            formPlace = s.geometry.lonLat.front();
        form->reject();
    });
    QVERIFY(choose(menu, QStringLiteral("contextAddSighting")));
    QTRY_VERIFY(seen);
    QVERIFY(std::abs(formPlace.x() - place.x()) < 1e-6 && std::abs(formPlace.y() - place.y()) < 1e-6);
}

void TestMapContextMenu::whichVesselsWereHereAtTheTimeCursor()
{
    QVERIFY(openCase());
    MapCanvas *canvas = mWindow->canvas();
    std::shared_ptr<TrackLayer> tracks;
    for (const auto &layer : mWindow->layers()->layers())
        if (auto t = std::dynamic_pointer_cast<TrackLayer>(layer))
            tracks = t;
    QVERIFY(tracks);
    const VesselTrack *angara = tracks->store().track(kAngara);
    QVERIFY(angara && angara->size() > 100);
    // Between two of ANGARA's reports, half an hour after the one in the middle of its track.
    const std::int64_t at = angara->timeMs(angara->size() / 2) + 30 * 60 * 1000;
    const auto where = trackPositionAt(*angara, at, tracks->style().gapThresholdMs);
    QVERIFY(where);

    // Without a time cursor the question cannot be asked.
    canvas->centerOnWgs84(where->lonLat, 100);
    QVERIFY(waitForRender());
    QMenu *menu = rightClick(widgetAt(canvas, where->lonLat));
    QVERIFY(menu);
    QVERIFY(!menu->findChild<QAction *>(QStringLiteral("contextVesselsHere"))->isEnabled());
    menu->close();

    mWindow->timeController()->setCursorMs(at);
    QVERIFY(waitForRender());
    menu = rightClick(widgetAt(canvas, where->lonLat));
    QVERIFY(menu);
    QVERIFY(choose(menu, QStringLiteral("contextVesselsHere")));
    QString said = mWindow->messageBar()->text();
    QVERIFY2(said.contains(QStringLiteral("ANGARA")), qPrintable(said));
    QVERIFY2(said.contains(QStringLiteral("at the time")), qPrintable(said));
    // The place in DMS reads as such, its quote marks not shown as entities.
    QVERIFY2(!said.contains(QStringLiteral("&quot;")) || Qt::mightBeRichText(said), qPrintable(said));

    // Far out at sea from every track, at the same time: nobody.
    const QPointF nowhere(where->lonLat.x() + 3, where->lonLat.y() - 3);
    canvas->centerOnWgs84(nowhere, 100);
    QVERIFY(waitForRender());
    menu = rightClick(widgetAt(canvas, nowhere));
    QVERIFY(menu);
    QVERIFY(choose(menu, QStringLiteral("contextVesselsHere")));
    said = mWindow->messageBar()->text();
    QVERIFY2(said.contains(QStringLiteral("No vessel")) && !said.contains(QStringLiteral("ANGARA")), qPrintable(said));
}

void TestMapContextMenu::toolsThatUseTheRightButtonKeepIt()
{
    MapCanvas *canvas = mWindow->canvas();
    canvas->centerOnWgs84(kRajin, 100);
    QVERIFY(waitForRender());
    mWindow->findChild<QAction *>(QStringLiteral("actionMeasure"))->trigger();
    const QPoint a(200, 200), b(400, 260);
    QTest::mouseClick(canvas, Qt::LeftButton, {}, a);
    QTest::mouseClick(canvas, Qt::LeftButton, {}, b);
    // The right button finishes the measurement, and opens no menu.
    QVERIFY(!rightClick(b + QPoint(30, 30)));
    QVERIFY(mWindow->mapActions()->measureTool()->measurement().finished);
    // Back to panning: the right button opens the menu again.
    mWindow->findChild<QAction *>(QStringLiteral("actionPan"))->trigger();
    QMenu *menu = rightClick(a);
    QVERIFY(menu);
    menu->close();
}
