#include "../catchstringmakers.h"

#include "analysis/gapdetector.h"
#include "analysis/portcalldetector.h"
#include "analysis/portset.h"
#include "analysis/voyages.h"
#include "tracks/aisimport.h"
#include "tracks/csvimport.h"
#include "tracks/trackstore.h"
#include "tracks/vesselregistry.h"
#include "util/gdalutil.h"

#include "fixtures.h"

#include <ogrsf_frmts.h>

#include <QFileInfo>
#include <QJsonArray>

#include <map>

using namespace sightline;

namespace {
constexpr std::uint32_t kAngara = 273145020;
constexpr std::uint32_t kMaria = 273219530;
} // namespace

TEST_CASE("the case tracks: Angara and Maria go dark and make ten Rajin–Dunai round trips each",
          "[analysis][case]")
{
    const QString demo = QStringLiteral(SIGHTLINE_DEMO_DIR);
    TrackStore tracks;
    VesselRegistry vessels;
    AisImportReport report;
    REQUIRE(importAisLog(demo + QStringLiteral("/ais/case_rajin_dunai_2023_SIMULATED.nmea"), tracks, vessels,
                         report));
    PortSet ports;
    QString error;
    REQUIRE(ports.loadFile(demo + QStringLiteral("/vector/ports_APPROXIMATE.geojson"), {}, &error));
    REQUIRE(ports.size() == 4);

    // tools/make_demo_ais.py (seed 7) sails each ship from Dunai to Rajin and back ten
    // times, with the transponder off west of 131.1°E: ten dark periods each, every
    // one of them with Rajin inside its reachable area.
    const auto gaps = findGaps(tracks, GapParameters{}, &ports);
    std::map<std::uint32_t, int> gapsOf;
    for (const auto &g : gaps) {
        ++gapsOf[g.mmsi];
        if (g.mmsi == kAngara || g.mmsi == kMaria) {
            CHECK(g.from.x() < 131.2);
            CHECK(g.details.value(QStringLiteral("reachable_ports"))
                      .toArray()
                      .contains(QStringLiteral("Rajin (Rason) port")));
            CHECK(g.details.value(QStringLiteral("heading_toward")).toString() ==
                  QStringLiteral("Rajin (Rason) port"));
        }
    }
    CHECK(gapsOf[kAngara] == 10);
    CHECK(gapsOf[kMaria] == 10);

    const auto calls = findPortCalls(tracks, ports, PortCallParameters{});
    const auto trips =
        findRoundTrips(calls, QStringLiteral("Rajin (Rason) port"), QStringLiteral("Dunai port"));
    std::map<std::uint32_t, int> tripsOf;
    for (const auto &t : trips) {
        ++tripsOf[t.mmsi];
        CHECK(t.details.value(QStringLiteral("b_inferred")).toBool()); // Rajin is never seen: AIS was off
        CHECK(t.details.value(QStringLiteral("port_a")).toString() == QStringLiteral("Dunai port"));
    }
    CHECK(tripsOf[kAngara] == 10);
    CHECK(tripsOf[kMaria] == 10);
    CHECK(tripsOf.size() == 2);
}

TEST_CASE("port visits on the real Boston positions agree with GDAL's own point-in-polygon",
          "[analysis][boston]")
{
    const QString csv =
        test::sharedDataFile(QStringLiteral("tracks/qgis-processing-trajectory_sample_ais.csv"));
    if (csv.isEmpty()) {
        WARN("../shared/data/tracks is absent: the Boston cross-check is skipped");
        return;
    }
    TrackStore tracks;
    VesselRegistry vessels;
    CsvImportReport report;
    const QStringList header = readCsvHeader(csv, nullptr);
    REQUIRE(importCsvTracks(csv, detectCsvMapping(header), tracks, vessels, report));
    REQUIRE(tracks.vesselCount() == 4);

    // Boston's inner harbour and the Conley terminal basin, drawn for this test.
    const std::vector<std::vector<QPointF>> inner = {
        {{-71.070, 42.345}, {-71.030, 42.335}, {-71.015, 42.350}, {-71.030, 42.375}, {-71.065, 42.372}}};
    PortSet ports;
    ports.addPolygon(QStringLiteral("Inner Harbor"), inner);
    PortCallParameters p;
    p.inferFromGaps = false;
    p.minDurationHours = 0;
    p.exitDistanceKm = p.entryDistanceKm; // leave on the first position outside: what the oracle does
    const auto calls = findPortCalls(tracks, ports, p);

    // The oracle: OGR's Contains on every position, visits as runs of inside positions.
    ensureGdalInitialised();
    OGRPolygon polygon;
    OGRLinearRing ring;
    for (const QPointF &v : inner.front())
        ring.addPoint(v.x(), v.y());
    ring.closeRings();
    polygon.addRing(&ring);
    std::vector<std::tuple<std::uint32_t, std::int64_t, std::int64_t>> expected;
    for (const VesselTrack &t : tracks.tracks()) {
        bool in = false;
        std::int64_t start = 0, last = 0;
        for (std::size_t i = 0; i < t.size(); ++i) {
            const OGRPoint pt(t.lon(i), t.lat(i));
            const bool inside = polygon.Contains(&pt);
            if (inside && !in)
                start = t.timeMs(i);
            if (!inside && in)
                expected.emplace_back(t.mmsi(), start, last);
            if (inside)
                last = t.timeMs(i);
            in = inside;
        }
        if (in)
            expected.emplace_back(t.mmsi(), start, last);
    }
    std::vector<std::tuple<std::uint32_t, std::int64_t, std::int64_t>> found;
    for (const auto &c : calls)
        found.emplace_back(c.mmsi, c.startMs, c.endMs);
    std::sort(expected.begin(), expected.end());
    std::sort(found.begin(), found.end());
    CHECK(found.size() >= 3); // the vessels do enter the inner harbour
    CHECK(found == expected);
}
