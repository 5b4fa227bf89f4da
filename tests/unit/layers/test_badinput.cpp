#include "../catchstringmakers.h"

#include "fixtures.h"
#include "layers/datasetpool.h"
#include "layers/layeropening.h"
#include "layers/layerstack.h"
#include "layers/rasterlayer.h"
#include "render/maprenderer.h"

#include <QFile>
#include <QTemporaryDir>

using namespace sightline;
using namespace sightline::test;

TEST_CASE("a missing path is reported with its name", "[bad-input]")
{
    QString error;
    CHECK_FALSE(openLayer(QStringLiteral("/nowhere/scene.tif"), &error));
    CHECK(error.contains(QStringLiteral("/nowhere/scene.tif")));
    CHECK(error.contains(QStringLiteral("no such file")));
}

TEST_CASE("a text file renamed .tif is refused with GDAL's reason", "[bad-input]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notes.tif"));
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write("these are my notes, not an image\n");
    f.close();
    QString error;
    CHECK_FALSE(openLayer(path, &error));
    CHECK(error.contains(path));
    CHECK(error.contains(QStringLiteral("not recognized")));
}

TEST_CASE("a truncated GeoTIFF fails with a message naming it, at open or at render", "[bad-input]")
{
    QTemporaryDir dir;
    for (const QString &layout : {QStringLiteral("TILED=YES"), QStringLiteral("TILED=NO")}) {
        CAPTURE(layout);
        const QString path = makeGeoTiff(dir.filePath(QStringLiteral("t.tif")), 4326, 600, 600,
                                         {130, 0.001, 0, 43, 0, -0.001}, Qt::darkGreen, {}, layout);
        REQUIRE(!path.isEmpty());
        QFile f(path);
        REQUIRE(f.open(QIODevice::ReadWrite));
        REQUIRE(f.resize(f.size() / 2));
        f.close();
        QString error;
        auto layer = openLayer(path, &error);
        if (!layer) {
            CHECK(error.contains(path));
            continue;
        }
        MapSettings settings = MapSettings::fromWgs84Extent(layer->extentWgs84(), QSize(300, 300));
        settings.setLayers({layer});
        QList<RenderError> errors;
        renderMapImage(settings, &errors, Qt::white);
        REQUIRE(errors.size() == 1);
        CHECK(errors.first().message.contains(path));
        DatasetPool::instance().forget(path);
    }
}

TEST_CASE("an image without georeferencing is refused", "[bad-input]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("photo.png"));
    QImage(32, 32, QImage::Format_RGB32).save(path);
    QString error;
    CHECK_FALSE(openLayer(path, &error));
    CHECK(error.contains(QStringLiteral("no georeferencing")));
}
