#include "map/testmap.h"

using namespace sightline;
using namespace sightline::test;

void TestMap::dragPansTheMap()
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

void TestMap::wheelZoomsAroundTheCursor()
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

void TestMap::keysPanAndZoom()
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

void TestMap::zoomBoxFramesTheDraggedRectangle()
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

void TestMap::goToTypedCoordinateAndMgrs()
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

void TestMap::statusBarShowsCursorPositionAndScale()
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

void TestMap::identifyShowsThePositionsFields()
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

void TestMap::measuresDistanceAreaAndNearestFeature()
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
