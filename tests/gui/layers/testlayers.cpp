#include "layers/testlayers.h"

using namespace sightline;
using namespace sightline::test;

void TestLayers::opensGeoTiffAndShowsItAtTheRightPlace()
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

void TestLayers::opensSeveralFilesInTheGivenOrder()
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
    // Opened into an empty map, the files frame the view together: the whole basemap (127–136E)
    // and the Bahamas scene are in sight, not the first file alone.
    const QRectF seen =
        Transform(mWindow->canvas()->crs(), Crs::wgs84()).forwardBounds(mWindow->canvas()->visibleExtent());
    QVERIFY(seen.contains(QRectF(QPointF(127.1, 40.1), QPointF(135.9, 45.9))));
    for (const auto &layer : mWindow->layers()->layers())
        QVERIFY2(seen.contains(layer->extentWgs84()), qPrintable(layer->name()));
}

void TestLayers::togglingALayerHidesIt()
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

void TestLayers::opacitySliderChangesTheLayer()
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

void TestLayers::reorderingTheListReordersTheStack()
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

void TestLayers::removingALayer()
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

void TestLayers::propertiesDialogListsTheFacts()
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

void TestLayers::badInputsAreReportedAndTheAppKeepsRunning()
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

void TestLayers::unreachableServiceIsReported()
{
    qputenv("SIGHTLINE_TILE_CACHE", mDir.filePath(QStringLiteral("tiles")).toUtf8());
    mWindow->openFiles({QStringLiteral("http://127.0.0.1:9/{z}/{x}/{y}.png")});
    QTRY_COMPARE(mWindow->layers()->count(), 1);
    QVERIFY(waitForRender());
    QTRY_VERIFY(mWindow->messageBar()->text().contains(QStringLiteral("127.0.0.1:9")));
    QCOMPARE(mWindow->messageBar()->level(), MessageBar::Level::Error);
}

void TestLayers::largeRasterWithoutOverviewsOffersToBuildThem()
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

void TestLayers::vesselSearchAndClickHighlightsTheTrack()
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

void TestLayers::tracksCanBeColouredBySpeed()
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

void TestLayers::unknownCsvAsksForItsColumns()
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

void TestLayers::multiLayerFileAsksWhichLayersAndIdentifiesFeatures()
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

void TestLayers::addsPostgisLayersThroughTheDialog()
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

void TestLayers::attributeTableFiltersSelectsAndZooms()
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

void TestLayers::styleDockChangesTheLayer()
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

void TestLayers::importsAnAisLogWithAReport()
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

void TestLayers::cancellingAnImportKeepsWhatWasRead()
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
