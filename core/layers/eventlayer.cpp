#include "layers/eventlayer.h"

#include "layers/eventmarks.h"

#include "analysis/reachablearea.h"
#include "geo/transform.h"
#include "map/mapsettings.h"

#include <QDateTime>
#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>

#include <cmath>
#include <limits>

namespace sightline {

using namespace eventmarks;

namespace {

// Cached reachable areas kept at most; each is a few hundred bytes, so this only stops
// an afternoon of clicking through gaps from growing without bound.
constexpr std::size_t kMaxCachedAreas = 256;

class EventRenderer : public LayerRenderer
{
public:
    EventRenderer(std::shared_ptr<const std::vector<MovementEvent>> events,
                  std::shared_ptr<const std::unordered_set<std::int64_t>> visible, std::int64_t selected,
                  std::shared_ptr<const std::vector<QPointF>> selectedArea, MapSettings settings)
        : mEvents(std::move(events))
        , mVisible(std::move(visible))
        , mSelected(selected)
        , mSelectedArea(std::move(selectedArea))
        , mSettings(std::move(settings))
    {
    }

    bool render(QPainter &painter, const std::atomic<bool> &cancelled) override
    {
        if (!mSettings.isValid())
            return true;
        const Transform toMap(Crs::wgs84(), mSettings.destinationCrs());
        if (!toMap.isValid()) {
            mError = toMap.error();
            return false;
        }
        const double k = mSettings.dpi() / 96.0;
        painter.setRenderHint(QPainter::Antialiasing, true);
        const QRectF view = QRectF(QPointF(0, 0), QSizeF(mSettings.outputSize())).adjusted(-60, -60, 60, 60);
        auto toPixel = [&](QPointF lonLat) { return mSettings.mapToPixel(toMap.forward(lonLat)); };

        const std::vector<const MovementEvent *> order =
            drawOrder(*mEvents, mVisible.get(), mSelected, mSettings.timeWindow());
        // The reachable area goes under every event: the marks inside it stay readable.
        if (mSelectedArea && !mSelectedArea->empty() && !order.empty() && order.back()->id == mSelected) {
            std::vector<QPointF> ring;
            ring.reserve(mSelectedArea->size());
            for (const QPointF &p : *mSelectedArea)
                ring.push_back(toPixel(p));
            if (std::all_of(ring.begin(), ring.end(), isFinite))
                drawReachableArea(painter, ring, view, k);
        }
        // Then what was heard along the selected gap's path: was anyone heard there and then?
        if (!order.empty() && order.back()->id == mSelected && order.back()->type == EventType::Gap)
            drawReceptionCells(painter,
                               order.back()->details.value(QStringLiteral("reception_cells")).toArray(),
                               toPixel, view, k);
        for (const MovementEvent *e : order) {
            if (cancelled)
                return true;
            const QPointF a = toPixel(e->from);
            const QPointF b = toPixel(e->to);
            if (!isFinite(a) || !isFinite(b))
                continue;
            // Curves bow out of the box of their ends by up to 0.12 of their length.
            const double reach = 0.12 * length(b - a) + 20 * k;
            if (!QRectF(a, b).normalized().adjusted(-reach, -reach, reach, reach).intersects(view))
                continue;
            const Look look(k, mSelected != 0 && e->id == mSelected);
            drawEventMark(painter, *e, a, b, look);
        }
        return true;
    }

private:
    std::shared_ptr<const std::vector<MovementEvent>> mEvents;
    std::shared_ptr<const std::unordered_set<std::int64_t>> mVisible;
    std::int64_t mSelected;
    std::shared_ptr<const std::vector<QPointF>> mSelectedArea;
    MapSettings mSettings;
};

double areaBudgetMetres(const MovementEvent &e)
{
    return e.details.value(QStringLiteral("max_speed_kn")).toDouble() * kMetresPerNauticalMile *
           e.durationHours();
}

} // namespace

QColor EventLayer::eventColour(EventType type)
{
    // Mid-dark, saturated inks: they hold against white halos on imagery and read on a
    // pale land/sea base and on paper. Each type keeps its own hue family.
    switch (type) {
    case EventType::Gap:
        return QColor(0xd9, 0x5f, 0x02); // dark orange
    case EventType::PortCall:
        return QColor(0x2b, 0x6c, 0xb0); // steel blue
    case EventType::Voyage:
        return QColor(0x80, 0x64, 0xa8); // muted purple
    case EventType::RoundTrip:
        return QColor(0x6a, 0x4c, 0x93); // a deeper shade of the voyages' purple
    case EventType::Encounter:
        return QColor(0xc5, 0x1b, 0x7d); // red-magenta
    case EventType::Loitering:
        return QColor(0x00, 0x89, 0x7b); // teal
    case EventType::Spoofing:
        return QColor(0xe3, 0x1a, 0x1c); // red
    case EventType::Stop:
        return QColor(0x4e, 0x60, 0x6e); // slate: a plain fact of the track, not a suspicion
    case EventType::SafetyMessage:
        return QColor(0x8c, 0x6d, 0x00); // dark mustard: heard, not inferred
    case EventType::VesselDetection:
        return QColor(0x1f, 0x78, 0xb4); // blue: seen in an image and matched (dark ones are drawn red-orange)
    }
    return QColor(0x55, 0x55, 0x55);
}

EventLayer::EventLayer(QString name, std::vector<MovementEvent> events)
{
    setName(name);
    setEvents(std::move(events));
}

QString EventLayer::source() const
{
    return QStringLiteral("<events>");
}

void EventLayer::setEvents(std::vector<MovementEvent> events)
{
    mEvents = std::make_shared<const std::vector<MovementEvent>>(std::move(events));
    updateExtent();
    updateSelectedArea();
}

void EventLayer::setVisibleIds(std::optional<std::unordered_set<std::int64_t>> ids)
{
    mVisibleIds = ids ? std::make_shared<const std::unordered_set<std::int64_t>>(std::move(*ids)) : nullptr;
}

void EventLayer::setSelected(std::int64_t id)
{
    mSelected = id;
    updateSelectedArea();
}

void EventLayer::updateExtent()
{
    double west = 0, south = 0, east = 0, north = 0;
    bool first = true;
    for (const MovementEvent &e : *mEvents)
        for (const QPointF &p : {e.from, e.to}) {
            if (!isFinite(p))
                continue; // a safety message from a vessel whose position then is unknown
            if (first) {
                west = east = p.x();
                south = north = p.y();
                first = false;
            }
            west = std::min(west, p.x());
            east = std::max(east, p.x());
            south = std::min(south, p.y());
            north = std::max(north, p.y());
        }
    mExtent = first ? QRectF() : QRectF(QPointF(west, south), QPointF(east, north));
    // One place has no area; give it a little so zooming to the layer works.
    if (!first && (mExtent.width() <= 0 || mExtent.height() <= 0))
        mExtent = mExtent.adjusted(-1e-3, -1e-3, 1e-3, 1e-3);
}

void EventLayer::updateSelectedArea()
{
    mSelectedArea.reset();
    if (mSelected == 0)
        return;
    const auto it = std::find_if(mEvents->begin(), mEvents->end(),
                                 [this](const MovementEvent &e) { return e.id == mSelected; });
    if (it == mEvents->end() || it->type != EventType::Gap)
        return;
    const double budget = areaBudgetMetres(*it);
    if (!(budget > 0))
        return;
    // The cache is checked against what the area was made from: a new analysis run may
    // hand back the same id with other fixes or another speed.
    if (const auto hit = mAreaCache.find(mSelected);
        hit != mAreaCache.end() && hit->second.from == it->from && hit->second.to == it->to &&
        hit->second.budgetMetres == budget) {
        mSelectedArea = hit->second.ring;
        return;
    }
    if (mAreaCache.size() >= kMaxCachedAreas)
        mAreaCache.clear();
    mSelectedArea =
        std::make_shared<const std::vector<QPointF>>(ReachableArea(it->from, it->to, budget).boundary(72));
    mAreaCache[mSelected] = CachedArea{it->from, it->to, budget, mSelectedArea};
}

std::unique_ptr<LayerRenderer> EventLayer::createRenderer(const MapSettings &settings) const
{
    return std::make_unique<EventRenderer>(mEvents, mVisibleIds, mSelected, mSelectedArea, settings);
}

std::int64_t EventLayer::pick(QPointF lonLat, const MapSettings &settings, double tolerancePx) const
{
    if (!settings.isValid())
        return 0;
    const Transform toMap(Crs::wgs84(), settings.destinationCrs());
    const QPointF at = settings.mapToPixel(toMap.forward(lonLat));
    if (!isFinite(at))
        return 0;
    const double k = settings.dpi() / 96.0;
    const std::vector<const MovementEvent *> order =
        drawOrder(*mEvents, mVisibleIds.get(), mSelected, settings.timeWindow());
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        const MovementEvent &e = **it;
        const QPointF a = settings.mapToPixel(toMap.forward(e.from));
        const QPointF b = settings.mapToPixel(toMap.forward(e.to));
        if (!isFinite(a) || !isFinite(b))
            continue;
        if (hits(e, a, b, at, tolerancePx, Look(k, mSelected != 0 && e.id == mSelected)))
            return e.id;
    }
    return 0;
}

QList<LayerProperty> EventLayer::properties() const
{
    QList<LayerProperty> out{{QStringLiteral("Events"), QString::number(mEvents->size())}};
    if (mVisibleIds) {
        const auto shown = std::count_if(mEvents->begin(), mEvents->end(), [this](const MovementEvent &e) {
            return mVisibleIds->contains(e.id);
        });
        out << LayerProperty{QStringLiteral("Shown"), QString::number(shown)};
    }
    for (EventType type : allEventTypes()) {
        const auto n = std::count_if(mEvents->begin(), mEvents->end(),
                                     [type](const MovementEvent &e) { return e.type == type; });
        if (n > 0)
            out << LayerProperty{eventTypeLabel(type), QString::number(n)};
    }
    std::int64_t first = 0, last = 0;
    for (const MovementEvent &e : *mEvents) {
        if (e.startMs && (!first || e.startMs < first))
            first = e.startMs;
        last = std::max(last, e.endMs);
    }
    if (first && last)
        out << LayerProperty{QStringLiteral("Period"),
                             QStringLiteral("%1 – %2").arg(
                                 QDateTime::fromMSecsSinceEpoch(first, Qt::UTC).toString(Qt::ISODate),
                                 QDateTime::fromMSecsSinceEpoch(last, Qt::UTC).toString(Qt::ISODate))};
    return out;
}

} // namespace sightline
