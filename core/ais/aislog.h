#pragma once

#include "ais/aismessage.h"
#include "ais/nmeareader.h"

#include <QString>

#include <array>
#include <cstdint>
#include <functional>

namespace sightline::ais {

/// What reading one log found: counts by outcome, and the first few rejected
/// records of each kind with their line numbers.
struct AisLogSummary
{
    QString file;
    NmeaReader::Stats reader;
    std::int64_t decoded = 0;
    std::int64_t withoutTime = 0;
    /// True when the reading was stopped (cancelled) before the end of the file.
    bool stopped = false;
    /// Decoded messages by type.
    std::array<std::int64_t, 28> byType{};
    /// Type 1–3 reports of 163–167 bits, decoded with the missing bits read as zero (as gpsd does).
    std::int64_t shortPositionReports = 0;

    /// A report for a person: one line of totals, then one line per rejection
    /// kind with the first places it happened ("file:line: detail").
    QString describe() const;
};

using AisMessageSink = std::function<void(const AisMessage &, const RawMessage &)>;
/// Told the fraction of the input read so far, now and then; returning false stops the reading.
using AisProgress = std::function<bool(double)>;

/// Reads an NMEA log (AIVDM/AIVDO with any talker, tag blocks, the common
/// timestamp forms), decodes every message and hands the decoded ones to
/// `sink`. False with `error` set only when the file cannot be read at all;
/// bad records are counted in `summary`, never fatal.
bool readAisLog(const QString &path, const AisMessageSink &sink, AisLogSummary &summary, QString *error,
                const AisProgress &progress = {});

/// The same over bytes already in memory (tests, fuzzing).
/// Returns false when `progress` asked to stop.
bool readAisLogData(const char *data, std::size_t size, const AisMessageSink &sink, AisLogSummary &summary,
                    const AisProgress &progress = {});

} // namespace sightline::ais
