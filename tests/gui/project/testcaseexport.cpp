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
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QRadioButton>
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
