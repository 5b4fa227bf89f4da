#pragma once

#include "layers/layer.h"

#include <QObject>

#include <memory>

namespace sightline {

/// The ordered layers of a map (bottom first), shared by the canvas, the layer
/// panel and the command line. Views listen to changed().
class LayerStack : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    const QList<std::shared_ptr<Layer>> &layers() const { return mLayers; }
    int count() const { return int(mLayers.size()); }
    std::shared_ptr<Layer> find(const QString &id) const;
    int indexOf(const QString &id) const;

    /// Adds on top of the others.
    void add(std::shared_ptr<Layer> layer);
    /// Adds where a new layer of its kind belongs: imagery (rasters and basemaps) over the other
    /// imagery but under every vector, track, sighting and event layer, so a new image never
    /// hides what was drawn or found; anything else on top. Returns the bottom-first index.
    int addInPlace(std::shared_ptr<Layer> layer);
    /// The bottom-first index addInPlace would give `layer`.
    int placeFor(const Layer &layer) const;
    /// Puts `layer` at bottom-first position `index` (clamped), as an undone removal does.
    void insert(int index, std::shared_ptr<Layer> layer);
    void remove(const QString &id);
    /// Moves the layer at `from` to position `to` (both bottom-first indexes).
    void move(int from, int to);
    void setVisible(const QString &id, bool visible);
    void setOpacity(const QString &id, double opacity);
    /// Tells the views that a layer's style changed (after Layer-specific setters).
    void notifyStyleChanged(const QString &id);

    /// Union of the visible layers' lon/lat extents (all layers when none is visible).
    QRectF fullExtentWgs84() const;

Q_SIGNALS:
    /// Anything that changes the picture: a layer added, removed, moved, shown, hidden.
    void changed();
    void layerAdded(const QString &id);
    void layerRemoved(const QString &id, const QString &source);

private:
    QList<std::shared_ptr<Layer>> mLayers;
};

} // namespace sightline
