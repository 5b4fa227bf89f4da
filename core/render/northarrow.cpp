#include "render/northarrow.h"

#include "geo/transform.h"
#include "map/mapsettings.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <cmath>
#include <limits>
#include <numbers>

namespace sightline {

namespace {
const QColor kInk(0x22, 0x2b, 0x33);
const QColor kHalo(255, 255, 255, 230);

bool finite(QPointF p)
{
    return std::isfinite(p.x()) && std::isfinite(p.y());
}
} // namespace

double trueNorthAngle(const MapSettings &settings, QPointF at)
{
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    if (!settings.isValid())
        return nan;
    const Transform toMap(Crs::wgs84(), settings.destinationCrs());
    const QPointF lonLat = toMap.inverse(settings.pixelToMap(at));
    if (!finite(lonLat) || std::abs(lonLat.y()) > 90.0 - 1e-6)
        return nan;
    // A short step north along the meridian, measured on the output. Close to the north pole
    // step south instead and turn the direction round.
    constexpr double dLat = 1e-4;
    const bool south = lonLat.y() + dLat >= 90.0;
    const QPointF there = toMap.forward(lonLat + QPointF(0, south ? -dLat : dLat));
    if (!finite(there))
        return nan;
    QPointF d = settings.mapToPixel(there) - at;
    if (south)
        d = -d;
    if (!(std::hypot(d.x(), d.y()) > 0))
        return nan;
    // Output y grows downwards: "up" is (0, -1); clockwise angles grow towards +x.
    return std::atan2(d.x(), -d.y()) * 180.0 / std::numbers::pi;
}

void paintNorthArrow(QPainter &painter, const QRectF &box, double angleDegrees, const QFont &font)
{
    if (box.isEmpty())
        return;
    const double angle = std::isfinite(angleDegrees) ? angleDegrees : 0.0;
    const QFontMetricsF fm(font, painter.device());
    const QString north = QStringLiteral("N");
    const double capHeight = fm.capHeight();
    const double halfWidth = fm.horizontalAdvance(north) / 2;
    const double side = std::min(box.width(), box.height());
    const double gap = capHeight * 0.2;
    const double halo = std::max(side * 0.03, 0.5);
    const double ink = std::max(side * 0.012, 0.25);
    const double a = angle * std::numbers::pi / 180.0;
    const QPointF direction(std::sin(a), -std::cos(a));
    QTransform rotation;
    rotation.rotate(angle);

    // What the arrow of half-length r and its N cover, around the arrow's centre.
    auto extent = [&](double r) {
        const double w = r * 0.42;
        QRectF bounds =
            rotation.map(QPolygonF({QPointF(0, -r), QPointF(w, r), QPointF(-w, r)})).boundingRect();
        const QPointF n = direction * (r + gap + capHeight / 2);
        bounds |= QRectF(n - QPointF(halfWidth, capHeight / 2), QSizeF(2 * halfWidth, capHeight));
        const double m = halo + ink / 2;
        return bounds.adjusted(-m, -m, m, m);
    };
    // The largest arrow that fits the box at this angle, then centred in it.
    double lo = 0, hi = side;
    for (int i = 0; i < 40; ++i) {
        const double mid = (lo + hi) / 2;
        const QRectF e = extent(mid);
        (e.width() <= box.width() && e.height() <= box.height() ? lo : hi) = mid;
    }
    const double r = lo;
    const QPointF centre = box.center() - extent(r).center();

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);

    // The arrow: a slim kite, the left half filled, the right half white.
    painter.save();
    painter.translate(centre);
    painter.rotate(angle);
    const double w = r * 0.42;
    const QPointF tip(0, -r), notch(0, r * 0.55), left(-w, r), right(w, r);
    QPainterPath outline;
    outline.moveTo(tip);
    outline.lineTo(right);
    outline.lineTo(notch);
    outline.lineTo(left);
    outline.closeSubpath();
    painter.setPen(QPen(kHalo, ink + 2 * halo, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.setBrush(kHalo);
    painter.drawPath(outline);
    painter.setPen(Qt::NoPen);
    painter.setBrush(Qt::white);
    painter.drawPolygon(QPolygonF({tip, right, notch}));
    painter.setBrush(kInk);
    painter.drawPolygon(QPolygonF({tip, notch, left}));
    painter.setPen(QPen(kInk, ink, Qt::SolidLine, Qt::RoundCap, Qt::MiterJoin));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(outline);
    painter.restore();

    // The N, upright, just beyond the tip.
    const QPointF at = centre + direction * (r + gap + capHeight / 2);
    // The baseline put so that the capital's middle is at `at`.
    const QRectF textBox(at.x() - 2 * halfWidth, at.y() + capHeight / 2 - fm.ascent(), 4 * halfWidth,
                         fm.height());
    painter.setFont(font);
    // The halo as text as well, so a PDF keeps the letter as text: the N in white around it.
    painter.setPen(kHalo);
    const double o = halo;
    for (const QPointF &shift :
         {QPointF(-o, 0), QPointF(o, 0), QPointF(0, -o), QPointF(0, o), QPointF(-o, -o) * 0.7,
          QPointF(o, o) * 0.7, QPointF(-o, o) * 0.7, QPointF(o, -o) * 0.7})
        painter.drawText(textBox.translated(shift), Qt::AlignHCenter | Qt::AlignTop, north);
    painter.setPen(kInk);
    painter.drawText(textBox, Qt::AlignHCenter | Qt::AlignTop, north);
    painter.restore();
}

} // namespace sightline
