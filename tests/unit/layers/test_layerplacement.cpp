#include "../catchstringmakers.h"

#include "geo/crs.h"
#include "layers/layerstack.h"
#include "layers/trackrenderer.h"

#include <QLineF>
#include <QPainterPath>
#include <QPainterPathStroker>

#include <cmath>

using namespace sightline;

namespace {

/// A layer of one kind and nothing else: where the stack puts it depends on the kind alone.
class KindOnlyLayer : public Layer
{
public:
    KindOnlyLayer(Kind kind, const QString &name)
        : mKind(kind)
    {
        setName(name);
    }
    Kind kind() const override { return mKind; }
    QString source() const override { return name(); }
    Crs crs() const override { return Crs::wgs84(); }
    QRectF extent() const override { return {}; }
    QRectF extentWgs84() const override { return {}; }
    std::unique_ptr<LayerRenderer> createRenderer(const MapSettings &) const override { return nullptr; }
    QList<LayerProperty> properties() const override { return {}; }
    std::shared_ptr<Layer> snapshot() const override { return std::make_shared<KindOnlyLayer>(*this); }

private:
    Kind mKind;
};

QStringList namesBottomFirst(const LayerStack &stack)
{
    QStringList names;
    for (const auto &layer : stack.layers())
        names << layer->name();
    return names;
}

} // namespace

TEST_CASE("new imagery goes under what is drawn on the map, new overlays on top", "[layers][stack]")
{
    LayerStack stack;
    auto add = [&stack](Layer::Kind kind, const char *name) {
        return stack.addInPlace(std::make_shared<KindOnlyLayer>(kind, QString::fromLatin1(name)));
    };
    CHECK(add(Layer::Kind::Vector, "ports") == 0);
    CHECK(add(Layer::Kind::Track, "tracks") == 1);
    CHECK(add(Layer::Kind::Raster, "landsat") == 0); // under the ports and the tracks
    CHECK(add(Layer::Kind::Raster, "basemap") == 1); // over the first image, still under the overlays
    CHECK(add(Layer::Kind::Sighting, "sightings") == 4);
    CHECK(namesBottomFirst(stack) ==
          QStringList{QStringLiteral("landsat"), QStringLiteral("basemap"), QStringLiteral("ports"),
                      QStringLiteral("tracks"), QStringLiteral("sightings")});
    // add() keeps its meaning: on top, whatever the kind (a project puts its own order back).
    stack.add(std::make_shared<KindOnlyLayer>(Layer::Kind::Raster, QStringLiteral("restored")));
    CHECK(stack.layers().last()->name() == QStringLiteral("restored"));
}

TEST_CASE("the dark estimate's ? stays clear of the gap's line and rings", "[layers][tracks]")
{
    // The gap as the event layer draws it at 96 dpi, unselected: a dashed line 2 px wide with a
    // 2.5 px halo, rings of 4 px (7 px at the end) with a 1.8 px pen and the same halo.
    const double k = 1.0;
    const double lineReach = (2.0 + 2.5) / 2 * k;
    const double ringReach = 7.0 * k + (1.8 + 2.5) / 2 * k;
    const QPointF mark(400, 300);
    for (int course = 0; course < 360; course += 15) {
        INFO("course " << course);
        const double rad = course * M_PI / 180.0;
        const QPointF along(std::sin(rad), -std::cos(rad));
        // The estimate lies on the straight line between where the vessel went dark and came back.
        QPainterPath line;
        line.moveTo(mark - along * 400);
        line.lineTo(mark + along * 400);
        QPainterPathStroker stroker;
        stroker.setWidth(2 * lineReach);
        const QPainterPath stroked = stroker.createStroke(line);
        const QRectF sign = darkEstimateSignRect(mark, course, k);
        CHECK_FALSE(stroked.intersects(sign));
        // A ring right where the mark is (the instant the vessel went dark or came back).
        QPainterPath ring;
        ring.addEllipse(mark, ringReach, ringReach);
        CHECK_FALSE(ring.intersects(sign));
        // And the sign is beside the mark, not somewhere far off.
        CHECK(QLineF(mark, sign.center()).length() < 30 * k);
    }
}
