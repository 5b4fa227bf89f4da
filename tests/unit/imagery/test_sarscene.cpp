#include "imagery/sarscene.h"
#include "safeproduct.h"
#include "util/datetimetext.h"
#include "util/gdalutil.h"

#include <catch2/catch.hpp>

#include <gdal_priv.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <cmath>

using namespace sightline;
using sightline::test::SafeProductSpec;

namespace {

std::int64_t utc(const char *iso)
{
    return parseIsoDateTime(QString::fromLatin1(iso))->ms;
}

/// A one-band GeoTIFF of `type` with a value per pixel, and the georeferencing and metadata asked.
struct TiffSpec
{
    int width = 50, height = 40;
    GDALDataType type = GDT_Float32;
    std::function<double(int col, int row)> value = [](int col, int row) { return 0.05 + 0.01 * ((col + 2 * row) % 30); };
    std::optional<std::array<double, 6>> geoTransform;
    int epsg = 32632;
    std::vector<GDAL_GCP> gcps; // in WGS84
    std::vector<std::pair<const char *, QString>> metadata;
    QString unit;
};

QString writeTiff(const QString &path, const TiffSpec &spec)
{
    ensureGdalInitialised();
    GDALDriver *gtiff = GetGDALDriverManager()->GetDriverByName("GTiff");
    GDALDataset *ds = gtiff->Create(path.toUtf8().constData(), spec.width, spec.height, 1, spec.type, nullptr);
    REQUIRE(ds);
    OGRSpatialReference srs;
    if (spec.geoTransform) {
        srs.importFromEPSG(spec.epsg);
        ds->SetSpatialRef(&srs);
        ds->SetGeoTransform(const_cast<double *>(spec.geoTransform->data()));
    } else if (!spec.gcps.empty()) {
        srs.importFromEPSG(4326);
        ds->SetGCPs(int(spec.gcps.size()), spec.gcps.data(), &srs);
    }
    for (const auto &[key, value] : spec.metadata)
        ds->SetMetadataItem(key, value.toUtf8().constData());
    if (!spec.unit.isEmpty())
        ds->GetRasterBand(1)->SetUnitType(spec.unit.toUtf8().constData());
    std::vector<double> values(std::size_t(spec.width) * std::size_t(spec.height));
    for (int row = 0; row < spec.height; ++row)
        for (int col = 0; col < spec.width; ++col)
            values[std::size_t(row) * std::size_t(spec.width) + std::size_t(col)] = spec.value(col, row);
    REQUIRE(ds->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, spec.width, spec.height, values.data(), spec.width, spec.height,
                                           GDT_Float64, 0, 0, nullptr) == CE_None);
    GDALClose(ds);
    return path;
}

GDAL_GCP gcp(double pixel, double line, double lon, double lat)
{
    GDAL_GCP g{};
    g.pszId = const_cast<char *>("");
    g.pszInfo = const_cast<char *>("");
    g.dfGCPPixel = pixel;
    g.dfGCPLine = line;
    g.dfGCPX = lon;
    g.dfGCPY = lat;
    return g;
}

} // namespace

TEST_CASE("A Sentinel-1 SAFE product is read as sigma0 from its calibration table", "[imagery][sarscene]")
{
    QTemporaryDir dir;
    SafeProductSpec spec;
    const QString safe = test::writeSafeProduct(dir.path(), spec);
    REQUIRE(!safe.isEmpty());

    QString error;
    const auto scene = readSarScene(safe, {}, &error);
    INFO(error.toStdString());
    REQUIRE(scene);
    CHECK(scene->width == spec.width);
    CHECK(scene->height == spec.height);
    CHECK(scene->mission == QLatin1String("Sentinel-1A"));
    CHECK(scene->polarisation == QLatin1String("VV")); // VV before VH
    CHECK(scene->calibrated);
    CHECK(scene->sceneId == spec.name);
    // The middle of the acquisition period, 06:00:00 to 06:00:20.
    CHECK(scene->acquiredMs == utc("2024-03-01T06:00:10Z"));

    // sigma0 = DN² / A², with A linear in line and pixel here, so that the bilinear interpolation
    // between the vectors gives A exactly at every pixel: 400 + 3·pixel + line.
    for (const auto &[col, row] : {std::pair{4, 4}, {10, 7}, {63, 47}, {17, 33}, {40, 20}, {0, 47}}) {
        const double dn = test::defaultSafeDn(col, row, QStringLiteral("VV"));
        const double a = 400.0 + 3.0 * col + row;
        INFO("pixel " << col << ", line " << row);
        CHECK(scene->at(col, row) == Approx(dn * dn / (a * a)).epsilon(1e-5));
    }
    // DN 0 is the fill outside the swath: no data.
    CHECK(std::isnan(scene->at(0, 0)));
    CHECK(std::isnan(scene->at(3, 3)));

    // The geolocation grid puts pixels where the annotation says: lon = 7 + 0.0015·pixel,
    // lat = 54.2 − 0.0009·line (GDAL's GCP pixel and line are the annotation's).
    const QPointF p = scene->geolocation.lonLat(QPointF(48, 32));
    CHECK(p.x() == Approx(7.0 + 0.0015 * 48).margin(1e-6));
    CHECK(p.y() == Approx(54.2 - 0.0009 * 32).margin(1e-6));
    const QPointF back = scene->geolocation.pixel(QPointF(7.03, 54.18));
    CHECK(back.x() == Approx(20.0).margin(1e-3));
    CHECK(back.y() == Approx(20.0 / 0.9).margin(1e-3));
}

TEST_CASE("The SAFE reader chooses VV, then HH, then the first polarisation, unless told", "[imagery][sarscene]")
{
    QTemporaryDir dir;
    SafeProductSpec spec;
    spec.polarisations = {QStringLiteral("HV"), QStringLiteral("HH")};
    spec.name = QStringLiteral("S1B_EW_GRDM_1SDH_20240301T060000_20240301T060020_052000_064A1B_0001");
    spec.missionId = QStringLiteral("S1B");
    const QString dual = test::writeSafeProduct(dir.path(), spec);
    REQUIRE(!dual.isEmpty());
    QString error;
    auto scene = readSarScene(dual, {}, &error);
    REQUIRE(scene);
    CHECK(scene->polarisation == QLatin1String("HH"));
    CHECK(scene->mission == QLatin1String("Sentinel-1B"));

    SarReadOptions asked;
    asked.polarisation = QStringLiteral("hv");
    scene = readSarScene(dual, asked, &error);
    REQUIRE(scene);
    CHECK(scene->polarisation == QLatin1String("HV"));
    // The cross-polarised DNs differ from the co-polarised ones by the builder's offset.
    const double dn = test::defaultSafeDn(30, 30, QStringLiteral("HV"));
    const double a = 400.0 + 3.0 * 30 + 30;
    CHECK(scene->at(30, 30) == Approx(dn * dn / (a * a)).epsilon(1e-5));

    asked.polarisation = QStringLiteral("VV");
    CHECK_FALSE(readSarScene(dual, asked, &error));
    CHECK(error.contains(QLatin1String("no VV measurement")));
    CHECK(error.contains(QLatin1String("HV, HH")));

    spec.polarisations = {QStringLiteral("VH")};
    spec.name = QStringLiteral("S1A_IW_GRDH_1SSV_single");
    scene = readSarScene(test::writeSafeProduct(dir.path(), spec), {}, &error);
    REQUIRE(scene);
    CHECK(scene->polarisation == QLatin1String("VH"));
}

TEST_CASE("A SAFE product opens from its manifest and from a zip of its folder", "[imagery][sarscene]")
{
    QTemporaryDir dir;
    SafeProductSpec spec;
    const QString safe = test::writeSafeProduct(dir.path(), spec);
    REQUIRE(!safe.isEmpty());
    QString error;
    const auto fromManifest = readSarScene(safe + QStringLiteral("/manifest.safe"), {}, &error);
    REQUIRE(fromManifest);

    const QString zip = dir.filePath(spec.name + QStringLiteral(".zip"));
    REQUIRE(test::zipSafeProduct(safe, zip));
    const auto fromZip = readSarScene(zip, {}, &error);
    INFO(error.toStdString());
    REQUIRE(fromZip);
    CHECK(fromZip->sceneId == spec.name);
    CHECK(fromZip->calibrated);
    CHECK(fromZip->at(20, 20) == Approx(fromManifest->at(20, 20)));
    CHECK(fromZip->acquiredMs == fromManifest->acquiredMs);

    // The user's time wins over the metadata's.
    SarReadOptions options;
    options.acquiredMs = utc("2024-03-01T07:00:00Z");
    CHECK(readSarScene(zip, options, &error)->acquiredMs == options.acquiredMs);
}

TEST_CASE("A SAFE product without calibration vectors is read as DN squared, and says so", "[imagery][sarscene]")
{
    QTemporaryDir dir;
    SafeProductSpec spec;
    spec.writeCalibrationVectors = false;
    QString error;
    const auto scene = readSarScene(test::writeSafeProduct(dir.path(), spec), {}, &error);
    INFO(error.toStdString());
    REQUIRE(scene);
    CHECK_FALSE(scene->calibrated);
    const double dn = test::defaultSafeDn(12, 9, QStringLiteral("VV"));
    CHECK(scene->at(12, 9) == Approx(dn * dn));
    REQUIRE(scene->notes.size() == 1);
    CHECK(scene->notes.front().contains(QLatin1String("no calibration vectors")));
}

TEST_CASE("Broken SAFE products are refused with the file and what is wrong", "[imagery][sarscene]")
{
    QTemporaryDir dir;
    QString error;

    SECTION("no measurement")
    {
        SafeProductSpec spec;
        spec.writeMeasurement = false;
        const QString safe = test::writeSafeProduct(dir.path(), spec);
        CHECK_FALSE(readSarScene(safe, {}, &error));
        CHECK(error.startsWith(QStringLiteral("'%1.SAFE': ").arg(spec.name)));
        CHECK(error.contains(QLatin1String("Measurement bands not found")));
    }
    SECTION("a manifest pointing outside the product")
    {
        SafeProductSpec spec;
        const QString safe = test::writeSafeProduct(dir.path(), spec);
        QFile manifest(safe + QStringLiteral("/manifest.safe"));
        REQUIRE(manifest.open(QIODevice::ReadOnly));
        QByteArray text = manifest.readAll();
        manifest.close();
        text.replace("./measurement/", "../../elsewhere/");
        REQUIRE(manifest.open(QIODevice::WriteOnly | QIODevice::Truncate));
        manifest.write(text);
        manifest.close();
        CHECK_FALSE(readSarScene(safe, {}, &error));
        CHECK(error.contains(QLatin1String("outside the product")));
    }
    SECTION("a zip that is not a product")
    {
        const QString zip = dir.filePath(QStringLiteral("notes.zip"));
        QFile f(zip);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("PK\x03\x04 not really a zip");
        f.close();
        CHECK_FALSE(readSarScene(zip, {}, &error));
        CHECK(error.startsWith(QLatin1String("'notes.zip': ")));
    }
    SECTION("a folder that is not a product")
    {
        CHECK_FALSE(readSarScene(dir.path(), {}, &error));
        CHECK(error.contains(QLatin1String("without a manifest.safe")));
    }
}

TEST_CASE("A rotated Float32 GeoTIFF with a date tag is read as amplitude", "[imagery][sarscene]")
{
    QTemporaryDir dir;
    TiffSpec spec;
    const double a = 25.0 * M_PI / 180.0, size = 2.0;
    spec.geoTransform = std::array<double, 6>{500000.0, size * std::cos(a), size * std::sin(a), 6000000.0, size * std::sin(a),
                                              -size * std::cos(a)};
    spec.metadata = {{"TIFFTAG_DATETIME", QStringLiteral("2024:05:06 07:08:09")}};
    const QString path = writeTiff(dir.filePath(QStringLiteral("umbra_sanfrancisco_GEC_VV.tif")), spec);

    QString error;
    const auto scene = readSarScene(path, {}, &error);
    INFO(error.toStdString());
    REQUIRE(scene);
    CHECK(scene->width == 50);
    CHECK(scene->height == 40);
    CHECK(scene->mission == QLatin1String("Umbra")); // from the name
    CHECK(scene->polarisation == QLatin1String("VV"));
    CHECK_FALSE(scene->calibrated);
    CHECK(scene->acquiredMs == utc("2024-05-06T07:08:09Z"));
    CHECK(scene->notes.join(QLatin1Char(' ')).contains(QLatin1String("TIFF DateTime")));
    CHECK(scene->notes.join(QLatin1Char(' ')).contains(QLatin1String("amplitude")));
    // Power is amplitude squared.
    const double v = spec.value(13, 21);
    CHECK(scene->at(13, 21) == Approx(v * v).epsilon(1e-5));
    // The rotation is kept: pixel (10, 0) lies 20 m along the rotated row from the origin.
    const QPointF origin = scene->geolocation.lonLat(QPointF(0, 0));
    const QPointF along = scene->geolocation.lonLat(QPointF(10, 0));
    CHECK(along.y() > origin.y()); // the row climbs north at 25°
    CHECK(scene->geolocation.pixelSpacingM(QPointF(25, 20)).x() == Approx(2.0).epsilon(0.01));
}

TEST_CASE("A GeoTIFF with GCPs and Capella's JSON description gives its time, mission and polarisation", "[imagery][sarscene]")
{
    QTemporaryDir dir;
    TiffSpec spec;
    spec.type = GDT_UInt16;
    spec.value = [](int col, int row) { return (col < 2 && row < 2) ? 0.0 : 100.0 + col + row; };
    spec.gcps = {gcp(0, 0, 129.0, 35.10), gcp(50, 0, 129.01, 35.10), gcp(0, 40, 129.0, 35.092), gcp(50, 40, 129.01, 35.092)};
    spec.metadata = {{"TIFFTAG_IMAGEDESCRIPTION",
                      QStringLiteral(R"({"collect": {"platform": "capella-7", "start_timestamp": "2024-06-01T01:02:03.500000Z",
                      "stop_timestamp": "2024-06-01T01:02:13.500000Z", "radar": {"transmit_polarization": "H",
                      "receive_polarization": "H"}, "image": {"scale_factor": 0.5}}})")}};
    const QString path = writeTiff(dir.filePath(QStringLiteral("CAPELLA_C07_SP_GEO.tif")), spec);

    QString error;
    const auto scene = readSarScene(path, {}, &error);
    INFO(error.toStdString());
    REQUIRE(scene);
    CHECK(scene->mission == QLatin1String("Capella"));
    CHECK(scene->polarisation == QLatin1String("HH"));
    CHECK(scene->acquiredMs == utc("2024-06-01T01:02:08.500Z"));
    // Amplitude = DN · scale_factor; power its square. 0 in an integer product is fill.
    CHECK(scene->at(10, 20) == Approx(std::pow(0.5 * (100.0 + 30), 2)));
    CHECK(std::isnan(scene->at(0, 0)));
    const QPointF corner = scene->geolocation.lonLat(QPointF(50, 40));
    CHECK(corner.x() == Approx(129.01).margin(1e-7));
    CHECK(corner.y() == Approx(35.092).margin(1e-7));
}

TEST_CASE("A SAR GeoTIFF's scale and time come from its metadata or the provider's sidecar", "[imagery][sarscene]")
{
    QTemporaryDir dir;
    TiffSpec spec;
    spec.geoTransform = std::array<double, 6>{400000.0, 5.0, 0.0, 5000000.0, 0.0, -5.0};
    QString error;

    SECTION("dB values become power")
    {
        spec.unit = QStringLiteral("dB");
        spec.value = [](int, int) { return -13.0; };
        spec.metadata = {{"ACQUISITION_START_TIME", QStringLiteral("2024-01-02T03:04:00Z")},
                         {"ACQUISITION_STOP_TIME", QStringLiteral("2024-01-02T03:04:30Z")}};
        const auto scene = readSarScene(writeTiff(dir.filePath(QStringLiteral("db.tif")), spec), {}, &error);
        REQUIRE(scene);
        CHECK(scene->at(5, 5) == Approx(std::pow(10.0, -1.3)));
        CHECK(scene->acquiredMs == utc("2024-01-02T03:04:15Z"));
    }
    SECTION("a band said to be intensity is taken as power")
    {
        spec.metadata = {{"BAND_CONTENT", QStringLiteral("sigma0 intensity, linear")}};
        const auto scene = readSarScene(writeTiff(dir.filePath(QStringLiteral("power.tif")), spec), {}, &error);
        REQUIRE(scene);
        CHECK(scene->at(7, 3) == Approx(spec.value(7, 3)).epsilon(1e-6));
        CHECK(scene->acquiredMs == 0); // nothing said: the caller asks the user
        CHECK(scene->notes.join(QLatin1Char(' ')).contains(QLatin1String("enter the time")));
    }
    SECTION("ICEYE's XML beside the image")
    {
        const QString path = writeTiff(dir.filePath(QStringLiteral("ICEYE_X9_GRD_SM_12345_20240301T101010.tif")), spec);
        QFile xml(dir.filePath(QStringLiteral("ICEYE_X9_GRD_SM_12345_20240301T101010.xml")));
        REQUIRE(xml.open(QIODevice::WriteOnly));
        xml.write("<?xml version=\"1.0\"?><Metadata><product_name>ICEYE_X9_GRD_SM_12345</product_name>"
                  "<polarization>VV</polarization><acquisition_start_utc>2024-03-01T10:10:10.000000</acquisition_start_utc>"
                  "<acquisition_end_utc>2024-03-01T10:10:20.000000</acquisition_end_utc></Metadata>");
        xml.close();
        const auto scene = readSarScene(path, {}, &error);
        REQUIRE(scene);
        CHECK(scene->mission == QLatin1String("ICEYE"));
        CHECK(scene->polarisation == QLatin1String("VV"));
        CHECK(scene->acquiredMs == utc("2024-03-01T10:10:15Z"));
    }
}

TEST_CASE("SAR input that is not a local, sane, readable scene is refused", "[imagery][sarscene]")
{
    QTemporaryDir dir;
    QString error;

    CHECK_FALSE(readSarScene(dir.filePath(QStringLiteral("missing.tif")), {}, &error));
    CHECK(error.contains(QLatin1String("missing.tif' does not exist")));

    CHECK_FALSE(readSarScene(QStringLiteral("/vsicurl/https://example.com/scene.tif"), {}, &error));
    CHECK(error.contains(QLatin1String("/vsicurl/")));
    CHECK(error.contains(QLatin1String("not opened")));

    CHECK_FALSE(readSarScene(QStringLiteral("https://example.com/scene.tif"), {}, &error));
    CHECK(error.contains(QLatin1String("not a local file")));

    CHECK_FALSE(readSarScene(QStringLiteral("<VRTDataset rasterXSize=\"1\" rasterYSize=\"1\"/>"), {}, &error));
    CHECK(error.contains(QLatin1String("inline XML")));

    // A VRT on disk is an indirection to other files: only GeoTIFF and SAFE are opened.
    TiffSpec spec;
    spec.geoTransform = std::array<double, 6>{400000.0, 5.0, 0.0, 5000000.0, 0.0, -5.0};
    const QString tif = writeTiff(dir.filePath(QStringLiteral("real.tif")), spec);
    const QString vrt = dir.filePath(QStringLiteral("indirect.vrt"));
    {
        QFile f(vrt);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("<VRTDataset rasterXSize=\"50\" rasterYSize=\"40\"><VRTRasterBand dataType=\"Float32\" band=\"1\">"
                               "<SimpleSource><SourceFilename>%1</SourceFilename><SourceBand>1</SourceBand></SimpleSource>"
                               "</VRTRasterBand></VRTDataset>")
                    .arg(tif)
                    .toUtf8());
    }
    CHECK_FALSE(readSarScene(vrt, {}, &error));
    CHECK(error.startsWith(QLatin1String("'indirect.vrt': ")));

    // A truncated tiff: the error names the file.
    QFile whole(tif);
    REQUIRE(whole.open(QIODevice::ReadOnly));
    const QByteArray bytes = whole.readAll();
    const QString cut = dir.filePath(QStringLiteral("cut.tif"));
    QFile part(cut);
    REQUIRE(part.open(QIODevice::WriteOnly));
    part.write(bytes.left(bytes.size() / 2));
    part.close();
    CHECK_FALSE(readSarScene(cut, {}, &error));
    CHECK(error.startsWith(QLatin1String("'cut.tif': ")));

    // A scene claiming more pixels than can sanely be held is refused before any is read.
    ensureGdalInitialised();
    const char *const sparse[] = {"SPARSE_OK=TRUE", "TILED=YES", "BIGTIFF=YES", nullptr};
    const QString huge = dir.filePath(QStringLiteral("huge.tif"));
    GDALDataset *ds = GetGDALDriverManager()->GetDriverByName("GTiff")->Create(huge.toUtf8().constData(), 40000, 30000, 1,
                                                                               GDT_Float32, const_cast<char **>(sparse));
    REQUIRE(ds);
    const double gt[6] = {400000.0, 5.0, 0.0, 5000000.0, 0.0, -5.0};
    ds->SetGeoTransform(const_cast<double *>(gt));
    OGRSpatialReference srs;
    srs.importFromEPSG(32632);
    ds->SetSpatialRef(&srs);
    GDALClose(ds);
    CHECK_FALSE(readSarScene(huge, {}, &error));
    CHECK(error.contains(QStringLiteral("40000 × 30000")));
    CHECK(error.contains(QLatin1String("1200 million")));
}
