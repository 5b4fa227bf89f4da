#pragma once

#include "analysis/analysisparameters.h"

#include <QPointF>
#include <QString>

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace sightline {

/// Where a track is cut into the lines a GIS draws, as MovingPandas' splitters cut a trajectory.
struct TrackSplitRule
{
    enum class By
    {
        None,  ///< one line a track
        Gap,   ///< at every silence longer than gapHours (ObservationGapSplitter)
        Stop,  ///< the moves between stops, each stop left out (StopSplitter)
        Day,   ///< at each midnight UTC (TemporalSplitter, "day")
        Week,  ///< at each Monday 00:00 UTC (ISO weeks)
        Month, ///< at each first of the month, 00:00 UTC
    };
    By by = By::None;
    double gapHours = 2.0; ///< the workbench's track lines break at silences over 2 h
    StopParameters stops;

    /// "none", "gap:2h", "stop:500m,1h", "day", "week", "month": the text parseTrackSplitRule reads.
    QString toText() const;
    bool operator==(const TrackSplitRule &) const = default;
};

/// Reads "none", "gap" (2 h) or "gap:DURATION" (30m, 2h, 1.5d, 90s; a bare number is hours),
/// "stop" or "stop:DIAMETER,DURATION" (500m or 0.5km; the duration as above), "day", "week",
/// "month". Nothing, with *error, for anything else.
std::optional<TrackSplitRule> parseTrackSplitRule(const QString &text, QString *error = nullptr);

/// Milliseconds of "30m", "2h", "1.5d", "90s" or a bare number of hours; nothing when not one.
std::optional<std::int64_t> parseShortDuration(const QString &text);

/// Positions first..last (inclusive) of a track.
struct TrackSegment
{
    std::size_t first = 0;
    std::size_t last = 0;
    bool operator==(const TrackSegment &) const = default;
};

/// The segments of a track (times ascending) by `rule`, in time order. A period's or a gap's
/// segments cover every position; by stop, the segments are the moves between stops, each
/// beginning at the last position of the stop before it and ending at the first of the stop
/// after it, so the lines meet the stops.
std::vector<TrackSegment> splitTrack(std::span<const std::int64_t> timesMs, std::span<const QPointF> lonLat,
                                     const TrackSplitRule &rule);

} // namespace sightline
