#pragma once

#include <cstdint>

namespace sightline {

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm):
/// AIS times are UTC and parsed by the million, so no time-zone machinery here, and inline.
constexpr std::int64_t daysFromCivil(std::int64_t year, unsigned month, unsigned day)
{
    year -= month <= 2;
    const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
    const unsigned yoe = unsigned(year - era * 400);
    const unsigned doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + std::int64_t(doe) - 719468;
}

/// The date of a day count since 1970-01-01.
void civilFromDays(std::int64_t days, std::int64_t &year, unsigned &month, unsigned &day);

/// Unix milliseconds of a UTC date and time.
inline std::int64_t unixMsFromUtc(int year, int month, int day, int hour, int minute, double second)
{
    return (daysFromCivil(year, unsigned(month), unsigned(day)) * 86400 + hour * 3600 + minute * 60) * 1000 +
           std::int64_t(second * 1000.0 + 0.5);
}

} // namespace sightline
