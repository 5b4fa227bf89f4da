#include "../catchstringmakers.h"

#include "fixtures.h"
#include "geo/transform.h"
#include "layers/eventlayer.h"
#include "render/maprenderer.h"

#include <QJsonArray>
#include <QJsonObject>

#include <numbers>

using namespace sightline;
using namespace sightline::test;

namespace {

MovementEvent event(std::int64_t id, EventType type, QPointF from, QPointF to, QJsonObject details = {})
{
    MovementEvent e;
    e.id = id;
    e.type = type;
    e.mmsi = 273000000 + std::uint32_t(id);
    e.startMs = 1692000000000;
    e.endMs = e.startMs + 3 * 3600 * 1000; // three hours
    e.from = from;
    e.to = to;
    e.details = std::move(details);
    return e;
}

/// The colour of the drawn pixel where a lon/lat lands.
QColor pixelAt(const QImage &image, const MapSettings &s, QPointF lonLat)
{
    return image.pixelColor(expectedPixel(s, lonLat).toPoint());
}

/// Whether the `colour` is drawn within `radius` pixels of where a lon/lat lands.
bool drawnNear(const QImage &image, const MapSettings &s, QPointF lonLat, const QColor &colour,
               int radius = 8, int tolerance = 40)
{
    const QPointF at = expectedPixel(s, lonLat);
    const QRect box((at - QPointF(radius, radius)).toPoint(), QSize(2 * radius, 2 * radius));
    return centroidOfColor(image.copy(box), colour, tolerance).x() >= 0;
}

/// A translucent wash of the gap colour over white: clearly warm, clearly not white.
bool isOrangeWash(const QColor &c)
{
    return c.red() >= 220 && c.red() - c.blue() >= 30 && c.green() < c.red() - 10 && c.green() > c.blue();
}

const QPointF kRajin(130.30, 42.55);
const QPointF kInferredCall(130.45, 42.55);
const QPointF kGapFrom(129.90, 42.20);
const QPointF kGapTo(130.20, 42.20);
const QPointF kEncounterA(130.80, 42.60);
const QPointF kEncounterB(130.805, 42.601); // about 430 m from A: one pixel at this scale
const QPointF kLoitering(130.80, 42.05);
const QPointF kSpoofFrom(130.55, 42.10);
const QPointF kSpoofTo(130.95, 42.30);
const QPointF kVoyageFrom(130.35, 42.72);
const QPointF kVoyageTo(130.95, 42.72);
// Inside the selected gap's reachable area (12 kn for 3 h: 66.7 km for a 24.8 km leg),
// 20 km north of the line between the fixes, where nothing else is drawn.
const QPointF kInsideArea(130.05, 42.38);
const QPointF kOpenSea(130.40, 42.00);

std::vector<MovementEvent> caseEvents()
{
    return {event(1, EventType::PortCall, kRajin, kRajin, {{QStringLiteral("inferred"), false}}),
            event(2, EventType::PortCall, kInferredCall, kInferredCall, {{QStringLiteral("inferred"), true}}),
            event(3, EventType::Gap, kGapFrom, kGapTo, {{QStringLiteral("max_speed_kn"), 12.0}}),
            event(4, EventType::Encounter, kEncounterA, kEncounterB),
            event(5, EventType::Loitering, kLoitering, kLoitering + QPointF(0.01, 0.0)),
            event(6, EventType::Spoofing, kSpoofFrom, kSpoofTo),
            event(7, EventType::Voyage, kVoyageFrom, kVoyageTo),
            // A second call at Rajin, on top of the first.
            event(9, EventType::PortCall, kRajin, kRajin, {{QStringLiteral("inferred"), false}})};
}

MapSettings caseView(const std::shared_ptr<EventLayer> &layer)
{
    MapSettings s =
        MapSettings::fromWgs84Extent(QRectF(QPointF(129.6, 41.8), QPointF(131.2, 42.8)), QSize(800, 500));
    s.setLayers({layer});
    return s;
}

} // namespace

TEST_CASE("event colours are distinct per type, and the layer reports its events", "[event][render]")
{
    const QList<EventType> types = allEventTypes();
    for (int i = 0; i < types.size(); ++i)
        for (int j = i + 1; j < types.size(); ++j) {
            CAPTURE(eventTypeKey(types[i]), eventTypeKey(types[j]));
            CHECK(EventLayer::eventColour(types[i]) != EventLayer::eventColour(types[j]));
        }

    EventLayer layer(QStringLiteral("Events"), caseEvents());
    CHECK(layer.kind() == Layer::Kind::Event);
    CHECK(layer.name() == QStringLiteral("Events"));
    CHECK(layer.events().size() == 8);
    CHECK(layer.extentWgs84().left() == Approx(kGapFrom.x()));
    CHECK(layer.extentWgs84().right() == Approx(kSpoofTo.x()));
    CHECK(layer.extentWgs84().top() == Approx(kLoitering.y()));
    CHECK(layer.extentWgs84().bottom() == Approx(kVoyageTo.y()));
    const QList<LayerProperty> props = layer.properties();
    CHECK(props.contains(LayerProperty(QStringLiteral("Events"), QStringLiteral("8"))));
    CHECK(props.contains(LayerProperty(QStringLiteral("Port call"), QStringLiteral("3"))));
    CHECK(props.contains(LayerProperty(QStringLiteral("Gap"), QStringLiteral("1"))));
    CHECK_FALSE(props.contains(LayerProperty(QStringLiteral("Round trip"), QStringLiteral("0"))));

    // One event at one place still has an extent to zoom to.
    EventLayer single(QStringLiteral("One"), {event(1, EventType::PortCall, kRajin, kRajin)});
    CHECK(single.extentWgs84().width() > 0);
    CHECK(single.extentWgs84().contains(kRajin));
    EventLayer none(QStringLiteral("None"), {});
    CHECK(none.extentWgs84().isNull());
}

TEST_CASE("events draw in their colours where they happened", "[event][render]")
{
    auto layer = std::make_shared<EventLayer>(QStringLiteral("Events"), caseEvents());
    const MapSettings s = caseView(layer);
    const QImage image = renderMapImage(s, nullptr, Qt::white);

    // A seen port call is a filled steel-blue mark centred on the port.
    const QColor blue = EventLayer::eventColour(EventType::PortCall);
    const QPointF want = expectedPixel(s, kRajin);
    const QPointF got =
        centroidOfColor(image.copy(QRect((want - QPointF(10, 10)).toPoint(), QSize(20, 20))), blue, 30);
    CAPTURE(want, got);
    REQUIRE(got.x() >= 0);
    CHECK(std::abs(got.x() - 10) <= 1.0);
    CHECK(std::abs(got.y() - 10) <= 1.0);
    CHECK(pixelAt(image, s, kRajin).blue() > pixelAt(image, s, kRajin).red() + 60);
    // An inferred call is a ring: blue around the port, light in the middle.
    CHECK(drawnNear(image, s, kInferredCall, blue));
    CHECK(pixelAt(image, s, kInferredCall).lightness() > 200);

    // The gap: its colour on both fixes and halfway along the dashed line.
    const QColor orange = EventLayer::eventColour(EventType::Gap);
    CHECK(drawnNear(image, s, kGapFrom, orange));
    CHECK(drawnNear(image, s, kGapTo, orange));
    CHECK(drawnNear(image, s, (kGapFrom + kGapTo) / 2, orange, 6));
    // Not selected: no reachable area.
    CHECK(pixelAt(image, s, kInsideArea).name() == QStringLiteral("#ffffff"));

    CHECK(
        drawnNear(image, s, (kEncounterA + kEncounterB) / 2, EventLayer::eventColour(EventType::Encounter)));
    CHECK(drawnNear(image, s, kLoitering, EventLayer::eventColour(EventType::Loitering)));
    CHECK(drawnNear(image, s, kSpoofTo, EventLayer::eventColour(EventType::Spoofing)));
    CHECK(drawnNear(image, s, (kSpoofFrom + kSpoofTo) / 2, EventLayer::eventColour(EventType::Spoofing)));
    // The voyage's arrow ends just short of the arrival port.
    CHECK(drawnNear(image, s, kVoyageTo, EventLayer::eventColour(EventType::Voyage), 12, 30));
    // And the open sea stays empty.
    CHECK(pixelAt(image, s, kOpenSea).name() == QStringLiteral("#ffffff"));
}

TEST_CASE("events outside the visible set are neither drawn nor picked", "[event][render]")
{
    auto layer = std::make_shared<EventLayer>(QStringLiteral("Events"), caseEvents());
    const MapSettings s = caseView(layer);
    const QColor teal = EventLayer::eventColour(EventType::Loitering);
    REQUIRE(drawnNear(renderMapImage(s, nullptr, Qt::white), s, kLoitering, teal, 14));
    REQUIRE(layer->pick(kLoitering, s) == 5);

    layer->setVisibleIds(std::unordered_set<std::int64_t>{1, 2, 3, 4, 6, 7, 9});
    const QImage filtered = renderMapImage(s, nullptr, Qt::white);
    CHECK_FALSE(drawnNear(filtered, s, kLoitering, teal, 14));
    CHECK(drawnNear(filtered, s, kRajin, EventLayer::eventColour(EventType::PortCall)));
    CHECK(layer->pick(kLoitering, s) == 0);
    CHECK(layer->properties().contains(LayerProperty(QStringLiteral("Shown"), QStringLiteral("7"))));

    // A selected event that the filter hides stays hidden, area and all.
    layer->setSelected(3);
    layer->setVisibleIds(std::unordered_set<std::int64_t>{1});
    const QImage onlyOne = renderMapImage(s, nullptr, Qt::white);
    CHECK_FALSE(drawnNear(onlyOne, s, kGapFrom, EventLayer::eventColour(EventType::Gap)));
    CHECK(pixelAt(onlyOne, s, kInsideArea).name() == QStringLiteral("#ffffff"));

    layer->setVisibleIds(std::nullopt);
    CHECK(drawnNear(renderMapImage(s, nullptr, Qt::white), s, kLoitering, teal, 14));
}

TEST_CASE("the selected gap shows where the ship could have been", "[event][render]")
{
    auto layer = std::make_shared<EventLayer>(QStringLiteral("Events"), caseEvents());
    const MapSettings s = caseView(layer);
    layer->setSelected(3);
    CHECK(layer->selected() == 3);
    const QImage image = renderMapImage(s, nullptr, Qt::white);
    const QColor inside = pixelAt(image, s, kInsideArea);
    CAPTURE(inside.name());
    CHECK(isOrangeWash(inside));
    // South of the line as well, and not beyond the ellipse (66.7 km budget: ±0.41° of longitude).
    CHECK(isOrangeWash(pixelAt(image, s, QPointF(130.05, 42.02))));
    CHECK(pixelAt(image, s, QPointF(129.60, 42.20)).name() == QStringLiteral("#ffffff"));
    CHECK(pixelAt(image, s, QPointF(130.05, 42.60)).name() == QStringLiteral("#ffffff"));
    // The selection highlight runs along the gap.
    CHECK(drawnNear(image, s, (kGapFrom + kGapTo) / 2, QColor(0xff, 0xc1, 0x07), 8, 30));

    // Another event selected: the area goes.
    layer->setSelected(1);
    CHECK(pixelAt(renderMapImage(s, nullptr, Qt::white), s, kInsideArea).name() == QStringLiteral("#ffffff"));
    // No speed to size it with: no area.
    std::vector<MovementEvent> events = caseEvents();
    events[2].details = {};
    layer->setEvents(events);
    layer->setSelected(3);
    CHECK(pixelAt(renderMapImage(s, nullptr, Qt::white), s, kInsideArea).name() == QStringLiteral("#ffffff"));
    // A new run hands back the same id with a lower speed: the area follows the new event
    // (6 kn for 3 h: 33.4 km, an ellipse only 11 km either side of the line).
    events[2].details = {{QStringLiteral("max_speed_kn"), 12.0}};
    layer->setEvents(events);
    REQUIRE(isOrangeWash(pixelAt(renderMapImage(s, nullptr, Qt::white), s, kInsideArea)));
    events[2].details = {{QStringLiteral("max_speed_kn"), 6.0}};
    layer->setEvents(events);
    CHECK(pixelAt(renderMapImage(s, nullptr, Qt::white), s, kInsideArea).name() == QStringLiteral("#ffffff"));
    CHECK(isOrangeWash(pixelAt(renderMapImage(s, nullptr, Qt::white), s, QPointF(130.05, 42.26))));
}

TEST_CASE("the selected gap shades the reception of the cells along its path", "[event][render][reception]")
{
    std::vector<MovementEvent> events = caseEvents();
    // No speed, so no reachable area: only the cells. One heard (3 of 3 hours, 5 vessels), one
    // silent where others are heard at other times, one where nobody else is ever heard.
    events[2].details = {
        {QStringLiteral("reception_cells"),
         QJsonArray{QJsonArray{129.75, 42.25, 0.25, 3, 3, 5, 1}, QJsonArray{130.0, 42.25, 0.25, 3, 0, 0, 1},
                    QJsonArray{130.25, 42.25, 0.25, 3, 0, 0, 0}}}};
    auto layer = std::make_shared<EventLayer>(QStringLiteral("Events"), events);
    const MapSettings s = caseView(layer);
    const QPointF inHeard(129.80, 42.45), inSilent(130.05, 42.45), inNoData(130.30, 42.45);
    const QImage unselected = renderMapImage(s, nullptr, Qt::white);
    CHECK(pixelAt(unselected, s, inHeard).name() == QStringLiteral("#ffffff"));
    CHECK(pixelAt(unselected, s, inSilent).name() == QStringLiteral("#ffffff"));

    layer->setSelected(3);
    const QImage image = renderMapImage(s, nullptr, Qt::white);
    const QColor heard = pixelAt(image, s, inHeard), silent = pixelAt(image, s, inSilent);
    CAPTURE(heard.name(), silent.name());
    CHECK(heard.green() > heard.red() + 40); // green: others were heard there then
    CHECK(heard.green() > heard.blue());
    CHECK(std::abs(silent.red() - silent.green()) < 12); // grey: nobody heard though others are at times
    CHECK(std::abs(silent.green() - silent.blue()) < 12);
    CHECK(silent.red() < 200);
    CHECK(pixelAt(image, s, inNoData).name() == QStringLiteral("#ffffff")); // only outlined
    // Another event selected: the cells go.
    layer->setSelected(1);
    CHECK(pixelAt(renderMapImage(s, nullptr, Qt::white), s, inHeard).name() == QStringLiteral("#ffffff"));
}

TEST_CASE("a ship that went dark and came back at the same place still shows both fixes and its area",
          "[event][render]")
{
    const QPointF here(130.40, 42.30);
    auto layer = std::make_shared<EventLayer>(
        QStringLiteral("Events"),
        std::vector<MovementEvent>{
            event(11, EventType::Gap, here, here, {{QStringLiteral("max_speed_kn"), 10.0}})});
    const MapSettings s = caseView(layer);
    const QColor orange = EventLayer::eventColour(EventType::Gap);
    const QImage plain = renderMapImage(s, nullptr, Qt::white);
    // Two rings round the place: orange pixels both close in and further out.
    const QPointF c = expectedPixel(s, here);
    auto ringAt = [&](const QImage &img, double r) {
        int found = 0;
        for (int deg = 0; deg < 360; deg += 10) {
            const QPointF p = c + r * QPointF(std::cos(deg * std::numbers::pi / 180),
                                              std::sin(deg * std::numbers::pi / 180));
            const QColor px = img.pixelColor(p.toPoint());
            found += std::abs(px.red() - orange.red()) < 50 && std::abs(px.green() - orange.green()) < 50 &&
                     std::abs(px.blue() - orange.blue()) < 50;
        }
        return found;
    };
    CHECK(ringAt(plain, 4.0) >= 18);
    CHECK(ringAt(plain, 7.0) >= 18);

    // 10 kn for 3 h: a circle of 55.6 km around the place (0.67° of longitude here).
    layer->setSelected(11);
    const QImage selected = renderMapImage(s, nullptr, Qt::white);
    CHECK(isOrangeWash(pixelAt(selected, s, here + QPointF(0.3, 0))));
    CHECK(isOrangeWash(pixelAt(selected, s, here + QPointF(-0.3, 0))));
    CHECK(pixelAt(selected, s, here + QPointF(0.8, 0)).name() == QStringLiteral("#ffffff"));
}

TEST_CASE("picking finds the topmost event under the cursor", "[event][render]")
{
    auto layer = std::make_shared<EventLayer>(QStringLiteral("Events"), caseEvents());
    const MapSettings s = caseView(layer);
    // Two calls at Rajin: the later-drawn is on top, until the other is selected.
    CHECK(layer->pick(kRajin, s) == 9);
    layer->setSelected(1);
    CHECK(layer->pick(kRajin, s) == 1);
    CHECK(layer->pick(kInferredCall, s) == 2);
    // Within the tolerance of the mark, not beyond it.
    const QPointF rajinPx = expectedPixel(s, kRajin);
    const QPointF near = s.pixelToMap(rajinPx + QPointF(9, 0));
    const QPointF far = s.pixelToMap(rajinPx + QPointF(0, 25));
    const Transform back(s.destinationCrs(), Crs::wgs84());
    CHECK(layer->pick(back.forward(near), s) == 1);
    CHECK(layer->pick(back.forward(far), s) == 0);

    CHECK(layer->pick((kGapFrom + kGapTo) / 2, s) == 3);
    CHECK(layer->pick((kEncounterA + kEncounterB) / 2, s) == 4);
    CHECK(layer->pick(kSpoofTo, s) == 6);
    CHECK(layer->pick(kOpenSea, s) == 0);
    // The reachable area is context, not a target: clicking inside it picks nothing.
    layer->setSelected(3);
    CHECK(layer->pick(kInsideArea, s) == 0);
}
