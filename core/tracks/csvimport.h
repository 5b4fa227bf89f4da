#pragma once

#include "tracks/csvheader.h"

#include <QString>
#include <QStringList>

#include <array>
#include <cstdint>
#include <functional>
#include <vector>

namespace sightline {

class TrackStore;

/// importCsvTracks tells its progress once every this many rows: often enough for a prompt
/// Cancel, rarely enough to cost nothing.
constexpr std::int64_t kCsvRowsPerProgress = 65536;
class VesselRegistry;

struct CsvImportReport
{
    enum Reason
    {
        MalformedRow,
        BadValue,
        NoTime,
        PositionOutOfRange,
        InvalidMmsi,
        ReasonCount
    };
    QString file;
    QString preset;
    QString timeFormat; ///< how the times were read, for the report
    std::int64_t rows = 0;
    std::int64_t positionsKept = 0;
    std::int64_t duplicatesRemoved = 0;
    std::array<std::int64_t, ReasonCount> rejected{};
    std::array<std::vector<std::pair<std::int64_t, QString>>, ReasonCount> examples;
    bool cancelled = false;

    static const char *reasonText(Reason r);
    QString describe() const;
};

/// Reads position rows into the store and vessel details into the registry. A mapping without
/// a time format takes the one that reads the file's first times. False only when the file cannot
/// be read, the mapping lacks MMSI, time or position, or no time format reads the times.
bool importCsvTracks(const QString &path, const CsvColumnMapping &mapping, TrackStore &store,
                     VesselRegistry &registry, CsvImportReport &report,
                     const std::function<bool(double)> &progress = {}, QString *error = nullptr);

} // namespace sightline
