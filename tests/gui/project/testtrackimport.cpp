#include "project/testtrackimport.h"

#include "support/casewindow.h"
#include "layers/layerstack.h"
#include "layers/tracklayer.h"
#include "ui/shell/mainwindow.h"
#include "ui/common/loadstatus.h"
#include "ui/project/trackimportactions.h"
#include "ui/common/messagebar.h"
#include "ui/project/missinglayersdialog.h"
#include "project/project.h"
#include "project/projectsession.h"
#include "ui/project/projectcontroller.h"
#include "tracks/trackgeopackage.h"

#include <QAction>
#include <QApplication>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include <algorithm>
#include <functional>

using namespace sightline;

namespace {

const QString kDemoAis = QStringLiteral(SIGHTLINE_DEMO_DIR "/ais/case_rajin_dunai_2023_SIMULATED.nmea");

// Runs `answer` on the next modal widget of type T once it is up (checking every 20 ms, 10 s at most).
template <typename T> void whenModal(QObject *context, std::function<void(T *)> answer, int triesLeft = 500)
{
    QTimer::singleShot(20, context, [context, answer, triesLeft] {
        if (auto *w = qobject_cast<T *>(QApplication::activeModalWidget())) {
            answer(w);
            return;
        }
        if (triesLeft > 0)
            whenModal<T>(context, answer, triesLeft - 1);
    });
}

// In a file dialog, goes to the file's folder and types its name, then presses Enter, as a user
// would (typing a whole path makes the dialog walk into each folder as it is typed).
void typeIntoFileDialog(QFileDialog *dialog, const QString &path)
{
    auto *edit = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
    QVERIFY(edit);
    dialog->setDirectory(QFileInfo(path).absolutePath());
    edit->clear();
    QTest::keyClicks(edit, QFileInfo(path).fileName());
    if (edit->completer() && edit->completer()->popup())
        edit->completer()->popup()->hide();
    QTest::keyClick(edit, Qt::Key_Return);
    QVERIFY2(!dialog->isVisible(), qPrintable(edit->text()));
}

// The menu action with this text, triggered through the menu bar as a user would.
bool triggerMenu(MainWindow *window, const QString &menu, const QString &item)
{
    for (QAction *top : window->menuBar()->actions()) {
        if (top->text().remove(QLatin1Char('&')) != menu || !top->menu())
            continue;
        for (QAction *a : top->menu()->actions())
            if (a->text().remove(QLatin1Char('&')) == item) {
                a->trigger();
                return true;
            }
    }
    return false;
}

std::shared_ptr<TrackLayer> projectTracks(MainWindow *window, const QString &projectPath)
{
    for (const auto &layer : window->layers()->layers())
        if (auto t = std::dynamic_pointer_cast<TrackLayer>(layer); t && t->source() == projectPath)
            return t;
    return nullptr;
}

QString writeGeoJson(const QString &path, double lon)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(QStringLiteral(R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"p"},)"
                           R"("geometry":{"type":"Point","coordinates":[%1,42.3]}}]})")
                .arg(lon)
                .toUtf8());
    return path;
}

} // namespace

void TestTrackImport::initTestCase()
{
    QVERIFY(mDir.isValid());
}

void TestTrackImport::init()
{
    mWindow = new MainWindow();
    mWindow->resize(1100, 760);
    mWindow->show();
    QVERIFY(QTest::qWaitForWindowExposed(mWindow));
}

void TestTrackImport::cleanup()
{
    delete mWindow;
    mWindow = nullptr;
}

bool TestTrackImport::waitForIdle()
{
    return test::waitForIdle(mWindow);
}

void TestTrackImport::importedTracksStayInTheProjectWhenTheLogMoves()
{
    // A log of the analyst's own, which will be moved away after the import.
    QDir(mDir.path()).mkpath(QStringLiteral("logs"));
    const QString log = mDir.filePath(QStringLiteral("logs/rajin_SIMULATED.nmea"));
    QFile::remove(log);
    QVERIFY(QFile::copy(kDemoAis, log));
    const QString path = mDir.filePath(QStringLiteral("imported.gpkg"));
    QFile::remove(path);
    QVERIFY(mWindow->projectController()->newProject(path));

    // File → Import Tracks…, the log typed into the file dialog.
    whenModal<QFileDialog>(this, [log](QFileDialog *d) { typeIntoFileDialog(d, log); });
    QVERIFY(triggerMenu(mWindow, QStringLiteral("File"), QStringLiteral("Import Tracks (AIS, CSV, GPX)…")));
    QTRY_VERIFY_WITH_TIMEOUT(projectTracks(mWindow, path), 30000);
    QVERIFY(waitForIdle());
    auto tracks = projectTracks(mWindow, path);
    QCOMPARE(tracks->store().vesselCount(), std::size_t(8));
    QCOMPARE(tracks->store().positionCount(), std::size_t(39118));
    QCOMPARE(tracks->name(), QStringLiteral("AIS tracks (SIMULATED)"));
    QVERIFY2(mWindow->messageBar()->text().contains(QStringLiteral("Imported 39118 positions of 8 vessels")),
             qPrintable(mWindow->messageBar()->text()));
    QVERIFY(mWindow->loadStatus()->lastImportReport().contains(QStringLiteral("positions kept")));
    // In the file: the positions and the import record with the log's checksum.
    const auto imports = TrackGeoPackage::imports(path);
    QCOMPARE(imports.size(), 1);
    QCOMPARE(imports.first().sha256, fileSha256(log));
    QCOMPARE(imports.first().positions, std::int64_t(39118));

    // Closed, the log moved away, opened again in a new window: the tracks come from the project,
    // with no import report and no missing layer.
    QVERIFY(triggerMenu(mWindow, QStringLiteral("File"), QStringLiteral("Close Project")));
    QTRY_VERIFY(!mWindow->projectController()->session());
    delete mWindow;
    QDir(mDir.path()).mkpath(QStringLiteral("archive"));
    const QString moved = mDir.filePath(QStringLiteral("archive/rajin_SIMULATED.nmea"));
    QFile::remove(moved);
    QVERIFY(QFile::rename(log, moved));
    mWindow = new MainWindow();
    mWindow->show();
    QVERIFY(QTest::qWaitForWindowExposed(mWindow));
    // Any dialog while the project opens (a missing layer, a report) is one too many.
    auto unexpectedDialog = std::make_shared<bool>(false);
    auto opening = std::make_shared<bool>(true);
    std::function<void()> guard = [this, unexpectedDialog, opening, &guard] {
        if (!*opening)
            return;
        if (auto *d = qobject_cast<QDialog *>(QApplication::activeModalWidget())) {
            *unexpectedDialog = true;
            d->reject();
        }
        QTimer::singleShot(20, this, guard);
    };
    QTimer::singleShot(0, this, guard);
    const bool opened = mWindow->openProject(path);
    const bool idle = waitForIdle();
    *opening = false;
    QVERIFY(opened && idle);
    QVERIFY(!*unexpectedDialog);
    tracks = projectTracks(mWindow, path);
    QVERIFY(tracks);
    QCOMPARE(tracks->store().vesselCount(), std::size_t(8));
    QCOMPARE(tracks->store().positionCount(), std::size_t(39118));
    QVERIFY(mWindow->loadStatus()->lastImportReport().isEmpty());
    QVERIFY2(!mWindow->messageBar()->text().contains(QStringLiteral("Imported")),
             qPrintable(mWindow->messageBar()->text()));
    QVERIFY(mWindow->projectController()->unavailableLayers().isEmpty());

    // The same log again, from its new place: recognised by its checksum, nothing added.
    whenModal<QFileDialog>(this, [moved](QFileDialog *d) { typeIntoFileDialog(d, moved); });
    QVERIFY(triggerMenu(mWindow, QStringLiteral("File"), QStringLiteral("Import Tracks (AIS, CSV, GPX)…")));
    QTRY_VERIFY_WITH_TIMEOUT(mWindow->messageBar()->text().contains(QStringLiteral("imported into this project before")),
                             30000);
    QVERIFY(waitForIdle());
    QCOMPARE(TrackGeoPackage::imports(path).size(), 1);
    QCOMPARE(projectTracks(mWindow, path)->store().positionCount(), std::size_t(39118));
}

void TestTrackImport::withoutAProjectOneIsOfferedAndMade()
{
    const QString path = mDir.filePath(QStringLiteral("offered.gpkg"));
    QFile::remove(path);
    bool asked = false;
    whenModal<QMessageBox>(this, [this, &asked, path](QMessageBox *box) {
        asked = box->objectName() == QLatin1String("importNeedsProjectDialog");
        // New Project…, then the project's name typed into the save dialog.
        whenModal<QFileDialog>(this, [path](QFileDialog *d) { typeIntoFileDialog(d, path); });
        QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("newProjectButton")), Qt::LeftButton);
    });
    mWindow->trackImports()->importAisLogs({kDemoAis});
    QVERIFY(asked);
    QVERIFY(mWindow->projectController()->session());
    QCOMPARE(mWindow->projectController()->session()->project().path(), path);
    QTRY_VERIFY_WITH_TIMEOUT(projectTracks(mWindow, path), 30000);
    QVERIFY(waitForIdle());
    QCOMPARE(projectTracks(mWindow, path)->store().vesselCount(), std::size_t(8));
    QCOMPARE(TrackGeoPackage::imports(path).size(), 1);
}

void TestTrackImport::aMovedFolderOfLayersIsLocatedFromOneFile()
{
    // Three layers in one folder, the project elsewhere; then the folder moves.
    const QString before = mDir.filePath(QStringLiteral("case-data"));
    QStringList files;
    for (const char *name : {"ports.geojson", "vector/rail.geojson", "vector/depots.geojson"})
        files << writeGeoJson(before + QLatin1Char('/') + QLatin1String(name), 130.3);
    QDir(mDir.path()).mkpath(QStringLiteral("projects"));
    const QString path = mDir.filePath(QStringLiteral("projects/moving.gpkg"));
    QFile::remove(path);
    {
        auto project = Project::create(path, nullptr);
        QVERIFY(project);
        QVERIFY(project->setLayers({{files[0], {}, QStringLiteral("Ports"), true, 1.0, {}},
                                    {files[1], {}, QStringLiteral("Rail"), true, 1.0, {}},
                                    {files[2], {}, QStringLiteral("Depots"), true, 1.0, {}}}));
    }
    const QString after = mDir.filePath(QStringLiteral("usb/copied-case-data"));
    QDir(mDir.path()).mkpath(QStringLiteral("usb"));
    QVERIFY(QDir().rename(before, after));

    // One dialog lists all three; locating the first finds the other two.
    int listed = 0, foundAfterFirst = 0;
    whenModal<MissingLayersDialog>(this, [this, &listed, &foundAfterFirst, after](MissingLayersDialog *dialog) {
        listed = dialog->list()->topLevelItemCount();
        whenModal<QFileDialog>(this, [after](QFileDialog *d) {
            typeIntoFileDialog(d, after + QStringLiteral("/ports.geojson"));
        });
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("locateButton")), Qt::LeftButton);
        foundAfterFirst = int(std::count_if(dialog->locations().begin(), dialog->locations().end(),
                                            [](const QString &l) { return !l.isEmpty(); }));
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    });
    QVERIFY(mWindow->openProject(path));
    QCOMPARE(listed, 3);
    QCOMPARE(foundAfterFirst, 3);
    QVERIFY(waitForIdle());
    QTRY_COMPARE(mWindow->layers()->count(), 4); // three layers and the sightings
    QVERIFY(mWindow->projectController()->unavailableLayers().isEmpty());
    // Their new places are written back.
    QTest::qWait(50);
    auto reader = Project::open(path, Project::Mode::ReadOnly, nullptr);
    QVERIFY(reader);
    QStringList stored;
    for (const ProjectLayer &l : reader->layers())
        stored << l.source;
    QCOMPARE(stored, QStringList({after + QStringLiteral("/ports.geojson"), after + QStringLiteral("/vector/rail.geojson"),
                                  after + QStringLiteral("/vector/depots.geojson")}));
}
