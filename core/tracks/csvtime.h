#pragma once

#include "util/utctime.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sightline {

/// How a CSV column gives its times. Every format is read field by field with integer
/// arithmetic: no locale, no time zone database, no allocation per value, so that a million
/// rows parse in well under a second.
struct CsvTimeFormat
{
    enum class Kind
    {
        Iso,          ///< 2024-01-31T12:34:56[.sss][Z|±hh:mm| UTC]; a space may stand for the T
        DayMonthYear, ///< 31/01/2024 12:34:56[.sss] (the Danish Maritime Authority's layout)
        UnixSeconds,  ///< 1706704496 or 1706704496.25
        UnixMillis,   ///< 1706704496250
        Pattern       ///< strptime-like: %Y %m %d %H %M %S %f %z %%, other characters literal
    };
    Kind kind = Kind::Iso;
    std::string pattern; ///< for Kind::Pattern

    bool operator==(const CsvTimeFormat &o) const { return kind == o.kind && pattern == o.pattern; }

    /// The text `--time-format` takes: iso, dmy, unix, unix-ms, or a pattern with a '%'.
    static std::optional<CsvTimeFormat> fromText(const QString &text, QString *error = nullptr);
    QString text() const;
    /// For a person: "ISO 8601", "day/month/year", "Unix seconds", ...
    QString describe() const;
};

/// Reads one time (UTC unless the text gives a zone) into milliseconds since the epoch.
/// Surrounding spaces are allowed; anything else that is not the format, or an impossible
/// date or time ("2024-02-30", "24:00:00"), gives false.
bool parseCsvTime(std::string_view text, const CsvTimeFormat &format, std::int64_t &ms);

/// The format that reads most of `samples` (empty ones skipped), trying Unix times (seconds
/// or milliseconds told apart by size), ISO and day/month/year; none when no format does.
std::optional<CsvTimeFormat> detectCsvTimeFormat(const QList<QByteArray> &samples);

} // namespace sightline
