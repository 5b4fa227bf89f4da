#include "../catchstringmakers.h"

#include "analysis/trackcleaning.h"
#include "fixtures.h"
#include "layers/tracklayer.h"
#include "render/maprenderer.h"
#include "trackfixtures.h"

using namespace sightline;
using namespace sightline::test;

namespace {

constexpr std::uint32_t kMmsi = 273145020;

// A "V" along 42.5N, a position every ten minutes, 0.01° (821 m) east each: up `riseDeg` a step to
// position 10, down again to 20; every odd position `wiggleDeg` north of the straight legs.
std::vector<TrackStore::Position> zigZag(double riseDeg, double wiggleDeg)
{
    std::vector<TrackStore::Position> ps;
    for (int i = 0; i <= 20; ++i) {
        const double leg = (i <= 10 ? i : 20 - i) * riseDeg;
        ps.push_back({kMmsi, i * 600000LL, 131.0 + i * 0.01, 42.5 + leg + (i % 2 ? wiggleDeg : 0.0)});
    }
    return ps;
}

std::vector<std::uint32_t> keptWith(TrackLayer &layer, double toleranceM, std::int64_t minIntervalMs)
{
    TrackLayer::Style style = layer.style();
    style.generalize = GeneralizeParameters{toleranceM, minIntervalMs};
    layer.setStyle(style);
    const auto generalized = layer.generalized();
    REQUIRE(generalized);
    REQUIRE(generalized->kept.size() == 1);
    return generalized->kept.front();
}

using Kept = std::vector<std::uint32_t>;

} // namespace

TEST_CASE("a simplified track keeps the turns and drops the wiggles", "[render][tracks][generalize]")
{
    // Legs rising 200 m a step (the turn 2 km off the straight line), wiggles of 30 m.
    auto layer = trackLayerWith(zigZag(0.0018, 0.00027));
    CHECK_FALSE(layer->generalized()); // off by default: every position drawn

    CHECK(keptWith(*layer, 100, 0) == Kept{0, 10, 20});
    CHECK(keptWith(*layer, 10, 0).size() == 21); // finer than the wiggles: nothing to drop
    // The time rule: one position in thirty minutes, the last always.
    CHECK(keptWith(*layer, 0, 30 * 60000) == Kept{0, 3, 6, 9, 12, 15, 18, 20});
    CHECK(layer->generalized()->positionCount() == 8);

    // Both ends of a silence are kept: the map draws the silence, and only it, dashed.
    std::vector<TrackStore::Position> silent = zigZag(0.0018, 0.00027);
    for (std::size_t i = 15; i < silent.size(); ++i)
        silent[i].timeMs += 3 * 3600 * 1000LL;
    auto withSilence = trackLayerWith(silent);
    CHECK(keptWith(*withSilence, 100, 0) == Kept{0, 10, 14, 15, 20});
}

TEST_CASE("a position the cleaning set aside neither bends nor joins the simplified line",
          "[render][tracks][generalize][cleaning]")
{
    std::vector<TrackStore::Position> ps = zigZag(0.0018, 0.00027);
    ps[5].lat += 0.4; // 44 km north and back in twenty minutes
    auto layer = trackLayerWith(ps);
    CHECK(keptWith(*layer, 100, 0) != Kept{0, 10, 20}); // the outlier shapes the line...
    layer->setCleaning(
        std::make_shared<const TrackCleaning>(cleanTracks(layer->store(), CleaningParameters{})));
    REQUIRE(layer->cleaning()->markAt(0, 5) == CleaningMark::Outlier);
    CHECK(keptWith(*layer, 100, 0) == Kept{0, 10, 20}); // ...until the cleaning sets it aside
}

TEST_CASE("a simplified track is drawn through the positions kept, dots and all",
          "[render][tracks][generalize]")
{
    // Legs rising 400 m a step; wiggles of 300 m (less than a step: the turn stays the highest
    // point), drawn some fifteen pixels off the straight legs.
    const double rise = 0.0036, wiggle = 0.0027;
    auto layer = trackLayerWith(zigZag(rise, wiggle));
    TrackLayer::Style unlabelled = layer->style();
    unlabelled.labels = false;
    layer->setStyle(unlabelled);
    MapSettings s = MapSettings::fromWgs84Extent(QRectF(QPointF(130.99, 42.49), QPointF(131.21, 42.55)),
                                                 QSize(900, 300));
    s.setLayers({layer});
    const QColor c = TrackLayer::vesselColour(kMmsi);
    // Position 5 (a wiggle), and where the straight leg from 0 to 10 passes below it.
    const QPointF wiggleAt = expectedPixel(s, QPointF(131.05, 42.5 + 5 * rise + wiggle));
    const QPointF straightAt = expectedPixel(s, QPointF(131.05, 42.5 + 5 * rise));
    REQUIRE(straightAt.y() - wiggleAt.y() > 10);

    const QImage every = renderMapImage(s, nullptr, Qt::transparent);
    CHECK(colourAround(every, wiggleAt, c));
    CHECK_FALSE(colourAround(every, straightAt, c));

    TrackLayer::Style style = layer->style();
    style.generalize.toleranceM = 1000;
    layer->setStyle(style);
    REQUIRE(layer->generalized()->kept.front() == Kept{0, 10, 20});
    const QImage simplified = renderMapImage(s, nullptr, Qt::transparent);
    CHECK_FALSE(colourAround(simplified, wiggleAt, c, 3)); // neither the line nor a dot goes there
    CHECK(colourAround(simplified, straightAt, c));
    // The turn and the ends keep their dots (drawn with a white rim round the vessel's colour).
    for (double lon : {131.0, 131.1, 131.2})
        CHECK(colourAround(simplified,
                           expectedPixel(s, QPointF(lon, 42.5 + (lon == 131.1 ? 10 * rise : 0.0))), c, 0));
}
