#include "../catchstringmakers.h"

#include "tracks/aisimport.h"
#include "tracks/trackstore.h"
#include "tracks/vesselregistry.h"

#include <QFile>
#include <QTemporaryDir>

using namespace sightline;

namespace {
TrackStore::Position pos(std::uint32_t mmsi, std::int64_t t, double lon, double lat, double sog = 10)
{
    TrackStore::Position p{mmsi, t, lon, lat};
    p.sog = sog;
    p.cog = 45;
    p.heading = 44;
    p.status = 0;
    return p;
}

QString writeFile(const QTemporaryDir &dir, const char *name, const QByteArray &content)
{
    const QString path = dir.filePath(QString::fromLatin1(name));
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(content);
    return path;
}
} // namespace

TEST_CASE("the track store keeps each vessel sorted by time, compact, without repeats", "[tracks]")
{
    TrackStore store;
    store.append(pos(273145020, 3000, 131.3, 42.4));
    store.append(pos(273219530, 1000, 132.0, 42.6));
    store.append(pos(273145020, 1000, 131.1, 42.3));
    store.append(pos(273145020, 2000, 131.2, 42.35));
    store.append(pos(273145020, 2000, 131.2, 42.35)); // heard by a second receiver
    CHECK(store.finalize() == 1);
    REQUIRE(store.vesselCount() == 2);
    const VesselTrack *t = store.track(273145020);
    REQUIRE(t);
    REQUIRE(t->size() == 3);
    CHECK(t->timeMs(0) == 1000);
    CHECK(t->timeMs(2) == 3000);
    CHECK(t->lon(0) == Approx(131.1).margin(1e-7));
    CHECK(t->lat(2) == Approx(42.4).margin(1e-7));
    CHECK(t->sog(1) == Approx(10.0));
    CHECK(t->heading(1) == 44);
    CHECK(store.bytesPerPosition() <= 32.0);
    CHECK(store.boundsWgs84().left() == Approx(131.1));
    CHECK(store.boundsWgs84().right() == Approx(132.0));
    const auto [first, last] = t->rangeForTime(1500, 3000);
    CHECK(first == 1);
    CHECK(last == 3);
}

TEST_CASE("absent speed, course and heading stay absent", "[tracks]")
{
    TrackStore store;
    TrackStore::Position p{1234567, 0, 130.0, 42.0};
    store.append(p);
    store.finalize();
    const VesselTrack *t = store.track(1234567);
    CHECK(std::isnan(t->sog(0)));
    CHECK(std::isnan(t->cog(0)));
    CHECK(t->heading(0) == -1);
    CHECK(t->status(0) == -1);
}

TEST_CASE("queries by box and time window find exactly the positions inside", "[tracks]")
{
    TrackStore store;
    for (int i = 0; i < 100; ++i)
        store.append(pos(211000001, i * 60000, 130.0 + i * 0.01, 42.0));
    store.append(pos(211000002, 0, 135.0, 45.0));          // elsewhere
    store.append(pos(211000003, 30 * 60000, 130.5, 42.0)); // never moved: a zero-size box
    store.finalize();
    const auto hits = store.query(QRectF(QPointF(130.195, 41.9), QPointF(130.505, 42.1)), 0, 45 * 60000);
    // 211000001 at i = 20..45 (inside both box and window), and the stationary 211000003.
    CHECK(hits.size() == 26 + 1);
    CHECK(store.query(QRectF(QPointF(134, 44), QPointF(136, 46)), 0, 1).size() == 1);
}

TEST_CASE("the registry keeps every name a vessel used and finds it by any", "[tracks]")
{
    VesselRegistry registry;
    ais::AisMessage m;
    m.type = 5;
    m.mmsi = 273145020;
    m.imo = 9179842;
    m.callsign = "UBFW7";
    m.shipname = "ANGARA";
    m.shiptype = 70;
    m.toBow = 80;
    m.toStern = 22;
    registry.noteStatic(m, 1000);
    m.shipname = "HAI SHENG";
    registry.noteStatic(m, 5000);
    registry.noteStatic(m, 9000);
    const VesselInfo *v = registry.find(273145020);
    REQUIRE(v);
    REQUIRE(v->names.size() == 2);
    CHECK(v->names[0].name == QStringLiteral("ANGARA"));
    CHECK(v->names[1].lastSeenMs == 9000);
    CHECK(v->currentName() == QStringLiteral("HAI SHENG"));
    CHECK(v->length() == 102);
    CHECK(registry.search(QStringLiteral("angara")) == std::vector<std::uint32_t>{273145020});
    CHECK(registry.search(QStringLiteral("9179842")).size() == 1);
    CHECK(registry.search(QStringLiteral("ubfw")).size() == 1);
    CHECK(registry.search(QStringLiteral("nobody")).empty());
    CHECK(registry.displayName(273145020) == QStringLiteral("HAI SHENG (273145020)"));
    CHECK(VesselRegistry::flagOf(273145020) == QStringLiteral("Russian Federation"));
    CHECK(registry.displayName(412000001) == QStringLiteral("MMSI 412000001"));
}

TEST_CASE("an NMEA log imports into tracks and vessels, with every rejection reported", "[tracks]")
{
    QTemporaryDir dir;
    // Two positions of 371798000 with tag-block times, a type 5 in two parts, one bad
    // checksum, one position without any time, one position with lat 91 (not available).
    // Tag blocks with their checksums worked out here, as a receiver writes them.
    auto tagged = [](qint64 unixTime, const char *sentence) {
        const QByteArray tag = "c:" + QByteArray::number(unixTime);
        unsigned x = 0;
        for (char c : tag)
            x ^= static_cast<unsigned char>(c);
        return "\\" + tag + "*" + QByteArray::number(x, 16).toUpper().rightJustified(2, '0') + "\\" +
               sentence + "\n";
    };
    // Two positions of 371798000 a minute apart, a type 5 in two parts, one bad checksum,
    // one position without any time, and the same first report again (a second receiver).
    const QByteArray log =
        tagged(1692100000, "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A") +
        tagged(1692100060, "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A") +
        tagged(1692100070,
               "!AIVDM,2,1,1,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0*1C") +
        "!AIVDM,2,2,1,A,88888888880,2*25\n"
        "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4B\n"
        "!AIVDM,1,1,,B,15NBj>PP1gG>1PVKTDTUJOv00<0M,0*09\n" +
        tagged(1692100000, "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A");
    const QString path = writeFile(dir, "log.nmea", log);
    TrackStore store;
    VesselRegistry registry;
    AisImportReport report;
    QString error;
    REQUIRE(importAisLog(path, store, registry, report, {}, {}, &error));
    CHECK(report.positionsKept == 2); // the third copy of the first report is merged
    CHECK(report.duplicatesRemoved == 1);
    CHECK(store.track(371798000)->size() == 2);
    CHECK(store.track(371798000)->timeMs(1) == 1692100060000LL);
    CHECK(report.log.reader.rejected[int(ais::Rejection::Checksum)] == 1);
    CHECK(report.rejected[AisImportReport::NoTime] == 1);
    CHECK(report.exampleLines[AisImportReport::NoTime] == std::vector<std::int64_t>{6});
    const QString text = report.describe();
    CHECK(text.contains(path + QStringLiteral(":5: checksum 4B, expected 4A")));
    CHECK(text.contains(QStringLiteral("no time")));
    const VesselInfo *ship = registry.find(351759000);
    REQUIRE(ship);
    CHECK(ship->currentName() == QStringLiteral("EVER DIADEM"));
}
