#include "../catchstringmakers.h"
#include "synthetictracks.h"

#include "analysis/movementanalysis.h"
#include "analysis/portset.h"
#include "analysis/trajectorygeneralize.h"
#include "analysis/trajectorysplit.h"
#include "analysis/trajectorystops.h"
#include "util/utctime.h"

using namespace sightline;
using namespace sightline::test;

namespace {

/// A track's times and places, as the trajectory tools take them.
struct Points
{
    std::vector<std::int64_t> t;
    std::vector<QPointF> p;
    void add(std::int64_t time, QPointF at)
    {
        t.push_back(time);
        p.push_back(at);
    }
};

Points pointsOf(const VesselTrack &track)
{
    Points out;
    for (std::size_t i = 0; i < track.size(); ++i)
        out.add(track.timeMs(i), {track.lon(i), track.lat(i)});
    return out;
}

} // namespace

TEST_CASE("a stop is found with the first and last positions that stayed within the circle",
          "[analysis][stops]")
{
    SyntheticTracks s;
    const QPointF start(131.0, 42.3);
    // Sails 2 h at 10 kn, stays 3 h (a few metres of jitter), sails on 2 h.
    const QPointF arrival = s.sail(1, kT0, start, 90, 10, 2 * kHour, 5 * kMinute);
    s.stay(1, kT0 + 2 * kHour + 5 * kMinute, arrival, 3 * kHour, 5 * kMinute);
    s.sail(1, kT0 + 5 * kHour + 10 * kMinute, offset(arrival, 90, 1852.0 * 10 / 12), 90, 10, 2 * kHour,
           5 * kMinute);
    const TrackStore &tracks = s.done();

    StopParameters p;
    p.maxDiameterM = 100;
    p.minDurationHours = 1.0;
    const auto stops = findStops(tracks, p);
    REQUIRE(stops.size() == 1);
    const MovementEvent &e = stops.front();
    CHECK(e.type == EventType::Stop);
    CHECK(e.mmsi == 1);
    // The arrival fix (the last of the passage) is where the stay is: the stop starts there.
    CHECK(e.startMs == kT0 + 2 * kHour);
    CHECK(e.endMs == kT0 + 5 * kHour + 5 * kMinute);
    CHECK(e.details.value(QStringLiteral("positions")).toInt() == 1 + 37);
    CHECK(e.details.value(QStringLiteral("diameter_m")).toDouble() < 10);
    CHECK(e.details.value(QStringLiteral("longest_silence_h")).toDouble() == Approx(5.0 / 60).margin(0.01));
    CHECK(e.details.value(QStringLiteral("centre_lon")).toDouble() == Approx(arrival.x()).margin(1e-4));
    CHECK(e.details.value(QStringLiteral("centre_lat")).toDouble() == Approx(arrival.y()).margin(1e-4));
    CHECK(e.parameters.value(QStringLiteral("max_diameter_m")).toDouble() == 100.0);
    CHECK(e.summary().startsWith(QStringLiteral("Stopped 3.1 h within")));

    // Longer than the stay: no stop.
    p.minDurationHours = 3.2;
    CHECK(findStops(tracks, p).empty());
}

TEST_CASE("a ship that went dark and came back where it went quiet was not stopped through its silence",
          "[analysis][stops]")
{
    SyntheticTracks s;
    // Sails in, goes quiet for 65 h, is heard again at the very place, sails on: the gap of the case.
    const QPointF quiet = s.sail(1, kT0, QPointF(131.0, 42.3), 90, 10, 2 * kHour, 5 * kMinute);
    s.fix(1, kT0 + 67 * kHour, quiet);
    s.sail(1, kT0 + 67 * kHour + 5 * kMinute, offset(quiet, 90, 1852.0 * 10 / 12), 90, 10, 2 * kHour,
           5 * kMinute);
    const TrackStore &tracks = s.done();

    StopParameters p; // a silence over 6 h ends a stop
    CHECK(findStops(tracks, p).empty());
    CHECK(p.toJson().value(QStringLiteral("max_gap_h")).toDouble() == 6.0);
    // MovingPandas' rule, asked for: no silence ends a stop, and the two fixes are one.
    p.maxGapHours = 0;
    const auto stops = findStops(tracks, p);
    REQUIRE(stops.size() == 1);
    CHECK(stops.front().details.value(QStringLiteral("longest_silence_h")).toDouble() ==
          Approx(65.0).margin(0.01));
}

TEST_CASE("a track that drifts slowly wider than the diameter is not a stop", "[analysis][stops]")
{
    SyntheticTracks s;
    // 0.1 kn for 10 h: 185 m an hour, 1.85 km in all. Every hour-long window spans 185 m.
    s.sail(2, kT0, {10.0, 60.0}, 45, 0.1, 10 * kHour, 2 * kMinute);
    const TrackStore &tracks = s.done();
    StopParameters p;
    p.maxDiameterM = 150;
    p.minDurationHours = 1.0;
    CHECK(findStops(tracks, p).empty());
    // A wider circle holds an hour of the drift: then the stop lasts as long as the drift stays in it.
    p.maxDiameterM = 400;
    const auto wide = findStops(tracks, p);
    REQUIRE_FALSE(wide.empty());
    for (const MovementEvent &e : wide) {
        CHECK(e.details.value(QStringLiteral("diameter_m")).toDouble() <= 400);
        CHECK(e.durationHours() >= 1.0);
    }
    // The first runs from the first position until the drift leaves a 400 m circle.
    CHECK(wide.front().startMs == kT0);
    CHECK(wide.front().durationHours() == Approx(400 / (0.1 * 1852)).margin(0.05));
}

TEST_CASE("the circle, not the extent, decides: a diagonal run as long as the diameter fits",
          "[analysis][stops]")
{
    // Positions along a 45° line 140 m long, as two extremes and jitter: the extent's diagonal is 140 m
    // (its sides 99 m), so only the points themselves can say that 140 m fits a 150 m circle and not a
    // 130 m one.
    Points pts;
    const QPointF at(5.0, 53.0);
    for (int k = 0; k <= 60; ++k)
        pts.add(kT0 + k * kMinute, offset(at, 45, (k % 2) ? 140.0 : 0.0));
    const auto fits = findTrackStops(pts.t, pts.p, 150, kHour);
    REQUIRE(fits.size() == 1);
    CHECK(fits.front() == TrackStop{0, 60, fits.front().diameterM});
    CHECK(fits.front().diameterM == Approx(140).margin(1.0));
    CHECK(findTrackStops(pts.t, pts.p, 130, kHour).empty());
    // A spread over a circle's worth of directions (a ship swinging at anchor) is measured exactly too.
    Points swing;
    for (int k = 0; k <= 120; ++k)
        swing.add(kT0 + k * kMinute, offset(at, k * 37 % 360, 90.0));
    const auto swung = findTrackStops(swing.t, swing.p, 200, kHour);
    REQUIRE(swung.size() == 1);
    CHECK(swung.front().diameterM == Approx(180).margin(1.0));
    CHECK(findTrackStops(swing.t, swing.p, 170, kHour).empty());
}

TEST_CASE("a stop across the antimeridian is one stop", "[analysis][stops]")
{
    Points pts;
    for (int k = 0; k <= 30; ++k)
        pts.add(kT0 + k * 4 * kMinute, QPointF((k % 2) ? -179.9998 : 179.9998, 10.0));
    const auto stops = findTrackStops(pts.t, pts.p, 100, kHour);
    REQUIRE(stops.size() == 1);
    CHECK(stops.front().first == 0);
    CHECK(stops.front().last == 30);
    CHECK(stops.front().diameterM == Approx(43.8).margin(0.5));
}

TEST_CASE("stops is an analysis: its parameters and events, in a port's name", "[analysis][stops]")
{
    SyntheticTracks s;
    const QPointF rajin(130.3, 42.25);
    s.stay(9, kT0, rajin, 5 * kHour, 10 * kMinute);
    PortSet ports;
    ports.addPoint(QStringLiteral("Rajin"), rajin);
    AnalysisRequest request;
    request.kind = AnalysisKind::Stops;
    CHECK(analysisKindFromKey(QStringLiteral("stops")) == AnalysisKind::Stops);
    CHECK(eventTypesOf(AnalysisKind::Stops) == QList<EventType>{EventType::Stop});
    CHECK(eventTypeFromKey(QStringLiteral("stop")) == EventType::Stop);
    CHECK(eventTypeLabel(EventType::Stop) == QStringLiteral("Stop"));
    CHECK(request.parametersJson().value(QStringLiteral("min_duration_h")).toDouble() == 1.0);
    const AnalysisResult result = runAnalysis(request, s.done(), ports);
    REQUIRE(result.events.size() == 1);
    CHECK(result.events.front().place == QStringLiteral("Rajin"));
    CHECK(result.events.front().durationHours() == Approx(5.0));
    CHECK(eventCsvHeader(EventType::Stop).contains(QStringLiteral("diameter_m")));
}

TEST_CASE("Douglas-Peucker keeps the corner of an L and drops the collinear points", "[analysis][generalize]")
{
    Points pts;
    const QPointF origin(20.0, 60.0);
    // 10 km east in 1 km steps, then 10 km north: 21 positions on two straight legs.
    for (int k = 0; k <= 10; ++k)
        pts.add(kT0 + k * kMinute, offset(origin, 90, 1000.0 * k));
    const QPointF corner = pts.p.back();
    for (int k = 1; k <= 10; ++k)
        pts.add(kT0 + (10 + k) * kMinute, offset(corner, 0, 1000.0 * k));
    GeneralizeParameters g;
    g.toleranceM = 50;
    CHECK(generalizeTrack(pts.t, pts.p, g) == std::vector<std::size_t>{0, 10, 20});
    // A point 55 m off the line is kept at 50 m (its neighbours, 44 m off the lines to it, are not)
    // and dropped at 100 m.
    pts.p[5] = offset(pts.p[5], 0, 55);
    CHECK(generalizeTrack(pts.t, pts.p, g) == std::vector<std::size_t>{0, 5, 10, 20});
    g.toleranceM = 100;
    CHECK(generalizeTrack(pts.t, pts.p, g) == std::vector<std::size_t>{0, 10, 20});
    // Off: every position.
    CHECK(generalizeTrack(pts.t, pts.p, GeneralizeParameters{}).size() == 21);
}

TEST_CASE("a minimum time delta keeps a position only that long after the last kept, and the last",
          "[analysis][generalize]")
{
    Points pts;
    for (int k = 0; k <= 20; ++k)
        pts.add(kT0 + k * 25 * 1000, QPointF(4.0 + k * 0.001, 52.0)); // every 25 s
    GeneralizeParameters g;
    g.minIntervalMs = 60 * 1000;
    // 0, 75, 150, 225, 300, 375, 450 s are each ≥ 60 s after the one kept before; 500 s is the last.
    CHECK(generalizeTrack(pts.t, pts.p, g) == std::vector<std::size_t>{0, 3, 6, 9, 12, 15, 18, 20});
    // A part of a longer track: indices into the whole.
    CHECK(generalizeTrack(pts.t, pts.p, 4, 10, g) == std::vector<std::size_t>{4, 7, 10});
    // Both rules: the straight line leaves the ends.
    g.toleranceM = 10;
    CHECK(generalizeTrack(pts.t, pts.p, g) == std::vector<std::size_t>{0, 20});
}

TEST_CASE("a track splits at midnight UTC, at Mondays, at months, at silences and at stops",
          "[analysis][split]")
{
    Points pts;
    const std::int64_t evening = unixMsFromUtc(2023, 10, 1, 22, 0, 0); // a Sunday
    for (int k = 0; k < 8; ++k)                                        // 22:00 … 01:30 next day
        pts.add(evening + k * 30 * kMinute, QPointF(130.0 + k * 0.01, 42.0));
    TrackSplitRule rule;
    rule.by = TrackSplitRule::By::Day;
    CHECK(splitTrack(pts.t, pts.p, rule) == std::vector<TrackSegment>{{0, 3}, {4, 7}});
    rule.by = TrackSplitRule::By::Week; // Sunday → Monday is a new ISO week too
    CHECK(splitTrack(pts.t, pts.p, rule) == std::vector<TrackSegment>{{0, 3}, {4, 7}});
    rule.by = TrackSplitRule::By::Month;
    CHECK(splitTrack(pts.t, pts.p, rule) == std::vector<TrackSegment>{{0, 7}});
    pts.add(unixMsFromUtc(2023, 11, 1, 0, 0, 0), QPointF(131.0, 42.0));
    CHECK(splitTrack(pts.t, pts.p, rule) == std::vector<TrackSegment>{{0, 7}, {8, 8}});
    rule.by = TrackSplitRule::By::None;
    CHECK(splitTrack(pts.t, pts.p, rule) == std::vector<TrackSegment>{{0, 8}});
    rule.by = TrackSplitRule::By::Gap;
    rule.gapHours = 2; // only the month-long silence is longer
    CHECK(splitTrack(pts.t, pts.p, rule) == std::vector<TrackSegment>{{0, 7}, {8, 8}});
    rule.gapHours = 0.5; // a silence of exactly 30 minutes is not longer than 30 minutes
    CHECK(splitTrack(pts.t, pts.p, rule) == std::vector<TrackSegment>{{0, 7}, {8, 8}});

    SyntheticTracks s;
    const QPointF arrival = s.sail(1, kT0, {131.0, 42.3}, 90, 10, 2 * kHour, 10 * kMinute);
    s.stay(1, kT0 + 2 * kHour + 10 * kMinute, arrival, 3 * kHour, 10 * kMinute);
    s.sail(1, kT0 + 5 * kHour + 20 * kMinute, offset(arrival, 90, 3000), 90, 10, kHour, 10 * kMinute);
    const Points sailed = pointsOf(s.done().tracks().front());
    rule.by = TrackSplitRule::By::Stop;
    rule.stops.maxDiameterM = 100;
    rule.stops.minDurationHours = 1;
    // The passage in (0–12, 12 is the arrival), the stop (12–31) left out, the passage on (31–38).
    CHECK(splitTrack(sailed.t, sailed.p, rule) == std::vector<TrackSegment>{{0, 12}, {31, 38}});
}

TEST_CASE("split rules are read as typed and written back the same way", "[analysis][split]")
{
    QString error;
    const auto gap = parseTrackSplitRule(QStringLiteral("gap:30m"), &error);
    REQUIRE(gap);
    CHECK(gap->by == TrackSplitRule::By::Gap);
    CHECK(gap->gapHours == 0.5);
    CHECK(gap->toText() == QStringLiteral("gap:30m"));
    CHECK(parseTrackSplitRule(QStringLiteral("gap"))->gapHours == 2.0);
    CHECK(parseTrackSplitRule(QStringLiteral("GAP:6"))->gapHours == 6.0);
    const auto stop = parseTrackSplitRule(QStringLiteral("stop:0.3km,90m"));
    REQUIRE(stop);
    CHECK(stop->stops.maxDiameterM == 300);
    CHECK(stop->stops.minDurationHours == 1.5);
    CHECK(parseTrackSplitRule(stop->toText()) == stop);
    for (const char *name : {"none", "day", "week", "month"})
        CHECK(parseTrackSplitRule(QString::fromLatin1(name))->toText() == QString::fromLatin1(name));
    CHECK_FALSE(parseTrackSplitRule(QStringLiteral("fortnight"), &error));
    CHECK(error.contains(QStringLiteral("gap:2h")));
    CHECK_FALSE(parseTrackSplitRule(QStringLiteral("gap:soon"), &error));
    CHECK_FALSE(parseTrackSplitRule(QStringLiteral("day:2"), &error));
    CHECK(parseShortDuration(QStringLiteral("90s")) == 90000);
    CHECK(parseShortDuration(QStringLiteral("1.5d")) == 36 * kHour);
    CHECK_FALSE(parseShortDuration(QStringLiteral("-1h")));
}
