#pragma once

#include <QString>

#include <cstdint>
#include <optional>

namespace sightline {

/// A date and time read from text, in UTC milliseconds, with how it was read.
struct ParsedDateTime
{
    std::int64_t ms = 0;
    /// True when the text gave no time of day (00:00 was taken).
    bool dateOnly = false;
    /// How an ambiguous form was read ("day/month: 5 October"), so the user can see it; empty
    /// when the text could be read only one way.
    QString reading;
};

/// The outcome of reading a typed or pasted date: a time, or why it is not one.
struct DateTimeReading
{
    std::optional<ParsedDateTime> value;
    QString error;
};

/// Strict ISO 8601, as files and the command line write it: "2023-10-05", "2023-10-05T02:30",
/// "2023-10-05 02:30:15.5Z", "2023-10-05T02:30+09:00", "20231005T023000Z". No zone means UTC.
std::optional<ParsedDateTime> parseIsoDateTime(const QString &text);

/// What an analyst types or pastes into a date field: ISO 8601 (above), and the day-first and
/// month-first forms of reports — "05/10/2023 02:30", "10/05/2023", "5.10.2023", "5 Oct 2023 02:30",
/// "05-Oct-2023", "Oct 5, 2023 02:30" — with an optional time (HH:mm[:ss]) and zone (Z, UTC,
/// ±hh:mm). Numeric day/month order: day first (as in most reports outside the US), unless the
/// first number cannot be a month (> 12) — then it is the day anyway — or the second cannot be
/// (> 12), which makes the text month-first. When both could be either, `reading` says which was
/// taken. Out-of-range values (31 February, 25:00) are rejected, never rolled over.
DateTimeReading readDateTime(const QString &text);

/// "2023-10-05 02:30 UTC" (seconds only when there are some), as date fields show a time.
QString formatUtcMinutes(std::int64_t ms);

} // namespace sightline
