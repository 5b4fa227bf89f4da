#include "layers/rasterprovenance.h"

#include "geo/geodesic.h"
#include "layers/layerstack.h"
#include "layers/rasterlayer.h"
#include "model/sighting.h"

#include <QDate>
#include <QFileInfo>
#include <QRegularExpression>

namespace sightline {

namespace {

QString metadataValue(const RasterInfo &info, const QString &key)
{
    for (const LayerProperty &p : info.metadata)
        if (p.first.compare(key, Qt::CaseInsensitive) == 0 ||
            p.first.endsWith(QLatin1Char(':') + key, Qt::CaseInsensitive))
            return p.second.trimmed().remove(QLatin1Char('"'));
    return {};
}

QString providerFromSceneId(const QString &id)
{
    static const QList<QPair<QString, QString>> prefixes = {
        {QStringLiteral("LC09"), QStringLiteral("USGS Landsat 9")},
        {QStringLiteral("LC08"), QStringLiteral("USGS Landsat 8")},
        {QStringLiteral("LC8"), QStringLiteral("USGS Landsat 8")},
        {QStringLiteral("LE07"), QStringLiteral("USGS Landsat 7")},
        {QStringLiteral("LE7"), QStringLiteral("USGS Landsat 7")},
        {QStringLiteral("S2A"), QStringLiteral("ESA Sentinel-2A")},
        {QStringLiteral("S2B"), QStringLiteral("ESA Sentinel-2B")}};
    for (const auto &[prefix, provider] : prefixes)
        if (id.startsWith(prefix, Qt::CaseInsensitive))
            return provider;
    return {};
}

} // namespace

ImageryProvenance imageryProvenanceOf(const RasterInfo &info, const QString &name)
{
    ImageryProvenance p;
    const QString base = QFileInfo(info.source).completeBaseName();
    p.source = metadataValue(info, QStringLiteral("LANDSAT_PRODUCT_ID"));
    if (p.source.isEmpty())
        p.source = metadataValue(info, QStringLiteral("LANDSAT_SCENE_ID"));
    if (p.source.isEmpty())
        p.source = base.isEmpty() ? name : base;
    p.provider = providerFromSceneId(p.source);
    if (p.provider.isEmpty())
        p.provider = providerFromSceneId(base);
    // Times: the metadata first, then a date in the scene id.
    const QString date = metadataValue(info, QStringLiteral("DATE_ACQUIRED"));
    const QString time = metadataValue(info, QStringLiteral("SCENE_CENTER_TIME"));
    if (!date.isEmpty())
        p.acquiredMs =
            parseUtcIso(date + QLatin1Char('T') +
                        (time.isEmpty() ? QStringLiteral("00:00:00Z") : time.left(8) + QLatin1Char('Z')));
    for (const char *key : {"ACQUISITIONDATETIME", "ACQUISITION_DATETIME", "TIFFTAG_DATETIME"}) {
        if (p.acquiredMs)
            break;
        QString v = metadataValue(info, QString::fromLatin1(key));
        // TIFF writes "2023:10:05 02:13:00".
        if (v.size() >= 19 && v[4] == QLatin1Char(':'))
            v = v.left(10).replace(QLatin1Char(':'), QLatin1Char('-')) + QLatin1Char('T') + v.mid(11, 8) +
                QLatin1Char('Z');
        p.acquiredMs = parseUtcIso(v);
    }
    if (!p.acquiredMs) {
        // Collection 1/2 ids carry _YYYYMMDD_; pre-collection ids (LC8PPPRRRYYYYDDD…) a year and day of year.
        static const QRegularExpression ymd(QStringLiteral("_(\\d{4})(\\d{2})(\\d{2})(_|$)"));
        static const QRegularExpression yday(QStringLiteral("^L[CETM]\\d(\\d{6})(\\d{4})(\\d{3})"));
        if (const auto m = ymd.match(p.source); m.hasMatch()) {
            const QDate d(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
            if (d.isValid())
                p.acquiredMs = QDateTime(d, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        } else if (const auto y = yday.match(base); y.hasMatch()) {
            const QDate d = QDate(y.captured(2).toInt(), 1, 1).addDays(y.captured(3).toInt() - 1);
            if (d.isValid())
                p.acquiredMs = QDateTime(d, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        }
    }
    // Ground resolution: one pixel's width, on the ground, at the image's centre.
    const QRectF e = info.extentWgs84;
    if (info.width > 0 && e.width() > 0) {
        const double widthM =
            Geodesic::inverse(QPointF(e.left(), e.center().y()), QPointF(e.right(), e.center().y()))
                .distanceMetres;
        p.resolutionM = std::round(widthM / info.width * 100) / 100;
    }
    return p;
}

ImageryProvenance imageryProvenanceAt(const LayerStack &layers, QPointF lonLat)
{
    const auto &all = layers.layers();
    for (auto it = all.crbegin(); it != all.crend(); ++it) {
        auto raster = std::dynamic_pointer_cast<RasterLayer>(*it);
        if (!raster || !raster->isVisible() || !raster->extentWgs84().contains(lonLat))
            continue;
        return imageryProvenanceOf(raster->info(), raster->name());
    }
    return {};
}

} // namespace sightline
