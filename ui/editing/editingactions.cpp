#include "ui/editing/editingactions.h"

#include "project/layerhistory.h"

#include "ui/common/appicon.h"
#include "analysis/corridor.h"
#include "layers/identify.h"
#include "layers/layerstack.h"
#include "layers/vectoredit.h"
#include "layers/vectorlayer.h"
#include "ui/common/messagebar.h"
#include "ui/editing/drawtool.h"
#include "ui/editing/editcommands.h"
#include "ui/editing/featuredialog.h"
#include "ui/editing/vertextool.h"
#include "ui/layers/layerpanel.h"
#include "ui/map/mapcanvas.h"

#include <QActionGroup>
#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMenu>
#include <QUndoStack>

namespace sightline {

EditingActions::EditingActions(MapCanvas *canvas, LayerStack *layers, LayerPanel *layerPanel,
                               QUndoStack *undo, MessageBar *messages, QWidget *window)
    : QObject(window)
    , mCanvas(canvas)
    , mLayers(layers)
    , mLayerPanel(layerPanel)
    , mUndo(undo)
    , mMessages(messages)
    , mWindow(window)
    , mDrawTool(std::make_unique<DrawTool>(canvas, layers))
    , mVertexTool(std::make_unique<VertexTool>(canvas, layers))
    , mNewDrawingLayer(new QAction(tr("&New Drawing Layer…"), this))
{
    connect(
        mDrawTool.get(), &DrawTool::shapeDrawn, this,
        [this](VectorFeature::Kind kind, const std::vector<QPointF> &ll) { onShapeDrawn(int(kind), ll); });
    connect(mVertexTool.get(), &VertexTool::vertexMoved, this, &EditingActions::onVertexMoved);
    mNewDrawingLayer->setObjectName(QStringLiteral("actionNewDrawingLayer"));
    mNewDrawingLayer->setToolTip(tr("Create an empty GeoJSON or GeoPackage layer to draw on"));
    connect(mNewDrawingLayer, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getSaveFileName(mWindow, tr("New Drawing Layer"), QString(),
                                                          tr("GeoJSON (*.geojson);;GeoPackage (*.gpkg)"));
        if (!path.isEmpty())
            createDrawingLayer(path);
    });
}

// The window takes the map tool off its canvas before either goes.
EditingActions::~EditingActions() = default;

void EditingActions::populateEditMenu(QMenu *edit, QActionGroup *tools)
{
    QAction *drawArea = edit->addAction(appIcon("draw-area"), tr("Draw &Area"), this,
                                        [this] { startDrawing(int(VectorFeature::Kind::Polygon)); });
    drawArea->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_A));
    drawArea->setObjectName(QStringLiteral("actionDrawArea"));
    drawArea->setToolTip(tr("Draw a polygon on the editable layer"));
    QAction *drawLine = edit->addAction(appIcon("draw-line"), tr("Draw &Line"), this,
                                        [this] { startDrawing(int(VectorFeature::Kind::Line)); });
    drawLine->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_L));
    drawLine->setObjectName(QStringLiteral("actionDrawLine"));
    drawLine->setToolTip(tr("Draw a line on the editable layer"));
    QAction *moveVertices = edit->addAction(appIcon("vertices"), tr("&Move Vertices"), this, [this] {
        auto layer = editLayer();
        if (!layer)
            return;
        mVertexTool->setLayer(layer);
        mCanvas->setMapTool(mVertexTool.get());
    });
    moveVertices->setShortcut(QKeySequence(Qt::Key_V));
    moveVertices->setObjectName(QStringLiteral("actionMoveVertices"));
    moveVertices->setToolTip(tr("Drag the vertices of the editable layer's features"));
    mDrawActions = {drawArea, drawLine, moveVertices};
    for (QAction *a : std::as_const(mDrawActions)) {
        a->setCheckable(true);
        tools->addAction(a);
    }
}

void EditingActions::addToLayerMenu(QMenu *menu)
{
    menu->addAction(mNewDrawingLayer);
}

bool EditingActions::createDrawingLayer(const QString &path)
{
    auto data = vectoredit::emptyDrawingLayer(path, QFileInfo(path).completeBaseName());
    QString error;
    if (!vectoredit::save(*data, path, &error)) {
        mMessages->showMessage(MessageBar::Level::Error,
                               tr("Could not create the layer: %1").arg(error.toHtmlEscaped()));
        return false;
    }
    auto layer = std::make_shared<VectorLayer>(data);
    layer->setEditable(true);
    layer->setStyle(drawnLayerStyle());
    LayerHistory(mLayers, mUndo).add(layer);
    mLayerPanel->selectLayer(layer->id());
    Q_EMIT layerCreated(path);
    return true;
}

std::shared_ptr<VectorLayer> EditingActions::editLayer()
{
    if (auto layer = editableLayer(*mLayers, mLayerPanel->currentLayerId()))
        return layer;
    mMessages->showMessage(MessageBar::Level::Info,
                           tr("Drawing needs a drawing layer to keep the shapes in."),
                           tr("New Drawing Layer…"), [this] { mNewDrawingLayer->trigger(); });
    return nullptr;
}

void EditingActions::startDrawing(int kind)
{
    if (!editLayer())
        return;
    mDrawTool->setKind(VectorFeature::Kind(kind));
    mCanvas->setMapTool(mDrawTool.get());
    Q_EMIT statusMessage(
        tr("Click the corners; double-click or Enter to finish, Backspace to take back a corner, "
           "Esc to cancel. Corners snap to nearby vertices."),
        8000);
}

void EditingActions::applyEdit(const std::shared_ptr<VectorLayer> &layer,
                               std::shared_ptr<const VectorData> data)
{
    layer->replaceData(data);
    QString error;
    // What is drawn is saved at once: nothing on screen is ever only in memory.
    if (!vectoredit::save(*data, layer->source(), &error))
        mMessages->showMessage(MessageBar::Level::Error, tr("Not saved: %1").arg(error.toHtmlEscaped()));
    mLayers->notifyStyleChanged(layer->id());
}

void EditingActions::onShapeDrawn(int kind, const std::vector<QPointF> &lonLat)
{
    auto layer = editLayer();
    if (!layer)
        return;
    const auto featureKind = VectorFeature::Kind(kind);
    FeatureDialog dialog(featureKind == VectorFeature::Kind::Polygon, mWindow);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const VectorFeature feature =
        vectoredit::makeFeature(featureKind, lonLat, {dialog.name(), dialog.kind(), dialog.notes()});
    auto before = layer->dataSnapshot();
    auto after = vectoredit::withFeature(*before, feature);
    mUndo->push(
        new ReplaceDataCommand(tr("Draw %1").arg(dialog.name().isEmpty() ? dialog.kind() : dialog.name()),
                               layer, before, after, [this](const auto &l, auto d) { applyEdit(l, d); }));
}

void EditingActions::onVertexMoved(std::size_t feature, std::size_t vertex, QPointF toLonLat)
{
    auto layer = editLayer();
    if (!layer)
        return;
    auto before = layer->dataSnapshot();
    auto after = vectoredit::withVertexMoved(*before, feature, vertex, toLonLat);
    mUndo->push(new ReplaceDataCommand(tr("Move vertex"), layer, before, after,
                                       [this](const auto &l, auto d) { applyEdit(l, d); }));
    mVertexTool->setLayer(layer);
}

void EditingActions::askCorridor(const QString &lineLayerId)
{
    bool ok = false;
    // Titled as the layer's menu item that asked for it.
    const auto lines = std::dynamic_pointer_cast<VectorLayer>(mLayers->find(lineLayerId));
    const QString title = lines && !lines->selection().empty() ? tr("Corridor Around Selected Line")
                                                               : tr("Corridor Around All Lines");
    const double widthKm = QInputDialog::getDouble(mWindow, title, tr("Total width of the corridor (km):"), 5.0,
                                                   0.01, 500.0, 2, &ok);
    if (ok)
        addCorridor(lineLayerId, widthKm * 1000.0 / 2.0);
}

bool EditingActions::addCorridor(const QString &lineLayerId, double halfWidthMetres)
{
    auto lines = std::dynamic_pointer_cast<VectorLayer>(mLayers->find(lineLayerId));
    if (!lines)
        return false;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const CorridorLayerData corridor = buildCorridorLayer(lines->data(), lines->selection(), halfWidthMetres,
                                                          lines->name(), lines->style().labelField);
    QApplication::restoreOverrideCursor();
    if (!corridor.ok()) {
        mMessages->showMessage(MessageBar::Level::Error,
                               tr("No corridor: %1").arg(corridor.error.toHtmlEscaped()));
        return false;
    }
    auto layer = std::make_shared<VectorLayer>(corridor.data);
    layer->setName(corridor.name);
    VectorStyle style = layer->style();
    style.symbol.stroke = QColor(0xe0, 0x6c, 0x00);
    style.symbol.fill = QColor(0xff, 0x9f, 0x1c, 70);
    style.symbol.strokeWidth = 1.6;
    style.symbol.penStyle = Qt::DashLine;
    style.labelField.clear();
    layer->setStyle(style);
    LayerHistory(mLayers, mUndo).add(layer);
    mLayerPanel->selectLayer(layer->id());
    Q_EMIT statusMessage(corridor.name, 5000);
    return true;
}

} // namespace sightline
