#include "../catchstringmakers.h"
#include "synthetictracks.h"

#include "analysis/gapdetector.h"
#include "analysis/portset.h"
#include "analysis/reachablearea.h"

#include <QJsonArray>

using namespace sightline;
using namespace sightline::test;

TEST_CASE("a silence at or over the threshold is a gap, with its fixes, distance and implied speed",
          "[analysis][gaps]")
{
    SyntheticTracks s;
    const QPointF start(131.0, 42.3);
    const QPointF lastFix = s.sail(1, kT0, start, 90, 10, 2 * kHour, 10 * kMinute);
    // 13 hours dark, reappearing 100 km further east.
    const QPointF reappear = offset(lastFix, 90, 100000);
    s.sail(1, kT0 + 15 * kHour, reappear, 90, 10, kHour, 10 * kMinute);
    s.fix(2, kT0, start); // a vessel with a single fix has no gap
    const TrackStore &tracks = s.done();

    GapParameters p;
    const auto gaps = findGaps(tracks, p);
    REQUIRE(gaps.size() == 1);
    const MovementEvent &g = gaps.front();
    CHECK(g.type == EventType::Gap);
    CHECK(g.mmsi == 1);
    CHECK(g.startMs == kT0 + 2 * kHour);
    CHECK(g.endMs == kT0 + 15 * kHour);
    CHECK(g.from.x() == Approx(lastFix.x()).margin(1e-6));
    CHECK(g.to.x() == Approx(reappear.x()).margin(1e-6));
    CHECK(g.details.value(QStringLiteral("distance_km")).toDouble() == Approx(100.0).margin(0.01));
    CHECK(g.details.value(QStringLiteral("implied_speed_kn")).toDouble() ==
          Approx(100000.0 / 1852 / 13).epsilon(1e-3));
    CHECK(g.parameters.value(QStringLiteral("min_gap_h")).toDouble() == 12.0);

    p.minGapHours = 13.0; // "at or over": exactly 13 h still counts
    CHECK(findGaps(tracks, p).size() == 1);
    p.minGapHours = 13.01;
    CHECK(findGaps(tracks, p).empty());
    p.minGapHours = 0.25; // down to minutes: only the 13 h silence is longer than 15 min
    CHECK(findGaps(tracks, p).size() == 1);
    p.minGapHours = 10.0 / 60; // at 10 minutes every report interval is a gap
    CHECK(findGaps(tracks, p).size() == 12 + 1 + 6);
}

TEST_CASE("a gap across the antimeridian is measured the short way", "[analysis][gaps]")
{
    SyntheticTracks s;
    s.fix(7, kT0, {179.95, 10.0}, 8);
    s.fix(7, kT0 + 14 * kHour, {-179.95, 10.0}, 8);
    const auto gaps = findGaps(s.done(), GapParameters{});
    REQUIRE(gaps.size() == 1);
    CHECK(gaps.front().details.value(QStringLiteral("distance_km")).toDouble() == Approx(10.96).margin(0.05));
}

TEST_CASE("gap ends are placed in port or at sea, and the reachable area lists the ports it reaches",
          "[analysis][gaps]")
{
    PortSet ports;
    const QPointF home(130.30, 42.24);
    ports.addPolygon(QStringLiteral("Home"),
                     {{{130.28, 42.23}, {130.32, 42.23}, {130.32, 42.25}, {130.28, 42.25}}});
    const QPointF near = offset(home, 270, 150000); // 150 km west
    ports.addPoint(QStringLiteral("Near"), near);
    ports.addPoint(QStringLiteral("Far"), offset(home, 90, 2000000)); // 2000 km east
    PortSet land;
    land.addPolygon(QStringLiteral("coast"),
                    {{{130.0, 42.26}, {130.6, 42.26}, {130.6, 43.0}, {130.0, 43.0}}});

    SyntheticTracks s;
    // Last seen in Home heading west at 10 kn, back 20 h later 5 km south of it.
    s.fix(3, kT0, home, 10);
    s.fix(3, kT0 + 20 * kHour, offset(home, 180, 5000), 10);
    const TrackStore &tracks = s.done();

    GapParameters params; // 15 kn × 20 h = 555 km of travel
    const auto gaps = findGaps(tracks, params, &ports, &land);
    REQUIRE(gaps.size() == 1);
    const QJsonObject d = gaps.front().details;
    CHECK(d.value(QStringLiteral("start_in_port")).toString() == QStringLiteral("Home"));
    CHECK(d.value(QStringLiteral("end_in_port")).toString().isEmpty());
    CHECK(d.value(QStringLiteral("end_port_distance_km")).toDouble() == Approx(4.0).margin(0.3));
    CHECK(d.value(QStringLiteral("near_shore")).toBool());
    CHECK(d.value(QStringLiteral("start_shore_distance_km")).toDouble() == Approx(2.2).margin(0.3));
    const QJsonArray reached = d.value(QStringLiteral("reachable_ports")).toArray();
    CHECK(reached.contains(QStringLiteral("Home")));
    CHECK(reached.contains(QStringLiteral("Near")));
    CHECK_FALSE(reached.contains(QStringLiteral("Far")));
    CHECK(gaps.front().place == QStringLiteral("Home"));

    // At 3 kn the budget (111 km) no longer reaches Near, 150 km away.
    params.maxSpeedKnots = 3;
    const auto slow = findGaps(tracks, params, &ports, &land);
    CHECK_FALSE(slow.front()
                    .details.value(QStringLiteral("reachable_ports"))
                    .toArray()
                    .contains(QStringLiteral("Near")));
}

TEST_CASE("the reachable area is the geodesic ellipse with the two fixes as foci", "[analysis][gaps]")
{
    const QPointF a(131.0, 42.3), b(131.5, 42.5);
    const double direct = Geodesic::inverse(a, b).distanceMetres;
    const ReachableArea area(a, b, direct * 1.5);
    REQUIRE(area.exists());
    const auto ring = area.boundary(36);
    REQUIRE(ring.size() == 37);
    CHECK(ring.front() == ring.back());
    for (const QPointF &p : ring)
        CHECK(Geodesic::inverse(a, p).distanceMetres + Geodesic::inverse(p, b).distanceMetres ==
              Approx(direct * 1.5).margin(5.0));
    CHECK(area.contains((a + b) / 2));
    CHECK_FALSE(area.contains(offset(a, 0, direct)));

    // A budget shorter than the straight line: the fixes are impossible at that speed.
    const ReachableArea none(a, b, direct * 0.9);
    CHECK_FALSE(none.exists());
    CHECK(none.boundary().empty());

    // Across the antimeridian the ring stays continuous (no 360° jumps).
    const ReachableArea wrap({179.9, 0.0}, {-179.9, 0.0}, 40000);
    const auto wrapped = wrap.boundary(24);
    REQUIRE_FALSE(wrapped.empty());
    for (std::size_t i = 1; i < wrapped.size(); ++i)
        CHECK(std::abs(wrapped[i].x() - wrapped[i - 1].x()) < 1.0);
}
