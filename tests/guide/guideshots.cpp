// Walks the user guide (docs/guide.md) through the real workbench, offscreen, on the demo data,
// and saves a screenshot after each of its ten steps, so the pictures stay current with the UI.
//
//     sightline_guide_shots OUT_DIR
//
// Everything is done as the guide says: the menu actions are triggered, the dialogs they open are
// filled in and accepted, the map and the timeline are clicked and dragged. File dialogs that only
// pick a file are stood in for by the call the dialog makes with its answer (openFiles,
// importAisLogs, newProject), as in the GUI tests. Exit status 0 when every picture was made and
// none is blank; otherwise 1, naming the step that failed.

#include "../gui/support/casewindow.h"

#include "ui/common/datetimefield.h"
#include "ui/analysis/analysisdialog.h"
#include "ui/brief/briefactions.h"
#include "ui/brief/briefcomposer.h"
#include "ui/sightings/counttool.h"
#include "ui/analysis/eventspanel.h"
#include "geo/transform.h"
#include "ui/layers/layerpanel.h"
#include "layers/layer.h"
#include "layers/layerstack.h"
#include "ui/shell/mainwindow.h"
#include "ui/map/mapactions.h"
#include "ui/project/trackimportactions.h"
#include "ui/time/timeactions.h"
#include "ui/analysis/analysisactions.h"
#include "ui/map/mapcanvas.h"
#include "ui/map/measurepanel.h"
#include "ui/map/measuretool.h"
#include "ui/common/messagebar.h"
#include "project/projectsession.h"
#include "ui/project/projectcontroller.h"
#include "render/timelinefigure.h"
#include "ui/sightings/sightingactions.h"
#include "ui/sightings/sightingdialog.h"
#include "ui/time/timecontroller.h"
#include "ui/time/timelinedock.h"
#include "ui/time/timelinewidget.h"
#include "util/gdalutil.h"
#include "util/runtimeenvironment.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPainter>
#include <QPdfDocument>
#include <QPdfView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTextStream>
#include <QTimer>

#include <cmath>
#include <functional>

using namespace sightline;

namespace {

const QString kDemo = QStringLiteral(SIGHTLINE_DEMO_DIR);

qint64 utcMs(int year, int month, int day, int hour = 0, int minute = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), Qt::UTC).toMSecsSinceEpoch();
}

/// Why a picture would be useless in a guide: too few colours overall, or the part that should show
/// the step (the map, the PDF preview) all one colour. Empty when it is fine.
QString blankness(const QImage &image, const QRect &content)
{
    if (image.isNull() || image.width() < 400 || image.height() < 300)
        return QStringLiteral("the image is %1 × %2").arg(image.width()).arg(image.height());
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    QSet<QRgb> all;
    for (int y = 0; y < rgb.height(); y += 2) {
        const auto *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); x += 2)
            all.insert(line[x]);
    }
    if (all.size() < 64)
        return QStringLiteral("only %1 colours in the whole picture").arg(all.size());
    const QRect area = content.intersected(rgb.rect());
    if (area.width() < 100 || area.height() < 100)
        return QStringLiteral("the content area is %1 × %2").arg(area.width()).arg(area.height());
    QHash<QRgb, int> counts;
    int pixels = 0;
    for (int y = area.top(); y <= area.bottom(); y += 2) {
        const auto *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
        for (int x = area.left(); x <= area.right(); x += 2) {
            ++counts[line[x]];
            ++pixels;
        }
    }
    int commonest = 0;
    for (int n : std::as_const(counts))
        commonest = std::max(commonest, n);
    if (counts.size() < 8)
        return QStringLiteral("only %1 colours where the step should show").arg(counts.size());
    if (commonest > pixels * 97 / 100)
        return QStringLiteral("%1 % of the area where the step should show is one colour")
            .arg(100 * commonest / pixels);
    return {};
}

/// A child line edit by the start of its placeholder text (the sighting form names its fields so).
QLineEdit *lineEditWithPlaceholder(QWidget *parent, const QString &start)
{
    for (QLineEdit *edit : parent->findChildren<QLineEdit *>())
        if (edit->placeholderText().startsWith(start))
            return edit;
    return nullptr;
}

class GuideShots
{
public:
    GuideShots(const QString &outDir, const QString &workDir)
        : mOut(outDir)
        , mWork(workDir)
    {
    }

    int run();

private:
    using Step = std::function<bool()>;

    bool fail(const QString &why)
    {
        mError = why;
        return false;
    }
    bool idle() { return test::waitForIdle(mWindow.get()); }
    QAction *action(const QString &name) const { return mWindow->findChild<QAction *>(name); }
    /// A menu entry by its text as shown (without the & of its mnemonic): the guide's menu paths.
    QAction *menuAction(const QString &menu, const QString &text) const;
    /// Triggers Menu → Entry; false (naming it) when there is no such entry or it is disabled.
    bool choose(const QString &menu, const QString &text);
    std::shared_ptr<Layer> layerNamed(const QString &name) const;
    QPoint widgetAt(QPointF lonLat) const;
    /// Selects the layer in the Layers panel, View → Zoom to Layer, then View → Zoom Out `zoomOuts` times.
    bool zoomToLayer(const QString &name, int zoomOuts = 0);
    bool goTo(const QString &text, int zoomIns);
    /// Brings a dock forward, as a click on its tab does.
    void raiseDock(const QString &objectName);
    bool setTimelineShown(bool shown);
    /// The sighting form's fields that every sighting of the guide fills in the same way.
    bool fillCommonFields(SightingDialog *form, const QDateTime &observed, const QString &provider,
                          const QString &notes, const QString &tags);
    /// Triggers `trigger` and, in the modal dialog it opens, calls `fill`, which accepts it.
    bool withDialog(const std::function<void()> &trigger, const std::function<bool(QDialog *)> &fill,
                    const QString &what);
    /// Analysis → `entry`, the dialog given to `fill`, then Find.
    bool runAnalysis(const QString &entry, const std::function<void(AnalysisDialog *)> &fill);
    /// The main window as it is now, with `dialog` (a separate window) drawn over it where it is.
    QImage grabWindow(QWidget *dialog = nullptr) const;
    QRect canvasRect() const;
    bool save(const QString &name, const QImage &image, const QRect &content);

    bool openImageryAndVectors();
    bool importAis();
    bool findGaps();
    bool findPortCalls();
    bool findRoundTrips();
    bool timeWindow();
    bool pointSighting();
    bool countRailCars();
    bool railDistance();
    bool composeAndExport();

    QString mOut;
    QString mWork;
    QString mError;
    QStringList mSaid; ///< what the workbench said during the step (message bar, docks), for the log
    std::unique_ptr<MainWindow> mWindow;
};

QAction *GuideShots::menuAction(const QString &menu, const QString &text) const
{
    for (QAction *top : mWindow->menuBar()->actions()) {
        if (!top->menu() || top->text().remove(QLatin1Char('&')) != menu)
            continue;
        for (QAction *a : top->menu()->actions())
            if (a->text().remove(QLatin1Char('&')) == text)
                return a;
    }
    return nullptr;
}

bool GuideShots::choose(const QString &menu, const QString &text)
{
    QAction *a = menuAction(menu, text);
    if (!a || !a->isEnabled())
        return fail(QStringLiteral("no %1 → %2 in the menus").arg(menu, text));
    a->trigger();
    return true;
}

std::shared_ptr<Layer> GuideShots::layerNamed(const QString &name) const
{
    for (const auto &layer : mWindow->layers()->layers())
        if (layer->name() == name)
            return layer;
    return nullptr;
}

QPoint GuideShots::widgetAt(QPointF lonLat) const
{
    MapCanvas *canvas = mWindow->canvas();
    return canvas->toWidget(Transform(Crs::wgs84(), canvas->crs()).forward(lonLat)).toPoint();
}

bool GuideShots::zoomToLayer(const QString &name, int zoomOuts)
{
    const auto layer = layerNamed(name);
    QAction *zoom = menuAction(QStringLiteral("View"), QStringLiteral("Zoom to Layer"));
    QAction *zoomOut = menuAction(QStringLiteral("View"), QStringLiteral("Zoom Out"));
    if (!layer || !zoom || !zoomOut)
        return fail(QStringLiteral("no layer %1 or no View → Zoom to Layer / Zoom Out").arg(name));
    mWindow->layerPanel()->selectLayer(layer->id());
    zoom->trigger();
    for (int i = 0; i < zoomOuts; ++i)
        zoomOut->trigger();
    return idle() || fail(QStringLiteral("the map did not finish drawing"));
}

void GuideShots::raiseDock(const QString &objectName)
{
    if (auto *dock = mWindow->findChild<QDockWidget *>(objectName))
        dock->raise();
    QApplication::processEvents();
}

bool GuideShots::setTimelineShown(bool shown)
{
    // View → Timeline (Ctrl+Shift+T) shows and hides it.
    QAction *toggle = menuAction(QStringLiteral("View"), QStringLiteral("Timeline"));
    if (!toggle)
        return fail(QStringLiteral("no View → Timeline"));
    TimelineDock *dock = mWindow->timeActions()->timelineDock();
    // The timeline reads the layers a moment after they change and shows itself when its first lanes
    // arrive: that must have happened before the menu is read, or it would show the dock just hidden.
    if (!QTest::qWaitFor([dock] { return !dock->isRebuildPending(); }, 10000))
        return fail(QStringLiteral("the timeline never read the layers"));
    if (dock->isVisible() != shown)
        toggle->trigger();
    return QTest::qWaitFor([dock, shown] { return dock->isVisible() == shown; }, 10000) ||
           fail(QStringLiteral("View → Timeline did nothing"));
}

bool GuideShots::fillCommonFields(SightingDialog *form, const QDateTime &observed, const QString &provider,
                                  const QString &notes, const QString &tags)
{
    for (QCheckBox *box : form->findChildren<QCheckBox *>())
        if (box->text() == QStringLiteral("known") && !box->isChecked())
            QTest::mouseClick(box, Qt::LeftButton);
    form->observedAt()->lineEdit()->selectAll();
    QTest::keyClicks(form->observedAt()->lineEdit(), observed.toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    // Prefilled from the raster under the click, the land/sea base, which is no image of the place.
    form->imagerySource()->clear();
    QTest::keyClicks(form->imagerySource(), QStringLiteral("Commercial satellite image"));
    QLineEdit *providerEdit = lineEditWithPlaceholder(form, QStringLiteral("e.g. USGS"));
    auto *resolution = form->findChild<QDoubleSpinBox *>();
    if (!providerEdit || !resolution)
        return fail(QStringLiteral("the sighting form has no Provider or Resolution field"));
    providerEdit->clear();
    QTest::keyClicks(providerEdit, provider);
    resolution->setValue(0); // "unknown"
    form->reliability()->setCurrentIndex(form->reliability()->findData(QStringLiteral("B")));
    form->credibility()->setCurrentIndex(form->credibility()->findData(2));
    QTest::keyClicks(form->notes(), notes);
    QTest::keyClicks(form->tags(), tags);
    // Moved aside, as one would, so that the place clicked stays in view.
    const QPoint topLeft = mWindow->mapToGlobal(QPoint(0, 0));
    form->move(topLeft.x() + mWindow->width() - form->width() - 24, topLeft.y() + 110);
    QApplication::processEvents();
    return true;
}

bool GuideShots::goTo(const QString &text, int zoomIns)
{
    // Ctrl+G, type the place, Enter; then View → Zoom In (+) a few times.
    QAction *goToAction = menuAction(QStringLiteral("View"), QStringLiteral("Go to Coordinate…"));
    auto *edit = mWindow->findChild<QLineEdit *>(QStringLiteral("goToEdit"));
    QAction *zoomIn = menuAction(QStringLiteral("View"), QStringLiteral("Zoom In"));
    if (!goToAction || !edit || !zoomIn)
        return fail(QStringLiteral("no View → Go to Coordinate…, Zoom In or Go to box"));
    goToAction->trigger();
    edit->clear();
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
    for (int i = 0; i < zoomIns; ++i)
        zoomIn->trigger();
    return idle() || fail(QStringLiteral("the map did not finish drawing"));
}

bool GuideShots::withDialog(const std::function<void()> &trigger, const std::function<bool(QDialog *)> &fill,
                            const QString &what)
{
    bool seen = false, filled = false;
    // Owned here, so that it cannot fire after this function when no dialog opened.
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, mWindow.get(), [&] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        seen = true;
        filled = fill(dialog);
        if (!filled)
            dialog->reject();
    });
    timer.start(0);
    trigger();
    timer.stop();
    if (!seen)
        return fail(QStringLiteral("%1 did not open").arg(what));
    return filled || (mError.isEmpty() ? fail(QStringLiteral("%1 could not be filled in").arg(what)) : false);
}

bool GuideShots::runAnalysis(const QString &entry, const std::function<void(AnalysisDialog *)> &fill)
{
    QAction *a = menuAction(QStringLiteral("Analysis"), entry);
    if (!a)
        return fail(QStringLiteral("no Analysis → %1 in the menus").arg(entry));
    return withDialog([a] { a->trigger(); },
                      [&](QDialog *d) {
                          auto *dialog = qobject_cast<AnalysisDialog *>(d);
                          if (!dialog)
                              return false;
                          fill(dialog);
                          auto *buttons = dialog->findChild<QDialogButtonBox *>();
                          QPushButton *find = buttons->button(QDialogButtonBox::Ok);
                          if (find->text() != QStringLiteral("Find"))
                              return fail(QStringLiteral("the dialog's button says %1").arg(find->text()));
                          QTest::mouseClick(find, Qt::LeftButton);
                          return true;
                      },
                      QStringLiteral("the dialog of Analysis → %1").arg(entry)) &&
           (idle() || fail(QStringLiteral("the map did not finish drawing")));
}

QImage GuideShots::grabWindow(QWidget *dialog) const
{
    QImage shot = mWindow->grab().toImage().convertToFormat(QImage::Format_RGB32);
    if (!dialog)
        return shot;
    // Offscreen windows have no frames: the dialog gets a plain title bar and outline, so it reads
    // as a window in front of the workbench.
    const QImage inner = dialog->grab().toImage();
    const int bar = 26;
    const QPoint at = dialog->mapToGlobal(QPoint(0, 0)) - mWindow->mapToGlobal(QPoint(0, 0));
    const QRect frame(at.x() - 1, at.y() - bar - 1, inner.width() + 2, inner.height() + bar + 2);
    QPainter p(&shot);
    p.setRenderHint(QPainter::Antialiasing);
    for (int i = 1; i <= 6; ++i) // a soft shadow
        p.fillRect(frame.translated(i, i), QColor(0, 0, 0, 14));
    p.fillRect(frame, QColor(0x3c, 0x3f, 0x44));
    QFont font = dialog->font();
    font.setBold(true);
    p.setFont(font);
    p.setPen(Qt::white);
    p.drawText(QRect(frame.left() + 10, frame.top(), frame.width() - 20, bar + 1), Qt::AlignVCenter,
               dialog->windowTitle());
    p.drawImage(at, inner);
    return shot;
}

QRect GuideShots::canvasRect() const
{
    MapCanvas *canvas = mWindow->canvas();
    return QRect(canvas->mapTo(mWindow.get(), QPoint(0, 0)), canvas->size());
}

bool GuideShots::save(const QString &name, const QImage &image, const QRect &content)
{
    const QString why = blankness(image, content);
    if (!why.isEmpty())
        return fail(QStringLiteral("%1 looks blank: %2").arg(name, why));
    mSaid << QStringLiteral("message bar: ") + mWindow->messageBar()->text();
    const QString path = QDir(mOut).filePath(name);
    if (!image.save(path, "PNG"))
        return fail(QStringLiteral("could not write %1").arg(path));
    return true;
}

// 1. A new project, the land/sea base and the vector layers of the case, framed on the ports.
bool GuideShots::openImageryAndVectors()
{
    // File → New Project…, saved as rajin-dunai.gpkg (the file dialog's answer given directly).
    if (!menuAction(QStringLiteral("File"), QStringLiteral("New Project…")) ||
        !menuAction(QStringLiteral("File"), QStringLiteral("Open Layer…")))
        return fail(QStringLiteral("no File → New Project… or Open Layer…"));
    if (!mWindow->projectController()->newProject(QDir(mWork).filePath(QStringLiteral("rajin-dunai.gpkg"))))
        return fail(QStringLiteral("File → New Project failed: %1").arg(mWindow->messageBar()->text()));
    // File → Open Layer…, the land/sea base; then again, the five vector files of resources/demo/vector.
    mWindow->openFiles({kDemo + QStringLiteral("/basemap_fareast_landsea.tif")});
    if (!QTest::qWaitFor([this] { return layerNamed(QStringLiteral("basemap_fareast_landsea")) != nullptr; },
                         20000) ||
        !idle())
        return fail(QStringLiteral("the land/sea base did not open: %1").arg(mWindow->messageBar()->text()));
    const QStringList vectors = {QStringLiteral("ne_10m_boundary_lines_case_areas.geojson"),
                                 QStringLiteral("ne_10m_ports_case_areas.geojson"),
                                 QStringLiteral("ports_APPROXIMATE.geojson"),
                                 QStringLiteral("rail_facilities_APPROXIMATE.geojson"),
                                 QStringLiteral("railways_APPROXIMATE.geojson")};
    QStringList paths;
    for (const QString &v : vectors)
        paths << kDemo + QStringLiteral("/vector/") + v;
    mWindow->openFiles(paths);
    if (!QTest::qWaitFor([this] { return layerNamed(QStringLiteral("railways_APPROXIMATE")) != nullptr; },
                         20000) ||
        !idle())
        return fail(QStringLiteral("the vector layers did not open: %1").arg(mWindow->messageBar()->text()));
    if (!zoomToLayer(QStringLiteral("ports_APPROXIMATE"), 1))
        return false;
    return save(QStringLiteral("01-open-imagery.png"), grabWindow(), canvasRect());
}

// 2. File → Import Tracks (AIS, CSV, GPX)…, the simulated log; the Vessels tab.
bool GuideShots::importAis()
{
    if (!menuAction(QStringLiteral("File"), QStringLiteral("Import Tracks (AIS, CSV, GPX)…")))
        return fail(QStringLiteral("no File → Import Tracks (AIS, CSV, GPX)…"));
    mWindow->trackImports()->importAisLogs(
        {kDemo + QStringLiteral("/ais/case_rajin_dunai_2023_SIMULATED.nmea")});
    if (!QTest::qWaitFor(
            [this] { return layerNamed(QStringLiteral("AIS tracks (SIMULATED)")) != nullptr; },
            30000) ||
        !idle())
        return fail(QStringLiteral("the AIS log was not imported: %1").arg(mWindow->messageBar()->text()));
    const QString message = mWindow->messageBar()->text();
    if (!message.contains(QStringLiteral("Imported")))
        return fail(QStringLiteral("no import message: %1").arg(message));
    raiseDock(QStringLiteral("vesselsDock"));
    return save(QStringLiteral("02-import-ais.png"), grabWindow(), canvasRect());
}

// 3. Analysis → Find Gaps (Going Dark)…, defaults; then the first gap picked in the Events dock.
bool GuideShots::findGaps()
{
    if (!runAnalysis(QStringLiteral("Find Gaps (Going Dark)…"), [](AnalysisDialog *) {}))
        return false;
    const QString message = mWindow->messageBar()->text();
    if (!message.contains(QStringLiteral("20 × gap")))
        return fail(QStringLiteral("expected 20 gaps: %1").arg(message));
    EventsPanel *panel = mWindow->analysisActions()->eventsPanel();
    QTableView *table = panel->table();
    // A double click picks the gap and frames it on the map (a click alone only picks it).
    const QRect cell = table->visualRect(table->model()->index(0, 1));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    if (panel->currentId() == 0 || !idle())
        return fail(QStringLiteral("picking the first gap did not select it"));
    if (!panel->details()->toPlainText().contains(QStringLiteral("Heading toward")))
        return fail(QStringLiteral("the gap's details do not say where it was heading"));
    // The Timeline, which opened with the first events, closed until step 6 to give the Events dock
    // room, and the divider between its list and the details dragged up to read the evidence.
    if (!setTimelineShown(false))
        return false;
    if (auto *split = qobject_cast<QSplitter *>(table->parentWidget())) {
        const int total = split->sizes().value(0) + split->sizes().value(1);
        split->setSizes({total / 3, total - total / 3});
    }
    if (!idle())
        return fail(QStringLiteral("the map did not finish drawing"));
    mSaid << QStringLiteral("details: ") + panel->details()->toPlainText();
    return save(QStringLiteral("03-find-gaps.png"), grabWindow(), canvasRect());
}

// 4. Analysis → Find Port Calls…, defaults; a possible call at Rajin picked in the Events dock.
bool GuideShots::findPortCalls()
{
    if (!runAnalysis(QStringLiteral("Find Port Calls…"), [](AnalysisDialog *) {}))
        return false;
    EventsPanel *panel = mWindow->analysisActions()->eventsPanel();
    QTableView *table = panel->table();
    QAbstractItemModel *model = table->model();
    int row = -1;
    for (int r = 0; r < model->rowCount() && row < 0; ++r)
        if (model->index(r, 5).data().toString().startsWith(QStringLiteral("Rajin")))
            row = r;
    if (row < 0)
        return fail(QStringLiteral("no port call at Rajin, seen or possible"));
    table->scrollTo(model->index(row, 1), QAbstractItemView::PositionAtTop);
    const QPoint callCell = table->visualRect(model->index(row, 1)).center();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, callCell);
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, callCell);
    if (!panel->details()->toPlainText().contains(QStringLiteral("possible")) || !idle())
        return fail(QStringLiteral("the possible call at Rajin was not picked"));
    mSaid << QStringLiteral("details: ") + panel->details()->toPlainText();
    return save(QStringLiteral("04-port-calls.png"), grabWindow(), canvasRect());
}

// 5. Analysis → Find Voyages and Round Trips…, between Rajin and Dunai: the dialog as it is filled in.
bool GuideShots::findRoundTrips()
{
    // Back to the whole area first, so the answer shows on the map.
    if (!zoomToLayer(QStringLiteral("ports_APPROXIMATE"), 1))
        return false;
    QImage shot;
    const bool ran = runAnalysis(QStringLiteral("Find Voyages and Round Trips…"), [&](AnalysisDialog *d) {
        QComboBox *a = d->roundTripPort(0), *b = d->roundTripPort(1);
        a->setCurrentIndex(a->findText(QStringLiteral("Rajin (Rason) port")));
        b->setCurrentIndex(b->findText(QStringLiteral("Dunai port")));
        QApplication::processEvents();
        shot = grabWindow(d);
    });
    if (!ran)
        return false;
    const QString message = mWindow->messageBar()->text();
    if (!message.contains(QStringLiteral("ANGARA (273145020) 10")) ||
        !message.contains(QStringLiteral("MARIA (273219530) 10")))
        return fail(QStringLiteral("expected 10 round trips each: %1").arg(message));
    // Only the round trips in the Events dock, then every type again.
    QComboBox *type = mWindow->analysisActions()->eventsPanel()->typeFilter();
    type->setCurrentIndex(type->findText(QStringLiteral("Round trip")));
    if (mWindow->analysisActions()->eventsPanel()->table()->model()->rowCount() != 20)
        return fail(QStringLiteral("the Events dock does not list the 20 round trips"));
    type->setCurrentIndex(type->findText(QStringLiteral("All types")));
    return save(QStringLiteral("05-round-trips.png"), shot, canvasRect());
}

// 6. View → Timeline: every event type shown, a window dragged along the axis, the cursor on 5 October.
bool GuideShots::timeWindow()
{
    // The whole area again (the Events dock framed the event it picked), and View → Timeline.
    if (!zoomToLayer(QStringLiteral("ports_APPROXIMATE"), 1) || !setTimelineShown(true))
        return false;
    TimelineDock *dock = mWindow->timeActions()->timelineDock();
    dock->rebuild();
    QApplication::processEvents();
    TimelineWidget *timeline = dock->timeline();
    const TimelineLayout layout = timeline->currentLayout();
    const int axisY = int(std::lround(layout.axis.top() + 8));
    const QPoint from(int(std::lround(layout.xForTime(utcMs(2023, 10, 1)))), axisY);
    const QPoint to(int(std::lround(layout.xForTime(utcMs(2023, 10, 15)))), axisY);
    QTest::mousePress(timeline, Qt::LeftButton, {}, from);
    QTest::mouseMove(timeline, (from + to) / 2);
    QTest::mouseMove(timeline, to);
    QTest::mouseRelease(timeline, Qt::LeftButton, {}, to);
    if (mWindow->timeController()->window().isOpen())
        return fail(QStringLiteral("dragging along the timeline's axis set no window"));
    // A click on an empty part of a vessel lane puts the time cursor there.
    const TimelineLayout::Lane *lane = nullptr;
    for (const TimelineLayout::Lane &l : layout.lanes)
        if (l.kind == TimelineLayout::LaneKind::Vessel && !lane)
            lane = &l;
    if (!lane)
        return fail(QStringLiteral("the timeline has no vessel lane"));
    const int y = int(std::lround(lane->strip.center().y()));
    QPoint at(int(std::lround(layout.xForTime(utcMs(2023, 10, 5, 2, 30)))), y);
    while (timeline->hitAt(at).kind != TimelineWidget::Hit::Kind::None && at.x() < to.x())
        at.rx() += 2;
    QTest::mouseClick(timeline, Qt::LeftButton, {}, at);
    if (mWindow->timeController()->cursorMs() == 0)
        return fail(QStringLiteral("a click on the lane put no time cursor"));
    mSaid << dock->windowLabel()->text() << dock->cursorLabel()->text();
    if (!idle())
        return fail(QStringLiteral("the map did not finish drawing"));
    return save(QStringLiteral("06-timeline-window.png"), grabWindow(), canvasRect());
}

// 7. Sightings → Add Point Sighting at the Rajin quay, the form filled in from the reporting.
bool GuideShots::pointSighting()
{
    if (!goTo(QStringLiteral("42.2415N 130.2965E"), 0))
        return false;
    if (!choose(QStringLiteral("Sightings"), QStringLiteral("Add Point Sighting")))
        return false;
    const QPoint at = widgetAt(QPointF(130.2965, 42.2415));
    QImage shot;
    const bool ok = withDialog(
        [&] { QTest::mouseClick(mWindow->canvas(), Qt::LeftButton, {}, at); },
        [&](QDialog *d) {
            auto *form = qobject_cast<SightingDialog *>(d);
            if (!form)
                return false;
            form->kind()->setCurrentIndex(form->kind()->findData(QStringLiteral("vessel")));
            form->vessel()->setCurrentIndex(form->vessel()->findText(QStringLiteral("ANGARA (273145020)")));
            if (form->vessel()->currentIndex() <= 0)
                return fail(QStringLiteral("ANGARA is not among the form's vessels"));
            if (!fillCommonFields(
                    form, QDateTime(QDate(2023, 10, 5), QTime(2, 30), Qt::UTC),
                    QStringLiteral("Planet Labs via RUSI"),
                    QStringLiteral("ANGARA alongside the north quay at Rajin, loading containers; AIS "
                                   "dark (RUSI via The Washington Post, 16 Oct 2023). Date "
                                   "illustrative, position approximate."),
                    QStringLiteral("Rajin, dark")))
                return false;
            shot = grabWindow(form);
            QTest::mouseClick(form->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save),
                              Qt::LeftButton);
            return true;
        },
        QStringLiteral("the sighting form"));
    if (!ok)
        return false;
    if (mWindow->projectController()->session()->project().sightings().size() != 1)
        return fail(QStringLiteral("the sighting was not stored"));
    return save(QStringLiteral("07-point-sighting.png"), shot, canvasRect());
}

// 8. Sightings → Count Objects at Tumangang: a mark on each rail car, Enter, the form.
bool GuideShots::countRailCars()
{
    if (!goTo(QStringLiteral("42.398N 130.623E"), 2))
        return false;
    if (!choose(QStringLiteral("Sightings"), QStringLiteral("Count Objects")))
        return false;
    // 73 cars on four sidings across the yard (schematic: the demo has no image of the yard).
    const int perRow[] = {19, 18, 18, 18};
    for (int row = 0; row < 4; ++row)
        for (int i = 0; i < perRow[row]; ++i) {
            const QPointF ll(130.6135 + i * 0.00105, 42.3945 + row * 0.0022);
            QTest::mouseClick(mWindow->canvas(), Qt::LeftButton, {}, widgetAt(ll));
        }
    CountTool *tool = mWindow->sightingActions()->countTool();
    if (tool->count() != 73)
        return fail(QStringLiteral("%1 marks instead of 73").arg(tool->count()));
    QImage shot;
    const bool ok = withDialog(
        [&] { QTest::keyClick(mWindow->canvas(), Qt::Key_Return); },
        [&](QDialog *d) {
            auto *form = qobject_cast<SightingDialog *>(d);
            if (!form)
                return false;
            if (form->count()->value() != 73)
                return fail(QStringLiteral("the form counts %1").arg(form->count()->value()));
            form->kind()->setCurrentIndex(form->kind()->findData(QStringLiteral("rail cars")));
            if (!fillCommonFields(
                    form, QDateTime(QDate(2023, 10, 5), QTime(0, 0), Qt::UTC),
                    QStringLiteral("CSIS Beyond Parallel"),
                    QStringLiteral("73 freight rail cars at the Tumangang rail facility (CSIS Beyond "
                                   "Parallel, 6 Oct 2023). Marks schematic, date approximate."),
                    QStringLiteral("Tumangang, rail, count")))
                return false;
            shot = grabWindow(form);
            QTest::mouseClick(form->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save),
                              Qt::LeftButton);
            return true;
        },
        QStringLiteral("the count's sighting form"));
    if (!ok)
        return false;
    const QList<Sighting> stored = mWindow->projectController()->session()->project().sightings();
    if (stored.size() != 2 || stored.last().count != 73)
        return fail(QStringLiteral("the count of 73 rail cars was not stored"));
    return save(QStringLiteral("08-count-rail-cars.png"), shot, canvasRect());
}

// 9. View → Measure, "Route along a line layer", railways: Tumangang to the depot near Tikhoretsk.
bool GuideShots::railDistance()
{
    if (!choose(QStringLiteral("View"), QStringLiteral("Measure")))
        return false;
    MeasurePanel *panel = mWindow->mapActions()->measurePanel();
    QComboBox *mode = panel->modeCombo();
    mode->setCurrentIndex(mode->findText(QStringLiteral("Route along a line layer (rail distance)")));
    if (mode->currentData().toInt() != int(Measurement::Mode::Route))
        return fail(QStringLiteral("no \"Route along a line layer (rail distance)\" in the Measure dock"));
    QComboBox *layer = panel->layerCombo();
    layer->setCurrentIndex(layer->findText(QStringLiteral("railways_APPROXIMATE")));
    if (layer->currentText() != QStringLiteral("railways_APPROXIMATE"))
        return fail(QStringLiteral("railways_APPROXIMATE is not in the Measure dock's layers"));
    // Still framed on Tumangang from the count: the first click on the line at the yard...
    QTest::mouseClick(mWindow->canvas(), Qt::LeftButton, {}, widgetAt(QPointF(130.6225, 42.3985)));
    // ...then the whole line in view, with room round it, and the second click at the depot.
    if (!zoomToLayer(QStringLiteral("railways_APPROXIMATE"), 1))
        return false;
    QTest::mouseClick(mWindow->canvas(), Qt::LeftButton, {}, widgetAt(QPointF(40.2, 45.9)));
    const Measurement &m = mWindow->mapActions()->measureTool()->measurement();
    if (m.route.empty())
        return fail(QStringLiteral("no route along the rails: %1").arg(m.routeMessage));
    if (!panel->resultText().contains(QStringLiteral("Along the lines")))
        return fail(QStringLiteral("the Measure dock shows no rail distance: %1").arg(panel->resultText()));
    if (!idle())
        return fail(QStringLiteral("the map did not finish drawing"));
    mSaid << QStringLiteral("measure: ") + panel->resultText();
    return save(QStringLiteral("09-rail-distance.png"), grabWindow(), canvasRect());
}

// 10. File → Brief Composer…: title and key judgments typed, the preview; Export PDF….
bool GuideShots::composeAndExport()
{
    // Back to panning, and the case area again (with the time window of step 6) for the brief's figure.
    if (!choose(QStringLiteral("View"), QStringLiteral("Pan")) ||
        !zoomToLayer(QStringLiteral("ports_APPROXIMATE"), 1) ||
        !choose(QStringLiteral("File"), QStringLiteral("Brief Composer…")))
        return false;
    BriefComposer *composer = mWindow->briefActions()->composer();
    if (!composer || !composer->isVisible())
        return fail(QStringLiteral("the Brief Composer did not open"));
    composer->resize(1400, 900);
    if (composer->titleEdit()->text() != QStringLiteral("rajin-dunai"))
        return fail(QStringLiteral("the brief's title is not the project's name: %1")
                        .arg(composer->titleEdit()->text()));
    composer->titleEdit()->clear();
    QTest::keyClicks(composer->titleEdit(), QStringLiteral("ANGARA and MARIA: the Rajin-Dunai shuttle"));
    QPlainTextEdit *judgments = nullptr;
    for (QPlainTextEdit *edit : composer->findChildren<QPlainTextEdit *>())
        if (edit->placeholderText() == QStringLiteral("One judgment per line"))
            judgments = edit;
    if (!judgments)
        return fail(QStringLiteral("the composer has no key judgments field"));
    QTest::keyClicks(judgments, QStringLiteral("ANGARA and MARIA made ten Dunai-Rajin round trips each in "
                                               "the simulated AIS, dark on every leg toward Rajin."));
    QTest::keyClick(judgments, Qt::Key_Return);
    QTest::keyClicks(judgments, QStringLiteral("73 rail cars at Tumangang on 5 October suggest a rail route "
                                               "alongside the sea route."));
    QPdfDocument *document = composer->previewDocument();
    QTest::qWait(600);
    if (!QTest::qWaitFor(
            [&] {
                return !composer->isPreviewPending() && document->status() == QPdfDocument::Status::Ready &&
                       document->getAllText(0).text().contains(QStringLiteral("73 rail cars"));
            },
            30000))
        return fail(QStringLiteral("the composer's preview did not show the brief (%1; %2)")
                        .arg(composer->statusText(), document->getAllText(0).text().left(300)));
    QTest::qWait(200);
    QImage shot = composer->grab().toImage().convertToFormat(QImage::Format_RGB32);
    QPdfView *view = composer->previewView();
    const QRect preview(view->mapTo(composer, QPoint(0, 0)), view->size());

    // Export PDF…: the save dialog, answered with a file in the output folder.
    const QString pdf = QDir(mOut).filePath(QStringLiteral("rajin-dunai-brief.pdf"));
    QFile::remove(pdf);
    QPushButton *exportButton = nullptr;
    for (QPushButton *b : composer->findChildren<QPushButton *>())
        if (b->text() == QStringLiteral("&Export PDF…"))
            exportButton = b;
    if (!exportButton)
        return fail(QStringLiteral("the composer has no Export PDF… button"));
    const bool ok =
        withDialog([&] { QTest::mouseClick(exportButton, Qt::LeftButton); },
                   [&](QDialog *d) {
                       auto *dialog = qobject_cast<QFileDialog *>(d);
                       if (!dialog)
                           return false;
                       // It proposes NAME-brief.pdf beside the project; here, OUT_DIR.
                       const QString proposed = dialog->selectedFiles().value(0);
                       if (QFileInfo(proposed).fileName() != QStringLiteral("rajin-dunai-brief.pdf"))
                           return fail(QStringLiteral("the export dialog proposes %1").arg(proposed));
                       dialog->selectFile(pdf);
                       d->accept();
                       return true;
                   },
                   QStringLiteral("the Export Brief PDF dialog"));
    if (!ok)
        return false;
    const QString message = mWindow->messageBar()->text();
    if (QFileInfo(pdf).size() < 10000 || !message.contains(QStringLiteral("Brief written")))
        return fail(QStringLiteral("the brief was not written: %1").arg(message));
    return save(QStringLiteral("10-export-brief.png"), shot, preview);
}

int GuideShots::run()
{
    QElapsedTimer clock;
    clock.start();
    mWindow = std::make_unique<MainWindow>();
    mWindow->resize(1400, 900);
    mWindow->show();
    if (!QTest::qWaitForWindowExposed(mWindow.get())) {
        QTextStream(stderr) << "sightline_guide_shots: the window was never shown\n";
        return 1;
    }
    const QList<QPair<QString, Step>> steps = {
        {QStringLiteral("1 open imagery and vectors"), [this] { return openImageryAndVectors(); }},
        {QStringLiteral("2 import AIS"), [this] { return importAis(); }},
        {QStringLiteral("3 find gaps"), [this] { return findGaps(); }},
        {QStringLiteral("4 port calls"), [this] { return findPortCalls(); }},
        {QStringLiteral("5 round trips"), [this] { return findRoundTrips(); }},
        {QStringLiteral("6 timeline and time window"), [this] { return timeWindow(); }},
        {QStringLiteral("7 point sighting"), [this] { return pointSighting(); }},
        {QStringLiteral("8 count"), [this] { return countRailCars(); }},
        {QStringLiteral("9 rail distance"), [this] { return railDistance(); }},
        {QStringLiteral("10 brief"), [this] { return composeAndExport(); }},
    };
    QTextStream out(stdout);
    for (const auto &[name, step] : steps) {
        const qint64 start = clock.elapsed();
        if (!step()) {
            QTextStream(stderr) << "sightline_guide_shots: step " << name << " failed: " << mError << '\n';
            return 1;
        }
        out << "step " << name << ": " << (clock.elapsed() - start) << " ms\n";
        for (const QString &line : std::as_const(mSaid))
            out << "    " << QString(line).replace(QLatin1Char('\n'), QStringLiteral(" | ")) << '\n';
        mSaid.clear();
        out.flush();
    }
    out << "10 screenshots and the brief written to " << QDir::toNativeSeparators(mOut) << " in "
        << clock.elapsed() << " ms\n";
    // The project goes before the window's widgets, as when the window closes.
    mWindow.reset();
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    sightline::ensureRuntimeDirectory();
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("SightlineGuide"));
    QCoreApplication::setApplicationName(QStringLiteral("SightlineGuideShots"));
    sightline::ensureGdalInitialised();
    // The default window layout every time: no docks moved by an earlier run.
    QSettings().clear();
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 2) {
        QTextStream(stderr) << "usage: sightline_guide_shots OUT_DIR\n";
        return 2;
    }
    const QString outDir = QFileInfo(args.at(1)).absoluteFilePath();
    if (!QDir().mkpath(outDir)) {
        QTextStream(stderr) << "sightline_guide_shots: cannot make " << outDir << '\n';
        return 2;
    }
    QTemporaryDir work;
    if (!work.isValid()) {
        QTextStream(stderr) << "sightline_guide_shots: no temporary folder\n";
        return 2;
    }
    return GuideShots(outDir, work.path()).run();
}
