#include "project/testaisbroadcasts.h"

#include "aissentences.h"
#include "support/casewindow.h"

#include "layers/layerstack.h"
#include "layers/tracklayer.h"
#include "layers/vectorlayer.h"
#include "render/timelinefigure.h"
#include "ui/analysis/analysisactions.h"
#include "ui/analysis/eventspanel.h"
#include "ui/common/messagebar.h"
#include "ui/project/projectcontroller.h"
#include "ui/shell/mainwindow.h"
#include "ui/time/timeactions.h"
#include "ui/time/timelinedock.h"
#include "ui/time/timelinewidget.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QApplication>
#include <QCompleter>
#include <QFile>
#include <QFileDialog>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QTableView>
#include <QTextBrowser>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace sightline;
using namespace sightline::test;

namespace {

constexpr std::int64_t kT0 = 1692100800; // 2023-08-15 12:00:00 UTC
constexpr std::uint32_t kShip = 273145020;

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
}

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

std::shared_ptr<VectorLayer> layerNamed(MainWindow *window, const QString &name)
{
    for (const auto &layer : window->layers()->layers())
        if (auto v = std::dynamic_pointer_cast<VectorLayer>(layer); v && v->name() == name)
            return v;
    return nullptr;
}

// A coast watched by two receivers: a ship reporting every ten minutes for an hour, a base
// station, a virtual cardinal mark, and the ship's safety broadcast half way.
QString writeCoastLog(const QString &path)
{
    std::string log;
    for (int i = 0; i <= 6; ++i)
        log += aisLine(positionReport(kShip, 131.10 + i * 0.01, 42.30 + i * 0.004), i % 2 ? "rcv-south" : "rcv-north",
                       kT0 + i * 600, i % 2 ? 'B' : 'A');
    log += aisLine(baseStationReport(2734001, 131.00, 42.25), "rcv-north", kT0 + 5, 'A');
    log += aisLine(baseStationReport(2734001, 131.00, 42.25), "rcv-north", kT0 + 3000, 'A');
    log += aisLine(aidToNavigation(992731001, 20, "NORTH CARDINAL", 131.08, 42.36, true, false), "rcv-north",
                   kT0 + 100, 'A');
    log += aisLine(safetyBroadcast(kShip, "MAN OVERBOARD"), "rcv-south", kT0 + 1800, 'B');
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(log.data(), qint64(log.size()));
    return path;
}

// The row of the Events dock whose cells mention `text`; -1 for none.
int eventsRowWith(EventsPanel *panel, const QString &text)
{
    const QAbstractItemModel *model = panel->table()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        for (int column = 0; column < model->columnCount(); ++column)
            if (model->index(row, column).data().toString().contains(text))
                return row;
    return -1;
}

} // namespace

void TestAisBroadcasts::initTestCase()
{
    QVERIFY(mDir.isValid());
}

void TestAisBroadcasts::init()
{
    mWindow = new MainWindow();
    mWindow->resize(1100, 760);
    mWindow->show();
    QVERIFY(QTest::qWaitForWindowExposed(mWindow));
}

void TestAisBroadcasts::cleanup()
{
    delete mWindow;
    mWindow = nullptr;
}

void TestAisBroadcasts::importShowsReceiversAidsAndSafetyMessages()
{
    const QString log = writeCoastLog(mDir.filePath(QStringLiteral("coast.nmea")));
    QVERIFY(!log.isEmpty());
    const QString path = mDir.filePath(QStringLiteral("coast.gpkg"));
    QVERIFY(mWindow->projectController()->newProject(path));

    whenModal<QFileDialog>(this, [log](QFileDialog *d) { typeIntoFileDialog(d, log); });
    QVERIFY(triggerMenu(mWindow, QStringLiteral("File"), QStringLiteral("Import Tracks (AIS, CSV, GPX)…")));
    QTRY_VERIFY_WITH_TIMEOUT(layerNamed(mWindow, QStringLiteral("Receivers")), 30000);
    QVERIFY(test::waitForIdle(mWindow));
    QVERIFY2(mWindow->messageBar()->text().contains(
                 QStringLiteral("Kept 1 receivers (base stations), 1 aids to navigation and 1 safety messages")),
             qPrintable(mWindow->messageBar()->text()));

    // The receivers layer: the base station, as a triangle, with the span it was heard.
    const auto receivers = layerNamed(mWindow, QStringLiteral("Receivers"));
    QCOMPARE(receivers->data().features().size(), std::size_t(1));
    QCOMPARE(receivers->style().symbol.shape, VectorSymbol::Shape::Triangle);
    bool span = false;
    for (const auto &[name, value] : receivers->attributes(0))
        span = span || (name == QLatin1String("heard") &&
                        value == QStringLiteral("2023-08-15 12:00:05 – 2023-08-15 12:50:00 UTC"));
    QVERIFY(span);
    const auto aids = layerNamed(mWindow, QStringLiteral("Aids to navigation"));
    QVERIFY(aids);
    QCOMPARE(aids->data().features().size(), std::size_t(1));

    // The safety message: a row of the Events dock, and a mark on the ship's timeline lane.
    EventsPanel *panel = mWindow->analysisActions()->eventsPanel();
    QTRY_VERIFY(eventsRowWith(panel, QStringLiteral("MAN OVERBOARD")) >= 0);
    TimelineWidget *timeline = mWindow->timeActions()->timelineDock()->timeline();
    timeline->setView((kT0 - 600) * 1000, (kT0 + 4200) * 1000);
    const TimelineLayout layout = timeline->currentLayout();
    const TimelineLayout::Lane *lane = layout.vesselLane(kShip, timeline->data().lanes);
    QVERIFY(lane);
    const TimelineLayout::Mark *bubble = nullptr;
    for (const TimelineLayout::Mark &m : layout.marks)
        if (m.kind == TimelineLayout::Mark::Kind::SafetyMessage)
            bubble = &m;
    QVERIFY(bubble);
    const QString tip = timeline->toolTipAt(bubble->rect.center());
    QVERIFY2(tip.contains(QStringLiteral("Safety message")) && tip.contains(QStringLiteral("MAN OVERBOARD")) &&
                 tip.contains(QStringLiteral("rcv-south")),
             qPrintable(tip));
    // A click on it selects it in the Events dock.
    QTest::mouseClick(timeline, Qt::LeftButton, {}, bubble->rect.center().toPoint());
    QVERIFY(panel->currentId() < 0);
    QVERIFY(panel->details()->toPlainText().contains(QStringLiteral("MAN OVERBOARD")));

    // Identify on a track position names the receiver that heard it.
    for (const auto &layer : mWindow->layers()->layers())
        if (auto tracks = std::dynamic_pointer_cast<TrackLayer>(layer)) {
            bool heard = false;
            for (const auto &[name, value] : tracks->describePosition(kShip, 1))
                heard = heard || (name == QLatin1String("Heard by") && value == QLatin1String("rcv-south, channel B"));
            QVERIFY(heard);
        }

    // Opened again: the layers and the message are there, from the project alone.
    QVERIFY(triggerMenu(mWindow, QStringLiteral("File"), QStringLiteral("Close Project")));
    QTRY_VERIFY(!mWindow->projectController()->session());
    delete mWindow;
    QFile::remove(log);
    mWindow = new MainWindow();
    mWindow->show();
    QVERIFY(QTest::qWaitForWindowExposed(mWindow));
    QVERIFY(mWindow->openProject(path));
    QVERIFY(test::waitForIdle(mWindow));
    QVERIFY(layerNamed(mWindow, QStringLiteral("Receivers")));
    QVERIFY(layerNamed(mWindow, QStringLiteral("Aids to navigation")));
    int receiversLayers = 0;
    for (const auto &layer : mWindow->layers()->layers())
        receiversLayers += layer->name() == QLatin1String("Receivers");
    QCOMPARE(receiversLayers, 1);
    QTRY_VERIFY(eventsRowWith(mWindow->analysisActions()->eventsPanel(), QStringLiteral("MAN OVERBOARD")) >= 0);
}
