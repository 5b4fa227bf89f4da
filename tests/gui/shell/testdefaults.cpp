#include "shell/testdefaults.h"

#include "support/casewindow.h"
#include "fixtures.h"
#include "geo/transform.h"
#include "layers/layerstack.h"
#include "layers/rasterlayer.h"
#include "layers/vectorlayer.h"
#include "project/projectsession.h"
#include "ui/analysis/analysisactions.h"
#include "ui/analysis/analysisdialog.h"
#include "ui/analysis/eventspanel.h"
#include "ui/layers/layeractions.h"
#include "ui/layers/vesselpanel.h"
#include "ui/map/mapactions.h"
#include "ui/map/mapcanvas.h"
#include "ui/map/measurepanel.h"
#include "ui/project/projectcontroller.h"
#include "ui/shell/mainwindow.h"
#include "ui/sightings/counttool.h"
#include "ui/sightings/sightingactions.h"
#include "ui/sightings/sightingdialog.h"
#include "ui/sightings/sightingpanel.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTimer>

using namespace sightline;

namespace {

const QPointF kRajin(130.30, 42.25);

const QString kDemo = QStringLiteral(SIGHTLINE_DEMO_DIR);

/// A GeoJSON file of lines, each a list of lon/lat pairs.
QString writeLines(const QString &path, const QList<QList<QPointF>> &lines)
{
    QJsonArray features;
    for (const auto &line : lines) {
        QJsonArray coordinates;
        for (const QPointF &p : line)
            coordinates.append(QJsonArray{p.x(), p.y()});
        features.append(QJsonObject{
            {QStringLiteral("type"), QStringLiteral("Feature")},
            {QStringLiteral("properties"), QJsonObject{}},
            {QStringLiteral("geometry"),
             QJsonObject{{QStringLiteral("type"), QStringLiteral("LineString")}, {QStringLiteral("coordinates"), coordinates}}}});
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("FeatureCollection")},
                                         {QStringLiteral("features"), features}})
                   .toJson());
    return path;
}

/// Runs `look` on the modal dialog of type T that the next action opens, then cancels or saves it.
template <typename T> void whenModal(QObject *context, const std::function<void(T *)> &look)
{
    QTimer::singleShot(0, context, [look] {
        if (auto *dialog = qobject_cast<T *>(QApplication::activeModalWidget()))
            look(dialog);
    });
}

QPoint onCanvas(MapCanvas *canvas, QPointF lonLat)
{
    return canvas->toWidget(Transform(Crs::wgs84(), canvas->crs()).forward(lonLat)).toPoint();
}

} // namespace

void TestDefaults::initTestCase()
{
    QVERIFY(mDir.isValid());
}

void TestDefaults::init()
{
    mWindow = new MainWindow();
    mWindow->resize(1200, 800);
    mWindow->show();
    QVERIFY(QTest::qWaitForWindowExposed(mWindow));
}

void TestDefaults::cleanup()
{
    delete mWindow;
    mWindow = nullptr;
}

void TestDefaults::roundTripsStartFromThePortsTheVesselsWentBetween()
{
    // The ports listed with the two the case's vessels shuttle between last: the old default, the
    // first two of the list, would offer Vladivostok ⇄ Nakhodka.
    QFile demoPorts(kDemo + QStringLiteral("/vector/ports_APPROXIMATE.geojson"));
    QVERIFY(demoPorts.open(QIODevice::ReadOnly));
    QJsonObject ports = QJsonDocument::fromJson(demoPorts.readAll()).object();
    const QJsonArray listed = ports.value(QStringLiteral("features")).toArray();
    QJsonArray features;
    for (qsizetype i = listed.size(); i-- > 0;)
        features.append(listed[i]);
    ports.insert(QStringLiteral("features"), features);
    const QString reordered = mDir.filePath(QStringLiteral("ports_reordered.geojson"));
    QFile out(reordered);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(QJsonDocument(ports).toJson());
    out.close();
    mWindow->openFiles({kDemo + QStringLiteral("/ais/case_rajin_dunai_2023_SIMULATED.nmea"), reordered});
    QTRY_COMPARE_WITH_TIMEOUT(mWindow->layers()->count(), 2, 20000);
    QVERIFY(test::waitForIdle(mWindow));
    const QString project = mDir.filePath(QStringLiteral("roundtrips.gpkg"));
    QFile::remove(project);
    QVERIFY(mWindow->projectController()->newProject(project));

    auto run = [this](const char *kind, const std::function<void(AnalysisDialog *)> &look) {
        bool seen = false;
        whenModal<AnalysisDialog>(this, [&](AnalysisDialog *d) {
            seen = true;
            look(d);
            QTest::mouseClick(d->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        });
        mWindow->findChild<QAction *>(QStringLiteral("actionAnalyze_") + QLatin1String(kind))->trigger();
        return seen;
    };
    QVERIFY(run("port-calls", [](AnalysisDialog *) {}));
    QVERIFY(test::waitForIdle(mWindow)); // analyses run in the background: their calls stored first

    QStringList offered;
    QVERIFY(run("voyages", [&](AnalysisDialog *d) {
        offered = {d->roundTripPort(0)->currentText(), d->roundTripPort(1)->currentText()};
    }));
    offered.sort();
    QCOMPARE(offered, (QStringList{QStringLiteral("Dunai port"), QStringLiteral("Rajin (Rason) port")}));
}

void TestDefaults::routeMeasuringStartsOnTheRailwayLayer()
{
    // The borders opened first, as the demo opens them: the layer list starts on them.
    const QString borders = writeLines(mDir.filePath(QStringLiteral("borders.geojson")),
                                       {{QPointF(129.9, 42.0), QPointF(130.7, 42.6)}});
    const QString rail = writeLines(mDir.filePath(QStringLiteral("tumangang_railway.geojson")),
                                    {{QPointF(130.0, 42.3), QPointF(130.3, 42.25), QPointF(130.6, 42.4)}});
    mWindow->openFiles({borders, rail});
    QTRY_COMPARE_WITH_TIMEOUT(mWindow->layers()->count(), 2, 20000);
    QVERIFY(test::waitForIdle(mWindow));
    mWindow->findChild<QAction *>(QStringLiteral("actionMeasure"))->trigger();
    MeasurePanel *panel = mWindow->mapActions()->measurePanel();
    QCOMPARE(panel->layerCombo()->currentText(), QStringLiteral("borders"));
    // Route mode: the last of the modes, chosen with the keyboard.
    panel->modeCombo()->setFocus();
    QTest::keyClick(panel->modeCombo(), Qt::Key_End);
    QCOMPARE(panel->modeCombo()->currentData().toInt(), int(Measurement::Mode::Route));
    QCOMPARE(panel->layerCombo()->currentText(), QStringLiteral("tumangang_railway"));

    // A layer drawn as a railway wins over one only named like one, and a layer the analyst
    // picked by hand stays picked.
    const QString drawn = writeLines(mDir.filePath(QStringLiteral("lines.geojson")),
                                     {{QPointF(130.1, 42.1), QPointF(130.5, 42.5)}});
    mWindow->openFiles({drawn});
    QTRY_COMPARE_WITH_TIMEOUT(mWindow->layers()->count(), 3, 20000);
    auto lines = std::dynamic_pointer_cast<VectorLayer>(mWindow->layers()->layers().last());
    QVERIFY(lines);
    VectorStyle style = lines->style();
    style.symbol.railway = true;
    lines->setStyle(style);
    mWindow->layers()->notifyStyleChanged(lines->id());
    QTest::keyClick(panel->modeCombo(), Qt::Key_Home);
    QTest::keyClick(panel->modeCombo(), Qt::Key_End);
    QCOMPARE(panel->layerCombo()->currentText(), QStringLiteral("lines"));
}

void TestDefaults::aCountIsSavedAsWhatIsCounted()
{
    QVERIFY(!test::openCaseInNewProject(mWindow, mDir, QStringLiteral("counts.gpkg")).isEmpty());
    MapCanvas *canvas = mWindow->canvas();
    QMenu *counted = mWindow->findChild<QMenu *>(QStringLiteral("menuCountKind"));
    QVERIFY(counted);
    QAction *railCars = mWindow->findChild<QAction *>(QStringLiteral("actionCountKind_rail_cars"));
    QVERIFY(railCars);
    railCars->trigger(); // Sightings → What Is Counted → Rail Cars: the count tool is taken up
    CountTool *tool = mWindow->sightingActions()->countTool();
    QVERIFY(canvas->mapTool() == tool);

    auto count = [&](const std::function<void(SightingDialog *)> &look) {
        whenModal<SightingDialog>(this, [look](SightingDialog *form) {
            look(form);
            QTest::mouseClick(form->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save),
                              Qt::LeftButton);
        });
        const QPoint c = canvas->rect().center();
        for (int i = 0; i < 3; ++i)
            QTest::mouseClick(canvas, Qt::LeftButton, {}, c + QPoint(30 * i, 20));
        QTest::keyClick(canvas, Qt::Key_Return);
    };
    QString kind;
    count([&](SightingDialog *form) {
        kind = form->kind()->currentData().toString();
        // What was counted turns out to be containers: the next count starts as those.
        form->kind()->setCurrentIndex(form->kind()->findData(QStringLiteral("containers")));
    });
    QCOMPARE(kind, QStringLiteral("rail cars"));
    count([&](SightingDialog *form) { kind = form->kind()->currentData().toString(); });
    QCOMPARE(kind, QStringLiteral("containers"));
    const QList<Sighting> saved = mWindow->projectController()->session()->project().sightings();
    QCOMPARE(saved.size(), 2);
    QCOMPARE(saved[0].kind, QStringLiteral("containers"));
    QCOMPARE(saved[0].count, 3);
    QVERIFY(mWindow->findChild<QAction *>(QStringLiteral("actionCountKind_containers"))->isChecked());
}

void TestDefaults::imageryAndGradingAreRememberedForTheNextSighting()
{
    QVERIFY(!test::openCaseInNewProject(mWindow, mDir, QStringLiteral("remember.gpkg")).isEmpty());
    // An image under the sightings, whose file name says nothing of what it is: its name is
    // prefilled, the analyst writes the real one over it, and the next sighting on it keeps that.
    const int before = mWindow->layers()->count();
    mWindow->openFiles({test::makeGeoTiff(mDir.filePath(QStringLiteral("under.tif")), 4326, 40, 40,
                                          {130.0, 0.02, 0, 42.6, 0, -0.02}, QColor(30, 60, 90))});
    QTRY_COMPARE_WITH_TIMEOUT(mWindow->layers()->count(), before + 1, 20000);
    MapCanvas *canvas = mWindow->canvas();
    QString prefilled;
    auto addPoint = [&](const std::function<void(SightingDialog *)> &fill) {
        whenModal<SightingDialog>(this, [fill](SightingDialog *form) {
            fill(form);
            QTest::mouseClick(form->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save),
                              Qt::LeftButton);
        });
        mWindow->findChild<QAction *>(QStringLiteral("actionAddPointSighting"))->trigger();
        QTest::mouseClick(canvas, Qt::LeftButton, {}, onCanvas(canvas, kRajin));
    };
    addPoint([&prefilled](SightingDialog *form) {
        prefilled = form->imagerySource()->text();
        form->imagerySource()->clear();
        QTest::keyClicks(form->imagerySource(), QStringLiteral("WV3 104001008B1E"));
        QLineEdit *provider = nullptr;
        for (QLineEdit *e : form->findChildren<QLineEdit *>())
            if (e->placeholderText().startsWith(QStringLiteral("e.g. USGS")))
                provider = e;
        QTest::keyClicks(provider, QStringLiteral("Maxar"));
        form->reliability()->setCurrentIndex(form->reliability()->findData(QStringLiteral("B")));
        form->credibility()->setCurrentIndex(form->credibility()->findData(2));
    });
    QString source, provider, reliability;
    int credibility = 0;
    addPoint([&](SightingDialog *form) {
        source = form->imagerySource()->text();
        for (QLineEdit *e : form->findChildren<QLineEdit *>())
            if (e->placeholderText().startsWith(QStringLiteral("e.g. USGS")))
                provider = e->text();
        reliability = form->reliability()->currentData().toString();
        credibility = form->credibility()->currentData().toInt();
    });
    QCOMPARE(prefilled, QStringLiteral("under"));
    QCOMPARE(source, QStringLiteral("WV3 104001008B1E"));
    QCOMPARE(provider, QStringLiteral("Maxar"));
    QCOMPARE(reliability, QStringLiteral("B"));
    QCOMPARE(credibility, 2);
}

void TestDefaults::newImageryGoesUnderTracksAndVectors()
{
    QVERIFY(!test::openCaseInNewProject(mWindow, mDir, QStringLiteral("imagery.gpkg")).isEmpty());
    const QString scene = test::makeGeoTiff(mDir.filePath(QStringLiteral("scene.tif")), 4326, 40, 40,
                                            {130.0, 0.01, 0, 42.5, 0, -0.01}, QColor(30, 60, 90));
    const int before = mWindow->layers()->count();
    mWindow->openFiles({scene});
    QTRY_COMPARE_WITH_TIMEOUT(mWindow->layers()->count(), before + 1, 20000);
    const auto &layers = mWindow->layers()->layers();
    QCOMPARE(layers.first()->kind(), Layer::Kind::Raster); // at the bottom: tracks and ports stay over it
    for (qsizetype i = 1; i < layers.size(); ++i)
        QVERIFY(layers[i]->kind() != Layer::Kind::Raster);
}

void TestDefaults::tablesSortAscendingFirst()
{
    QVERIFY(!test::openCaseInNewProject(mWindow, mDir, QStringLiteral("sorting.gpkg")).isEmpty());
    // Vessels: A→Z by name from the start.
    QTableWidget *vessels = mWindow->layerActions()->vesselPanel()->table();
    QVERIFY(vessels->rowCount() >= 2);
    QCOMPARE(vessels->horizontalHeader()->sortIndicatorOrder(), Qt::AscendingOrder);
    QVERIFY2(vessels->item(0, 0)->text() <= vessels->item(1, 0)->text(),
             qPrintable(vessels->item(0, 0)->text() + QStringLiteral(" / ") + vessels->item(1, 0)->text()));
    // A first click on another column sorts it ascending too.
    QHeaderView *header = vessels->horizontalHeader();
    mWindow->layerActions()->vesselDock()->show();
    QTRY_VERIFY(header->isVisible());
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                      QPoint(header->sectionViewportPosition(1) + header->sectionSize(1) / 2, header->height() / 2));
    QCOMPARE(header->sortIndicatorSection(), 1);
    QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);
    QVERIFY(vessels->item(0, 1)->text().toLongLong() <= vessels->item(1, 1)->text().toLongLong());

    // Sightings: a first click on Kind sorts A→Z.
    QTableView *sightings = mWindow->sightingActions()->panel()->table();
    QHeaderView *sHeader = sightings->horizontalHeader();
    mWindow->sightingActions()->dock()->show();
    QTRY_VERIFY(sHeader->isVisible());
    QTest::mouseClick(sHeader->viewport(), Qt::LeftButton, {},
                      QPoint(sHeader->sectionViewportPosition(1) + sHeader->sectionSize(1) / 2, sHeader->height() / 2));
    QCOMPARE(sHeader->sortIndicatorSection(), 1);
    QCOMPARE(sHeader->sortIndicatorOrder(), Qt::AscendingOrder);
}

void TestDefaults::filesOpenedIntoAnEmptyMapAreFramedTogether()
{
    // Two images a degree apart: framing the first alone would leave the second off the map.
    const QString west = test::makeGeoTiff(mDir.filePath(QStringLiteral("west.tif")), 4326, 40, 40,
                                           {129.0, 0.005, 0, 42.6, 0, -0.005}, QColor(200, 30, 30));
    const QString east = test::makeGeoTiff(mDir.filePath(QStringLiteral("east.tif")), 4326, 40, 40,
                                           {130.5, 0.005, 0, 42.0, 0, -0.005}, QColor(30, 200, 30));
    mWindow->openFiles({west, east});
    QTRY_COMPARE_WITH_TIMEOUT(mWindow->layers()->count(), 2, 20000);
    QVERIFY(test::waitForIdle(mWindow));
    const MapSettings s = mWindow->canvas()->mapSettings();
    const QRectF view = Transform(s.destinationCrs(), Crs::wgs84()).forwardBounds(s.visibleExtent(), 21);
    for (const auto &layer : mWindow->layers()->layers()) {
        const QRectF e = layer->extentWgs84();
        QVERIFY2(view.contains(e), qPrintable(layer->name()));
    }
}

void TestDefaults::aFileOpenedIntoANewProjectIsFramed()
{
    // A new project has its Sightings layer before anything is opened; its map is still empty, and
    // the first image opened into it is framed rather than left a speck at 1:148,000,000.
    QVERIFY(mWindow->projectController()->newProject(mDir.filePath(QStringLiteral("framed.gpkg"))));
    QVERIFY(test::waitForIdle(mWindow));
    QVERIFY(mWindow->layers()->count() > 0);
    const QString image = test::makeGeoTiff(mDir.filePath(QStringLiteral("alone.tif")), 4326, 40, 40,
                                            {130.5, 0.005, 0, 42.0, 0, -0.005}, QColor(30, 30, 200));
    mWindow->openFiles({image});
    QTRY_VERIFY_WITH_TIMEOUT(mWindow->layers()->layers().last()->kind() == Layer::Kind::Raster ||
                                 mWindow->layers()->layers().first()->kind() == Layer::Kind::Raster,
                             20000);
    QVERIFY(test::waitForIdle(mWindow));
    const MapSettings s = mWindow->canvas()->mapSettings();
    const QRectF view = Transform(s.destinationCrs(), Crs::wgs84()).forwardBounds(s.visibleExtent(), 21);
    const QRectF e(130.5, 41.8, 0.2, 0.2);
    QVERIFY(view.contains(e));
    QVERIFY2(view.width() < 10 * e.width(), qPrintable(QStringLiteral("the view is %1° wide").arg(view.width())));
}
