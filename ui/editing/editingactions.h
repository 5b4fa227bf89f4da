#pragma once

#include <QList>
#include <QObject>
#include <QPointF>

#include <memory>
#include <vector>

class QAction;
class QActionGroup;
class QMenu;
class QUndoStack;
class QWidget;

namespace sightline {

class DrawTool;
class LayerPanel;
class LayerStack;
class MapCanvas;
class MessageBar;
class VectorData;
class VectorLayer;
class VertexTool;

/// Drawing on the map: Layer → New Drawing Layer, Edit → Draw Area, Draw Line and Move Vertices
/// on the editable layer (each edit undoable, and saved to its file at once), and the corridor
/// layer around a line layer's selected lines.
class EditingActions : public QObject
{
    Q_OBJECT
public:
    EditingActions(MapCanvas *canvas, LayerStack *layers, LayerPanel *layerPanel, QUndoStack *undo,
                   MessageBar *messages, QWidget *window);
    ~EditingActions() override;

    /// Adds Draw Area, Draw Line and Move Vertices to the Edit menu; they join `tools`.
    void populateEditMenu(QMenu *menu, QActionGroup *tools);
    /// Adds New Drawing Layer… to the Layer menu.
    void addToLayerMenu(QMenu *menu);
    /// For the Map toolbar: Draw Area, Draw Line, Move Vertices.
    QList<QAction *> drawActions() const { return mDrawActions; }

    DrawTool *drawTool() const { return mDrawTool.get(); }

    /// Makes a new, empty drawing layer saved at `path` (GeoJSON or GeoPackage) and adds it.
    bool createDrawingLayer(const QString &path);
    /// Asks the corridor's width, then adds it around the layer's selected (or all) lines.
    void askCorridor(const QString &lineLayerId);
    /// Adds a corridor layer around the selected (or all) lines of a layer,
    /// `halfWidthMetres` either side, measured on the ground.
    bool addCorridor(const QString &lineLayerId, double halfWidthMetres);

Q_SIGNALS:
    /// A layer file was made here (for the recent files).
    void layerCreated(const QString &path);
    void statusMessage(const QString &text, int timeoutMs);

private:
    /// The layer edits go to, or null (and an offer to make one) when none can be edited.
    std::shared_ptr<VectorLayer> editLayer();
    void startDrawing(int kind);
    void onShapeDrawn(int kind, const std::vector<QPointF> &lonLat);
    void onVertexMoved(std::size_t feature, std::size_t vertex, QPointF toLonLat);
    void applyEdit(const std::shared_ptr<VectorLayer> &layer, std::shared_ptr<const VectorData> data);

    MapCanvas *mCanvas;
    LayerStack *mLayers;
    LayerPanel *mLayerPanel;
    QUndoStack *mUndo;
    MessageBar *mMessages;
    QWidget *mWindow;
    std::unique_ptr<DrawTool> mDrawTool;
    std::unique_ptr<VertexTool> mVertexTool;
    QAction *mNewDrawingLayer;
    QList<QAction *> mDrawActions;
};

} // namespace sightline
