#pragma once

#include "ais/aislog.h"

#include <QString>

#include <array>
#include <cstdint>
#include <functional>
#include <vector>

namespace sightline {

class AisBroadcasts;
class TrackStore;
class VesselRegistry;

struct AisImportOptions
{
    /// For logs with no receive times: time each position from the last base
    /// station report (type 4) before it plus the report's own UTC second.
    /// Off by default — positions without a time are rejected, never guessed.
    bool baseStationTimeFallback = false;
};

/// What an import did, for the report a user reads at the end.
struct AisImportReport
{
    enum Reason
    {
        NoTime,
        NoPosition,
        InvalidMmsi,
        ReasonCount
    };
    ais::AisLogSummary log;
    std::int64_t positionsKept = 0;
    std::int64_t timedFromBaseStation = 0;
    std::int64_t duplicatesRemoved = 0;
    std::int64_t baseStations = 0;     ///< distinct MMSIs of type 4 reports
    std::int64_t aidsToNavigation = 0; ///< distinct MMSIs of type 21 reports
    std::int64_t safetyMessages = 0;   ///< types 12 and 14, repeats merged
    std::array<std::int64_t, ReasonCount> rejected{};
    std::array<std::vector<std::int64_t>, ReasonCount> exampleLines;
    bool cancelled = false;

    static const char *reasonText(Reason r);
    /// Lines read, messages decoded, positions kept, rejections by reason with
    /// the file and line of the first few of each.
    QString describe() const;
};

/// Reads an NMEA log into the track store (position reports) and the vessel
/// registry (static reports). `progress` (0..1) may return false to cancel;
/// what was read before then stays imported. False only when the file cannot be read.
bool importAisLog(const QString &path, TrackStore &store, VesselRegistry &registry, AisImportReport &report,
                  const AisImportOptions &options = {}, const std::function<bool(double)> &progress = {},
                  QString *error = nullptr);
/// The same, keeping also the base stations, aids to navigation and safety messages in
/// `broadcasts` (each safety message placed where its sender's positions put it at the time).
/// Every position keeps the receiver (tag block "s:") and channel that heard it.
bool importAisLog(const QString &path, TrackStore &store, VesselRegistry &registry, AisBroadcasts &broadcasts,
                  AisImportReport &report, const AisImportOptions &options = {},
                  const std::function<bool(double)> &progress = {}, QString *error = nullptr);

} // namespace sightline
