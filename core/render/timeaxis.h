#pragma once

#include <QList>
#include <QString>

#include <cstdint>

namespace sightline {

/// One tick of a UTC time axis.
struct TimeTick
{
    std::int64_t ms = 0; ///< Unix milliseconds, UTC
    bool major = false;  ///< the start of the larger unit: a day under hourly ticks, a month under daily ones
    QString label;       ///< "02:00", "14 Oct", "Oct 2023", "Oct", "2023"
};

/// The spacing of a time axis: `count` calendar units. Steps of days go through fixed days of the
/// month (every 7: the 1st, 8th, 15th and 22nd; every 14: the 1st and 15th) so that a month's start
/// is always on the grid, as matplotlib's and most charting libraries' date locators do.
struct TimeStep
{
    enum class Unit
    {
        Minute,
        Hour,
        Day,
        Month,
        Year
    };
    Unit unit = Unit::Day;
    int count = 1;

    /// The mean length of one step (a month is 30.44 days), for estimates.
    double nominalMs() const;
    bool operator==(const TimeStep &) const = default;
};

/// The finest calendar step (1, 2, 5, 10, 15, 30 min; 1, 2, 3, 6, 12 h; 1, 2, 7, 14 days; 1, 3, 6 months;
/// 1, 2, 5 × 10ⁿ years) at which at most `maxLabels` ticks fall in [fromMs, toMs].
TimeStep timeAxisStep(std::int64_t fromMs, std::int64_t toMs, int maxLabels);

/// The ticks of one step in [fromMs, toMs], sorted, every one labelled. Hourly and finer ticks read
/// "02:00" and mark day starts as major ("14 Oct"); daily ticks read "14 Oct" and mark month starts
/// ("Oct 2023"); monthly ticks read "Oct" and mark year starts ("2023"); yearly ticks read "2023" and
/// mark decades (centuries for steps of 10 years or more).
QList<TimeTick> timeAxisTicks(std::int64_t fromMs, std::int64_t toMs, const TimeStep &step);

/// Ticks in UTC at a calendar-aware step so that at most `maxLabels` carry labels over [fromMs, toMs];
/// empty when the span is empty or `maxLabels` < 1.
QList<TimeTick> timeAxisTicks(std::int64_t fromMs, std::int64_t toMs, int maxLabels);

/// What the labels of a step leave unsaid, for a caption beside the axis: "14 Oct 2023" or
/// "30 Sep – 2 Oct 2023" under hourly ticks, "2023" or "2023–2024" under daily and monthly
/// ones, empty under yearly ones.
QString timeAxisContext(std::int64_t fromMs, std::int64_t toMs, const TimeStep &step);

} // namespace sightline
