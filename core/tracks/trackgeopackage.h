#pragma once

#include <QList>
#include <QString>

#include <cstdint>
#include <functional>

namespace sightline {

class AisBroadcasts;
class TrackStore;
class VesselRegistry;

/// Positions and vessels in a GeoPackage, as the project file keeps them:
///   ais_positions     points (EPSG:4326) with mmsi, time (UTC, ms), sog, cog, heading, status, flags,
///                     source (the receiver's tag-block "s:", empty when none) and channel ("A", "B")
///   vessels           one row per MMSI: IMO, current name, every name seen, call sign, type, size, flag
///   sightline_imports what was imported when, from which file (SHA-256) and what the import reported
///   track_lines       the positions as lines per vessel, kept in step by every import (tracklines.h)
/// and, from AIS logs, the base stations, aids to navigation and safety messages (aisbroadcasttables.h).
/// QGIS and ogrinfo read them all. A file written before positions kept their source reads as before.
class TrackGeoPackage
{
public:
    struct WriteResult
    {
        bool ok = false;
        bool alreadyImported = false; ///< the same file (by SHA-256) was imported before: nothing written
        bool cancelled = false;       ///< `progress` said stop: rolled back, nothing written
        std::int64_t positionsWritten = 0;
        std::int64_t vesselsWritten = 0;
        QString error;
    };

    /// Appends `store` and `registry` (read from `sourceFile`, whose SHA-256 is computed when
    /// `sha256` is empty) to `path`, creating it if missing. One transaction: on failure or
    /// cancel (`progress`, 0..1, returning false) nothing of this import is left behind.
    static WriteResult append(const QString &path, const QString &sourceFile, const TrackStore &store,
                              const VesselRegistry &registry, const QString &report,
                              const QString &sha256 = {},
                              const std::function<bool(double)> &progress = {},
                              const AisBroadcasts *broadcasts = nullptr);

    /// One line of sightline_imports: a file whose positions are in the project.
    struct Import
    {
        std::int64_t importedMs = 0;
        QString sourceFile; ///< as given to the import (absolute)
        QString sha256;
        std::int64_t positions = 0;
    };
    /// The imports recorded in `path`, oldest first; empty when it records none.
    static QList<Import> imports(const QString &path);
    /// True when `path` records an import of a file with this SHA-256.
    static bool wasImported(const QString &path, const QString &sha256);

    /// True when `path` is a GeoPackage holding ais_positions.
    static bool hasTracks(const QString &path);
    /// Reads every position and vessel back.
    static bool read(const QString &path, TrackStore &store, VesselRegistry &registry, QString *error);
};

/// Hex SHA-256 of a file's bytes (empty when it cannot be read).
QString fileSha256(const QString &path);

} // namespace sightline
