#include "editing/testediting.h"

using namespace sightline;
using namespace sightline::test;

void TestEditing::drawsAPolygonMovesAVertexAndUndoes()
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

void TestEditing::railRouteAndCorridorAroundASelectedLine()
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
