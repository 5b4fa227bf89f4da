#include "analysis/testdetectvessels.h"

#include "sarscenefile.h"
#include "support/casewindow.h"

#include "layers/eventlayer.h"
#include "layers/layerstack.h"
#include "layers/tracklayer.h"
#include "project/project.h"
#include "project/projectsession.h"
#include "tracks/trackstore.h"
#include "tracks/vesselregistry.h"
#include "ui/analysis/analysisactions.h"
#include "ui/analysis/eventspanel.h"
#include "ui/analysis/eventtablemodel.h"
#include "ui/common/backgroundtask.h"
#include "ui/common/datetimefield.h"
#include "ui/common/messagebar.h"
#include "ui/detection/detectionactions.h"
#include "ui/detection/detectiondialog.h"
#include "ui/project/projectcontroller.h"
#include "ui/shell/mainwindow.h"

#include <QAbstractItemModel>
#include <algorithm>
#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

using namespace sightline;

namespace {

const QString kAcquired = QStringLiteral("2023-10-14T02:13:00Z");
const test::PaintedShip kAngara{QPointF(130.66, 42.25), 160, 24, 40};
const test::PaintedShip kDark{QPointF(130.69, 42.215), 90, 16, 160};

std::int64_t acquiredMs()
{
    return QDateTime::fromString(kAcquired, Qt::ISODate).toMSecsSinceEpoch();
}

/// ANGARA's fixes every five minutes for an hour either side of the acquisition, through its ship.
std::shared_ptr<TrackStore> angaraTrack()
{
    auto store = std::make_shared<TrackStore>();
    for (int minute = -60; minute <= 60; minute += 5) {
        // 10 kn north-east: about 0.00154° of latitude a minute at 42°N… along 40°.
        const double metres = 10 * 1852.0 / 60 * minute;
        const double lat = kAngara.lonLat.y() + metres * std::cos(40 * M_PI / 180) / 111320.0;
        const double lon = kAngara.lonLat.x() + metres * std::sin(40 * M_PI / 180) / (111320.0 * std::cos(42.25 * M_PI / 180));
        TrackStore::Position p{273000001, acquiredMs() + minute * 60000, lon, lat};
        p.sog = 10;
        p.cog = 40;
        store->append(p);
    }
    store->finalize();
    return store;
}

std::vector<MovementEvent> detectionEvents(const std::vector<MovementEvent> &events)
{
    std::vector<MovementEvent> found;
    for (const MovementEvent &e : events)
        if (e.type == EventType::VesselDetection)
            found.push_back(e);
    return found;
}

} // namespace

void TestDetectVessels::initTestCase()
{
    QVERIFY(mDir.isValid());
    mScene = mDir.filePath(QStringLiteral("scene.tif"));
    QVERIFY(test::writeSarScene(mScene, QPointF(130.60, 42.30), 1200, {kAngara, kDark}, QString()));
}

void TestDetectVessels::init()
{
    mWindow = new MainWindow();
    mWindow->resize(1200, 800);
    mWindow->show();
    QVERIFY(QTest::qWaitForWindowExposed(mWindow));
}

void TestDetectVessels::cleanup()
{
    delete mWindow;
    mWindow = nullptr;
}

bool TestDetectVessels::newProjectWithTracks(const QString &name)
{
    const QString path = mDir.filePath(name);
    QFile::remove(path);
    if (!mWindow->projectController()->newProject(path))
        return false;
    mWindow->layers()->add(std::make_shared<TrackLayer>(QStringLiteral("AIS"), QStringLiteral("<generated>"),
                                                        angaraTrack(), std::make_shared<VesselRegistry>()));
    return test::waitForIdle(mWindow);
}

bool TestDetectVessels::detectThroughTheDialog()
{
    bool seen = false;
    QTimer::singleShot(0, mWindow, [&] {
        auto *dialog = qobject_cast<DetectionDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        seen = true;
        QLineEdit *path = dialog->imageBox()->lineEdit();
        path->selectAll();
        QTest::keyClicks(path, mScene);
        QTest::keyClicks(dialog->acquiredField()->lineEdit(), kAcquired);
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("detectionRun")), Qt::LeftButton);
    });
    mWindow->findChild<QAction *>(QStringLiteral("actionDetectVessels"))->trigger();
    if (!seen)
        return false;
    DetectionActions *actions = mWindow->detectionActions();
    return QTest::qWaitFor([actions] { return !actions->task()->isRunning(); }, 60000);
}

void TestDetectVessels::theDialogRefusesWhatCannotRun()
{
    QVERIFY(newProjectWithTracks(QStringLiteral("refuses.gpkg")));
    bool checked = false;
    QTimer::singleShot(0, mWindow, [&] {
        auto *dialog = qobject_cast<DetectionDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        auto *run = dialog->findChild<QPushButton *>(QStringLiteral("detectionRun"));
        // No image: said, and the dialog stays.
        dialog->imageBox()->lineEdit()->clear();
        QTest::mouseClick(run, Qt::LeftButton);
        const bool noImage = dialog->isVisible() && dialog->problemLabel()->isVisible() &&
                             dialog->problemLabel()->text().contains(QStringLiteral("image"));
        // A guard window inside the target window means nothing.
        QTest::keyClicks(dialog->imageBox()->lineEdit(), mScene);
        // A time typed for one image is not carried over to another: another path empties it.
        QTest::keyClicks(dialog->acquiredField()->lineEdit(), kAcquired);
        const bool timeTyped = dialog->acquiredMs().has_value();
        QTest::keyClicks(dialog->imageBox()->lineEdit(), QStringLiteral("x"));
        const bool timeEmptied = !dialog->acquiredMs().has_value();
        QTest::keyClick(dialog->imageBox()->lineEdit(), Qt::Key_Backspace);
        auto *guard = dialog->findChild<QDoubleSpinBox *>(QStringLiteral("detectionGuardWindow"));
        guard->setFocus();
        guard->selectAll();
        QTest::keyClicks(guard, QStringLiteral("50"));
        QTest::mouseClick(run, Qt::LeftButton);
        const bool badWindows = dialog->isVisible() && !dialog->problemLabel()->text().isEmpty() &&
                                !dialog->problemLabel()->text().contains(QStringLiteral("Choose the image"));
        checked = noImage && badWindows && timeTyped && timeEmptied;
        dialog->reject();
    });
    mWindow->findChild<QAction *>(QStringLiteral("actionDetectVessels"))->trigger();
    QVERIFY(checked);
    QVERIFY(!mWindow->detectionActions()->task()->isRunning());
    QVERIFY(mWindow->projectController()->session()->project().detectionRuns().empty());
}

void TestDetectVessels::aRunShowsTheVesselsAndIsUndoable()
{
    QVERIFY(newProjectWithTracks(QStringLiteral("run.gpkg")));
    QVERIFY2(detectThroughTheDialog(), "the dialog did not open or the run did not end");
    QVERIFY2(mWindow->messageBar()->text().contains(QStringLiteral("Saved in the project")),
             qPrintable(mWindow->messageBar()->text()));

    Project &project = mWindow->projectController()->session()->project();
    QCOMPARE(project.detectionRuns().size(), std::size_t(1));
    const std::vector<MovementEvent> shown = detectionEvents(mWindow->projectController()->events());
    QVERIFY(shown.size() >= 2);
    // ANGARA matched, the other ship dark: on the map's event layer and in the Events dock.
    bool matched = false, dark = false;
    for (const MovementEvent &e : shown) {
        matched |= e.mmsi == 273000001 && !e.details.value(QStringLiteral("dark")).toBool();
        dark |= e.mmsi == 0 && e.details.value(QStringLiteral("dark")).toBool();
    }
    QVERIFY(matched);
    QVERIFY(dark);
    QVERIFY(mWindow->analysisActions()->eventLayer());
    QCOMPARE(detectionEvents(mWindow->analysisActions()->eventLayer()->events()).size(), shown.size());
    QCOMPARE(mWindow->analysisActions()->eventsPanel()->table()->model()->rowCount(), int(shown.size()));
    // The image itself went on the map, under its vessels.
    QTRY_VERIFY(std::any_of(mWindow->layers()->layers().begin(), mWindow->layers()->layers().end(),
                            [this](const auto &layer) { return layer->source() == mScene; }));

    // Undo takes the run back out of the project and off the map; redo puts it back. (Opening the
    // image is an entry of its own, after the run's.)
    QVERIFY(test::waitForIdle(mWindow));
    // The dialog has closed: keys go to the main window once it is active again, as for a user.
    mWindow->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(mWindow));
    for (int i = 0; i < 3 && !mWindow->undoStack()->undoText().startsWith(QStringLiteral("Detect Vessels")); ++i)
        QTest::keyClick(mWindow->canvas(), Qt::Key_Z, Qt::ControlModifier);
    QVERIFY2(mWindow->undoStack()->undoText().startsWith(QStringLiteral("Detect Vessels")),
             qPrintable(mWindow->undoStack()->undoText()));
    QTest::keyClick(mWindow->canvas(), Qt::Key_Z, Qt::ControlModifier);
    QTRY_VERIFY(project.detectionRuns().empty());
    QVERIFY(detectionEvents(mWindow->projectController()->events()).empty());
    // Redo's keys are the platform's (Ctrl+Shift+Z on X11, Ctrl+Y elsewhere): as the action has them.
    const QKeyCombination redo = mWindow->findChild<QAction *>(QStringLiteral("actionRedo"))->shortcut()[0];
    QTest::keyClick(mWindow->canvas(), redo.key(), redo.keyboardModifiers());
    QTRY_COMPARE(project.detectionRuns().size(), std::size_t(1));
    QCOMPARE(detectionEvents(mWindow->projectController()->events()).size(), shown.size());
}

void TestDetectVessels::aDetectionBecomesASightingFromTheEventsMenu()
{
    QVERIFY(newProjectWithTracks(QStringLiteral("sighting.gpkg")));
    QVERIFY(detectThroughTheDialog());
    QVERIFY(test::waitForIdle(mWindow)); // the image opened under the vessels
    EventsPanel *panel = mWindow->analysisActions()->eventsPanel();
    QTableView *table = panel->table();
    QTRY_VERIFY(table->model()->rowCount() >= 2);
    // The dark one's row: its event has MMSI 0.
    int darkRow = -1;
    for (int row = 0; row < table->model()->rowCount() && darkRow < 0; ++row) {
        table->selectRow(row);
        for (const MovementEvent &e : mWindow->projectController()->events())
            if (e.id == panel->currentId() && e.type == EventType::VesselDetection && e.mmsi == 0)
                darkRow = row;
    }
    QVERIFY(darkRow >= 0);
    // Its vessel is said to be none, not shown as MMSI "0".
    QCOMPARE(table->model()->index(darkRow, EventTableModel::Vessel).data().toString(), QStringLiteral("dark (no AIS)"));
    const QRect cell = table->visualRect(table->model()->index(darkRow, 0));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    bool chosen = false;
    QTimer::singleShot(100, mWindow, [&] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        QAction *make = menu ? menu->findChild<QAction *>(QStringLiteral("actionMakeSightingFromDetection")) : nullptr;
        if (!make) {
            if (menu)
                menu->close();
            return;
        }
        menu->setActiveAction(make);
        QTest::keyClick(menu, Qt::Key_Return);
        chosen = true;
    });
    // The right click as a user gives it: the press selects the row, the menu asks for the event.
    QContextMenuEvent click(QContextMenuEvent::Mouse, cell.center(), table->viewport()->mapToGlobal(cell.center()));
    QApplication::sendEvent(table->viewport(), &click);
    QVERIFY2(chosen, "the Events dock's menu had no Make Sighting for a detection");

    Project &project = mWindow->projectController()->session()->project();
    QTRY_COMPARE(project.sightings().size(), 1);
    const Sighting s = project.sightings().front();
    QCOMPARE(s.kind, QStringLiteral("vessel"));
    QVERIFY(s.tags.contains(QStringLiteral("dark")));
    QCOMPARE(s.imageryAcquiredMs, acquiredMs());
    QVERIFY(!s.imagerySource.isEmpty());
    QCOMPARE(s.vesselMmsi, 0u);
    // Undoable like every sighting.
    mWindow->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(mWindow));
    QTest::keyClick(mWindow->canvas(), Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(project.sightings().size(), 0);
}
