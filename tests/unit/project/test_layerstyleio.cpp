#include "../catchstringmakers.h"

#include "layers/tracklayer.h"
#include "layers/vectorlayer.h"
#include "project/layerstyleio.h"
#include "tracks/trackstore.h"
#include "tracks/vesselregistry.h"

#include <QJsonDocument>

using namespace sightline;

namespace {

std::shared_ptr<VectorLayer> railLayer()
{
    VectorFeature f;
    f.kind = VectorFeature::Kind::Line;
    f.points = {QPointF(130.3, 42.2), QPointF(130.4, 42.3)};
    f.partStarts = {0};
    f.bounds = QRectF(QPointF(130.3, 42.2), QPointF(130.4, 42.3));
    f.attributes = {QStringLiteral("rail"), QStringLiteral("Rajin line")};
    std::vector<VectorFeature> features{f};
    return std::make_shared<VectorLayer>(
        VectorData::fromFeatures(QStringLiteral("/data/rail.geojson"), QStringLiteral("rail"),
                                 {QStringLiteral("railway"), QStringLiteral("name")}, std::move(features)));
}

} // namespace

TEST_CASE("a vector layer's style survives the project's JSON", "[project][style]")
{
    auto layer = railLayer();
    VectorStyle st = layer->style();
    st.symbol.stroke = QColor(200, 10, 20);
    st.symbol.strokeWidth = 2.5;
    st.symbol.penStyle = Qt::DashLine;
    st.symbol.fill = QColor(1, 2, 3, 40);
    st.symbol.railway = true;
    st.symbol.shape = VectorSymbol::Shape::Triangle;
    st.categoryField = QStringLiteral("railway");
    VectorSymbol abandoned = st.symbol;
    abandoned.stroke = Qt::gray;
    abandoned.visible = false;
    st.categories = {{QStringLiteral("abandoned"), QStringLiteral("Abandoned"), abandoned}};
    st.labelField = QStringLiteral("name");
    st.labelSize = 13;
    layer->setStyle(st);
    layer->setName(QStringLiteral("Rail lines"));
    layer->setOpacity(0.6);
    layer->setVisible(false);

    // Through text, as the project stores it.
    const ProjectLayer entry = projectLayerFor(*layer);
    CHECK(entry.source == QStringLiteral("/data/rail.geojson"));
    CHECK(entry.layerName == QStringLiteral("rail"));
    ProjectLayer stored = entry;
    stored.style = QJsonDocument::fromJson(QJsonDocument(entry.style).toJson()).object();

    auto fresh = railLayer();
    REQUIRE(fresh->style().symbol.stroke != st.symbol.stroke);
    applyProjectLayer(*fresh, stored);
    const VectorStyle &got = fresh->style();
    CHECK(got.symbol.stroke == st.symbol.stroke);
    CHECK(got.symbol.strokeWidth == 2.5);
    CHECK(got.symbol.penStyle == Qt::DashLine);
    CHECK(got.symbol.fill == st.symbol.fill);
    CHECK(got.symbol.railway);
    CHECK(got.symbol.shape == VectorSymbol::Shape::Triangle);
    CHECK(got.categoryField == QStringLiteral("railway"));
    REQUIRE(got.categories.size() == 1);
    CHECK(got.categories[0].value == QStringLiteral("abandoned"));
    CHECK(!got.categories[0].symbol.visible);
    CHECK(got.categories[0].symbol.stroke == QColor(Qt::gray));
    CHECK(got.labelField == QStringLiteral("name"));
    CHECK(got.labelSize == 13);
    CHECK(fresh->name() == QStringLiteral("Rail lines"));
    CHECK(fresh->opacity() == Approx(0.6));
    CHECK(!fresh->isVisible());

    // Rubbish values keep the defaults instead of breaking the layer.
    auto other = railLayer();
    const VectorStyle before = other->style();
    applyLayerStyle(*other,
                    QJsonObject{{QStringLiteral("type"), QStringLiteral("vector")},
                                {QStringLiteral("symbol"),
                                 QJsonObject{{QStringLiteral("stroke"), 7}, {QStringLiteral("shape"), 99}}}});
    CHECK(other->style().symbol.stroke == before.symbol.stroke);
    CHECK(other->style().symbol.shape == before.symbol.shape);
}

TEST_CASE("a track layer's colouring survives the project's JSON", "[project][style]")
{
    auto store = std::make_shared<TrackStore>();
    auto registry = std::make_shared<VesselRegistry>();
    TrackLayer layer(QStringLiteral("Tracks"), QStringLiteral("/p.gpkg"), store, registry);
    TrackLayer::Style st;
    st.colourBy = TrackLayer::ColourBy::Speed;
    st.gapThresholdMs = 3600 * 1000;
    st.labels = false;
    layer.setStyle(st);
    TrackLayer fresh(QStringLiteral("Tracks"), QStringLiteral("/p.gpkg"), store, registry);
    applyLayerStyle(fresh, layerStyleToJson(layer));
    CHECK(fresh.style().colourBy == TrackLayer::ColourBy::Speed);
    CHECK(fresh.style().gapThresholdMs == 3600 * 1000);
    CHECK(!fresh.style().labels);
    // A vector style says nothing to a track layer.
    applyLayerStyle(fresh, layerStyleToJson(*railLayer()));
    CHECK(fresh.style().colourBy == TrackLayer::ColourBy::Speed);
}

TEST_CASE("a track layer's simplified lines survive the project's JSON, and only when asked for",
          "[project][style][generalize]")
{
    auto store = std::make_shared<TrackStore>();
    auto registry = std::make_shared<VesselRegistry>();
    TrackLayer layer(QStringLiteral("Tracks"), QStringLiteral("/p.gpkg"), store, registry);
    // Off (the default): no keys, so a project of every position reads as it always did.
    QJsonObject json = layerStyleToJson(layer);
    CHECK_FALSE(json.contains(QStringLiteral("simplify_tolerance_m")));
    CHECK_FALSE(json.contains(QStringLiteral("min_interval_s")));

    TrackLayer::Style st;
    st.generalize = GeneralizeParameters{250.0, 90000};
    layer.setStyle(st);
    json = layerStyleToJson(layer);
    CHECK(json.value(QStringLiteral("simplify_tolerance_m")).toDouble() == 250.0);
    CHECK(json.value(QStringLiteral("min_interval_s")).toDouble() == 90.0);
    TrackLayer fresh(QStringLiteral("Tracks"), QStringLiteral("/p.gpkg"), store, registry);
    applyLayerStyle(fresh, json);
    CHECK(fresh.style().generalize == GeneralizeParameters{250.0, 90000});

    // A damaged value turns the simplification off rather than breaking the map.
    json[QStringLiteral("simplify_tolerance_m")] = -3.0;
    json[QStringLiteral("min_interval_s")] = QStringLiteral("soon");
    applyLayerStyle(fresh, json);
    CHECK_FALSE(fresh.style().generalize.isActive());
}
