#pragma once

#include <QWidget>

class QListWidget;
class QListWidgetItem;
class QSlider;
class QLabel;
class QMenu;

namespace sightline {

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

    LayerStack *mLayers;
    QListWidget *mList;
    QSlider *mOpacity;
    QLabel *mOpacityLabel;
    bool mRebuilding = false;
};

} // namespace sightline
