#include "render/legend.h"

#include "layers/eventlayer.h"
#include "layers/sightinglayer.h"
#include "layers/tracklayer.h"
#include "layers/vectorlayer.h"

#include <QDateTime>
#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>
#include <set>

namespace sightline {

namespace {

const QColor kInk(0x22, 0x2b, 0x33);
constexpr int kMaxVesselEntries = 8;

// ---------------------------------------------------------------------------------------------
// Entries from layers

LegendEntry::Marker markerFor(VectorSymbol::Shape shape)
{
    switch (shape) {
    case VectorSymbol::Shape::Circle:
        return LegendEntry::Marker::Circle;
    case VectorSymbol::Shape::Square:
        return LegendEntry::Marker::Square;
    case VectorSymbol::Shape::Triangle:
        return LegendEntry::Marker::Triangle;
    case VectorSymbol::Shape::Anchor:
        return LegendEntry::Marker::Anchor;
    }
    return LegendEntry::Marker::Circle;
}

/// Which geometry a set of features is: areas over lines over points when mixed.
struct KindSet
{
    bool point = false, line = false, polygon = false;
    void add(VectorFeature::Kind k)
    {
        point |= k == VectorFeature::Kind::Point;
        line |= k == VectorFeature::Kind::Line;
        polygon |= k == VectorFeature::Kind::Polygon;
    }
    bool any() const { return point || line || polygon; }
};

LegendEntry symbolEntry(const VectorSymbol &s, const KindSet &kinds, const QString &label)
{
    LegendEntry e;
    e.label = label;
    e.stroke = s.stroke;
    e.fill = s.fill;
    e.penStyle = s.penStyle;
    e.railway = s.railway;
    if (kinds.polygon) {
        e.swatch = LegendEntry::Swatch::Area;
    } else if (kinds.line) {
        e.swatch = LegendEntry::Swatch::Line;
    } else {
        e.swatch = LegendEntry::Swatch::Point;
        e.marker = markerFor(s.shape);
    }
    return e;
}

QList<LegendEntry> vectorEntries(const VectorLayer &layer)
{
    const VectorData &data = layer.data();
    const VectorStyle &style = layer.style();
    // The categories the features use, as the renderer looks them up; the rest take the plain symbol.
    std::vector<KindSet> categoryKinds(std::size_t(style.categories.size()));
    KindSet unclaimed;
    if (!style.categoryField.isEmpty() && !style.categories.isEmpty()) {
        for (const VectorFeature &f : data.features()) {
            const QString value = data.value(f, style.categoryField);
            qsizetype index = -1;
            for (qsizetype c = 0; c < style.categories.size(); ++c)
                if (style.categories[c].value == value) {
                    index = c;
                    break;
                }
            if (index >= 0)
                categoryKinds[std::size_t(index)].add(f.kind);
            else
                unclaimed.add(f.kind);
        }
    } else {
        for (VectorFeature::Kind k :
             {VectorFeature::Kind::Point, VectorFeature::Kind::Line, VectorFeature::Kind::Polygon})
            if (data.hasKind(k))
                unclaimed.add(k);
    }

    QList<LegendEntry> entries;
    for (qsizetype c = 0; c < style.categories.size(); ++c) {
        const VectorCategory &category = style.categories[c];
        if (!categoryKinds[std::size_t(c)].any() || !category.symbol.visible)
            continue;
        entries << symbolEntry(category.symbol, categoryKinds[std::size_t(c)],
                               category.label.isEmpty() ? category.value : category.label);
    }
    if (unclaimed.any() && style.symbol.visible) {
        // Alone, the plain symbol stands for the layer; after categories it is "the rest".
        const QString label = entries.isEmpty() ? layer.name() : QStringLiteral("Other");
        entries << symbolEntry(style.symbol, unclaimed, label);
    }
    return entries;
}

QString trackName(const TrackLayer &layer, std::uint32_t mmsi)
{
    // As the track renderer labels the track on the map.
    const VesselInfo *info = layer.registry().find(mmsi);
    return info && !info->names.isEmpty() ? info->currentName() : QStringLiteral("MMSI %1").arg(mmsi);
}

/// The ends of the track renderer's speed and time ramp (blue → red through cyan and yellow).
QColor rampEnd(double t)
{
    return QColor::fromHsvF(float(0.66 * (1.0 - t)), 0.85f, 0.92f);
}

QString utcDay(std::int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("d MMM yyyy"));
}

QList<LegendEntry> trackEntries(const TrackLayer &layer)
{
    const TrackStore &store = layer.store();
    std::vector<std::uint32_t> vessels;
    for (const VesselTrack &t : store.tracks())
        if (!t.empty())
            vessels.push_back(t.mmsi());
    LegendEntry e;
    e.swatch = LegendEntry::Swatch::Track;
    switch (layer.style().colourBy) {
    case TrackLayer::ColourBy::Vessel:
        if (vessels.empty())
            return {};
        if (vessels.size() <= std::size_t(kMaxVesselEntries)) {
            QList<LegendEntry> entries;
            for (std::uint32_t mmsi : vessels) {
                e.label = trackName(layer, mmsi);
                e.stroke = TrackLayer::vesselColour(mmsi);
                entries << e;
            }
            return entries;
        }
        e.label = QStringLiteral("%1 vessels, a colour each").arg(vessels.size());
        e.stroke = QColor(0x4a, 0x55, 0x60);
        return {e};
    case TrackLayer::ColourBy::Speed:
        e.label = QStringLiteral("Speed, 0 → 20+ kn");
        e.stroke = rampEnd(0);
        e.fill = rampEnd(1);
        return {e};
    case TrackLayer::ColourBy::Time: {
        const QString from = utcDay(store.firstTimeMs()), to = utcDay(store.lastTimeMs());
        e.label =
            from == to ? QStringLiteral("Time, %1").arg(from) : QStringLiteral("Time, %1 → %2").arg(from, to);
        e.stroke = rampEnd(0);
        e.fill = rampEnd(1);
        return {e};
    }
    }
    return {};
}

QList<LegendEntry> sightingEntries(const SightingLayer &layer)
{
    // In the order the form lists the kinds; unknown kinds after them, as first met.
    QStringList kinds;
    for (const Sighting &s : layer.sightings())
        if (!kinds.contains(s.kind))
            kinds << s.kind;
    const QStringList known = sightingKinds();
    std::stable_sort(kinds.begin(), kinds.end(), [&](const QString &a, const QString &b) {
        const auto rank = [&](const QString &k) {
            const qsizetype i = known.indexOf(k);
            return i < 0 ? known.size() : i;
        };
        return rank(a) < rank(b);
    });
    QList<LegendEntry> entries;
    for (const QString &kind : kinds) {
        LegendEntry e;
        e.swatch = LegendEntry::Swatch::Point;
        e.marker = LegendEntry::Marker::Diamond;
        e.label = sightingKindLabel(kind);
        e.stroke = sightingColour(kind);
        e.fill = e.stroke;
        e.fill.setAlpha(110);
        entries << e;
    }
    return entries;
}

LegendEntry::Marker eventMarker(EventType type)
{
    switch (type) {
    case EventType::Gap:
        return LegendEntry::Marker::Ring;
    case EventType::PortCall:
        return LegendEntry::Marker::Circle;
    case EventType::Voyage:
        return LegendEntry::Marker::Arrow;
    case EventType::RoundTrip:
        return LegendEntry::Marker::DoubleArrow;
    case EventType::Encounter:
        return LegendEntry::Marker::Pair;
    case EventType::Loitering:
        return LegendEntry::Marker::DottedRing;
    case EventType::Spoofing:
        return LegendEntry::Marker::Warning;
    case EventType::Stop:
        return LegendEntry::Marker::Octagon;
    case EventType::SafetyMessage:
        return LegendEntry::Marker::Square;
    case EventType::VesselDetection:
        return LegendEntry::Marker::Circle;
    }
    return LegendEntry::Marker::Circle;
}

QList<LegendEntry> eventEntries(const EventLayer &layer)
{
    std::set<EventType> present;
    for (const MovementEvent &e : layer.events())
        if (layer.isShown(e.id))
            present.insert(e.type);
    QList<LegendEntry> entries;
    for (EventType type : allEventTypes()) {
        if (!present.contains(type))
            continue;
        LegendEntry e;
        e.swatch = LegendEntry::Swatch::Event;
        e.marker = eventMarker(type);
        e.dashed = type == EventType::Gap;
        e.label = eventTypeLabel(type);
        e.stroke = EventLayer::eventColour(type);
        e.fill = e.stroke;
        entries << e;
    }
    return entries;
}

// ---------------------------------------------------------------------------------------------
// Swatches

QPen swatchPen(const QColor &colour, double width, Qt::PenStyle style = Qt::SolidLine)
{
    return QPen(colour, width, style, Qt::FlatCap, Qt::RoundJoin);
}

void paintMarker(QPainter &painter, QPointF c, double r, const LegendEntry &e, double unit)
{
    painter.setPen(QPen(e.stroke, 0.9 * unit, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.setBrush(e.fill.isValid() ? QBrush(e.fill) : QBrush(Qt::NoBrush));
    switch (e.marker) {
    case LegendEntry::Marker::Square:
        painter.drawRect(QRectF(c - QPointF(r * 0.85, r * 0.85), QSizeF(1.7 * r, 1.7 * r)));
        break;
    case LegendEntry::Marker::Triangle:
        painter.drawPolygon(
            QPolygonF({c + QPointF(0, -r), c + QPointF(r, r * 0.8), c + QPointF(-r, r * 0.8)}));
        break;
    case LegendEntry::Marker::Diamond:
        painter.setPen(QPen(e.stroke, 1.2 * unit, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.drawPolygon(
            QPolygonF({c + QPointF(0, -r), c + QPointF(r, 0), c + QPointF(0, r), c + QPointF(-r, 0)}));
        break;
    case LegendEntry::Marker::Anchor: {
        // As the vector renderer draws a harbour: a ring with a shank, a stock and arms.
        painter.drawEllipse(c, r, r);
        const double a = r * 0.55;
        painter.drawLine(c + QPointF(0, -a), c + QPointF(0, a));
        painter.drawLine(c + QPointF(-a * 0.7, -a * 0.35), c + QPointF(a * 0.7, -a * 0.35));
        painter.setBrush(Qt::NoBrush);
        painter.drawArc(QRectF(c - QPointF(a, a * 0.2), QSizeF(2 * a, 1.2 * a)), 180 * 16, 180 * 16);
        break;
    }
    default:
        painter.drawEllipse(c, r, r);
        break;
    }
}

/// A filled dot with a white rim, as the event layer marks places.
void eventDot(QPainter &painter, QPointF c, double r, const QColor &ink, double unit)
{
    painter.setPen(QPen(Qt::white, 0.7 * unit));
    painter.setBrush(ink);
    painter.drawEllipse(c, r, r);
}

void arrowHead(QPainter &painter, QPointF tip, QPointF from, double length, const QColor &ink)
{
    const QPointF d = tip - from;
    const double len = std::hypot(d.x(), d.y());
    const QPointF u = len > 0 ? d / len : QPointF(1, 0);
    const QPointF n(-u.y(), u.x());
    const QPointF base = tip - u * length;
    painter.setPen(Qt::NoPen);
    painter.setBrush(ink);
    painter.drawPolygon(QPolygonF({tip, base + n * length * 0.42, base - n * length * 0.42}));
}

void paintEventSign(QPainter &painter, const QRectF &r, const LegendEntry &e, double unit)
{
    const QColor ink = e.stroke;
    const QPointF c = r.center();
    const double h = r.height();
    painter.setBrush(Qt::NoBrush);
    switch (e.marker) {
    case LegendEntry::Marker::Ring: {
        // Two hollow fixes and the dashed guess between them.
        const double ring = h * 0.22;
        const QPointF a(r.left() + ring + 0.5 * unit, c.y()), b(r.right() - ring - 0.5 * unit, c.y());
        QPen dash(ink, 1.2 * unit, Qt::CustomDashLine, Qt::FlatCap);
        dash.setDashPattern({3, 2});
        painter.setPen(e.dashed ? dash : swatchPen(ink, 1.2 * unit));
        painter.drawLine(a + QPointF(ring, 0), b - QPointF(ring, 0));
        painter.setPen(swatchPen(ink, 1.0 * unit));
        painter.drawEllipse(a, ring, ring);
        painter.drawEllipse(b, ring, ring);
        break;
    }
    case LegendEntry::Marker::DottedRing: {
        const double ring = h * 0.42;
        QPen dots(ink, 1.1 * unit, Qt::CustomDashLine, Qt::RoundCap);
        dots.setDashPattern({0.01, 2.0});
        painter.setPen(dots);
        painter.drawEllipse(c, ring, ring);
        eventDot(painter, c, h * 0.16, ink, unit);
        break;
    }
    case LegendEntry::Marker::Arrow:
    case LegendEntry::Marker::DoubleArrow: {
        const QPointF a(r.left() + 0.5 * unit, r.bottom() - h * 0.25),
            b(r.right() - 0.5 * unit, r.bottom() - h * 0.25);
        const QPointF control(c.x(), r.top() - h * 0.1);
        QPainterPath path(a);
        path.quadTo(control, b);
        painter.setPen(swatchPen(ink, 1.0 * unit));
        painter.drawPath(path);
        const double head = h * 0.55;
        arrowHead(painter, b, path.pointAtPercent(0.8), head, ink);
        if (e.marker == LegendEntry::Marker::DoubleArrow)
            arrowHead(painter, a, path.pointAtPercent(0.2), head, ink);
        break;
    }
    case LegendEntry::Marker::Pair: {
        painter.setPen(swatchPen(ink, 0.9 * unit));
        painter.drawEllipse(c, h * 0.45, h * 0.45);
        const QPointF a = c - QPointF(h * 0.2, -h * 0.08), b = c + QPointF(h * 0.2, -h * 0.08);
        painter.drawLine(a, b);
        eventDot(painter, a, h * 0.13, ink, unit);
        eventDot(painter, b, h * 0.13, ink, unit);
        break;
    }
    case LegendEntry::Marker::Warning: {
        // A zigzag jump ending in a warning triangle.
        const double tri = h * 0.95;
        const QPointF apex(r.right() - tri / 2, r.top() + h * 0.02);
        const double triH = tri * std::sqrt(3.0) / 2;
        const QPointF bl(apex.x() - tri / 2, apex.y() + triH), br(apex.x() + tri / 2, apex.y() + triH);
        QPolygonF zig;
        const double x0 = r.left() + 0.5 * unit, x1 = bl.x() - 0.5 * unit;
        for (int i = 0; i <= 4; ++i)
            zig << QPointF(x0 + (x1 - x0) * i / 4, c.y() + ((i % 2) ? -1 : 1) * h * 0.2);
        painter.setPen(swatchPen(ink, 0.9 * unit));
        painter.drawPolyline(zig);
        painter.setPen(QPen(Qt::white, 0.5 * unit, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.setBrush(ink);
        painter.drawPolygon(QPolygonF({apex, br, bl}));
        painter.setPen(QPen(Qt::white, std::max(0.1 * tri, 0.5 * unit), Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(QPointF(apex.x(), apex.y() + triH * 0.35),
                         QPointF(apex.x(), apex.y() + triH * 0.65));
        painter.drawPoint(QPointF(apex.x(), apex.y() + triH * 0.83));
        break;
    }
    case LegendEntry::Marker::Octagon: {
        QPolygonF octagon;
        for (int i = 0; i < 8; ++i) {
            const double angle = (22.5 + 45.0 * i) * M_PI / 180.0;
            octagon << c + QPointF(h * 0.42 * std::cos(angle), h * 0.42 * std::sin(angle));
        }
        painter.setPen(QPen(Qt::white, 0.5 * unit, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.setBrush(ink);
        painter.drawPolygon(octagon);
        painter.setPen(QPen(Qt::white, 0.8 * unit, Qt::SolidLine, Qt::FlatCap));
        painter.drawLine(c - QPointF(h * 0.22, 0), c + QPointF(h * 0.22, 0));
        break;
    }
    default:
        eventDot(painter, c, h * 0.36, ink, unit);
        break;
    }
}

void paintSwatch(QPainter &painter, const QRectF &r, const LegendEntry &e, double unit)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QPointF c = r.center();
    switch (e.swatch) {
    case LegendEntry::Swatch::Line: {
        Qt::PenStyle style = e.penStyle;
        if (e.dashed && style == Qt::SolidLine)
            style = Qt::DashLine;
        painter.setPen(swatchPen(e.stroke, 1.3 * unit, style));
        painter.drawLine(QPointF(r.left(), c.y()), QPointF(r.right(), c.y()));
        if (e.railway) {
            painter.setPen(swatchPen(e.stroke, 1.0 * unit));
            for (double x = r.left() + r.width() / 6; x < r.right(); x += r.width() / 3)
                painter.drawLine(QPointF(x, c.y() - r.height() * 0.32),
                                 QPointF(x, c.y() + r.height() * 0.32));
        }
        break;
    }
    case LegendEntry::Swatch::Area: {
        const double w = 0.9 * unit;
        painter.setPen(e.stroke.isValid() ? QPen(e.stroke, w, e.penStyle, Qt::SquareCap, Qt::MiterJoin)
                                          : QPen(Qt::NoPen));
        painter.setBrush(e.fill.isValid() ? QBrush(e.fill) : QBrush(Qt::NoBrush));
        painter.drawRect(r.adjusted(w / 2, w / 2, -w / 2, -w / 2));
        break;
    }
    case LegendEntry::Swatch::Point:
        paintMarker(painter, c, r.height() * 0.45, e, unit);
        break;
    case LegendEntry::Swatch::Raster: {
        // A tile of imagery: land and water in soft tones, a coast between them.
        QLinearGradient land(r.topLeft(), r.bottomRight());
        land.setColorAt(0, QColor(0xb7, 0xc4, 0x9a));
        land.setColorAt(0.55, QColor(0x8f, 0x9e, 0x74));
        land.setColorAt(1, QColor(0x6d, 0x7a, 0x5a));
        painter.setPen(Qt::NoPen);
        painter.setBrush(land);
        painter.drawRect(r);
        QPainterPath water(r.bottomLeft());
        water.lineTo(r.left(), r.top() + r.height() * 0.55);
        water.cubicTo(QPointF(r.left() + r.width() * 0.35, r.top() + r.height() * 0.35),
                      QPointF(r.left() + r.width() * 0.55, r.top() + r.height() * 0.95),
                      QPointF(r.right(), r.top() + r.height() * 0.6));
        water.lineTo(r.bottomRight());
        water.closeSubpath();
        painter.setBrush(QColor(0x6f, 0x93, 0xb0));
        painter.drawPath(water);
        painter.setPen(QPen(QColor(0x55, 0x55, 0x55), 0.5 * unit));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(r);
        break;
    }
    case LegendEntry::Swatch::Track: {
        const QPolygonF line({QPointF(r.left() + 1.0 * unit, r.bottom() - r.height() * 0.25),
                              QPointF(r.left() + r.width() * 0.38, r.top() + r.height() * 0.3),
                              QPointF(r.left() + r.width() * 0.66, r.bottom() - r.height() * 0.35),
                              QPointF(r.right() - 1.0 * unit, r.top() + r.height() * 0.2)});
        const bool ramp = e.fill.isValid();
        auto colourAt = [&](double t) {
            if (!ramp)
                return e.stroke;
            // Through the hues between the ends, as the renderer's ramp goes.
            float h0, s0, v0, h1, s1, v1;
            e.stroke.getHsvF(&h0, &s0, &v0);
            e.fill.getHsvF(&h1, &s1, &v1);
            return QColor::fromHsvF(std::max(0.f, h0 + float(t) * (h1 - h0)), s0 + float(t) * (s1 - s0),
                                    v0 + float(t) * (v1 - v0));
        };
        constexpr int kPieces = 12;
        for (int i = 0; i < line.size() - 1; ++i)
            for (int k = 0; k < kPieces; ++k) {
                const double t0 = double(k) / kPieces, t1 = double(k + 1) / kPieces;
                const double along = (i + (t0 + t1) / 2) / (line.size() - 1);
                painter.setPen(QPen(colourAt(along), 1.3 * unit, Qt::SolidLine,
                                    k == 0 || k == kPieces - 1 ? Qt::RoundCap : Qt::FlatCap));
                painter.drawLine(line[i] + (line[i + 1] - line[i]) * t0,
                                 line[i] + (line[i + 1] - line[i]) * t1);
            }
        for (int i = 0; i < line.size(); ++i) {
            painter.setPen(QPen(Qt::white, 0.5 * unit));
            painter.setBrush(colourAt(double(i) / (line.size() - 1)));
            painter.drawEllipse(line[i], 1.4 * unit, 1.4 * unit);
        }
        break;
    }
    case LegendEntry::Swatch::Event:
        paintEventSign(painter, r, e, unit);
        break;
    }
    painter.restore();
}

// ---------------------------------------------------------------------------------------------
// Layout, shared by legendSize and paintLegend so that the box the one asks for is the box
// the other fills.

QFont scaledBold(const QFont &font, double factor)
{
    QFont bold = font;
    bold.setBold(true);
    if (font.pixelSize() > 0)
        bold.setPixelSize(std::max(1, int(std::lround(font.pixelSize() * factor))));
    else if (font.pointSizeF() > 0)
        bold.setPointSizeF(font.pointSizeF() * factor);
    return bold;
}

/// Metrics of `font` where one point is `unit` painter units, whatever the device: a point-sized
/// font measured at 72·unit dpi; a pixel-sized one in its pixels.
QFontMetricsF metricsAt(const QFont &font, double unit)
{
    static thread_local QImage probe;
    const int dpm = int(std::lround(72.0 * unit / 0.0254));
    if (probe.isNull() || probe.dotsPerMeterX() != dpm) {
        probe = QImage(1, 1, QImage::Format_ARGB32_Premultiplied);
        probe.setDotsPerMeterX(dpm);
        probe.setDotsPerMeterY(dpm);
    }
    return QFontMetricsF(font, &probe);
}

struct LegendItem
{
    enum class Kind
    {
        Heading,
        Title,
        Entry
    };
    Kind kind;
    QRectF rect; // text rect; for entries, the whole row cell
    QString text;
    const LegendEntry *entry = nullptr;
};

struct LegendLayout
{
    QSizeF size;
    std::vector<LegendItem> items;
};

struct Block
{
    QString title; // empty: entries without a heading (one-line layers)
    std::vector<std::pair<const LegendEntry *, QString>> entries;
};

LegendLayout layoutLegend(const QList<LegendGroup> &groups, const QFont &font, double width, double unit)
{
    const QFontMetricsF fm = metricsAt(font, unit);
    const QFont titleFont = scaledBold(font, 1.0);
    const QFontMetricsF titleFm = metricsAt(titleFont, unit);
    const QFontMetricsF headingFm = metricsAt(scaledBold(font, 1.15), unit);
    const double pad = 4 * unit, swatchW = 14 * unit, swatchH = 8 * unit, swatchGap = 4 * unit;
    const double columnGap = 8 * unit, blockGap = 3 * unit;
    const double rowH = std::max(fm.height(), swatchH) + 2.5 * unit;

    // One-line layers run together in one block; a layer of several entries gets its title.
    std::vector<Block> blocks;
    for (const LegendGroup &g : groups) {
        if (g.entries.isEmpty())
            continue;
        const bool oneLine = g.entries.size() == 1 &&
                             (g.entries.front().label.isEmpty() || g.entries.front().label == g.title);
        if (oneLine) {
            if (blocks.empty() || !blocks.back().title.isEmpty())
                blocks.push_back(Block{});
            blocks.back().entries.emplace_back(&g.entries.front(), g.title);
            continue;
        }
        Block b;
        b.title = g.title.isEmpty() ? QStringLiteral(" ") : g.title;
        for (const LegendEntry &e : g.entries)
            b.entries.emplace_back(&e, e.label);
        blocks.push_back(std::move(b));
    }

    // Titles and entries flow down newspaper columns of equal width, balanced in height, so a
    // legend of many layers stays short under a figure; long names are elided to the column.
    struct Piece
    {
        LegendItem::Kind kind;
        QString text;
        const LegendEntry *entry = nullptr;
        double height = 0;
        double gapBefore = 0;
    };
    std::vector<Piece> pieces;
    double widest = headingFm.horizontalAdvance(QStringLiteral("Legend"));
    for (const Block &b : blocks) {
        double gap = pieces.empty() ? 0 : blockGap;
        if (!b.title.isEmpty()) {
            pieces.push_back({LegendItem::Kind::Title, b.title, nullptr, titleFm.height() + 0.5 * unit, gap});
            widest = std::max(widest, titleFm.horizontalAdvance(b.title));
            gap = 0;
        }
        for (const auto &[entry, text] : b.entries) {
            pieces.push_back({LegendItem::Kind::Entry, text, entry, rowH, gap});
            widest = std::max(widest, swatchW + swatchGap + fm.horizontalAdvance(text));
            gap = 0;
        }
    }
    const double inner = std::max(width - 2 * pad, swatchW + swatchGap);
    const double minColumn = 125 * unit;
    int columns = std::clamp(int(std::floor((inner + columnGap) / (minColumn + columnGap))), 1, 4);
    columns = std::min(columns, std::max(1, int(pieces.size())));
    if (widest * 1.0 <= (inner - (columns - 1) * columnGap) / columns && columns > 1) {
        // Everything fits narrower columns: do not spread a short legend over the whole width.
        const double total = std::accumulate(pieces.begin(), pieces.end(), 0.0, [](double s, const Piece &p) {
            return s + p.height + p.gapBefore;
        });
        columns = std::min(columns, std::max(1, int(std::ceil(total / (rowH * 6)))));
    }
    const double columnW =
        columns == 1 ? std::min(widest, inner) : (inner - (columns - 1) * columnGap) / columns;
    double total = 0;
    for (const Piece &p : pieces)
        total += p.height + p.gapBefore;
    const double target = total / columns;

    LegendLayout layout;
    const double natural = columns == 1 ? columnW : inner;
    double y = pad;
    layout.items.push_back(
        {LegendItem::Kind::Heading, QRectF(pad, y, natural, headingFm.height()), QStringLiteral("Legend")});
    y += headingFm.height() + 2 * unit;
    const double top = y;
    int column = 0;
    double cy = top, tallest = 0;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        const Piece &p = pieces[i];
        // A title never ends a column: it moves over with its first entry.
        const double need =
            p.height +
            (p.kind == LegendItem::Kind::Title && i + 1 < pieces.size() ? pieces[i + 1].height : 0);
        if (cy > top && column + 1 < columns && cy - top + p.gapBefore + need > target + rowH * 0.5) {
            tallest = std::max(tallest, cy - top);
            ++column;
            cy = top;
        }
        if (cy > top)
            cy += p.gapBefore;
        const double x = pad + column * (columnW + columnGap);
        if (p.kind == LegendItem::Kind::Title)
            layout.items.push_back({LegendItem::Kind::Title, QRectF(x, cy, columnW, titleFm.height()),
                                    titleFm.elidedText(p.text, Qt::ElideRight, columnW)});
        else
            layout.items.push_back({LegendItem::Kind::Entry, QRectF(x, cy, columnW, rowH),
                                    fm.elidedText(p.text, Qt::ElideRight, columnW - swatchW - swatchGap),
                                    p.entry});
        cy += p.height;
    }
    tallest = std::max(tallest, cy - top);
    y = top + tallest + pad;
    layout.size = QSizeF(natural + 2 * pad, y);
    return layout;
}

} // namespace

LegendGroup legendGroup(const Layer &layer)
{
    LegendGroup group;
    group.title = layer.name();
    switch (layer.kind()) {
    case Layer::Kind::Vector:
        if (const auto *vector = dynamic_cast<const VectorLayer *>(&layer))
            group.entries = vectorEntries(*vector);
        break;
    case Layer::Kind::Track:
        if (const auto *tracks = dynamic_cast<const TrackLayer *>(&layer))
            group.entries = trackEntries(*tracks);
        break;
    case Layer::Kind::Sighting:
        if (const auto *sightings = dynamic_cast<const SightingLayer *>(&layer))
            group.entries = sightingEntries(*sightings);
        break;
    case Layer::Kind::Event:
        if (const auto *events = dynamic_cast<const EventLayer *>(&layer))
            group.entries = eventEntries(*events);
        break;
    case Layer::Kind::Raster: {
        LegendEntry e;
        e.swatch = LegendEntry::Swatch::Raster;
        e.label = layer.name();
        group.entries << e;
        break;
    }
    }
    return group;
}

QSizeF legendSize(const QList<LegendGroup> &groups, const QFont &font, double width, double unit)
{
    return layoutLegend(groups, font, width, unit).size;
}

void paintLegend(QPainter &painter, const QRectF &box, const QList<LegendGroup> &groups, const QFont &font,
                 double unit)
{
    if (box.isEmpty())
        return;
    const LegendLayout layout = layoutLegend(groups, font, box.width(), unit);
    const double frameW = 0.5 * unit;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setClipRect(box, Qt::IntersectClip);
    painter.setPen(QPen(kInk, frameW, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin));
    painter.setBrush(QColor(255, 255, 255, 240));
    painter.drawRect(box.adjusted(frameW / 2, frameW / 2, -frameW / 2, -frameW / 2));
    painter.translate(box.topLeft());

    const QFont titleFont = scaledBold(font, 1.0);
    const QFont headingFont = scaledBold(font, 1.15);
    const double swatchW = 14 * unit, swatchH = 8 * unit, swatchGap = 4 * unit;
    for (const LegendItem &item : layout.items) {
        switch (item.kind) {
        case LegendItem::Kind::Heading:
            painter.setFont(headingFont);
            painter.setPen(kInk);
            painter.drawText(item.rect, Qt::AlignLeft | Qt::AlignVCenter, item.text);
            break;
        case LegendItem::Kind::Title:
            painter.setFont(titleFont);
            painter.setPen(kInk);
            painter.drawText(item.rect, Qt::AlignLeft | Qt::AlignVCenter, item.text);
            break;
        case LegendItem::Kind::Entry: {
            const QRectF swatch(item.rect.left(), item.rect.center().y() - swatchH / 2, swatchW, swatchH);
            paintSwatch(painter, swatch, *item.entry, unit);
            painter.setFont(font);
            painter.setPen(kInk);
            painter.drawText(QRectF(swatch.right() + swatchGap, item.rect.top(),
                                    item.rect.right() - swatch.right() - swatchGap, item.rect.height()),
                             Qt::AlignLeft | Qt::AlignVCenter, item.text);
            break;
        }
        }
    }
    painter.restore();
}

} // namespace sightline
