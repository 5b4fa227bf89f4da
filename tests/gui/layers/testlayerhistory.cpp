#include "layers/testlayerhistory.h"

#include "layers/sightinglayer.h"
#include "layers/tracklayer.h"
#include "project/project.h"
#include "project/projectsession.h"
#include "ui/layers/layerpropertiesdialog.h"
#include "ui/project/projectcontroller.h"
#include "ui/shell/undohistorydialog.h"
#include "ui/sightings/sightingdialog.h"

#include <QInputDialog>
#include <QPlainTextEdit>
#include <QUndoStack>
#include <QUndoView>

using namespace sightline;
using namespace sightline::test;

namespace {

QAction *action(QWidget *window, const char *name)
{
    return window->findChild<QAction *>(QLatin1String(name));
}

// The Layer menu's Remove, as the user picks it.
void removeSelectedLayer(MainWindow *window)
{
    window->layerActions()->removeAction()->trigger();
}

// The panel's context menu entry `name` for layer `id`, triggered.
void contextMenuEntry(MainWindow *window, const QString &id, const char *name)
{
    QMenu menu;
    window->layerPanel()->fillContextMenu(menu, id);
    QAction *entry = menu.findChild<QAction *>(QLatin1String(name));
    QVERIFY2(entry, name);
    entry->trigger();
}

} // namespace

QString TestLayerHistory::newProject(const QString &name)
{
    const QString path = mDir.filePath(name);
    QFile::remove(path);
    if (!mWindow->projectController()->newProject(path))
        return {};
    return path;
}

void TestLayerHistory::pressUndo()
{
    // Ctrl+Z is the window's shortcut: it works in the active window.
    mWindow->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(mWindow));
    QTest::keyClick(mWindow->canvas(), Qt::Key_Z, Qt::ControlModifier);
}

void TestLayerHistory::pressRedo()
{
    // Redo's keys are the platform's (Ctrl+Shift+Z on X11, Ctrl+Y elsewhere): as the action has them.
    mWindow->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(mWindow));
    const QKeyCombination keys = action(mWindow, "actionRedo")->shortcut()[0];
    QTest::keyClick(mWindow->canvas(), keys.key(), keys.keyboardModifiers());
}

QStringList TestLayerHistory::storedLayerNames(const QString &projectPath) const
{
    // Read by another connection, as the next session would.
    auto reader = Project::open(projectPath, Project::Mode::ReadOnly, nullptr);
    if (!reader)
        return {QStringLiteral("<cannot open>")};
    QStringList names;
    for (const ProjectLayer &l : reader->layers())
        names << l.name;
    return names;
}

void TestLayerHistory::ctrlZBringsBackARemovedLayerNotAnEarlierSighting()
{
    const QString second = makeGeoTiff(mDir.filePath(QStringLiteral("harbour.tif")), 4326, 50, 50,
                                       {130.1, 0.01, 0, 42.5, 0, -0.01}, Qt::yellow);
    mWindow->openFiles({mUtmFixture, second});
    QTRY_COMPARE(mWindow->layers()->count(), 2);
    const QString path = newProject(QStringLiteral("remove.gpkg"));
    QVERIFY(!path.isEmpty());
    mWindow->zoomToWgs84(QRectF(QPointF(130.2, 42.15), QPointF(130.4, 42.35)));
    QVERIFY(waitForRender());
    QCOMPARE(storedLayerNames(path), (QStringList{QStringLiteral("utm"), QStringLiteral("harbour")}));

    // A sighting first, through the tool and its form...
    QTimer::singleShot(0, this, [] {
        auto *form = qobject_cast<SightingDialog *>(QApplication::activeModalWidget());
        if (!form)
            return;
        QTest::keyClicks(form->notes(), QStringLiteral("vessel at the quay"));
        QTest::mouseClick(form->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save),
                          Qt::LeftButton);
    });
    action(mWindow, "actionAddPointSighting")->trigger();
    MapCanvas *canvas = mWindow->canvas();
    QTest::mouseClick(canvas, Qt::LeftButton, {},
                      canvas->toWidget(Transform(Crs::wgs84(), canvas->crs()).forward(kRajin)).toPoint());
    ProjectSession *session = mWindow->projectController()->session();
    QCOMPARE(session->project().sightings().size(), 1);

    // ...then the bottom layer, faded, is removed from the Layer menu: no question, an undo entry.
    LayerStack *stack = mWindow->layers();
    const auto utm = stack->layers().at(0);
    QCOMPARE(utm->name(), QStringLiteral("utm"));
    mWindow->layerPanel()->selectLayer(utm->id());
    QTest::keyClick(mWindow->layerPanel()->opacitySlider(), Qt::Key_PageDown);
    QTRY_VERIFY(utm->opacity() < 0.95);
    const double faded = utm->opacity();
    removeSelectedLayer(mWindow);
    QVERIFY(!QApplication::activeModalWidget());
    QCOMPARE(stack->indexOf(utm->id()), -1);
    QCOMPARE(mWindow->undoStack()->undoText(), QStringLiteral("Remove layer 'utm'"));
    QCOMPARE(storedLayerNames(path), QStringList{QStringLiteral("harbour")});

    // Ctrl+Z: the layer is back, at the bottom, faded as it was; the sighting stays.
    pressUndo();
    QCOMPARE(stack->indexOf(utm->id()), 0);
    QCOMPARE(stack->layers().at(0)->opacity(), faded);
    QCOMPARE(session->project().sightings().size(), 1);
    QCOMPARE(mWindow->projectController()->sightingLayer()->sightings().size(), 1);
    // The project lists it again, at once.
    QCOMPARE(storedLayerNames(path), (QStringList{QStringLiteral("utm"), QStringLiteral("harbour")}));
    QCOMPARE(mWindow->layerPanel()->list()->count(), 3); // with the sightings on top

    // Redo removes it again; undo twice more takes back the fading, then the sighting.
    pressRedo();
    QCOMPARE(stack->indexOf(utm->id()), -1);
    QCOMPARE(storedLayerNames(path), QStringList{QStringLiteral("harbour")});
    pressUndo();
    QCOMPARE(mWindow->undoStack()->undoText(), QStringLiteral("Set opacity of 'utm'"));
    pressUndo();
    QCOMPARE(utm->opacity(), 1.0);
    QCOMPARE(session->project().sightings().size(), 1);
    pressUndo();
    QCOMPARE(session->project().sightings().size(), 0);
}

void TestLayerHistory::layerEditsAreNamedEntriesAndTheFileFollows()
{
    const QString second = makeGeoTiff(mDir.filePath(QStringLiteral("harbour.tif")), 4326, 50, 50,
                                       {130.1, 0.01, 0, 42.5, 0, -0.01}, Qt::yellow);
    mWindow->openFiles({mUtmFixture});
    QTRY_COMPARE(mWindow->layers()->count(), 1);
    const QString path = newProject(QStringLiteral("edits.gpkg"));
    QVERIFY(!path.isEmpty());
    QUndoStack *undo = mWindow->undoStack();
    const int start = undo->count();

    // Opening a layer is an entry; the sightings stay on top.
    mWindow->openFiles({second});
    QTRY_COMPARE(mWindow->layers()->count(), 3);
    QCOMPARE(undo->undoText(), QStringLiteral("Add layer 'harbour'"));
    LayerStack *stack = mWindow->layers();
    const QString utm = stack->layers().at(0)->id(), harbour = stack->layers().at(1)->id();
    QCOMPARE(storedLayerNames(path), (QStringList{QStringLiteral("utm"), QStringLiteral("harbour")}));

    // A drag in the list (rows moved in its model, as a drop does) is one entry.
    QListWidget *list = mWindow->layerPanel()->list();
    QCOMPARE(list->item(1)->text(), QStringLiteral("harbour"));
    QVERIFY(list->model()->moveRow(QModelIndex(), 1, QModelIndex(), 3));
    QTRY_COMPARE(stack->layers().at(0)->id(), harbour);
    QCOMPARE(undo->undoText(), QStringLiteral("Reorder layers"));
    QCOMPARE(storedLayerNames(path), (QStringList{QStringLiteral("harbour"), QStringLiteral("utm")}));

    // Move Up from the context menu.
    contextMenuEntry(mWindow, harbour, "actionMoveLayerUp");
    QCOMPARE(stack->layers().at(1)->id(), harbour);
    QCOMPARE(undo->undoText(), QStringLiteral("Move layer 'harbour' up"));

    // Rename with F2 in the list.
    mWindow->layerPanel()->selectLayer(utm);
    QTimer::singleShot(0, this, [] {
        auto *ask = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        if (!ask)
            return;
        auto *edit = ask->findChild<QLineEdit *>();
        edit->selectAll();
        QTest::keyClicks(edit, QStringLiteral("Rajin image"));
        QTest::keyClick(edit, Qt::Key_Return);
    });
    mWindow->activateWindow();
    list->setFocus();
    QTest::keyClick(list, Qt::Key_F2);
    QCOMPARE(stack->find(utm)->name(), QStringLiteral("Rajin image"));
    QCOMPARE(undo->undoText(), QStringLiteral("Rename layer 'utm' to 'Rajin image'"));
    QVERIFY(storedLayerNames(path).contains(QStringLiteral("Rajin image")));

    // Opacity with the slider's keys: several steps, one entry.
    QSlider *slider = mWindow->layerPanel()->opacitySlider();
    QTest::keyClick(slider, Qt::Key_PageDown);
    QTest::keyClick(slider, Qt::Key_PageDown);
    QCOMPARE(stack->find(utm)->opacity(), 0.8);
    QCOMPARE(undo->undoText(), QStringLiteral("Set opacity of 'Rajin image'"));

    // Hiding a layer (Space on its row) is looking, not editing: no entry, but the file keeps it.
    const int entries = undo->count();
    QCOMPARE(entries, start + 5);
    mWindow->layerPanel()->selectLayer(harbour);
    QTest::keyClick(list, Qt::Key_Space);
    QTRY_VERIFY(!stack->find(harbour)->isVisible());
    QCOMPARE(undo->count(), entries);
    QTest::keyClick(list, Qt::Key_Space);
    QTRY_VERIFY(stack->find(harbour)->isVisible());

    // Each Ctrl+Z takes one back, newest first, the file following each.
    pressUndo();
    QCOMPARE(stack->find(utm)->opacity(), 1.0);
    pressUndo();
    QCOMPARE(stack->find(utm)->name(), QStringLiteral("utm"));
    QCOMPARE(storedLayerNames(path), (QStringList{QStringLiteral("utm"), QStringLiteral("harbour")}));
    pressUndo();
    QCOMPARE(stack->layers().at(0)->id(), harbour);
    pressUndo();
    QCOMPARE(stack->layers().at(0)->id(), utm);
    QCOMPARE(storedLayerNames(path), (QStringList{QStringLiteral("utm"), QStringLiteral("harbour")}));
    pressUndo();
    QCOMPARE(stack->indexOf(harbour), -1);
    QCOMPARE(storedLayerNames(path), QStringList{QStringLiteral("utm")});
    QCOMPARE(undo->index(), start);
}

void TestLayerHistory::restyleIsUndoneAndTheStylePanelFollows()
{
    mWindow->openFiles({QStringLiteral(SIGHTLINE_DEMO_DIR "/vector/ports_APPROXIMATE.geojson")});
    QTRY_COMPARE(mWindow->layers()->count(), 1);
    const QString path = newProject(QStringLiteral("style.gpkg"));
    QVERIFY(!path.isEmpty());
    auto ports = std::dynamic_pointer_cast<VectorLayer>(mWindow->layers()->layers().at(0));
    QVERIFY(ports);
    mWindow->layerPanel()->selectLayer(ports->id());
    // The Style tab brought forward, as a click on it does.
    mWindow->layerActions()->styleDock()->show();
    mWindow->layerActions()->styleDock()->raise();
    StylePanel *panel = mWindow->layerActions()->stylePanel();
    QTRY_VERIFY(panel->isEnabled() && panel->isVisible());
    const double width = ports->style().symbol.strokeWidth;

    // Three steps up with the keyboard: the panel applies each at once, together one entry.
    QDoubleSpinBox *spin = panel->strokeWidth();
    const int before = mWindow->undoStack()->count();
    for (int i = 0; i < 3; ++i)
        QTest::keyClick(spin, Qt::Key_Up);
    const double wider = width + 3 * spin->singleStep();
    QCOMPARE(ports->style().symbol.strokeWidth, wider);
    QCOMPARE(mWindow->undoStack()->count(), before + 1);
    QCOMPARE(mWindow->undoStack()->undoText(), QStringLiteral("Restyle layer 'ports_APPROXIMATE'"));

    pressUndo();
    QCOMPARE(ports->style().symbol.strokeWidth, width);
    QCOMPARE(spin->value(), width); // the panel shows what the layer has
    auto reader = Project::open(path, Project::Mode::ReadOnly, nullptr);
    QVERIFY(reader);
    QCOMPARE(reader->layers().first().style.value(QStringLiteral("symbol")).toObject().value(
                 QStringLiteral("stroke_width")).toDouble(),
             width);
    pressRedo();
    QCOMPARE(ports->style().symbol.strokeWidth, wider);
    QCOMPARE(spin->value(), wider);
}

void TestLayerHistory::simplifyingTrackLinesInPropertiesIsOneUndoableStep()
{
    mWindow->openFiles({kDemoAis});
    QTRY_COMPARE_WITH_TIMEOUT(mWindow->layers()->count(), 1, 20000);
    const QString path = newProject(QStringLiteral("simplify.gpkg"));
    QVERIFY(!path.isEmpty());
    auto tracks = std::dynamic_pointer_cast<TrackLayer>(mWindow->layers()->layers().at(0));
    QVERIFY(tracks);
    QVERIFY(!tracks->style().generalize.isActive());
    QVERIFY(waitForRender());
    const QImage every = mWindow->canvas()->frame();
    QUndoStack *undo = mWindow->undoStack();
    const int before = undo->count();
    auto storedStyle = [&path] {
        auto reader = Project::open(path, Project::Mode::ReadOnly, nullptr);
        return reader && !reader->layers().isEmpty() ? reader->layers().first().style : QJsonObject();
    };

    // Properties… from the layer's context menu; the tolerance and the interval typed, then OK.
    auto openProperties = [&](const std::function<void(LayerPropertiesDialog *)> &fill) {
        QTimer::singleShot(0, this, [fill] {
            auto *dialog = qobject_cast<LayerPropertiesDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            fill(dialog);
        });
        QMenu menu;
        mWindow->layerPanel()->fillContextMenu(menu, tracks->id());
        QAction *properties = nullptr;
        for (QAction *a : menu.actions())
            if (a->text() == QStringLiteral("Properties…"))
                properties = a;
        QVERIFY(properties);
        properties->trigger();
        QVERIFY(!QApplication::activeModalWidget());
    };
    auto type = [](QAbstractSpinBox *spin, const QString &text) {
        QVERIFY(spin);
        QTest::keyClick(spin, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(spin, text);
    };
    openProperties([&type](LayerPropertiesDialog *dialog) {
        type(dialog->findChild<QDoubleSpinBox *>(QStringLiteral("simplifyTolerance")), QStringLiteral("250"));
        type(dialog->findChild<QSpinBox *>(QStringLiteral("simplifyMinInterval")), QStringLiteral("60"));
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    });
    QCOMPARE(tracks->style().generalize, (GeneralizeParameters{250.0, 60000}));
    QCOMPARE(undo->count(), before + 1);
    QCOMPARE(undo->undoText(), QStringLiteral("Simplify lines of '%1'").arg(tracks->name()));
    QCOMPARE(storedStyle().value(QStringLiteral("simplify_tolerance_m")).toDouble(), 250.0);
    QCOMPARE(storedStyle().value(QStringLiteral("min_interval_s")).toDouble(), 60.0);
    // The map draws the simplified lines: fewer positions, another picture.
    QVERIFY(tracks->generalized());
    QVERIFY(tracks->generalized()->positionCount() < tracks->store().positionCount());
    QVERIFY(waitForRender());
    QVERIFY(mWindow->canvas()->frame() != every);

    // Cancel changes nothing, even with another value typed.
    openProperties([&type](LayerPropertiesDialog *dialog) {
        auto *tolerance = dialog->findChild<QDoubleSpinBox *>(QStringLiteral("simplifyTolerance"));
        QCOMPARE(tolerance->value(), 250.0); // the dialog shows what the layer has
        type(tolerance, QStringLiteral("900"));
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel),
                          Qt::LeftButton);
    });
    QCOMPARE(tracks->style().generalize.toleranceM, 250.0);
    QCOMPARE(undo->count(), before + 1);

    // Ctrl+Z: every position again, in the layer and in the file; redo simplifies once more.
    pressUndo();
    QVERIFY(!tracks->style().generalize.isActive());
    QVERIFY(!storedStyle().contains(QStringLiteral("simplify_tolerance_m")));
    QVERIFY(waitForRender());
    QCOMPARE(mWindow->canvas()->frame(), every);
    pressRedo();
    QCOMPARE(tracks->style().generalize, (GeneralizeParameters{250.0, 60000}));
    QCOMPARE(storedStyle().value(QStringLiteral("simplify_tolerance_m")).toDouble(), 250.0);
}

void TestLayerHistory::undoHistoryListsEveryEntry()
{
    mWindow->openFiles({mUtmFixture});
    QTRY_COMPARE(mWindow->layers()->count(), 1);
    const QString path = newProject(QStringLiteral("history.gpkg"));
    QVERIFY(!path.isEmpty());
    const QString id = mWindow->layers()->layers().at(0)->id();
    mWindow->layerPanel()->selectLayer(id);
    QTest::keyClick(mWindow->layerPanel()->opacitySlider(), Qt::Key_PageDown);
    removeSelectedLayer(mWindow);

    action(mWindow, "actionUndoHistory")->trigger();
    auto *dialog = mWindow->findChild<UndoHistoryDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QAbstractItemModel *model = dialog->view()->model();
    QStringList rows;
    for (int r = 0; r < model->rowCount(); ++r)
        rows << model->index(r, 0).data().toString();
    QVERIFY2(rows.contains(QStringLiteral("Set opacity of 'utm'")), qPrintable(rows.join(QLatin1Char('|'))));
    QCOMPARE(rows.last(), QStringLiteral("Remove layer 'utm'"));
    QCOMPARE(rows.first(), QStringLiteral("<as opened>"));
    // The Edit menu names what Undo will do.
    QCOMPARE(action(mWindow, "actionUndo")->text(), QStringLiteral("&Undo Remove layer 'utm'"));

    // A click on the opacity entry goes back to just after it: the layer is back.
    const int opacityRow = int(rows.indexOf(QStringLiteral("Set opacity of 'utm'")));
    QUndoView *view = dialog->view();
    const QRect rect = view->visualRect(model->index(opacityRow, 0));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    QTRY_VERIFY(mWindow->layers()->indexOf(id) >= 0);

    // Closing the project ends its history.
    action(mWindow, "actionCloseProject")->trigger();
    QCOMPARE(mWindow->undoStack()->count(), 0);
    QVERIFY(!action(mWindow, "actionUndo")->isEnabled());
}
