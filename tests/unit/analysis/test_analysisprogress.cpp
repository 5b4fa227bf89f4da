#include "../catchstringmakers.h"

#include "analysis/movementanalysis.h"
#include "analysis/portset.h"
#include "tracks/aisimport.h"
#include "tracks/trackstore.h"
#include "tracks/vesselregistry.h"

#include "fixtures.h"

using namespace sightline;

namespace {
struct CaseInputs
{
    TrackStore tracks;
    VesselRegistry vessels;
    PortSet ports;
};

const CaseInputs &caseInputs()
{
    static const CaseInputs inputs = [] {
        CaseInputs in;
        const QString demo = QStringLiteral(SIGHTLINE_DEMO_DIR);
        AisImportReport report;
        REQUIRE(importAisLog(demo + QStringLiteral("/ais/case_rajin_dunai_2023_SIMULATED.nmea"), in.tracks,
                             in.vessels, report));
        QString error;
        REQUIRE(in.ports.loadFile(demo + QStringLiteral("/vector/ports_APPROXIMATE.geojson"), {}, &error));
        return in;
    }();
    return inputs;
}

AnalysisRequest requestFor(AnalysisKind kind)
{
    AnalysisRequest request;
    request.kind = kind;
    if (kind == AnalysisKind::Voyages) {
        request.roundTripPortA = QStringLiteral("Rajin");
        request.roundTripPortB = QStringLiteral("Dunai");
    }
    return request;
}
} // namespace

TEST_CASE("an analysis reports its progress and gives the same events as a run without it",
          "[analysis][progress]")
{
    const CaseInputs &in = caseInputs();
    for (AnalysisKind kind : allAnalysisKinds()) {
        CAPTURE(analysisKindKey(kind));
        const AnalysisRequest request = requestFor(kind);
        const AnalysisResult plain = runAnalysis(request, in.tracks, in.ports);
        std::vector<double> reported;
        const AnalysisResult watched = runAnalysis(request, in.tracks, in.ports, nullptr, [&](double f) {
            reported.push_back(f);
            return true;
        });
        CHECK_FALSE(watched.cancelled);
        REQUIRE(watched.events.size() == plain.events.size());
        for (std::size_t i = 0; i < plain.events.size(); ++i)
            CHECK(watched.events[i] == plain.events[i]);
        // Several steps, never backwards, ending at the whole.
        REQUIRE(reported.size() >= 2);
        CHECK(std::is_sorted(reported.begin(), reported.end()));
        CHECK(reported.front() >= 0.0);
        CHECK(reported.back() == 1.0);
    }
}

TEST_CASE("an analysis told to stop part way gives no events and says it was cancelled",
          "[analysis][progress]")
{
    const CaseInputs &in = caseInputs();
    for (AnalysisKind kind : allAnalysisKinds()) {
        CAPTURE(analysisKindKey(kind));
        int calls = 0, callsAfterStop = 0;
        bool stop = false;
        const AnalysisResult result =
            runAnalysis(requestFor(kind), in.tracks, in.ports, nullptr, [&](double fraction) {
                ++calls;
                callsAfterStop += stop;
                // Stops at the first report past the start: some work done, most of it not.
                stop = stop || fraction > 0.0;
                return !stop;
            });
        CHECK(result.cancelled);
        CHECK(result.events.empty());
        CHECK(result.originDestination.empty());
        CHECK(callsAfterStop <= 1);
        CHECK(calls >= 2);
    }
}
