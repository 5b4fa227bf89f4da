#include "render/timelinefigure.h"
#include "render/timelineparts.h"

#include "layers/eventlayer.h"
#include "layers/sightinglayer.h"

#include <QPainterPath>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <set>

namespace sightline {

using namespace timelineparts;

void paintTimelineFigure(QPainter &painter, const TimelineLayout &layout, const TimelineData &data)
{
    const double u = layout.unit;
    const Fonts &fonts = layout.fonts;
    const QRectF &plot = layout.plot;
    const QRectF &box = layout.box;

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);

    // Ticks first: the grid goes under everything.
    for (const TimelineLayout::Tick &tick : layout.ticks) {
        painter.setPen(pen(tick.tick.major ? kGridMajor : kGrid, (tick.tick.major ? 0.7 : 0.5) * u));
        painter.drawLine(QPointF(tick.x, plot.top()), QPointF(tick.x, plot.bottom()));
    }

    // Rules between lanes, across the label column too.
    painter.setPen(pen(kRule, 0.5 * u));
    for (int i = 0; i < layout.lanes.size(); ++i) {
        const double top = layout.lanes.at(i).rect.top();
        if (i > 0)
            painter.drawLine(QPointF(box.left(), top), QPointF(plot.right(), top));
    }

    const auto drawMark = [&](const Mark &m) {
        const TimelineLayout::Lane &lane = layout.lanes.at(m.lane);
        switch (m.kind) {
        case Mark::Kind::Gap:
            drawHatchedBar(painter, m.rect, u);
            break;
        case Mark::Kind::Loitering:
            drawLoiteringBar(painter, m.shape);
            break;
        case Mark::Kind::PortCall:
        case Mark::Kind::PossibleCall:
            drawCallBar(painter, m.rect, m.kind == Mark::Kind::PossibleCall, u);
            break;
        case Mark::Kind::Spoofing:
            drawSpoofMark(painter, m.at, u);
            break;
        case Mark::Kind::SafetyMessage:
            drawSafetyBubble(painter, m.at, u);
            break;
        case Mark::Kind::RoundTrip:
            drawBracket(painter, m.line.x1(), m.line.x2(), m.line.y1(), 1.8 * u, u);
            break;
        case Mark::Kind::PortName: {
            const QColor ink = EventLayer::eventColour(EventType::PortCall);
            const bool inferred = data.events.at(std::size_t(m.index)).isInferredCall();
            painter.setFont(fonts.port);
            if (m.onBar) {
                painter.setPen(inferred ? ink.darker(130) : QColor(Qt::white));
                painter.drawText(m.shape, Qt::AlignCenter, m.text);
            } else {
                painter.setPen(inferred ? ink.lighter(125) : ink.darker(125));
                painter.drawText(m.shape, Qt::AlignLeft | Qt::AlignBottom, m.text);
            }
            break;
        }
        case Mark::Kind::Encounter: {
            const QColor ink = EventLayer::eventColour(EventType::Encounter);
            if (!m.line.isNull()) {
                painter.setPen(pen(ink, 0.9 * u));
                painter.drawLine(m.line);
            }
            drawDiamond(painter, m.at, kDiamondRadiusPt * u, ink, u);
            break;
        }
        case Mark::Kind::Sighting: {
            const TimelineSighting &s = data.sightings.at(m.index);
            const QColor colour = sightingInk(s.kind);
            if (!m.line.isNull()) {
                painter.setPen(pen(colour, 0.8 * u));
                painter.drawLine(m.line);
            }
            drawSightingMarker(painter, m.shape, s.number, colour, fonts.marker, u);
            break;
        }
        case Mark::Kind::Acquisition:
            drawAcquisitionTick(painter, m.at.x(), lane.barRow.top(), lane.barRow.bottom(), u);
            break;
        case Mark::Kind::AcquisitionName:
            painter.setFont(fonts.port);
            painter.setPen(kAcquisitionInk);
            painter.drawText(m.shape, Qt::AlignLeft | Qt::AlignVCenter, m.text);
            break;
        }
    };
    const auto inLane = [](const Mark &m) { return m.kind < Mark::Kind::Encounter; };

    // Per vessel: the reporting strip, then the bars, then the names over them, kept to the lane.
    if (layout.toMs > layout.fromMs) {
        for (int i = 0; i < layout.lanes.size(); ++i) {
            const TimelineLayout::Lane &lane = layout.lanes.at(i);
            if (lane.kind != TimelineLayout::LaneKind::Vessel)
                continue;
            const TimelineLane &vessel = data.lanes.at(lane.index);
            const QColor stripColour = vessel.colour.isValid() ? vessel.colour : kNeutralStrip;
            painter.save();
            painter.setClipRect(QRectF(plot.left(), lane.rect.top(), plot.width(), lane.rect.height()),
                                Qt::IntersectClip);
            // A hairline where it was silent, under the stretches where it reported.
            painter.setPen(pen(kSilent, 0.5 * u));
            painter.drawLine(QPointF(plot.left(), lane.strip.center().y()),
                             QPointF(plot.right(), lane.strip.center().y()));
            painter.setPen(Qt::NoPen);
            for (const TimelineLayout::StripRun &run : lane.reporting) {
                QColor c = stripColour;
                c.setAlphaF(0.3 + 0.7 * (run.level - 1) / 5.0);
                painter.setBrush(c);
                painter.drawRect(run.rect);
            }
            for (const Mark &m : layout.marks)
                if (m.lane == i && inLane(m))
                    drawMark(m);
            painter.restore();
        }
    }
    // Encounters across lanes, sightings and acquisitions over everything in the plot.
    for (const Mark &m : layout.marks)
        if (!inLane(m))
            drawMark(m);

    // The label column.
    for (const TimelineLayout::Lane &lane : layout.lanes) {
        if (lane.kind == TimelineLayout::LaneKind::Vessel) {
            const TimelineLane &vessel = data.lanes.at(lane.index);
            painter.setPen(Qt::NoPen);
            painter.setBrush(vessel.colour.isValid() ? vessel.colour : kNeutralStrip);
            painter.drawRect(lane.swatch);
            painter.setFont(fonts.name);
            painter.setPen(kInk);
            painter.drawText(lane.titleRect, Qt::AlignLeft | Qt::AlignVCenter, lane.title);
            if (!lane.subtitle.isEmpty()) {
                painter.setFont(fonts.sub);
                painter.setPen(kMuted);
                painter.drawText(lane.subtitleRect, Qt::AlignLeft | Qt::AlignVCenter, lane.subtitle);
            }
        } else {
            painter.setFont(fonts.sub);
            painter.setPen(kMuted);
            painter.drawText(lane.titleRect, Qt::AlignLeft | Qt::AlignVCenter, lane.title);
        }
    }

    // The axis: a line, ticks, their labels, and the caption in the label column.
    painter.setPen(pen(kRule, 0.5 * u));
    painter.drawLine(QPointF(box.left(), plot.top()), QPointF(plot.right(), plot.top()));
    painter.setPen(pen(kAxisInk, 0.8 * u));
    painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()));
    for (const TimelineLayout::Tick &tick : layout.ticks) {
        const bool major = tick.tick.major;
        painter.setPen(pen(kAxisInk, (major ? 0.8 : 0.6) * u));
        painter.drawLine(QPointF(tick.x, plot.bottom()),
                         QPointF(tick.x, plot.bottom() + (major ? 4.5 : 3) * u));
        if (!tick.label)
            continue;
        painter.setFont(major ? fonts.tickMajor : fonts.tick);
        painter.setPen(major ? kInk : kAxisInk);
        painter.drawText(*tick.label, Qt::AlignHCenter | Qt::AlignTop, tick.tick.label);
    }
    painter.setFont(fonts.tick);
    painter.setPen(kMuted);
    painter.drawText(layout.axisCaptionRect, Qt::AlignRight | Qt::AlignTop, layout.axisCaption);

    // The key.
    for (const TimelineLayout::KeyEntry &entry : layout.keyEntries) {
        drawKeySymbol(painter, entry, fonts, u);
        painter.setFont(fonts.key);
        painter.setPen(kInk);
        painter.drawText(entry.textRect, Qt::AlignLeft | Qt::AlignVCenter, entry.text);
    }
    painter.restore();
}

void paintTimelineFigure(QPainter &painter, const QRectF &box, const TimelineData &data, const QFont &font,
                         double unit)
{
    paintTimelineFigure(painter, timelineLayout(data, box, font, unit, painter.device()), data);
}

} // namespace sightline
