#include "render/timelinefigure.h"

#include "layers/eventlayer.h"
#include "layers/sightinglayer.h"
#include "render/timeaxis.h"

#include <QFontMetricsF>
#include <QHash>
#include <QPainter>
#include <QPainterPath>
#include <QRegularExpression>

#include <QSet>

#include <map>

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>
#include <limits>
#include <optional>
#include <set>
#include <tuple>

namespace sightline {

namespace {

// Rows are sized in points so that the brief can ask for the height before it has a painter.
constexpr double kTopPt = 3;
constexpr double kVesselLanePt = 33;
constexpr double kSightingLanePt = 20;
constexpr double kAcquisitionLanePt = 18;
constexpr double kAxisPt = 18;
constexpr double kKeyGapPt = 6;
constexpr double kKeyRowPt = 12;
constexpr double kBottomPt = 2;
constexpr double kRightPadPt = 4;
constexpr double kKeySymbolPt = 14;
constexpr double kKeyTextGapPt = 3.5;
constexpr double kKeyItemGapPt = 12;
constexpr double kKeyFontPt = 7; // the largest the key's text is drawn at
constexpr double kKeyCharEm =
    0.62; // a generous mean advance of DejaVu Sans, so estimated cells hold the text
constexpr double kMarkerRadiusPt = 5;    // sighting markers
constexpr double kDiamondRadiusPt = 4.3; // encounters in the lanes
constexpr double kSpoofHalfWidthPt = 3.2;
constexpr double kHatchStepPt = 4.5;
constexpr double kInferredInsetPt =
    1.6; // a possible call is lower than a seen one: the gap's hatch frames it

const QColor kInk(0x22, 0x2b, 0x33);
const QColor kMuted(0x5f, 0x6b, 0x76);
const QColor kGrid(0xe8, 0xea, 0xed);
const QColor kGridMajor(0xcc, 0xd2, 0xd8);
const QColor kRule(0xd9, 0xdd, 0xe1);
const QColor kAxisInk(0x59, 0x63, 0x6e);
const QColor kHatch(0x8a, 0x8f, 0x94);
const QColor kSilent(0xdc, 0xdf, 0xe3);
const QColor kAcquisitionInk(0x4a, 0x54, 0x5e);
const QColor kNeutralStrip(0x4d, 0x6a, 0x8a);

using Mark = TimelineLayout::Mark;
using Symbol = TimelineLayout::Symbol;
using Fonts = TimelineLayout::Fonts;

QString laneCaption(TimelineLayout::LaneKind kind)
{
    return kind == TimelineLayout::LaneKind::Sightings ? QStringLiteral("Imagery sightings")
                                                       : QStringLiteral("Imagery acquired");
}

/// "Rajin (Rason)" → "Rajin": the fallback when the whole name has no room.
QString shortPortLabel(const QString &name)
{
    const int paren = name.indexOf(QLatin1Char('('));
    return paren > 0 ? name.left(paren).trimmed() : name;
}

double basePoints(const QFont &font, double unit)
{
    if (font.pointSizeF() > 0)
        return font.pointSizeF();
    return font.pixelSize() > 0 && unit > 0 ? font.pixelSize() / unit : 8.0;
}

/// A font in the base font's family, sized in points on a point-sized font and in pixels
/// (1 pt = `unit` px) on a pixel-sized one.
QFont sized(const QFont &base, double points, double unit, bool bold = false)
{
    QFont f = base;
    if (base.pointSizeF() > 0)
        f.setPointSizeF(points);
    else
        f.setPixelSize(std::max(1, int(std::lround(points * unit))));
    f.setBold(bold);
    return f;
}

Fonts makeFonts(const QFont &base, double unit)
{
    const double pt = std::clamp(basePoints(base, unit), 5.0, kTimelineMaxTextPt);
    Fonts f;
    f.name = sized(base, pt, unit, true);
    f.sub = sized(base, pt * 0.85, unit);
    f.tick = sized(base, pt * 0.85, unit);
    f.tickMajor = sized(base, pt * 0.85, unit, true);
    f.port = sized(base, pt * 0.8, unit);
    f.key = sized(base, std::min(pt * 0.85, kKeyFontPt), unit);
    f.marker = sized(base, std::min(pt * 0.72, 6.0), unit, true);
    return f;
}

QFontMetricsF metrics(const QFont &font, const QPaintDevice *device)
{
    return device ? QFontMetricsF(font, device) : QFontMetricsF(font);
}

/// "ANGARA (273145020)" → "ANGARA", "MMSI 273145020".
QPair<QString, QString> splitVesselLabel(const TimelineLane &lane)
{
    static const QRegularExpression withMmsi(QStringLiteral("^(.*\\S)\\s*\\((\\d+)\\)$"));
    const QRegularExpressionMatch m = withMmsi.match(lane.label.trimmed());
    if (m.hasMatch())
        return {m.captured(1), QStringLiteral("MMSI ") + m.captured(2)};
    if (lane.label.trimmed().isEmpty())
        return {QStringLiteral("MMSI %1").arg(lane.mmsi), QString()};
    return {lane.label.trimmed(), QString()};
}

bool hasUnlaneSightings(const TimelineData &data)
{
    QSet<std::uint32_t> vessels;
    for (const TimelineLane &lane : data.lanes)
        vessels.insert(lane.mmsi);
    return std::any_of(data.sightings.begin(), data.sightings.end(),
                       [&](const TimelineSighting &s) { return s.mmsi == 0 || !vessels.contains(s.mmsi); });
}

QColor sightingInk(const QString &kind)
{
    return sightingColour(kind.isEmpty() ? QStringLiteral("other") : kind);
}

// ---------------------------------------------------------------- the key

struct KeyItem
{
    Symbol symbol = Symbol::Gap;
    QString text;
    QColor colour;
};

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
QList<QPointF> keyFlow(const QList<KeyItem> &items, double widthPt, const QList<double> &itemWidthPt = {})
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

// ---------------------------------------------------------------- symbols

QPen pen(const QColor &colour, double width, Qt::PenCapStyle cap = Qt::FlatCap)
{
    return QPen(colour, width, Qt::SolidLine, cap, Qt::MiterJoin);
}

void drawHatchedBar(QPainter &painter, const QRectF &r, double u)
{
    painter.save();
    painter.setPen(Qt::NoPen);
    painter.setBrush(Qt::white);
    painter.drawRect(r);
    painter.setClipRect(r, Qt::IntersectClip);
    painter.setPen(pen(kHatch, 0.75 * u));
    // Diagonal lines a fixed distance apart in points: the same texture on paper and on screen.
    const double step = kHatchStepPt * u;
    const double start = std::floor(r.left() / step) * step - r.height();
    for (double x = start; x < r.right(); x += step)
        painter.drawLine(QPointF(x, r.bottom()), QPointF(x + r.height(), r.top()));
    painter.restore();
    painter.setBrush(Qt::NoBrush);
    painter.setPen(pen(kHatch, 0.6 * u));
    const double half = 0.3 * u;
    painter.drawRect(r.adjusted(half, half, -half, -half));
}

void drawCallBar(QPainter &painter, const QRectF &r, bool inferred, double u)
{
    const QColor ink = EventLayer::eventColour(EventType::PortCall);
    if (!inferred) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(ink);
        painter.drawRect(r);
        return;
    }
    // A possibility, not an observation: an outline over a faint tint, dashed.
    QColor tint = ink;
    tint.setAlpha(40);
    painter.setPen(Qt::NoPen);
    painter.setBrush(Qt::white);
    painter.drawRect(r);
    painter.setBrush(tint);
    painter.drawRect(r);
    QPen dashed = pen(ink, 0.9 * u);
    dashed.setDashPattern({2.5, 1.5});
    painter.setPen(dashed);
    painter.setBrush(Qt::NoBrush);
    const double half = 0.45 * u;
    painter.drawRect(r.adjusted(half, half, -half, -half));
}

/// Loitering is a thin bar through the middle of its row.
QRectF loiteringBar(const QRectF &row, double x0, double x1)
{
    return QRectF(QPointF(x0, row.center().y() - row.height() * 0.2),
                  QPointF(x1, row.center().y() + row.height() * 0.2));
}

void drawLoiteringBar(QPainter &painter, const QRectF &r)
{
    painter.setPen(Qt::NoPen);
    painter.setBrush(EventLayer::eventColour(EventType::Loitering));
    painter.drawRect(r);
}

void drawSpoofMark(QPainter &painter, QPointF tip, double u)
{
    const double w = kSpoofHalfWidthPt * u;
    QPolygonF triangle;
    triangle << tip << QPointF(tip.x() - w, tip.y() - 1.7 * w) << QPointF(tip.x() + w, tip.y() - 1.7 * w);
    painter.setPen(pen(Qt::white, 0.7 * u));
    painter.setBrush(EventLayer::eventColour(EventType::Spoofing));
    painter.drawPolygon(triangle);
}

/// A speech bubble whose tail points down at `tip`: a safety message the vessel sent.
QRectF safetyBubbleBox(QPointF tip, double u)
{
    const double w = 2.2 * kSpoofHalfWidthPt * u, h = 1.5 * kSpoofHalfWidthPt * u, tail = 1.4 * u;
    return QRectF(tip.x() - w * 0.3, tip.y() - tail - h, w, h);
}

void drawSafetyBubble(QPainter &painter, QPointF tip, double u)
{
    const QRectF box = safetyBubbleBox(tip, u);
    QPainterPath bubble;
    bubble.addRoundedRect(box, 1.2 * u, 1.2 * u);
    QPolygonF tail;
    tail << tip << QPointF(box.left() + box.width() * 0.2, box.bottom() - 0.1 * u)
         << QPointF(box.left() + box.width() * 0.5, box.bottom() - 0.1 * u);
    QPainterPath tailPath;
    tailPath.addPolygon(tail);
    tailPath.closeSubpath();
    painter.setPen(pen(Qt::white, 0.6 * u));
    painter.setBrush(EventLayer::eventColour(EventType::SafetyMessage));
    painter.drawPath(bubble.united(tailPath));
}

void drawDiamond(QPainter &painter, QPointF c, double r, const QColor &colour, double u)
{
    QPolygonF diamond;
    diamond << QPointF(c.x(), c.y() - r) << QPointF(c.x() + r, c.y()) << QPointF(c.x(), c.y() + r)
            << QPointF(c.x() - r, c.y());
    painter.setPen(pen(Qt::white, 0.8 * u));
    painter.setBrush(colour);
    painter.drawPolygon(diamond);
}

void drawBracket(QPainter &painter, double x0, double x1, double y, double tick, double u)
{
    QPainterPath path;
    path.moveTo(x0, y - tick);
    path.lineTo(x0, y);
    path.lineTo(x1, y);
    path.lineTo(x1, y - tick);
    painter.setBrush(Qt::NoBrush);
    painter.setPen(pen(EventLayer::eventColour(EventType::RoundTrip), 0.9 * u));
    painter.drawPath(path);
}

double markerWidth(int number, const QFont &font, const QPaintDevice *device, double u)
{
    const double r = kMarkerRadiusPt * u;
    if (number <= 0)
        return 2 * r;
    return std::max(2 * r, metrics(font, device).horizontalAdvance(QString::number(number)) + 3.2 * u);
}

/// A sighting marker's capsule `w` wide centred on `c`.
QRectF markerBox(QPointF c, double w, double u)
{
    const double r = kMarkerRadiusPt * u;
    return QRectF(c.x() - w / 2, c.y() - r, w, 2 * r);
}

/// A numbered capsule with a white rim, the number in white.
void drawSightingMarker(QPainter &painter, const QRectF &box, int number, const QColor &colour,
                        const QFont &font, double u)
{
    const double r = kMarkerRadiusPt * u;
    painter.setPen(pen(Qt::white, 0.9 * u));
    painter.setBrush(colour);
    painter.drawRoundedRect(box, r, r);
    if (number > 0) {
        painter.setFont(font);
        painter.setPen(Qt::white);
        painter.drawText(box, Qt::AlignCenter, QString::number(number));
    }
}

void drawAcquisitionTick(QPainter &painter, double x, double top, double bottom, double u)
{
    painter.setPen(pen(kAcquisitionInk, 0.9 * u));
    painter.drawLine(QPointF(x, top + 2.5 * u), QPointF(x, bottom));
    const double w = 2.6 * u;
    QPolygonF triangle;
    triangle << QPointF(x, top + 3.5 * u) << QPointF(x - w, top) << QPointF(x + w, top);
    painter.setPen(Qt::NoPen);
    painter.setBrush(kAcquisitionInk);
    painter.drawPolygon(triangle);
}

void drawDensitySwatch(QPainter &painter, const QRectF &r, const QColor &colour)
{
    // Three densities side by side and a silent stretch, as the lanes' strips read.
    const double w = r.width() / 4;
    const std::array<int, 3> alphas = {255, 150, 80};
    painter.setPen(Qt::NoPen);
    for (int i = 0; i < 3; ++i) {
        QColor c = colour;
        c.setAlpha(alphas.at(std::size_t(i)));
        painter.setBrush(c);
        painter.drawRect(QRectF(r.left() + i * w, r.top(), w, r.height()));
    }
    painter.setBrush(kSilent);
    painter.drawRect(QRectF(r.left() + 3 * w, r.center().y() - r.height() * 0.15, w, r.height() * 0.3));
}

void drawKeySymbol(QPainter &painter, const TimelineLayout::KeyEntry &item, const Fonts &fonts, double u)
{
    const QRectF &cell = item.cell;
    const QRectF bar(cell.left(), cell.center().y() - 3.5 * u, kKeySymbolPt * u, 7 * u);
    switch (item.symbol) {
    case Symbol::Reporting:
        drawDensitySwatch(painter, QRectF(bar.left(), bar.center().y() - 1.25 * u, bar.width(), 2.5 * u),
                          item.colour);
        break;
    case Symbol::Gap:
        drawHatchedBar(painter, bar, u);
        break;
    case Symbol::PortCall:
        drawCallBar(painter, bar, false, u);
        break;
    case Symbol::PossibleCall:
        drawCallBar(painter, bar.adjusted(0, kInferredInsetPt * u, 0, -kInferredInsetPt * u), true, u);
        break;
    case Symbol::Loitering:
        drawLoiteringBar(painter, loiteringBar(bar, bar.left(), bar.right()));
        break;
    case Symbol::Spoofing:
        drawSpoofMark(painter, QPointF(bar.center().x(), bar.bottom()), u);
        break;
    case Symbol::SafetyMessage:
        drawSafetyBubble(painter, QPointF(bar.center().x() - 2 * u, bar.bottom()), u);
        break;
    case Symbol::Encounter:
        drawDiamond(painter, bar.center(), 4 * u, item.colour, u);
        break;
    case Symbol::RoundTrip:
        drawBracket(painter, bar.left() + u, bar.right() - u, bar.center().y() + 1.5 * u, 2.5 * u, u);
        break;
    case Symbol::Sighting:
        drawSightingMarker(painter,
                           markerBox(bar.center(), markerWidth(1, fonts.marker, painter.device(), u), u), 1,
                           item.colour, fonts.marker, u);
        break;
    case Symbol::Acquisition:
        drawAcquisitionTick(painter, bar.center().x(), bar.top() - 0.5 * u, bar.bottom() + 0.5 * u, u);
        break;
    }
}

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
                                 double maxRight, double &lastRight, double gap, double slide = 0)
{
    double left = std::clamp(centre - width / 2, minLeft, std::max(minLeft, maxRight - width));
    if (left < lastRight + gap && lastRight + gap <= left + slide)
        left = lastRight + gap;
    if (left < lastRight + gap || left + width > maxRight + 0.01)
        return std::nullopt;
    lastRight = left + width;
    return QRectF(left, top, width, height);
}

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

} // namespace

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
