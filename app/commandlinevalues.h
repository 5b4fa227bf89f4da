#pragma once

#include "map/timewindow.h"

#include <QRectF>
#include <QSize>
#include <QString>

#include <cstdint>
#include <optional>

namespace sightline {

// The values the subcommands take, parsed one way for all of them. Each returns the value, or
// nothing with `error` naming the option and the text it could not read ("--step: 'soon' is
// not a duration ..."), ready to print after "sightline COMMAND: ".

/// "W,S,E,N" in WGS84 degrees → a lon/lat box (W < E within ±180, S < N within ±90).
std::optional<QRectF> parseExtentValue(const QString &option, const QString &text, QString *error);

/// "1920x1080" → a size in pixels, 1 to 20000 each way.
std::optional<QSize> parseSizeValue(const QString &option, const QString &text, QString *error);

/// Milliseconds of a duration: a number of hours ("12", "0.5") or ISO 8601 ("PT30M", "P2D",
/// "P1DT12H"). Zero is a duration; a negative or endless one is not.
std::optional<std::int64_t> parseDurationValue(const QString &option, const QString &text, QString *error);

/// UTC milliseconds of an ISO 8601 time ("2023-10-14T02:00Z"; without a zone it is UTC).
std::optional<std::int64_t> parseTimeValue(const QString &option, const QString &text, QString *error);

/// An ISO 8601 UTC range, FROM/TO (parseTimeWindow: "2023-10-01/2023-10-15",
/// "2023-10-14T02:00Z/PT6H", "P2D/2023-10-15", "2023-10-01/..").
std::optional<TimeWindow> parseTimeRangeValue(const QString &option, const QString &text, QString *error);

/// Metres of a distance: "50m", "0.2km", or a bare number of metres; not negative.
std::optional<double> parseDistanceValue(const QString &option, const QString &text, QString *error);

/// Milliseconds of a time step: "60s", "5m", "1h", "1.5d", a bare number of hours, or ISO 8601
/// ("PT5M"). Zero is one; a negative or endless one is not.
std::optional<std::int64_t> parseIntervalValue(const QString &option, const QString &text, QString *error);

/// A number that is not negative ("500", "0.2").
std::optional<double> parseNonNegativeNumber(const QString &option, const QString &text, QString *error);

} // namespace sightline
