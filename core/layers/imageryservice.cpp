#include "layers/imageryservice.h"

#include <QCryptographicHash>
#include <QDir>
#include <QStandardPaths>
#include <QUrl>
#include <QXmlStreamReader>

namespace sightline {

QList<ImageryService> imageryServicePresets()
{
    using K = ImageryService::Kind;
    return {
        {QStringLiteral("Esri World Imagery"), K::Xyz,
         QStringLiteral(
             "https://server.arcgisonline.com/ArcGIS/rest/services/World_Imagery/MapServer/tile/{z}/{y}/{x}"),
         19, QStringLiteral("Esri, Maxar, Earthstar Geographics, and the GIS User Community")},
        {QStringLiteral("EOX Sentinel-2 cloudless 2021"), K::Xyz,
         QStringLiteral(
             "https://tiles.maps.eox.at/wmts/1.0.0/s2cloudless-2021_3857/default/g/{z}/{y}/{x}.jpg"),
         15,
         QStringLiteral("Sentinel-2 cloudless – https://s2maps.eu by EOX IT Services GmbH (contains modified "
                        "Copernicus Sentinel data 2021)")},
        {QStringLiteral("USGS Imagery Only"), K::Xyz,
         QStringLiteral("https://basemap.nationalmap.gov/arcgis/rest/services/USGSImageryOnly/MapServer/tile/"
                        "{z}/{y}/{x}"),
         16, QStringLiteral("USGS The National Map: Orthoimagery")},
        {QStringLiteral("OpenStreetMap"), K::Xyz,
         QStringLiteral("https://tile.openstreetmap.org/{z}/{x}/{y}.png"), 19,
         QStringLiteral("© OpenStreetMap contributors")},
        {QStringLiteral("OpenTopoMap"), K::Xyz,
         QStringLiteral("https://tile.opentopomap.org/{z}/{x}/{y}.png"), 17,
         QStringLiteral("© OpenStreetMap contributors, SRTM | style © OpenTopoMap (CC-BY-SA)")},
        {QStringLiteral("NASA GIBS Blue Marble (WMTS)"), K::Wmts,
         QStringLiteral("https://gibs.earthdata.nasa.gov/wmts/epsg3857/best/1.0.0/WMTSCapabilities.xml"), 8,
         QStringLiteral("NASA EOSDIS GIBS")},
    };
}

QString defaultTileCacheDirectory()
{
    const QString env = qEnvironmentVariable("SIGHTLINE_TILE_CACHE");
    if (!env.isEmpty())
        return env;
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) +
           QStringLiteral("/sightline/tiles");
}

QString gdalSourceFor(const ImageryService &service, const QString &cacheDirectory)
{
    if (service.kind == ImageryService::Kind::Wmts)
        return QStringLiteral("WMTS:") + service.url;

    // GDAL's TMS service counts rows from the top unless YOrigin says otherwise;
    // "{-y}" in a template means the TMS convention (rows from the bottom).
    QString url = service.url;
    const bool tms = url.contains(QLatin1String("{-y}"));
    url.replace(QLatin1String("{z}"), QLatin1String("${z}"));
    url.replace(QLatin1String("{x}"), QLatin1String("${x}"));
    url.replace(QLatin1String("{y}"), QLatin1String("${y}"));
    url.replace(QLatin1String("{-y}"), QLatin1String("${y}")); // last: "${y}" must not be rewritten again
    const bool png = service.url.contains(QLatin1String(".png"), Qt::CaseInsensitive);
    const QString cacheKey = QString::fromLatin1(
        QCryptographicHash::hash(service.url.toUtf8(), QCryptographicHash::Sha1).toHex().left(16));
    const QString cachePath = QDir(cacheDirectory).filePath(cacheKey);
    return QStringLiteral(
               "<GDAL_WMS>"
               "<Service name=\"TMS\"><ServerUrl>%1</ServerUrl></Service>"
               "<DataWindow><UpperLeftX>-20037508.34</UpperLeftX><UpperLeftY>20037508.34</UpperLeftY>"
               "<LowerRightX>20037508.34</LowerRightX><LowerRightY>-20037508.34</LowerRightY>"
               "<TileLevel>%2</TileLevel><TileCountX>1</TileCountX><TileCountY>1</TileCountY>"
               "<YOrigin>%3</YOrigin></DataWindow>"
               "<Projection>EPSG:3857</Projection><BlockSizeX>256</BlockSizeX><BlockSizeY>256</BlockSizeY>"
               "<BandsCount>%4</BandsCount><MaxConnections>8</MaxConnections>"
               "<ZeroBlockHttpCodes>204,404</ZeroBlockHttpCodes>"
               "<Cache><Path>%5</Path></Cache>"
               "</GDAL_WMS>")
        // Every value escaped: a URL from a project must not be able to add elements
        // (a <Cache><Path> elsewhere, say) to the description.
        .arg(url.toHtmlEscaped())
        .arg(service.maxZoom)
        .arg(tms ? QStringLiteral("bottom") : QStringLiteral("top"))
        .arg(png ? 4 : 3)
        .arg(cachePath.toHtmlEscaped());
}

QString xyzTemplateFromGdalWms(const QString &xml)
{
    QXmlStreamReader r(xml);
    QString url;
    bool bottom = false;
    while (!r.atEnd()) {
        r.readNext();
        if (!r.isStartElement())
            continue;
        if (r.name() == QLatin1String("ServerUrl"))
            url = r.readElementText().trimmed();
        else if (r.name() == QLatin1String("YOrigin"))
            bottom = r.readElementText().trimmed() == QLatin1String("bottom");
    }
    if (r.hasError() || !(url.startsWith(QLatin1String("http://")) || url.startsWith(QLatin1String("https://"))))
        return {};
    url.replace(QLatin1String("${z}"), QLatin1String("{z}"));
    url.replace(QLatin1String("${x}"), QLatin1String("{x}"));
    url.replace(QLatin1String("${y}"), bottom ? QLatin1String("{-y}") : QLatin1String("{y}"));
    return url;
}

bool looksLikeServiceUrl(const QString &text)
{
    const QString t = text.trimmed();
    return (t.startsWith(QLatin1String("http://")) || t.startsWith(QLatin1String("https://"))) &&
           ((t.contains(QLatin1String("{z}")) && t.contains(QLatin1String("{x}"))) ||
            t.contains(QLatin1String("WMTSCapabilities"), Qt::CaseInsensitive) ||
            t.contains(QLatin1String("SERVICE=WMTS"), Qt::CaseInsensitive));
}

ImageryService serviceFromUrl(const QString &url)
{
    ImageryService service;
    service.url = url.trimmed();
    service.kind =
        service.url.contains(QLatin1String("{z}")) ? ImageryService::Kind::Xyz : ImageryService::Kind::Wmts;
    const QUrl parsed(service.url);
    service.name = parsed.host().isEmpty() ? QStringLiteral("Imagery service") : parsed.host();
    for (const ImageryService &preset : imageryServicePresets())
        if (preset.url == service.url)
            return preset;
    return service;
}

} // namespace sightline
