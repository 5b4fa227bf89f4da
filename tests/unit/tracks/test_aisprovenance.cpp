#include "../catchstringmakers.h"

#include "aissentences.h"

#include "layers/tracklayer.h"
#include "tracks/aisbroadcasts.h"
#include "tracks/aisbroadcasttables.h"
#include "tracks/aisimport.h"
#include "tracks/trackgeopackage.h"
#include "tracks/trackstore.h"
#include "tracks/vesselregistry.h"
#include "util/gdalutil.h"

#include <QFile>
#include <QTemporaryDir>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <memory>

using namespace sightline;
using namespace sightline::test;

namespace {

constexpr std::int64_t kT0 = 1692100800; // 2023-08-15 12:00:00 UTC
constexpr std::uint32_t kShip = 273145020;
constexpr std::uint32_t kOther = 273219530;
constexpr std::uint32_t kBase = 2734001;
constexpr std::uint32_t kAid = 992731001;

QString writeLog(const QTemporaryDir &dir, const char *name, const std::string &text)
{
    const QString path = dir.filePath(QString::fromLatin1(name));
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(text.data(), qint64(text.size()));
    return path;
}

/// Two receivers on one coast: rcv-north hears the ship and the base station on A,
/// rcv-south hears a repeat of the ship's first report and its second, on B.
std::string twoReceiverLog()
{
    std::string log;
    log += aisLine(positionReport(kShip, 131.10, 42.30), "rcv-north", kT0, 'A');
    log += aisLine(positionReport(kShip, 131.10, 42.30), "rcv-south", kT0, 'B'); // the same report again
    log += aisLine(baseStationReport(kBase, 131.00, 42.20), "rcv-north", kT0 + 5, 'A');
    log += aisLine(safetyBroadcast(kShip, "FIRE IN ENGINE ROOM"), "rcv-north", kT0 + 30, 'A');
    log += aisLine(safetyBroadcast(kShip, "FIRE IN ENGINE ROOM"), "rcv-south", kT0 + 31, 'B'); // heard twice
    log += aisLine(positionReport(kShip, 131.12, 42.31), "rcv-south", kT0 + 60, 'B');
    log += aisLine(addressedSafety(kShip, kOther, "KEEP CLEAR"), "rcv-south", kT0 + 90, 'B');
    log += aisLine(aidToNavigation(kAid, 20, "NORTH CARDINAL", 131.05, 42.25, true, false), "rcv-north",
                   kT0 + 100, 'A');
    log += aisLine(baseStationReport(kBase, 131.00, 42.20, 2023, 8, 15, 12, 10), "rcv-south", kT0 + 600, 'B');
    log += aisLine(positionReport(kOther, 131.50, 42.50)); // no tag block: no receiver, no time
    return log;
}

struct Imported
{
    TrackStore store;
    VesselRegistry registry;
    AisBroadcasts broadcasts;
    AisImportReport report;
};

void importLog(const QString &path, Imported &out)
{
    QString error;
    REQUIRE(importAisLog(path, out.store, out.registry, out.broadcasts, out.report, {}, {}, &error));
}

} // namespace

TEST_CASE("a filled track store costs at most 32 bytes a position, its receiver included", "[tracks][memory]")
{
    TrackStore store;
    const std::string receivers[] = {"rcv-north", "rcv-south", "sat-7"};
    for (std::uint32_t v = 0; v < 200; ++v)
        for (int i = 0; i < 500; ++i) {
            TrackStore::Position p{211000000 + v, std::int64_t(i) * 60000, 130.0 + i * 1e-3, 42.0 + v * 1e-3};
            p.sog = 10;
            p.cog = 90;
            p.heading = 90;
            p.status = 0;
            p.source = receivers[(v + std::uint32_t(i)) % 3];
            p.channel = i % 2 ? 'A' : 'B';
            store.append(p);
        }
    store.finalize();
    REQUIRE(store.positionCount() == 100000);
    // The sum of the columns' element sizes, whatever spare capacity the vectors hold.
    const double perPosition = double(store.positionBytes()) / double(store.positionCount());
    INFO("bytes per position: " << perPosition);
    CHECK(perPosition <= 32.0);
    CHECK(perPosition == 26.0); // time 8, lon/lat 4+4, sog/cog/heading 2+2+2, status/flags 1+1, source 2
    CHECK(store.bytesPerPosition() <= 32.0);
    const VesselTrack *t = store.track(211000001);
    REQUIRE(t);
    CHECK(store.sourceName(t->sourceId(0)) == "rcv-south");
    CHECK(t->channel(0) == 'B');
    CHECK(t->channel(1) == 'A');
    CHECK(t->heardBy().size() == 3);
}

TEST_CASE("receiver names past 65534 share one index that says so, and never wrap onto another",
          "[tracks][memory]")
{
    TrackStore store;
    for (int i = 1; i <= 70000; ++i) {
        const std::string name = "rcv-" + std::to_string(i);
        const std::uint16_t id = store.sourceIdFor(name);
        if (i < 65535) {
            REQUIRE(id == i);
        } else {
            REQUIRE(id == TrackStore::kOverflowSource);
        }
    }
    CHECK(store.sourceName(1) == "rcv-1");
    CHECK(store.sourceName(65534) == "rcv-65534");
    CHECK(store.sourceName(TrackStore::kOverflowSource).find("more than 65534") != std::string::npos);
    CHECK(store.sourceIdFor("rcv-12") == 12); // a known one keeps its own index
    CHECK(store.sourceIdFor("") == TrackStore::kNoSource);
    CHECK(store.sourceName(TrackStore::kNoSource).empty());
}

TEST_CASE("an AIS import keeps which receiver heard each position, on which channel", "[tracks][ais]")
{
    QTemporaryDir dir;
    Imported in;
    importLog(writeLog(dir, "coast.nmea", twoReceiverLog()), in);

    const VesselTrack *t = in.store.track(kShip);
    REQUIRE(t);
    REQUIRE(t->size() == 2); // the repeat from the second receiver merged
    CHECK(in.report.duplicatesRemoved == 1);
    CHECK(in.store.sourceName(t->sourceId(0)) == "rcv-north");
    CHECK(t->channel(0) == 'A');
    CHECK(in.store.sourceName(t->sourceId(1)) == "rcv-south");
    CHECK(t->channel(1) == 'B');
    // Both receivers heard it, though only the first one's copy of the repeated report is kept.
    REQUIRE(t->heardBy().size() == 2);
    CHECK(in.store.sourceName(t->heardBy()[0]) == "rcv-north");
    CHECK(in.store.sourceName(t->heardBy()[1]) == "rcv-south");

    // The vessel without a tag block: its position is rejected for want of a time.
    CHECK(in.report.rejected[AisImportReport::NoTime] == 1);

    // Identify on the position says who heard it.
    auto store = std::make_shared<TrackStore>(std::move(in.store));
    auto registry = std::make_shared<VesselRegistry>(std::move(in.registry));
    const TrackLayer layer(QStringLiteral("AIS"), QStringLiteral("coast.nmea"), store, registry);
    const QList<LayerProperty> properties = layer.describePosition(kShip, 1);
    const auto value = [&](const QString &name) {
        for (const LayerProperty &p : properties)
            if (p.first == name)
                return p.second;
        return QString();
    };
    CHECK(value(QStringLiteral("Heard by")) == QStringLiteral("rcv-south, channel B"));
    CHECK(value(QStringLiteral("Receivers that heard the vessel")) == QStringLiteral("rcv-north, rcv-south"));
}

TEST_CASE("an AIS import keeps base stations, aids to navigation and safety messages", "[tracks][ais]")
{
    QTemporaryDir dir;
    Imported in;
    importLog(writeLog(dir, "coast.nmea", twoReceiverLog()), in);

    REQUIRE(in.broadcasts.baseStations().size() == 1);
    const BaseStation &b = in.broadcasts.baseStations().at(kBase);
    CHECK(b.lon == Approx(131.0).margin(1e-5));
    CHECK(b.lat == Approx(42.2).margin(1e-5));
    CHECK(b.firstHeardMs == (kT0 + 5) * 1000);
    CHECK(b.lastHeardMs == (kT0 + 600) * 1000);
    CHECK(b.reports == 2);
    CHECK(b.sources == QStringList{QStringLiteral("rcv-north"), QStringLiteral("rcv-south")});

    REQUIRE(in.broadcasts.aidsToNavigation().size() == 1);
    const AidToNavigation &a = in.broadcasts.aidsToNavigation().at(kAid);
    CHECK(a.name == QStringLiteral("NORTH CARDINAL"));
    CHECK(a.aidType == 20);
    CHECK(a.aidTypeText().startsWith(QStringLiteral("Cardinal Mark N")));
    CHECK(a.virtualAid);
    CHECK_FALSE(a.offPosition);
    CHECK(a.lon == Approx(131.05).margin(1e-5));
    CHECK(a.lastHeardMs == (kT0 + 100) * 1000);
    // A mark, not a vessel: it is not among the vessels (whose count the import reports).
    CHECK(in.registry.find(kAid) == nullptr);
    CHECK(in.registry.find(kShip) != nullptr);

    // The broadcast heard by both receivers is one message; the addressed one names its addressee.
    const std::vector<SafetyMessage> &safety = in.broadcasts.safetyMessages();
    REQUIRE(safety.size() == 2);
    CHECK(safety[0].type == 14);
    CHECK(safety[0].mmsi == kShip);
    CHECK(safety[0].text == QStringLiteral("FIRE IN ENGINE ROOM"));
    CHECK(safety[0].timeMs == (kT0 + 30) * 1000);
    CHECK(safety[0].source == QStringLiteral("rcv-north"));
    CHECK(safety[0].destMmsi == 0);
    // Placed where the sender's own positions put it then.
    CHECK(safety[0].lon == Approx(131.10).margin(1e-5));
    CHECK(safety[1].type == 12);
    CHECK(safety[1].destMmsi == kOther);
    CHECK(safety[1].text == QStringLiteral("KEEP CLEAR"));
    CHECK(safety[1].lon == Approx(131.12).margin(1e-5));
    CHECK(in.report.baseStations == 1);
    CHECK(in.report.aidsToNavigation == 1);
    CHECK(in.report.safetyMessages == 2);
    CHECK(in.report.describe().contains(
        QStringLiteral("1 receivers (base stations), 1 aids to navigation, 2 safety messages")));
}

TEST_CASE("the project GeoPackage keeps each position's receiver and channel, and the broadcasts",
          "[tracks][ais][geopackage]")
{
    QTemporaryDir dir;
    const QString log = writeLog(dir, "coast.nmea", twoReceiverLog());
    Imported in;
    importLog(log, in);
    const QString gpkg = dir.filePath(QStringLiteral("p.gpkg"));
    const auto written = TrackGeoPackage::append(gpkg, log, in.store, in.registry, in.report.describe(), {}, {},
                                                 &in.broadcasts);
    REQUIRE(written.ok);

    TrackStore store;
    VesselRegistry registry;
    QString error;
    REQUIRE(TrackGeoPackage::read(gpkg, store, registry, &error));
    const VesselTrack *t = store.track(kShip);
    REQUIRE(t);
    REQUIRE(t->size() == 2);
    CHECK(store.sourceName(t->sourceId(0)) == "rcv-north");
    CHECK(t->channel(0) == 'A');
    CHECK(store.sourceName(t->sourceId(1)) == "rcv-south");
    CHECK(t->channel(1) == 'B');

    const std::vector<BaseStation> stations = readBaseStations(gpkg);
    REQUIRE(stations.size() == 1);
    CHECK(stations[0].mmsi == kBase);
    CHECK(stations[0].firstHeardMs == (kT0 + 5) * 1000);
    CHECK(stations[0].lastHeardMs == (kT0 + 600) * 1000);
    CHECK(stations[0].sources.size() == 2);
    CHECK(stations[0].lat == Approx(42.2).margin(1e-6));
    const std::vector<AidToNavigation> aids = readAidsToNavigation(gpkg);
    REQUIRE(aids.size() == 1);
    CHECK(aids[0].name == QStringLiteral("NORTH CARDINAL"));
    CHECK(aids[0].virtualAid);
    const std::vector<SafetyMessage> safety = readSafetyMessages(gpkg);
    REQUIRE(safety.size() == 2);
    CHECK(safety[0].text == QStringLiteral("FIRE IN ENGINE ROOM"));
    CHECK(safety[0].id > 0);
    CHECK(safety[1].destMmsi == kOther);
    CHECK(safety[1].channel == 'B');

    // A later log from the same base station: one row still, heard for longer, by one more receiver.
    const std::string later =
        aisLine(baseStationReport(kBase, 131.00, 42.20, 2023, 8, 16), "sat-3", kT0 + 86400, 'A') +
        aisLine(positionReport(kShip, 131.2, 42.4), "sat-3", kT0 + 86400, 'A');
    const QString log2 = writeLog(dir, "later.nmea", later);
    Imported in2;
    importLog(log2, in2);
    REQUIRE(TrackGeoPackage::append(gpkg, log2, in2.store, in2.registry, {}, {}, {}, &in2.broadcasts).ok);
    const std::vector<BaseStation> merged = readBaseStations(gpkg);
    REQUIRE(merged.size() == 1);
    CHECK(merged[0].firstHeardMs == (kT0 + 5) * 1000);
    CHECK(merged[0].lastHeardMs == (kT0 + 86400) * 1000);
    CHECK(merged[0].reports == 3);
    CHECK(merged[0].sources.size() == 3);
    CHECK(countAisBroadcasts(gpkg).safetyMessages == 2);
}

TEST_CASE("a project written before positions kept their receiver still loads, and gains the columns",
          "[tracks][ais][geopackage]")
{
    QTemporaryDir dir;
    const QString log = writeLog(dir, "coast.nmea", twoReceiverLog());
    Imported in;
    importLog(log, in);
    const QString gpkg = dir.filePath(QStringLiteral("old.gpkg"));
    REQUIRE(TrackGeoPackage::append(gpkg, log, in.store, in.registry, {}).ok);
    {
        // As an older Sightline wrote it: no source, no channel.
        ensureGdalInitialised();
        GDALDatasetUniquePtr ds(GDALDataset::Open(gpkg.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        REQUIRE(ds);
        OGRLayer *positions = ds->GetLayerByName("ais_positions");
        REQUIRE(positions);
        for (const char *name : {"source", "channel"})
            REQUIRE(positions->DeleteField(positions->GetLayerDefn()->GetFieldIndex(name)) == OGRERR_NONE);
        REQUIRE(positions->GetLayerDefn()->GetFieldIndex("source") < 0);
    }
    TrackStore store;
    VesselRegistry registry;
    QString error;
    REQUIRE(TrackGeoPackage::read(gpkg, store, registry, &error));
    REQUIRE(store.track(kShip));
    CHECK(store.track(kShip)->size() == 2);
    CHECK(store.track(kShip)->sourceId(0) == TrackStore::kNoSource);
    CHECK(store.track(kShip)->channel(0) == 'A'); // the channel bit rode in the flags

    // The next import adds the columns, and its positions keep their receiver.
    const QString log2 = writeLog(dir, "later.nmea", aisLine(positionReport(kOther, 131.3, 42.4), "sat-3", kT0, 'A'));
    Imported in2;
    importLog(log2, in2);
    REQUIRE(TrackGeoPackage::append(gpkg, log2, in2.store, in2.registry, {}).ok);
    TrackStore again;
    VesselRegistry registry2;
    REQUIRE(TrackGeoPackage::read(gpkg, again, registry2, &error));
    REQUIRE(again.track(kOther));
    CHECK(again.sourceName(again.track(kOther)->sourceId(0)) == "sat-3");
    CHECK(again.track(kShip)->sourceId(0) == TrackStore::kNoSource);
}

TEST_CASE("a base station in a log without receive times is heard at the UTC it reports", "[tracks][ais]")
{
    QTemporaryDir dir;
    std::string log;
    log += aisLine(baseStationReport(kBase, 131.0, 42.2, 2023, 8, 15, 12, 0, 5));
    log += aisLine(baseStationReport(kBase, 131.0, 42.2, 2023, 8, 15, 12, 10, 0));
    Imported in;
    importLog(writeLog(dir, "untimed.nmea", log), in);
    REQUIRE(in.broadcasts.baseStations().size() == 1);
    const BaseStation &b = in.broadcasts.baseStations().at(kBase);
    CHECK(b.firstHeardMs == (kT0 + 5) * 1000);
    CHECK(b.lastHeardMs == (kT0 + 600) * 1000);
}
