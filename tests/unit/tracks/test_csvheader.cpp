#include "../catchstringmakers.h"

#include "tracks/csvheader.h"
#include "tracks/csvimport.h"
#include "tracks/trackstore.h"
#include "tracks/vesselregistry.h"

#include <QFile>
#include <QTemporaryDir>

using namespace sightline;
using F = CsvColumnMapping;

namespace {
const QString kData = QStringLiteral(SIGHTLINE_TEST_DATA_DIR "/tracks/");

QStringList split(const char *header, char delimiter = ',')
{
    return QString::fromUtf8(header).split(QLatin1Char(delimiter));
}

QString write(const QTemporaryDir &dir, const char *name, const QByteArray &content)
{
    const QString path = dir.filePath(QString::fromLatin1(name));
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(content);
    return path;
}
} // namespace

TEST_CASE("each export is told by its own header, the time format by its first rows", "[tracks][csv][header]")
{
    using K = CsvTimeFormat::Kind;
    struct Row
    {
        const char *file;
        const char *preset;
        K time;
        double speedScale;
    };
    for (const Row &row : {
             Row{"noaa_marinecadastre_20230101_first40.csv", "NOAA MarineCadastre", K::Iso, 1.0},
             Row{"test_aisdk_20180208_sample.csv", "Danish Maritime Authority", K::DayMonthYear, 1.0},
             Row{"aisdk_2024_layout_sample.csv", "Danish Maritime Authority", K::DayMonthYear, 1.0},
             Row{"marinetraffic_positions_sample.csv", "MarineTraffic export", K::Iso, 0.1},
             Row{"gfw_ais_positions_sample.csv", "Global Fishing Watch", K::Iso, 1.0},
             Row{"gfw_training_sample.csv", "Global Fishing Watch", K::UnixSeconds, 1.0},
             Row{"marinecadastre_boston_2014_qgis_first120.csv",
                 "MarineCadastre via QGIS/MovingPandas (X, Y)", K::Iso, 1.0},
             Row{"generic_units_sample.csv", "generic column names", K::UnixMillis, 1.0},
         }) {
        CAPTURE(row.file);
        QString error;
        const CsvPreview preview = readCsvPreview(kData + QString::fromLatin1(row.file), 50, &error);
        REQUIRE(error.isEmpty());
        const CsvColumnMapping m = detectCsvMapping(preview);
        CHECK(m.preset == QString::fromLatin1(row.preset));
        CHECK(m.isComplete());
        REQUIRE(m.timeFormat);
        CHECK(m.timeFormat->kind == row.time);
        CHECK(m.speedScale == row.speedScale);
    }
}

TEST_CASE("a header that only shares the common names is no MarineTraffic export", "[tracks][csv][header]")
{
    // GFW's training data: mmsi, timestamp, lat, lon, speed like MarineTraffic, speeds in knots.
    const CsvColumnMapping gfw = detectCsvMapping(split(
        "mmsi,timestamp,distance_from_shore,distance_from_port,speed,course,lat,lon,is_fishing,source"));
    CHECK(gfw.preset == QStringLiteral("Global Fishing Watch"));
    CHECK(gfw.speedScale == 1.0);
    // Nothing but the common names: read by generic names, speed in knots.
    const CsvColumnMapping plain = detectCsvMapping(split("mmsi,timestamp,lat,lon,speed,course"));
    CHECK(plain.preset == QStringLiteral("generic column names"));
    CHECK(plain.speedScale == 1.0);
    CHECK(plain.column[F::Sog] == 4);
    // The real MarineTraffic layout still is.
    const CsvColumnMapping mt = detectCsvMapping(
        split("MMSI,IMO,SHIP_ID,LAT,LON,SPEED,HEADING,COURSE,STATUS,TIMESTAMP,DSRC,UTC_SECONDS"));
    CHECK(mt.preset == QStringLiteral("MarineTraffic export"));
    CHECK(mt.speedScale == 0.1);
}

TEST_CASE("generic names are recognised in any case, with units and prefixes", "[tracks][csv][header]")
{
    CHECK(canonicalCsvHeader(QStringLiteral("Latitude (deg)")) == QStringLiteral("latitude"));
    CHECK(canonicalCsvHeader(QStringLiteral("SOG [kn]")) == QStringLiteral("sog"));
    CHECK(canonicalCsvHeader(QStringLiteral("lat_deg")) == QStringLiteral("lat"));
    CHECK(canonicalCsvHeader(QStringLiteral("# Timestamp")) == QStringLiteral("timestamp"));
    CHECK(canonicalCsvHeader(QStringLiteral("BaseDateTime")) == QStringLiteral("basedatetime"));
    CHECK(canonicalCsvHeader(QStringLiteral("Time UTC")) == QStringLiteral("time"));
    CHECK(canonicalCsvHeader(QStringLiteral("speed_knots")) == QStringLiteral("speed"));
    CHECK(canonicalCsvHeader(QStringLiteral("deg_lon")) == QStringLiteral("lon"));

    struct Row
    {
        const char *header;
        std::array<int, 4> mmsiTimeLatLon;
    };
    for (const Row &row : {
             Row{"MMSI,Time (UTC),Latitude (deg),Longitude (deg)", {0, 1, 2, 3}},
             Row{"lon_deg,lat_deg,ts,mmsi", {3, 2, 1, 0}},
             Row{"x,y,t,MMSI", {3, 2, 1, 0}},
             Row{"# Timestamp,mmsi,LAT,LONG", {1, 0, 2, 3}},
             Row{"UserID,BaseDateTime,Lat [deg],Lng [deg]", {0, 1, 2, 3}},
             Row{"SSVID,TIMESTAMP_UTC,latitude,longitude", {0, 1, 2, 3}},
         }) {
        CAPTURE(row.header);
        const CsvColumnMapping m = detectCsvMapping(split(row.header));
        CHECK(m.isComplete());
        CHECK(m.column[F::Mmsi] == row.mmsiTimeLatLon[0]);
        CHECK(m.column[F::Time] == row.mmsiTimeLatLon[1]);
        CHECK(m.column[F::Lat] == row.mmsiTimeLatLon[2]);
        CHECK(m.column[F::Lon] == row.mmsiTimeLatLon[3]);
    }
}

TEST_CASE("when two columns could be a field, the plainer name wins and no column serves twice",
          "[tracks][csv][header]")
{
    // Both a projected x/y and degrees: latitude/longitude are the position.
    const CsvColumnMapping m = detectCsvMapping(split("x,y,latitude,longitude,mmsi,time,date"));
    CHECK(m.column[F::Lat] == 2);
    CHECK(m.column[F::Lon] == 3);
    CHECK(m.column[F::Time] == 5);
    // "Type of mobile" is not the ship type; "Ship type" is.
    const CsvColumnMapping types =
        mappingFromGenericNames(split("Type of mobile,mmsi,time,lat,lon,Ship type"));
    CHECK(types.column[F::ShipType] == 5);
    // Without a position there is no mapping, and the message says what is missing.
    const QStringList header = split("vessel,when,where");
    const CsvColumnMapping none = detectCsvMapping(header);
    CHECK_FALSE(none.isComplete());
    const QString why = describeMissingCsvColumns(none, header);
    CHECK(why.contains(QStringLiteral("MMSI (mmsi)")));
    CHECK(why.contains(QStringLiteral("Latitude (lat)")));
    CHECK(why.contains(QStringLiteral("vessel, when, where")));
}

TEST_CASE("a column spec (ais import --columns) names columns by header name or number, and says what it cannot find",
          "[tracks][csv][header]")
{
    const QStringList header = split("when,vessel,north,east,knots");
    CsvColumnMapping m = detectCsvMapping(header);
    QString error;
    REQUIRE(
        applyCsvColumnSpec(m, header, QStringLiteral("lat=NORTH,lon=east,time=1,mmsi=vessel,sog=5"), &error));
    CHECK(m.isComplete());
    CHECK(m.column[F::Time] == 0);
    CHECK(m.column[F::Mmsi] == 1);
    CHECK(m.column[F::Lat] == 2);
    CHECK(m.column[F::Lon] == 3);
    CHECK(m.column[F::Sog] == 4);
    CHECK_FALSE(applyCsvColumnSpec(m, header, QStringLiteral("lat=northing"), &error));
    CHECK(error.contains(QStringLiteral("no column 'northing'")));
    CHECK(error.contains(QStringLiteral("when, vessel, north, east, knots")));
    CHECK_FALSE(applyCsvColumnSpec(m, header, QStringLiteral("altitude=north"), &error));
    CHECK(error.contains(QStringLiteral("'altitude' is no field")));
    CHECK_FALSE(applyCsvColumnSpec(m, header, QStringLiteral("lat"), &error));
    CHECK_FALSE(applyCsvColumnSpec(m, header, QStringLiteral("lat=6"), &error));
}

TEST_CASE("each preset's file imports with its speeds, times and names", "[tracks][csv][header]")
{
    auto import = [](const char *file, TrackStore &store, VesselRegistry &registry) {
        QString error;
        const QString path = kData + QString::fromLatin1(file);
        const CsvColumnMapping m = detectCsvMapping(readCsvPreview(path, 50, &error));
        CsvImportReport report;
        REQUIRE(importCsvTracks(path, m, store, registry, report, {}, &error));
        return report;
    };
    {
        TrackStore store;
        VesselRegistry registry;
        const CsvImportReport r = import("marinetraffic_positions_sample.csv", store, registry);
        CHECK(r.positionsKept == 5);
        const VesselTrack *t = store.track(273145020);
        REQUIRE(t);
        CHECK(t->sog(0) == Approx(10.5)); // tenths of a knot
        CHECK(t->timeMs(0) == 1692100800000LL);
    }
    {
        TrackStore store;
        VesselRegistry registry;
        const CsvImportReport r = import("gfw_ais_positions_sample.csv", store, registry);
        CHECK(r.positionsKept == 5);
        const VesselTrack *t = store.track(412331038);
        REQUIRE(t);
        CHECK(t->sog(0) == Approx(10.4));       // knots, not tenths
        CHECK(t->timeMs(0) == 1704067262000LL); // 2024-01-01 00:01:02 UTC
        CHECK(t->lat(0) == Approx(-3.1254));
    }
    {
        TrackStore store;
        VesselRegistry registry;
        const CsvImportReport r = import("gfw_training_sample.csv", store, registry);
        CHECK(r.positionsKept == 5); // a vessel lying still: the same place at other times is kept
        const VesselTrack *t = store.track(224313000);
        REQUIRE(t);
        CHECK(t->timeMs(0) == 1327118530000LL);
        CHECK(t->sog(t->size() - 1) == Approx(8.2).margin(1e-6));
    }
    {
        TrackStore store;
        VesselRegistry registry;
        const CsvImportReport r = import("aisdk_2024_layout_sample.csv", store, registry);
        CHECK(r.positionsKept == 4);
        CHECK(r.rejected[CsvImportReport::NoTime] == 0);
        const VesselTrack *t = store.track(265177000);
        REQUIRE(t);
        CHECK(t->timeMs(0) == 1709251199000LL); // 29/02/2024 23:59:59, a leap day
        CHECK(t->status(0) == 3);
        const VesselInfo *v = registry.find(219000873);
        REQUIRE(v);
        CHECK(v->currentName() == QStringLiteral("SKAGEN"));
        CHECK(v->imo == 9208215u);
        CHECK(v->callsign == QStringLiteral("OZHE2"));
    }
    {
        TrackStore store;
        VesselRegistry registry;
        const CsvImportReport r = import("generic_units_sample.csv", store, registry);
        CHECK(r.positionsKept == 3);
        const VesselTrack *t = store.track(257123000);
        REQUIRE(t);
        CHECK(t->timeMs(2) == 1692102000500LL);
        CHECK(t->sog(0) == Approx(12.5));
        CHECK(registry.find(257123000)->currentName() == QStringLiteral("BALTIC STAR"));
    }
}

TEST_CASE("quoted fields may hold the delimiter, quotes and line breaks", "[tracks][csv][header]")
{
    QTemporaryDir dir;
    const QString path = write(dir, "quoted.csv",
                               "\xEF\xBB\xBFmmsi,time,lat,lon,name\r\n"
                               "273145020,2023-08-15T12:00:00Z,42.3,131.0,\"NORD, \"\"STAR\"\"\"\r\n"
                               "273145021,2023-08-15T12:00:00Z,42.3,131.0,\"TWO\nLINES\"\r\n"
                               "273145022,2023-08-15T12:00:00Z,42.3,131.0,PLAIN\r\n");
    QString error;
    const CsvPreview preview = readCsvPreview(path, 10, &error);
    CHECK(preview.header.front() == QStringLiteral("mmsi")); // no byte-order mark
    CHECK(preview.rows.size() == 3);
    TrackStore store;
    VesselRegistry registry;
    CsvImportReport report;
    REQUIRE(importCsvTracks(path, detectCsvMapping(preview), store, registry, report, {}, &error));
    CHECK(report.positionsKept == 3);
    CHECK(registry.find(273145020)->currentName() == QStringLiteral("NORD, \"STAR\""));
    CHECK(registry.find(273145022)->currentName() == QStringLiteral("PLAIN"));
}

TEST_CASE("times no format reads stop the import with the value and what to do", "[tracks][csv][header]")
{
    QTemporaryDir dir;
    const QString path = write(dir, "odd.csv", "mmsi,time,lat,lon\n273145020,15.08.2023 12h00,42.3,131.0\n");
    TrackStore store;
    VesselRegistry registry;
    CsvImportReport report;
    QString error;
    const CsvColumnMapping m = detectCsvMapping(readCsvHeader(path, &error));
    CHECK_FALSE(importCsvTracks(path, m, store, registry, report, {}, &error));
    CHECK(error.contains(QStringLiteral("'15.08.2023 12h00'")));
    CHECK(error.contains(QStringLiteral("--time-format")));
    CsvColumnMapping withPattern = m;
    withPattern.timeFormat = CsvTimeFormat::fromText(QStringLiteral("%d.%m.%Y %Hh%M"));
    REQUIRE(importCsvTracks(path, withPattern, store, registry, report, {}, &error));
    CHECK(store.track(273145020)->timeMs(0) == 1692100800000LL);
}
