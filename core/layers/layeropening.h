#pragma once

#include "layers/layer.h"
#include "tracks/csvimport.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace sightline {

/// What to open and how: the one place that chooses a reader for a source, for the workbench,
/// the command line and projects alike.
struct LayerOpenRequest
{
    QString source; ///< a file path, a GDAL connection string or an imagery service URL
    /// Of a vector source: these layers; all its layers with features when empty.
    QStringList layerNames;
    /// The user asked for tracks (File → Import Tracks): a CSV or GPX is read as tracks, anything
    /// else as an AIS log whatever its name.
    bool asTracks = false;
    /// The columns of a CSV the user mapped; detected from a known export's header when unset.
    std::optional<CsvColumnMapping> csvMapping;
    /// Reading a track file reports 0..1; returning false stops it, keeping what was read.
    std::function<bool(double)> progress;
};

struct OpenedLayers
{
    QList<std::shared_ptr<Layer>> layers; ///< empty when nothing could be opened
    QString error;                        ///< why not, or what of several layers failed
    QString report;                       ///< what a track import kept and left out
};

/// True when the request is read as tracks: asked for as tracks, an AIS log, or a known CSV export.
bool readsAsTracks(const LayerOpenRequest &request);

/// Opens a source as the request says: tracks from AIS logs, known CSV exports, GPX and track
/// GeoPackages; vector layers from anything OGR reads; imagery from anything GDAL reads and
/// from tile services.
OpenedLayers openLayers(const LayerOpenRequest &request);

/// Opens whatever a user hands us as a layer: a file path or a GDAL
/// connection string, or an imagery service URL. Null and a message on failure.
/// For a source with several vector layers, the first one.
std::shared_ptr<Layer> openLayer(const QString &source, QString *error);

/// The layers of a source read as its own kind: `layerNames` of a vector source (all its
/// layers with features when empty), or the one layer of anything else.
QList<std::shared_ptr<Layer>> openLayers(const QString &source, QString *error,
                                         const QStringList &layerNames = {});

/// True when `source` is read as vector data (GeoJSON, Shapefile, GeoPackage
/// without imagery, KML, OSM...), false for imagery and tracks.
bool isVectorSource(const QString &source);

} // namespace sightline
