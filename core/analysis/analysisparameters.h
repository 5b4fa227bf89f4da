#pragma once

#include <QJsonObject>
#include <QString>

namespace sightline {

/// The thresholds of each detector, with the defaults of Global Fishing Watch where
/// GFW publishes one. Each event keeps the parameters that produced it (toJson).

/// Whether a dark period's path was being heard (ReceptionModel, gapreception.h): the grid
/// of the model and the thresholds that turn what was heard along the path into a cause.
struct ReceptionParameters
{
    double cellDeg = 0.25; ///< cells of the model, degrees of longitude and latitude
    double binHours = 1.0; ///< time bins of the model
    /// Fewer cell-bins than this along the path in cells where other vessels are ever heard:
    /// too little evidence, the cause is "unknown".
    int minCellsWithData = 3;
    double switchedOffScore = 0.5;  ///< a disabling score at least this: "switched_off"
    double coverageHoleScore = 0.1; ///< at most this: "out_of_coverage"
    /// Adds the reception keys to a detector's parameter JSON.
    void addTo(QJsonObject &json) const;
    /// What makes these thresholds meaningless (a cell or bin of zero, a switched-off score not
    /// above the coverage-hole one), or empty when they are usable.
    QString problem() const;
};

struct GapParameters
{
    double minGapHours = 12.0;   ///< GFW's "AIS disabling" threshold
    double maxSpeedKnots = 15.0; ///< sizes the reachable area of a dark period
    double portDistanceKm = 3.0; ///< an end inside a port polygon or this close to a port point is "in port"
    double nearShoreKm = 10.0;   ///< an end this close to land (when a land layer is given) is "near shore"
    ReceptionParameters reception;
    QJsonObject toJson() const;
};

struct PortCallParameters
{
    double entryDistanceKm = 3.0; ///< point ports: a call starts this close (GFW: 3 km)
    double exitDistanceKm = 4.0;  ///< point ports: it ends beyond this (GFW: 4 km); polygons: beyond
                                  ///< (exit − entry) outside the outline
    double stopStartKnots = 0.2;  ///< below this a stop starts (GFW)
    double stopEndKnots = 0.5;    ///< above this it ends (GFW)
    double inPortGapHours = 4.0;  ///< silence this long inside a port is a "gap in port": a stay (GFW)
    double minDurationHours = 0.5;
    /// Calls a dark vessel could have made: ports inside a gap's reachable area with time
    /// for at least `inferredMinStayHours` there. Confidence 1, marked inferred.
    bool inferFromGaps = true;
    double darkGapHours = 12.0;
    double maxSpeedKnots = 15.0;
    double inferredMinStayHours = 6.0;
    /// No call is inferred at a port whose cell heard nobody while the vessel could have been
    /// there (though others are heard there at other times), nor during a dark period whose
    /// path was out of coverage: a silence there says nothing.
    ReceptionParameters reception;
    QJsonObject toJson() const;
};

struct EncounterParameters
{
    double maxDistanceM = 500.0;           ///< GFW
    double minDurationHours = 2.0;         ///< GFW
    double maxMedianSpeedKnots = 2.0;      ///< GFW
    double stepMinutes = 10.0;             ///< positions are interpolated to these common times (GFW: 10 min)
    double maxInterpolationMinutes = 60.0; ///< no position is made up across a longer silence
    double portDistanceKm = 3.0;           ///< in-port encounters are kept and flagged
    QJsonObject toJson() const;
};

struct LoiteringParameters
{
    double maxSpeedKnots = 2.0;
    double minDurationHours = 4.0;
    double maxGapHours = 2.0;   ///< a longer silence ends a slow stretch
    bool includeInPort = false; ///< a ship moored in port is not loitering, unless asked
    double portDistanceKm = 3.0;
    QJsonObject toJson() const;
};

/// Stops as MovingPandas' TrajectoryStopDetector finds them: a run of positions no two of which
/// are more than maxDiameterM apart, lasting at least minDurationHours.
struct StopParameters
{
    double maxDiameterM = 500.0; ///< a ship at anchor swings through a few hundred metres
    double minDurationHours = 1.0;
    double portDistanceKm = 3.0; ///< a stop whose centre is this close to a port is named after it
    /// A longer silence ends a stop (0: none does, as in MovingPandas). Without it a ship that went
    /// dark and came back where it went quiet would be "stopped" through its dark period, which
    /// the gaps answer instead.
    double maxGapHours = 6.0;
    QJsonObject toJson() const;
    bool operator==(const StopParameters &) const = default;
};

/// The plausibility checks every analysis runs first (trackcleaning.h): positions that fail them
/// are marked, never deleted, and the detectors skip them.
struct CleaningParameters
{
    bool enabled = true;
    double maxSpeedKnots = 50.0;   ///< faster than this to and from both neighbours: not where the ship was
    double minJumpKm = 1.0;        ///< shorter jumps are GPS noise however short the time
    double duplicateMetres = 10.0; ///< within a second and this close to the report before: the same report
    QJsonObject toJson() const;
    /// The parameters as toJson() wrote them; keys it lacks keep their defaults.
    static CleaningParameters fromJson(const QJsonObject &json);
};

struct SpoofingParameters
{
    double maxSpeedKnots = 50.0; ///< faster than any merchant ship
    double minJumpKm = 1.0;      ///< shorter jumps are GPS noise however short the time
    QJsonObject toJson() const;
};

} // namespace sightline
