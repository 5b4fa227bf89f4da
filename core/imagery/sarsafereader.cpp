// Sentinel-1 GRD in SAFE form: a folder, its manifest.safe, or a zip of the folder as ESA ships it.
// GDAL's SAFE driver finds the measurement of each polarisation, its ground control points (the
// annotation's geolocation grid) and the acquisition period; the calibration table is applied
// here (sarcalibration.h says why).

#include "imagery/sarcalibration.h"
#include "imagery/sarreading.h"
#include "util/gdalutil.h"

#include <cpl_vsi.h>

#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QXmlStreamReader>

#include <algorithm>
#include <cmath>
#include <limits>

namespace sightline::sarreading {

namespace {

// A manifest or annotation file is a few hundred kilobytes; anything far larger is not one.
constexpr vsi_l_offset kMaxXmlBytes = 64u << 20;

std::optional<QByteArray> readVsiFile(const QString &path)
{
    VSILFILE *f = VSIFOpenL(path.toUtf8().constData(), "rb");
    if (!f)
        return std::nullopt;
    VSIFSeekL(f, 0, SEEK_END);
    const vsi_l_offset size = VSIFTellL(f);
    VSIFSeekL(f, 0, SEEK_SET);
    if (size > kMaxXmlBytes) {
        VSIFCloseL(f);
        return std::nullopt;
    }
    QByteArray bytes(qsizetype(size), Qt::Uninitialized);
    const size_t read = VSIFReadL(bytes.data(), 1, size_t(size), f);
    VSIFCloseL(f);
    if (read != size_t(size))
        return std::nullopt;
    return bytes;
}

/// One measurement of a product as its manifest lists it: the files that belong together.
struct MeasurementUnit
{
    QString measurement, annotation, calibration; // relative to the product folder
};

struct Manifest
{
    std::vector<MeasurementUnit> units;
    QString unsafeHref; // a file reference that leaves the product folder, if any
};

bool hrefStaysInside(const QString &href)
{
    // Files of a product are named relative to its folder ("./measurement/s1a-….tiff"). An absolute
    // path, a drive, a URL or a step up would make GDAL read something else: refused.
    if (href.isEmpty() || href.startsWith(QLatin1Char('/')) || href.startsWith(QLatin1Char('\\')) ||
        href.contains(QLatin1Char(':')))
        return false;
    const auto parts = QStringView(href).split(QRegularExpression(QStringLiteral("[/\\\\]")));
    return std::none_of(parts.begin(), parts.end(), [](QStringView p) { return p == u".."; });
}

Manifest parseManifest(const QByteArray &xml)
{
    Manifest m;
    struct Unit
    {
        QStringList metadataIds;
        QString dataObject;
    };
    std::vector<Unit> units;
    QHash<QString, QString> metadataToData;            // metadataObject ID → dataObject ID
    QHash<QString, std::pair<QString, QString>> data; // dataObject ID → (repID, href)
    QXmlStreamReader r(xml);
    QString inMetadataObject, inDataObject;
    bool inMeasurementUnit = false;
    while (!r.atEnd()) {
        r.readNext();
        if (r.isStartElement()) {
            const auto name = r.name();
            const auto attrs = r.attributes();
            if (name == QLatin1String("contentUnit") &&
                attrs.value(QLatin1String("unitType")) == QLatin1String("Measurement Data Unit")) {
                units.push_back({attrs.value(QLatin1String("dmdID")).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts), {}});
                inMeasurementUnit = true;
            } else if (name == QLatin1String("dataObjectPointer")) {
                const QString id = attrs.value(QLatin1String("dataObjectID")).toString();
                if (inMeasurementUnit && !units.empty() && units.back().dataObject.isEmpty())
                    units.back().dataObject = id;
                else if (!inMetadataObject.isEmpty())
                    metadataToData.insert(inMetadataObject, id);
            } else if (name == QLatin1String("metadataObject")) {
                inMetadataObject = attrs.value(QLatin1String("ID")).toString();
            } else if (name == QLatin1String("dataObject")) {
                inDataObject = attrs.value(QLatin1String("ID")).toString();
                data.insert(inDataObject, {attrs.value(QLatin1String("repID")).toString(), {}});
            } else if (name == QLatin1String("fileLocation")) {
                const QString href = attrs.value(QLatin1String("href")).toString().trimmed();
                if (!hrefStaysInside(href) && m.unsafeHref.isEmpty())
                    m.unsafeHref = href;
                if (!inDataObject.isEmpty())
                    data[inDataObject].second = href;
            }
        } else if (r.isEndElement()) {
            const auto name = r.name();
            if (name == QLatin1String("contentUnit"))
                inMeasurementUnit = false;
            else if (name == QLatin1String("metadataObject"))
                inMetadataObject.clear();
            else if (name == QLatin1String("dataObject"))
                inDataObject.clear();
        }
    }
    for (const Unit &u : units) {
        MeasurementUnit unit;
        unit.measurement = data.value(u.dataObject).second;
        for (const QString &id : u.metadataIds) {
            const auto object = data.value(metadataToData.value(id));
            if (object.first == QLatin1String("s1Level1ProductSchema"))
                unit.annotation = object.second;
            else if (object.first == QLatin1String("s1Level1CalibrationSchema"))
                unit.calibration = object.second;
        }
        m.units.push_back(unit);
    }
    return m;
}

QString annotationPolarisation(const QByteArray &xml)
{
    QXmlStreamReader r(xml);
    bool inHeader = false;
    while (!r.atEnd()) {
        r.readNext();
        if (r.isStartElement() && r.name() == QLatin1String("adsHeader"))
            inHeader = true;
        else if (inHeader && r.isStartElement() && r.name() == QLatin1String("polarisation"))
            return r.readElementText().trimmed().toUpper();
        else if (r.isEndElement() && r.name() == QLatin1String("adsHeader"))
            return {};
    }
    return {};
}

QString joinPath(const QString &folder, QString relative)
{
    if (relative.startsWith(QLatin1String("./")))
        relative = relative.mid(2);
    return folder + QLatin1Char('/') + relative;
}

QString missionName(const QString &missionId)
{
    // The annotation's "S1A" / "S1B" / "S1C".
    if (missionId.size() == 3 && missionId.startsWith(QLatin1String("S1")))
        return QStringLiteral("Sentinel-1") + missionId.back();
    return missionId == QLatin1String("UNK") ? QString() : missionId;
}

/// The manifest inside a zip: at its top or one folder down ("S1A_….SAFE/manifest.safe").
QString manifestInZip(const QString &zipPath)
{
    const QString root = QStringLiteral("/vsizip/") + zipPath;
    char **entries = VSIReadDirRecursive(root.toUtf8().constData());
    QString found;
    for (char **e = entries; e && *e; ++e) {
        const QString entry = QString::fromUtf8(*e);
        const QString name = entry.section(QLatin1Char('/'), -1);
        if (name.compare(QLatin1String("manifest.safe"), Qt::CaseInsensitive) == 0 && entry.count(QLatin1Char('/')) <= 1) {
            found = root + QLatin1Char('/') + entry;
            break;
        }
    }
    CSLDestroy(entries);
    return found;
}

} // namespace

std::optional<SarScene> readSafe(const QString &path, const SarReadOptions &options, QString *error)
{
    const QFileInfo info(path);
    const QString shown = info.fileName();
    auto fail = [&](const QString &why) -> std::optional<SarScene> {
        if (error)
            *error = QStringLiteral("'%1': %2").arg(shown, why);
        return std::nullopt;
    };

    QString manifestPath;
    if (info.suffix().compare(QLatin1String("zip"), Qt::CaseInsensitive) == 0) {
        manifestPath = manifestInZip(path);
        if (manifestPath.isEmpty())
            return fail(QStringLiteral("the zip holds no manifest.safe: not a Sentinel-1 SAFE product (or not a readable zip)"));
    } else {
        manifestPath = info.isDir() ? path + QStringLiteral("/manifest.safe") : path;
    }
    const QString productFolder = manifestPath.section(QLatin1Char('/'), 0, -2);

    const auto manifestXml = readVsiFile(manifestPath);
    if (!manifestXml)
        return fail(QStringLiteral("its manifest.safe cannot be read"));
    const Manifest manifest = parseManifest(*manifestXml);
    if (!manifest.unsafeHref.isEmpty())
        return fail(QStringLiteral("its manifest names a file outside the product (%1); not opened").arg(manifest.unsafeHref));
    if (manifest.units.empty())
        return fail(QStringLiteral("its manifest lists no measurement: not a Sentinel-1 GRD product"));

    static const char *const kDrivers[] = {"SAFE", nullptr};
    QString gdalError;
    DatasetPtr ds = openWithDrivers(manifestPath, kDrivers, &gdalError);
    if (!ds)
        return fail(QStringLiteral("%1 (each measurement needs its tiff, annotation and calibration file)").arg(gdalError));
    if (QString::fromUtf8(ds->GetMetadataItem("PRODUCT_TYPE")) == QLatin1String("SLC"))
        return fail(QStringLiteral("a single-look complex (SLC) product; vessel detection reads GRD products"));

    // The polarisation: the one asked for, else VV (the ocean's strongest clutter contrast for
    // ships in Sentinel-1's usual VV+VH), else HH (the polar HH+HV modes), else the first.
    QStringList polarisations;
    for (int b = 1; b <= ds->GetRasterCount(); ++b)
        polarisations << QString::fromUtf8(ds->GetRasterBand(b)->GetMetadataItem("POLARIZATION")).toUpper();
    QString chosen;
    if (!options.polarisation.isEmpty()) {
        chosen = options.polarisation.toUpper();
        if (!polarisations.contains(chosen))
            return fail(QStringLiteral("no %1 measurement (it has %2)").arg(chosen, polarisations.join(QStringLiteral(", "))));
    } else {
        chosen = polarisations.contains(QLatin1String("VV"))   ? QStringLiteral("VV")
                 : polarisations.contains(QLatin1String("HH")) ? QStringLiteral("HH")
                                                                : polarisations.value(0);
    }
    GDALRasterBand *band = ds->GetRasterBand(int(polarisations.indexOf(chosen)) + 1);
    if (!band)
        return fail(QStringLiteral("no measurement band"));

    SarScene scene;
    scene.path = path;
    scene.width = ds->GetRasterXSize();
    scene.height = ds->GetRasterYSize();
    if (!sizeAllowed(shown, scene.width, scene.height, error))
        return std::nullopt;
    scene.polarisation = chosen;
    scene.mission = missionName(QString::fromUtf8(ds->GetMetadataItem("MISSION_ID")));
    scene.sceneId = QFileInfo(productFolder).completeBaseName();
    if (scene.sceneId.isEmpty() || scene.sceneId.startsWith(QLatin1String("vsizip")))
        scene.sceneId = info.completeBaseName();
    scene.acquiredMs = midpoint(parseMetadataTime(QString::fromUtf8(ds->GetMetadataItem("ACQUISITION_START_TIME"))),
                                parseMetadataTime(QString::fromUtf8(ds->GetMetadataItem("ACQUISITION_STOP_TIME"))));
    if (scene.acquiredMs == 0)
        scene.notes << QStringLiteral("The manifest gives no acquisition period: enter the time of the image.");

    // Ground control points: the annotation's geolocation grid, in WGS84 longitude and latitude.
    std::vector<SarGeolocation::Gcp> gcps;
    const GDAL_GCP *points = ds->GetGCPs();
    for (int i = 0; i < ds->GetGCPCount(); ++i)
        gcps.push_back({points[i].dfGCPPixel, points[i].dfGCPLine, points[i].dfGCPX, points[i].dfGCPY});
    if (gcps.size() < 3)
        return fail(QStringLiteral("its annotation has no geolocation grid (fewer than 3 ground control points)"));
    scene.geolocation = SarGeolocation::fromGcps(gcps, Crs::wgs84());
    if (!scene.geolocation.isValid())
        return fail(QStringLiteral("its ground control points cannot place the image (%1)").arg(scene.geolocation.error()));

    // The calibration table of the chosen measurement.
    std::optional<SarCalibrationLut> lut;
    QString lutProblem = QStringLiteral("no calibration file for %1").arg(chosen);
    for (const MeasurementUnit &unit : manifest.units) {
        const auto annotation = readVsiFile(joinPath(productFolder, unit.annotation));
        if (!annotation || annotationPolarisation(*annotation) != chosen)
            continue;
        const QString calibrationPath = joinPath(productFolder, unit.calibration);
        const auto calibration = readVsiFile(calibrationPath);
        QString why;
        if (calibration)
            lut = SarCalibrationLut::fromXml(*calibration, &why);
        if (!lut)
            lutProblem = QStringLiteral("%1: %2").arg(unit.calibration.section(QLatin1Char('/'), -1),
                                                      calibration ? why : QStringLiteral("cannot be read"));
        break;
    }
    scene.calibrated = lut.has_value();
    if (!lut)
        scene.notes << QStringLiteral("Not calibrated (%1): the digital number squared is used, a relative scale that "
                                      "serves detection but not sigma0 values.")
                           .arg(lutProblem);

    // The pixels, a block of lines at a time: DN → DN² → DN² / A². A DN of 0 is the product's
    // fill outside the swath.
    try {
        scene.power.resize(std::size_t(scene.width) * std::size_t(scene.height));
    } catch (const std::bad_alloc &) {
        return fail(QStringLiteral("not enough memory for %1 × %2 pixels").arg(scene.width).arg(scene.height));
    }
    constexpr int kLines = 256;
    std::vector<float> gains;
    GdalErrorCapture capture;
    for (int y0 = 0; y0 < scene.height; y0 += kLines) {
        const int lines = std::min(kLines, scene.height - y0);
        float *rows = scene.power.data() + std::size_t(y0) * std::size_t(scene.width);
        if (band->RasterIO(GF_Read, 0, y0, scene.width, lines, rows, scene.width, lines, GDT_Float32, 0, 0, nullptr) != CE_None)
            return fail(QStringLiteral("the %1 measurement cannot be read at line %2: %3")
                            .arg(chosen)
                            .arg(y0)
                            .arg(capture.message(QStringLiteral("a read error"))));
        for (int j = 0; j < lines; ++j) {
            float *row = rows + std::size_t(j) * std::size_t(scene.width);
            if (lut)
                lut->lineGains(y0 + j, scene.width, gains);
            for (int x = 0; x < scene.width; ++x) {
                const float dn = row[x];
                if (dn == 0.0f || !std::isfinite(dn)) {
                    row[x] = std::numeric_limits<float>::quiet_NaN();
                    continue;
                }
                row[x] = lut ? dn * dn / (gains[std::size_t(x)] * gains[std::size_t(x)]) : dn * dn;
            }
        }
    }
    return scene;
}

} // namespace sightline::sarreading
