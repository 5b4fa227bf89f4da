#pragma once

#include "analysis/movementevent.h"
#include "project/project.h"
#include "model/sighting.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace sightline {

class Layer;

/// One file (or service) a brief's content comes from, for its sources page.
struct BriefSource
{
    QString name;   ///< the layer's name, or the file's for an AIS import
    QString kind;   ///< "Imagery", "Vector data", "AIS", "Service"
    QString file;   ///< file name (or URL), as a reader would look for it
    QString sha256; ///< of the file's bytes; empty for a service or an unreadable file
    QString provider;
    std::int64_t acquiredMs = 0; ///< imagery acquisition time (UTC), 0 when unknown
    QString note;                ///< "simulated", "approximate", "illustrative", or a count
};

/// Everything a brief draws on, gathered once from a project and its layers.
struct BriefInputs
{
    QString projectTitle;
    QString projectFile;                  ///< the project's file name
    QList<std::shared_ptr<Layer>> layers; ///< bottom first, as the project shows them
    QStringList missingLayers;            ///< names of the project's layers that could not be opened
    QStringList missingReasons;           ///< why, one message per missing layer
    QList<SavedView> views;
    std::optional<QRectF> currentView; ///< lon/lat
    QList<Sighting> sightings;         ///< in the order the brief numbers them (observed time, then id)
    std::vector<MovementEvent> events;
    std::vector<DetectionRun> detectionRuns; ///< the last run of each image, earliest acquired first
    QList<BriefSource> sources;

    /// The number the sightings table and the figures' callouts give sighting `id`; 0 when not listed.
    int sightingNumber(std::int64_t id) const;
    /// The layer named `name`, or null.
    std::shared_ptr<Layer> layerNamed(const QString &name) const;
    /// "ANGARA (273145020)" from the track layers' vessel registries, or "MMSI 273145020".
    QString vesselName(std::uint32_t mmsi) const;
};

/// The inputs from an open project and its layers as opened (openProjectLayers for the command line,
/// the workbench's own for the composer). Layers named in the project but absent from `layers` are
/// listed as missing, with `problems` (messages naming them) as the reasons when given.
BriefInputs briefInputsFromProject(const Project &project, const QList<std::shared_ptr<Layer>> &layers,
                                   const QStringList &problems = {});

/// The sources of `layers` (and of the project's AIS imports): each file with its SHA-256 (files are
/// hashed once per size and modification time, then remembered), provider and acquisition time.
QList<BriefSource> briefSources(const QList<std::shared_ptr<Layer>> &layers);

/// SHA-256 of a file, remembered by path, size and modification time. Thread-safe.
QString cachedFileSha256(const QString &path);

} // namespace sightline
