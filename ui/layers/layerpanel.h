#pragma once

#include <QWidget>

#include <functional>

class QListWidget;
class QListWidgetItem;
class QSlider;
class QLabel;
class QMenu;
class QUndoStack;

namespace sightline {

class Layer;
class LayerStack;

/// The layer list: top layer first, as in QGIS. Checkboxes show and hide,
/// drag reorders, the slider sets the selected layer's opacity, and the
/// context menu zooms to, shows properties of, or removes a layer.
class LayerPanel : public QWidget
{
    Q_OBJECT
public:
    explicit LayerPanel(LayerStack *layers, QWidget *parent = nullptr);

    /// Id of the selected layer, or empty.
    QString currentLayerId() const;
    void selectLayer(const QString &id);
    QListWidget *list() const { return mList; }
    QSlider *opacitySlider() const { return mOpacity; }
    /// The context menu's entries for a layer (also what the tests drive).
    void fillContextMenu(QMenu &menu, const QString &id);
    /// Reorders, renames, opacity and style changes made here go on this stack as named entries
    /// (project/layerhistory.h); without one they apply directly.
    void setUndoStack(QUndoStack *undo) { mUndo = undo; }
    QUndoStack *undoStack() const { return mUndo; }
    /// Asks for a new name for the layer (F2, context menu → Rename).
    void renameLayer(const QString &id);
    /// Moves the layer one place up (towards the top of the list) or down.
    void moveLayer(const QString &id, int up);

Q_SIGNALS:
    void zoomToLayerRequested(const QString &id);
    void propertiesRequested(const QString &id);
    void removeRequested(const QString &id);
    void currentLayerChanged(const QString &id);
    void corridorRequested(const QString &id);
    void attributeTableRequested(const QString &id);

private:
    void rebuild();
    void onItemChanged(QListWidgetItem *item);
    void onRowsMoved();
    void onCurrentChanged();
    void showContextMenu(const QPoint &pos);
    /// Runs `edit` on the layer as one undo entry named `text` (directly without a stack).
    void changeLayer(const QString &id, const QString &text, const std::function<void(Layer &)> &edit);

    LayerStack *mLayers;
    QUndoStack *mUndo = nullptr;
    QListWidget *mList;
    QSlider *mOpacity;
    QLabel *mOpacityLabel;
    bool mRebuilding = false;
};

} // namespace sightline
