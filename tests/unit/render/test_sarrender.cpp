#include "../catchstringmakers.h"

#include "fixtures.h"
#include "layers/rasterlayer.h"
#include "project/layerstyleio.h"
#include "render/maprenderer.h"
#include "sarimagefile.h"

#include <QTemporaryDir>

#include <algorithm>
#include <vector>

using namespace sightline;
using namespace sightline::test;

namespace {

// The image's box in WGS84, slightly inside it so that every output pixel is on the image.
QRectF innerBox(const RasterLayer &layer)
{
    const QRectF e = layer.extentWgs84();
    return e.adjusted(e.width() * 0.05, e.height() * 0.05, -e.width() * 0.05, -e.height() * 0.05);
}

// The median grey of the sea: the output columns right of the land (the image's left quarter).
int medianSeaGrey(const QImage &image)
{
    std::vector<int> greys;
    for (int y = 0; y < image.height(); ++y)
        for (int x = image.width() * 2 / 5; x < image.width(); ++x)
            greys.push_back(qGray(image.pixel(x, y)));
    auto mid = greys.begin() + std::ptrdiff_t(greys.size() / 2);
    std::nth_element(greys.begin(), mid, greys.end());
    return *mid;
}

QImage renderLayer(const std::shared_ptr<RasterLayer> &layer)
{
    MapSettings settings = MapSettings::fromWgs84Extent(innerBox(*layer), QSize(300, 300));
    settings.setLayers({layer});
    QList<RenderError> errors;
    const QImage image = renderMapImage(settings, &errors, Qt::white);
    REQUIRE(errors.isEmpty());
    return image;
}

} // namespace

TEST_CASE("A float SAR GeoTIFF is shown as backscatter in dB, its sea grey rather than black", "[render][sar]")
{
    QTemporaryDir dir;
    const QString path = writeSyntheticSarTiff(dir.filePath(QStringLiteral("S1A_IW_GRDH_20240301_VV.tif")));
    REQUIRE(!path.isEmpty());
    QString error;
    auto layer = RasterLayer::open(path, &error);
    REQUIRE(layer);
    CHECK(layer->info().looksLikeSar);
    const RasterStyle dB = layer->style();
    REQUIRE(dB.decibels);
    CHECK(dB.amplitude);
    // 2–98 % of the scene in dB: the sea's speckle near −20 dB at the low end, the land's
    // −5 dB at the high end.
    CHECK(dB.decibelMin == Approx(-34).margin(4));
    CHECK(dB.decibelMax == Approx(-1).margin(4));

    const int greyInDb = medianSeaGrey(renderLayer(layer));
    CAPTURE(greyInDb);
    CHECK(greyInDb >= 60);
    CHECK(greyInDb <= 200);

    // What the same image looked like before: the plain 2–98 % stretch of its values.
    RasterStyle linear = dB;
    linear.decibels = false;
    layer->setStyle(linear);
    const int greyLinear = medianSeaGrey(renderLayer(layer));
    CAPTURE(greyLinear);
    CHECK(greyLinear < 40);
}

TEST_CASE("A float raster that does not say it is SAR keeps the plain stretch", "[render][sar]")
{
    QTemporaryDir dir;
    const QString path = writeSyntheticSarTiff(dir.filePath(QStringLiteral("elevation.tif")));
    QString error;
    auto layer = RasterLayer::open(path, &error);
    REQUIRE(layer);
    CHECK_FALSE(layer->info().looksLikeSar);
    CHECK_FALSE(layer->style().decibels);
    double low = 0, high = 0;
    REQUIRE(layer->decibelStretch(true, &low, &high));
    CHECK(low < high);
}

TEST_CASE("The SAR display chosen survives the project's JSON", "[project][style][sar]")
{
    QTemporaryDir dir;
    const QString path = writeSyntheticSarTiff(dir.filePath(QStringLiteral("ICEYE_X9_GRD_SM_1_VV.tif")), 64);
    QString error;
    auto layer = RasterLayer::open(path, &error);
    REQUIRE(layer);
    RasterStyle st = layer->style();
    REQUIRE(st.decibels);
    st.decibelMin = -27.5;
    st.decibelMax = 3.0;
    st.amplitude = false;
    layer->setStyle(st);
    const QJsonObject json = layerStyleToJson(*layer);
    CHECK(json.value(QLatin1String("display")).toString() == QLatin1String("backscatter_db"));

    auto reopened = RasterLayer::open(path, &error);
    REQUIRE(reopened);
    applyLayerStyle(*reopened, json);
    CHECK(reopened->style().decibels);
    CHECK(reopened->style().decibelMin == -27.5);
    CHECK(reopened->style().decibelMax == 3.0);
    CHECK_FALSE(reopened->style().amplitude);

    // Switched to the plain stretch, it opens that way again.
    st.decibels = false;
    layer->setStyle(st);
    applyLayerStyle(*reopened, layerStyleToJson(*layer));
    CHECK_FALSE(reopened->style().decibels);
}
