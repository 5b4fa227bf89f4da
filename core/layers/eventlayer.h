#pragma once

#include "analysis/movementevent.h"
#include "layers/layer.h"

#include <QColor>
#include <QPointF>

#include <cstdint>
#include <memory>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace sightline {

/// What the movement analyses found, on the map: dark periods as dashed lines between
/// the two fixes (and, for the selected one, the area the ship could have reached),
/// port calls as marks at the port (hollow when inferred from a dark period), voyages
/// and round trips as curved arrows, encounters as linked pairs, loitering as rings and
/// spoofing suspicions as red zigzags. Holds a snapshot; the owner hands it a new one
/// when the events change. Times are not filtered here: the owner narrows what is
/// drawn with setVisibleIds().
class EventLayer : public Layer
{
public:
    EventLayer(QString name, std::vector<MovementEvent> events);

    Kind kind() const override { return Kind::Event; }
    /// "<events>": derived from the project, never saved as a layer of its own.
    QString source() const override;
    Crs crs() const override { return Crs::wgs84(); }
    QRectF extent() const override { return mExtent; }
    QRectF extentWgs84() const override { return mExtent; }
    std::unique_ptr<LayerRenderer> createRenderer(const MapSettings &settings) const override;
    std::shared_ptr<Layer> snapshot() const override { return std::make_shared<EventLayer>(*this); }
    QList<LayerProperty> properties() const override;

    const std::vector<MovementEvent> &events() const { return *mEvents; }
    void setEvents(std::vector<MovementEvent> events);

    /// Only these event ids are drawn and picked; std::nullopt for all of them.
    void setVisibleIds(std::optional<std::unordered_set<std::int64_t>> ids);
    bool isShown(std::int64_t id) const { return !mVisibleIds || mVisibleIds->contains(id); }

    /// The selected event is drawn last, larger, in a highlight; a selected gap also
    /// shows its reachable area. 0 for none.
    std::int64_t selected() const { return mSelected; }
    void setSelected(std::int64_t id);

    /// The topmost (last drawn) shown event within `tolerancePx` of a lon/lat point at
    /// this view; 0 for none.
    std::int64_t pick(QPointF lonLat, const MapSettings &settings, double tolerancePx = 6) const;

    /// The colour events of a type are drawn in (the Events dock shows the same).
    static QColor eventColour(EventType type);

private:
    struct CachedArea
    {
        QPointF from;
        QPointF to;
        double budgetMetres = 0.0;
        std::shared_ptr<const std::vector<QPointF>> ring; ///< lon/lat, closed; empty when none
    };

    void updateExtent();
    /// Finds (or computes and caches) the reachable area of the selected gap.
    void updateSelectedArea();

    std::shared_ptr<const std::vector<MovementEvent>> mEvents;
    std::shared_ptr<const std::unordered_set<std::int64_t>> mVisibleIds; ///< null: all
    QRectF mExtent;
    std::int64_t mSelected = 0;
    std::shared_ptr<const std::vector<QPointF>> mSelectedArea;
    std::unordered_map<std::int64_t, CachedArea> mAreaCache;
};

} // namespace sightline
