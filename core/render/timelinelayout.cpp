#include "render/timelineparts.h"

#include "layers/eventlayer.h"
#include "render/timeaxis.h"

#include <QSet>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <map>
#include <set>
#include <tuple>

namespace sightline::timelineparts {

// ---------------------------------------------------------------- layout helpers

/// The tick labels' widest sample, so that the count of labels fits the plot's width.
int maxTickLabels(double plotWidth, const Fonts &fonts, const QPaintDevice *device)
{
    const QFontMetricsF fm = metrics(fonts.tickMajor, device);
    double widest = 0;
    for (const char *sample : {"Oct 2023", "30 Sep", "00:00", "2023"})
        widest = std::max(widest, fm.horizontalAdvance(QLatin1String(sample)));
    const double slot = widest + fm.height();
    // N ticks at an even spacing d in a span S have S < (N + 1) d: one slot of slack keeps d ≥ slot.
    return std::max(1, int(std::floor(plotWidth / slot)) - 1);
}

QString axisCaption(std::int64_t from, std::int64_t to, int maxLabels)
{
    if (to <= from)
        return QStringLiteral("UTC");
    const QString context = timeAxisContext(from, to, timeAxisStep(from, to, maxLabels));
    return context.isEmpty() ? QStringLiteral("UTC") : context + QStringLiteral(" (UTC)");
}

double laneHeightPt(TimelineLayout::LaneKind kind)
{
    switch (kind) {
    case TimelineLayout::LaneKind::Vessel:
        return kVesselLanePt;
    case TimelineLayout::LaneKind::Sightings:
        return kSightingLanePt;
    case TimelineLayout::LaneKind::Acquisitions:
        return kAcquisitionLanePt;
    }
    return kVesselLanePt;
}

QList<QPair<TimelineLayout::LaneKind, int>> laneOrder(const TimelineData &data)
{
    QList<QPair<TimelineLayout::LaneKind, int>> order;
    for (int i = 0; i < data.lanes.size(); ++i)
        order.push_back({TimelineLayout::LaneKind::Vessel, i});
    if (hasUnlaneSightings(data))
        order.push_back({TimelineLayout::LaneKind::Sightings, 0});
    if (!data.acquisitions.isEmpty())
        order.push_back({TimelineLayout::LaneKind::Acquisitions, 0});
    return order;
}

/// A label placed in a row left to right, centred on `centre` or slid right by up to `slide` when that
/// clears the last one: where it goes, or nothing when it would touch the last one.
std::optional<QRectF> placeInRow(double centre, double width, double height, double top, double minLeft,
                                 double maxRight, double &lastRight, double gap, double slide)
{
    double left = std::clamp(centre - width / 2, minLeft, std::max(minLeft, maxRight - width));
    if (left < lastRight + gap && lastRight + gap <= left + slide)
        left = lastRight + gap;
    if (left < lastRight + gap || left + width > maxRight + 0.01)
        return std::nullopt;
    lastRight = left + width;
    return QRectF(left, top, width, height);
}

void layOutLabelColumn(TimelineLayout &layout, const TimelineData &data, const QPaintDevice *device)
{
    const double u = layout.unit;
    const QFontMetricsF nameFm = metrics(layout.fonts.name, device);
    const QFontMetricsF subFm = metrics(layout.fonts.sub, device);
    const double textLeft = layout.labelColumn.left() + 7 * u;
    const double textWidth = std::max(0.0, layout.labelColumn.width() - 7 * u - 8 * u);
    for (TimelineLayout::Lane &lane : layout.lanes) {
        if (lane.kind == TimelineLayout::LaneKind::Vessel) {
            const QPair<QString, QString> text = splitVesselLabel(data.lanes.at(lane.index));
            const double h = nameFm.height() + (text.second.isEmpty() ? 0 : subFm.height());
            const double top = (lane.labelRow.top() + lane.strip.bottom()) / 2 - h / 2;
            lane.swatch = QRectF(layout.labelColumn.left(), top + 0.1 * h, 3 * u, 0.8 * h);
            lane.title = nameFm.elidedText(text.first, Qt::ElideRight, textWidth);
            lane.titleRect = QRectF(textLeft, top, textWidth, nameFm.height());
            if (!text.second.isEmpty()) {
                lane.subtitle = subFm.elidedText(text.second, Qt::ElideRight, textWidth);
                lane.subtitleRect = QRectF(textLeft, top + nameFm.height(), textWidth, subFm.height());
            }
        } else {
            lane.title = subFm.elidedText(laneCaption(lane.kind), Qt::ElideRight, textWidth);
            lane.titleRect = QRectF(textLeft, lane.barRow.top(), textWidth, lane.barRow.height());
        }
    }
}

/// The axis: ticks, labels that never touch, and the caption in the label column.
void layOutAxis(TimelineLayout &layout, const QPaintDevice *device)
{
    const double u = layout.unit;
    const QRectF &plot = layout.plot;
    const int maxLabels = maxTickLabels(plot.width(), layout.fonts, device);
    const QList<TimeTick> ticks = layout.toMs > layout.fromMs
                                      ? timeAxisTicks(layout.fromMs, layout.toMs, maxLabels)
                                      : QList<TimeTick>();
    const QFontMetricsF fm = metrics(layout.fonts.tick, device);
    const QFontMetricsF majorFm = metrics(layout.fonts.tickMajor, device);
    const double labelTop = plot.bottom() + 5.5 * u;
    double lastRight = -std::numeric_limits<double>::infinity();
    for (const TimeTick &tick : ticks) {
        const double x = layout.xForTime(tick.ms);
        const QFontMetricsF &m = tick.major ? majorFm : fm;
        const double w = m.horizontalAdvance(tick.label);
        layout.ticks.push_back({tick, x,
                                placeInRow(x, w, m.height(), labelTop, plot.left(), layout.box.right(),
                                           lastRight, 0.6 * fm.height())});
    }
    const double captionWidth = std::max(0.0, layout.labelColumn.width() - 10 * u);
    layout.axisCaption =
        fm.elidedText(axisCaption(layout.fromMs, layout.toMs, maxLabels), Qt::ElideRight, captionWidth);
    layout.axisCaptionRect = QRectF(layout.axis.left(), labelTop, captionWidth + 2 * u, fm.height());
}

/// The key: only the symbols drawn, in cells sized from the text (as the height was).
void layOutKey(TimelineLayout &layout, const TimelineData &data, const QPaintDevice *device)
{
    const double u = layout.unit;
    const QList<KeyItem> items = keyItems(data);
    const QFontMetricsF fm = metrics(layout.fonts.key, device);
    // Cells as wide as the text when that takes no more rows than the height was given for.
    QList<double> measured;
    for (const KeyItem &item : items)
        measured.push_back(std::min(keyItemWidthPt(item), kKeySymbolPt + kKeyTextGapPt +
                                                              fm.horizontalAdvance(item.text) / u + 0.5));
    const QList<QPointF> estimated = keyFlow(items, layout.box.width() / u);
    const QList<QPointF> tight = keyFlow(items, layout.box.width() / u, measured);
    const bool useTight = rowsOf(tight) <= rowsOf(estimated);
    const QList<QPointF> &flow = useTight ? tight : estimated;
    for (int i = 0; i < items.size(); ++i) {
        const KeyItem &item = items.at(i);
        const QPointF at = layout.key.topLeft() + flow.at(i) * u;
        const double cellWidth = useTight ? measured.at(i) : keyItemWidthPt(item);
        TimelineLayout::KeyEntry entry;
        entry.symbol = item.symbol;
        entry.colour = item.colour;
        entry.cell = QRectF(at, QSizeF(cellWidth * u, kKeyRowPt * u));
        const double textLeft = entry.cell.left() + (kKeySymbolPt + kKeyTextGapPt) * u;
        entry.textRect = QRectF(QPointF(textLeft, entry.cell.top()), entry.cell.bottomRight());
        entry.text = fm.elidedText(item.text, Qt::ElideRight, entry.cell.right() - textLeft);
        layout.keyEntries.push_back(entry);
    }
}

} // namespace sightline::timelineparts

namespace sightline {

using namespace timelineparts;

// ---------------------------------------------------------------- public

QString timelinePortLabel(const QString &place)
{
    QString name = place.trimmed();
    if (name.endsWith(QLatin1String(" port"), Qt::CaseInsensitive))
        name.chop(5);
    return name.trimmed();
}

TimelineLayout::Mark::Subject TimelineLayout::Mark::subject() const
{
    switch (kind) {
    case Kind::Sighting:
        return Subject::Sighting;
    case Kind::Acquisition:
    case Kind::AcquisitionName:
        return Subject::Acquisition;
    default:
        return Subject::Event;
    }
}

double TimelineLayout::xForTime(std::int64_t ms) const
{
    if (toMs <= fromMs)
        return plot.left();
    return plot.left() + double(ms - fromMs) / double(toMs - fromMs) * plot.width();
}

std::int64_t TimelineLayout::timeForX(double x) const
{
    if (plot.width() <= 0)
        return fromMs;
    return fromMs + std::int64_t(std::llround((x - plot.left()) / plot.width() * double(toMs - fromMs)));
}

const TimelineLayout::Lane *TimelineLayout::vesselLane(std::uint32_t mmsi,
                                                       const QList<TimelineLane> &data) const
{
    for (const Lane &lane : lanes)
        if (lane.kind == LaneKind::Vessel && lane.index >= 0 && lane.index < data.size() &&
            data.at(lane.index).mmsi == mmsi)
            return &lane;
    return nullptr;
}

std::optional<QPair<double, double>> TimelineLayout::eventSpan(const MovementEvent &e, double minWidth) const
{
    double x0 = xForTime(e.startMs);
    double x1 = xForTime(std::max(e.startMs, e.endMs));
    if (x1 < plot.left() || x0 > plot.right())
        return std::nullopt;
    x0 = std::max(x0, plot.left());
    x1 = std::min(x1, plot.right());
    if (x1 - x0 < minWidth) {
        const double c = (x0 + x1) / 2;
        x0 = c - minWidth / 2;
        x1 = c + minWidth / 2;
    }
    return QPair<double, double>(x0, x1);
}

const TimelineLayout::Mark *TimelineLayout::markAt(QPointF pos, QSizeF slop) const
{
    const Mark *best = nullptr;
    double bestDistance = std::numeric_limits<double>::infinity();
    for (const Mark &m : marks) {
        if (!m.rect.adjusted(-slop.width(), -slop.height(), slop.width(), slop.height()).contains(pos))
            continue;
        // The kinds are in drawing order: a higher one lies on top.
        const double d = std::abs(m.rect.center().x() - pos.x());
        if (!best || m.kind > best->kind || (m.kind == best->kind && d < bestDistance)) {
            best = &m;
            bestDistance = d;
        }
    }
    return best;
}

QRectF TimelineLayout::outline(const Mark &mark) const
{
    QRectF all;
    for (const Mark &m : marks)
        if (m.lane == mark.lane && m.index == mark.index && m.subject() == mark.subject())
            all = all.isNull() ? m.rect : all.united(m.rect);
    return all.isNull() ? mark.rect : all;
}

TimeWindow timelineDataExtent(const TimelineData &data)
{
    std::int64_t lo = std::numeric_limits<std::int64_t>::max();
    std::int64_t hi = std::numeric_limits<std::int64_t>::min();
    const auto take = [&](std::int64_t ms) {
        if (!ms)
            return;
        lo = std::min(lo, ms);
        hi = std::max(hi, ms);
    };
    for (const TimelineLane &lane : data.lanes)
        if (!lane.positionTimesMs.empty()) {
            take(lane.positionTimesMs.front());
            take(lane.positionTimesMs.back());
        }
    for (const MovementEvent &e : data.events) {
        take(e.startMs);
        take(e.endMs);
    }
    for (const TimelineSighting &s : data.sightings)
        take(s.ms);
    for (const auto &acquisition : data.acquisitions)
        take(acquisition.first);
    if (lo > hi)
        return {};
    return {lo, hi};
}

QPair<std::int64_t, std::int64_t> timelineSpan(const TimelineData &data)
{
    if (data.toMs > data.fromMs)
        return {data.fromMs, data.toMs};
    const TimeWindow extent = timelineDataExtent(data);
    if (extent.isOpen())
        return {0, 0};
    if (extent.fromMs == extent.toMs)
        return {extent.fromMs - 3'600'000, extent.toMs + 3'600'000};
    const std::int64_t pad = std::int64_t(std::llround(double(extent.toMs - extent.fromMs) * 0.03));
    return {extent.fromMs - pad, extent.toMs + pad};
}

TimelineLayout timelineLayout(const TimelineData &data, const QRectF &box, const QFont &font, double unit,
                              const QPaintDevice *device)
{
    const double u = unit > 0 ? unit : 1.0;
    TimelineLayout layout;
    layout.box = box;
    layout.unit = u;
    layout.fonts = makeFonts(font, u);
    const Fonts &fonts = layout.fonts;
    const QPair<std::int64_t, std::int64_t> span = timelineSpan(data);
    layout.fromMs = span.first;
    layout.toMs = span.second;

    // The label column holds the lane names and, on the axis row, the caption ("2023 (UTC)").
    const QFontMetricsF nameFm = metrics(fonts.name, device);
    const QFontMetricsF subFm = metrics(fonts.sub, device);
    double labels = 0;
    for (const TimelineLane &lane : data.lanes) {
        const QPair<QString, QString> text = splitVesselLabel(lane);
        labels =
            std::max({labels, nameFm.horizontalAdvance(text.first), subFm.horizontalAdvance(text.second)});
    }
    for (const auto &lane : laneOrder(data))
        if (lane.first != TimelineLayout::LaneKind::Vessel)
            labels = std::max(labels, subFm.horizontalAdvance(laneCaption(lane.first)));
    const double padding = (3 + 4 + 8 + 1) * u; // swatch, gap, space before the plot, and slack for eliding
    const double maxColumn = box.width() * 0.3;
    const double minColumn = 48 * u;
    const auto columnFor = [&](double caption) {
        return std::clamp(std::max(labels, caption) + padding, minColumn, std::max(minColumn, maxColumn));
    };
    const QFontMetricsF tickFm = metrics(fonts.tick, device);
    double column = columnFor(0);
    // The caption depends on the step, which depends on the plot's width: settle it in two rounds.
    for (int round = 0; round < 2; ++round) {
        const double plotWidth = box.width() - column - kRightPadPt * u;
        const QString caption =
            axisCaption(layout.fromMs, layout.toMs, maxTickLabels(plotWidth, fonts, device));
        column = columnFor(tickFm.horizontalAdvance(caption) - 3 * u);
    }
    layout.labelColumn = QRectF(box.left(), box.top() + kTopPt * u, column, 0);

    // A box shorter than the figure needs squeezes the lanes (to half their height at most), not the
    // axis and the key: a page can then still take the whole figure.
    double squeeze = 1.0;
    const double needed = timelineFigureHeight(data, box.width(), u);
    if (box.height() > 0 && box.height() < needed - 0.01 * u) {
        double lanesPt = 0;
        for (const auto &entry : laneOrder(data))
            lanesPt += laneHeightPt(entry.first);
        if (lanesPt > 0)
            squeeze = std::clamp(1.0 - (needed - box.height()) / (lanesPt * u), 0.5, 1.0);
    }

    double y = box.top() + kTopPt * u;
    const double plotLeft = box.left() + column;
    const double plotRight = box.right() - kRightPadPt * u;
    for (const auto &entry : laneOrder(data)) {
        TimelineLayout::Lane lane;
        lane.kind = entry.first;
        lane.index = entry.second;
        const double h = laneHeightPt(lane.kind) * u * squeeze;
        lane.rect = QRectF(QPointF(plotLeft, y), QPointF(plotRight, y + h));
        const auto row = [&](double top, double bottom) {
            return QRectF(QPointF(plotLeft, y + top * u * squeeze),
                          QPointF(plotRight, y + bottom * u * squeeze));
        };
        switch (lane.kind) {
        case TimelineLayout::LaneKind::Vessel:
            lane.labelRow = row(1.5, 11.5);
            lane.barRow = row(12, 22.5);
            lane.strip = row(24, 26.5);
            lane.brackets = row(27.5, 31.5);
            break;
        case TimelineLayout::LaneKind::Sightings:
            lane.barRow = row(4, 16);
            break;
        case TimelineLayout::LaneKind::Acquisitions:
            lane.barRow = row(3.5, 14.5);
            break;
        }
        layout.lanes.push_back(lane);
        y += h;
    }
    layout.plot = QRectF(QPointF(plotLeft, box.top() + kTopPt * u), QPointF(plotRight, y));
    layout.labelColumn.setBottom(y);
    layout.axis = QRectF(QPointF(box.left(), y), QPointF(box.right(), y + kAxisPt * u));
    const int rows = keyRows(keyItems(data), box.width() / u);
    const double keyTop = layout.axis.bottom() + (rows > 0 ? kKeyGapPt * u : 0);
    layout.key = QRectF(QPointF(box.left(), keyTop), QPointF(box.right(), keyTop + rows * kKeyRowPt * u));

    if (layout.toMs > layout.fromMs) {
        QHash<std::uint32_t, int> laneOfVessel;
        for (int i = 0; i < layout.lanes.size(); ++i)
            if (layout.lanes.at(i).kind == TimelineLayout::LaneKind::Vessel)
                laneOfVessel.insert(data.lanes.at(layout.lanes.at(i).index).mmsi, i);
        for (int i = 0; i < layout.lanes.size(); ++i) {
            if (layout.lanes.at(i).kind != TimelineLayout::LaneKind::Vessel)
                continue;
            layOutStrip(layout.lanes[i], layout, data.lanes.at(layout.lanes.at(i).index), u);
            layOutVesselMarks(layout, i, data, device);
        }
        layOutEncounters(layout, data, laneOfVessel);
        layOutSightings(layout, data, laneOfVessel, device);
        layOutAcquisitions(layout, data, device);
    }
    layOutLabelColumn(layout, data, device);
    layOutAxis(layout, device);
    layOutKey(layout, data, device);
    return layout;
}

double timelineFigureHeight(const TimelineData &data, double width, double unit)
{
    const double u = unit > 0 ? unit : 1.0;
    double pt = kTopPt + kAxisPt + kBottomPt;
    for (const auto &lane : laneOrder(data))
        pt += laneHeightPt(lane.first);
    const int rows = keyRows(keyItems(data), width / u);
    if (rows > 0)
        pt += kKeyGapPt + rows * kKeyRowPt;
    return pt * u;
}

} // namespace sightline
