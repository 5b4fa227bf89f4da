#include "render/timelineparts.h"

#include "layers/eventlayer.h"
#include "layers/sightinglayer.h"

#include <QSet>

#include <cmath>
#include <set>

namespace sightline::timelineparts {

// ---------------------------------------------------------------- the key

/// The symbols the figure shows, in the order the key lists them.
QList<KeyItem> keyItems(const TimelineData &data)
{
    QSet<std::uint32_t> vessels;
    for (const TimelineLane &lane : data.lanes)
        vessels.insert(lane.mmsi);
    std::set<Symbol> shown;
    for (const TimelineLane &lane : data.lanes)
        if (!lane.positionTimesMs.empty())
            shown.insert(Symbol::Reporting);
    for (const MovementEvent &e : data.events) {
        if (!vessels.contains(e.mmsi))
            continue;
        switch (e.type) {
        case EventType::Gap:
            shown.insert(Symbol::Gap);
            break;
        case EventType::PortCall:
            shown.insert(e.isInferredCall() ? Symbol::PossibleCall : Symbol::PortCall);
            break;
        case EventType::Loitering:
            shown.insert(Symbol::Loitering);
            break;
        case EventType::Spoofing:
            shown.insert(Symbol::Spoofing);
            break;
        case EventType::Encounter:
            shown.insert(Symbol::Encounter);
            break;
        case EventType::RoundTrip:
            shown.insert(Symbol::RoundTrip);
            break;
        case EventType::SafetyMessage:
            shown.insert(Symbol::SafetyMessage);
            break;
        case EventType::Voyage:
        case EventType::VesselDetection: // the imagery lane's tick stands for the image
        case EventType::Stop: // stops sit inside the reporting bar; the map and the table show them
            break;
        }
    }
    QList<KeyItem> items;
    const auto add = [&](Symbol s, const QString &text, const QColor &colour) {
        if (shown.count(s))
            items.push_back({s, text, colour});
    };
    add(Symbol::Reporting, QStringLiteral("AIS reporting"), kNeutralStrip);
    add(Symbol::Gap, QStringLiteral("AIS gap (dark)"), kHatch);
    add(Symbol::PortCall, QStringLiteral("Port call"), EventLayer::eventColour(EventType::PortCall));
    add(Symbol::PossibleCall, QStringLiteral("Possible port call"),
        EventLayer::eventColour(EventType::PortCall));
    add(Symbol::Loitering, QStringLiteral("Loitering"), EventLayer::eventColour(EventType::Loitering));
    add(Symbol::Spoofing, QStringLiteral("Spoofing suspected"), EventLayer::eventColour(EventType::Spoofing));
    add(Symbol::SafetyMessage, QStringLiteral("Safety message heard"),
        EventLayer::eventColour(EventType::SafetyMessage));
    add(Symbol::Encounter, QStringLiteral("Encounter"), EventLayer::eventColour(EventType::Encounter));
    add(Symbol::RoundTrip, QStringLiteral("Round trip"), EventLayer::eventColour(EventType::RoundTrip));
    QStringList kinds;
    for (const TimelineSighting &s : data.sightings) {
        const QString kind = s.kind.isEmpty() ? QStringLiteral("other") : s.kind;
        if (!kinds.contains(kind))
            kinds.push_back(kind);
    }
    for (const QString &kind : kinds)
        items.push_back({Symbol::Sighting, QStringLiteral("Sighting: ") + kind, sightingColour(kind)});
    if (!data.acquisitions.isEmpty())
        items.push_back({Symbol::Acquisition, QStringLiteral("Imagery acquired"), kAcquisitionInk});
    return items;
}

/// An item's cell width, estimated from its text so that the height is known without a painter.
double keyItemWidthPt(const KeyItem &item)
{
    return kKeySymbolPt + kKeyTextGapPt + double(item.text.size()) * kKeyCharEm * kKeyFontPt;
}

/// Each item's top-left offset (points) in the key, flowing into rows `widthPt` wide, with the items'
/// widths from `itemWidthPt` (the estimate when none).
QList<QPointF> keyFlow(const QList<KeyItem> &items, double widthPt, const QList<double> &itemWidthPt)
{
    QList<QPointF> at;
    double x = 0;
    double y = 0;
    for (int i = 0; i < items.size(); ++i) {
        const double w = i < itemWidthPt.size() ? itemWidthPt.at(i) : keyItemWidthPt(items.at(i));
        if (x > 0 && x + w > widthPt) {
            x = 0;
            y += kKeyRowPt;
        }
        at.push_back(QPointF(x, y));
        x += w + kKeyItemGapPt;
    }
    return at;
}

int rowsOf(const QList<QPointF> &flow)
{
    return flow.isEmpty() ? 0 : int(std::lround(flow.back().y() / kKeyRowPt)) + 1;
}

int keyRows(const QList<KeyItem> &items, double widthPt)
{
    return rowsOf(keyFlow(items, widthPt));
}

} // namespace sightline::timelineparts
