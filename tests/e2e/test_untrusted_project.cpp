#include <catch2/catch.hpp>

#include "fixtures.h"
#include "sightlineprocess.h"
#include "tileserver.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QUrl>

#include <sys/inotify.h>
#include <unistd.h>

using namespace sightline;
using namespace sightline::test;

// A project is untrusted input (DESIGN.md, security model): what it may read, contact and print.

namespace {

const QString kPassword = QStringLiteral("hunter2-Zq9");
const QString kToken = QStringLiteral("pk-secret-T0KEN");

// Tells whether anything opened a file while it lived, through the kernel's inotify.
class OpenWatch
{
public:
    explicit OpenWatch(const QString &path)
        : mFd(inotify_init1(IN_NONBLOCK))
    {
        REQUIRE(mFd >= 0);
        REQUIRE(inotify_add_watch(mFd, QFile::encodeName(path).constData(), IN_OPEN | IN_ACCESS) >= 0);
    }
    ~OpenWatch() { ::close(mFd); }
    bool opened() const
    {
        char buffer[4096];
        return ::read(mFd, buffer, sizeof buffer) > 0;
    }

private:
    int mFd;
};

QString makeImage(const QString &path)
{
    return makeGeoTiff(path, 4326, 64, 64, {130.0, 0.01, 0, 42.6, 0, -0.01}, QColor(40, 90, 160));
}

QString createProject(const QString &path, const QStringList &files)
{
    const Run r = runSightline(QStringList{QStringLiteral("project"), QStringLiteral("create"), path} + files +
                               QStringList{QStringLiteral("--extent"), QStringLiteral("130.0,41.96,130.64,42.6")});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    return path;
}

// Adds a layer row the way a crafted or older file would hold it: straight into the table.
void addRawLayer(const QString &project, const QString &source, const QString &name)
{
    GDALDatasetUniquePtr ds(GDALDataset::Open(project.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
    REQUIRE(ds);
    OGRLayer *table = ds->GetLayerByName("sightline_layers");
    REQUIRE(table);
    OGRFeature f(table->GetLayerDefn());
    f.SetField("position", 99);
    f.SetField("source", source.toUtf8().constData());
    f.SetField("name", name.toUtf8().constData());
    f.SetField("visible", 1);
    f.SetField("opacity", 1.0);
    f.SetField("style", "{}");
    REQUIRE(table->CreateFeature(&f) == OGRERR_NONE);
}

QByteArray bytesOf(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString pdfText(const QString &pdf)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    REQUIRE(p.waitForFinished(60000));
    return QString::fromUtf8(p.readAllStandardOutput());
}

QStringList renderArgs(const QString &project, const QString &out)
{
    return {QStringLiteral("render"), QStringLiteral("--project"), project, QStringLiteral("--size"),
            QStringLiteral("256x256"), QStringLiteral("-o"), out};
}

} // namespace

TEST_CASE("a project cannot make Sightline read a file through a raw VRT band", "[e2e][security]")
{
    QTemporaryDir dir, elsewhere;
    const QString secret = elsewhere.filePath(QStringLiteral("private.key"));
    QFile(secret).open(QIODevice::WriteOnly);
    {
        QFile f(secret);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'S'));
    }
    const QString project = createProject(dir.filePath(QStringLiteral("case.gpkg")),
                                          {makeImage(dir.filePath(QStringLiteral("scene.tif")))});
    const QString rawBand = QStringLiteral(
        "<VRTDataset rasterXSize=\"64\" rasterYSize=\"64\"><SRS>EPSG:4326</SRS>"
        "<GeoTransform>130, 0.01, 0, 42.6, 0, -0.01</GeoTransform><VRTRasterBand dataType=\"Byte\" band=\"1\" "
        "subClass=\"VRTRawRasterBand\"><SourceFilename relativetoVRT=\"0\">%1</SourceFilename>"
        "<ImageOffset>0</ImageOffset><PixelOffset>1</PixelOffset><LineOffset>64</LineOffset></VRTRasterBand>"
        "</VRTDataset>")
                                  .arg(secret);
    addRawLayer(project, rawBand, QStringLiteral("inline raw"));
    QFile vrt(dir.filePath(QStringLiteral("innocent.vrt")));
    REQUIRE(vrt.open(QIODevice::WriteOnly));
    vrt.write(rawBand.toUtf8());
    vrt.close();
    addRawLayer(project, QStringLiteral("innocent.vrt"), QStringLiteral("file raw"));

    const OpenWatch watch(secret);
    Run r = runSightline(renderArgs(project, dir.filePath(QStringLiteral("out.png"))));
    INFO(r.err.toStdString());
    CHECK(r.exitCode == 1); // rendered, with layers left out
    CHECK(QFile::exists(dir.filePath(QStringLiteral("out.png"))));
    CHECK(r.err.contains(QStringLiteral("layer 'inline raw': not opened: refused: inline GDAL XML (VRTDataset)")));
    CHECK(r.err.contains(QStringLiteral("layer 'file raw': not opened: refused: 'innocent.vrt' has a raw band")));

    r = runSightline({QStringLiteral("brief"), QStringLiteral("--project"), project, QStringLiteral("-o"),
                      dir.filePath(QStringLiteral("brief.pdf"))});
    INFO(r.err.toStdString());
    CHECK(r.exitCode == 0);
    CHECK(r.err.contains(QStringLiteral("refused")));
    const QString text = pdfText(dir.filePath(QStringLiteral("brief.pdf")));
    CHECK(text.contains(QStringLiteral("inline raw")));
    CHECK_FALSE(text.contains(QStringLiteral("private.key")));

    r = runSightline({QStringLiteral("project"), QStringLiteral("info"), project});
    CHECK(r.exitCode == 0);
    CHECK(r.out.contains(QStringLiteral("refused: 'innocent.vrt' has a raw band")));
    CHECK_FALSE(r.out.contains(secret)); // an inline VRT is never printed whole

    // Opened by hand, the same file is refused all the same.
    r = runSightline({QStringLiteral("render"), dir.filePath(QStringLiteral("innocent.vrt")), QStringLiteral("-o"),
                      dir.filePath(QStringLiteral("direct.png"))});
    CHECK(r.exitCode == 2);
    CHECK(r.err.contains(QStringLiteral("refused: 'innocent.vrt' has a raw band (VRTRawRasterBand)")));

    CHECK_FALSE(watch.opened());
    QFile(secret).open(QIODevice::ReadOnly); // the watch itself works
    CHECK(watch.opened());
}

TEST_CASE("a project reads files outside its folder only when the user allows it", "[e2e][security]")
{
    QTemporaryDir dir, elsewhere;
    const QString outside = makeImage(elsewhere.filePath(QStringLiteral("theirs.tif")));
    const QString project = createProject(dir.filePath(QStringLiteral("case.gpkg")),
                                          {makeImage(dir.filePath(QStringLiteral("scene.tif")))});
    addRawLayer(project, QDir(dir.path()).relativeFilePath(outside), QStringLiteral("outside"));

    const OpenWatch watch(outside);
    Run r = runSightline(renderArgs(project, dir.filePath(QStringLiteral("a.png"))));
    INFO(r.err.toStdString());
    CHECK(r.exitCode == 1);
    CHECK(r.err.contains(QStringLiteral("layer 'outside': not opened: it would read %1 outside the project's folder "
                                        "(allow it with --allow-path PATH)")
                             .arg(QFileInfo(outside).canonicalFilePath())));
    CHECK_FALSE(watch.opened());

    r = runSightline(renderArgs(project, dir.filePath(QStringLiteral("b.png"))) +
                     QStringList{QStringLiteral("--allow-path"), elsewhere.path()});
    INFO(r.err.toStdString());
    CHECK(r.exitCode == 0);
    CHECK(watch.opened());
}

TEST_CASE("a project contacts no server without --allow-network", "[e2e][security]")
{
    TileServer server(QColor(20, 120, 60), {});
    REQUIRE(server.startServing() != 0);
    QTemporaryDir dir, received;
    const QString url = server.urlTemplate();
    const QString mine = createProject(dir.filePath(QStringLiteral("mine.gpkg")),
                                       {makeImage(dir.filePath(QStringLiteral("scene.tif"))), url});
    // The same project received from someone else: nobody has said yes to it on this machine.
    const QString theirs = received.filePath(QStringLiteral("theirs.gpkg"));
    REQUIRE(QFile::copy(mine, theirs));
    REQUIRE(QFile::copy(dir.filePath(QStringLiteral("scene.tif")), received.filePath(QStringLiteral("scene.tif"))));
    const QString host = QStringLiteral("127.0.0.1:%1").arg(QUrl(url).port());

    const int before = server.requestCount();
    Run r = runSightline(renderArgs(theirs, received.filePath(QStringLiteral("a.png"))));
    INFO(r.err.toStdString());
    CHECK(r.exitCode == 1);
    CHECK(r.err.contains(QStringLiteral("not opened: it would contact %1 (allow it with --allow-network)").arg(host)));
    r = runSightline({QStringLiteral("brief"), QStringLiteral("--project"), theirs, QStringLiteral("-o"),
                      received.filePath(QStringLiteral("b.pdf"))});
    CHECK(r.exitCode == 0);
    r = runSightline({QStringLiteral("project"), QStringLiteral("info"), theirs});
    CHECK(r.out.contains(QStringLiteral("needs: it would contact %1").arg(host)));
    CHECK(server.requestCount() == before);

    // The user's own project was allowed when they made it; the received one with the flag. Each
    // render has a tile cache of its own: the shared one may hold tiles of an earlier test's server
    // that had the same port, and a render served from it asks this server nothing.
    QProcessEnvironment mineEnv = QProcessEnvironment::systemEnvironment();
    mineEnv.insert(QStringLiteral("SIGHTLINE_TILE_CACHE"), dir.filePath(QStringLiteral("tiles")));
    r = runSightline(renderArgs(mine, dir.filePath(QStringLiteral("c.png"))), mineEnv);
    INFO(r.err.toStdString());
    CHECK(r.exitCode == 0);
    const int afterMine = server.requestCount();
    CHECK(afterMine > before);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SIGHTLINE_TILE_CACHE"), received.filePath(QStringLiteral("tiles")));
    r = runSightline(renderArgs(theirs, received.filePath(QStringLiteral("d.png"))) +
                         QStringList{QStringLiteral("--allow-network")},
                     env);
    INFO(r.err.toStdString());
    CHECK(r.exitCode == 0);
    CHECK(server.requestCount() > afterMine);
}

TEST_CASE("credentials never reach the project file or anything printed", "[e2e][security]")
{
    TileServer server(QColor(20, 120, 60), {});
    REQUIRE(server.startServing() != 0);
    QTemporaryDir dir;
    QString url = server.urlTemplate();
    url.replace(QStringLiteral("http://"), QStringLiteral("http://analyst:%1@").arg(kPassword));
    url += QStringLiteral("?access_token=") + kToken;
    const QString project = dir.filePath(QStringLiteral("case.gpkg"));
    Run r = runSightline({QStringLiteral("project"), QStringLiteral("create"), project,
                          makeImage(dir.filePath(QStringLiteral("scene.tif"))), url});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    QString printed = r.out + r.err;
    // An older file's PostGIS layer with its password: moved out when the project is next written.
    addRawLayer(project, QStringLiteral("PG:host=127.0.0.1 port=1 dbname=cases user=analyst password=") + kPassword,
                QStringLiteral("team layer"));

    r = runSightline({QStringLiteral("project"), QStringLiteral("info"), project});
    CHECK(r.exitCode == 0);
    CHECK(r.err.contains(QStringLiteral("holds credentials")));
    CHECK(r.out.contains(QStringLiteral("team layer")));
    printed += r.out + r.err;

    r = runSightline({QStringLiteral("brief"), QStringLiteral("--project"), project, QStringLiteral("--allow-network"),
                      QStringLiteral("--store"), QStringLiteral("-o"), dir.filePath(QStringLiteral("brief.pdf"))});
    INFO(r.err.toStdString());
    CHECK(r.exitCode == 0);
    printed += r.out + r.err + pdfText(dir.filePath(QStringLiteral("brief.pdf")));
    CHECK(printed.contains(QStringLiteral("127.0.0.1"))); // the services are named…
    CHECK_FALSE(printed.contains(kPassword));             // …without their credentials
    CHECK_FALSE(printed.contains(kToken));
    const QByteArray file = bytesOf(project);
    CHECK_FALSE(file.contains(kPassword.toUtf8()));
    CHECK_FALSE(file.contains(kToken.toUtf8()));
}
