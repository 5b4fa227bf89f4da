#include "render/mapscale.h"

#include "geo/geodesic.h"
#include "geo/transform.h"
#include "map/mapsettings.h"

#include <QLocale>

#include <cmath>

namespace sightline {

double groundMetresPerPixel(const MapSettings &settings)
{
    if (!settings.isValid())
        return 0;
    // A short horizontal stretch through the centre: the whole width would
    // overstate the scale where Mercator stretches towards the edges of a big view.
    const QSizeF size = settings.outputSize();
    const double halfSpanPx = std::min(50.0, size.width() / 2);
    const QPointF c(size.width() / 2, size.height() / 2);
    const Transform toWgs84(settings.destinationCrs(), Crs::wgs84());
    const QPointF a = toWgs84.forward(settings.pixelToMap(c - QPointF(halfSpanPx, 0)));
    const QPointF b = toWgs84.forward(settings.pixelToMap(c + QPointF(halfSpanPx, 0)));
    if (!std::isfinite(a.x()) || !std::isfinite(b.x()) || a.x() == HUGE_VAL || b.x() == HUGE_VAL)
        return 0;
    return Geodesic::inverse(a, b).distanceMetres / (2 * halfSpanPx);
}

double mapScaleDenominator(const MapSettings &settings)
{
    const double metresPerPixel = groundMetresPerPixel(settings);
    const double paperMetresPerPixel = 0.0254 / settings.dpi();
    return metresPerPixel > 0 && paperMetresPerPixel > 0 ? metresPerPixel / paperMetresPerPixel : 0;
}

QString formatScale(double denominator)
{
    if (!(denominator > 0))
        return QStringLiteral("1:–");
    const double magnitude = std::pow(10.0, std::floor(std::log10(denominator)) - 2);
    const double rounded =
        denominator >= 1000 ? std::round(denominator / magnitude) * magnitude : std::round(denominator);
    QLocale locale(QLocale::English);
    return QStringLiteral("1:%1").arg(locale.toString(qlonglong(rounded)));
}

} // namespace sightline
