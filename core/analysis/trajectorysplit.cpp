#include "analysis/trajectorysplit.h"

#include "analysis/trajectorystops.h"
#include "util/utctime.h"

#include <QRegularExpression>

#include <cmath>

namespace sightline {

namespace {

constexpr std::int64_t kMsPerDay = 86400000;

std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

/// The number of the calendar period `ms` falls in: equal for two times of the same day, week or month.
std::int64_t periodOf(std::int64_t ms, TrackSplitRule::By by)
{
    const std::int64_t day = floorDiv(ms, kMsPerDay);
    switch (by) {
    case TrackSplitRule::By::Day:
        return day;
    case TrackSplitRule::By::Week:
        return floorDiv(day + 3, 7); // 1970-01-01 was a Thursday; ISO weeks start on Monday
    case TrackSplitRule::By::Month: {
        std::int64_t year = 0;
        unsigned month = 0, dayOfMonth = 0;
        civilFromDays(day, year, month, dayOfMonth);
        return year * 12 + month;
    }
    default:
        return 0;
    }
}

QString durationText(double hours)
{
    if (std::fmod(hours, 1.0) == 0.0)
        return QStringLiteral("%1h").arg(hours);
    return QStringLiteral("%1m").arg(hours * 60);
}

} // namespace

QString TrackSplitRule::toText() const
{
    switch (by) {
    case By::None:
        return QStringLiteral("none");
    case By::Gap:
        return QStringLiteral("gap:") + durationText(gapHours);
    case By::Stop:
        return QStringLiteral("stop:%1m,%2")
            .arg(stops.maxDiameterM)
            .arg(durationText(stops.minDurationHours));
    case By::Day:
        return QStringLiteral("day");
    case By::Week:
        return QStringLiteral("week");
    case By::Month:
        return QStringLiteral("month");
    }
    return {};
}

std::optional<std::int64_t> parseShortDuration(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^\\s*(\\d+(?:\\.\\d+)?)\\s*([smhd]?)\\s*$"));
    const QRegularExpressionMatch m = re.match(text.toLower());
    if (!m.hasMatch())
        return std::nullopt;
    const double value = m.captured(1).toDouble();
    const QString unit = m.captured(2);
    const double msPerUnit = unit == QLatin1String("s")   ? 1e3
                             : unit == QLatin1String("m") ? 6e4
                             : unit == QLatin1String("d") ? 8.64e7
                                                          : 3.6e6;
    return std::int64_t(std::llround(value * msPerUnit));
}

std::optional<TrackSplitRule> parseTrackSplitRule(const QString &text, QString *error)
{
    auto fail = [&](const QString &why) -> std::optional<TrackSplitRule> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const QString t = text.trimmed().toLower();
    const QString head = t.section(QLatin1Char(':'), 0, 0);
    const QString arg = t.section(QLatin1Char(':'), 1);
    TrackSplitRule rule;
    if (head == QLatin1String("none") || head == QLatin1String("day") || head == QLatin1String("week") ||
        head == QLatin1String("month")) {
        if (!arg.isEmpty())
            return fail(QStringLiteral("'%1' takes no value").arg(head));
        rule.by = head == QLatin1String("none")   ? TrackSplitRule::By::None
                  : head == QLatin1String("day")  ? TrackSplitRule::By::Day
                  : head == QLatin1String("week") ? TrackSplitRule::By::Week
                                                  : TrackSplitRule::By::Month;
        return rule;
    }
    if (head == QLatin1String("gap")) {
        rule.by = TrackSplitRule::By::Gap;
        if (!arg.isEmpty()) {
            const auto ms = parseShortDuration(arg);
            if (!ms || *ms <= 0)
                return fail(
                    QStringLiteral("'%1' is not a silence; write gap:2h, gap:30m or gap:1d").arg(arg));
            rule.gapHours = double(*ms) / 3.6e6;
        }
        return rule;
    }
    if (head == QLatin1String("stop")) {
        rule.by = TrackSplitRule::By::Stop;
        if (!arg.isEmpty()) {
            static const QRegularExpression re(
                QStringLiteral("^\\s*(\\d+(?:\\.\\d+)?)\\s*(m|km)?\\s*,\\s*([^,]+)$"));
            const QRegularExpressionMatch m = re.match(arg);
            const auto ms = m.hasMatch() ? parseShortDuration(m.captured(3)) : std::nullopt;
            if (!ms || *ms <= 0 || m.captured(1).toDouble() <= 0)
                return fail(QStringLiteral("'%1' is not a stop; write stop:500m,1h (the largest diameter, "
                                           "the shortest duration)")
                                .arg(arg));
            rule.stops.maxDiameterM =
                m.captured(1).toDouble() * (m.captured(2) == QLatin1String("km") ? 1000 : 1);
            rule.stops.minDurationHours = double(*ms) / 3.6e6;
        }
        return rule;
    }
    return fail(QStringLiteral("'%1' is not a way to split tracks; use none, gap:2h, stop, stop:500m,1h, "
                               "day, week or month")
                    .arg(text.trimmed()));
}

std::vector<TrackSegment> splitTrack(std::span<const std::int64_t> t, std::span<const QPointF> lonLat,
                                     const TrackSplitRule &rule)
{
    std::vector<TrackSegment> segments;
    const std::size_t n = std::min(t.size(), lonLat.size());
    if (n == 0)
        return segments;
    switch (rule.by) {
    case TrackSplitRule::By::None:
        segments.push_back({0, n - 1});
        break;
    case TrackSplitRule::By::Gap: {
        const auto maxSilenceMs = std::int64_t(std::llround(rule.gapHours * 3.6e6));
        std::size_t first = 0;
        for (std::size_t i = 1; i < n; ++i)
            if (t[i] - t[i - 1] > maxSilenceMs) {
                segments.push_back({first, i - 1});
                first = i;
            }
        segments.push_back({first, n - 1});
        break;
    }
    case TrackSplitRule::By::Day:
    case TrackSplitRule::By::Week:
    case TrackSplitRule::By::Month: {
        std::size_t first = 0;
        std::int64_t period = periodOf(t[0], rule.by);
        for (std::size_t i = 1; i < n; ++i) {
            const std::int64_t p = periodOf(t[i], rule.by);
            if (p != period) {
                segments.push_back({first, i - 1});
                first = i;
                period = p;
            }
        }
        segments.push_back({first, n - 1});
        break;
    }
    case TrackSplitRule::By::Stop: {
        const auto stops = findTrackStops(t, lonLat, rule.stops.maxDiameterM,
                                          std::int64_t(rule.stops.minDurationHours * 3.6e6));
        std::size_t first = 0;
        for (const TrackStop &stop : stops) {
            if (stop.first > first)
                segments.push_back({first, stop.first});
            first = stop.last;
        }
        if (first < n - 1 || stops.empty())
            segments.push_back({first, n - 1});
        break;
    }
    }
    return segments;
}

} // namespace sightline
