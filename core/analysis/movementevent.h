#pragma once

#include <QJsonObject>
#include <QList>
#include <QPointF>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace sightline {

/// What a movement analysis derived from the tracks (DESIGN.md, data model: Event).
enum class EventType
{
    Gap,       ///< the vessel went dark: no position for at least the gap threshold
    PortCall,  ///< a stay in a port, seen in the positions or inferred from a dark period
    Voyage,    ///< from one port call to the next
    RoundTrip, ///< port A → port B → port A, for two ports the analyst chose
    Encounter, ///< two vessels close together, slowly, for a while
    Loitering, ///< one vessel slow at sea for a while
    Spoofing,  ///< positions no ship could have made: impossible speed, one MMSI in two places
    Stop,      ///< positions that stayed within a small circle for a while (MovingPandas' stops)
    /// A safety message the vessel sent (AIS types 12 and 14): not found by an analysis but heard,
    /// kept by the AIS import. Its id is negative (the row of ais_safety_messages, negated).
    SafetyMessage,
    /// A vessel found in a SAR image, matched to an AIS vessel (its MMSI) or not (MMSI 0: dark).
    /// Not found by an analysis of the tracks but in an image, kept by the detection in its own
    /// table; its id is negative (the row of detections, offset: see kDetectionEventIdOffset).
    VesselDetection
};

/// "gap", "port-call", … as the command line, the project and the files name them.
QString eventTypeKey(EventType type);
/// "Gap", "Port call", … as a person reads them.
QString eventTypeLabel(EventType type);
std::optional<EventType> eventTypeFromKey(const QString &key);
QList<EventType> allEventTypes();

/// One event. `from` and `to` are lon/lat places whose meaning depends on the type:
///   gap            the last fix before and the first fix after the dark period
///   port call      where the vessel was first and last seen in the port (the port's
///                  centre for a call inferred from a dark period)
///   voyage, round trip   the departure port's and the arrival port's centres
///   encounter      the two vessels' median positions while together
///   loitering      the first and last slow positions
///   spoofing       the two places the jump (or the two transmitters) joined
///   stop           the first and last positions of the stop (its centre in the details)
///   safety message where the sender's own positions put it when it sent (both the same)
///   vessel detection  where the image shows the vessel, at the acquisition (both the same)
/// Type-specific values (distances, flags, the ports a dark vessel could reach) are in
/// `details`; the analysis parameters that produced the event are in `parameters`.
struct MovementEvent
{
    std::int64_t id = 0; ///< 0 until stored in a project
    EventType type = EventType::Gap;
    std::uint32_t mmsi = 0;
    std::uint32_t otherMmsi = 0; ///< the second vessel of an encounter
    std::int64_t startMs = 0;
    std::int64_t endMs = 0;
    QPointF from;
    QPointF to;
    QString place;      ///< port name, "Dunai → Rajin", or empty at sea
    int confidence = 0; ///< port calls, voyages, round trips: 1 (inferred) – 4 (entry, stay and exit seen)
    QJsonObject details;
    QJsonObject parameters;

    double durationHours() const { return double(endMs - startMs) / 3.6e6; }
    /// A port call inferred from a dark period (its detail "inferred"): a port the vessel could have
    /// reached and left while dark, not one it was seen at. Confidence 1 alone does not make one: a
    /// call seen only in part (its entry or its exit) has it too, and was observed.
    bool isInferredCall() const;
    /// A round trip whose far port is such a call (its detail "b_inferred").
    bool hasInferredFarCall() const;
    /// A gap's likely cause as words with its disabling score ("likely switched off (score 0.96)"),
    /// empty for other events and for gaps found before the reception model.
    QString gapCauseText() const;
    /// A one-line description for lists: "Dark 51.2 h, 131.10°E → 131.09°E".
    QString summary() const;
    bool operator==(const MovementEvent &) const = default;
};

/// Everything of an event as one JSON object (times ISO 8601 UTC), as `analyze
/// --format json` writes it and the project stores the details.
QJsonObject eventToJson(const MovementEvent &event, const QString &vesselName = {},
                        const QString &otherVesselName = {});

/// CSV: the common columns, then the type's detail keys in a fixed order.
QStringList eventCsvHeader(EventType type);
QStringList eventCsvRow(const MovementEvent &event, const QString &vesselName = {},
                        const QString &otherVesselName = {});

/// The units the detectors share: AIS speeds are in knots, distances in nautical miles.
constexpr double kMetresPerNauticalMile = 1852.0;
constexpr double kMsPerHour = 3.6e6;
inline double knotsFrom(double metres, std::int64_t ms)
{
    return ms > 0 ? metres / kMetresPerNauticalMile / (double(ms) / kMsPerHour) : 0.0;
}

} // namespace sightline
