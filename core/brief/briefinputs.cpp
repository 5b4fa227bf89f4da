#include "brief/briefinputs.h"

#include "layers/layer.h"
#include "layers/rasterlayer.h"
#include "layers/tracklayer.h"
#include "layers/rasterprovenance.h"
#include "project/projectlayers.h"
#include "tracks/trackgeopackage.h"
#include "tracks/vesselregistry.h"
#include "util/gdalutil.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutex>

#include <gdal_priv.h>

#include <algorithm>

namespace sightline {

namespace {

/// "simulated", "approximate" or "illustrative" when the name or file says so: data that is not
/// real must say so wherever it is printed.
QString provenanceNote(const QString &name, const QString &file)
{
    const QString both = name + QLatin1Char(' ') + file;
    for (const char *word : {"simulated", "approximate", "illustrative"})
        if (both.contains(QLatin1String(word), Qt::CaseInsensitive))
            return QString::fromLatin1(word);
    return {};
}

/// The files a GDAL dataset is made of (a VRT and its sources, a shapefile's parts); the
/// source itself when GDAL cannot say.
QStringList datasetFiles(const QString &source)
{
    ensureGdalInitialised();
    GdalErrorCapture quiet;
    GDALDatasetUniquePtr ds(
        GDALDataset::Open(source.toUtf8().constData(), GDAL_OF_READONLY | GDAL_OF_RASTER | GDAL_OF_VECTOR));
    QStringList files;
    if (ds) {
        char **list = ds->GetFileList();
        for (char **f = list; f && *f; ++f)
            files << QString::fromUtf8(*f);
        CSLDestroy(list);
    }
    if (files.isEmpty() && QFileInfo(source).isFile())
        files << source;
    return files;
}

bool isService(const QString &source)
{
    return source.contains(QLatin1String("://")) || source.startsWith(QLatin1String("WMTS:")) ||
           source.startsWith(QLatin1String("<GDAL_WMS")) || source.startsWith(QLatin1String("PG:"));
}

} // namespace

QString cachedFileSha256(const QString &path)
{
    struct Entry
    {
        qint64 size;
        qint64 modifiedMs;
        QString sha;
    };
    static QMutex mutex;
    static QHash<QString, Entry> cache;
    const QFileInfo info(path);
    if (!info.isFile())
        return {};
    const qint64 modified = info.lastModified().toMSecsSinceEpoch();
    {
        QMutexLocker lock(&mutex);
        const auto it = cache.constFind(info.absoluteFilePath());
        if (it != cache.constEnd() && it->size == info.size() && it->modifiedMs == modified)
            return it->sha;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    const QString sha = QString::fromLatin1(hash.result().toHex());
    QMutexLocker lock(&mutex);
    cache.insert(info.absoluteFilePath(), {info.size(), modified, sha});
    return sha;
}

int BriefInputs::sightingNumber(std::int64_t id) const
{
    for (int i = 0; i < sightings.size(); ++i)
        if (sightings[i].id == id)
            return i + 1;
    return 0;
}

std::shared_ptr<Layer> BriefInputs::layerNamed(const QString &name) const
{
    for (const auto &layer : layers)
        if (layer && layer->name() == name)
            return layer;
    return nullptr;
}

QString BriefInputs::vesselName(std::uint32_t mmsi) const
{
    for (const auto &layer : layers) {
        if (layer && layer->kind() == Layer::Kind::Track) {
            const auto &registry = static_cast<const TrackLayer &>(*layer).registry();
            if (registry.find(mmsi))
                return registry.displayName(mmsi);
        }
    }
    return QStringLiteral("MMSI %1").arg(mmsi);
}

QList<BriefSource> briefSources(const QList<std::shared_ptr<Layer>> &layers)
{
    QList<BriefSource> sources;
    QStringList seen;
    for (const auto &layer : layers) {
        if (!layer || layer->kind() == Layer::Kind::Sighting || layer->kind() == Layer::Kind::Event)
            continue;
        if (layer->kind() == Layer::Kind::Track) {
            // Tracks live in a project: their sources are the files imported into it.
            const QString store = layer->source();
            const auto imports = TrackGeoPackage::imports(store);
            if (imports.isEmpty() && QFileInfo(store).isFile()) {
                // Tracks opened straight from a log (File → Import Tracks): the log is the source.
                BriefSource s;
                s.name = layer->name();
                s.kind = QStringLiteral("AIS");
                s.file = QFileInfo(store).fileName();
                s.sha256 = cachedFileSha256(store);
                s.note = provenanceNote(layer->name(), store);
                if (!seen.contains(s.sha256)) {
                    seen << s.sha256;
                    sources << s;
                }
                continue;
            }
            for (const TrackGeoPackage::Import &i : imports) {
                if (seen.contains(i.sha256))
                    continue;
                seen << i.sha256;
                BriefSource s;
                s.name = QFileInfo(i.sourceFile).fileName();
                s.kind = QStringLiteral("AIS");
                s.file = QFileInfo(i.sourceFile).fileName();
                s.sha256 = i.sha256;
                s.provider = QStringLiteral("imported %1").arg(utcIsoString(i.importedMs).left(10));
                s.note = provenanceNote(s.name, i.sourceFile);
                const QString count = QStringLiteral("%L1 positions").arg(i.positions);
                s.note = s.note.isEmpty() ? count : s.note + QStringLiteral(", ") + count;
                sources << s;
            }
            continue;
        }
        const QString source = layer->source();
        BriefSource s;
        s.name = layer->name();
        s.note = provenanceNote(layer->name(), source);
        if (isService(source)) {
            s.kind = QStringLiteral("Service");
            // The service's address as a reader can use it, without its credentials.
            s.file = describeSource(source).left(120);
            s.provider = layer->attribution();
            sources << s;
            continue;
        }
        if (layer->kind() == Layer::Kind::Raster) {
            const auto &raster = static_cast<const RasterLayer &>(*layer);
            const ImageryProvenance p = imageryProvenanceOf(raster.info(), layer->name());
            s.kind = QStringLiteral("Imagery");
            s.provider = p.provider.isEmpty() ? layer->attribution() : p.provider;
            s.acquiredMs = p.acquiredMs;
        } else {
            s.kind = QStringLiteral("Vector data");
            s.provider = layer->attribution();
        }
        // One line per file of the dataset: a VRT's tiles are evidence as much as the VRT.
        const QStringList files = datasetFiles(source);
        for (const QString &file : files) {
            BriefSource f = s;
            f.file = QFileInfo(file).fileName();
            f.sha256 = cachedFileSha256(file);
            if (seen.contains(f.sha256) && !f.sha256.isEmpty())
                continue;
            seen << f.sha256;
            sources << f;
        }
        if (files.isEmpty()) {
            s.file = QFileInfo(source).fileName();
            sources << s;
        }
    }
    return sources;
}

BriefInputs briefInputsFromProject(const Project &project, const QList<std::shared_ptr<Layer>> &layers,
                                   const QStringList &problems)
{
    BriefInputs inputs;
    inputs.projectTitle = project.title();
    inputs.projectFile = QFileInfo(project.path()).fileName();
    inputs.layers = layers;
    for (const ProjectLayer &entry : projectLayerEntries(project)) {
        if (!inputs.layerNamed(entry.name)) {
            inputs.missingLayers << entry.name;
            const QString prefix = QStringLiteral("layer '%1'").arg(entry.name);
            const auto reason = std::find_if(problems.begin(), problems.end(),
                                             [&](const QString &p) { return p.startsWith(prefix); });
            inputs.missingReasons << (reason != problems.end() ? *reason
                                                               : prefix + QStringLiteral(": not open"));
        }
    }
    inputs.views = project.views();
    inputs.currentView = project.currentView();
    inputs.sightings = project.sightings();
    sortSightingsChronologically(inputs.sightings);
    inputs.events = project.events();
    inputs.detectionRuns = project.detectionRuns();
    inputs.sources = briefSources(layers);
    return inputs;
}

} // namespace sightline
