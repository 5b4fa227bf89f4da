#include "../catchstringmakers.h"
#include "synthetictracks.h"

#include "analysis/gapdetector.h"
#include "analysis/gapreception.h"
#include "analysis/movementanalysis.h"
#include "analysis/portcalldetector.h"
#include "analysis/portset.h"
#include "analysis/receptionmodel.h"

#include <QJsonArray>

#include <algorithm>
#include <string>

using namespace sightline;
using namespace sightline::test;

namespace {

void heard(TrackStore &store, std::uint32_t mmsi, std::int64_t t, QPointF at, std::string_view receiver)
{
    TrackStore::Position p{mmsi, t, at.x(), at.y()};
    p.sog = 0.0;
    p.source = receiver;
    store.append(p);
}

constexpr std::uint32_t kDark = 1;
const QPointF kWentQuiet(131.0, 42.3);

/// The dark vessel's gaps (the others have theirs when they are silent too).
std::vector<MovementEvent> gapsOfDarkVessel(const TrackStore &tracks, const GapParameters &p = {})
{
    std::vector<MovementEvent> gaps = findGaps(tracks, p);
    std::erase_if(gaps, [](const MovementEvent &g) { return g.mmsi != kDark; });
    return gaps;
}

/// Vessel 1 sails east, is silent 13 h (kT0 + 2 h to kT0 + 15 h) and reappears 100 km east. Twelve
/// other vessels lie at anchor along its way, heard by a station "RX-Coast" every 20 minutes, for
/// the whole day or, when `othersSilentMeanwhile`, only before and after its silence.
TrackStore darkAmongOthers(bool othersSilentMeanwhile)
{
    SyntheticTracks s;
    const QPointF lastFix = s.sail(kDark, kT0, kWentQuiet, 90, 10, 2 * kHour, 10 * kMinute);
    const QPointF reappear = offset(lastFix, 90, 100000);
    s.sail(kDark, kT0 + 15 * kHour, reappear, 90, 10, 2 * kHour, 10 * kMinute);
    for (int k = 0; k < 12; ++k) {
        const QPointF anchored = offset(lastFix, 90, 100000 * (k + 0.5) / 12);
        for (std::int64_t t = kT0; t <= kT0 + 18 * kHour; t += 20 * kMinute) {
            const bool meanwhile = t > kT0 + kHour && t < kT0 + 16 * kHour;
            if (!(othersSilentMeanwhile && meanwhile))
                heard(s.store, 100 + k, t, anchored, "RX-Coast");
        }
    }
    s.store.finalize();
    return std::move(s.store);
}

} // namespace

TEST_CASE("the reception model counts the distinct vessels and receivers of each cell-bin",
          "[analysis][reception]")
{
    TrackStore store;
    const QPointF a(131.01, 42.31), b(131.02, 42.32); // one 0.25° cell
    for (int k = 0; k < 6; ++k)
        heard(store, 5, kT0 + k * 5 * kMinute, a, k % 2 ? "RX-A" : "RX-B"); // six reports, one vessel
    heard(store, 6, kT0 + 10 * kMinute, b, "RX-A");
    heard(store, 6, kT0 + 70 * kMinute, b, "RX-A");                    // the next hour
    heard(store, 7, kT0 + 30 * kMinute, QPointF(131.3, 42.3), "RX-C"); // the cell to the east
    store.finalize();

    const ReceptionModel model(store, 0.25, 1.0);
    const auto firstHour = model.keyAt(a, kT0 + 20 * kMinute);
    REQUIRE(model.vesselsAt(firstHour).size() == 2);
    CHECK(model.vesselsAt(firstHour)[0] == 5);
    CHECK(model.vesselsAt(firstHour)[1] == 6);
    std::vector<std::string> receivers;
    for (std::uint16_t id : model.sourcesAt(firstHour))
        receivers.push_back(store.sourceName(id));
    std::sort(receivers.begin(), receivers.end());
    CHECK(receivers == std::vector<std::string>{"RX-A", "RX-B"});
    const auto secondHour = model.keyAt(b, kT0 + 61 * kMinute);
    REQUIRE(model.vesselsAt(secondHour).size() == 1);
    CHECK(model.vesselsAt(secondHour)[0] == 6);
    CHECK(model.vesselsAt(model.keyAt(a, kT0 + 3 * kHour)).empty());
    CHECK(model.keyAt(a, kT0 - 1) == ReceptionModel::kNoKey);
    CHECK(model.cellBinCount() == 3);
    CHECK(model.cellBounds(firstHour) == QRectF(131.0, 42.25, 0.25, 0.25));
    // Anyone but vessel 6 heard in that cell at any time? Vessel 5 was.
    CHECK(model.cellHeardBesides(secondHour, 6));
    const auto east = model.keyAt(QPointF(131.3, 42.3), kT0);
    CHECK(model.cellHeardBesides(east, 6));
    CHECK_FALSE(model.cellHeardBesides(east, 7)); // only vessel 7 itself was ever heard there
}

TEST_CASE("a vessel silent among vessels that are heard has likely switched off", "[analysis][reception]")
{
    const TrackStore tracks = darkAmongOthers(false);
    const auto gaps = gapsOfDarkVessel(tracks);
    REQUIRE(gaps.size() == 1);
    const QJsonObject &d = gaps.front().details;
    CHECK(d.value(QStringLiteral("likely_cause")).toString() == QStringLiteral("switched_off"));
    CHECK(d.value(QStringLiteral("disabling_score")).toDouble() > 0.9);
    CHECK(d.value(QStringLiteral("disabling_score")).toDouble() <= 1.0);
    const int withData = d.value(QStringLiteral("reception_cell_bins_with_data")).toInt();
    CHECK(withData >= 12); // 13 h across at least 5 cells, less the hours straddling its ends
    CHECK(d.value(QStringLiteral("reception_cell_bins_heard")).toInt() == withData);
    CHECK(d.value(QStringLiteral("vessels_heard_meanwhile")).toInt() == 12);
    CHECK(d.value(QStringLiteral("receivers_meanwhile")).toArray() == QJsonArray{QStringLiteral("RX-Coast")});
    const QJsonArray cells = d.value(QStringLiteral("reception_cells")).toArray();
    REQUIRE(cells.size() >= 5);
    for (const auto &c : cells) {
        const QJsonArray cell = c.toArray();
        CHECK(cell[2].toDouble() == 0.25);
        CHECK(cell[4].toInt() == cell[3].toInt()); // every bin of every cell heard
        CHECK(cell[5].toInt() >= 1);
    }
    // West to east along the path.
    CHECK(cells.first().toArray()[0].toDouble() < cells.last().toArray()[0].toDouble());
    CHECK(gaps.front().parameters.value(QStringLiteral("switched_off_score")).toDouble() == 0.5);
}

TEST_CASE("a vessel silent while every vessel in its region is silent was likely out of coverage",
          "[analysis][reception]")
{
    const TrackStore tracks = darkAmongOthers(true);
    const auto gaps = gapsOfDarkVessel(tracks);
    REQUIRE(gaps.size() == 1);
    const QJsonObject &d = gaps.front().details;
    CHECK(d.value(QStringLiteral("likely_cause")).toString() == QStringLiteral("out_of_coverage"));
    CHECK(d.value(QStringLiteral("disabling_score")).toDouble() < 0.1);
    CHECK(d.value(QStringLiteral("reception_cell_bins_with_data")).toInt() >= 12);
    CHECK(d.value(QStringLiteral("reception_cell_bins_heard")).toInt() == 0);
    CHECK(d.value(QStringLiteral("vessels_heard_meanwhile")).toInt() == 0);
    CHECK(d.value(QStringLiteral("receivers_meanwhile")).toArray().isEmpty());
    // The vessels at anchor fell silent too: none of them looks switched off (the bins at the ends
    // of their silences, shared with reports just before and after, may leave some "unknown").
    const auto all = findGaps(tracks, GapParameters{});
    CHECK(all.size() == 13);
    for (const MovementEvent &g : all)
        CHECK(g.details.value(QStringLiteral("likely_cause")).toString() != QStringLiteral("switched_off"));
}

TEST_CASE("a silent cell whose receiver was up meanwhile counts as covered", "[analysis][reception]")
{
    // The vessels at anchor fall silent with the dark one, but the coast station that heard them
    // keeps hearing a ship two degrees away: it was up, so the path was covered, nobody was there.
    TrackStore tracks = darkAmongOthers(true);
    for (std::int64_t t = kT0; t <= kT0 + 18 * kHour; t += 20 * kMinute)
        heard(tracks, 999, t, QPointF(133.5, 42.3), "RX-Coast");
    tracks.finalize();
    const auto gaps = gapsOfDarkVessel(tracks);
    REQUIRE(gaps.size() == 1);
    const QJsonObject &d = gaps.front().details;
    CHECK(d.value(QStringLiteral("reception_cell_bins_heard")).toInt() == 0);
    // Every hour but the first (which holds the vessel's own last report, heard by no station here
    // but counted out all the same), in each cell it crosses.
    const int withData = d.value(QStringLiteral("reception_cell_bins_with_data")).toInt();
    CHECK(withData >= 12);
    CHECK(d.value(QStringLiteral("reception_cell_bins_receiver_up")).toInt() >= withData - 2);
    CHECK(d.value(QStringLiteral("likely_cause")).toString() == QStringLiteral("switched_off"));
    CHECK(d.value(QStringLiteral("vessels_heard_meanwhile")).toInt() == 0);
    // Another station's ship far away says nothing about this coast's station.
    TrackStore other = darkAmongOthers(true);
    for (std::int64_t t = kT0; t <= kT0 + 18 * kHour; t += 20 * kMinute)
        heard(other, 999, t, QPointF(133.5, 42.3), "RX-Elsewhere");
    other.finalize();
    CHECK(gapsOfDarkVessel(other).front().details.value(QStringLiteral("likely_cause")).toString() ==
          QStringLiteral("out_of_coverage"));
}

TEST_CASE("a vessel silent where nobody else is ever heard leaves the cause unknown", "[analysis][reception]")
{
    SyntheticTracks s;
    const QPointF lastFix = s.sail(kDark, kT0, kWentQuiet, 90, 10, 2 * kHour, 10 * kMinute);
    s.sail(kDark, kT0 + 15 * kHour, offset(lastFix, 90, 100000), 90, 10, kHour, 10 * kMinute);
    GapParameters p;
    const auto gaps = findGaps(s.done(), p);
    REQUIRE(gaps.size() == 1);
    CHECK(gaps.front().details.value(QStringLiteral("likely_cause")).toString() == QStringLiteral("unknown"));
    CHECK(gaps.front().details.value(QStringLiteral("disabling_score")).toDouble() == 0.5);
    CHECK(gaps.front().details.value(QStringLiteral("reception_cell_bins_with_data")).toInt() == 0);
}

TEST_CASE("the thresholds decide between the causes", "[analysis][reception]")
{
    const TrackStore tracks = darkAmongOthers(false);
    GapParameters p;
    p.reception.minCellsWithData = 1000; // asks more evidence than the path can give
    CHECK(gapsOfDarkVessel(tracks, p).front().details.value(QStringLiteral("likely_cause")).toString() ==
          QStringLiteral("unknown"));
    p = {};
    p.reception.switchedOffScore = 1.0; // the smoothed score never reaches 1
    CHECK(gapsOfDarkVessel(tracks, p).front().details.value(QStringLiteral("likely_cause")).toString() ==
          QStringLiteral("unknown"));
    p = {};
    p.reception.cellDeg = 5.0; // one cell holds the whole path
    const auto coarse = gapsOfDarkVessel(tracks, p).front().details;
    CHECK(coarse.value(QStringLiteral("reception_cells")).toArray().size() == 1);
    CHECK(coarse.value(QStringLiteral("likely_cause")).toString() == QStringLiteral("switched_off"));
}

TEST_CASE("no call is inferred at a port that heard nobody while the vessel was dark",
          "[analysis][reception][portcalls]")
{
    PortSet ports;
    const QPointF origin(131.0, 42.0);
    ports.addPoint(QStringLiteral("Origin"), origin);
    const QPointF hidden = offset(origin, 270, 100000);
    ports.addPoint(QStringLiteral("Hidden"), hidden);

    // As in the port-call tests: out west, 48 h dark 20 km out, back home. Another vessel lies at
    // Hidden, heard throughout, or only before and after the dark period.
    const auto build = [&](bool hiddenHeardMeanwhile) {
        SyntheticTracks s;
        s.stay(31, kT0, origin, 6 * kHour, 10 * kMinute);
        const QPointF out = s.sail(31, kT0 + 6 * kHour + 10 * kMinute, origin, 270, 10, kHour, 10 * kMinute);
        s.fix(31, kT0 + 55 * kHour, out, 10);
        s.sail(31, kT0 + 55 * kHour + 10 * kMinute, out, 90, 10, kHour, 10 * kMinute);
        s.stay(31, kT0 + 57 * kHour, origin, 6 * kHour, 10 * kMinute);
        for (std::int64_t t = kT0; t <= kT0 + 63 * kHour; t += 30 * kMinute)
            if (hiddenHeardMeanwhile || t < kT0 + 7 * kHour || t > kT0 + 56 * kHour)
                heard(s.store, 77, t, hidden, "RX-Hidden");
        s.store.finalize();
        return std::move(s.store);
    };
    const auto inferredAt = [](const std::vector<MovementEvent> &calls, const QString &port) {
        return std::count_if(calls.begin(), calls.end(), [&](const MovementEvent &c) {
            return c.mmsi == 31 && c.isInferredCall() && c.place == port;
        });
    };

    const TrackStore heardThere = build(true);
    const auto calls = findPortCalls(heardThere, ports, PortCallParameters{});
    CHECK(inferredAt(calls, QStringLiteral("Hidden")) == 1);
    for (const MovementEvent &c : calls)
        if (c.mmsi == 31 && c.isInferredCall())
            CHECK(c.details.value(QStringLiteral("port_reception")).toString() == QStringLiteral("heard"));

    const TrackStore silentThere = build(false);
    CHECK(inferredAt(findPortCalls(silentThere, ports, PortCallParameters{}), QStringLiteral("Hidden")) == 0);
}

TEST_CASE("no call is inferred during a dark period whose path was out of coverage",
          "[analysis][reception][portcalls]")
{
    // darkAmongOthers' vessel, given a port on its way that it had time to call at.
    PortSet ports;
    ports.addPoint(QStringLiteral("Midway"), offset(kWentQuiet, 90, 60000));
    PortCallParameters p;
    p.inferredMinStayHours = 2;
    const auto inferredCalls = [&](const TrackStore &tracks) {
        const auto calls = findPortCalls(tracks, ports, p);
        return std::count_if(calls.begin(), calls.end(),
                             [](const MovementEvent &c) { return c.isInferredCall(); });
    };
    CHECK(inferredCalls(darkAmongOthers(false)) == 1);
    CHECK(inferredCalls(darkAmongOthers(true)) == 0);
}

TEST_CASE("reception thresholds that mean nothing are refused before the analysis runs",
          "[analysis][reception]")
{
    SyntheticTracks s;
    s.sail(1, kT0, QPointF(131.0, 42.3), 90, 10, 2 * kHour, 5 * kMinute);
    const TrackStore &tracks = s.done();
    AnalysisRequest request;
    request.kind = AnalysisKind::Gaps;
    CHECK(runAnalysis(request, tracks, PortSet{}).error.isEmpty());

    request.gaps.reception.cellDeg = 0;
    CHECK(runAnalysis(request, tracks, PortSet{}).error.contains(QStringLiteral("reception cells")));
    request.gaps.reception.cellDeg = 0.25;
    request.gaps.reception.binHours = 0;
    CHECK(runAnalysis(request, tracks, PortSet{}).error.contains(QStringLiteral("time bins")));
    request.gaps.reception.binHours = 1;
    request.gaps.reception.switchedOffScore = 0.05; // below the coverage-hole score of 0.1
    CHECK(runAnalysis(request, tracks, PortSet{}).error.contains(QStringLiteral("switched-off score")));

    // The calls inferred while dark read the port calls' own reception thresholds.
    request = AnalysisRequest{};
    request.kind = AnalysisKind::PortCalls;
    request.portCalls.reception.cellDeg = 200;
    CHECK(!runAnalysis(request, tracks, PortSet{}).error.isEmpty());
}
