#pragma once

#include "analysis/trackcleaning.h"
#include "layers/layer.h"
#include "layers/trackgeneralization.h"
#include "tracks/trackstore.h"
#include "tracks/vesselregistry.h"

#include <QColor>

#include <memory>
#include <mutex>
#include <unordered_map>

namespace sightline {

/// Positions of every track projected into one map CRS, kept so that each
/// render only applies an affine transform. Per vessel: a double origin and
/// float offsets (sub-millimetre anywhere on Earth, 8 bytes a position).
struct ProjectedTracks
{
    struct Track
    {
        double originX = 0, originY = 0;
        std::vector<float> xy; // interleaved offsets from the origin
        QRectF bounds;         // in map units; empty when nothing projects
    };
    std::vector<Track> tracks; // same order as TrackStore::tracks()
};

/// Vessel tracks drawn from a TrackStore: a line per vessel, points and
/// heading marks when zoomed in, colour by vessel, speed or time, name labels,
/// and segments across a long silence drawn dashed. Positions the cleaning set
/// aside are drawn hollow, off the line, and Identify gives the reason.
class TrackLayer : public Layer
{
public:
    enum class ColourBy
    {
        Vessel,
        Speed,
        Time
    };
    struct Style
    {
        ColourBy colourBy = ColourBy::Vessel;
        /// A silence longer than this between two positions is drawn dashed.
        std::int64_t gapThresholdMs = 2 * 3600 * 1000;
        bool labels = true;
        /// Line width in points on paper; on screen tracks are one-pixel lines.
        double lineWidth = 1.6;
        /// The analyst's simplification of the lines (Douglas–Peucker in metres, a minimum time
        /// between positions; off by default). Lines and position marks are drawn through the
        /// positions kept; the time cursor's mark is still placed from every position.
        GeneralizeParameters generalize;
    };

    TrackLayer(QString name, QString source, std::shared_ptr<const TrackStore> store,
               std::shared_ptr<const VesselRegistry> registry);

    Kind kind() const override { return Kind::Track; }
    QString source() const override { return mSource; }
    Crs crs() const override { return Crs::wgs84(); }
    QRectF extent() const override { return mStore->boundsWgs84(); }
    QRectF extentWgs84() const override { return mStore->boundsWgs84(); }
    std::unique_ptr<LayerRenderer> createRenderer(const MapSettings &settings) const override;
    std::shared_ptr<Layer> snapshot() const override { return std::make_shared<TrackLayer>(*this); }
    QList<LayerProperty> properties() const override;

    const TrackStore &store() const { return *mStore; }
    const VesselRegistry &registry() const { return *mRegistry; }
    const Style &style() const { return mStyle; }
    void setStyle(const Style &style) { mStyle = style; }
    /// The vessel drawn on top, thicker (0 for none).
    std::uint32_t highlighted() const { return mHighlighted; }
    void setHighlighted(std::uint32_t mmsi) { mHighlighted = mmsi; }

    /// The position nearest to `lonLat` within `toleranceDeg`, if any.
    struct Pick
    {
        std::uint32_t mmsi = 0;
        std::size_t index = 0;
        bool found = false;
    };
    Pick nearest(QPointF lonLat, double toleranceDeg) const;
    /// The decoded fields of one position, for the identify panel (with the cleaning's reason when
    /// it set the position aside).
    QList<LayerProperty> describePosition(std::uint32_t mmsi, std::size_t index) const;

    /// The marks of the cleaning the analyses ran with (computed on this layer's store), or null.
    const std::shared_ptr<const TrackCleaning> &cleaning() const { return mCleaning; }
    void setCleaning(std::shared_ptr<const TrackCleaning> cleaning) { mCleaning = std::move(cleaning); }

    /// Colour of a vessel's track when coloured by vessel (stable for an MMSI).
    static QColor vesselColour(std::uint32_t mmsi);

    /// The projected positions for `crs`, computed on first use and shared by renders.
    std::shared_ptr<const ProjectedTracks> projected(const Crs &crs) const;
    /// The positions drawn under the style's simplification, computed on first use and shared by
    /// renders; null when the style simplifies nothing (every position is drawn).
    std::shared_ptr<const GeneralizedTracks> generalized() const;

private:
    QString mSource;
    std::shared_ptr<const TrackStore> mStore;
    std::shared_ptr<const VesselRegistry> mRegistry;
    Style mStyle;
    std::uint32_t mHighlighted = 0;
    std::shared_ptr<const TrackCleaning> mCleaning;

public:
    /// Projected positions per CRS, and the simplified lines, shared by the layer, its snapshots
    /// and their renderers.
    struct ProjectionCacheHandle
    {
        std::mutex mutex;
        std::unordered_map<std::string, std::shared_ptr<const ProjectedTracks>> byCrs;
        GeneralizedTracksCache generalized;
    };

private:
    std::shared_ptr<ProjectionCacheHandle> mCache = std::make_shared<ProjectionCacheHandle>();
};

/// The projected positions of `store` in `crs`, computed once per CRS (thread-safe).
std::shared_ptr<const ProjectedTracks> projectedTracks(TrackLayer::ProjectionCacheHandle &cache,
                                                       const TrackStore &store, const Crs &crs);

} // namespace sightline
