#pragma once

#include <QString>
#include <QStringList>

#include <array>
#include <cstdint>
#include <functional>
#include <vector>

namespace sightline {

class TrackStore;
class VesselRegistry;

/// Which CSV column holds which field, and how to read times and speeds.
struct CsvColumnMapping
{
    enum Field
    {
        Mmsi,
        Time,
        Lat,
        Lon,
        Sog,
        Cog,
        Heading,
        Status,
        Name,
        Imo,
        CallSign,
        ShipType,
        FieldCount
    };
    enum class TimeFormat
    {
        Iso,
        DayMonthYear,
        UnixSeconds
    };

    QString preset; ///< the preset's name, or "custom"
    std::array<int, FieldCount> column;
    TimeFormat timeFormat = TimeFormat::Iso;
    double speedScale = 1.0; ///< MarineTraffic gives knots × 10

    CsvColumnMapping() { column.fill(-1); }
    bool isComplete() const
    {
        return column[Mmsi] >= 0 && column[Time] >= 0 && column[Lat] >= 0 && column[Lon] >= 0;
    }
    static const char *fieldName(Field f);
};

/// A known export layout: recognised by its header, read without questions.
struct CsvPreset
{
    QString name;
    /// For each field, the header names it goes by in this export (case-insensitive).
    std::array<QStringList, CsvColumnMapping::FieldCount> headers;
    CsvColumnMapping::TimeFormat timeFormat = CsvColumnMapping::TimeFormat::Iso;
    double speedScale = 1.0;
};

/// Danish Maritime Authority, NOAA MarineCadastre, MarineTraffic, Global Fishing Watch,
/// and MarineCadastre as QGIS/MovingPandas re-export it (X/Y columns).
const std::vector<CsvPreset> &csvPresets();

/// The header row of a CSV file (delimiter sniffed), or empty with `error`.
QStringList readCsvHeader(const QString &path, QString *error);
/// The first preset whose MMSI, time and position columns are all in `header`;
/// an incomplete mapping (preset empty) when none fits.
CsvColumnMapping detectCsvMapping(const QStringList &header);
/// The mapping a preset gives for this header.
CsvColumnMapping mappingFromPreset(const CsvPreset &preset, const QStringList &header);

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
    std::int64_t rows = 0;
    std::int64_t positionsKept = 0;
    std::int64_t duplicatesRemoved = 0;
    std::array<std::int64_t, ReasonCount> rejected{};
    std::array<std::vector<std::pair<std::int64_t, QString>>, ReasonCount> examples;
    bool cancelled = false;

    static const char *reasonText(Reason r);
    QString describe() const;
};

/// Reads position rows into the store and vessel details into the registry.
/// False only when the file cannot be read or the mapping lacks MMSI, time or position.
bool importCsvTracks(const QString &path, const CsvColumnMapping &mapping, TrackStore &store,
                     VesselRegistry &registry, CsvImportReport &report,
                     const std::function<bool(double)> &progress = {}, QString *error = nullptr);

} // namespace sightline
