#pragma once

#include "analysis/analysisparameters.h"
#include "analysis/analysisprogress.h"
#include "analysis/movementevent.h"
#include "analysis/trackcleaning.h"
#include "analysis/voyages.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace sightline {

class PortSet;
class TrackStore;

/// The analyses a user runs (menu, command line), each answering one question.
enum class AnalysisKind
{
    Gaps,
    PortCalls,
    Voyages, ///< port calls → voyages, the origin–destination table, and round trips between two ports
    Encounters,
    Loitering,
    Spoofing,
    Stops ///< MovingPandas' stops: within a small circle for a while, in port or at sea
};

/// "gaps", "port-calls", "voyages", "encounters", "loitering", "spoofing", "stops".
QString analysisKindKey(AnalysisKind kind);
QString analysisKindLabel(AnalysisKind kind);
std::optional<AnalysisKind> analysisKindFromKey(const QString &key);
QList<AnalysisKind> allAnalysisKinds();
/// The event types a run of `kind` produces (and so replaces in a project).
QList<EventType> eventTypesOf(AnalysisKind kind);
/// Whether the analysis needs ports to say anything.
bool analysisNeedsPorts(AnalysisKind kind);

/// One run: which analysis, with which thresholds.
struct AnalysisRequest
{
    AnalysisKind kind = AnalysisKind::Gaps;
    /// Run before every analysis: the detectors skip the positions it marks.
    CleaningParameters cleaning;
    GapParameters gaps;
    PortCallParameters portCalls;
    EncounterParameters encounters;
    LoiteringParameters loitering;
    SpoofingParameters spoofing;
    StopParameters stops;
    /// Voyages: the two ports whose round trips are counted (names as the port layer has them); may be empty.
    QString roundTripPortA;
    QString roundTripPortB;

    /// The parameters of this kind as JSON, the cleaning's under "cleaning" (stored with the run).
    QJsonObject parametersJson() const;
    /// The parameters of this kind alone.
    QJsonObject kindParametersJson() const;
};

struct AnalysisResult
{
    std::vector<MovementEvent> events;
    std::vector<OriginDestination> originDestination; ///< voyages only
    /// The positions the cleaning set aside (of the store the run was given); empty when it was off.
    std::shared_ptr<const TrackCleaning> cleaning;
    QString error;                                    ///< e.g. a round-trip port that is not among the ports
    bool cancelled = false;                           ///< `progress` said stop: no events
};

/// Replaces the round-trip ports as typed ("rajin") by the names the port layer has
/// ("Rajin (Rason) port"); false, with a message, when one matches no port or several.
bool resolveRoundTripPorts(AnalysisRequest &request, const PortSet &ports, QString *error);

/// Cleans the tracks (cleanTracks), then runs the analysis on the positions the cleaning kept; the
/// spoofing check alone sees every position, since the jumps it reports are what the cleaning sets
/// aside. Each event's parameters hold the cleaning's under "cleaning". Round-trip port names are
/// resolved as above. Touches nothing but its arguments,
/// so it may run on a worker thread; `progress` (0..1) returning false stops it, with `cancelled`
/// set and no events.
AnalysisResult runAnalysis(const AnalysisRequest &request, const TrackStore &tracks, const PortSet &ports,
                           const PortSet *land = nullptr, const AnalysisProgress &progress = {});

} // namespace sightline
