#include "geo/measurement.h"

#include "geo/geodesic.h"

#include <GeographicLib/Gnomonic.hpp>

#include <QLocale>

#include <cmath>
#include <limits>

namespace sightline {

namespace {
constexpr double kMetresPerNauticalMile = 1852.0;
constexpr double kMetresPerMile = 1609.344;

QString number(double v, int decimals)
{
    return QLocale(QLocale::English).toString(v, 'f', decimals);
}

int decimalsFor(double v)
{
    return v < 10 ? 2 : v < 100 ? 1 : 0;
}
} // namespace

QString formatDistance(double m, DistanceUnit unit)
{
    switch (unit) {
    case DistanceUnit::Kilometres:
        return m < 1000 ? QStringLiteral("%1 m").arg(number(m, 0))
                        : QStringLiteral("%1 km").arg(number(m / 1000, decimalsFor(m / 1000)));
    case DistanceUnit::NauticalMiles: {
        const double v = m / kMetresPerNauticalMile;
        return QStringLiteral("%1 nmi").arg(number(v, decimalsFor(v)));
    }
    case DistanceUnit::Miles: {
        const double v = m / kMetresPerMile;
        return QStringLiteral("%1 mi").arg(number(v, decimalsFor(v)));
    }
    }
    return {};
}

QString formatArea(double a, DistanceUnit unit)
{
    switch (unit) {
    case DistanceUnit::Kilometres:
        if (a < 10000)
            return QStringLiteral("%1 m²").arg(number(a, 0));
        if (a < 1e6)
            return QStringLiteral("%1 ha").arg(number(a / 1e4, 2));
        return QStringLiteral("%1 km²").arg(number(a / 1e6, decimalsFor(a / 1e6)));
    case DistanceUnit::NauticalMiles: {
        const double v = a / (kMetresPerNauticalMile * kMetresPerNauticalMile);
        return QStringLiteral("%1 nmi²").arg(number(v, decimalsFor(v)));
    }
    case DistanceUnit::Miles: {
        const double v = a / (kMetresPerMile * kMetresPerMile);
        return QStringLiteral("%1 mi²").arg(number(v, decimalsFor(v)));
    }
    }
    return {};
}

QString formatDistanceAllUnits(double m)
{
    return QStringLiteral("%1 · %2 · %3")
        .arg(formatDistance(m, DistanceUnit::Kilometres), formatDistance(m, DistanceUnit::NauticalMiles),
             formatDistance(m, DistanceUnit::Miles));
}

NearestPoint nearestOnPolyline(QPointF p, const std::vector<QPointF> &line)
{
    NearestPoint best;
    if (line.empty())
        return best;
    const GeographicLib::Gnomonic gnomonic(GeographicLib::Geodesic::WGS84());
    auto consider = [&](QPointF candidate) {
        const double d = Geodesic::inverse(p, candidate).distanceMetres;
        if (best.metres < 0 || d < best.metres) {
            best.metres = d;
            best.lonLat = candidate;
        }
    };
    consider(line.front());
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
        consider(line[i + 1]);
        // Karney's method: in a gnomonic projection geodesics are nearly straight; centring it
        // on the current estimate and solving again converges on the ellipsoid's own answer.
        QPointF estimate = p;
        bool ok = true;
        for (int iteration = 0; iteration < 5 && ok; ++iteration) {
            double ax, ay, bx, by, px, py;
            gnomonic.Forward(estimate.y(), estimate.x(), line[i].y(), line[i].x(), ax, ay);
            gnomonic.Forward(estimate.y(), estimate.x(), line[i + 1].y(), line[i + 1].x(), bx, by);
            gnomonic.Forward(estimate.y(), estimate.x(), p.y(), p.x(), px, py);
            // Beyond a hemisphere the gnomonic projection has no image: the ends were considered.
            if (std::isnan(ax) || std::isnan(bx) || std::isnan(px)) {
                ok = false;
                break;
            }
            const double dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
            if (len2 <= 0) {
                ok = false;
                break;
            }
            const double t = std::clamp(((px - ax) * dx + (py - ay) * dy) / len2, 0.0, 1.0);
            double lat, lon;
            gnomonic.Reverse(estimate.y(), estimate.x(), ax + t * dx, ay + t * dy, lat, lon);
            if (std::isnan(lat)) {
                ok = false;
                break;
            }
            estimate = QPointF(lon, lat);
        }
        if (ok)
            consider(estimate);
    }
    return best;
}

} // namespace sightline
