#pragma once

#include "project/trackimport.h"

#include <QFuture>
#include <QHash>
#include <QList>
#include <QStringList>

#include <atomic>
#include <memory>

namespace sightline {

class Layer;
class TrackLayer;

/// What File → Import Tracks did to the open project, file by file.
struct ProjectTrackImportOutcome
{
    QString projectPath;
    /// The files imported, those inside archives and folders by name ("day.zip/aisdk.csv").
    QStringList files;
    QStringList sources;              ///< the files, archives and folders as they were given
    QList<TrackImportResult> results; ///< one per entry of `files`, in order
    /// The project's tracks read back after something was added; null otherwise.
    std::shared_ptr<TrackLayer> tracks;
    /// The project's receivers and aids to navigation read back after an import kept some.
    QList<std::shared_ptr<Layer>> broadcastLayers;
    QString readBackError;

    std::int64_t positionsWritten() const;
    /// Receivers, aids to navigation and safety messages the files added.
    std::int64_t broadcastsKept() const;
    std::int64_t safetyMessagesKept() const;
    /// The readers' reports of the files read, one after another.
    QString report() const;
};

/// Imports `files` (track files, archives of them, folders of them) into the project at
/// `projectPath` in a worker thread, one file after another through importTrackInput (progress 0..1000 over
/// all files; `cancel` stops the file being read or written, and the ones after it, leaving them out of the
/// project). `mappings` holds the columns chosen for CSVs that match no known export.
QFuture<ProjectTrackImportOutcome> importTracksIntoProject(const QString &projectPath,
                                                           const QStringList &files,
                                                           const QHash<QString, CsvColumnMapping> &mappings,
                                                           std::shared_ptr<std::atomic<bool>> cancel);

} // namespace sightline
