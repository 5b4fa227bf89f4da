#include "../catchstringmakers.h"

#include "tracks/csvimport.h"
#include "tracks/gpximport.h"
#include "tracks/trackstore.h"
#include "tracks/vesselregistry.h"

#include <QFile>
#include <QTemporaryDir>

using namespace sightline;

namespace {
const QString kData = QStringLiteral(SIGHTLINE_TEST_DATA_DIR "/tracks/");

QString write(const QTemporaryDir &dir, const char *name, const QByteArray &content)
{
    const QString path = dir.filePath(QString::fromLatin1(name));
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(content);
    return path;
}

struct Imported
{
    TrackStore store;
    VesselRegistry registry;
    CsvImportReport report;
};

std::unique_ptr<Imported> importWithDetectedPreset(const QString &path, QString *preset)
{
    auto out = std::make_unique<Imported>();
    QString error;
    const CsvColumnMapping mapping = detectCsvMapping(readCsvHeader(path, &error));
    *preset = mapping.preset;
    REQUIRE(importCsvTracks(path, mapping, out->store, out->registry, out->report, {}, &error));
    return out;
}
} // namespace

TEST_CASE("real exports are recognised by their headers and imported", "[tracks][csv]")
{
    struct Row
    {
        const char *file;
        const char *preset;
        std::size_t positions;
    };
    for (const Row &row : {Row{"noaa_marinecadastre_20230101_first40.csv", "NOAA MarineCadastre", 40},
                           Row{"test_aisdk_20180208_sample.csv", "Danish Maritime Authority", 10},
                           Row{"marinecadastre_boston_2014_qgis_first120.csv",
                               "MarineCadastre via QGIS/MovingPandas (X, Y)", 120}}) {
        CAPTURE(row.file);
        QString preset;
        const auto imported = importWithDetectedPreset(kData + QString::fromLatin1(row.file), &preset);
        CHECK(preset == QString::fromLatin1(row.preset));
        CHECK(imported->store.positionCount() + std::size_t(imported->report.duplicatesRemoved) ==
              row.positions);
        CHECK(imported->report.rows == std::int64_t(row.positions));
    }
}

TEST_CASE("NOAA rows give names, IMO (without its prefix) and UTC times", "[tracks][csv]")
{
    QString preset;
    const auto imported =
        importWithDetectedPreset(kData + QStringLiteral("noaa_marinecadastre_20230101_first40.csv"), &preset);
    // 636021061,2023-01-11T00:00:00,26.09241,-80.04806,8.8,272.7,270.0,MSC NAISHA III,IMO9307839,...
    const VesselTrack *t = imported->store.track(636021061);
    REQUIRE(t);
    CHECK(t->timeMs(0) == 1673395200000LL);
    CHECK(t->lat(0) == Approx(26.09241).margin(1e-7));
    CHECK(t->sog(0) == Approx(8.8));
    CHECK(t->heading(0) == 270);
    const VesselInfo *v = imported->registry.find(636021061);
    REQUIRE(v);
    CHECK(v->currentName() == QStringLiteral("MSC NAISHA III"));
    CHECK(v->imo == 9307839u);
    CHECK(v->callsign == QStringLiteral("5LCB4"));
}

TEST_CASE("DMA rows: day/month/year times and status words", "[tracks][csv]")
{
    QString preset;
    const auto imported =
        importWithDetectedPreset(kData + QStringLiteral("test_aisdk_20180208_sample.csv"), &preset);
    // 92,08/02/2018 00:00:00,Class A,244678000,57.549578,11.666492,At anchor,...
    const VesselTrack *t = imported->store.track(244678000);
    REQUIRE(t);
    CHECK(t->timeMs(0) == 1518048000000LL);
    CHECK(t->status(0) == 1);
}

TEST_CASE("a custom mapping reads an unknown layout, and bad rows are reported by line", "[tracks][csv]")
{
    QTemporaryDir dir;
    const QString path = write(dir, "odd.csv",
                               "when;vessel;y;x;knots_x10\n"
                               "1692100000;273145020;42.30;131.00;105\n"
                               "1692100600;273145020;42.35;131.10;98\n"
                               "1692101200;27314;42.40;131.20;98\n"           // MMSI too short
                               "yesterday;273145020;42.40;131.20;98\n"        // no time
                               "1692101800;273145020;95.00;131.30;98\n"       // latitude 95
                               "1692102400;273145020\n"                       // short row
                               "1692103000;273145020;forty-two;131.40;98\n"); // not a number
    const QStringList header = readCsvHeader(path, nullptr);
    REQUIRE(header.size() == 5);
    CHECK_FALSE(detectCsvMapping(header).isComplete());
    CsvColumnMapping m;
    m.column[CsvColumnMapping::Time] = 0;
    m.column[CsvColumnMapping::Mmsi] = 1;
    m.column[CsvColumnMapping::Lat] = 2;
    m.column[CsvColumnMapping::Lon] = 3;
    m.column[CsvColumnMapping::Sog] = 4;
    m.timeFormat = CsvTimeFormat{CsvTimeFormat::Kind::UnixSeconds, {}};
    m.speedScale = 0.1;
    TrackStore store;
    VesselRegistry registry;
    CsvImportReport report;
    QString error;
    REQUIRE(importCsvTracks(path, m, store, registry, report, {}, &error));
    CHECK(report.positionsKept == 2);
    CHECK(store.track(273145020)->sog(0) == Approx(10.5));
    CHECK(report.rejected[CsvImportReport::InvalidMmsi] == 1);
    CHECK(report.rejected[CsvImportReport::NoTime] == 1);
    CHECK(report.rejected[CsvImportReport::PositionOutOfRange] == 1);
    CHECK(report.rejected[CsvImportReport::MalformedRow] == 1);
    CHECK(report.rejected[CsvImportReport::BadValue] == 1);
    const QString text = report.describe();
    CHECK(text.contains(path + QStringLiteral(":4: MMSI '27314'")));
    CHECK(text.contains(path + QStringLiteral(":5: time 'yesterday'")));
    CHECK(text.contains(path + QStringLiteral(":7: 2 fields, the columns need 5")));
    // Without the required columns there is nothing to import.
    CHECK_FALSE(importCsvTracks(path, CsvColumnMapping(), store, registry, report, {}, &error));
    CHECK(error.contains(QStringLiteral("choose the MMSI")));
}

TEST_CASE("GPX track points become a named track", "[tracks][gpx]")
{
    QTemporaryDir dir;
    const QString path = write(dir, "boat.gpx", R"(<?xml version="1.0"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
 <trk><name>Patrol boat</name><trkseg>
  <trkpt lat="42.90" lon="132.30"><time>2023-09-01T06:00:00Z</time></trkpt>
  <trkpt lat="42.91" lon="132.32"><time>2023-09-01T06:10:00Z</time></trkpt>
  <trkpt lat="42.92" lon="132.34"></trkpt>
 </trkseg></trk>
</gpx>)");
    TrackStore store;
    VesselRegistry registry;
    CsvImportReport report;
    QString error;
    REQUIRE(importGpxTracks(path, store, registry, report, &error));
    REQUIRE(store.vesselCount() == 1);
    const VesselTrack &t = store.tracks().front();
    CHECK(t.size() == 2);
    CHECK(t.timeMs(1) == 1693548600000LL);
    CHECK(t.lon(1) == Approx(132.32));
    CHECK(report.rejected[CsvImportReport::NoTime] == 1);
    CHECK(registry.find(t.mmsi())->currentName() == QStringLiteral("Patrol boat"));
    CHECK_FALSE(importGpxTracks(dir.filePath(QStringLiteral("none.gpx")), store, registry, report, &error));
    CHECK(error.contains(QStringLiteral("no such file")));
}
