#include "../catchstringmakers.h"
#include "synthetictracks.h"

#include "analysis/portcalldetector.h"
#include "analysis/portset.h"
#include "analysis/voyages.h"

#include <QJsonArray>

using namespace sightline;
using namespace sightline::test;

namespace {

const QPointF kPortPoint(140.0, 35.0);

/// Comes in to 1 km of the port point, wanders between 2.8 and 3.6 km from it (across
/// the 3 km entry line but inside the 4 km exit line) while stopped, then leaves.
void callWithWander(SyntheticTracks &s, std::uint32_t mmsi)
{
    std::int64_t t = kT0;
    s.sail(mmsi, t, offset(kPortPoint, 90, 10000), 270, 8, 36 * kMinute, 6 * kMinute); // to 1.1 km east
    t += 40 * kMinute;
    for (int k = 0; k < 10; ++k, t += 30 * kMinute)
        s.fix(mmsi, t, offset(kPortPoint, 90, k % 2 ? 3600 : 2800), 0.1);
    s.sail(mmsi, t, offset(kPortPoint, 90, 3500), 90, 8, kHour, 6 * kMinute); // out to 18 km
}

} // namespace

TEST_CASE("port calls at a point port use hysteresis: one call, not one per wobble", "[analysis][portcalls]")
{
    PortSet ports;
    ports.addPoint(QStringLiteral("Point Harbour"), kPortPoint);
    SyntheticTracks s;
    callWithWander(s, 11);
    const TrackStore &tracks = s.done();

    PortCallParameters p;
    p.inferFromGaps = false;
    const auto calls = findPortCalls(tracks, ports, p);
    REQUIRE(calls.size() == 1);
    const MovementEvent &c = calls.front();
    CHECK(c.place == QStringLiteral("Point Harbour"));
    CHECK(c.details.value(QStringLiteral("entry_seen")).toBool());
    CHECK(c.details.value(QStringLiteral("exit_seen")).toBool());
    CHECK(c.details.value(QStringLiteral("stopped")).toBool());
    CHECK_FALSE(c.details.value(QStringLiteral("gap_in_port")).toBool());
    CHECK(c.confidence == 4);
    CHECK(c.durationHours() > 5.0);

    // Without hysteresis (exit at the entry distance) the same track splits into calls.
    p.exitDistanceKm = p.entryDistanceKm;
    p.minDurationHours = 0;
    CHECK(findPortCalls(tracks, ports, p).size() > 1);
}

TEST_CASE("port calls in a polygon: stops, gaps in port, and a gap across the entry", "[analysis][portcalls]")
{
    PortSet ports;
    ports.addPolygon(QStringLiteral("Basin"),
                     {{{10.00, 50.00}, {10.04, 50.00}, {10.04, 50.02}, {10.00, 50.02}}});
    const QPointF quay(10.02, 50.01);
    SyntheticTracks s;

    // Vessel 21: seen coming in, stopped, six silent hours at the quay, seen leaving.
    s.sail(21, kT0, offset(quay, 0, 8000), 180, 10, 25 * kMinute, 5 * kMinute);
    s.stay(21, kT0 + kHour, quay, 2 * kHour, 10 * kMinute);
    s.stay(21, kT0 + 9 * kHour, quay, kHour, 10 * kMinute);
    s.sail(21, kT0 + 10 * kHour + 5 * kMinute, quay, 0, 10, kHour, 5 * kMinute);

    // Vessel 22: last seen 30 km out, silent 20 hours, then at the quay (the entry is not seen).
    s.fix(22, kT0, offset(quay, 0, 30000), 10);
    s.stay(22, kT0 + 20 * kHour, quay, 3 * kHour, 10 * kMinute);
    s.sail(22, kT0 + 23 * kHour + 5 * kMinute, quay, 0, 10, kHour, 5 * kMinute);

    // Vessel 23: stopped at the quay when its track ends (the exit is not seen); moves
    // slowly through the basin but never stops below 0.2 kn.
    s.sail(23, kT0, offset(quay, 0, 8000), 180, 10, 25 * kMinute, 5 * kMinute);
    s.stay(23, kT0 + kHour, quay, 3 * kHour, 10 * kMinute, 0.3);

    // Vessel 24: passes through a corner of the basin in 10 minutes: too short a call.
    s.sail(24, kT0, {9.99, 50.005}, 90, 10, kHour, 5 * kMinute);

    PortCallParameters p;
    p.inferFromGaps = false;
    const auto calls = findPortCalls(s.done(), ports, p);
    auto callsOf = [&](std::uint32_t mmsi) {
        std::vector<MovementEvent> out;
        for (const auto &c : calls)
            if (c.mmsi == mmsi)
                out.push_back(c);
        return out;
    };
    const auto c21 = callsOf(21);
    REQUIRE(c21.size() == 1);
    CHECK(c21[0].details.value(QStringLiteral("gap_in_port")).toBool());
    CHECK(c21[0].confidence == 4);

    const auto c22 = callsOf(22);
    REQUIRE(c22.size() == 1);
    CHECK_FALSE(c22[0].details.value(QStringLiteral("entry_seen")).toBool());
    CHECK(c22[0].details.value(QStringLiteral("exit_seen")).toBool());
    CHECK(c22[0].startMs == kT0 + 20 * kHour);
    CHECK(c22[0].confidence == 3);

    const auto c23 = callsOf(23);
    REQUIRE(c23.size() == 1);
    CHECK_FALSE(c23[0].details.value(QStringLiteral("exit_seen")).toBool());
    CHECK_FALSE(c23[0].details.value(QStringLiteral("stopped")).toBool());
    CHECK(c23[0].confidence == 1);
    // Seen in part, and seen all the same: confidence 1 is not an inferred call.
    CHECK_FALSE(c23[0].isInferredCall());
    CHECK_FALSE(c21[0].isInferredCall());

    CHECK(callsOf(24).empty());
}

TEST_CASE("a dark period infers the ports the vessel could have called at", "[analysis][portcalls]")
{
    PortSet ports;
    const QPointF a(131.0, 42.0);
    ports.addPoint(QStringLiteral("Origin"), a);
    const QPointF hidden = offset(a, 270, 100000);
    ports.addPoint(QStringLiteral("Hidden"), hidden);
    ports.addPoint(QStringLiteral("Remote"), offset(a, 90, 2000000));
    SyntheticTracks s;
    s.stay(31, kT0, a, 6 * kHour, 10 * kMinute);
    // Leaves west, dark 48 h from 20 km out, back at the same place, then home.
    const QPointF out = s.sail(31, kT0 + 6 * kHour + 10 * kMinute, a, 270, 10, kHour, 10 * kMinute);
    s.fix(31, kT0 + 55 * kHour, out, 10);
    s.sail(31, kT0 + 55 * kHour + 10 * kMinute, out, 90, 10, kHour, 10 * kMinute);
    s.stay(31, kT0 + 57 * kHour, a, 6 * kHour, 10 * kMinute);
    const TrackStore &tracks = s.done();

    PortCallParameters p;
    const auto calls = findPortCalls(tracks, ports, p);
    REQUIRE(calls.size() == 3);
    CHECK(calls[0].place == QStringLiteral("Origin"));
    CHECK(calls[1].place == QStringLiteral("Hidden"));
    CHECK(calls[1].confidence == 1);
    CHECK(calls[1].details.value(QStringLiteral("inferred")).toBool());
    CHECK(calls[1].isInferredCall());
    CHECK_FALSE(calls[0].isInferredCall());
    CHECK(calls[1].details.value(QStringLiteral("candidates")).toArray() ==
          QJsonArray{QStringLiteral("Hidden")});
    CHECK(calls[1].startMs > calls[0].endMs);
    CHECK(calls[1].endMs < calls[2].startMs);
    CHECK(calls[2].place == QStringLiteral("Origin"));

    const auto trips = findRoundTrips(calls, QStringLiteral("hidden"), QStringLiteral("origin"));
    REQUIRE(trips.size() == 1);
    CHECK(trips[0].confidence == 1);
    CHECK(trips[0].details.value(QStringLiteral("b_inferred")).toBool());
    CHECK(trips[0].hasInferredFarCall());
    CHECK_FALSE(calls[1].hasInferredFarCall()); // a call, not a round trip
    CHECK(trips[0].place == QStringLiteral("Origin ⇄ Hidden"));

    // No time to stay: a minimum stay longer than the silence allows infers nothing.
    p.inferredMinStayHours = 45;
    CHECK(findPortCalls(tracks, ports, p).size() == 2);
}

TEST_CASE("voyages, round trips and the origin-destination table from port calls", "[analysis][voyages]")
{
    auto call = [](std::uint32_t mmsi, const char *port, int startH, int endH, bool inferred = false) {
        MovementEvent c;
        c.type = EventType::PortCall;
        c.mmsi = mmsi;
        c.place = QString::fromLatin1(port);
        c.startMs = kT0 + startH * kHour;
        c.endMs = kT0 + endH * kHour;
        c.confidence = inferred ? 1 : 4;
        c.details = {{QStringLiteral("inferred"), inferred},
                     {QStringLiteral("dark_hours"), 30.0},
                     {QStringLiteral("dark_start_ms"), double(c.startMs - kHour)},
                     {QStringLiteral("candidates"), QJsonArray{QStringLiteral("B"), QStringLiteral("C")}}};
        return c;
    };
    // Vessel 1: A B A B A C seen. Vessel 2: A, dark (B or C possible), A, dark, A.
    std::vector<MovementEvent> calls = {
        call(1, "A", 0, 10),  call(1, "B", 20, 30),       call(1, "A", 40, 50),
        call(1, "B", 60, 70), call(1, "A", 80, 90),       call(1, "C", 100, 110),
        call(2, "A", 0, 10),  call(2, "B", 20, 30, true), call(2, "C", 20, 30, true),
        call(2, "A", 40, 50), call(2, "B", 60, 70, true), call(2, "A", 80, 90)};
    const auto voyages = findVoyages(calls);
    CHECK(voyages.size() == 5 + 2);
    const auto trips = findRoundTrips(calls, QStringLiteral("A"), QStringLiteral("B"));
    int seen = 0, inferred = 0;
    for (const auto &t : trips)
        (t.hasInferredFarCall() ? inferred : seen)++;
    CHECK(seen == 2);
    CHECK(inferred == 2);
    CHECK(trips.front().startMs == kT0 + 10 * kHour);
    CHECK(trips.front().endMs == kT0 + 40 * kHour);

    const auto od = originDestinationTable(voyages);
    auto row = [&](const char *from, const char *to) {
        for (const auto &r : od)
            if (r.from == QLatin1String(from) && r.to == QLatin1String(to))
                return r;
        return OriginDestination{};
    };
    CHECK(row("A", "B").voyages == 2);
    CHECK(row("A", "A").voyages == 2);
    CHECK(row("A", "A").darkVoyages == 2);
    CHECK(row("A", "C").voyages == 1);
    CHECK(row("A", "B").vessels == 1);
}
