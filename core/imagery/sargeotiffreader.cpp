// Ground-range detected GeoTIFFs from commercial SAR providers, and any single-band SAR GeoTIFF.
//
// What the providers document, and what is read from it:
// - Capella embeds its product metadata as JSON in the TIFF ImageDescription tag (Capella's
//   "SAR Products Format Specification", as the capella-reader and sarpy readers parse it):
//   collect.start_timestamp / collect.stop_timestamp, collect.platform ("capella-…"), and
//   collect.radar.transmit_polarization / receive_polarization. GEO/GEC pixels are amplitude,
//   scaled by image.scale_factor.
// - ICEYE's GRD ("range-azimuth amplitude image") is UInt16 scaled amplitude with GCPs (ICEYE's
//   product documentation); its times are acquisition_start_utc / acquisition_end_utc in the
//   product's XML metadata, which ships beside the tiff under the same name (as eoreader reads it).
// - Umbra's GEC GeoTIFF holds the detected (amplitude) image (Umbra's help: "GeoTIFF ... to embed
//   amplitude data"); its times are in the STAC or collect-metadata JSON beside it
//   (properties.datetime or start_datetime / end_datetime, collects[].startAtUTC / endAtUTC).
// - Any other SAR GeoTIFF: GDAL's ACQUISITION_START_TIME / ACQUISITION_STOP_TIME items, and last
//   TIFFTAG_DATETIME — which TIFF defines as when the file was made, so a note says so.
// None of them says "amplitude" in the file itself, so values are taken as amplitude (power =
// value²) unless the band's unit is dB, or a metadata item or the band's description says
// intensity, power or sigma0 (then taken as power), and a note says which was assumed.

#include "imagery/sarreading.h"
#include "util/gdalutil.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QXmlStreamReader>

#include <cmath>
#include <limits>

namespace sightline::sarreading {

namespace {

// A sidecar is a metadata file of kilobytes; a larger one is not read.
constexpr qint64 kMaxSidecarBytes = 8 << 20;

enum class Scale
{
    Amplitude,
    Power,
    Decibel
};

/// What the metadata says about one scene, gathered from every place a provider puts it.
struct Facts
{
    std::optional<std::int64_t> start, stop;
    QString timeSource;
    QString mission, polarisation;
    std::optional<double> scaleFactor;
    std::optional<Scale> scale;
    QString scaleSource;
};

void setTimes(Facts &f, const QString &start, const QString &stop, const QString &source)
{
    if (f.start || f.stop)
        return;
    f.start = parseMetadataTime(start);
    f.stop = parseMetadataTime(stop);
    if (f.start || f.stop)
        f.timeSource = source;
}

QString missionFromText(const QString &text)
{
    const QString t = text.toLower();
    if (t.contains(QLatin1String("capella")))
        return QStringLiteral("Capella");
    if (t.contains(QLatin1String("iceye")))
        return QStringLiteral("ICEYE");
    if (t.contains(QLatin1String("umbra")))
        return QStringLiteral("Umbra");
    return {};
}

void readJson(Facts &f, const QJsonObject &root, const QString &source)
{
    // Capella: {"collect": {"start_timestamp", "stop_timestamp", "platform", "radar": {…}}, "image": {…}}
    const QJsonObject collect = root.value(QLatin1String("collect")).toObject();
    if (!collect.isEmpty()) {
        setTimes(f, collect.value(QLatin1String("start_timestamp")).toString(),
                 collect.value(QLatin1String("stop_timestamp")).toString(), source);
        if (f.mission.isEmpty())
            f.mission = missionFromText(collect.value(QLatin1String("platform")).toString());
        const QJsonObject radar = collect.value(QLatin1String("radar")).toObject();
        const QString tx = radar.value(QLatin1String("transmit_polarization")).toString();
        const QString rx = radar.value(QLatin1String("receive_polarization")).toString();
        if (f.polarisation.isEmpty() && tx.size() == 1 && rx.size() == 1)
            f.polarisation = (tx + rx).toUpper();
        const QJsonObject image = collect.value(QLatin1String("image")).toObject();
        if (const double s = image.value(QLatin1String("scale_factor")).toDouble(0); s > 0)
            f.scaleFactor = s;
    }
    // ICEYE's keys, and Umbra's collect metadata.
    setTimes(f, root.value(QLatin1String("acquisition_start_utc")).toString(),
             root.value(QLatin1String("acquisition_end_utc")).toString(), source);
    const QJsonArray collects = root.value(QLatin1String("collects")).toArray();
    if (!collects.isEmpty()) {
        const QJsonObject first = collects.first().toObject();
        setTimes(f, first.value(QLatin1String("startAtUTC")).toString(), first.value(QLatin1String("endAtUTC")).toString(),
                 source);
    }
    // STAC items (Umbra delivers one beside each product).
    const QJsonObject properties = root.value(QLatin1String("properties")).toObject();
    if (!properties.isEmpty()) {
        setTimes(f, properties.value(QLatin1String("start_datetime")).toString(),
                 properties.value(QLatin1String("end_datetime")).toString(), source);
        setTimes(f, properties.value(QLatin1String("datetime")).toString(), {}, source);
        if (f.mission.isEmpty())
            f.mission = missionFromText(properties.value(QLatin1String("platform")).toString() +
                                        properties.value(QLatin1String("constellation")).toString());
        const QJsonArray pols = properties.value(QLatin1String("sar:polarizations")).toArray();
        if (f.polarisation.isEmpty() && pols.size() == 1)
            f.polarisation = pols.first().toString().toUpper();
    }
    for (const QString &key : {QStringLiteral("polarization"), QStringLiteral("polarisation")}) {
        if (f.polarisation.isEmpty() && root.value(key).isString())
            f.polarisation = root.value(key).toString().toUpper();
    }
    if (f.mission.isEmpty())
        f.mission = missionFromText(root.value(QLatin1String("satellite_name")).toString() +
                                    root.value(QLatin1String("platform")).toString());
}

void readXml(Facts &f, const QByteArray &xml, const QString &source)
{
    QXmlStreamReader r(xml);
    QString start, stop;
    while (!r.atEnd()) {
        r.readNext();
        if (!r.isStartElement())
            continue;
        const auto name = r.name();
        if (name == QLatin1String("acquisition_start_utc"))
            start = r.readElementText();
        else if (name == QLatin1String("acquisition_end_utc"))
            stop = r.readElementText();
        else if (name == QLatin1String("polarization") && f.polarisation.isEmpty())
            f.polarisation = r.readElementText().trimmed().toUpper();
        else if ((name == QLatin1String("satellite_name") || name == QLatin1String("product_name")) && f.mission.isEmpty())
            f.mission = missionFromText(r.readElementText());
    }
    setTimes(f, start, stop, source);
}

void readText(Facts &f, const QByteArray &text, const QString &source)
{
    const QByteArray t = text.trimmed();
    if (t.startsWith('{')) {
        const QJsonDocument doc = QJsonDocument::fromJson(t);
        if (doc.isObject())
            readJson(f, doc.object(), source);
    } else if (t.startsWith('<')) {
        readXml(f, t, source);
    }
}

/// The metadata files a provider ships beside the image: the same name with .json or .xml, or
/// (ICEYE) the name without its "_GRD"-style image suffix.
void readSidecars(Facts &f, const QFileInfo &image)
{
    const QString base = image.absolutePath() + QLatin1Char('/') + image.completeBaseName();
    for (const QString &suffix : {QStringLiteral(".json"), QStringLiteral(".xml")}) {
        QFile file(base + suffix);
        if (file.size() > kMaxSidecarBytes || !file.open(QIODevice::ReadOnly))
            continue;
        readText(f, file.readAll(), QFileInfo(file).fileName());
    }
}

void readScaleHints(Facts &f, GDALDataset &ds, GDALRasterBand &band)
{
    const QString unit = QString::fromUtf8(band.GetUnitType()).trimmed();
    if (unit.compare(QLatin1String("dB"), Qt::CaseInsensitive) == 0) {
        f.scale = Scale::Decibel;
        f.scaleSource = QStringLiteral("the band's unit is dB");
        return;
    }
    static const QRegularExpression power(QStringLiteral("\\b(intensity|power|sigma0|sigma_?nought|beta0|gamma0)\\b"),
                                          QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression amplitude(QStringLiteral("\\bamplitude\\b"), QRegularExpression::CaseInsensitiveOption);
    QStringList texts{QString::fromUtf8(band.GetDescription())};
    for (GDALMajorObject *object : {static_cast<GDALMajorObject *>(&band), static_cast<GDALMajorObject *>(&ds)}) {
        if (char **items = object->GetMetadata())
            for (char **item = items; *item; ++item) {
                const QString entry = QString::fromUtf8(*item);
                // The ImageDescription's JSON is read as JSON; its words would mislead here.
                if (!entry.startsWith(QLatin1String("TIFFTAG_IMAGEDESCRIPTION")))
                    texts << entry;
            }
    }
    for (const QString &text : texts) {
        if (amplitude.match(text).hasMatch()) {
            f.scale = Scale::Amplitude;
            f.scaleSource = QStringLiteral("'%1'").arg(text.left(60));
            return;
        }
        if (power.match(text).hasMatch()) {
            f.scale = Scale::Power;
            f.scaleSource = QStringLiteral("'%1'").arg(text.left(60));
            return;
        }
    }
}

QString polarisationFromName(const QString &name)
{
    static const QRegularExpression token(QStringLiteral("(?:^|[_\\-.])(VV|VH|HH|HV)(?:[_\\-.]|$)"),
                                          QRegularExpression::CaseInsensitiveOption);
    const auto m = token.match(name);
    return m.hasMatch() ? m.captured(1).toUpper() : QString();
}

} // namespace

std::optional<SarScene> readGeoTiff(const QString &path, const SarReadOptions &options, QString *error)
{
    const QFileInfo info(path);
    const QString shown = info.fileName();
    auto fail = [&](const QString &why) -> std::optional<SarScene> {
        if (error)
            *error = QStringLiteral("'%1': %2").arg(shown, why);
        return std::nullopt;
    };
    static const char *const kDrivers[] = {"GTiff", nullptr};
    QString gdalError;
    DatasetPtr ds = openWithDrivers(path, kDrivers, &gdalError);
    if (!ds)
        return fail(gdalError);
    if (ds->GetRasterCount() < 1)
        return fail(QStringLiteral("the file has no raster band"));
    GDALRasterBand *band = ds->GetRasterBand(1);
    const GDALDataType type = band->GetRasterDataType();
    const bool complex = GDALDataTypeIsComplex(type);
    if (!complex && !(GDALDataTypeIsInteger(type) || GDALDataTypeIsFloating(type)))
        return fail(QStringLiteral("pixels of type %1 are not SAR backscatter").arg(QString::fromUtf8(GDALGetDataTypeName(type))));

    SarScene scene;
    scene.path = path;
    scene.sceneId = info.completeBaseName();
    scene.width = ds->GetRasterXSize();
    scene.height = ds->GetRasterYSize();
    if (!sizeAllowed(shown, scene.width, scene.height, error))
        return std::nullopt;
    if (ds->GetRasterCount() > 1)
        scene.notes << QStringLiteral("The file has %1 bands; the first is read.").arg(ds->GetRasterCount());

    // Where the pixels are: the geotransform (north-up or rotated) with the file's CRS, else its GCPs.
    std::array<double, 6> gt{};
    const OGRSpatialReference *srs = ds->GetSpatialRef();
    if (ds->GetGeoTransform(gt.data()) == CE_None && srs) {
        char *wkt = nullptr;
        srs->exportToWkt(&wkt);
        const Crs crs = Crs::fromUserInput(QString::fromUtf8(wkt));
        CPLFree(wkt);
        scene.geolocation = SarGeolocation::fromGeoTransform(gt, crs);
    } else if (ds->GetGCPCount() >= 3) {
        const OGRSpatialReference *gcpSrs = ds->GetGCPSpatialRef();
        Crs crs = Crs::wgs84();
        if (gcpSrs) {
            char *wkt = nullptr;
            gcpSrs->exportToWkt(&wkt);
            crs = Crs::fromUserInput(QString::fromUtf8(wkt));
            CPLFree(wkt);
        }
        std::vector<SarGeolocation::Gcp> gcps;
        const GDAL_GCP *points = ds->GetGCPs();
        for (int i = 0; i < ds->GetGCPCount(); ++i)
            gcps.push_back({points[i].dfGCPPixel, points[i].dfGCPLine, points[i].dfGCPX, points[i].dfGCPY});
        scene.geolocation = SarGeolocation::fromGcps(gcps, crs);
    } else {
        return fail(QStringLiteral("no georeferencing: neither a geotransform with a CRS nor ground control points"));
    }
    if (!scene.geolocation.isValid())
        return fail(QStringLiteral("its georeferencing cannot place the image (%1)").arg(scene.geolocation.error()));

    // What the metadata says, from the file first and the provider's sidecar files next.
    Facts facts;
    setTimes(facts, QString::fromUtf8(ds->GetMetadataItem("ACQUISITION_START_TIME")),
             QString::fromUtf8(ds->GetMetadataItem("ACQUISITION_STOP_TIME")), QStringLiteral("the file's metadata"));
    readText(facts, QByteArray(ds->GetMetadataItem("TIFFTAG_IMAGEDESCRIPTION")), QStringLiteral("the file's description"));
    readSidecars(facts, info);
    if (!facts.start && !facts.stop) {
        setTimes(facts, QString::fromUtf8(ds->GetMetadataItem("TIFFTAG_DATETIME")), {}, QStringLiteral("TIFFTAG_DATETIME"));
        if (facts.start)
            scene.notes << QStringLiteral("The time is the TIFF DateTime tag, which may be when the file was made rather "
                                          "than when the image was taken: check it.");
    }
    scene.acquiredMs = midpoint(facts.start, facts.stop);
    if (scene.acquiredMs == 0 && options.acquiredMs == 0)
        scene.notes << QStringLiteral("No acquisition time in the file or beside it: enter the time of the image.");
    scene.mission = facts.mission.isEmpty() ? missionFromText(shown) : facts.mission;
    scene.polarisation = facts.polarisation.isEmpty() ? polarisationFromName(shown) : facts.polarisation;
    if (!options.polarisation.isEmpty() && !scene.polarisation.isEmpty() &&
        options.polarisation.compare(scene.polarisation, Qt::CaseInsensitive) != 0)
        return fail(QStringLiteral("the image is %1, not %2").arg(scene.polarisation, options.polarisation.toUpper()));
    if (scene.polarisation.isEmpty())
        scene.polarisation = options.polarisation.toUpper();

    Scale scale = Scale::Amplitude;
    if (complex) {
        scene.notes << QStringLiteral("Complex pixels: power is |z|².");
    } else {
        readScaleHints(facts, *ds, *band);
        scale = facts.scale.value_or(Scale::Amplitude);
        scene.notes << (facts.scale ? QStringLiteral("Pixel values taken as %1, as %2 says.")
                                          .arg(scale == Scale::Decibel ? QStringLiteral("dB")
                                               : scale == Scale::Power ? QStringLiteral("power")
                                                                       : QStringLiteral("amplitude"),
                                               facts.scaleSource)
                                    : QStringLiteral("Pixel values taken as amplitude (power = value²), as ground range "
                                                     "detected products of Capella, ICEYE and Umbra are."));
    }
    // The detector needs contrast only, so the product's radiometric scale is applied when it is
    // given (Capella's scale_factor) and otherwise the scene stays on its own relative scale.
    const double factor = facts.scaleFactor.value_or(1.0);

    int hasNoData = 0;
    const double noData = band->GetNoDataValue(&hasNoData);
    // Integer products fill outside the image with 0 whether or not they declare it.
    const bool zeroIsFill = !hasNoData && GDALDataTypeIsInteger(type);

    try {
        scene.power.resize(std::size_t(scene.width) * std::size_t(scene.height));
    } catch (const std::bad_alloc &) {
        return fail(QStringLiteral("not enough memory for %1 × %2 pixels").arg(scene.width).arg(scene.height));
    }
    constexpr int kLines = 256;
    std::vector<float> pairs;
    GdalErrorCapture capture;
    for (int y0 = 0; y0 < scene.height; y0 += kLines) {
        const int lines = std::min(kLines, scene.height - y0);
        float *rows = scene.power.data() + std::size_t(y0) * std::size_t(scene.width);
        const std::size_t count = std::size_t(lines) * std::size_t(scene.width);
        CPLErr err;
        if (complex) {
            pairs.resize(count * 2);
            err = band->RasterIO(GF_Read, 0, y0, scene.width, lines, pairs.data(), scene.width, lines, GDT_CFloat32, 0, 0,
                                 nullptr);
        } else {
            err = band->RasterIO(GF_Read, 0, y0, scene.width, lines, rows, scene.width, lines, GDT_Float32, 0, 0, nullptr);
        }
        if (err != CE_None)
            return fail(QStringLiteral("cannot be read at line %1: %2").arg(y0).arg(capture.message(QStringLiteral("a read error"))));
        for (std::size_t i = 0; i < count; ++i) {
            float &p = rows[i];
            if (complex) {
                const float re = pairs[2 * i], im = pairs[2 * i + 1];
                p = (re == 0.0f && im == 0.0f) ? std::numeric_limits<float>::quiet_NaN() : re * re + im * im;
                continue;
            }
            const float v = p;
            if (!std::isfinite(v) || (hasNoData && double(v) == noData) || (zeroIsFill && v == 0.0f)) {
                p = std::numeric_limits<float>::quiet_NaN();
                continue;
            }
            const double a = double(v) * factor;
            p = scale == Scale::Decibel ? float(std::pow(10.0, double(v) / 10.0)) : scale == Scale::Power ? float(a) : float(a * a);
        }
    }
    return scene;
}

} // namespace sightline::sarreading
