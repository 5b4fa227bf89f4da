#include "render/timeaxis.h"

#include "util/utctime.h"

#include <QLatin1Char>

#include <array>

namespace sightline {

namespace {

constexpr std::int64_t kMinuteMs = 60 * 1000;
constexpr std::int64_t kHourMs = 60 * kMinuteMs;
constexpr std::int64_t kDayMs = 24 * kHourMs;

std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    const std::int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

std::int64_t ceilDiv(std::int64_t a, std::int64_t b)
{
    return -floorDiv(-a, b);
}

struct Date
{
    std::int64_t year = 1970;
    unsigned month = 1;
    unsigned day = 1;
};

Date dateOf(std::int64_t ms)
{
    Date d;
    civilFromDays(floorDiv(ms, kDayMs), d.year, d.month, d.day);
    return d;
}

QString monthName(unsigned month)
{
    static const std::array<const char *, 12> names = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return QLatin1String(names.at((month - 1) % 12));
}

QString dayMonth(const Date &d)
{
    return QString::number(d.day) + QLatin1Char(' ') + monthName(d.month);
}

QString monthYear(const Date &d)
{
    return monthName(d.month) + QLatin1Char(' ') + QString::number(d.year);
}

QString clock(std::int64_t ms)
{
    const std::int64_t minutes = floorDiv(ms - floorDiv(ms, kDayMs) * kDayMs, kMinuteMs);
    return QStringLiteral("%1:%2")
        .arg(minutes / 60, 2, 10, QLatin1Char('0'))
        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

/// Whether a day of the month is on the grid of a step of `count` days.
bool dayOnGrid(unsigned day, int count)
{
    switch (count) {
    case 1:
        return true;
    case 7:
        return day == 1 || day == 8 || day == 15 || day == 22;
    case 14:
        return day == 1 || day == 15;
    default:
        // The 31st (and the 30th for even steps) would sit a day before the next 1st.
        return (day - 1) % unsigned(count) == 0 && day + unsigned(count) <= 31;
    }
}

/// The smallest power of ten above `count`: decades mark steps of 1–5 years, centuries 10–50.
std::int64_t majorYears(int count)
{
    std::int64_t p = 10;
    while (p <= count)
        p *= 10;
    return p;
}

const std::array<TimeStep, 19> &candidateSteps()
{
    using U = TimeStep::Unit;
    static const std::array<TimeStep, 19> steps = {{{U::Minute, 1},
                                                    {U::Minute, 2},
                                                    {U::Minute, 5},
                                                    {U::Minute, 10},
                                                    {U::Minute, 15},
                                                    {U::Minute, 30},
                                                    {U::Hour, 1},
                                                    {U::Hour, 2},
                                                    {U::Hour, 3},
                                                    {U::Hour, 6},
                                                    {U::Hour, 12},
                                                    {U::Day, 1},
                                                    {U::Day, 2},
                                                    {U::Day, 7},
                                                    {U::Day, 14},
                                                    {U::Month, 1},
                                                    {U::Month, 3},
                                                    {U::Month, 6},
                                                    {U::Year, 1}}};
    return steps;
}

/// Whether a step certainly gives more than `maxLabels` ticks: its longest interval is at most
/// 1.5 × its nominal length (22nd → 1st is 10 days for a nominal 7), so no need to make them.
bool certainlyTooMany(std::int64_t span, const TimeStep &step, int maxLabels)
{
    return double(span) / (1.5 * step.nominalMs()) - 1.0 > double(maxLabels);
}

} // namespace

double TimeStep::nominalMs() const
{
    switch (unit) {
    case Unit::Minute:
        return double(count) * double(kMinuteMs);
    case Unit::Hour:
        return double(count) * double(kHourMs);
    case Unit::Day:
        return double(count) * double(kDayMs);
    case Unit::Month:
        return double(count) * 30.436875 * double(kDayMs);
    case Unit::Year:
        return double(count) * 365.2425 * double(kDayMs);
    }
    return double(kDayMs);
}

QList<TimeTick> timeAxisTicks(std::int64_t fromMs, std::int64_t toMs, const TimeStep &step)
{
    QList<TimeTick> ticks;
    if (toMs < fromMs || step.count < 1)
        return ticks;
    switch (step.unit) {
    case TimeStep::Unit::Minute:
    case TimeStep::Unit::Hour: {
        // Every step divides a day, so multiples of it since the epoch fall on round UTC times.
        const std::int64_t stepMs = step.count * (step.unit == TimeStep::Unit::Minute ? kMinuteMs : kHourMs);
        for (std::int64_t t = ceilDiv(fromMs, stepMs) * stepMs; t <= toMs; t += stepMs) {
            const bool major = floorDiv(t, kDayMs) * kDayMs == t;
            ticks.push_back({t, major, major ? dayMonth(dateOf(t)) : clock(t)});
        }
        break;
    }
    case TimeStep::Unit::Day:
        for (std::int64_t day = ceilDiv(fromMs, kDayMs); day <= floorDiv(toMs, kDayMs); ++day) {
            Date d;
            civilFromDays(day, d.year, d.month, d.day);
            if (!dayOnGrid(d.day, step.count))
                continue;
            const bool major = d.day == 1;
            ticks.push_back({day * kDayMs, major, major ? monthYear(d) : dayMonth(d)});
        }
        break;
    case TimeStep::Unit::Month: {
        const Date first = dateOf(fromMs);
        std::int64_t year = first.year;
        unsigned month = first.month;
        for (;;) {
            const std::int64_t t = daysFromCivil(year, month, 1) * kDayMs;
            if (t > toMs)
                break;
            if (t >= fromMs && (month - 1) % unsigned(step.count) == 0) {
                const bool major = month == 1;
                ticks.push_back({t, major, major ? QString::number(year) : monthName(month)});
            }
            if (++month > 12) {
                month = 1;
                ++year;
            }
        }
        break;
    }
    case TimeStep::Unit::Year: {
        const std::int64_t every = majorYears(step.count);
        for (std::int64_t year = ceilDiv(dateOf(fromMs).year, step.count) * step.count;; year += step.count) {
            const std::int64_t t = daysFromCivil(year, 1, 1) * kDayMs;
            if (t > toMs)
                break;
            if (t >= fromMs)
                ticks.push_back({t, floorDiv(year, every) * every == year, QString::number(year)});
        }
        break;
    }
    }
    return ticks;
}

TimeStep timeAxisStep(std::int64_t fromMs, std::int64_t toMs, int maxLabels)
{
    const std::int64_t span = toMs - fromMs;
    const int limit = std::max(1, maxLabels);
    for (const TimeStep &step : candidateSteps())
        if (!certainlyTooMany(span, step, limit) && timeAxisTicks(fromMs, toMs, step).size() <= limit)
            return step;
    // Whole years: 2, 5, 10, 20, 50, … until few enough (the first candidate above was 1).
    TimeStep step{TimeStep::Unit::Year, 1};
    for (std::int64_t magnitude = 1; magnitude <= 100'000'000; magnitude *= 10)
        for (const int factor : {1, 2, 5}) {
            step.count = int(factor * magnitude);
            if (!certainlyTooMany(span, step, limit) && timeAxisTicks(fromMs, toMs, step).size() <= limit)
                return step;
        }
    return step;
}

QList<TimeTick> timeAxisTicks(std::int64_t fromMs, std::int64_t toMs, int maxLabels)
{
    if (toMs <= fromMs || maxLabels < 1)
        return {};
    return timeAxisTicks(fromMs, toMs, timeAxisStep(fromMs, toMs, maxLabels));
}

QString timeAxisContext(std::int64_t fromMs, std::int64_t toMs, const TimeStep &step)
{
    const Date a = dateOf(fromMs);
    // A span that ends at midnight ends on the day before.
    const Date b = dateOf(std::max(fromMs, toMs - 1));
    switch (step.unit) {
    case TimeStep::Unit::Minute:
    case TimeStep::Unit::Hour:
        if (a.year != b.year)
            return dayMonth(a) + QLatin1Char(' ') + QString::number(a.year) + QStringLiteral(" – ") +
                   dayMonth(b) + QLatin1Char(' ') + QString::number(b.year);
        if (a.month != b.month)
            return dayMonth(a) + QStringLiteral(" – ") + dayMonth(b) + QLatin1Char(' ') +
                   QString::number(b.year);
        if (a.day != b.day)
            return QString::number(a.day) + QStringLiteral("–") + dayMonth(b) + QLatin1Char(' ') +
                   QString::number(b.year);
        return dayMonth(a) + QLatin1Char(' ') + QString::number(a.year);
    case TimeStep::Unit::Day:
    case TimeStep::Unit::Month:
        return a.year == b.year ? QString::number(a.year)
                                : QString::number(a.year) + QStringLiteral("–") + QString::number(b.year);
    case TimeStep::Unit::Year:
        return {};
    }
    return {};
}

} // namespace sightline
