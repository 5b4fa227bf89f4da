#include "ui/project/projecttrackimport.h"

#include "layers/tracklayer.h"
#include "project/project.h"
#include "project/projectlayers.h"
#include "tracks/trackgeopackage.h"

#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

namespace sightline {

std::int64_t ProjectTrackImportOutcome::positionsWritten() const
{
    std::int64_t n = 0;
    for (const TrackImportResult &r : results)
        n += r.positionsWritten;
    return n;
}

std::int64_t ProjectTrackImportOutcome::broadcastsKept() const
{
    std::int64_t n = 0;
    for (const TrackImportResult &r : results)
        n += r.baseStationsKept + r.aidsToNavigationKept + r.safetyMessagesKept;
    return n;
}

std::int64_t ProjectTrackImportOutcome::safetyMessagesKept() const
{
    std::int64_t n = 0;
    for (const TrackImportResult &r : results)
        n += r.safetyMessagesKept;
    return n;
}

QString ProjectTrackImportOutcome::report() const
{
    QStringList parts;
    for (const TrackImportResult &r : results)
        if (!r.report.isEmpty())
            parts << r.report;
    return parts.join(QStringLiteral("\n\n"));
}

QFuture<ProjectTrackImportOutcome> importTracksIntoProject(const QString &projectPath, const QStringList &files,
                                                           const QHash<QString, CsvColumnMapping> &mappings,
                                                           std::shared_ptr<std::atomic<bool>> cancel)
{
    return QtConcurrent::run([projectPath, files, mappings,
                              cancel](QPromise<ProjectTrackImportOutcome> &promise) {
        promise.setProgressRange(0, 1000);
        ProjectTrackImportOutcome outcome;
        outcome.projectPath = projectPath;
        outcome.files = files;
        for (int k = 0; k < files.size(); ++k) {
            TrackImportOptions options;
            if (mappings.contains(files[k]))
                options.csvMapping = mappings.value(files[k]);
            // Exceptions stop at the thread boundary; the file's result says what went wrong.
            try {
                outcome.results << importTrackFile(projectPath, files[k], options, [&](double fraction) {
                    promise.setProgressValue(int((k + fraction) / files.size() * 1000));
                    return !cancel->load();
                });
            } catch (const std::exception &e) {
                TrackImportResult failed;
                failed.error = QStringLiteral("'%1': %2").arg(files[k], QString::fromUtf8(e.what()));
                outcome.results << failed;
            }
        }
        if (outcome.positionsWritten() > 0) {
            auto store = std::make_shared<TrackStore>();
            auto registry = std::make_shared<VesselRegistry>();
            if (TrackGeoPackage::read(projectPath, *store, *registry, &outcome.readBackError))
                outcome.tracks = std::make_shared<TrackLayer>(projectTracksLayerName(projectPath), projectPath,
                                                              std::move(store), std::move(registry));
        }
        if (outcome.broadcastsKept() > 0)
            for (const ProjectLayer &entry : aisBroadcastLayerEntries(projectPath)) {
                QString error;
                if (auto layer = openAisBroadcastLayer(projectPath, entry.layerName, &error))
                    outcome.broadcastLayers << layer;
                else if (outcome.readBackError.isEmpty())
                    outcome.readBackError = error;
            }
        promise.addResult(outcome);
    });
}

} // namespace sightline
