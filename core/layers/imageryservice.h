#pragma once

#include <QList>
#include <QString>

namespace sightline {

/// An online imagery service: an XYZ/TMS URL template ("{z}/{x}/{y}",
/// or "{-y}" for TMS row order) or a WMTS GetCapabilities URL.
struct ImageryService
{
    enum class Kind
    {
        Xyz,
        Wmts
    };
    QString name;
    Kind kind = Kind::Xyz;
    QString url;
    int maxZoom = 19;
    QString attribution;
};

/// Well-known satellite and reference basemaps, with their credit lines.
QList<ImageryService> imageryServicePresets();

/// A GDAL connection string for the service: WMS-driver XML for XYZ/TMS,
/// "WMTS:url" for WMTS. Tiles are cached on disk under `cacheDirectory`.
QString gdalSourceFor(const ImageryService &service, const QString &cacheDirectory);

/// The URL template of an XYZ/TMS service from the GDAL_WMS description
/// gdalSourceFor made of it ("{-y}" for TMS row order); empty when the XML
/// holds no http(s) ServerUrl.
QString xyzTemplateFromGdalWms(const QString &xml);

/// Where downloaded tiles are kept: $SIGHTLINE_TILE_CACHE, or the user's cache folder.
QString defaultTileCacheDirectory();

/// Recognises a URL typed by a user: an XYZ template, or a WMTS capabilities URL.
bool looksLikeServiceUrl(const QString &text);
ImageryService serviceFromUrl(const QString &url);

} // namespace sightline
