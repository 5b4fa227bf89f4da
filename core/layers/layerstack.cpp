#include "layers/layerstack.h"

#include "layers/aistracklayer.h"
#include "layers/datasetpool.h"
#include "layers/imageryservice.h"
#include "layers/rasterlayer.h"
#include "layers/tracklayer.h"
#include "layers/vectorlayer.h"
#include "util/gdalutil.h"

#include "tracks/trackgeopackage.h"
#include <gdal_priv.h>

#include <QFileInfo>

namespace sightline {

std::shared_ptr<Layer> LayerStack::find(const QString &id) const
{
    const int i = indexOf(id);
    return i >= 0 ? mLayers[i] : nullptr;
}

int LayerStack::indexOf(const QString &id) const
{
    for (int i = 0; i < mLayers.size(); ++i)
        if (mLayers[i]->id() == id)
            return i;
    return -1;
}

void LayerStack::add(std::shared_ptr<Layer> layer)
{
    if (!layer)
        return;
    const QString id = layer->id();
    mLayers.append(std::move(layer));
    Q_EMIT layerAdded(id);
    Q_EMIT changed();
}

void LayerStack::remove(const QString &id)
{
    const int i = indexOf(id);
    if (i < 0)
        return;
    const QString source = mLayers[i]->source();
    mLayers.removeAt(i);
    bool stillUsed = false;
    for (const auto &l : std::as_const(mLayers))
        stillUsed = stillUsed || l->source() == source;
    if (!stillUsed)
        DatasetPool::instance().forget(source);
    Q_EMIT layerRemoved(id, source);
    Q_EMIT changed();
}

void LayerStack::move(int from, int to)
{
    if (from < 0 || from >= mLayers.size() || to < 0 || to >= mLayers.size() || from == to)
        return;
    mLayers.move(from, to);
    Q_EMIT changed();
}

void LayerStack::setVisible(const QString &id, bool visible)
{
    if (auto layer = find(id); layer && layer->isVisible() != visible) {
        layer->setVisible(visible);
        Q_EMIT changed();
    }
}

void LayerStack::setOpacity(const QString &id, double opacity)
{
    if (auto layer = find(id); layer && layer->opacity() != opacity) {
        layer->setOpacity(opacity);
        Q_EMIT changed();
    }
}

void LayerStack::notifyStyleChanged(const QString &id)
{
    if (find(id))
        Q_EMIT changed();
}

QRectF LayerStack::fullExtentWgs84() const
{
    QRectF all, visible;
    for (const auto &l : mLayers) {
        const QRectF e = l->extentWgs84();
        if (e.isNull())
            continue;
        all = all.isNull() ? e : all.united(e);
        if (l->isVisible())
            visible = visible.isNull() ? e : visible.united(e);
    }
    return visible.isNull() ? all : visible;
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
