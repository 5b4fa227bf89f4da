#include "render/timelineparts.h"

#include "layers/eventlayer.h"
#include "layers/sightinglayer.h"
#include "render/timeaxis.h"

#include <QPainterPath>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <map>
#include <set>
#include <tuple>

namespace sightline::timelineparts {

// ---------------------------------------------------------------- laying out the marks

/// A vessel lane's reporting strip: bins a point wide, darker where it reported more often.
void layOutStrip(TimelineLayout::Lane &lane, const TimelineLayout &layout, const TimelineLane &vessel,
                 double u)
{
    const QRectF &plot = layout.plot;
    const std::vector<std::int64_t> &times = vessel.positionTimesMs;
    if (times.empty())
        return;
    const int bins = std::max(1, int(std::ceil(plot.width() / u)));
    const double binWidth = plot.width() / bins;
    std::vector<long> counts(std::size_t(bins), 0);
    for (int b = 0; b < bins; ++b) {
        const std::int64_t t0 = layout.timeForX(plot.left() + b * binWidth);
        const std::int64_t t1 = layout.timeForX(plot.left() + (b + 1) * binWidth);
        counts[std::size_t(b)] = long(std::lower_bound(times.begin(), times.end(), t1) -
                                      std::lower_bound(times.begin(), times.end(), t0));
    }
    std::vector<long> nonZero;
    std::copy_if(counts.begin(), counts.end(), std::back_inserter(nonZero), [](long c) { return c > 0; });
    if (nonZero.empty())
        return;
    std::nth_element(nonZero.begin(), nonZero.begin() + std::ptrdiff_t(nonZero.size() * 9 / 10),
                     nonZero.end());
    const double reference = double(nonZero.at(nonZero.size() * 9 / 10));
    const auto level = [&](long c) {
        if (c <= 0)
            return 0;
        const double f = reference > 1 ? std::log1p(double(c)) / std::log1p(reference) : 1.0;
        return 1 + int(std::lround(std::min(1.0, f) * 5)); // 1..6
    };
    int b = 0;
    while (b < bins) {
        const int l = level(counts[std::size_t(b)]);
        int e = b + 1;
        while (e < bins && level(counts[std::size_t(e)]) == l)
            ++e;
        if (l > 0)
            lane.reporting.push_back({QRectF(QPointF(plot.left() + b * binWidth, lane.strip.top()),
                                             QPointF(plot.left() + e * binWidth, lane.strip.bottom())),
                                      l});
        b = e;
    }
}

/// A vessel lane's bars, spoofing marks, round-trip brackets and port names, in the order they are drawn.
void layOutVesselMarks(TimelineLayout &layout, int laneIndex, const TimelineData &data,
                       const QPaintDevice *device)
{
    const double u = layout.unit;
    const QRectF &plot = layout.plot;
    const TimelineLayout::Lane &lane = layout.lanes.at(laneIndex);
    const TimelineLane &vessel = data.lanes.at(lane.index);
    const QRectF &row = lane.barRow;
    const auto indexOf = [&](const MovementEvent *e) { return int(e - data.events.data()); };
    const auto add = [&](Mark::Kind kind, const MovementEvent *e, const QRectF &rect) -> Mark & {
        Mark m;
        m.kind = kind;
        m.index = indexOf(e);
        m.lane = laneIndex;
        m.rect = rect;
        layout.marks.push_back(m);
        return layout.marks.back();
    };
    const auto barOf = [&](const QPair<double, double> &s) {
        return QRectF(QPointF(s.first, row.top()), QPointF(s.second, row.bottom()));
    };

    std::vector<const MovementEvent *> own;
    for (const MovementEvent &e : data.events)
        if (e.mmsi == vessel.mmsi)
            own.push_back(&e);
    std::sort(own.begin(), own.end(),
              [](const MovementEvent *a, const MovementEvent *b) { return a->startMs < b->startMs; });

    for (const MovementEvent *e : own)
        if (e->type == EventType::Gap)
            if (const auto s = layout.eventSpan(*e, 1.2 * u))
                add(Mark::Kind::Gap, e, barOf(*s));
    for (const MovementEvent *e : own)
        if (e->type == EventType::Loitering)
            if (const auto s = layout.eventSpan(*e, 1.2 * u))
                add(Mark::Kind::Loitering, e, barOf(*s)).shape = loiteringBar(row, s->first, s->second);
    // Seen calls, then the possible ones over them (they sit in the dark periods).
    for (const bool inferred : {false, true})
        for (const MovementEvent *e : own)
            if (e->type == EventType::PortCall && e->isInferredCall() == inferred)
                if (const auto s = layout.eventSpan(*e, 1.2 * u)) {
                    const double inset = inferred ? kInferredInsetPt * u : 0.0;
                    add(inferred ? Mark::Kind::PossibleCall : Mark::Kind::PortCall, e,
                        QRectF(QPointF(s->first, row.top() + inset),
                               QPointF(s->second, row.bottom() - inset)));
                }
    for (const MovementEvent *e : own)
        if (e->type == EventType::Spoofing && e->startMs >= layout.fromMs && e->startMs <= layout.toMs) {
            const QPointF tip(layout.xForTime(e->startMs), row.top() + 4 * u);
            const double w = kSpoofHalfWidthPt * u;
            add(Mark::Kind::Spoofing, e, QRectF(tip.x() - w, tip.y() - 1.7 * w, 2 * w, 1.7 * w)).at = tip;
        }
    for (const MovementEvent *e : own)
        if (e->type == EventType::SafetyMessage && e->startMs >= layout.fromMs && e->startMs <= layout.toMs) {
            const QPointF tip(layout.xForTime(e->startMs), row.top() + 4 * u);
            add(Mark::Kind::SafetyMessage, e, safetyBubbleBox(tip, u)).at = tip;
        }

    // Round trips: brackets under the strip, every other one lower where they overlap.
    double lastEnd = -std::numeric_limits<double>::infinity();
    bool lower = false;
    for (const MovementEvent *e : own)
        if (e->type == EventType::RoundTrip)
            if (const auto s = layout.eventSpan(*e, 2 * u)) {
                lower = s->first < lastEnd - 0.1 * u ? !lower : false;
                lastEnd = std::max(lastEnd, s->second);
                const double y = lane.brackets.top() + (lower ? 3.8 : 2.2) * u;
                add(Mark::Kind::RoundTrip, e,
                    QRectF(s->first, lane.brackets.top(), s->second - s->first, lane.brackets.height()))
                    .line = QLineF(s->first + 0.4 * u, y, s->second - 0.4 * u, y);
            }

    // Port names: inside the bar when it is wide enough, else above it when that does not touch
    // the last name nor reach over another call (which would then seem to be named); the name
    // without its parenthesis ("Rajin") when the whole one has no room.
    std::vector<QPair<double, double>> callSpans;
    for (const MovementEvent *e : own)
        if (e->type == EventType::PortCall)
            if (const auto s = layout.eventSpan(*e, 1.2 * u))
                callSpans.push_back(*s);
    const auto overCall = [&](double left, double right, const QPair<double, double> &self) {
        return std::any_of(callSpans.begin(), callSpans.end(), [&](const QPair<double, double> &c) {
            return c != self && c.first < right + 1.5 * u && c.second > left - 1.5 * u;
        });
    };
    const QFontMetricsF fm = metrics(layout.fonts.port, device);
    double lastRight = -std::numeric_limits<double>::infinity();
    for (const MovementEvent *e : own) {
        if (e->type != EventType::PortCall || e->place.trimmed().isEmpty())
            continue;
        const auto s = layout.eventSpan(*e, 1.2 * u);
        if (!s)
            continue;
        const QString name = timelinePortLabel(e->place);
        QStringList candidates{name};
        if (shortPortLabel(name) != name)
            candidates.push_back(shortPortLabel(name));
        for (const QString &text : candidates) {
            const double w = fm.horizontalAdvance(text);
            if (s->second - s->first >= w + 3 * u) {
                Mark &m = add(Mark::Kind::PortName, e, barOf(*s));
                m.shape = m.rect;
                m.text = text;
                m.onBar = true;
                break;
            }
            // Slid right, a name still reaches over the middle of its bar, so it reads as that bar's.
            const double centre = (s->first + s->second) / 2;
            double right = lastRight;
            const auto at = placeInRow(centre, w, lane.labelRow.height(), lane.labelRow.top(), plot.left(),
                                       plot.right(), right, 2.5 * u, std::max(0.0, w * 0.3 - u));
            if (at && !overCall(at->left(), at->right(), *s)) {
                lastRight = right;
                Mark &m = add(Mark::Kind::PortName, e, *at);
                m.shape = *at;
                m.text = text;
                break;
            }
        }
    }
}

/// Encounters: a diamond in each vessel's lane, linked across the lanes between; one per pair and time.
void layOutEncounters(TimelineLayout &layout, const TimelineData &data,
                      const QHash<std::uint32_t, int> &laneOfVessel)
{
    const double u = layout.unit;
    const double r = kDiamondRadiusPt * u;
    using Key = std::tuple<std::uint32_t, std::uint32_t, std::int64_t>;
    const auto keyOf = [](const MovementEvent &e) {
        return std::make_tuple(std::min(e.mmsi, e.otherMmsi), std::max(e.mmsi, e.otherMmsi), e.startMs);
    };
    // A diamond stands for the vessel's own record of the encounter where it has one, so that it is
    // named from that lane's side.
    const auto recordOf = [&](const Key &key, std::uint32_t mmsi, int fallback) {
        for (std::size_t j = 0; j < data.events.size(); ++j) {
            const MovementEvent &e = data.events.at(j);
            if (e.type == EventType::Encounter && e.mmsi == mmsi && keyOf(e) == key)
                return int(j);
        }
        return fallback;
    };
    std::set<Key> drawn;
    for (std::size_t i = 0; i < data.events.size(); ++i) {
        const MovementEvent &e = data.events.at(i);
        if (e.type != EventType::Encounter || !laneOfVessel.contains(e.mmsi))
            continue;
        const Key key = keyOf(e);
        if (!drawn.insert(key).second)
            continue;
        const std::int64_t mid = e.startMs + (e.endMs - e.startMs) / 2;
        if (mid < layout.fromMs || mid > layout.toMs)
            continue;
        const double x = layout.xForTime(mid);
        QList<QPair<int, std::uint32_t>> lanes{{laneOfVessel.value(e.mmsi), e.mmsi}};
        if (laneOfVessel.contains(e.otherMmsi) && e.otherMmsi != e.mmsi)
            lanes.push_back({laneOfVessel.value(e.otherMmsi), e.otherMmsi});
        for (int k = 0; k < lanes.size(); ++k) {
            const double y = layout.lanes.at(lanes.at(k).first).barRow.center().y();
            Mark m;
            m.kind = Mark::Kind::Encounter;
            m.index = recordOf(key, lanes.at(k).second, int(i));
            m.lane = lanes.at(k).first;
            m.rect = QRectF(x - r, y - r, 2 * r, 2 * r);
            m.at = QPointF(x, y);
            if (k == 0 && lanes.size() == 2)
                m.line =
                    QLineF(QPointF(x, y), QPointF(x, layout.lanes.at(lanes.at(1).first).barRow.center().y()));
            layout.marks.push_back(m);
        }
    }
}

/// Sightings: numbered markers at their time, pushed right (with a leader) where they would touch.
void layOutSightings(TimelineLayout &layout, const TimelineData &data,
                     const QHash<std::uint32_t, int> &laneOfVessel, const QPaintDevice *device)
{
    const double u = layout.unit;
    // Ordered by lane: the PDF must come out the same byte for byte, and QHash's order is seeded per
    // process.
    std::map<int, QList<int>> byLane;
    int sightingsLane = -1;
    for (int i = 0; i < layout.lanes.size(); ++i)
        if (layout.lanes.at(i).kind == TimelineLayout::LaneKind::Sightings)
            sightingsLane = i;
    for (int i = 0; i < data.sightings.size(); ++i) {
        const TimelineSighting &s = data.sightings.at(i);
        const int lane =
            s.mmsi != 0 && laneOfVessel.contains(s.mmsi) ? laneOfVessel.value(s.mmsi) : sightingsLane;
        if (lane >= 0 && s.ms >= layout.fromMs && s.ms <= layout.toMs)
            byLane[lane].push_back(i);
    }
    for (auto it = byLane.begin(); it != byLane.end(); ++it) {
        QList<int> list = it->second;
        std::stable_sort(list.begin(), list.end(),
                         [&](int a, int b) { return data.sightings.at(a).ms < data.sightings.at(b).ms; });
        const QRectF &row = layout.lanes.at(it->first).barRow;
        double lastRight = -std::numeric_limits<double>::infinity();
        for (const int i : list) {
            const TimelineSighting &s = data.sightings.at(i);
            const double x = layout.xForTime(s.ms);
            const double w = markerWidth(s.number, layout.fonts.marker, device, u);
            const double cx = std::max(x, lastRight + 0.8 * u + w / 2);
            lastRight = cx + w / 2;
            Mark m;
            m.kind = Mark::Kind::Sighting;
            m.index = i;
            m.lane = it->first;
            m.at = QPointF(cx, row.center().y());
            m.rect = m.shape = markerBox(m.at, w, u);
            if (cx - x > 0.5 * u)
                m.line = QLineF(QPointF(x, row.bottom()), QPointF(cx, row.center().y()));
            layout.marks.push_back(m);
        }
    }
}

/// Imagery acquisitions: ticks, named to the right where the name fits before the next one.
void layOutAcquisitions(TimelineLayout &layout, const TimelineData &data, const QPaintDevice *device)
{
    const double u = layout.unit;
    for (int laneIndex = 0; laneIndex < layout.lanes.size(); ++laneIndex) {
        const TimelineLayout::Lane &lane = layout.lanes.at(laneIndex);
        if (lane.kind != TimelineLayout::LaneKind::Acquisitions)
            continue;
        QList<int> list;
        for (int i = 0; i < data.acquisitions.size(); ++i)
            list.push_back(i);
        std::stable_sort(list.begin(), list.end(), [&](int a, int b) {
            return data.acquisitions.at(a).first < data.acquisitions.at(b).first;
        });
        const QFontMetricsF fm = metrics(layout.fonts.port, device);
        const QRectF &row = lane.barRow;
        for (int k = 0; k < list.size(); ++k) {
            const int i = list.at(k);
            const std::int64_t ms = data.acquisitions.at(i).first;
            if (ms < layout.fromMs || ms > layout.toMs)
                continue;
            const double x = layout.xForTime(ms);
            Mark tick;
            tick.kind = Mark::Kind::Acquisition;
            tick.index = i;
            tick.lane = laneIndex;
            tick.rect = QRectF(x - 3 * u, row.top(), 6 * u, row.height());
            tick.at = QPointF(x, row.top());
            layout.marks.push_back(tick);
            const double limit =
                k + 1 < list.size()
                    ? std::min(layout.plot.right(),
                               layout.xForTime(data.acquisitions.at(list.at(k + 1)).first) - 3 * u)
                    : layout.plot.right();
            const QString text = data.acquisitions.at(i).second;
            const double w = fm.horizontalAdvance(text);
            if (!text.isEmpty() && x + 3.5 * u + w <= limit) {
                Mark name = tick;
                name.kind = Mark::Kind::AcquisitionName;
                name.rect = name.shape = QRectF(x + 3.5 * u, row.top(), w + u, row.height());
                name.at = QPointF();
                name.text = text;
                layout.marks.push_back(name);
            }
        }
    }
}

/// The lanes' names in the label column.

} // namespace sightline::timelineparts
