#pragma once

#include "exchange/casecontent.h"

#include <QIODevice>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace sightline {

/// The formats a case goes out in.
enum class CaseFormat
{
    Kmz,        ///< Google Earth: doc.kml and its icons, zipped
    Kml,        ///< the same KML alone (Google Earth's pins, tinted)
    GeoJson,    ///< one RFC 7946 FeatureCollection, each feature naming its table in "layer"
    GeoPackage, ///< one table a layer (exchangetables.h)
    FlatGeobuf, ///< one file a table: OUT.fgb gives OUT-tracks.fgb, OUT-events.fgb, …
};

/// By the file's suffix: .kmz, .kml, .geojson/.json, .gpkg, .fgb; nothing otherwise.
std::optional<CaseFormat> caseFormatForPath(const QString &path);
/// "KMZ", "GeoJSON", … as a person reads it.
QString caseFormatName(CaseFormat format);
/// The suffixes a file dialog offers, one a format: "kmz", "kml", "geojson", "gpkg", "fgb".
QString caseFormatSuffix(CaseFormat format);
/// Whether the format can go to a stream (stdout): the text formats, KML and GeoJSON.
bool caseFormatStreams(CaseFormat format);

/// The files an export to `path` writes: `path` itself, or for FlatGeobuf one a table of `content`
/// (those it holds; none when it holds nothing).
QStringList caseExportFiles(const CaseContent &content, const QString &path, CaseFormat format,
                            bool withPositions);

/// Writes `content` to `path` in `format` (positions as points too with `withPositions`). Each file
/// is written beside under a temporary name and moved into place when whole, so a failed or
/// cancelled export leaves what was there before. Existing files are replaced: the caller asks
/// first. `progress` (0..1) returning false cancels. False with *error naming the file.
bool exportCase(const CaseContent &content, const QString &path, CaseFormat format, bool withPositions,
                QString *error, const std::function<bool(double)> &progress = {});

/// Writes a text format (KML or GeoJSON) to `out` (stdout).
bool exportCaseToStream(const CaseContent &content, QIODevice &out, CaseFormat format, bool withPositions,
                        QString *error);

} // namespace sightline
