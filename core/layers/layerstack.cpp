#include "layers/layerstack.h"

#include "layers/datasetpool.h"

namespace sightline {

std::shared_ptr<Layer> LayerStack::find(const QString &id) const
{
    const int i = indexOf(id);
    return i >= 0 ? mLayers[i] : nullptr;
}

int LayerStack::indexOf(const QString &id) const
{
    for (int i = 0; i < mLayers.size(); ++i)
        if (mLayers[i]->id() == id)
            return i;
    return -1;
}

void LayerStack::add(std::shared_ptr<Layer> layer)
{
    if (!layer)
        return;
    const QString id = layer->id();
    mLayers.append(std::move(layer));
    Q_EMIT layerAdded(id);
    Q_EMIT changed();
}

int LayerStack::placeFor(const Layer &layer) const
{
    if (layer.kind() != Layer::Kind::Raster)
        return count();
    // Over the imagery at the bottom of the stack, under the lowest overlay.
    int at = 0;
    while (at < mLayers.size() && mLayers[at]->kind() == Layer::Kind::Raster)
        ++at;
    return at;
}

int LayerStack::addInPlace(std::shared_ptr<Layer> layer)
{
    if (!layer)
        return -1;
    const int at = placeFor(*layer);
    insert(at, std::move(layer));
    return at;
}

void LayerStack::insert(int index, std::shared_ptr<Layer> layer)
{
    if (!layer)
        return;
    const QString id = layer->id();
    mLayers.insert(std::clamp(index, 0, count()), std::move(layer));
    Q_EMIT layerAdded(id);
    Q_EMIT changed();
}

void LayerStack::remove(const QString &id)
{
    const int i = indexOf(id);
    if (i < 0)
        return;
    const QString source = mLayers[i]->source();
    mLayers.removeAt(i);
    bool stillUsed = false;
    for (const auto &l : std::as_const(mLayers))
        stillUsed = stillUsed || l->source() == source;
    if (!stillUsed)
        DatasetPool::instance().forget(source);
    Q_EMIT layerRemoved(id, source);
    Q_EMIT changed();
}

void LayerStack::move(int from, int to)
{
    if (from < 0 || from >= mLayers.size() || to < 0 || to >= mLayers.size() || from == to)
        return;
    mLayers.move(from, to);
    Q_EMIT changed();
}

void LayerStack::setVisible(const QString &id, bool visible)
{
    if (auto layer = find(id); layer && layer->isVisible() != visible) {
        layer->setVisible(visible);
        Q_EMIT changed();
    }
}

void LayerStack::setOpacity(const QString &id, double opacity)
{
    if (auto layer = find(id); layer && layer->opacity() != opacity) {
        layer->setOpacity(opacity);
        Q_EMIT changed();
    }
}

void LayerStack::notifyStyleChanged(const QString &id)
{
    if (find(id))
        Q_EMIT changed();
}

QRectF LayerStack::fullExtentWgs84() const
{
    QRectF all, visible;
    for (const auto &l : mLayers) {
        const QRectF e = l->extentWgs84();
        if (e.isNull())
            continue;
        all = all.isNull() ? e : all.united(e);
        if (l->isVisible())
            visible = visible.isNull() ? e : visible.united(e);
    }
    return visible.isNull() ? all : visible;
}

} // namespace sightline
