#include "../catchstringmakers.h"
#include "synthetictracks.h"

#include "analysis/encounterdetector.h"
#include "analysis/loiteringdetector.h"
#include "analysis/portset.h"
#include "analysis/spoofingdetector.h"

using namespace sightline;
using namespace sightline::test;

TEST_CASE("encounters between vessels whose reports are not time-aligned", "[analysis][encounters]")
{
    SyntheticTracks s;
    const QPointF meet(150.0, -20.0);
    // Two ships drift north at 1 kn, 300 m apart, for 3 hours: one reports every
    // 7 minutes from 00:03, the other every 11 minutes from 00:08.
    s.sail(101, kT0 + 3 * kMinute, meet, 0, 1, 3 * kHour, 7 * kMinute);
    s.sail(102, kT0 + 8 * kMinute, offset(meet, 90, 300), 0, 1, 3 * kHour, 11 * kMinute);
    // A third passes close by at 12 kn: near, but neither slow nor for long.
    s.sail(103, kT0, offset(meet, 180, 10000), 0, 12, 2 * kHour, kMinute);
    // A pair 600 m apart: never within 500 m.
    s.sail(104, kT0, offset(meet, 270, 5000), 0, 1, 3 * kHour, 5 * kMinute);
    s.sail(105, kT0, offset(offset(meet, 270, 5000), 90, 600), 0, 1, 3 * kHour, 5 * kMinute);
    // A pair together for 90 minutes only.
    s.sail(106, kT0, offset(meet, 0, 20000), 0, 0.5, 90 * kMinute, 5 * kMinute);
    s.sail(107, kT0, offset(offset(meet, 0, 20000), 90, 200), 0, 0.5, 90 * kMinute, 5 * kMinute);
    const TrackStore &tracks = s.done();

    const auto found = findEncounters(tracks, EncounterParameters{});
    REQUIRE(found.size() == 1);
    const MovementEvent &e = found.front();
    CHECK(e.mmsi == 101);
    CHECK(e.otherMmsi == 102);
    // Common times every 10 minutes inside both tracks: 00:10 to 03:00.
    CHECK(e.startMs == kT0 + 10 * kMinute);
    CHECK(e.endMs >= kT0 + 2 * kHour + 50 * kMinute);
    // 102 set off 5 minutes later, so it trails 154 m behind as well as 300 m abeam.
    CHECK(e.details.value(QStringLiteral("median_distance_m")).toDouble() ==
          Approx(std::hypot(300, 154.3)).margin(5));
    CHECK(e.details.value(QStringLiteral("median_speed_kn")).toDouble() == Approx(1.0).margin(0.05));
    CHECK_FALSE(e.details.value(QStringLiteral("in_port")).toBool());

    // Thresholds an analyst can change: 700 m finds the 600 m pair; 1 h finds the short one.
    EncounterParameters wide;
    wide.maxDistanceM = 700;
    CHECK(findEncounters(tracks, wide).size() == 2);
    EncounterParameters brief;
    brief.minDurationHours = 1;
    CHECK(findEncounters(tracks, brief).size() == 2);
    // A median speed limit below 1 kn leaves the drifting pair out.
    EncounterParameters slower;
    slower.maxMedianSpeedKnots = 0.8;
    CHECK(findEncounters(tracks, slower).empty());
    // Interpolation never bridges a silence longer than allowed.
    EncounterParameters strict;
    strict.maxInterpolationMinutes = 5;
    CHECK(findEncounters(tracks, strict).empty());
}

TEST_CASE("encounters across the antimeridian, and in port flagged", "[analysis][encounters]")
{
    SyntheticTracks s;
    s.stay(201, kT0, {179.9995, 0.0}, 4 * kHour, 10 * kMinute, 0.2);
    s.stay(202, kT0, {-179.9995, 0.0}, 4 * kHour, 10 * kMinute, 0.2); // 111 m east, across 180°
    s.stay(203, kT0, {10.0, 50.0}, 4 * kHour, 10 * kMinute, 0.0);
    s.stay(204, kT0, {10.002, 50.0}, 4 * kHour, 10 * kMinute, 0.0);
    PortSet ports;
    ports.addPoint(QStringLiteral("Quay"), {10.001, 50.0});
    const auto found = findEncounters(s.done(), EncounterParameters{}, &ports);
    REQUIRE(found.size() == 2);
    CHECK(found[0].mmsi == 201);
    CHECK(found[0].details.value(QStringLiteral("median_distance_m")).toDouble() == Approx(111).margin(10));
    CHECK(found[1].mmsi == 203);
    CHECK(found[1].details.value(QStringLiteral("in_port")).toBool());
    CHECK(found[1].place == QStringLiteral("Quay"));
}

TEST_CASE("loitering: slow at sea for hours, not a ship at her berth", "[analysis][loitering]")
{
    SyntheticTracks s;
    const QPointF sea(20.0, 35.0), quay(21.0, 36.0);
    s.sail(301, kT0, offset(sea, 0, 20000), 180, 10, kHour, 10 * kMinute);
    s.sail(301, kT0 + kHour + 10 * kMinute, sea, 45, 1.2, 5 * kHour, 10 * kMinute);
    s.sail(301, kT0 + 6 * kHour + 20 * kMinute, offset(sea, 45, 11000), 45, 10, kHour, 10 * kMinute);
    s.stay(302, kT0, quay, 8 * kHour, 10 * kMinute);
    // Slow for 2.5 h, silent 3 h, slow 2.5 h: the silence ends the stretch.
    s.stay(303, kT0, {25.0, 30.0}, 150 * kMinute, 10 * kMinute, 1.0);
    s.stay(303, kT0 + 330 * kMinute, {25.0, 30.0}, 150 * kMinute, 10 * kMinute, 1.0);
    // 304 is moored at the quay for 9 h, but the fixes around the middle of her stay are
    // thrown 10 km off by the GPS: still a ship at her berth, not loitering.
    for (int k = 0; k <= 54; ++k)
        s.fix(304, kT0 + k * 10 * kMinute, k >= 25 && k <= 29 ? offset(quay, 0, 10000) : quay, 0.0);
    const TrackStore &tracks = s.done();
    PortSet ports;
    ports.addPoint(QStringLiteral("Quay"), quay);

    LoiteringParameters p;
    const auto found = findLoitering(tracks, p, &ports);
    REQUIRE(found.size() == 1);
    CHECK(found[0].mmsi == 301);
    CHECK(found[0].durationHours() == Approx(5.0));
    CHECK(found[0].details.value(QStringLiteral("mean_speed_kn")).toDouble() == Approx(1.2));

    p.includeInPort = true;
    const auto withPort = findLoitering(tracks, p, &ports);
    REQUIRE(withPort.size() == 3);
    CHECK(withPort[1].place == QStringLiteral("Quay"));
    CHECK(withPort[1].details.value(QStringLiteral("in_port")).toBool());
    CHECK(withPort[2].mmsi == 304);
    CHECK(withPort[2].place == QStringLiteral("Quay"));

    p.maxGapHours = 4; // a 3 h silence no longer ends it
    CHECK(findLoitering(tracks, p, &ports).size() == 4);
}

TEST_CASE("spoofing: impossible jumps, an outlier, one MMSI in two places", "[analysis][spoofing]")
{
    SyntheticTracks s;
    const QPointF a(5.0, 55.0);
    // 401 jumps 81.5 km in 10 minutes once (264 kn), then carries on from there.
    s.sail(401, kT0, a, 90, 10, kHour, 10 * kMinute);
    s.sail(401, kT0 + 70 * kMinute, offset(a, 90, 100000), 90, 10, kHour, 10 * kMinute);
    // 402 has one position 60 km off its track, 5 minutes either side (about 400 kn).
    s.sail(402, kT0, {6.0, 56.0}, 0, 10, kHour, 10 * kMinute);
    s.fix(402, kT0 + 65 * kMinute, {7.0, 56.1}, 10);
    s.sail(402, kT0 + 70 * kMinute, offset({6.0, 56.0}, 0, 18520 * 70 / 60.0), 0, 10, kHour, 10 * kMinute);
    // 403 is heard from two places 300 km apart, alternating every minute.
    for (int k = 0; k < 12; ++k)
        s.fix(403, kT0 + k * kMinute, k % 2 ? QPointF(3.0, 60.0) : QPointF(8.0, 60.5), 0.1);
    // 404 has GPS jitter of 200 m within a second: not a jump.
    s.fix(404, kT0, {7.0, 54.0}, 0);
    s.fix(404, kT0 + 1000, {7.0027, 54.0}, 0);
    const auto found = findSpoofing(s.done(), SpoofingParameters{});
    REQUIRE(found.size() == 3);
    CHECK(found[0].mmsi == 401);
    CHECK(found[0].details.value(QStringLiteral("kind")).toString() == QStringLiteral("impossible-speed"));
    CHECK(found[0].details.value(QStringLiteral("distance_km")).toDouble() ==
          Approx(100 - 18.52).margin(0.5));
    CHECK(found[1].mmsi == 402);
    CHECK(found[1].details.value(QStringLiteral("kind")).toString() == QStringLiteral("outlier"));
    CHECK(found[2].mmsi == 403);
    CHECK(found[2].details.value(QStringLiteral("kind")).toString() == QStringLiteral("two-places"));
    CHECK(found[2].details.value(QStringLiteral("jumps")).toInt() == 11);

    SpoofingParameters lenient;
    lenient.maxSpeedKnots = 300; // spares 401's 264 kn, not the outlier nor the two places (9700 kn)
    CHECK(findSpoofing(s.store, lenient).size() == 2);
}
