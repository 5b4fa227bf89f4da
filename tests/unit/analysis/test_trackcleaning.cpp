#include "../catchstringmakers.h"
#include "synthetictracks.h"

#include "analysis/movementanalysis.h"
#include "analysis/portset.h"
#include "analysis/trackcleaning.h"

using namespace sightline;
using namespace sightline::test;

namespace {

const QPointF kBerth(130.30, 42.24);

/// The marks of the vessel `mmsi`, one a position (all Kept when the track has none).
std::vector<CleaningMark> marksOf(const TrackStore &tracks, const TrackCleaning &cleaning, std::uint32_t mmsi)
{
    std::vector<CleaningMark> out;
    for (std::size_t t = 0; t < tracks.tracks().size(); ++t)
        if (tracks.tracks()[t].mmsi() == mmsi)
            for (std::size_t i = 0; i < tracks.tracks()[t].size(); ++i)
                out.push_back(cleaning.markAt(t, i));
    return out;
}

std::size_t countOf(const std::vector<CleaningMark> &marks, CleaningMark mark)
{
    return std::size_t(std::count(marks.begin(), marks.end(), mark));
}

/// Twelve hours at the berth, a report every three minutes, and one report 3,800 km away ten
/// seconds after the one at 06:00: the bad fix of a real capture.
void berthStayWithOutlier(SyntheticTracks &s, std::uint32_t mmsi)
{
    s.stay(mmsi, kT0, kBerth, 12 * kHour, 3 * kMinute);
    s.fix(mmsi, kT0 + 6 * kHour + 10000, offset(kBerth, 200, 3.8e6), 0.0);
}

} // namespace

TEST_CASE("cleaning leaves a clean track alone, however fast the ship", "[analysis][cleaning]")
{
    SyntheticTracks s;
    s.sail(1, kT0, QPointF(20.0, 60.0), 45, 20, 6 * kHour, kMinute);
    s.sail(2, kT0, QPointF(21.0, 60.0), 300, 45, 3 * kHour, 2 * kMinute); // a fast ferry: under 50 kn
    s.stay(3, kT0, kBerth, 24 * kHour, 10 * kMinute);                     // GPS jitter of a few metres
    // A search-and-rescue aircraft (MMSI 111…) at 180 kn is no jump: it flies.
    s.sail(111273100, kT0, QPointF(22.0, 60.0), 90, 180, kHour, kMinute);
    const TrackStore &tracks = s.done();
    const TrackCleaning cleaning = cleanTracks(tracks, CleaningParameters{});
    CHECK(cleaning.markedCount == 0);
    CHECK(cleaning.empty());
    for (const auto &marks : cleaning.marks)
        CHECK(marks.empty()); // no memory spent on a clean track
    CHECK(cleaning.countsJson().isEmpty());
}

TEST_CASE("cleaning marks a lone outlier: too fast to it and away from it again", "[analysis][cleaning]")
{
    SyntheticTracks s;
    berthStayWithOutlier(s, 10);
    const TrackStore &tracks = s.done();
    const TrackCleaning cleaning = cleanTracks(tracks, CleaningParameters{});
    const auto marks = marksOf(tracks, cleaning, 10);
    REQUIRE(cleaning.markedCount == 1);
    CHECK(countOf(marks, CleaningMark::Outlier) == 1);
    const VesselTrack *track = tracks.track(10);
    for (std::size_t i = 0; i < marks.size(); ++i)
        if (marks[i] == CleaningMark::Outlier)
            CHECK(track->timeMs(i) == kT0 + 6 * kHour + 10000);
    CHECK(cleaning.countsJson() == QJsonObject{{QStringLiteral("outlier"), 1}});

    // A lenient threshold keeps it: the speed is what judges.
    CleaningParameters lenient;
    lenient.maxSpeedKnots = 1e6;
    CHECK(cleanTracks(tracks, lenient).empty());
}

TEST_CASE("cleaning judges a position by both neighbours: a jump the track carries on from stays",
          "[analysis][cleaning]")
{
    SyntheticTracks s;
    // 401 jumps 81.5 km in 10 minutes once (264 kn), then sails on from there: which side is wrong
    // cannot be told, so nothing is marked (the spoofing check reports the jump).
    const QPointF a = s.sail(401, kT0, QPointF(30.0, 40.0), 90, 12, 2 * kHour, 10 * kMinute);
    s.sail(401, kT0 + 2 * kHour + 10 * kMinute, offset(a, 90, 81500), 90, 12, 2 * kHour, 10 * kMinute);
    // 402 ends with a far report: only one neighbour, so it stays too.
    const QPointF b = s.sail(402, kT0, QPointF(31.0, 40.0), 0, 12, 2 * kHour, 10 * kMinute);
    s.fix(402, kT0 + 2 * kHour + 5 * kMinute, offset(b, 0, 200000), 12);
    // 403 has one report 60 km off, five minutes either side (about 400 kn each way): marked.
    s.sail(403, kT0, QPointF(32.0, 40.0), 0, 10, 2 * kHour, 10 * kMinute);
    s.fix(403, kT0 + kHour + 5 * kMinute, QPointF(32.7, 40.0), 10);
    // 404 moves 900 m in a second: a GPS hop under the 1 km jump, not a place it cannot be.
    s.stay(404, kT0, kBerth, kHour, 5 * kMinute);
    s.fix(404, kT0 + 30 * kMinute + 1000, offset(kBerth, 90, 900), 0);
    const TrackStore &tracks = s.done();
    const TrackCleaning cleaning = cleanTracks(tracks, CleaningParameters{});
    CHECK(countOf(marksOf(tracks, cleaning, 401), CleaningMark::Kept) == tracks.track(401)->size());
    CHECK(countOf(marksOf(tracks, cleaning, 402), CleaningMark::Kept) == tracks.track(402)->size());
    const auto marks403 = marksOf(tracks, cleaning, 403);
    CHECK(countOf(marks403, CleaningMark::Outlier) == 1);
    CHECK(marks403[7] == CleaningMark::Outlier); // 01:05, between the fixes of 01:00 and 01:10
    CHECK(countOf(marksOf(tracks, cleaning, 404), CleaningMark::Kept) == tracks.track(404)->size());
    CHECK(cleaning.markedCount == 1);
}

TEST_CASE("cleaning marks one MMSI in two places: the second place, heard again and again",
          "[analysis][cleaning]")
{
    SyntheticTracks s;
    // Heard at sea every two minutes, and every six minutes from a place 300 km away: the vessel
    // is where most reports put it.
    const QPointF sea(35.0, 43.0), other = offset(sea, 90, 300000);
    for (int k = 0; k < 60; ++k) {
        s.fix(403, kT0 + k * 2 * kMinute, offset(sea, 0, k * 600.0), 10);
        if (k % 3 == 1)
            s.fix(403, kT0 + k * 2 * kMinute + 30000, offset(other, 180, k * 300.0), 9);
    }
    const TrackStore &tracks = s.done();
    const TrackCleaning cleaning = cleanTracks(tracks, CleaningParameters{});
    const auto marks = marksOf(tracks, cleaning, 403);
    const VesselTrack *track = tracks.track(403);
    std::size_t atSea = 0;
    for (std::size_t i = 0; i < marks.size(); ++i) {
        const bool far = track->lon(i) > 36.0;
        CHECK(marks[i] == (far ? CleaningMark::TwoPlaces : CleaningMark::Kept));
        atSea += far ? 0 : 1;
    }
    CHECK(atSea == 60);
    CHECK(cleaning.markedCount == 20);
}

TEST_CASE(
    "cleaning marks values no report can have, and the reports after them are judged from the good ones",
    "[analysis][cleaning]")
{
    SyntheticTracks s;
    s.stay(500, kT0, kBerth, 2 * kHour, 10 * kMinute);
    s.fix(500, kT0 + 5 * kMinute, QPointF(181.0, 91.0)); // AIS "not available"
    s.fix(500, kT0 + 15 * kMinute, QPointF(130.3, 91.0));
    s.fix(500, kT0 + 25 * kMinute, QPointF(0.0, 0.0));
    s.fix(500, kT0 + 35 * kMinute, kBerth, 102.3); // speed "not available"
    s.fix(500, kT0 + 45 * kMinute, kBerth, 250.0);
    // The same report within the second, 3 m off (a second receiver's rounding): a duplicate.
    s.fix(500, kT0 + 60 * kMinute + 400, offset(kBerth, 0, 3), 0.0);
    const TrackStore &tracks = s.done();
    const TrackCleaning cleaning = cleanTracks(tracks, CleaningParameters{});
    const auto marks = marksOf(tracks, cleaning, 500);
    CHECK(countOf(marks, CleaningMark::PositionUnavailable) == 2);
    CHECK(countOf(marks, CleaningMark::NullIsland) == 1);
    CHECK(countOf(marks, CleaningMark::SpeedUnavailable) == 2);
    CHECK(countOf(marks, CleaningMark::Duplicate) == 1);
    CHECK(countOf(marks, CleaningMark::Outlier) == 0); // 0°, 0° was never a place to jump from
    CHECK(cleaning.markedCount == 6);
    CHECK(cleaning.countsJson() == QJsonObject{{QStringLiteral("out-of-range"), 2},
                                               {QStringLiteral("null-island"), 1},
                                               {QStringLiteral("speed-unavailable"), 2},
                                               {QStringLiteral("duplicate"), 1}});
    for (CleaningMark m :
         {CleaningMark::PositionUnavailable, CleaningMark::NullIsland, CleaningMark::SpeedUnavailable,
          CleaningMark::Duplicate, CleaningMark::Outlier, CleaningMark::TwoPlaces})
        CHECK_FALSE(cleaningMarkText(m).isEmpty());
}

TEST_CASE("a berth stay with one outlier 3,800 km away: one port call and no voyage to itself",
          "[analysis][cleaning][portcalls]")
{
    SyntheticTracks s;
    berthStayWithOutlier(s, 20);
    const TrackStore &tracks = s.done();
    PortSet ports;
    ports.addPoint(QStringLiteral("Rajin"), kBerth);
    auto count = [](const AnalysisResult &r, EventType type) {
        return std::count_if(r.events.begin(), r.events.end(),
                             [type](const auto &e) { return e.type == type; });
    };
    AnalysisRequest request;
    request.kind = AnalysisKind::PortCalls;
    const AnalysisResult calls = runAnalysis(request, tracks, ports);
    CHECK(count(calls, EventType::PortCall) == 1);
    REQUIRE(calls.cleaning);
    CHECK(calls.cleaning->markedCount == 1);
    for (const MovementEvent &e : calls.events)
        CHECK(e.parameters.value(QStringLiteral("cleaning")).toObject() == request.cleaning.toJson());
    CHECK(request.parametersJson()
              .value(QStringLiteral("cleaning"))
              .toObject()
              .value(QStringLiteral("max_speed_kn")) == 50.0);
    request.kind = AnalysisKind::Voyages;
    CHECK(count(runAnalysis(request, tracks, ports), EventType::Voyage) == 0);
    // The spoofing check still sees the bad fix: out and straight back.
    request.kind = AnalysisKind::Spoofing;
    const AnalysisResult spoofing = runAnalysis(request, tracks, ports);
    REQUIRE(spoofing.events.size() == 1);
    CHECK(spoofing.events.front().details.value(QStringLiteral("kind")).toString() ==
          QStringLiteral("outlier"));

    // Without the cleaning the bad fix splits the stay and makes a voyage from the port to itself.
    request.cleaning.enabled = false;
    request.kind = AnalysisKind::PortCalls;
    CHECK(count(runAnalysis(request, tracks, ports), EventType::PortCall) == 2);
    request.kind = AnalysisKind::Voyages;
    CHECK(count(runAnalysis(request, tracks, ports), EventType::Voyage) == 1);
}

TEST_CASE("the cleaned copy of a store drops the marked positions and nothing else", "[analysis][cleaning]")
{
    SyntheticTracks s;
    berthStayWithOutlier(s, 30);
    s.sail(31, kT0, QPointF(20.0, 60.0), 45, 12, kHour, 10 * kMinute);
    s.fix(32, kT0, QPointF(181.0, 91.0)); // a vessel with nothing good at all
    const TrackStore &tracks = s.done();
    const TrackCleaning cleaning = cleanTracks(tracks, CleaningParameters{});
    const TrackStore cleaned = tracks.without(cleaning.marks);
    CHECK(cleaned.vesselCount() == 2);
    CHECK(cleaned.track(32) == nullptr);
    CHECK(cleaned.track(30)->size() == tracks.track(30)->size() - 1);
    CHECK(cleaned.track(31)->size() == tracks.track(31)->size());
    CHECK(cleaned.boundsWgs84().bottom() < 61.0); // the 91° report is no longer in the extent
    CHECK(cleaned.track(30)->boundsWgs84().width() < 0.01);
}
