#pragma once

#include "geo/crs.h"

#include <QPointF>
#include <QRectF>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <cstdint>
#include <vector>

namespace sightline {

/// One feature held in memory: its geometry as flat coordinates with part
/// offsets (so millions of vertices cost no allocation each), and its attributes.
struct VectorFeature
{
    enum class Kind
    {
        Point,
        Line,
        Polygon
    };
    std::int64_t fid = 0;
    Kind kind = Kind::Point;
    std::vector<QPointF> points;           ///< all vertices, in the layer's CRS
    std::vector<std::uint32_t> partStarts; ///< where each point, line or ring begins in `points`
    std::vector<std::uint32_t>
        polygonStarts; ///< polygons: where each polygon begins in `partStarts` (outer ring first)
    QRectF bounds;
    QVariantList attributes;

    std::size_t partCount() const { return partStarts.size(); }
    std::pair<std::uint32_t, std::uint32_t> part(std::size_t i) const
    {
        return {partStarts[i], i + 1 < partStarts.size() ? partStarts[i + 1] : std::uint32_t(points.size())};
    }
};

/// A vector layer's features, read once through OGR and shared read-only by
/// the layer and its renderers, with a grid index for drawing and picking.
class VectorData
{
public:
    /// Reads one OGR layer (`layerName`, or the only/first one) of `source`.
    /// Null with `error` when the source or layer cannot be read.
    static std::shared_ptr<VectorData> load(const QString &source, const QString &layerName, QString *error);
    /// A layer made in the application (a corridor, drawn features): lon/lat
    /// features with the given fields; `source` names where it came from.
    static std::shared_ptr<VectorData> fromFeatures(const QString &source, const QString &layerName,
                                                    const QStringList &fields,
                                                    std::vector<VectorFeature> features);
    /// The names of the vector layers in `source` (empty with `error` when it has none).
    static QStringList layerNames(const QString &source, QString *error);

    const QString &source() const { return mSource; }
    const QString &layerName() const { return mLayerName; }
    const Crs &crs() const { return mCrs; }
    const QRectF &extent() const { return mExtent; }
    const QStringList &fieldNames() const { return mFields; }
    const std::vector<VectorFeature> &features() const { return mFeatures; }
    std::size_t vertexCount() const { return mVertices; }
    /// What the features are: all points, lines or polygons, or mixed.
    bool hasKind(VectorFeature::Kind k) const { return mKinds & (1u << int(k)); }
    int fieldIndex(const QString &name) const { return int(mFields.indexOf(name)); }
    /// Features skipped while reading (no geometry, unsupported geometry), with why.
    const QStringList &warnings() const { return mWarnings; }

    /// An attribute by field name, or an OSM tag found in the "other_tags" field.
    QString value(const VectorFeature &f, const QString &key) const;

    /// Indices of features whose box meets `box` (layer CRS).
    std::vector<std::uint32_t> query(const QRectF &box) const;

private:
    void buildIndex();

    QString mSource;
    QString mLayerName;
    Crs mCrs;
    QRectF mExtent;
    QStringList mFields;
    int mOtherTags = -1;
    std::vector<VectorFeature> mFeatures;
    std::size_t mVertices = 0;
    unsigned mKinds = 0;
    QStringList mWarnings;
    // Uniform grid: about one feature per cell on average.
    int mGridW = 1, mGridH = 1;
    std::vector<std::vector<std::uint32_t>> mCells;
};

} // namespace sightline
