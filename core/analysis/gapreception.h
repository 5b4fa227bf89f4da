#pragma once

#include "analysis/analysisparameters.h"

#include <QJsonObject>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace sightline {

class ReceptionModel;
class TrackStore;

/// What was heard along a dark vessel's straight path (the last fix to the first, at the times
/// it would have passed each cell at constant speed), other than the vessel itself.
struct PathReception
{
    int cellBins = 0;         ///< distinct cell-bins the path passes through
    int cellBinsWithData = 0; ///< of those, in cells where other vessels are heard at some time
    int cellBinsHeard = 0;    ///< of those, in which other vessels were heard then
    /// Of those with data but nobody heard, in which a receiver that hears the cell at other times
    /// was heard somewhere then: it was up, so the cell was likely covered (no other traffic).
    int cellBinsReceiverUp = 0;
    /// (heard + receiver up + ½) / (with data + 1): the share of the path that was covered, pulled
    /// towards ½ when there is little evidence, so no data at all reads as "can't tell".
    double disablingScore = 0.5;
    QString likelyCause;   ///< "switched_off", "out_of_coverage" or "unknown"
    int vesselsHeard = 0;  ///< distinct other vessels heard in the path's cell-bins
    QStringList receivers; ///< the receivers that heard them (tag-block sources), when the log names any

    /// One spatial cell along the path, in path order.
    struct Cell
    {
        QRectF bounds; ///< lon/lat, y() the southern edge
        int bins = 0;
        int binsHeard = 0;
        int binsReceiverUp = 0;
        int vessels = 0; ///< distinct other vessels heard in its bins
        bool withData = false;
    };
    std::vector<Cell> cells;

    /// The evidence as event details: likely_cause, disabling_score, reception_cells and the counts.
    void writeTo(QJsonObject &details) const;
};

PathReception assessPath(const ReceptionModel &model, const TrackStore &tracks, std::uint32_t mmsi,
                         QPointF from, std::int64_t startMs, QPointF to, std::int64_t endMs,
                         const ReceptionParameters &parameters);

/// Whether a place's cell heard other vessels in [startMs, endMs].
enum class PlaceReception
{
    Heard,  ///< someone else was heard there then
    Silent, ///< others are heard there at other times, but nobody then: a coverage hole
    NoData  ///< nobody else is ever heard there: the model cannot tell
};
PlaceReception assessPlace(const ReceptionModel &model, std::uint32_t mmsi, QPointF lonLat,
                           std::int64_t startMs, std::int64_t endMs);
QString placeReceptionKey(PlaceReception reception);

} // namespace sightline
