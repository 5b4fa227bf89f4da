#include "map/timewindow.h"

#include "model/sighting.h"

#include <QDateTime>
#include <QRegularExpression>

namespace sightline {

namespace {

constexpr std::int64_t kDayMs = 86400000;

/// A date alone ("2023-10-15") is a whole day: its start, or with `end` its last millisecond.
std::int64_t parseInstant(const QString &text, bool end)
{
    static const QRegularExpression dateOnly(QStringLiteral(R"(^\d{4}-\d{2}-\d{2}$)"));
    if (dateOnly.match(text).hasMatch()) {
        const std::int64_t start = parseUtcIso(text + QStringLiteral("T00:00:00Z"));
        return start && end ? start + kDayMs - 1 : start;
    }
    return parseUtcIso(text);
}

bool isOpenSide(const QString &text)
{
    return text.isEmpty() || text == QLatin1String("..");
}

} // namespace

std::optional<std::int64_t> parseIsoDurationMs(const QString &text)
{
    static const QRegularExpression iso(
        QStringLiteral(
            R"(^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$)"),
        QRegularExpression::CaseInsensitiveOption);
    const auto m = iso.match(text.trimmed());
    if (!m.hasMatch() || text.trimmed().size() < 3 ||
        text.trimmed().endsWith(QLatin1Char('T'), Qt::CaseInsensitive))
        return std::nullopt;
    const double ms = m.captured(1).toDouble() * 7 * kDayMs + m.captured(2).toDouble() * kDayMs +
                      m.captured(3).toDouble() * 3600e3 + m.captured(4).toDouble() * 60e3 +
                      m.captured(5).toDouble() * 1e3;
    return std::int64_t(ms + 0.5);
}

std::optional<TimeWindow> parseTimeWindow(const QString &text, QString *error)
{
    const QStringList sides = text.trimmed().split(QLatin1Char('/'));
    if (sides.size() != 2) {
        *error = QStringLiteral("'%1' is not a time range FROM/TO (ISO 8601: 2023-10-01/2023-10-15, "
                                "2023-10-14T02:00Z/PT6H)")
                     .arg(text);
        return std::nullopt;
    }
    const QString from = sides[0].trimmed(), to = sides[1].trimmed();
    const auto fromDuration = parseIsoDurationMs(from), toDuration = parseIsoDurationMs(to);
    TimeWindow w;
    if (!isOpenSide(from) && !fromDuration) {
        w.fromMs = parseInstant(from, false);
        if (!w.fromMs) {
            *error = QStringLiteral("'%1' is not a UTC time (2023-10-14 or 2023-10-14T02:00Z)").arg(from);
            return std::nullopt;
        }
    }
    if (!isOpenSide(to) && !toDuration) {
        w.toMs = parseInstant(to, true);
        if (!w.toMs) {
            *error = QStringLiteral("'%1' is not a UTC time or an ISO 8601 duration (PT6H)").arg(to);
            return std::nullopt;
        }
    }
    if (fromDuration && toDuration) {
        *error = QStringLiteral("'%1': a range needs at least one time, not two durations").arg(text);
        return std::nullopt;
    }
    if (toDuration) {
        if (!w.fromMs) {
            *error = QStringLiteral("'%1': a duration after '/' needs a start before it").arg(text);
            return std::nullopt;
        }
        w.toMs = w.fromMs + *toDuration;
    }
    if (fromDuration) {
        if (!w.toMs) {
            *error = QStringLiteral("'%1': a duration before '/' needs an end after it").arg(text);
            return std::nullopt;
        }
        w.fromMs = w.toMs - *fromDuration;
    }
    if (w.fromMs && w.toMs && w.toMs < w.fromMs) {
        *error = QStringLiteral("'%1' ends before it starts").arg(text);
        return std::nullopt;
    }
    return w;
}

QString describeTimeWindow(const TimeWindow &w)
{
    auto at = [](std::int64_t ms) {
        return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    };
    if (w.isOpen())
        return QStringLiteral("all time");
    if (!w.toMs)
        return QStringLiteral("from %1 UTC").arg(at(w.fromMs));
    if (!w.fromMs)
        return QStringLiteral("until %1 UTC").arg(at(w.toMs));
    return QStringLiteral("%1 – %2 UTC").arg(at(w.fromMs), at(w.toMs));
}

} // namespace sightline
