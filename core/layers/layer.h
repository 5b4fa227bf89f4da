#pragma once

#include "geo/crs.h"
#include "map/labeling.h"

#include <QList>
#include <QPair>
#include <QRectF>
#include <QString>

#include <algorithm>
#include <atomic>
#include <memory>

class QPainter;

namespace sightline {

class MapSettings;
class LayerRenderer;

/// A named key/value shown in the layer properties dialog.
using LayerProperty = QPair<QString, QString>;

/// Something drawn on the map. Layers live on the main thread; to render, a
/// layer makes a LayerRenderer there that copies what it needs, and that
/// renderer then runs on a worker thread without touching the layer again.
class Layer
{
public:
    enum class Kind
    {
        Raster,
        Vector,
        Track,
        Sighting,
        Event
    };

    virtual ~Layer() = default;

    virtual Kind kind() const = 0;
    /// The file path, URL or connection string the layer was made from.
    virtual QString source() const = 0;
    virtual Crs crs() const = 0;
    /// Extent in the layer's own CRS (y() is the minimum northing).
    virtual QRectF extent() const = 0;
    /// Extent in lon/lat degrees, for zooming and for the CLI's contract.
    virtual QRectF extentWgs84() const = 0;
    virtual std::unique_ptr<LayerRenderer> createRenderer(const MapSettings &settings) const = 0;
    /// Properties for the user: CRS, size, bands, overviews, metadata.
    virtual QList<LayerProperty> properties() const = 0;
    /// Credit line to print under any map that shows this layer.
    virtual QString attribution() const { return {}; }
    /// A copy of the layer as it is now (same id), sharing its data, which is never changed in place:
    /// for work off the main thread, such as a brief's preview, that reads the layer at length while
    /// the original goes on changing here. Made on the main thread; then used by one thread only.
    virtual std::shared_ptr<Layer> snapshot() const = 0;

    const QString &id() const { return mId; }
    const QString &name() const { return mName; }
    void setName(const QString &name) { mName = name; }
    bool isVisible() const { return mVisible; }
    void setVisible(bool visible) { mVisible = visible; }
    double opacity() const { return mOpacity; }
    void setOpacity(double opacity) { mOpacity = std::clamp(opacity, 0.0, 1.0); }

protected:
    Layer();
    Layer(const Layer &) = default;
    Layer &operator=(const Layer &) = default;

private:
    QString mId;
    QString mName;
    bool mVisible = true;
    double mOpacity = 1.0;
};

/// Draws one layer for one view. Runs on a worker thread; must not touch the
/// layer it came from. Errors come back as text, never as exceptions.
class LayerRenderer
{
public:
    virtual ~LayerRenderer() = default;

    /// Paints onto `painter`, whose coordinates are the output's pixels.
    /// Checks `cancelled` often and returns early when it becomes true.
    /// Returns false with errorMessage() set when the layer could not be drawn.
    virtual bool render(QPainter &painter, const std::atomic<bool> &cancelled) = 0;
    const QString &errorMessage() const { return mError; }
    /// Labels the layer wants drawn, placed by the map's labelling engine after
    /// every layer is drawn (so labels of different layers never collide).
    std::vector<LabelCandidate> takeLabels() { return std::move(mLabels); }

protected:
    QString mError;
    std::vector<LabelCandidate> mLabels;
};

} // namespace sightline
