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

QFuture<ProjectTrackImportOutcome> importTracksIntoProject(const QString &projectPath,
                                                           const QStringList &files,
                                                           const QHash<QString, CsvColumnMapping> &mappings,
                                                           std::shared_ptr<std::atomic<bool>> cancel)
{
    return QtConcurrent::run([projectPath, files, mappings,
                              cancel](QPromise<ProjectTrackImportOutcome> &promise) {
        promise.setProgressRange(0, 1000);
        ProjectTrackImportOutcome outcome;
        outcome.projectPath = projectPath;
        // An archive or a folder stands for the files in it: each is imported, reported and
        // recorded on its own ("day.zip/aisdk-2024-01-01.csv").
        outcome.sources = files;
        std::vector<TrackInput> inputs;
        std::vector<QString> givenAs;
        for (const QString &file : files) {
            QString error;
            const std::vector<TrackInput> expanded = expandTrackInputs(file, &error);
            if (expanded.empty()) {
                TrackImportResult failed;
                failed.error = error;
                outcome.files << file;
                outcome.results << failed;
            }
            for (const TrackInput &input : expanded) {
                inputs.push_back(input);
                givenAs.push_back(file);
            }
        }
        const int count = int(inputs.size());
        for (int k = 0; k < count && !cancel->load(); ++k) {
            TrackImportOptions options;
            if (mappings.contains(givenAs[std::size_t(k)]) && inputs[std::size_t(k)].vsiPath.isEmpty())
                options.csvMapping = mappings.value(givenAs[std::size_t(k)]);
            outcome.files << inputs[std::size_t(k)].name;
            // Exceptions stop at the thread boundary; the file's result says what went wrong.
            try {
                outcome.results << importTrackInput(
                    projectPath, inputs[std::size_t(k)], options, [&](double fraction) {
                        promise.setProgressValue(int((k + fraction) / count * 1000));
                        return !cancel->load();
                    });
            } catch (const std::exception &e) {
                TrackImportResult failed;
                failed.error =
                    QStringLiteral("'%1': %2").arg(inputs[std::size_t(k)].name, QString::fromUtf8(e.what()));
                outcome.results << failed;
            }
        }
        if (outcome.positionsWritten() > 0) {
            auto store = std::make_shared<TrackStore>();
            auto registry = std::make_shared<VesselRegistry>();
            if (TrackGeoPackage::read(projectPath, *store, *registry, &outcome.readBackError))
                outcome.tracks = std::make_shared<TrackLayer>(
                    projectTracksLayerName(projectPath), projectPath, std::move(store), std::move(registry));
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
