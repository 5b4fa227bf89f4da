#include "project/testproject.h"

#include "ui/common/datetimefield.h"
#include "ui/annotations/annotationactions.h"
#include "ui/annotations/annotationdialog.h"
#include "ui/annotations/annotationedittool.h"
#include "ui/sightings/audithistorydialog.h"
#include "ui/sightings/counttool.h"
#include "fixtures.h"
#include "geo/transform.h"
#include "ui/map/identifypanel.h"
#include "layers/layerstack.h"
#include "layers/sightinglayer.h"
#include "layers/vectorlayer.h"
#include "ui/shell/mainwindow.h"
#include "ui/map/mapactions.h"
#include "ui/common/loadstatus.h"
#include "ui/map/mapcanvas.h"
#include "ui/common/messagebar.h"
#include "ui/project/missinglayersdialog.h"
#include "project/project.h"
#include "project/projectsession.h"
#include "ui/project/projectcontroller.h"
#include "projecttampering.h"
#include "ui/map/savedviewsmenu.h"
#include "ui/sightings/sightingactions.h"
#include "ui/sightings/sightingdialog.h"
#include "ui/sightings/sightingpanel.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>
#include <QUndoStack>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

using namespace sightline;

namespace {

QRectF viewWgs84(const MapCanvas *canvas)
{
    const MapSettings s = canvas->mapSettings();
    return Transform(s.destinationCrs(), Crs::wgs84()).forwardBounds(s.visibleExtent(), 21);
}

// Answers the next modal message box by pressing the button whose text starts with `text`.
void answerNextMessageBox(QObject *context, const QString &objectName, const QString &text, bool *seen)
{
    QTimer::singleShot(0, context, [objectName, text, seen] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box || box->objectName() != objectName)
            return;
        *seen = true;
        for (QAbstractButton *b : box->buttons())
            if (b->text().startsWith(text)) {
                b->click();
                return;
            }
    });
}

} // namespace

void TestProject::initTestCase()
{
    QVERIFY(mDir.isValid());
}

void TestProject::init()
{
    mWindow = new MainWindow();
    mWindow->resize(1000, 700);
    mWindow->show();
    QVERIFY(QTest::qWaitForWindowExposed(mWindow));
}

void TestProject::cleanup()
{
    delete mWindow;
    mWindow = nullptr;
}

bool TestProject::waitForIdle()
{
    QTest::qWait(50);
    return QTest::qWaitFor(
        [this] {
            return !mWindow->loadStatus()->isLoading() && !mWindow->canvas()->isRendering() &&
                   !mWindow->projectController()->isRestoring();
        },
        10000);
}

QString TestProject::writePorts(const QString &name)
{
    const QString path = mDir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(R"({"type":"FeatureCollection","features":[
 {"type":"Feature","properties":{"name":"Rajin port"},"geometry":{"type":"Polygon","coordinates":[[[130.28,42.23],[130.32,42.23],[130.32,42.26],[130.28,42.26],[130.28,42.23]]]}}]})");
    return path;
}

void TestProject::newProjectKeepsLayersStyleAndViewAcrossReopening()
{
    const QString ports = writePorts(QStringLiteral("ports.geojson"));
    mWindow->openFiles({ports});
    QTRY_COMPARE(mWindow->layers()->count(), 1);
    QVERIFY(waitForIdle());
    const QString path = mDir.filePath(QStringLiteral("case.gpkg"));
    QFile::remove(path);
    ProjectController *project = mWindow->projectController();
    QVERIFY(project->newProject(path));
    QVERIFY(Project::isProject(path));
    QVERIFY(mWindow->windowTitle().startsWith(QStringLiteral("case — Sightline")));
    // The sightings layer joins, on top.
    QCOMPARE(mWindow->layers()->count(), 2);
    QCOMPARE(mWindow->layers()->layers().last()->kind(), Layer::Kind::Sighting);

    // Changes are written as they are made: opacity, a style, the view.
    auto vector = std::dynamic_pointer_cast<VectorLayer>(mWindow->layers()->layers().first());
    QVERIFY(vector);
    VectorStyle style = vector->style();
    style.symbol.stroke = QColor(250, 0, 200);
    vector->setStyle(style);
    mWindow->layers()->notifyStyleChanged(vector->id());
    mWindow->layers()->setOpacity(vector->id(), 0.4);
    mWindow->zoomToWgs84(QRectF(QPointF(130.1, 42.1), QPointF(130.5, 42.4)));
    QVERIFY(waitForIdle());
    QTest::qWait(600); // the view is saved once it settles
    const QRectF saved = viewWgs84(mWindow->canvas());
    {
        auto reader = Project::open(path, Project::Mode::ReadOnly, nullptr);
        QVERIFY(reader);
        QCOMPARE(reader->layers().size(), 1);
        QCOMPARE(reader->layers().first().opacity, 0.4);
        QCOMPARE(reader->layers().first().source, ports);
        QVERIFY(reader->currentView());
    }

    // Closing clears the map; opening brings it all back.
    mWindow->findChild<QAction *>(QStringLiteral("actionCloseProject"))->trigger();
    QCOMPARE(mWindow->layers()->count(), 0);
    QCOMPARE(mWindow->windowTitle(), QStringLiteral("Sightline"));
    mWindow->openFiles({path});
    QVERIFY(waitForIdle());
    QTRY_COMPARE(mWindow->layers()->count(), 2);
    auto reopened = std::dynamic_pointer_cast<VectorLayer>(mWindow->layers()->layers().first());
    QVERIFY(reopened);
    QCOMPARE(reopened->opacity(), 0.4);
    QCOMPARE(reopened->style().symbol.stroke, QColor(250, 0, 200));
    const QRectF view = viewWgs84(mWindow->canvas());
    QVERIFY2(std::abs(view.center().x() - saved.center().x()) < 0.01 &&
                 std::abs(view.center().y() - saved.center().y()) < 0.01,
             qPrintable(QStringLiteral("view centre %1,%2").arg(view.center().x()).arg(view.center().y())));
    QVERIFY(mWindow->projectController()->recentProjects().contains(QFileInfo(path).absoluteFilePath()));
}

void TestProject::aProjectInUseOpensReadOnly()
{
    const QString path = mDir.filePath(QStringLiteral("shared.gpkg"));
    QFile::remove(path);
    auto other = Project::create(path, nullptr); // "another Sightline" holds it
    QVERIFY(other);
    Sighting s;
    s.kind = QStringLiteral("vessel");
    s.geometry.lonLat = {QPointF(130.3, 42.25)};
    QVERIFY(other->addSighting(s) > 0);
    bool asked = false;
    answerNextMessageBox(this, QStringLiteral("projectInUseDialog"), QStringLiteral("Open Read-Only"),
                         &asked);
    QVERIFY(mWindow->openProject(path));
    QVERIFY(asked);
    QVERIFY(waitForIdle());
    QVERIFY(mWindow->projectController()->isReadOnly());
    QVERIFY2(mWindow->windowTitle().contains(QStringLiteral("[read-only]")),
             qPrintable(mWindow->windowTitle()));
    QCOMPARE(mWindow->projectController()->sightingLayer()->sightings().size(), 1);
    // Nothing is written: the other instance's file keeps its one audit line.
    mWindow->zoomToWgs84(QRectF(QPointF(130.0, 42.0), QPointF(131.0, 43.0)));
    QTest::qWait(600);
    QCOMPARE(other->auditLog().size(), 1);
    // Declined: nothing opens.
    mWindow->projectController()->closeProject();
    answerNextMessageBox(this, QStringLiteral("projectInUseDialog"), QStringLiteral("Cancel"), &asked);
    QVERIFY(!mWindow->openProject(path));
    QVERIFY(!mWindow->projectController()->session());
}

void TestProject::aMovedLayerIsFoundBesideTheProjectOrSkippedAndKept()
{
    QDir(mDir.path()).mkpath(QStringLiteral("moved/data"));
    QDir(mDir.path()).mkpath(QStringLiteral("elsewhere"));
    const QString ports = writePorts(QStringLiteral("elsewhere/harbours.geojson"));
    const QString gone = writePorts(QStringLiteral("elsewhere/gone.geojson"));
    const QString path = mDir.filePath(QStringLiteral("moved/case.gpkg"));
    QFile::remove(path);
    {
        auto project = Project::create(path, nullptr);
        QVERIFY(project);
        QVERIFY(project->setLayers({{ports, {}, QStringLiteral("Harbours"), true, 1.0, {}},
                                    {gone, {}, QStringLiteral("Gone"), true, 1.0, {}}}));
    }
    // One file moved beside the project, the other vanished.
    QVERIFY(QFile::rename(ports, mDir.filePath(QStringLiteral("moved/data/harbours.geojson"))));
    QVERIFY(QFile::remove(gone));
    // The missing one is listed; Continue skips it.
    int listed = 0;
    QTimer::singleShot(0, this, [&listed] {
        auto *dialog = qobject_cast<MissingLayersDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        listed = dialog->list()->topLevelItemCount();
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    });
    QVERIFY(mWindow->openProject(path));
    QCOMPARE(listed, 1);
    QVERIFY(waitForIdle());
    QTRY_COMPARE(mWindow->layers()->count(), 2); // harbours + sightings
    QCOMPARE(mWindow->layers()->layers().first()->name(), QStringLiteral("Harbours"));
    QCOMPARE(mWindow->projectController()->unavailableLayers().size(), 1);
    // The skipped layer stays in the file; the found one is stored at its new place.
    QTest::qWait(50);
    auto reader = Project::open(path, Project::Mode::ReadOnly, nullptr);
    QVERIFY(reader);
    const QList<ProjectLayer> stored = reader->layers();
    QCOMPARE(stored.size(), 2);
    QStringList sources;
    for (const ProjectLayer &l : stored)
        sources << l.source;
    QVERIFY(sources.contains(gone));
    QVERIFY(sources.contains(mDir.filePath(QStringLiteral("moved/data/harbours.geojson"))));
}

void TestProject::placesAPointSightingThroughTheFormAndUndoes()
{
    // A Landsat-named image under the click: the form is prefilled from it.
    const QString image =
        test::makeGeoTiff(mDir.filePath(QStringLiteral("LC08_L1TP_114031_20231005_20231010_02_T1.tif")), 4326,
                          400, 300, {130.0, 0.002, 0, 42.5, 0, -0.002}, QColor(40, 70, 90));
    QVERIFY(!image.isEmpty());
    const QString path = mDir.filePath(QStringLiteral("sightings.gpkg"));
    QFile::remove(path);
    mWindow->openFiles({image});
    QTRY_COMPARE(mWindow->layers()->count(), 1);
    QVERIFY(mWindow->projectController()->newProject(path));
    mWindow->zoomToWgs84(QRectF(QPointF(130.2, 42.15), QPointF(130.4, 42.35)));
    QVERIFY(waitForIdle());

    QString prefilledSource, prefilledTime;
    QTimer::singleShot(0, this, [&] {
        auto *form = qobject_cast<SightingDialog *>(QApplication::activeModalWidget());
        if (!form)
            return;
        prefilledSource = form->imagerySource()->text();
        prefilledTime = form->observedAt()->lineEdit()->text();
        form->kind()->setCurrentIndex(form->kind()->findData(QStringLiteral("vessel")));
        QTest::keyClicks(form->notes(), QStringLiteral("Angara alongside the north quay"));
        form->reliability()->setCurrentIndex(1); // B
        form->credibility()->setCurrentIndex(1); // 2
        QTest::keyClicks(form->tags(), QStringLiteral("Rajin, dark"));
        QTest::mouseClick(form->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save),
                          Qt::LeftButton);
    });
    mWindow->findChild<QAction *>(QStringLiteral("actionAddPointSighting"))->trigger();
    MapCanvas *canvas = mWindow->canvas();
    const QPoint at =
        canvas->toWidget(Transform(Crs::wgs84(), canvas->crs()).forward(QPointF(130.30, 42.245))).toPoint();
    QTest::mouseClick(canvas, Qt::LeftButton, {}, at);
    QCOMPARE(prefilledSource, QStringLiteral("LC08_L1TP_114031_20231005_20231010_02_T1"));
    QVERIFY2(prefilledTime.startsWith(QStringLiteral("2023-10-05")), qPrintable(prefilledTime));

    ProjectSession *session = mWindow->projectController()->session();
    QVERIFY(session);
    QList<Sighting> stored = session->project().sightings();
    QCOMPARE(stored.size(), 1);
    const Sighting s = stored.first();
    QCOMPARE(s.kind, QStringLiteral("vessel"));
    QCOMPARE(s.notes, QStringLiteral("Angara alongside the north quay"));
    QCOMPARE(s.grading(), QStringLiteral("B2"));
    QCOMPARE(s.tags, (QStringList{QStringLiteral("Rajin"), QStringLiteral("dark")}));
    QCOMPARE(s.imageryProvider, QStringLiteral("USGS Landsat 8"));
    QVERIFY(std::abs(s.geometry.lonLat.first().x() - 130.30) < 0.002);
    QVERIFY(std::abs(s.geometry.lonLat.first().y() - 42.245) < 0.002);
    QCOMPARE(mWindow->projectController()->sightingLayer()->sightings().size(), 1);

    // Undo removes it from the map and the file; redo puts the same one back.
    mWindow->findChild<QAction *>(QStringLiteral("actionUndo"))->trigger();
    QCOMPARE(session->project().sightings().size(), 0);
    QCOMPARE(mWindow->projectController()->sightingLayer()->sightings().size(), 0);
    mWindow->findChild<QAction *>(QStringLiteral("actionRedo"))->trigger();
    stored = session->project().sightings();
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.first().id, s.id);
}

QString TestProject::openImageInNewProject(const QString &projectName)
{
    const QString image =
        test::makeGeoTiff(mDir.filePath(QStringLiteral("LC08_L1TP_114031_20231005_20231010_02_T1.tif")), 4326,
                          400, 300, {130.0, 0.002, 0, 42.5, 0, -0.002}, QColor(40, 70, 90));
    if (image.isEmpty())
        return {};
    const QString path = mDir.filePath(projectName);
    QFile::remove(path);
    mWindow->openFiles({image});
    if (!QTest::qWaitFor([this] { return mWindow->layers()->count() == 1; }, 10000))
        return {};
    if (!mWindow->projectController()->newProject(path))
        return {};
    mWindow->zoomToWgs84(QRectF(QPointF(130.2, 42.15), QPointF(130.4, 42.35)));
    return waitForIdle() ? path : QString();
}

void TestProject::countsTenObjectsWithClicksAsOneSighting()
{
    QVERIFY(!openImageInNewProject(QStringLiteral("count.gpkg")).isEmpty());
    MapCanvas *canvas = mWindow->canvas();
    const Transform toMap(Crs::wgs84(), canvas->crs());
    auto widgetAt = [&](double lon, double lat) {
        return canvas->toWidget(toMap.forward(QPointF(lon, lat))).toPoint();
    };

    mWindow->findChild<QAction *>(QStringLiteral("actionCountObjects"))->trigger();
    CountTool *tool = mWindow->sightingActions()->countTool();
    int tally = -1;
    connect(tool, &CountTool::tallyChanged, this, [&](int n) { tally = n; });
    // Eleven rail cars in a row, clicked quickly (some arrive as double-clicks)...
    for (int i = 0; i < 11; ++i)
        QTest::mouseClick(canvas, Qt::LeftButton, {}, widgetAt(130.25 + i * 0.008, 42.25));
    QCOMPARE(tool->count(), 11);
    QCOMPARE(tally, 11);
    // ...one counted twice is removed with a right-click on its mark...
    QTest::mouseClick(canvas, Qt::RightButton, {}, widgetAt(130.25 + 4 * 0.008, 42.25));
    QCOMPARE(tally, 10);
    // ...and the first one dragged onto the car it belongs to.
    const QPoint from = widgetAt(130.25, 42.25), to = widgetAt(130.25, 42.27);
    QTest::mousePress(canvas, Qt::LeftButton, {}, from);
    QMouseEvent drag(QEvent::MouseMove, to, canvas->mapToGlobal(to), Qt::NoButton, Qt::LeftButton,
                     Qt::NoModifier);
    QApplication::sendEvent(canvas, &drag);
    QTest::mouseRelease(canvas, Qt::LeftButton, {}, to);
    QCOMPARE(tool->count(), 10);
    QVERIFY(std::abs(tool->marks().first().y() - 42.27) < 0.002);

    // Enter opens the form with the total fixed to the marks; cancelling keeps the marks.
    QTimer::singleShot(0, this, [] {
        if (auto *form = qobject_cast<SightingDialog *>(QApplication::activeModalWidget()))
            form->reject();
    });
    QTest::keyClick(canvas, Qt::Key_Return);
    QCOMPARE(tool->count(), 10);
    ProjectSession *session = mWindow->projectController()->session();
    QCOMPARE(session->project().sightings().size(), 0);

    int formCount = -1;
    bool countEditable = true;
    QTimer::singleShot(0, this, [&] {
        auto *form = qobject_cast<SightingDialog *>(QApplication::activeModalWidget());
        if (!form)
            return;
        formCount = form->count()->value();
        countEditable = form->count()->isEnabled();
        form->kind()->setCurrentIndex(form->kind()->findData(QStringLiteral("rail cars")));
        QTest::mouseClick(form->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save),
                          Qt::LeftButton);
    });
    QTest::keyClick(canvas, Qt::Key_Return);
    QCOMPARE(formCount, 10);
    QVERIFY(!countEditable);
    QCOMPARE(tool->count(), 0);
    const QList<Sighting> stored = session->project().sightings();
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.first().count, 10);
    QCOMPARE(stored.first().kind, QStringLiteral("rail cars"));
    QCOMPARE(stored.first().geometry.type, SightingGeometry::Type::MultiPoint);
    QCOMPARE(stored.first().geometry.lonLat.size(), 10);
    QVERIFY(std::abs(stored.first().geometry.lonLat.first().y() - 42.27) < 0.002);
    QCOMPARE(stored.first().title(), QStringLiteral("10 rail cars"));

    // One undo takes the whole count back.
    mWindow->undoStack()->undo();
    QCOMPARE(session->project().sightings().size(), 0);
}

void TestProject::sightingsDockFiltersSortsEditsDeletesAndShowsHistory()
{
    QVERIFY(!openImageInNewProject(QStringLiteral("dock.gpkg")).isEmpty());
    ProjectSession *session = mWindow->projectController()->session();
    auto make = [](const char *kind, double lon, double lat, int count, const char *notes) {
        Sighting s;
        s.kind = QString::fromLatin1(kind);
        s.geometry.lonLat = {QPointF(lon, lat)};
        s.count = count;
        s.notes = QString::fromLatin1(notes);
        s.observedAtMs = parseUtcIso(QStringLiteral("2023-10-05T02:00:00Z")) + count * 60000;
        return s;
    };
    QVERIFY(session->addSighting(make("vessel", 130.30, 42.245, 0, "Angara at the north quay")));
    QVERIFY(session->addSighting(make("rail cars", 130.26, 42.20, 73, "Tumangang yard")));
    QVERIFY(session->addSighting(make("containers", 130.34, 42.30, 120, "Stacks on the quay")));

    SightingPanel *panel = mWindow->sightingActions()->panel();
    QTableView *table = panel->table();
    QCOMPARE(table->model()->rowCount(), 3);

    // Filter on any column.
    QTest::keyClicks(panel->filter(), QStringLiteral("rail"));
    QCOMPARE(table->model()->rowCount(), 1);
    panel->filter()->clear();
    QCOMPARE(table->model()->rowCount(), 3);

    // Sort by count, descending after a second click on the header.
    const int countColumn = 3;
    const int x = table->horizontalHeader()->sectionViewportPosition(countColumn) + 5;
    QTest::mouseClick(table->horizontalHeader()->viewport(), Qt::LeftButton, {}, QPoint(x, 5));
    QTest::mouseClick(table->horizontalHeader()->viewport(), Qt::LeftButton, {}, QPoint(x, 5));
    QStringList order;
    for (int row = 0; row < 3; ++row)
        order << table->model()->index(row, 1).data().toString();
    QCOMPARE(order.first(), QStringLiteral("Containers"));

    // Pick the rail cars row, zoom to it: the map frames it.
    int railRow = -1;
    for (int row = 0; row < 3; ++row)
        if (table->model()->index(row, 1).data().toString() == QLatin1String("Rail cars"))
            railRow = row;
    QVERIFY(railRow >= 0);
    const QRect cell = table->visualRect(table->model()->index(railRow, 2));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    const std::int64_t railId = panel->currentId();
    QVERIFY(railId != 0);
    QCOMPARE(mWindow->projectController()->sightingLayer()->selected(), railId);
    QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("sightingZoom")), Qt::LeftButton);
    QVERIFY(waitForIdle());
    const QRectF view = viewWgs84(mWindow->canvas());
    QVERIFY(view.contains(QPointF(130.26, 42.20)));
    QVERIFY2(view.width() < 0.05, qPrintable(QString::number(view.width())));

    // Edit through the form: the change is stored with a new version.
    QTimer::singleShot(0, this, [] {
        auto *form = qobject_cast<SightingDialog *>(QApplication::activeModalWidget());
        if (!form)
            return;
        form->notes()->setPlainText(QStringLiteral("73 flatcars with containers, Tumangang yard"));
        QTest::mouseClick(form->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save),
                          Qt::LeftButton);
    });
    QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("sightingEdit")), Qt::LeftButton);
    std::optional<Sighting> edited = session->project().sighting(railId);
    QVERIFY(edited);
    QCOMPARE(edited->notes, QStringLiteral("73 flatcars with containers, Tumangang yard"));
    QCOMPARE(edited->version, 2);
    QCOMPARE(panel->currentId(), railId); // the row stays picked after the table reloads

    // History: who added it and who edited it.
    QStringList actions, users;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<AuditHistoryDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        for (int row = 0; row < dialog->table()->rowCount(); ++row) {
            actions << dialog->table()->item(row, 2)->text();
            users << dialog->table()->item(row, 1)->text();
        }
        dialog->reject();
    });
    QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("sightingHistory")), Qt::LeftButton);
    QCOMPARE(actions, (QStringList{QStringLiteral("Added"), QStringLiteral("Edited")}));
    QCOMPARE(users.first(), session->project().analyst());

    // Delete, then undo: it comes back with its id.
    QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("sightingDelete")), Qt::LeftButton);
    QCOMPARE(table->model()->rowCount(), 2);
    QVERIFY(!session->project().sighting(railId));
    mWindow->undoStack()->undo();
    QCOMPARE(table->model()->rowCount(), 3);
    QVERIFY(session->project().sighting(railId));

    // Identify on the map picks a sighting: its row is selected and its fields shown.
    mWindow->findChild<QAction *>(QStringLiteral("actionIdentify"))->trigger();
    MapCanvas *canvas = mWindow->canvas();
    mWindow->zoomToWgs84(QRectF(QPointF(130.2, 42.15), QPointF(130.4, 42.35)));
    QVERIFY(waitForIdle());
    const QPoint at =
        canvas->toWidget(Transform(Crs::wgs84(), canvas->crs()).forward(QPointF(130.30, 42.245))).toPoint();
    QTest::mouseClick(canvas, Qt::LeftButton, {}, at);
    QVERIFY2(mWindow->mapActions()->identifyPanel()->title().contains(QStringLiteral("Vessel")),
             qPrintable(mWindow->mapActions()->identifyPanel()->title()));
    QCOMPARE(table->model()->index(table->currentIndex().row(), 1).data().toString(),
             QStringLiteral("Vessel"));
}

void TestProject::savedViewsAreKeptInTheProject()
{
    const QString path = openImageInNewProject(QStringLiteral("views.gpkg"));
    QVERIFY(!path.isEmpty());
    const QRectF rajin(QPointF(130.28, 42.22), QPointF(130.32, 42.26));
    mWindow->zoomToWgs84(rajin);
    QVERIFY(waitForIdle());

    // Ctrl+B asks for a name, as QGIS's spatial bookmarks do.
    QTimer::singleShot(0, this, [] {
        if (auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget())) {
            dialog->setTextValue(QStringLiteral("Rajin quays"));
            dialog->accept();
        }
    });
    mWindow->findChild<QAction *>(QStringLiteral("actionSaveView"))->trigger();
    QCOMPARE(mWindow->projectController()->session()->project().views().size(), 1);

    // Elsewhere, then back through the menu entry the view now has.
    mWindow->zoomToWgs84(QRectF(QPointF(131.8, 43.0), QPointF(132.0, 43.2)));
    QVERIFY(waitForIdle());
    auto *menu = mWindow->findChild<QMenu *>(QStringLiteral("savedViewsMenu"));
    QVERIFY(menu);
    QAction *entry = nullptr;
    for (QAction *a : menu->actions())
        if (a->text() == QLatin1String("Rajin quays"))
            entry = a;
    QVERIFY(entry);
    entry->trigger();
    QVERIFY(waitForIdle());
    QVERIFY(viewWgs84(mWindow->canvas()).contains(rajin.center()));
    QVERIFY(viewWgs84(mWindow->canvas()).width() < 0.2);

    // Undo takes the bookmark away; redo brings it back; it is in the file after closing.
    mWindow->undoStack()->undo();
    QCOMPARE(mWindow->projectController()->session()->project().views().size(), 0);
    mWindow->undoStack()->redo();
    mWindow->projectController()->closeProject();
    const auto reopened = Project::open(path, Project::Mode::ReadOnly, nullptr);
    QVERIFY(reopened);
    QCOMPARE(reopened->views().size(), 1);
    QCOMPARE(reopened->views().first().name, QStringLiteral("Rajin quays"));
}

void TestProject::annotationsAreDrawnMovedResizedAndKept()
{
    const QString path = openImageInNewProject(QStringLiteral("annotations.gpkg"));
    QVERIFY(!path.isEmpty());
    MapCanvas *canvas = mWindow->canvas();
    const Transform toMap(Crs::wgs84(), canvas->crs()), toWgs84(canvas->crs(), Crs::wgs84());
    auto widgetAt = [&](double lon, double lat) {
        return canvas->toWidget(toMap.forward(QPointF(lon, lat))).toPoint();
    };
    auto drag = [&](QPoint from, QPoint to) {
        QTest::mousePress(canvas, Qt::LeftButton, {}, from);
        for (int i = 1; i <= 4; ++i) {
            const QPoint at = from + (to - from) * i / 4;
            QMouseEvent move(QEvent::MouseMove, at, canvas->mapToGlobal(at), Qt::NoButton, Qt::LeftButton,
                             Qt::NoModifier);
            QApplication::sendEvent(canvas, &move);
        }
        QTest::mouseRelease(canvas, Qt::LeftButton, {}, to);
    };
    ProjectSession *session = mWindow->projectController()->session();

    // An arrow, dragged from tail to head.
    mWindow->findChild<QAction *>(QStringLiteral("actionAnnotateArrow"))->trigger();
    drag(widgetAt(130.22, 42.20), widgetAt(130.29, 42.24));
    QCOMPARE(session->project().annotations().size(), 1);
    QCOMPARE(session->project().annotations().first().type, Annotation::Type::Arrow);

    // A callout asks for its text.
    QTimer::singleShot(0, this, [] {
        if (auto *dialog = qobject_cast<AnnotationDialog *>(QApplication::activeModalWidget())) {
            dialog->text()->setPlainText(QStringLiteral("ANGARA loading"));
            dialog->fontSize()->setValue(18);
            dialog->accept();
        }
    });
    mWindow->findChild<QAction *>(QStringLiteral("actionAnnotateCallout"))->trigger();
    drag(widgetAt(130.30, 42.245), widgetAt(130.36, 42.30));
    QCOMPARE(session->project().annotations().size(), 2);
    QCOMPARE(session->project().annotations().last().text, QStringLiteral("ANGARA loading"));
    QCOMPARE(session->project().annotations().last().fontPx, 18);

    // A highlight rectangle.
    mWindow->findChild<QAction *>(QStringLiteral("actionAnnotateRectangle"))->trigger();
    drag(widgetAt(130.25, 42.17), widgetAt(130.28, 42.19));
    const QList<Annotation> drawn = session->project().annotations();
    QCOMPARE(drawn.size(), 3);
    const Annotation rect = drawn.last();
    QCOMPARE(rect.type, Annotation::Type::Rectangle);
    QVERIFY(std::abs(rect.boundsWgs84().left() - 130.25) < 0.002);
    QVERIFY(waitForIdle());

    // Select and move the rectangle by its middle; then resize it by its north-east corner.
    mWindow->findChild<QAction *>(QStringLiteral("actionEditAnnotations"))->trigger();
    drag(widgetAt(130.265, 42.18), widgetAt(130.285, 42.18));
    Annotation moved = *session->project().annotation(rect.id);
    QVERIFY2(std::abs(moved.boundsWgs84().left() - 130.27) < 0.002,
             qPrintable(QString::number(moved.boundsWgs84().left())));
    QVERIFY(std::abs(moved.boundsWgs84().width() - rect.boundsWgs84().width()) < 1e-6);
    QCOMPARE(mWindow->annotationActions()->editTool()->selected(), rect.id);
    QVERIFY(waitForIdle());
    drag(widgetAt(130.30, 42.19), widgetAt(130.32, 42.21));
    const Annotation resized = *session->project().annotation(rect.id);
    QVERIFY2(std::abs(resized.boundsWgs84().right() - 130.32) < 0.002,
             qPrintable(QString::number(resized.boundsWgs84().right())));
    QVERIFY(std::abs(resized.boundsWgs84().top() - 42.17) < 0.002); // the opposite corner stayed
    QVERIFY(std::abs(resized.boundsWgs84().bottom() - 42.21) < 0.002);

    // Properties by double-click: colour and width.
    QTimer::singleShot(0, this, [] {
        if (auto *dialog = qobject_cast<AnnotationDialog *>(QApplication::activeModalWidget())) {
            dialog->setColour(QColor(0x1e, 0x88, 0xe5));
            dialog->width()->setValue(5);
            dialog->accept();
        }
    });
    QTest::mouseDClick(canvas, Qt::LeftButton, {}, widgetAt(130.295, 42.19));
    const Annotation restyled = *session->project().annotation(rect.id);
    QCOMPARE(restyled.colour, QColor(0x1e, 0x88, 0xe5));
    QCOMPARE(restyled.widthPx, 5.0);

    // Delete removes it; undo brings back the same one; undo again takes the style back.
    QTest::keyClick(canvas, Qt::Key_Delete);
    QVERIFY(!session->project().annotation(rect.id));
    mWindow->undoStack()->undo();
    QVERIFY(session->project().annotation(rect.id));
    mWindow->undoStack()->undo();
    QCOMPARE(session->project().annotation(rect.id)->widthPx, rect.widthPx);

    // All of it is in the file.
    mWindow->projectController()->closeProject();
    const auto reopened = Project::open(path, Project::Mode::ReadOnly, nullptr);
    QVERIFY(reopened);
    QCOMPARE(reopened->annotations().size(), 3);
    QCOMPARE(reopened->auditLog(rect.id, QStringLiteral("annotations")).size(), 7);
}

void TestProject::sightingsAreExportedAndImportedBackAsOneUndoStep()
{
    QVERIFY(!openImageInNewProject(QStringLiteral("export.gpkg")).isEmpty());
    ProjectSession *session = mWindow->projectController()->session();
    Sighting cars;
    cars.kind = QStringLiteral("rail cars");
    cars.geometry.type = SightingGeometry::Type::MultiPoint;
    for (int i = 0; i < 4; ++i)
        cars.geometry.lonLat << QPointF(130.61 + i * 0.001, 42.395);
    cars.count = 4;
    cars.observedAtMs = parseUtcIso(QStringLiteral("2023-10-05T00:00:00Z"));
    Sighting ship;
    ship.kind = QStringLiteral("vessel");
    ship.geometry.lonLat = {QPointF(130.30, 42.245)};
    ship.vesselMmsi = 273145020;
    ship.vesselName = QStringLiteral("ANGARA");
    QVERIFY(session->addSighting(cars));
    QVERIFY(session->addSighting(ship));

    SightingActions *actions = mWindow->sightingActions();
    const QString kml = mDir.filePath(QStringLiteral("sightings.kml"));
    const QString geojson = mDir.filePath(QStringLiteral("sightings.geojson"));
    QVERIFY(actions->exportSightings(kml));
    QVERIFY(actions->exportSightings(geojson));
    QVERIFY(QFileInfo(kml).size() > 0);
    QVERIFY(!actions->exportSightings(mDir.filePath(QStringLiteral("sightings.docx"))));
    QVERIFY(mWindow->messageBar()->text().contains(QStringLiteral("sightings.docx")));

    // Into a new project: both come back, and one undo takes the import away.
    QVERIFY(mWindow->projectController()->newProject(mDir.filePath(QStringLiteral("import.gpkg"))));
    session = mWindow->projectController()->session();
    QCOMPARE(actions->importSightings(geojson), 2);
    QList<Sighting> back = session->project().sightings();
    QCOMPARE(back.size(), 2);
    QCOMPARE(back.first().count, 4);
    QCOMPARE(back.first().geometry.lonLat.size(), 4);
    QCOMPARE(back.last().vesselName, QStringLiteral("ANGARA"));
    QCOMPARE(mWindow->projectController()->sightingLayer()->sightings().size(), 2);
    mWindow->undoStack()->undo();
    QCOMPARE(session->project().sightings().size(), 0);
    QCOMPARE(actions->importSightings(kml), 2);
    QCOMPARE(session->project().sightings().first().observedAtMs, cars.observedAtMs);
}

void TestProject::anotherToolsGeoPackageOpensAsLayersAndACorruptOneIsReported()
{
    // A GeoPackage as QGIS or ogr2ogr writes it: data, no project tables.
    const QString data = mDir.filePath(QStringLiteral("from_qgis.gpkg"));
    QFile::remove(data);
    {
        GDALDriver *gpkg = GetGDALDriverManager()->GetDriverByName("GPKG");
        QVERIFY(gpkg);
        std::unique_ptr<GDALDataset> ds(
            gpkg->Create(data.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr));
        QVERIFY(ds);
        OGRSpatialReference wgs84;
        wgs84.importFromEPSG(4326);
        OGRLayer *layer = ds->CreateLayer("quays", &wgs84, wkbPoint, nullptr);
        QVERIFY(layer);
        OGRFeature f(layer->GetLayerDefn());
        OGRPoint p(130.30, 42.245);
        f.SetGeometry(&p);
        QCOMPARE(layer->CreateFeature(&f), OGRERR_NONE);
    }
    const QByteArray before = [&] {
        QFile file(data);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }();
    QVERIFY(!mWindow->openProject(data));
    QVERIFY(!mWindow->projectController()->session());
    QTRY_COMPARE(mWindow->layers()->count(), 1);
    QCOMPARE(mWindow->layers()->layers().first()->kind(), Layer::Kind::Vector);
    QVERIFY(mWindow->messageBar()->text().contains(QStringLiteral("without Sightline's project tables")));
    QFile file(data);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), before); // not turned into a project behind the user's back

    // A corrupt file is named, and nothing on screen changes.
    const QString corrupt = mDir.filePath(QStringLiteral("corrupt.gpkg"));
    QFile bad(corrupt);
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write(QByteArray("SQLite format 3").append(4000, '\x5a'));
    bad.close();
    QVERIFY(!mWindow->openProject(corrupt));
    QVERIFY(mWindow->messageBar()->text().contains(QStringLiteral("corrupt.gpkg")));
    QCOMPARE(mWindow->layers()->count(), 1);
}

void TestProject::aDamagedProjectOpensReadOnlyAndSaysWhatIsMissing()
{
    const QString path = mDir.filePath(QStringLiteral("damaged.gpkg"));
    QFile::remove(path);
    {
        auto project = Project::create(path, nullptr);
        QVERIFY(project);
        Sighting s;
        s.kind = QStringLiteral("pits");
        s.geometry.lonLat = {QPointF(130.3, 42.25)};
        QVERIFY(project->addSighting(s) > 0);
    }
    QCOMPARE(test::runSql(path, {QStringLiteral("DROP TABLE sightline_audit")}), QString());
    const QByteArray before = test::fileHash(path);
    QVERIFY(mWindow->openProject(path));
    QVERIFY(waitForIdle());
    QVERIFY(mWindow->projectController()->isReadOnly());
    QVERIFY2(mWindow->windowTitle().contains(QStringLiteral("[read-only]")),
             qPrintable(mWindow->windowTitle()));
    QVERIFY2(mWindow->messageBar()->text().contains(QStringLiteral("table 'sightline_audit' is missing")),
             qPrintable(mWindow->messageBar()->text()));
    QCOMPARE(mWindow->projectController()->sightingLayer()->sightings().size(), 1);
    // Panning would save the view in a sound project: here nothing is written.
    mWindow->zoomToWgs84(QRectF(QPointF(130.0, 42.0), QPointF(131.0, 43.0)));
    QTest::qWait(600);
    mWindow->projectController()->closeProject();
    QCOMPARE(test::fileHash(path), before);
}
