#include "project/testcaseexport.h"

#include "project/project.h"
#include "support/casewindow.h"
#include "tracks/trackgeopackage.h"
#include "tracks/trackstore.h"
#include "tracks/vesselregistry.h"
#include "ui/common/backgroundtask.h"
#include "ui/project/caseexportdialog.h"
#include "ui/shell/mainwindow.h"
#include "ui/time/timecontroller.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTest>

using namespace sightline;

namespace {

std::int64_t at(const char *iso)
{
    return parseUtcIso(QString::fromLatin1(iso));
}

constexpr std::uint32_t kShip = 273145020;

// The File menu's entry, triggered through the menu bar as a user would.
bool triggerMenu(MainWindow *window, const QString &menu, const QString &item)
{
    for (QAction *top : window->menuBar()->actions()) {
        if (top->text().remove(QLatin1Char('&')) != menu || !top->menu())
            continue;
        for (QAction *a : top->menu()->actions())
            if (a->text().remove(QLatin1Char('&')) == item && a->isEnabled()) {
                a->trigger();
                return true;
            }
    }
    return false;
}

void click(QWidget *w)
{
    QVERIFY(w);
    QVERIFY(w->isVisible());
    QTest::mouseClick(w, Qt::LeftButton, {}, QPoint(8, w->height() / 2));
}

// Replaces a line edit's text by typing, as a user would.
void retype(QLineEdit *edit, const QString &text)
{
    QVERIFY(edit);
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

// Picks the combo box entry with this text with the keyboard.
void choose(QComboBox *combo, const QString &text)
{
    QVERIFY(combo);
    combo->setFocus();
    const int target = combo->findText(text);
    QVERIFY(target >= 0);
    QTest::keyClick(combo, Qt::Key_Home);
    for (int i = 0; i < target; ++i)
        QTest::keyClick(combo, Qt::Key_Down);
    QCOMPARE(combo->currentIndex(), target);
}

int featureCount(const QString &path, const char *layer, const char *driver = nullptr)
{
    const char *drivers[] = {driver, nullptr};
    GDALDatasetUniquePtr ds(
        GDALDataset::FromHandle(GDALOpenEx(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                           driver ? drivers : nullptr, nullptr, nullptr)));
    if (!ds)
        return -1;
    OGRLayer *l = ds->GetLayerByName(layer);
    return l ? int(l->GetFeatureCount()) : 0;
}

/// Each line of a table: its segment and its number of vertices, in the order of the file.
std::vector<std::pair<int, int>> lineShapes(const QString &path, const char *layer)
{
    std::vector<std::pair<int, int>> shapes;
    GDALDatasetUniquePtr ds(GDALDataset::FromHandle(
        GDALOpenEx(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
    OGRLayer *l = ds ? ds->GetLayerByName(layer) : nullptr;
    if (!l)
        return shapes;
    for (auto &f : *l) {
        const OGRGeometry *g = f->GetGeometryRef();
        shapes.emplace_back(
            f->GetFieldAsInteger("segment"),
            g && wkbFlatten(g->getGeometryType()) == wkbLineString ? g->toLineString()->getNumPoints() : -1);
    }
    return shapes;
}

// Replaces a spin box's value by typing, as a user would.
void retypeNumber(QAbstractSpinBox *box, const QString &text)
{
    QVERIFY(box);
    QVERIFY(box->isEnabled());
    box->setFocus();
    QTest::keyClick(box, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(box, text);
    QTest::keyClick(box, Qt::Key_Tab);
}

} // namespace

void TestCaseExport::initTestCase()
{
    QVERIFY(mDir.isValid());
}

void TestCaseExport::init()
{
    mWindow = new MainWindow();
    mWindow->resize(1100, 760);
    mWindow->show();
    QVERIFY(QTest::qWaitForWindowExposed(mWindow));
}

void TestCaseExport::cleanup()
{
    delete mWindow;
    mWindow = nullptr;
}

QString TestCaseExport::makeProject(const QString &name)
{
    const QString path = mDir.filePath(name);
    QFile::remove(path);
    QString error;
    {
        std::unique_ptr<Project> project = Project::create(path, &error);
        if (!project)
            return {};
        // A ship under way, a fix an hour over a day; a second ship seen once, late.
        TrackStore store;
        VesselRegistry registry;
        for (int h = 0; h < 24; ++h)
            store.append({kShip, at("2023-10-01T00:00:00Z") + h * 3'600'000, 130.0 + 0.05 * h, 42.0});
        store.append({273350130, at("2023-10-01T23:30:00Z"), 131.0, 42.5});
        store.finalize();
        registry.notePosition(kShip, false);
        registry.notePosition(273350130, false);
        project.reset(); // the tracks are written through a connection of their own
        if (!TrackGeoPackage::append(path, mDir.filePath(QStringLiteral("sim.nmea")), store, registry,
                                     QStringLiteral("test"), QStringLiteral("00"))
                 .ok)
            return {};
        project = Project::open(path, Project::Mode::ReadWrite, &error);
        if (!project)
            return {};
        Sighting early;
        early.kind = QStringLiteral("vessel");
        early.geometry.lonLat = {QPointF(130.1, 42.0)};
        early.observedAtMs = at("2023-10-01T02:00:00Z");
        Sighting late = early;
        late.geometry.lonLat = {QPointF(131.0, 42.5)};
        late.observedAtMs = at("2023-10-01T23:00:00Z");
        if (!project->addSighting(early) || !project->addSighting(late))
            return {};
        MovementEvent gap;
        gap.type = EventType::Gap;
        gap.mmsi = kShip;
        gap.startMs = at("2023-10-01T04:00:00Z");
        gap.endMs = at("2023-10-01T06:00:00Z");
        gap.from = QPointF(130.2, 42.0);
        gap.to = QPointF(130.3, 42.0);
        if (!project->replaceEvents(QStringLiteral("gaps"), {EventType::Gap}, {gap}, {}))
            return {};
    }
    return path;
}

void TestCaseExport::exportsTheChosenLayersOfTheSliderWindowToKmz()
{
    const QString project = makeProject(QStringLiteral("kmzcase.gpkg"));
    QVERIFY(!project.isEmpty());
    QVERIFY(mWindow->openProject(project));
    QVERIFY(test::waitForIdle(mWindow));
    // The analyst narrowed the time slider to the first twelve hours.
    mWindow->timeController()->setWindow({at("2023-10-01T00:00:00Z"), at("2023-10-01T11:30:00Z")});

    QVERIFY(triggerMenu(mWindow, QStringLiteral("File"), QStringLiteral("Export Case…")));
    CaseExportDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = mWindow->findChild<CaseExportDialog *>()) && dialog->isVisible());
    QVERIFY(QTest::qWaitForWindowExposed(dialog));

    // The slider's window is offered and chosen; KMZ is the first format.
    auto *window = dialog->findChild<QRadioButton *>(QStringLiteral("exportTimeWindow"));
    QVERIFY(window->isEnabled());
    QVERIFY(window->isChecked());
    QCOMPARE(dialog->format(), CaseFormat::Kmz);
    // Events left out, by a click on their box.
    click(dialog->findChild<QCheckBox *>(QStringLiteral("exportEvents")));
    QVERIFY(!dialog->findChild<QCheckBox *>(QStringLiteral("exportEvents"))->isChecked());
    const QString out = mDir.filePath(QStringLiteral("first-half.kmz"));
    QFile::remove(out);
    retype(dialog->findChild<QLineEdit *>(QStringLiteral("exportPath")), out);
    click(dialog->findChild<QPushButton *>(QStringLiteral("exportButton")));

    auto *status = dialog->findChild<QLabel *>(QStringLiteral("exportStatus"));
    QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QLatin1String("Written")), 20000);
    QVERIFY2(status->text().contains(QLatin1String("1 vessel (12 positions)")), qPrintable(status->text()));
    QVERIFY(QFile::exists(out));
    // In the KMZ: the one ship of those hours, the early sighting, no event.
    QCOMPARE(featureCount(out, "Tracks", "LIBKML"), 1);
    QCOMPARE(featureCount(out, "Vessel", "LIBKML"), 1);
    QCOMPARE(featureCount(out, "Gap", "LIBKML"), 0);
    // Ready for another.
    QTRY_VERIFY(dialog->findChild<QPushButton *>(QStringLiteral("exportButton"))->isEnabled());
}

void TestCaseExport::exportsToGeoPackageAndRefusesToReplaceUntilAsked()
{
    const QString project = makeProject(QStringLiteral("gpkgcase.gpkg"));
    QVERIFY(!project.isEmpty());
    QVERIFY(mWindow->openProject(project));
    QVERIFY(test::waitForIdle(mWindow));
    QVERIFY(triggerMenu(mWindow, QStringLiteral("File"), QStringLiteral("Export Case…")));
    CaseExportDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = mWindow->findChild<CaseExportDialog *>()) && dialog->isVisible());
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    // No slider window: all time it is.
    QVERIFY(!dialog->findChild<QRadioButton *>(QStringLiteral("exportTimeWindow"))->isEnabled());
    QVERIFY(dialog->findChild<QRadioButton *>(QStringLiteral("exportAllTime"))->isChecked());

    // GeoPackage chosen with the keyboard: the file's suffix follows.
    choose(dialog->findChild<QComboBox *>(QStringLiteral("exportFormat")), QStringLiteral("GeoPackage"));
    auto *path = dialog->findChild<QLineEdit *>(QStringLiteral("exportPath"));
    QVERIFY2(path->text().endsWith(QLatin1String(".gpkg")), qPrintable(path->text()));
    const QString out = mDir.filePath(QStringLiteral("case-export.gpkg"));
    QFile::remove(out);
    QFile existing(out);
    QVERIFY(existing.open(QIODevice::WriteOnly));
    existing.write("the analyst's own file");
    existing.close();
    retype(path, out);

    auto *exportButton = dialog->findChild<QPushButton *>(QStringLiteral("exportButton"));
    auto *status = dialog->findChild<QLabel *>(QStringLiteral("exportStatus"));
    click(exportButton);
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QLatin1String("exists")), 20000);
    QVERIFY(existing.open(QIODevice::ReadOnly));
    QCOMPARE(existing.readAll(), QByteArray("the analyst's own file"));
    existing.close();

    click(dialog->findChild<QCheckBox *>(QStringLiteral("exportReplace")));
    click(exportButton);
    QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QLatin1String("Written")), 20000);
    QCOMPARE(featureCount(out, "tracks"), 1); // the ship seen once is no line
    QCOMPARE(featureCount(out, "events"), 1);
    QCOMPARE(featureCount(out, "event_paths"), 1);
    QCOMPARE(featureCount(out, "sightings"), 2);
}

void TestCaseExport::splitsAndThinsTheTrackLinesAsChosen()
{
    // A ship under way along a parallel from 20:00 to 04:00 UTC, a fix every half hour.
    const QString path = mDir.filePath(QStringLiteral("overnight.gpkg"));
    QFile::remove(path);
    {
        QString error;
        std::unique_ptr<Project> project = Project::create(path, &error);
        QVERIFY2(project, qPrintable(error));
        project.reset();
        TrackStore store;
        VesselRegistry registry;
        for (int k = 0; k <= 16; ++k)
            store.append({kShip, at("2023-10-01T20:00:00Z") + k * 1'800'000, 130.0 + 0.02 * k, 42.0});
        store.finalize();
        registry.notePosition(kShip, false);
        QVERIFY(TrackGeoPackage::append(path, mDir.filePath(QStringLiteral("night.nmea")), store, registry,
                                        QStringLiteral("test"), QStringLiteral("00"))
                    .ok);
    }
    QVERIFY(mWindow->openProject(path));
    QVERIFY(test::waitForIdle(mWindow));
    QVERIFY(triggerMenu(mWindow, QStringLiteral("File"), QStringLiteral("Export Case…")));
    CaseExportDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = mWindow->findChild<CaseExportDialog *>()) && dialog->isVisible());
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    choose(dialog->findChild<QComboBox *>(QStringLiteral("exportFormat")), QStringLiteral("GeoPackage"));
    auto *exportButton = dialog->findChild<QPushButton *>(QStringLiteral("exportButton"));
    auto *status = dialog->findChild<QLabel *>(QStringLiteral("exportStatus"));
    click(dialog->findChild<QCheckBox *>(QStringLiteral("exportReplace")));

    // The silence spin box is for the split at silences only.
    auto *split = dialog->findChild<QComboBox *>(QStringLiteral("exportSplit"));
    auto *gap = dialog->findChild<QDoubleSpinBox *>(QStringLiteral("exportSplitGap"));
    QVERIFY(!gap->isEnabled());
    choose(split, QStringLiteral("At silences longer than"));
    QVERIFY(gap->isEnabled());

    // By day, every position: a line before midnight (8 fixes) and one after (9).
    choose(split, QStringLiteral("By day (UTC)"));
    QVERIFY(!gap->isEnabled());
    const QString daily = mDir.filePath(QStringLiteral("daily.gpkg"));
    retype(dialog->findChild<QLineEdit *>(QStringLiteral("exportPath")), daily);
    click(exportButton);
    QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QLatin1String("Written")), 20000);
    QCOMPARE(lineShapes(daily, "tracks"), (std::vector<std::pair<int, int>>{{0, 8}, {1, 9}}));

    // Simplified within 100 m, the straight lines keep their ends only.
    retypeNumber(dialog->findChild<QDoubleSpinBox *>(QStringLiteral("exportGeneralize")),
                 QStringLiteral("100"));
    const QString thin = mDir.filePath(QStringLiteral("thin.gpkg"));
    retype(dialog->findChild<QLineEdit *>(QStringLiteral("exportPath")), thin);
    QTRY_VERIFY(exportButton->isEnabled());
    click(exportButton);
    QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QLatin1String("Written")) && QFile::exists(thin),
                             20000);
    QTRY_COMPARE_WITH_TIMEOUT(lineShapes(thin, "tracks"), (std::vector<std::pair<int, int>>{{0, 2}, {1, 2}}),
                              20000);

    // One line again, thinned in time only: a fix an hour and the last one (20:00 … 04:00: 9).
    choose(split, QStringLiteral("One line a vessel"));
    retypeNumber(dialog->findChild<QDoubleSpinBox *>(QStringLiteral("exportGeneralize")),
                 QStringLiteral("0"));
    retypeNumber(dialog->findChild<QSpinBox *>(QStringLiteral("exportMinInterval")), QStringLiteral("3600"));
    const QString hourly = mDir.filePath(QStringLiteral("hourly.gpkg"));
    retype(dialog->findChild<QLineEdit *>(QStringLiteral("exportPath")), hourly);
    QTRY_VERIFY(exportButton->isEnabled());
    click(exportButton);
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(hourly), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(lineShapes(hourly, "tracks"), (std::vector<std::pair<int, int>>{{0, 9}}),
                              20000);

    // Without tracks the shape of their lines has nothing to say.
    click(dialog->findChild<QCheckBox *>(QStringLiteral("exportTracks")));
    QVERIFY(!dialog->findChild<QWidget *>(QStringLiteral("exportTrackShape"))->isEnabled());
}

void TestCaseExport::splitsBetweenStopsOfTheChosenDiameterAndDuration()
{
    // Under way east from 20:00 UTC, a fix every half hour; from 22:00 to 01:00 at anchor, swinging
    // through 40 m; then under way again until 04:00.
    const QString path = mDir.filePath(QStringLiteral("anchored.gpkg"));
    QFile::remove(path);
    {
        QString error;
        std::unique_ptr<Project> project = Project::create(path, &error);
        QVERIFY2(project, qPrintable(error));
        project.reset();
        TrackStore store;
        VesselRegistry registry;
        for (int k = 0; k <= 16; ++k) {
            const double lon = k <= 4 ? 130.0 + 0.02 * k : k <= 10 ? 130.08 + (k % 2) * 0.0005 : 130.08 + 0.02 * (k - 10);
            store.append({kShip, at("2023-10-01T20:00:00Z") + k * 1'800'000, lon, 42.0});
        }
        store.finalize();
        registry.notePosition(kShip, false);
        QVERIFY(TrackGeoPackage::append(path, mDir.filePath(QStringLiteral("anchored.nmea")), store, registry,
                                        QStringLiteral("test"), QStringLiteral("00"))
                    .ok);
    }
    QVERIFY(mWindow->openProject(path));
    QVERIFY(test::waitForIdle(mWindow));
    QVERIFY(triggerMenu(mWindow, QStringLiteral("File"), QStringLiteral("Export Case…")));
    CaseExportDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = mWindow->findChild<CaseExportDialog *>()) && dialog->isVisible());
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    choose(dialog->findChild<QComboBox *>(QStringLiteral("exportFormat")), QStringLiteral("GeoPackage"));
    auto *exportButton = dialog->findChild<QPushButton *>(QStringLiteral("exportButton"));
    click(dialog->findChild<QCheckBox *>(QStringLiteral("exportReplace")));

    // The stop's diameter and duration are for the split between stops only.
    auto *split = dialog->findChild<QComboBox *>(QStringLiteral("exportSplit"));
    auto *diameter = dialog->findChild<QDoubleSpinBox *>(QStringLiteral("exportStopDiameter"));
    auto *duration = dialog->findChild<QDoubleSpinBox *>(QStringLiteral("exportStopDuration"));
    QVERIFY(diameter && duration);
    QVERIFY(!diameter->isEnabled() && !duration->isEnabled());
    choose(split, QStringLiteral("At silences longer than"));
    QVERIFY(!diameter->isEnabled() && !duration->isEnabled());
    choose(split, QStringLiteral("Between stops"));
    QVERIFY(diameter->isEnabled() && duration->isEnabled());
    QVERIFY(!dialog->findChild<QDoubleSpinBox *>(QStringLiteral("exportSplitGap"))->isEnabled());

    auto exportTo = [&](const QString &out) {
        retype(dialog->findChild<QLineEdit *>(QStringLiteral("exportPath")), out);
        QTRY_VERIFY(exportButton->isEnabled());
        click(exportButton);
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(out), 20000);
    };
    // Within 500 m for an hour or more: the three hours at anchor are a stop, left out between
    // the move before it (20:00–22:00, 5 fixes) and the move after it (01:00–04:00, 7).
    retypeNumber(diameter, QStringLiteral("500"));
    retypeNumber(duration, QStringLiteral("1"));
    QCOMPARE(dialog->selection().trackShape.split.stops.maxDiameterM, 500.0);
    const QString moves = mDir.filePath(QStringLiteral("moves.gpkg"));
    exportTo(moves);
    QTRY_COMPARE_WITH_TIMEOUT(lineShapes(moves, "tracks"), (std::vector<std::pair<int, int>>{{0, 5}, {1, 7}}),
                              20000);
    // Four hours or more: no stop, one line of every fix.
    retypeNumber(duration, QStringLiteral("4"));
    QCOMPARE(dialog->selection().trackShape.split.stops.minDurationHours, 4.0);
    const QString longer = mDir.filePath(QStringLiteral("longer.gpkg"));
    exportTo(longer);
    QTRY_COMPARE_WITH_TIMEOUT(lineShapes(longer, "tracks"), (std::vector<std::pair<int, int>>{{0, 17}}), 20000);
    // Within 20 m the anchor swing is too wide to be a stop: one line again.
    retypeNumber(duration, QStringLiteral("1"));
    retypeNumber(diameter, QStringLiteral("20"));
    const QString tight = mDir.filePath(QStringLiteral("tight.gpkg"));
    exportTo(tight);
    QTRY_COMPARE_WITH_TIMEOUT(lineShapes(tight, "tracks"), (std::vector<std::pair<int, int>>{{0, 17}}), 20000);
}
