#pragma once

#include "model/sighting.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class QXmlStreamWriter;

namespace sightline {

/// The files sightings travel in to other tools: GeoJSON (QGIS, web maps), KML
/// (Google Earth) and CSV with WKT (spreadsheets). Each carries every field of
/// sightingToJson, so a sighting comes back as it went out.
enum class SightingFormat
{
    GeoJson,
    Kml,
    Csv
};

/// By extension: .geojson/.json, .kml, .csv; nullopt otherwise.
std::optional<SightingFormat> sightingFormatForPath(const QString &path);

/// Writes the sightings (atomically: a failed export leaves no half file);
/// false with *error naming the file when it cannot.
bool exportSightings(const QList<Sighting> &sightings, const QString &path, SightingFormat format,
                     QString *error);

/// Reads sightings written by exportSightings, or by another tool in the same
/// formats: GeoJSON features with our property names, KML Placemarks, CSV with a
/// WKT column or longitude/latitude columns. Ids are not kept (0); the other
/// fields are as the file has them. A multipoint without a count (or 0) counts its
/// points. Features that cannot be read (no or unsupported geometry, a bad time
/// or number, a sighting validate() refuses) are skipped, each with a line in
/// *problems naming the file and the feature ("feature 3", "Placemark 3",
/// "row 4" as a spreadsheet numbers it) and why. nullopt, with *error naming
/// the file, when the file itself cannot be read.
std::optional<QList<Sighting>> readSightings(const QString &path, QString *error, QStringList *problems);

/// One sighting as a KML Placemark (name, HTML description, TimeStamp of its observation, the
/// style `styleUrl` names when not empty, every field as ExtendedData, the geometry), as the KML
/// export writes it: for a case export that puts sightings among other layers.
void writeSightingPlacemark(QXmlStreamWriter &xml, const Sighting &sighting, const QString &styleUrl = {});

} // namespace sightline
