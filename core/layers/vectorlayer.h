#pragma once

#include "layers/layer.h"
#include "model/vectordata.h"
#include "layers/vectorstyle.h"

#include <memory>
#include <mutex>
#include <unordered_map>

namespace sightline {

/// Feature coordinates projected into one map CRS, computed once per CRS.
struct ProjectedVector
{
    std::vector<std::vector<QPointF>> points; // per feature, same order as VectorData::features()
    std::vector<QRectF> bounds;
};

/// A vector layer read through OGR: GeoJSON, GeoPackage, Shapefile, KML/KMZ,
/// FlatGeobuf, OSM, CSV with lon/lat or WKT, GPX, PostGIS.
class VectorLayer : public Layer
{
public:
    /// Opens one layer of `source` (the first when `layerName` is empty).
    static std::shared_ptr<VectorLayer> open(const QString &source, const QString &layerName, QString *error);
    explicit VectorLayer(std::shared_ptr<const VectorData> data);

    Kind kind() const override { return Kind::Vector; }
    QString source() const override { return mData->source(); }
    Crs crs() const override { return mData->crs(); }
    QRectF extent() const override { return mData->extent(); }
    QRectF extentWgs84() const override { return mExtentWgs84; }
    std::unique_ptr<LayerRenderer> createRenderer(const MapSettings &settings) const override;
    std::shared_ptr<Layer> snapshot() const override { return std::make_shared<VectorLayer>(*this); }
    QList<LayerProperty> properties() const override;

    const VectorData &data() const { return *mData; }
    std::shared_ptr<const VectorData> dataSnapshot() const { return mData; }
    /// Drawn layers can be edited: each edit replaces the data with a new snapshot
    /// (and forgets cached projections); renderers still holding the old one are unaffected.
    bool isEditable() const { return mEditable; }
    void setEditable(bool editable) { mEditable = editable; }
    void replaceData(std::shared_ptr<const VectorData> data);
    const VectorStyle &style() const { return mStyle; }
    void setStyle(const VectorStyle &style) { mStyle = style; }
    /// Features drawn highlighted (selected in the attribute table).
    const std::vector<std::uint32_t> &selection() const { return mSelection; }
    void setSelection(std::vector<std::uint32_t> selection) { mSelection = std::move(selection); }

    /// The feature under a point (layer CRS), within `tolerance` (layer units):
    /// points and lines by distance, polygons by containment. -1 when none.
    int pick(QPointF point, double tolerance) const;
    /// Field name / value pairs of a feature, for Identify.
    QList<LayerProperty> attributes(std::uint32_t feature) const;

    struct ProjectionCache
    {
        std::mutex mutex;
        std::unordered_map<std::string, std::shared_ptr<const ProjectedVector>> byCrs;
    };

private:
    std::shared_ptr<const VectorData> mData;
    VectorStyle mStyle;
    QRectF mExtentWgs84;
    std::vector<std::uint32_t> mSelection;
    bool mEditable = false;
    std::shared_ptr<ProjectionCache> mCache = std::make_shared<ProjectionCache>();
};

/// `data` projected into `crs`, once per CRS (thread-safe).
std::shared_ptr<const ProjectedVector> projectedVector(VectorLayer::ProjectionCache &cache,
                                                       const VectorData &data, const Crs &crs);

/// Distance from `p` to segment a–b (plane coordinates).
double distanceToSegment(QPointF p, QPointF a, QPointF b);

} // namespace sightline
