#pragma once

#include "tracks/csvtime.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>
#include <utility>
#include <vector>

namespace sightline {

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

    QString preset; ///< the preset's name, "generic column names", or "custom columns"
    std::array<int, FieldCount> column;
    /// Unset: read off the first rows of the file when it is imported.
    std::optional<CsvTimeFormat> timeFormat;
    double speedScale = 1.0; ///< MarineTraffic gives knots × 10

    CsvColumnMapping() { column.fill(-1); }
    bool isComplete() const
    {
        return column[Mmsi] >= 0 && column[Time] >= 0 && column[Lat] >= 0 && column[Lon] >= 0;
    }
    /// For a person: "Latitude", "Time (UTC)" ...
    static const char *fieldName(Field f);
    /// For `--columns`: "lat", "time" ...
    static const char *fieldKey(Field f);
};

/// A known export layout: recognised by its header, read without questions.
struct CsvPreset
{
    QString name;
    /// For each field, the header names it goes by in this export (case-insensitive).
    std::array<QStringList, CsvColumnMapping::FieldCount> headers;
    /// Columns only this export has; when set, at least one must be in the header, so that a
    /// header that merely shares the common names (mmsi, timestamp, lat, lon) is not taken for it.
    QStringList markers;
    std::optional<CsvTimeFormat> timeFormat;
    double speedScale = 1.0;
};

/// Danish Maritime Authority, NOAA MarineCadastre, MarineTraffic, Global Fishing Watch,
/// and MarineCadastre as QGIS/MovingPandas re-export it (X/Y columns).
const std::vector<CsvPreset> &csvPresets();

/// The header row of a CSV file (delimiter sniffed), or empty with `error`.
QStringList readCsvHeader(const QString &path, QString *error);

/// A header and the first rows of a CSV file, for detection and preview.
struct CsvPreview
{
    QStringList header;
    QList<QList<QByteArray>> rows;
};
CsvPreview readCsvPreview(const QString &path, int rows, QString *error);

/// A header name reduced to what it means: lower case, without '#', units in brackets,
/// separators and unit words ("Latitude (deg)", "lat_deg" → "latitude", "lat").
QString canonicalCsvHeader(const QString &header);

/// The mapping a preset gives for this header.
CsvColumnMapping mappingFromPreset(const CsvPreset &preset, const QStringList &header);
/// The columns generic names give (lat/latitude/y, lon/longitude/x, time/timestamp ...).
CsvColumnMapping mappingFromGenericNames(const QStringList &header);
/// The first preset whose MMSI, time and position columns (and marker) are in `header`, else
/// the generic names; incomplete when neither finds all four.
CsvColumnMapping detectCsvMapping(const QStringList &header);
/// The same, with the time format read off the preview's rows.
CsvColumnMapping detectCsvMapping(const CsvPreview &preview);

/// The FIELD=COLUMN pairs of a `--columns` text, checked for their form and field names (the
/// columns are found only in a header); nothing, with `error`, when one is wrong.
std::optional<std::vector<std::pair<CsvColumnMapping::Field, QString>>> parseCsvColumnSpec(const QString &spec,
                                                                                         QString *error);

/// Sets the columns `spec` names ("lat=Y,lon=X,time=ts,mmsi=3": a field key, '=', a header
/// name in any case or a 1-based column number), on top of what `mapping` has. False with
/// `error` for an unknown field or a column the header does not have.
bool applyCsvColumnSpec(CsvColumnMapping &mapping, const QStringList &header, const QString &spec,
                        QString *error);

/// Which of MMSI, time, latitude and longitude have no column, and the header's columns:
/// "no column for time and latitude among: a, b, c".
QString describeMissingCsvColumns(const CsvColumnMapping &mapping, const QStringList &header);

} // namespace sightline
