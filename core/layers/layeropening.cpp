#include "layers/layeropening.h"

#include "layers/imageryservice.h"
#include "layers/rasterlayer.h"
#include "layers/trackfilelayers.h"
#include "layers/tracklayer.h"
#include "layers/vectorlayer.h"
#include "tracks/trackgeopackage.h"
#include "util/gdalutil.h"

#include <QFileInfo>

#include <gdal_priv.h>

namespace sightline {

bool readsAsTracks(const LayerOpenRequest &request)
{
    return request.asTracks || isAisLogPath(request.source) || isAisCsv(request.source);
}

OpenedLayers openLayers(const LayerOpenRequest &request)
{
    const QString &source = request.source;
    OpenedLayers opened;
    if ((request.asTracks && isTrackTablePath(source)) || isAisCsv(source)) {
        CsvImportReport report;
        const CsvColumnMapping mapping = request.csvMapping ? *request.csvMapping
                                                            : detectCsvMapping(readCsvHeader(source, nullptr));
        opened.layers << loadTrackTableLayer(source, mapping, report, request.progress, &opened.error);
        opened.report = report.describe();
    } else if (request.asTracks || isAisLogPath(source)) {
        AisImportReport report;
        opened.layers << loadAisTrackLayer(source, report, {}, request.progress, &opened.error);
        opened.report = report.describe();
    } else {
        opened.layers = openLayers(source, &opened.error, request.layerNames);
    }
    opened.layers.removeAll(nullptr);
    return opened;
}

bool isVectorSource(const QString &source)
{
    if (!isLocalPath(source) && !source.startsWith(QLatin1String("PG:")))
        return false;
    if (source.startsWith(QLatin1String("PG:")))
        return true;
    if (isAisLogPath(source) || isAisCsv(source) || TrackGeoPackage::hasTracks(source) ||
        !QFileInfo::exists(source))
        return false;
    ensureGdalInitialised();
    GdalErrorCapture quiet;
    const QByteArray path = source.toUtf8();
    if (!GDALIdentifyDriverEx(path.constData(), GDAL_OF_VECTOR, nullptr, nullptr))
        return false;
    // Drivers such as GeoPackage hold both: imagery wins when there is any.
    GDALDatasetUniquePtr raster(GDALDataset::FromHandle(
        GDALOpenEx(path.constData(), GDAL_OF_RASTER | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
    return !raster || raster->GetRasterCount() == 0;
}

QList<std::shared_ptr<Layer>> openLayers(const QString &source, QString *error, const QStringList &layerNames)
{
    if (!isVectorSource(source)) {
        auto layer = openLayer(source, error);
        return layer ? QList<std::shared_ptr<Layer>>{layer} : QList<std::shared_ptr<Layer>>{};
    }
    QStringList names = layerNames;
    if (names.isEmpty())
        names = VectorData::layerNames(source, error);
    QList<std::shared_ptr<Layer>> layers;
    QStringList problems;
    for (const QString &name : std::as_const(names)) {
        QString layerError;
        if (auto layer = VectorLayer::open(source, name, &layerError))
            layers << layer;
        else if (!layerNames.isEmpty() || names.size() == 1)
            problems << layerError; // asked for by name, or the only one: its failure matters
    }
    if (layers.isEmpty() && error && error->isEmpty())
        *error = problems.isEmpty() ? QStringLiteral("'%1': no layer has features to draw").arg(source)
                                    : problems.join(QStringLiteral("; "));
    return layers;
}

std::shared_ptr<Layer> openLayer(const QString &source, QString *error)
{
    if (isVectorSource(source))
        return VectorLayer::open(source, QString(), error);
    if (isAisLogPath(source)) {
        AisImportReport report;
        return loadAisTrackLayer(source, report, {}, {}, error);
    }
    if (TrackGeoPackage::hasTracks(source)) {
        auto store = std::make_shared<TrackStore>();
        auto registry = std::make_shared<VesselRegistry>();
        if (!TrackGeoPackage::read(source, *store, *registry, error))
            return nullptr;
        return std::make_shared<TrackLayer>(QFileInfo(source).completeBaseName(), source, std::move(store),
                                            std::move(registry));
    }
    if (isAisCsv(source)) {
        // Known exports (DMA, NOAA, MarineTraffic, GFW) open as tracks directly.
        CsvImportReport report;
        return loadTrackTableLayer(source, detectCsvMapping(readCsvHeader(source, error)), report, {}, error);
    }
    QString gdalSource = source;
    ImageryService service;
    const bool isService = looksLikeServiceUrl(source);
    if (isService) {
        service = serviceFromUrl(source);
        gdalSource = gdalSourceFor(service, defaultTileCacheDirectory());
    }
    auto layer = RasterLayer::open(gdalSource, error);
    if (layer && isService) {
        layer->setName(service.name);
        layer->setAttribution(service.attribution);
    }
    return layer;
}

} // namespace sightline
