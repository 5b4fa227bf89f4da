#include "map/annotationpainter.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QPainterPathStroker>

#include <cmath>

namespace sightline {

namespace {

const QColor kHalo(255, 255, 255, 235);
const QColor kSelection(0xff, 0xc1, 0x07);

QFont annotationFont(const Annotation &a, double scale)
{
    QFont font;
    font.setPixelSize(std::max(1, int(std::lround(a.fontPx * scale))));
    font.setBold(true);
    return font;
}

// The text's box: centred on the anchor for a label, around the label point for a callout.
QRectF textBox(const Annotation &a, QPointF at, double scale)
{
    const QFontMetricsF metrics(annotationFont(a, scale));
    const QRectF text = metrics.boundingRect(QRectF(0, 0, 360 * scale, 1e6), Qt::TextWordWrap, a.text);
    const double pad = a.type == Annotation::Type::Callout ? 6 * scale : 0;
    QRectF box(QPointF(0, 0), text.size() + QSizeF(2 * pad, 2 * pad));
    box.moveCenter(at);
    return box;
}

QRectF cornersBox(const std::vector<QPointF> &px)
{
    return QRectF(px[0], px[1]).normalized();
}

QPainterPath areaPath(const Annotation &a, const std::vector<QPointF> &px)
{
    QPainterPath path;
    if (a.type == Annotation::Type::Rectangle)
        path.addRect(cornersBox(px));
    else if (a.type == Annotation::Type::Ellipse)
        path.addEllipse(cornersBox(px));
    else
        path.addPolygon(QPolygonF(QList<QPointF>(px.begin(), px.end())));
    path.closeSubpath();
    return path;
}

void drawHaloText(QPainter &p, const QRectF &box, const QString &text, const QFont &font,
                  const QColor &colour, double scale)
{
    QPainterPath path;
    const QFontMetricsF metrics(font);
    // Word-wrapped lines, each centred, drawn as a path so a white halo can go under it.
    const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QStringList lines;
    QString line;
    for (const QString &w : words) {
        const QString candidate = line.isEmpty() ? w : line + QLatin1Char(' ') + w;
        if (!line.isEmpty() && metrics.horizontalAdvance(candidate) > box.width() + 1) {
            lines << line;
            line = w;
        } else {
            line = candidate;
        }
    }
    if (!line.isEmpty())
        lines << line;
    double y = box.center().y() - metrics.height() * lines.size() / 2 + metrics.ascent();
    for (const QString &l : std::as_const(lines)) {
        path.addText(box.center().x() - metrics.horizontalAdvance(l) / 2, y, font, l);
        y += metrics.height();
    }
    p.setPen(QPen(kHalo, 3.5 * scale, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(Qt::NoBrush);
    p.drawPath(path);
    p.setPen(Qt::NoPen);
    p.setBrush(colour);
    p.drawPath(path);
}

QPolygonF arrowHead(QPointF tail, QPointF head, double size)
{
    const double angle = std::atan2(head.y() - tail.y(), head.x() - tail.x());
    auto at = [&](double da, double r) {
        return QPointF(head.x() - r * std::cos(angle + da), head.y() - r * std::sin(angle + da));
    };
    return QPolygonF{head, at(0.45, size), at(0, size * 0.7), at(-0.45, size)};
}

} // namespace

void paintAnnotation(QPainter &p, const Annotation &a, const std::vector<QPointF> &px, double scale,
                     bool selected)
{
    const int needed = annotationPointCount(a.type);
    if (px.empty() || (needed && int(px.size()) < needed))
        return;
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    const double width = a.widthPx * scale;
    const QPen halo(kHalo, width + 2.5 * scale, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    const QPen ink(a.colour, width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    const QFont font = annotationFont(a, scale);
    switch (a.type) {
    case Annotation::Type::Arrow: {
        const double headSize = 4 * width + 8 * scale;
        // The shaft stops inside the head, so a wide line does not poke out of its point.
        const QPointF d = px[1] - px[0];
        const double len = std::hypot(d.x(), d.y());
        const QPointF shaftEnd = len > headSize ? px[1] - d * (headSize * 0.6 / len) : px[1];
        p.setBrush(Qt::NoBrush);
        p.setPen(halo);
        p.drawLine(px[0], shaftEnd);
        p.setPen(ink);
        p.drawLine(px[0], shaftEnd);
        p.setPen(QPen(kHalo, 1.5 * scale));
        p.setBrush(a.colour);
        p.drawPolygon(arrowHead(px[0], px[1], headSize));
        if (!a.text.isEmpty())
            drawHaloText(p, textBox(a, px[0] - QPointF(0, a.fontPx * scale), scale), a.text, font, a.colour,
                         scale);
        break;
    }
    case Annotation::Type::Text:
        drawHaloText(p, textBox(a, px[0], scale), a.text, font, a.colour, scale);
        break;
    case Annotation::Type::Callout: {
        const QRectF box = textBox(a, px[1], scale);
        p.setPen(halo);
        p.drawLine(box.center(), px[0]);
        p.setPen(ink);
        p.drawLine(box.center(), px[0]);
        p.setBrush(a.colour);
        p.setPen(QPen(kHalo, 1.5 * scale));
        p.drawEllipse(px[0], 2.5 * scale + width / 2, 2.5 * scale + width / 2);
        p.setPen(QPen(a.colour, std::max(1.0, width * 0.6)));
        p.setBrush(QColor(255, 255, 255, 240));
        p.drawRoundedRect(box, 3 * scale, 3 * scale);
        p.setPen(QColor(0x1b, 0x1b, 0x1b));
        p.setFont(font);
        p.drawText(box, Qt::AlignCenter | Qt::TextWordWrap, a.text);
        break;
    }
    case Annotation::Type::Rectangle:
    case Annotation::Type::Ellipse:
    case Annotation::Type::Polygon: {
        const QPainterPath path = areaPath(a, px);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(a.colour.red(), a.colour.green(), a.colour.blue(), 38));
        p.drawPath(path);
        p.setBrush(Qt::NoBrush);
        p.setPen(halo);
        p.drawPath(path);
        p.setPen(ink);
        p.drawPath(path);
        if (!a.text.isEmpty()) {
            const QRectF bounds = path.boundingRect();
            QRectF box = textBox(a, QPointF(bounds.center().x(), 0), scale);
            box.moveBottom(bounds.top() - 4 * scale);
            drawHaloText(p, box, a.text, font, a.colour, scale);
        }
        break;
    }
    }
    if (selected) {
        p.setPen(QPen(QColor(0x1b, 0x1b, 0x1b), 1));
        p.setBrush(kSelection);
        for (const QPointF &h : annotationHandles(a, px))
            p.drawRect(QRectF(h - QPointF(4, 4), QSizeF(8, 8)));
    }
    p.restore();
}

bool annotationHit(const Annotation &a, const std::vector<QPointF> &px, QPointF point, double tolerancePx,
                   double scale)
{
    const int needed = annotationPointCount(a.type);
    if (px.empty() || (needed && int(px.size()) < needed))
        return false;
    QPainterPath drawn;
    switch (a.type) {
    case Annotation::Type::Arrow:
        drawn.moveTo(px[0]);
        drawn.lineTo(px[1]);
        break;
    case Annotation::Type::Text:
        drawn.addRect(textBox(a, px[0], scale));
        break;
    case Annotation::Type::Callout:
        drawn.moveTo(px[0]);
        drawn.lineTo(textBox(a, px[1], scale).center());
        drawn.addRect(textBox(a, px[1], scale));
        break;
    default:
        drawn = areaPath(a, px);
        break;
    }
    if (a.type != Annotation::Type::Arrow && drawn.contains(point))
        return true;
    QPainterPathStroker stroker;
    stroker.setWidth(2 * tolerancePx + a.widthPx * scale);
    return stroker.createStroke(drawn).contains(point);
}

std::vector<QPointF> annotationHandles(const Annotation &a, const std::vector<QPointF> &px)
{
    if (a.type == Annotation::Type::Rectangle || a.type == Annotation::Type::Ellipse) {
        if (px.size() < 2)
            return px;
        // All four corners of the box can be taken; each moves the one it is.
        const QRectF box = cornersBox(px);
        return {box.topLeft(), box.topRight(), box.bottomRight(), box.bottomLeft()};
    }
    return px;
}

} // namespace sightline
