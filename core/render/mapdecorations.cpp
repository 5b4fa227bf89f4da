#include "render/mapdecorations.h"

#include "layers/layer.h"
#include "render/mapscale.h"
#include "map/mapsettings.h"

#include <QFontMetricsF>
#include <QPainter>

#include <cmath>

namespace sightline {

namespace {
constexpr double kMargin = 10;
const QColor kInk(0x22, 0x2b, 0x33);
const QColor kHalo(255, 255, 255, 210);

QFont furnitureFont(const MapSettings &settings, double points)
{
    QFont font(QStringLiteral("DejaVu Sans"));
    // Sized in output pixels so the furniture looks the same on screen and in a PNG.
    font.setPixelSize(std::max(8, int(std::lround(points * settings.dpi() / 72.0))));
    return font;
}
} // namespace

ScaleBarLength niceScaleBarLength(double metresPerPixel, double targetPixels)
{
    if (!(metresPerPixel > 0))
        return {};
    const double target = metresPerPixel * targetPixels;
    const double magnitude = std::pow(10.0, std::floor(std::log10(target)));
    double nice = magnitude;
    for (double step : {1.0, 2.0, 5.0, 10.0})
        if (step * magnitude <= target)
            nice = step * magnitude;
    ScaleBarLength result;
    result.metres = nice;
    result.label = nice >= 1000 ? QStringLiteral("%1 km").arg(nice / 1000.0, 0, 'g', 6)
                                : QStringLiteral("%1 m").arg(nice, 0, 'g', 6);
    return result;
}

void paintScaleBar(QPainter &painter, const MapSettings &settings)
{
    const double mpp = groundMetresPerPixel(settings);
    const double target = std::clamp(settings.outputSize().width() * 0.18, 60.0, 220.0);
    const ScaleBarLength length = niceScaleBarLength(mpp, target);
    if (length.metres <= 0)
        return;
    const double px = length.metres / mpp;
    const QFont font = furnitureFont(settings, 7.5);
    const QFontMetricsF fm(font);
    const double barHeight = std::max(4.0, fm.height() * 0.4);
    const double bottom = settings.outputSize().height() - kMargin;
    const QRectF bar(kMargin + 6, bottom - barHeight - 4, px, barHeight);
    const QString scale = formatScale(mapScaleDenominator(settings));
    const QRectF label(bar.left(), bar.top() - fm.height() - 2,
                       std::max(px, fm.horizontalAdvance(length.label + QStringLiteral("   ") + scale)) + 4,
                       fm.height());

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setPen(Qt::NoPen);
    painter.setBrush(kHalo);
    painter.drawRoundedRect(label.united(bar).adjusted(-6, -3, 6, 4), 3, 3);
    // Four alternating segments, as on a printed map.
    for (int i = 0; i < 4; ++i) {
        painter.setBrush(i % 2 ? QColor(Qt::white) : kInk);
        painter.drawRect(QRectF(bar.left() + px * i / 4, bar.top(), px / 4, bar.height()));
    }
    painter.setPen(QPen(kInk, 1));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(bar);
    painter.setFont(font);
    painter.drawText(label, Qt::AlignLeft | Qt::AlignVCenter, length.label + QStringLiteral("   ") + scale);
    painter.restore();
}

void paintAttribution(QPainter &painter, const MapSettings &settings, const QStringList &credits)
{
    if (credits.isEmpty())
        return;
    const QFont font = furnitureFont(settings, 6.5);
    const QFontMetricsF fm(font);
    const QString text = credits.join(QStringLiteral(" | "));
    const double maxWidth = settings.outputSize().width() * 0.6;
    const QRectF bounds =
        fm.boundingRect(QRectF(0, 0, maxWidth, 1000), Qt::TextWordWrap | Qt::AlignRight, text);
    const QSizeF out = settings.outputSize();
    const QRectF box(out.width() - bounds.width() - kMargin, out.height() - bounds.height() - kMargin,
                     bounds.width(), bounds.height());
    painter.save();
    painter.setPen(Qt::NoPen);
    painter.setBrush(kHalo);
    painter.drawRect(box.adjusted(-4, -2, 4, 2));
    painter.setPen(kInk);
    painter.setFont(font);
    painter.drawText(box, Qt::TextWordWrap | Qt::AlignRight, text);
    painter.restore();
}

void paintMapDecorations(QPainter &painter, const MapSettings &settings)
{
    QStringList credits;
    for (const auto &layer : settings.layers()) {
        if (layer && layer->isVisible() && !layer->attribution().isEmpty() &&
            !credits.contains(layer->attribution()))
            credits << layer->attribution();
    }
    paintScaleBar(painter, settings);
    paintAttribution(painter, settings, credits);
}

} // namespace sightline
