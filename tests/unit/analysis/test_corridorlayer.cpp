#include "../catchstringmakers.h"

#include "analysis/corridor.h"
#include "geo/measurement.h"
#include "model/vectordata.h"

using namespace sightline;

namespace {

VectorFeature lineFeature(std::vector<QPointF> lonLat, const QString &name)
{
    VectorFeature f;
    f.kind = VectorFeature::Kind::Line;
    f.points = std::move(lonLat);
    f.partStarts = {0};
    f.attributes = {name};
    return f;
}

const std::vector<QPointF> kRajinLine{QPointF(130.30, 42.24), QPointF(130.42, 42.33), QPointF(130.62, 42.40)};
const std::vector<QPointF> kFarLine{QPointF(135.00, 45.00), QPointF(135.20, 45.10)};

std::shared_ptr<VectorData> rails()
{
    VectorFeature depot;
    depot.kind = VectorFeature::Kind::Point;
    depot.points = {QPointF(130.5, 42.3)};
    depot.partStarts = {0};
    depot.attributes = {QStringLiteral("Depot")};
    std::vector<VectorFeature> features{lineFeature(kRajinLine, QStringLiteral("Rajin - Khasan")),
                                        lineFeature(kFarLine, QStringLiteral("Far line")), std::move(depot)};
    return VectorData::fromFeatures(QStringLiteral("/data/rails.geojson"), QStringLiteral("rails"),
                                    {QStringLiteral("name")}, std::move(features));
}

double worstWidthError(const VectorFeature &polygon, const std::vector<QPointF> &line, double half)
{
    // The outer ring only: holes could only come from a line crossing itself.
    const auto [a, b] = polygon.part(0);
    double worst = 0;
    for (std::uint32_t k = a; k < b; ++k)
        worst = std::max(worst, std::abs(nearestOnPolyline(polygon.points[k], line).metres - half) / half);
    return worst;
}

} // namespace

TEST_CASE("a corridor layer around one chosen line is named after it and as wide as asked", "[analysis]")
{
    const auto lines = rails();
    const CorridorLayerData c =
        buildCorridorLayer(*lines, {0}, 2000.0, QStringLiteral("rails"), QStringLiteral("name"));
    REQUIRE(c.ok());
    CHECK(c.error.isEmpty());
    const QString width = formatDistance(4000.0, DistanceUnit::Kilometres);
    CHECK(c.name == QStringLiteral("Rajin - Khasan corridor, %1 wide").arg(width));
    CHECK(c.data->layerName() == c.name);
    CHECK(c.data->source() == lines->source());
    CHECK(c.data->fieldNames() ==
          QStringList{QStringLiteral("name"), QStringLiteral("width_m"), QStringLiteral("source")});
    REQUIRE(c.data->features().size() == 1);
    const VectorFeature &f = c.data->features().front();
    CHECK(f.kind == VectorFeature::Kind::Polygon);
    CHECK(f.attributes.value(0).toString() == c.name);
    CHECK(f.attributes.value(1).toDouble() == 4000.0);
    CHECK(f.attributes.value(2).toString() == lines->source());
    CHECK(worstWidthError(f, kRajinLine, 2000.0) < 0.01);
    // Only the chosen line: nothing reaches the far one.
    CHECK(c.data->extent().right() < 131.0);
}

TEST_CASE("a corridor layer around every line when none is chosen is named after the layer", "[analysis]")
{
    const auto lines = rails();
    const CorridorLayerData all =
        buildCorridorLayer(*lines, {}, 1000.0, QStringLiteral("rails"), QStringLiteral("name"));
    REQUIRE(all.ok());
    CHECK(all.name.startsWith(QStringLiteral("rails corridor, ")));
    // Two lines far apart: two polygons; the depot point is passed over.
    REQUIRE(all.data->features().size() == 2);
    CHECK(all.data->extent().left() < 130.31);
    CHECK(all.data->extent().right() > 135.19);

    // One line but no label field: the layer's name again.
    CHECK(buildCorridorLayer(*lines, {0}, 1000.0, QStringLiteral("rails"))
              .name.startsWith(QStringLiteral("rails corridor")));
}

TEST_CASE("a corridor layer needs a line and a width", "[analysis]")
{
    const auto lines = rails();
    const CorridorLayerData point = buildCorridorLayer(*lines, {2}, 1000.0, QStringLiteral("rails"));
    CHECK_FALSE(point.ok());
    CHECK(point.error.contains(QStringLiteral("no line")));
    CHECK_FALSE(buildCorridorLayer(*lines, {0}, 0.0, QStringLiteral("rails")).ok());
    // A selection older than the data (an index past its end) is passed over, not read.
    CHECK_FALSE(buildCorridorLayer(*lines, {9}, 1000.0, QStringLiteral("rails")).ok());
}
