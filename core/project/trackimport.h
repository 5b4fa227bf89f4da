#pragma once

#include "project/trackarchive.h"
#include "tracks/aisbroadcasts.h"
#include "tracks/aisimport.h"
#include "tracks/csvimport.h"
#include "tracks/trackstore.h"
#include "tracks/vesselregistry.h"

#include <QString>

#include <cstdint>
#include <functional>
#include <optional>

namespace sightline {

/// How to read a track file.
struct TrackImportOptions
{
    AisImportOptions ais;
    /// A CSV's columns; when unset, those of the known export its header matches.
    std::optional<CsvColumnMapping> csvMapping;
    /// Columns named on top of the detected ones ("lat=Y,lon=X,time=ts,mmsi=id"; see applyCsvColumnSpec).
    QString csvColumns;
    /// How a CSV gives its times, when its first rows do not say.
    std::optional<CsvTimeFormat> csvTimeFormat;
};

/// A track file read into memory, not yet written anywhere.
struct TrackFileContents
{
    TrackStore store;
    VesselRegistry registry;
    AisBroadcasts broadcasts; ///< an AIS log's base stations, aids to navigation and safety messages
    std::int64_t positionsKept = 0;
    /// Position reports left out because the log gives them no receive time.
    std::int64_t positionsWithoutTime = 0;
    QString report; ///< what the reader kept and rejected, line by line
    bool cancelled = false;
    QString error; ///< set when the file could not be read at all
};

/// Reads an NMEA log, a CSV export or a GPX file (by its suffix) with `progress` (0..1,
/// false to stop: `cancelled` is set and what was read so far is kept).
TrackFileContents readTrackFile(const QString &file, const TrackImportOptions &options = {},
                                const std::function<bool(double)> &progress = {});

/// Whether a read file gives nothing to write: no position, and either nothing else or
/// positions left out for want of a receive time. Such a file is not recorded as imported,
/// so it can be read again (with a time fallback).
bool keepsNothing(const TrackFileContents &contents);
/// Why, for a person: "no position was kept", and what to do when positions had no time.
QString nothingKeptReason(const TrackFileContents &contents);

/// What importing one file into a project did.
struct TrackImportResult
{
    enum class Outcome
    {
        Imported,
        ImportedBefore, ///< the project records a file with the same SHA-256: nothing read or written
        NothingKept,    ///< the file was read but gave no position: nothing written
        Cancelled,      ///< stopped while reading or writing: nothing written
        Failed          ///< the file could not be read or the project written: `error` says which
    };
    Outcome outcome = Outcome::Failed;
    std::int64_t positionsWritten = 0;
    std::int64_t vesselsWritten = 0;
    std::int64_t baseStationsKept = 0;
    std::int64_t aidsToNavigationKept = 0;
    std::int64_t safetyMessagesKept = 0;
    QString sha256;
    QString report;
    QString error;
};

/// The one import path of the workbench and `ais import`: reads `file` and writes its
/// positions, vessels and the import record (file, SHA-256, time, report) into the project
/// GeoPackage at `projectPath` in one transaction. `progress` (0..1, reading then writing)
/// may return false to cancel, leaving the project as it was.
TrackImportResult importTrackFile(const QString &projectPath, const QString &file,
                                  const TrackImportOptions &options = {},
                                  const std::function<bool(double)> &progress = {});

/// Imports one input that expandTrackInputs gave (a plain file, or a file inside an archive,
/// unpacked for the read into a temporary folder and recorded under its inner name
/// "day.zip/aisdk.csv"), as importTrackFile does.
TrackImportResult importTrackInput(const QString &projectPath, const TrackInput &input,
                                   const TrackImportOptions &options = {},
                                   const std::function<bool(double)> &progress = {});

/// A track input read as readTrackFile reads a file, with its report and errors naming the
/// input (not the temporary copy); `sha256` gets the SHA-256 of its bytes.
TrackFileContents readTrackInput(const TrackInput &input, const TrackImportOptions &options,
                                 const std::function<bool(double)> &progress, QString *sha256);

/// Writes what readTrackFile gave into the project at `projectPath` (see importTrackFile).
TrackImportResult writeTrackImport(const QString &projectPath, const QString &file, const QString &sha256,
                                   const TrackFileContents &contents,
                                   const std::function<bool(double)> &progress = {});

} // namespace sightline
