#pragma once

#include "layers/tracklayer.h"
#include "map/mapsettings.h"

#include <QImage>

#include <unordered_map>

namespace sightline {

/// Where the "?" of a vessel estimated at the time cursor (inside a gap) is drawn, in pixels:
/// beside the mark at `p`, square to its course. The gap's dashed line runs along the course
/// and its rings sit on that line, so the sign is never under them (`k`: dpi / 96).
QRectF darkEstimateSignRect(QPointF p, double courseDeg, double k);

/// Draws a TrackLayer for one view. When the view holds many positions per
/// pixel it splats them straight into an image (millions per render); closer in
/// it draws antialiased lines, dashed across silences, then points with
/// heading marks and name labels. Only the positions inside the view's time window are drawn;
/// with a time cursor, each vessel is marked where it was at that instant.
class TrackRenderer : public LayerRenderer
{
public:
    TrackRenderer(std::shared_ptr<const TrackStore> store, std::shared_ptr<const VesselRegistry> registry,
                  std::shared_ptr<TrackLayer::ProjectionCacheHandle> cache, TrackLayer::Style style,
                  std::uint32_t highlighted, MapSettings settings,
                  std::shared_ptr<const TrackCleaning> cleaning = nullptr);

    bool render(QPainter &painter, const std::atomic<bool> &cancelled) override;

    /// Visible positions above which the view is splatted rather than drawn as lines.
    static constexpr std::size_t kSplatThreshold = 250000;

private:
    QColor colourFor(const VesselTrack &track, std::size_t i) const;
    /// A dot of `colour` with a white rim, drawn once per colour and size; hollow: a ring of
    /// `colour` around white, for a position the cleaning set aside.
    const QImage &sprite(const QColor &colour, double radius, bool hollow = false);
    void splat(QPainter &painter, const ProjectedTracks &projected, const std::vector<std::size_t> &visible,
               const std::atomic<bool> &cancelled);
    void drawVectors(QPainter &painter, const ProjectedTracks &projected,
                     const std::vector<std::size_t> &visible, std::size_t visiblePositions,
                     const std::atomic<bool> &cancelled);
    /// Each vessel where it was at the time cursor: a solid mark on its course, or a dashed
    /// hollow one with "?" when the instant falls in a silence (a guess, and shown as one).
    void drawCursor(QPainter &painter, const std::vector<std::size_t> &tracks);
    /// The positions of track `t` the line goes through in this view, ascending, into `out`: every
    /// position in the time window, or under a simplification the kept ones, with the window's first
    /// and last positions heard so that the line reaches the window's edges.
    void drawnPositions(std::size_t t, std::vector<std::uint32_t> &out) const;

    std::shared_ptr<const TrackStore> mStore;
    std::shared_ptr<const VesselRegistry> mRegistry;
    std::shared_ptr<TrackLayer::ProjectionCacheHandle> mCache;
    TrackLayer::Style mStyle;
    std::uint32_t mHighlighted;
    MapSettings mSettings;
    std::shared_ptr<const TrackCleaning> mCleaning;
    std::int64_t mFirstMs = 0, mSpanMs = 1;
    std::unordered_map<quint64, QImage> mSprites;
    /// Per track, the positions [first, last) inside the time window.
    std::vector<std::pair<std::size_t, std::size_t>> mRanges;
    /// The positions kept by the style's simplification; null when every position is drawn.
    std::shared_ptr<const GeneralizedTracks> mGeneralized;
};

} // namespace sightline
