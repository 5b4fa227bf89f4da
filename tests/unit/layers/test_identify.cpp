#include "../catchstringmakers.h"

#include "geo/transform.h"
#include "layers/eventlayer.h"
#include "layers/identify.h"
#include "layers/layerstack.h"
#include "layers/sightinglayer.h"
#include "layers/tracklayer.h"
#include "layers/vectorlayer.h"
#include "map/mapsettings.h"
#include "tracks/trackstore.h"
#include "tracks/vesselregistry.h"

using namespace sightline;

namespace {

const QPointF kQuay(130.50, 42.30);
const QPointF kOpenSea(130.90, 42.05);

std::shared_ptr<TrackLayer> tracksAt(QPointF lonLat)
{
    auto store = std::make_shared<TrackStore>();
    store->append({273145020, 1692000000000, lonLat.x(), lonLat.y()});
    store->append({273145020, 1692000600000, lonLat.x() + 0.001, lonLat.y()});
    store->finalize();
    return std::make_shared<TrackLayer>(QStringLiteral("AIS"), QStringLiteral("test"), store,
                                        std::make_shared<VesselRegistry>());
}

std::shared_ptr<VectorLayer> portAround(QPointF c)
{
    VectorFeature f;
    f.kind = VectorFeature::Kind::Polygon;
    f.points = {c + QPointF(-0.05, -0.05), c + QPointF(0.05, -0.05), c + QPointF(0.05, 0.05),
                c + QPointF(-0.05, 0.05), c + QPointF(-0.05, -0.05)};
    f.partStarts = {0};
    f.polygonStarts = {0};
    f.attributes = {QStringLiteral("Rajin port")};
    std::vector<VectorFeature> features{std::move(f)};
    return std::make_shared<VectorLayer>(VectorData::fromFeatures(
        QStringLiteral("ports"), QStringLiteral("ports"), {QStringLiteral("name")}, std::move(features)));
}

std::shared_ptr<SightingLayer> sightingAt(QPointF lonLat)
{
    Sighting s;
    s.id = 41;
    s.kind = QStringLiteral("vessel");
    s.geometry.lonLat = {lonLat};
    return std::make_shared<SightingLayer>(QStringLiteral("/case.gpkg"), QList<Sighting>{s});
}

std::shared_ptr<EventLayer> portCallAt(QPointF lonLat)
{
    MovementEvent e;
    e.id = 7;
    e.type = EventType::PortCall;
    e.mmsi = 273145020;
    e.startMs = 1692000000000;
    e.endMs = e.startMs + 6 * 3600 * 1000;
    e.from = e.to = lonLat;
    return std::make_shared<EventLayer>(QStringLiteral("Events"), std::vector<MovementEvent>{e});
}

std::vector<IdentifyHit::Kind> kinds(const std::vector<IdentifyHit> &hits)
{
    std::vector<IdentifyHit::Kind> out;
    for (const IdentifyHit &h : hits)
        out.push_back(h.kind);
    return out;
}

} // namespace

TEST_CASE("identify finds sightings first, then events, then the layers from the top down", "[identify]")
{
    LayerStack stack;
    auto tracks = tracksAt(kQuay);
    auto port = portAround(kQuay);
    auto sightings = sightingAt(kQuay);
    auto events = portCallAt(kQuay);
    // Sightings and events at the bottom of the stack still come first: they are drawn over the rest.
    stack.add(sightings);
    stack.add(events);
    stack.add(tracks);
    stack.add(port);
    const MapSettings view =
        MapSettings::fromWgs84Extent(QRectF(QPointF(130.0, 42.0), QPointF(131.0, 42.6)), QSize(800, 600));
    const QPointF click = Transform(Crs::wgs84(), view.destinationCrs()).forward(kQuay);
    const double tolerance = 6 * view.mapUnitsPerPixel();

    using K = IdentifyHit::Kind;
    std::vector<IdentifyHit> hits = identifyAt(stack, view, click, tolerance);
    REQUIRE(kinds(hits) == std::vector<K>{K::Sighting, K::Event, K::Feature, K::Position});
    CHECK(hits[0].layer == sightings);
    CHECK(hits[0].id == 41);
    CHECK(hits[1].layer == events);
    CHECK(hits[1].id == 7);
    CHECK(hits[2].layer == port);
    CHECK(hits[2].feature == 0);
    CHECK(hits[3].layer == tracks);
    CHECK(hits[3].mmsi == 273145020u);
    CHECK(hits[3].index == 0);

    // The track layer moved over the port: its position now wins over the polygon.
    stack.move(stack.indexOf(tracks->id()), stack.count() - 1);
    CHECK(kinds(identifyAt(stack, view, click, tolerance)) ==
          std::vector<K>{K::Sighting, K::Event, K::Position, K::Feature});

    // Hidden layers are not identified.
    sightings->setVisible(false);
    events->setVisible(false);
    tracks->setVisible(false);
    hits = identifyAt(stack, view, click, tolerance);
    REQUIRE(hits.size() == 1);
    CHECK(hits.front().layer == port);

    // Away from everything: nothing.
    sightings->setVisible(true);
    events->setVisible(true);
    tracks->setVisible(true);
    const QPointF sea = Transform(Crs::wgs84(), view.destinationCrs()).forward(kOpenSea);
    CHECK(identifyAt(stack, view, sea, tolerance).empty());
}

TEST_CASE("edits go to the chosen layer when it is editable, else to the topmost editable one", "[identify]")
{
    LayerStack stack;
    CHECK_FALSE(editableLayer(stack, QString()));
    auto lower = portAround(kQuay);
    auto upper = portAround(kOpenSea);
    auto plain = portAround(kQuay);
    auto tracks = tracksAt(kQuay);
    stack.add(lower);
    stack.add(upper);
    stack.add(plain);
    stack.add(tracks);
    CHECK_FALSE(editableLayer(stack, lower->id()));
    lower->setEditable(true);
    upper->setEditable(true);
    CHECK(editableLayer(stack, lower->id()) == lower);
    // A layer that cannot be edited (or is not a vector layer) is passed over for the top editable one.
    CHECK(editableLayer(stack, plain->id()) == upper);
    CHECK(editableLayer(stack, tracks->id()) == upper);
    CHECK(editableLayer(stack, QStringLiteral("no such layer")) == upper);
}
