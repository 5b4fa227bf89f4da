#include "render/timelineparts.h"

#include "layers/eventlayer.h"
#include "layers/sightinglayer.h"

#include <QPainterPath>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace sightline::timelineparts {

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
QFont sized(const QFont &base, double points, double unit, bool bold)
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

// ---------------------------------------------------------------- symbols

QPen pen(const QColor &colour, double width, Qt::PenCapStyle cap)
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

} // namespace sightline::timelineparts
