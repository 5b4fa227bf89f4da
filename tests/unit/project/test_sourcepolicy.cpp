#include "../catchstringmakers.h"
#include "../testfiles.h"

#include "layers/imageryservice.h"
#include "project/sourcepolicy.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QXmlStreamReader>

using namespace sightline;
using sightline::test::writeFile;

namespace {

// A project folder with a file inside, and a folder beside it that the project does not own.
struct Folders
{
    QTemporaryDir root;
    QString project() const { return root.filePath(QStringLiteral("case")); }
    QString outside() const { return root.filePath(QStringLiteral("elsewhere")); }
    SourcePermissions permissions() const
    {
        SourcePermissions p;
        p.projectFolder = project();
        return p;
    }
    Folders()
    {
        writeFile(project() + QStringLiteral("/imagery/scene.tif"), "II*\0");
        writeFile(outside() + QStringLiteral("/secret.txt"), "the user's own file");
    }
};

QByteArray vrtWithSource(const QString &source, bool relative = false)
{
    return QStringLiteral("<VRTDataset rasterXSize=\"1\" rasterYSize=\"1\"><VRTRasterBand dataType=\"Byte\" "
                          "band=\"1\"><SimpleSource><SourceFilename relativeToVRT=\"%1\">%2</SourceFilename>"
                          "<SourceBand>1</SourceBand></SimpleSource></VRTRasterBand></VRTDataset>")
        .arg(relative ? 1 : 0)
        .arg(source.toHtmlEscaped())
        .toUtf8();
}

const QByteArray kRawBandVrt =
    "<VRTDataset rasterXSize=\"16\" rasterYSize=\"16\"><VRTRasterBand dataType=\"Byte\" band=\"1\" "
    "subClass=\"VRTRawRasterBand\"><SourceFilename relativetoVRT=\"0\">/etc/passwd</SourceFilename>"
    "<ImageOffset>0</ImageOffset><PixelOffset>1</PixelOffset><LineOffset>16</LineOffset></VRTRasterBand>"
    "</VRTDataset>";

} // namespace

TEST_CASE("files inside the project's folder are allowed, others need the user's leave", "[sourcepolicy]")
{
    Folders f;
    const SourcePermissions p = f.permissions();
    CHECK(checkProjectSource(f.project() + QStringLiteral("/imagery/scene.tif"), p).allowed());
    // A missing file inside is the opener's business, not the policy's.
    CHECK(checkProjectSource(f.project() + QStringLiteral("/gone.tif"), p).allowed());

    const QString secret = f.outside() + QStringLiteral("/secret.txt");
    SourceVerdict v = checkProjectSource(secret, p);
    CHECK(v.access == SourceVerdict::Access::NeedsConsent);
    CHECK(v.deniedFiles == QStringList{secret});
    CHECK(v.reason.contains(QLatin1String("outside the project's folder")));
    // Climbing out with "..": the same file, the same answer.
    CHECK(checkProjectSource(f.project() + QStringLiteral("/imagery/../../elsewhere/secret.txt"), p).access ==
          SourceVerdict::Access::NeedsConsent);

    SourcePermissions allowed = p;
    allowed.allowedPaths = {f.outside()};
    CHECK(checkProjectSource(secret, allowed).allowed());
}

TEST_CASE("a link inside the project's folder is judged by where it leads", "[sourcepolicy]")
{
    Folders f;
    const QString link = f.project() + QStringLiteral("/innocent.tif");
    REQUIRE(QFile::link(f.outside() + QStringLiteral("/secret.txt"), link));
    const SourceVerdict v = checkProjectSource(link, f.permissions());
    CHECK(v.access == SourceVerdict::Access::NeedsConsent);
    CHECK(v.deniedFiles.value(0).endsWith(QLatin1String("elsewhere/secret.txt")));
}

TEST_CASE("VRTs are read for what they point at", "[sourcepolicy]")
{
    Folders f;
    const SourcePermissions p = f.permissions();
    const QString inside = f.project() + QStringLiteral("/mosaic.vrt");

    writeFile(inside, vrtWithSource(QStringLiteral("imagery/scene.tif"), true));
    CHECK(checkProjectSource(inside, p).allowed());

    writeFile(inside, vrtWithSource(f.outside() + QStringLiteral("/secret.txt")));
    SourceVerdict v = checkProjectSource(inside, p);
    CHECK(v.access == SourceVerdict::Access::NeedsConsent);
    CHECK(v.deniedFiles.join(QLatin1Char(' ')).contains(QLatin1String("secret.txt")));

    writeFile(inside, kRawBandVrt);
    v = checkProjectSource(inside, p);
    CHECK(v.access == SourceVerdict::Access::Refused);
    CHECK(v.reason.contains(QLatin1String("mosaic.vrt")));
    CHECK(v.reason.contains(QLatin1String("VRTRawRasterBand")));

    writeFile(inside, vrtWithSource(QStringLiteral("/vsicurl/https://evil.example/x.tif")));
    v = checkProjectSource(inside, p);
    CHECK(v.access == SourceVerdict::Access::Refused);
    CHECK(v.reason.contains(QLatin1String("/vsicurl/")));

    // A VRT naming a VRT naming a server: the host is found two levels down.
    writeFile(f.project() + QStringLiteral("/inner.vrt"),
          vrtWithSource(QStringLiteral("https://tiles.example.com:8443/x.tif")));
    writeFile(inside, vrtWithSource(QStringLiteral("inner.vrt"), true));
    v = checkProjectSource(inside, p);
    CHECK(v.access == SourceVerdict::Access::NeedsConsent);
    CHECK(v.deniedHosts == QStringList{QStringLiteral("tiles.example.com:8443")});

    // A VRT that names itself ends.
    writeFile(inside, vrtWithSource(QStringLiteral("mosaic.vrt"), true));
    CHECK(checkProjectSource(inside, p).allowed());

    writeFile(inside, "<VRTDataset><VRTRasterBand>");
    v = checkProjectSource(inside, p);
    CHECK(v.access == SourceVerdict::Access::Refused);
    CHECK(v.reason.contains(QLatin1String("not well-formed")));

    writeFile(f.project() + QStringLiteral("/service.xml"),
          "<GDAL_WMS><Service name=\"TMS\"><ServerUrl>https://h/${z}/${x}/${y}.png</ServerUrl></Service>"
          "<Cache><Path>/home/analyst/.ssh</Path></Cache></GDAL_WMS>");
    v = checkProjectSource(f.project() + QStringLiteral("/service.xml"), p);
    CHECK(v.access == SourceVerdict::Access::Refused);
    CHECK(v.reason.contains(QLatin1String("service description")));
}

TEST_CASE("inline XML, virtual file systems and unknown connection strings are refused", "[sourcepolicy]")
{
    Folders f;
    const SourcePermissions p = f.permissions();
    struct Row
    {
        QString source;
        const char *why;
    };
    const Row rows[] = {
        {QString::fromUtf8(kRawBandVrt), "inline GDAL XML (VRTDataset)"},
        {QStringLiteral("<OGRVRTDataSource><OGRVRTLayer name=\"x\"><SrcDataSource>/etc/passwd</SrcDataSource>"
                        "</OGRVRTLayer></OGRVRTDataSource>"),
         "inline GDAL XML (OGRVRTDataSource)"},
        {QStringLiteral("/vsicurl/https://evil.example/aoi.tif"), "/vsicurl/"},
        {QStringLiteral("/vsizip//tmp/x.zip/a.shp"), "/vsizip/"},
        {QStringLiteral("/vsis3/bucket/key.tif"), "/vsis3/"},
        {QStringLiteral("/vsistdin/"), "/vsistdin/"},
        {QStringLiteral("MBTILES:/tmp/x.mbtiles"), "'MBTILES:'"},
        {QStringLiteral("ODBC:user/pass@dsn"), "'ODBC:'"},
        {QStringLiteral("WMTS:/tmp/capabilities.xml"), "http(s) capabilities URL"},
        {QStringLiteral("ftp://files.example/x.tif"), "scheme 'ftp'"},
    };
    for (const Row &row : rows) {
        INFO(row.source.toStdString());
        const SourceVerdict v = checkProjectSource(row.source, p);
        CHECK(v.access == SourceVerdict::Access::Refused);
        CHECK(v.reason.contains(QString::fromUtf8(row.why)));
    }
}

TEST_CASE("network sources name their hosts and wait for consent", "[sourcepolicy]")
{
    Folders f;
    SourcePermissions p = f.permissions();
    struct Row
    {
        QString source;
        QString host;
    };
    const Row rows[] = {
        {QStringLiteral("https://tiles.example.com/{z}/{x}/{y}.png"), QStringLiteral("tiles.example.com")},
        {QStringLiteral("http://127.0.0.1:8123/{z}/{x}/{y}.png"), QStringLiteral("127.0.0.1:8123")},
        {QStringLiteral("WMTS:https://maps.example.org/wmts?SERVICE=WMTS&REQUEST=GetCapabilities"),
         QStringLiteral("maps.example.org")},
        {QStringLiteral("PG:host=db.example port=5433 dbname=cases"), QStringLiteral("db.example:5433")},
        {QStringLiteral("PG:service=team"), QStringLiteral("PostgreSQL service 'team'")},
        {QStringLiteral("PG:dbname=cases"), QStringLiteral("PostgreSQL on this machine")},
    };
    for (const Row &row : rows) {
        INFO(row.source.toStdString());
        SourceVerdict v = checkProjectSource(row.source, p);
        CHECK(v.access == SourceVerdict::Access::NeedsConsent);
        CHECK(v.deniedHosts == QStringList{row.host});
        CHECK(v.reason.contains(row.host));
        SourcePermissions granted = p;
        granted.allowedHosts = {row.host};
        CHECK(checkProjectSource(row.source, granted).allowed());
        granted = p;
        granted.anyHost = true;
        CHECK(checkProjectSource(row.source, granted).allowed());
    }
}

TEST_CASE("a stored GDAL_WMS description counts only for its URL", "[sourcepolicy]")
{
    // What an older project (or a crafted one) holds: the cache path must not count.
    const QString stored = QStringLiteral(
        "<GDAL_WMS><Service name=\"TMS\"><ServerUrl>https://tiles.example.com/${z}/${x}/${y}.png?a=1&amp;b=2"
        "</ServerUrl></Service><DataWindow><YOrigin>bottom</YOrigin></DataWindow>"
        "<Cache><Path>/root/.ssh</Path></Cache></GDAL_WMS>");
    SourcePermissions p;
    p.anyHost = true;
    const SourceVerdict v = checkProjectSource(stored, p);
    CHECK(v.allowed());
    CHECK(v.source == QStringLiteral("https://tiles.example.com/{z}/{x}/{-y}.png?a=1&b=2"));
    CHECK(v.hosts == QStringList{QStringLiteral("tiles.example.com")});
}

TEST_CASE("an imagery service's description is built from escaped values", "[sourcepolicy]")
{
    ImageryService s;
    s.url = QStringLiteral("https://tiles.example.com/{z}/{x}/{y}.png?x=</ServerUrl></Service><Cache><Path>"
                           "/tmp/elsewhere</Path></Cache><Service name=\"TMS\"><ServerUrl>&y=\"1\"");
    const QString xml = gdalSourceFor(s, QStringLiteral("/var/cache/tiles"));
    QXmlStreamReader r(xml);
    QStringList paths;
    int services = 0;
    while (!r.atEnd()) {
        r.readNext();
        if (r.isStartElement() && r.name() == QLatin1String("Path"))
            paths << r.readElementText();
        if (r.isStartElement() && r.name() == QLatin1String("Service"))
            ++services;
    }
    CHECK_FALSE(r.hasError());
    CHECK(services == 1);
    REQUIRE(paths.size() == 1);
    CHECK(paths.first().startsWith(QLatin1String("/var/cache/tiles/")));
    // And back: the URL the user gave.
    CHECK(xyzTemplateFromGdalWms(xml) == s.url);
}

TEST_CASE("the user's answers are kept on this machine, per project for hosts", "[sourcepolicy]")
{
    QTemporaryDir settings;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings.path());
    Folders f;
    const QString projectA = f.project() + QStringLiteral("/a.gpkg");
    const QString projectB = f.project() + QStringLiteral("/b.gpkg");
    const QString secret = f.outside() + QStringLiteral("/secret.txt");

    CHECK(checkProjectSource(secret, sourceconsent::permissionsFor(projectA)).access ==
          SourceVerdict::Access::NeedsConsent);
    sourceconsent::rememberUserSource(secret, projectA);
    CHECK(sourceconsent::allowedPaths().contains(QFileInfo(secret).canonicalFilePath()));
    CHECK(checkProjectSource(secret, sourceconsent::permissionsFor(projectB)).allowed());

    const QString tiles = QStringLiteral("https://tiles.example.com/{z}/{x}/{y}.png");
    sourceconsent::rememberUserSource(tiles, projectA);
    CHECK(checkProjectSource(tiles, sourceconsent::permissionsFor(projectA)).allowed());
    CHECK(checkProjectSource(tiles, sourceconsent::permissionsFor(projectB)).access ==
          SourceVerdict::Access::NeedsConsent);
    CHECK(checkProjectSource(tiles, sourceconsent::permissionsFor(projectB, true)).allowed());

    // A refused source is never remembered.
    sourceconsent::rememberUserSource(QStringLiteral("/vsicurl/https://evil.example/x"), projectA);
    CHECK_FALSE(sourceconsent::allowedHosts(projectA).contains(QStringLiteral("evil.example")));
}

TEST_CASE("what the user opens by hand may be anywhere, but raw bands and /vsi stay refused", "[sourcepolicy]")
{
    Folders f;
    CHECK(checkUserSource(f.outside() + QStringLiteral("/secret.txt")).allowed());
    CHECK(checkUserSource(QStringLiteral("https://tiles.example.com/{z}/{x}/{y}.png")).allowed());
    const QString vrt = f.outside() + QStringLiteral("/raw.vrt");
    writeFile(vrt, kRawBandVrt);
    CHECK(checkUserSource(vrt).access == SourceVerdict::Access::Refused);
    CHECK(checkUserSource(QStringLiteral("/vsicurl/https://evil.example/x.tif")).access ==
          SourceVerdict::Access::Refused);
}
