#include "commandlinevalues.h"

#include "analysis/trajectorysplit.h"
#include "model/sighting.h"

#include <QRegularExpression>
#include <QStringList>

#include <cmath>

namespace sightline {

std::optional<QRectF> parseExtentValue(const QString &option, const QString &text, QString *error)
{
    const QStringList parts = text.split(QLatin1Char(','));
    if (parts.size() != 4) {
        *error = QStringLiteral("%1 needs four numbers W,S,E,N in degrees, got '%2'").arg(option, text);
        return std::nullopt;
    }
    double v[4];
    for (int i = 0; i < 4; ++i) {
        bool ok = false;
        v[i] = parts[i].trimmed().toDouble(&ok);
        // toDouble reads "nan" and "inf", which would slip through every comparison below.
        if (!ok || !std::isfinite(v[i])) {
            *error = QStringLiteral("%1: '%2' in '%3' is not a number").arg(option, parts[i], text);
            return std::nullopt;
        }
    }
    const double w = v[0], s = v[1], e = v[2], n = v[3];
    if (w < -180 || e > 180 || s < -90 || n > 90 || w >= e || s >= n) {
        *error = QStringLiteral("%1 '%2' is not a box W,S,E,N with W<E within ±180 and S<N within ±90")
                     .arg(option, text);
        return std::nullopt;
    }
    return QRectF(QPointF(w, s), QPointF(e, n));
}

std::optional<QSize> parseSizeValue(const QString &option, const QString &text, QString *error)
{
    const QStringList parts = text.toLower().split(QLatin1Char('x'));
    bool okW = false, okH = false;
    const int w = parts.value(0).toInt(&okW), h = parts.value(1).toInt(&okH);
    if (parts.size() != 2 || !okW || !okH || w < 1 || h < 1 || w > 20000 || h > 20000) {
        *error = QStringLiteral("%1 needs WIDTHxHEIGHT in pixels (1–20000), got '%2'").arg(option, text);
        return std::nullopt;
    }
    return QSize(w, h);
}

std::optional<std::int64_t> parseDurationValue(const QString &option, const QString &text, QString *error)
{
    // A century is longer than any track; the bound keeps the milliseconds well inside 64 bits.
    constexpr double kLongestMs = 100 * 366 * 86400e3;
    // A bare number is hours: analysts think of AIS silences in hours.
    bool isNumber = false;
    const double hours = text.trimmed().toDouble(&isNumber);
    std::optional<double> ms;
    if (isNumber)
        ms = hours * 3.6e6;
    else if (const auto iso = parseIsoDurationMs(text))
        ms = double(*iso);
    if (ms && std::isfinite(*ms) && *ms >= 0 && *ms <= kLongestMs)
        return std::llround(*ms);
    *error =
        QStringLiteral("%1: '%2' is not a duration (hours, or ISO 8601 like PT30M or P2D)").arg(option, text);
    return std::nullopt;
}

std::optional<std::int64_t> parseTimeValue(const QString &option, const QString &text, QString *error)
{
    if (const std::int64_t ms = parseUtcIso(text))
        return ms;
    *error = QStringLiteral("%1: '%2' is not a UTC time (ISO 8601: 2023-10-14T02:00Z)").arg(option, text);
    return std::nullopt;
}

std::optional<TimeWindow> parseTimeRangeValue(const QString &option, const QString &text, QString *error)
{
    QString why;
    if (auto window = parseTimeWindow(text, &why))
        return window;
    *error = QStringLiteral("%1: %2").arg(option, why);
    return std::nullopt;
}

std::optional<double> parseDistanceValue(const QString &option, const QString &text, QString *error)
{
    static const QRegularExpression metres(QStringLiteral("^\\s*(\\d+(?:\\.\\d+)?)\\s*(m|km)?\\s*$"));
    const QRegularExpressionMatch m = metres.match(text.toLower());
    const double value =
        m.hasMatch() ? m.captured(1).toDouble() * (m.captured(2) == QLatin1String("km") ? 1000.0 : 1.0) : 0.0;
    if (!m.hasMatch() || !std::isfinite(value)) {
        *error = QStringLiteral("%1: '%2' is not a distance; write 50m or 0.2km").arg(option, text);
        return std::nullopt;
    }
    return value;
}

std::optional<std::int64_t> parseIntervalValue(const QString &option, const QString &text, QString *error)
{
    // "60s", "5m": the way a step is written; anything else (or too long to be one) as a duration.
    constexpr std::int64_t kLongestMs = 100LL * 366 * 86400 * 1000;
    if (const std::optional<std::int64_t> ms = parseShortDuration(text); ms && *ms >= 0 && *ms <= kLongestMs)
        return ms;
    return parseDurationValue(option, text, error);
}

std::optional<double> parseNonNegativeNumber(const QString &option, const QString &text, QString *error)
{
    bool ok = false;
    const double v = text.trimmed().toDouble(&ok);
    if (ok && std::isfinite(v) && v >= 0)
        return v;
    *error = QStringLiteral("%1: '%2' is not a number (0 or more)").arg(option, text);
    return std::nullopt;
}

} // namespace sightline
