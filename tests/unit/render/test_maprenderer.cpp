#include "../catchstringmakers.h"

#include "layers/layer.h"
#include "render/maprenderer.h"

#include <QPainter>

#include <stdexcept>

using namespace sightline;

namespace {

/// A layer that fills the view with one colour and asks for a label in its middle, or throws as a
/// renderer with a bug would.
class TestLayer : public Layer
{
public:
    TestLayer(Kind kind, QColor colour, bool throws = false)
        : mKind(kind)
        , mColour(colour)
        , mThrows(throws)
    {
        setName(throws ? QStringLiteral("Broken") : QStringLiteral("Fill"));
    }
    Kind kind() const override { return mKind; }
    QString source() const override { return QStringLiteral("test"); }
    Crs crs() const override { return Crs::wgs84(); }
    QRectF extent() const override { return QRectF(QPointF(-10, -10), QPointF(10, 10)); }
    QRectF extentWgs84() const override { return extent(); }
    QList<LayerProperty> properties() const override { return {}; }
    std::unique_ptr<LayerRenderer> createRenderer(const MapSettings &settings) const override
    {
        return std::make_unique<Renderer>(mColour, mThrows, settings.outputSize());
    }
    std::shared_ptr<Layer> snapshot() const override { return std::make_shared<TestLayer>(*this); }

private:
    class Renderer : public LayerRenderer
    {
    public:
        Renderer(QColor colour, bool throws, QSize size)
            : mColour(colour)
            , mThrows(throws)
            , mSize(size)
        {
        }
        bool render(QPainter &painter, const std::atomic<bool> &) override
        {
            if (mThrows)
                throw std::runtime_error("corrupt geometry");
            painter.fillRect(QRect(QPoint(0, 0), mSize), mColour);
            LabelCandidate label;
            label.anchor = QPointF(mSize.width() / 2.0, mSize.height() / 2.0);
            label.text = QStringLiteral("MMMMMMMM");
            label.placement = LabelCandidate::Placement::Centred;
            label.colour = Qt::black;
            label.sizePx = 14;
            mLabels.push_back(label);
            return true;
        }

    private:
        QColor mColour;
        bool mThrows;
        QSize mSize;
    };
    Kind mKind;
    QColor mColour;
    bool mThrows;
};

MapSettings view(const QList<std::shared_ptr<Layer>> &layers)
{
    MapSettings settings = MapSettings::fromWgs84Extent(QRectF(QPointF(-5, -5), QPointF(5, 5)),
                                                        QSize(200, 200), Crs::webMercator());
    settings.setLayers(layers);
    return settings;
}

QImage render(const MapSettings &settings, const MapRenderOptions &options, QList<RenderError> *errors)
{
    QImage image(settings.outputSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    *errors = renderMap(settings, painter, options);
    return image;
}

int darkPixels(const QImage &image)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            n += qGray(image.pixel(x, y)) < 60 ? 1 : 0;
    return n;
}

} // namespace

TEST_CASE("renderMap names a layer whose renderer throws and draws the others", "[render]")
{
    auto broken = std::make_shared<TestLayer>(Layer::Kind::Vector, Qt::red, true);
    auto fill = std::make_shared<TestLayer>(Layer::Kind::Vector, QColor(0, 160, 0));
    QList<RenderError> errors;
    const QImage image = render(view({fill, broken}), {}, &errors);
    REQUIRE(errors.size() == 1);
    CHECK(errors.first().layerId == broken->id());
    CHECK(errors.first().layerName == QStringLiteral("Broken"));
    CHECK(errors.first().message == QStringLiteral("corrupt geometry"));
    CHECK(image.pixelColor(10, 10) == QColor(0, 160, 0));
}

TEST_CASE("renderMap draws hidden layers and leaves labels out only when asked", "[render]")
{
    auto fill = std::make_shared<TestLayer>(Layer::Kind::Vector, QColor(0, 160, 0));
    fill->setVisible(false);
    QList<RenderError> errors;
    CHECK(render(view({fill}), {}, &errors).pixelColor(10, 10) == Qt::white);

    MapRenderOptions hidden;
    hidden.includeHidden = true;
    const QImage withLabels = render(view({fill}), hidden, &errors);
    CHECK(errors.isEmpty());
    CHECK(withLabels.pixelColor(10, 10) == QColor(0, 160, 0));
    CHECK(darkPixels(withLabels) > 20);

    MapRenderOptions noLabels = hidden;
    noLabels.labels = false;
    const QImage without = render(view({fill}), noLabels, &errors);
    CHECK(without.pixelColor(10, 10) == QColor(0, 160, 0));
    CHECK(darkPixels(without) == 0);
}

TEST_CASE("renderMap for paper composites the bottom rasters over the imagery background", "[render]")
{
    // A half-transparent raster at the bottom: over the background colour, not over the page.
    auto raster = std::make_shared<TestLayer>(Layer::Kind::Raster, QColor(255, 0, 0, 128));
    MapRenderOptions paper;
    paper.imageryBackground = QColor(0, 0, 255);
    paper.labels = false;
    QList<RenderError> errors;
    const QColor onPaper = render(view({raster}), paper, &errors).pixelColor(10, 10);
    CHECK(onPaper.alpha() == 255);
    CHECK(onPaper.blue() > 100);
    CHECK(onPaper.red() > 100);
    // Without it the raster goes straight onto the (white) page.
    MapRenderOptions screen;
    screen.labels = false;
    const QColor onScreen = render(view({raster}), screen, &errors).pixelColor(10, 10);
    CHECK(onScreen.green() > 100);
    CHECK(onScreen.blue() == onScreen.green());
}
