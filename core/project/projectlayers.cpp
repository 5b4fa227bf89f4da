#include "project/projectlayers.h"

#include "layers/eventlayer.h"
#include "layers/layeropening.h"
#include "layers/layerstack.h"
#include "layers/sightinglayer.h"
#include "layers/vectorlayer.h"
#include "project/layerstyleio.h"
#include "project/project.h"
#include "project/sourcepolicy.h"
#include "tracks/aisbroadcasttables.h"
#include "tracks/trackgeopackage.h"
#include "util/gdalutil.h"
#include "util/secretstore.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

namespace sightline {

QList<ProjectLayer> projectLayerEntries(const Project &project)
{
    QList<ProjectLayer> entries = project.layers();
    const auto listed = [&](const QString &table) {
        return std::any_of(entries.begin(), entries.end(), [&](const ProjectLayer &e) {
            return e.source == project.path() && e.layerName == table;
        });
    };
    if (!listed(QString()) && TrackGeoPackage::hasTracks(project.path()))
        entries.append({project.path(), {}, projectTracksLayerName(project.path()), true, 1.0, {}});
    for (const ProjectLayer &e : aisBroadcastLayerEntries(project.path()))
        if (!listed(e.layerName))
            entries.append(e);
    return entries;
}

namespace {
struct BroadcastLayerInfo
{
    const char *table;
    const char *name;
};
const BroadcastLayerInfo kBroadcastLayers[] = {{aistable::kBaseStations, "Receivers"},
                                               {aistable::kAidsToNavigation, "Aids to navigation"}};
} // namespace

QList<ProjectLayer> aisBroadcastLayerEntries(const QString &projectPath)
{
    QList<ProjectLayer> entries;
    ensureGdalInitialised();
    GdalErrorCapture quiet;
    const char *drivers[] = {"GPKG", nullptr};
    GDALDatasetUniquePtr ds(
        GDALDataset::Open(projectPath.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers));
    if (!ds)
        return entries;
    for (const BroadcastLayerInfo &info : kBroadcastLayers)
        if (OGRLayer *table = ds->GetLayerByName(info.table); table && table->GetFeatureCount() > 0)
            entries.append({projectPath, QString::fromLatin1(info.table), QString::fromLatin1(info.name), true,
                            1.0, {}});
    return entries;
}

bool isAisBroadcastLayer(const ProjectLayer &entry, const QString &projectPath)
{
    return entry.source == projectPath &&
           std::any_of(std::begin(kBroadcastLayers), std::end(kBroadcastLayers),
                       [&](const BroadcastLayerInfo &i) { return entry.layerName == QLatin1String(i.table); });
}

std::shared_ptr<Layer> openAisBroadcastLayer(const QString &projectPath, const QString &table, QString *error)
{
    auto layer = VectorLayer::open(projectPath, table, error);
    if (!layer)
        return nullptr;
    VectorStyle style;
    if (table == QLatin1String(aistable::kBaseStations)) {
        // A mast: a triangle, in a red no track or event uses.
        layer->setName(QStringLiteral("Receivers"));
        style.symbol.shape = VectorSymbol::Shape::Triangle;
        style.symbol.stroke = QColor(0x7a, 0x12, 0x12);
        style.symbol.fill = QColor(0xc0, 0x39, 0x2b);
        style.symbol.strokeWidth = 1.5;
        style.symbol.pointSize = 12;
        style.labelField = QStringLiteral("mmsi");
        style.labelColour = QColor(0x7a, 0x12, 0x12);
    } else {
        layer->setName(QStringLiteral("Aids to navigation"));
        style.symbol.shape = VectorSymbol::Shape::Square;
        style.symbol.stroke = QColor(0x8e, 0x24, 0xaa);
        style.symbol.fill = QColor(0xce, 0x93, 0xd8);
        style.symbol.strokeWidth = 1.5;
        style.symbol.pointSize = 9;
        // A virtual aid is only a broadcast: nothing stands in the water, so it is drawn hollow.
        style.categoryField = QStringLiteral("virtual");
        VectorSymbol hollow = style.symbol;
        hollow.fill = Qt::transparent;
        hollow.penStyle = Qt::DashLine;
        style.categories = {{QStringLiteral("1"), QStringLiteral("Virtual aid"), hollow},
                            {QStringLiteral("0"), QStringLiteral("Aid"), style.symbol}};
        style.labelField = QStringLiteral("name");
        style.labelColour = QColor(0x6a, 0x1b, 0x9a);
    }
    layer->setStyle(style);
    return layer;
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
        QList<std::shared_ptr<Layer>> layers;
        // The project's own receivers and aids are points in the file that also holds the tracks.
        if (isAisBroadcastLayer(entry, project.path())) {
            if (auto layer = openAisBroadcastLayer(project.path(), entry.layerName, &error))
                layers << layer;
        } else {
            layers = openLayers(restoreKeptSecrets(verdict.source), &error,
                                entry.layerName.isEmpty() ? QStringList{} : QStringList{entry.layerName});
        }
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
