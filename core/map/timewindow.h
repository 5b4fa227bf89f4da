#pragma once

#include <QString>

#include <cstdint>
#include <optional>

namespace sightline {

/// A span of UTC time the map shows: positions, sightings and events outside it are not
/// drawn, and imagery that asks for it is shown only when acquired inside it. Either end may
/// be open (0); a window with both open shows everything.
struct TimeWindow
{
    std::int64_t fromMs = 0;
    std::int64_t toMs = 0;

    bool isOpen() const { return !fromMs && !toMs; }
    /// True for a known time inside the window. An unknown time (0) is never hidden: the
    /// analyst put the thing on the map for a reason.
    bool contains(std::int64_t ms) const
    {
        return !ms || ((!fromMs || ms >= fromMs) && (!toMs || ms <= toMs));
    }
    /// True when [startMs, endMs] meets the window.
    bool overlaps(std::int64_t startMs, std::int64_t endMs) const
    {
        return (!toMs || startMs <= toMs) && (!fromMs || endMs >= fromMs);
    }
    bool operator==(const TimeWindow &) const = default;
};

/// "2023-10-01/2023-10-15", "2023-10-14T02:00Z/PT6H", "P2D/2023-10-15T00:00Z", "2023-10-01/.." —
/// an ISO 8601 interval (a start and an end, a start and a duration, or a duration and an end;
/// ".." or an empty side is open). Dates alone mean 00:00 UTC (an end date: the end of that day).
/// Nothing, with `error` saying what is wrong, when it is not one.
std::optional<TimeWindow> parseTimeWindow(const QString &text, QString *error);
/// Milliseconds of an ISO 8601 duration ("PT6H", "P2D", "PT30M", "P1DT12H"); nothing when it is not one.
std::optional<std::int64_t> parseIsoDurationMs(const QString &text);
/// "2023-10-14 02:00 – 2023-10-15 00:00 UTC", "from 2023-10-14 02:00 UTC", "all time".
QString describeTimeWindow(const TimeWindow &window);

} // namespace sightline
