#include "project/projectlayers.h"

#include "layers/eventlayer.h"
#include "layers/layeropening.h"
#include "layers/layerstack.h"
#include "layers/sightinglayer.h"
#include "layers/vectorlayer.h"
#include "project/layerstyleio.h"
#include "project/project.h"
#include "project/sourcepolicy.h"
#include "tracks/trackgeopackage.h"
#include "util/secretstore.h"

namespace sightline {

QList<ProjectLayer> projectLayerEntries(const Project &project)
{
    QList<ProjectLayer> entries = project.layers();
    const bool listed = std::any_of(entries.begin(), entries.end(),
                                    [&](const ProjectLayer &e) { return e.source == project.path(); });
    if (!listed && TrackGeoPackage::hasTracks(project.path()))
        entries.append({project.path(), {}, projectTracksLayerName(project.path()), true, 1.0, {}});
    return entries;
}

QList<std::shared_ptr<Layer>> openProjectLayers(const Project &project, const SourcePermissions &permissions,
                                                QStringList *problems)
{
    const QList<ProjectLayer> entries = projectLayerEntries(project);
    QList<std::shared_ptr<Layer>> out;
    for (const ProjectLayer &entry : std::as_const(entries)) {
        // The project's own tracks are its file: nothing to judge.
        const SourceVerdict verdict = entry.source == project.path() ? SourceVerdict{SourceVerdict::Access::Allowed,
                                                                                     entry.source, {}, {}, {}, {}}
                                                                     : checkProjectSource(entry.source, permissions);
        if (!verdict.allowed()) {
            if (problems) {
                QString hint;
                if (!verdict.deniedHosts.isEmpty())
                    hint = QStringLiteral(" (allow it with --allow-network)");
                else if (!verdict.deniedFiles.isEmpty())
                    hint = QStringLiteral(" (allow it with --allow-path PATH)");
                *problems << QStringLiteral("layer '%1': not opened: %2%3")
                                 .arg(entry.name,
                                      verdict.access == SourceVerdict::Access::Refused
                                          ? QStringLiteral("refused: ") + verdict.reason
                                          : verdict.reason,
                                      hint);
            }
            continue;
        }
        QString error;
        const auto layers = openLayers(restoreKeptSecrets(verdict.source), &error,
                                       entry.layerName.isEmpty() ? QStringList{} : QStringList{entry.layerName});
        if (layers.isEmpty()) {
            if (problems)
                *problems << QStringLiteral("layer '%1': %2").arg(entry.name, error);
            continue;
        }
        applyProjectLayer(*layers.first(), entry);
        out << layers.first();
    }
    // The analyses' events over the data, under the analyst's own sightings.
    if (auto events = project.events(); !events.empty())
        out << std::make_shared<EventLayer>(QStringLiteral("Events"), std::move(events));
    auto overlay = std::make_shared<SightingLayer>(project.path(), project.sightings());
    overlay->setAnnotations(project.annotations());
    out << overlay;
    return out;
}

QString projectTracksLayerName(const QString &projectPath)
{
    // Simulated positions must say so wherever the layer is named: on the map, in legends, in briefs.
    const auto imports = TrackGeoPackage::imports(projectPath);
    const bool simulated = std::any_of(imports.begin(), imports.end(), [](const TrackGeoPackage::Import &i) {
        return i.sourceFile.contains(QLatin1String("simulated"), Qt::CaseInsensitive);
    });
    return simulated ? QStringLiteral("AIS tracks (SIMULATED)") : QStringLiteral("AIS tracks");
}

} // namespace sightline
