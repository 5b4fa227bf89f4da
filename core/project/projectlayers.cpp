#include "project/projectlayers.h"

#include "layers/eventlayer.h"
#include "layers/layerstack.h"
#include "layers/sightinglayer.h"
#include "layers/vectorlayer.h"
#include "project/layerstyleio.h"
#include "project/project.h"
#include "tracks/trackgeopackage.h"

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

QList<std::shared_ptr<Layer>> openProjectLayers(const Project &project, QStringList *problems)
{
    const QList<ProjectLayer> entries = projectLayerEntries(project);
    QList<std::shared_ptr<Layer>> out;
    for (const ProjectLayer &entry : std::as_const(entries)) {
        QString error;
        const auto layers = openLayers(
            entry.source, &error, entry.layerName.isEmpty() ? QStringList{} : QStringList{entry.layerName});
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
