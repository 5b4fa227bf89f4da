#include "layers/testsardisplay.h"

#include "project/project.h"
#include "sarimagefile.h"
#include "ui/layers/rasterstylepanel.h"
#include "ui/project/projectcontroller.h"

#include <QUndoStack>

#include <algorithm>
#include <cmath>
#include <vector>

using namespace sightline;
using namespace sightline::test;

namespace {
// The median grey of the canvas right of the image's land (its left quarter): the sea.
int medianSeaGrey(const QImage &frame)
{
    std::vector<int> greys;
    for (int y = frame.height() / 4; y < frame.height() * 3 / 4; ++y)
        for (int x = frame.width() / 2; x < frame.width() * 3 / 4; ++x)
            greys.push_back(qGray(frame.pixel(x, y)));
    auto mid = greys.begin() + std::ptrdiff_t(greys.size() / 2);
    std::nth_element(greys.begin(), mid, greys.end());
    return *mid;
}
} // namespace

void TestSarDisplay::sarImageOpensInDecibelsAndTheStyleDockSwitchesIt()
{
    const QString image = writeSyntheticSarTiff(mDir.filePath(QStringLiteral("CAPELLA_C05_SM_GEO_HH.tif")), 400);
    QVERIFY(!image.isEmpty());
    const QString projectPath = mDir.filePath(QStringLiteral("sar.gpkg"));
    QFile::remove(projectPath);
    QVERIFY(mWindow->projectController()->newProject(projectPath));
    mWindow->openFiles({image});
    // The project has its own layers (sightings, events): the image is the raster among them.
    std::shared_ptr<RasterLayer> layer;
    auto findImage = [&] {
        for (const auto &l : mWindow->layers()->layers())
            if (auto raster = std::dynamic_pointer_cast<RasterLayer>(l))
                layer = raster;
        return bool(layer);
    };
    QTRY_VERIFY(findImage());
    QVERIFY(layer->style().decibels);
    mWindow->canvas()->zoomToLayer(layer->id());
    mWindow->layerPanel()->selectLayer(layer->id());
    mWindow->layerActions()->styleDock()->show();
    mWindow->layerActions()->styleDock()->raise();

    RasterStylePanel *panel = mWindow->layerActions()->rasterStylePanel();
    QTRY_VERIFY(panel->isVisible());
    QVERIFY(!mWindow->layerActions()->stylePanel()->isVisible()); // the vector style is not for images
    QCOMPARE(panel->display()->currentText(), QStringLiteral("Backscatter (dB)"));
    QVERIFY(waitForRender());
    const int greyInDb = medianSeaGrey(mWindow->canvas()->frame());
    QVERIFY2(greyInDb >= 60 && greyInDb <= 200, qPrintable(QString::number(greyInDb)));

    // The plain stretch, chosen with the keyboard in the Display box: the sea goes almost black.
    const int undoBefore = mWindow->undoStack()->count();
    panel->display()->setFocus();
    QTest::keyClick(panel->display(), Qt::Key_Up);
    QCOMPARE(panel->display()->currentText(), QStringLiteral("Stretched values"));
    QVERIFY(!layer->style().decibels);
    QVERIFY(!panel->minimumDb()->isEnabled());
    QCOMPARE(mWindow->undoStack()->count(), undoBefore + 1);
    QCOMPARE(mWindow->undoStack()->undoText(), QStringLiteral("Restyle layer 'CAPELLA_C05_SM_GEO_HH'"));
    QVERIFY(waitForRender());
    const int greyLinear = medianSeaGrey(mWindow->canvas()->frame());
    QVERIFY2(greyLinear < 40, qPrintable(QString::number(greyLinear)));

    // Back to dB, then black raised by two steps of the spin box.
    QTest::keyClick(panel->display(), Qt::Key_Down);
    QVERIFY(layer->style().decibels);
    QVERIFY(panel->minimumDb()->isEnabled());
    const double low = layer->style().decibelMin;
    panel->minimumDb()->setFocus();
    QTest::keyClick(panel->minimumDb(), Qt::Key_Up);
    QTest::keyClick(panel->minimumDb(), Qt::Key_Up);
    QCOMPARE(layer->style().decibelMin, panel->minimumDb()->value());
    QVERIFY(std::abs(layer->style().decibelMin - (low + 2 * panel->minimumDb()->singleStep())) < 0.051);
    QVERIFY(waitForRender());
    QVERIFY(medianSeaGrey(mWindow->canvas()->frame()) < greyInDb); // less of the sea above black

    // Kept in the project as it is on screen.
    auto reader = Project::open(projectPath, Project::Mode::ReadOnly, nullptr);
    QVERIFY(reader);
    QJsonObject style;
    for (const auto &stored : reader->layers())
        if (stored.source == image)
            style = stored.style;
    QCOMPARE(style.value(QStringLiteral("display")).toString(), QStringLiteral("backscatter_db"));
    QCOMPARE(style.value(QStringLiteral("db_min")).toDouble(), layer->style().decibelMin);

    // Undo puts the range back, and the panel shows it.
    mWindow->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(mWindow));
    QTest::keyClick(mWindow->canvas(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(layer->style().decibelMin, low);
    QVERIFY(layer->style().decibels);
    QVERIFY(std::abs(panel->minimumDb()->value() - low) < 0.051); // shown to a tenth of a dB
}
