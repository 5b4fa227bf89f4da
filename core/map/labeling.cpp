#include "map/labeling.h"

#include "map/mapsettings.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace sightline {

std::size_t placeAndDrawLabels(QPainter &painter, const std::vector<LabelCandidate> &candidates,
                               const MapSettings &settings, std::size_t limit)
{
    const double scale = settings.dpi() / 96.0;
    const QRectF frame(QPointF(0, 0), QSizeF(settings.outputSize()));
    std::vector<QRectF> placed;
    std::size_t drawn = 0;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    for (const LabelCandidate &c : candidates) {
        if (drawn >= limit)
            break;
        if (c.text.isEmpty() || !frame.contains(c.anchor))
            continue;
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPixelSize(std::max(8, int(std::lround(c.sizePx * scale))));
        const QFontMetricsF fm(font);
        const double w = fm.horizontalAdvance(c.text), gap = 6 * scale;
        std::vector<QPointF> origins;
        if (c.placement == LabelCandidate::Placement::Centred) {
            origins = {c.anchor + QPointF(-w / 2, fm.ascent() / 2)};
        } else {
            origins = {c.anchor + QPointF(gap, -gap * 0.7), c.anchor + QPointF(-gap - w, -gap * 0.7),
                       c.anchor + QPointF(gap, fm.ascent() + gap * 0.5),
                       c.anchor + QPointF(-gap - w, fm.ascent() + gap * 0.5)};
        }
        for (const QPointF &origin : origins) {
            const QRectF box(origin - QPointF(2, fm.ascent() + 2), QSizeF(w + 4, fm.height() + 4));
            if (!frame.contains(box.center()) ||
                std::any_of(placed.begin(), placed.end(), [&](const QRectF &r) { return r.intersects(box); }))
                continue;
            placed.push_back(box);
            QPainterPath path;
            path.addText(origin, font, c.text);
            painter.setPen(
                QPen(QColor(255, 255, 255, 225), 3 * scale, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            painter.setBrush(Qt::NoBrush);
            painter.drawPath(path);
            painter.setPen(Qt::NoPen);
            painter.setBrush(c.colour);
            painter.drawPath(path);
            ++drawn;
            break;
        }
    }
    painter.restore();
    return drawn;
}

} // namespace sightline
