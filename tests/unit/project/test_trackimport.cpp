#include "../catchstringmakers.h"
#include "../testfiles.h"

#include "project/project.h"
#include "project/trackimport.h"
#include "tracks/trackgeopackage.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

using namespace sightline;
using sightline::test::writeFile;

namespace {

const QString kDemoAis = QStringLiteral(SIGHTLINE_DEMO_DIR "/ais/case_rajin_dunai_2023_SIMULATED.nmea");

// The first `lines` lines of the demo log, as a log of its own (its own SHA-256).
QString demoLogHead(const QTemporaryDir &dir, const QString &name, int lines)
{
    QFile in(kDemoAis);
    REQUIRE(in.open(QIODevice::ReadOnly));
    const QString path = dir.filePath(name);
    QFile out(path);
    REQUIRE(out.open(QIODevice::WriteOnly));
    for (int i = 0; i < lines && !in.atEnd(); ++i)
        out.write(in.readLine());
    return path;
}

} // namespace

TEST_CASE("importTrackFile writes a log's positions, vessels and import record into a project once",
          "[project][tracks]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("case.gpkg"));
    REQUIRE(Project::create(path, nullptr));
    const QString log = demoLogHead(dir, QStringLiteral("head_SIMULATED.nmea"), 4000);

    double last = -1;
    bool monotonic = true;
    const TrackImportResult r = importTrackFile(path, log, {}, [&](double f) {
        monotonic = monotonic && f >= last && f <= 1.0;
        last = f;
        return true;
    });
    INFO(r.error.toStdString());
    REQUIRE(r.outcome == TrackImportResult::Outcome::Imported);
    CHECK(monotonic);
    CHECK(last > 0.8); // the write reports its part of the bar too
    CHECK(r.positionsWritten > 1000);
    CHECK(r.vesselsWritten >= 2);
    CHECK(r.report.contains(QStringLiteral("positions kept")));
    CHECK(r.sha256 == fileSha256(log));

    TrackStore store;
    VesselRegistry registry;
    QString error;
    REQUIRE(TrackGeoPackage::read(path, store, registry, &error));
    CHECK(std::int64_t(store.positionCount()) == r.positionsWritten);
    const auto imports = TrackGeoPackage::imports(path);
    REQUIRE(imports.size() == 1);
    CHECK(imports.first().sha256 == r.sha256);
    CHECK(imports.first().sourceFile == QFileInfo(log).absoluteFilePath());
    CHECK(imports.first().positions == r.positionsWritten);

    // The same bytes under another name: known by the SHA-256, nothing read or added.
    const QString copy = dir.filePath(QStringLiteral("copy.nmea"));
    REQUIRE(QFile::copy(log, copy));
    const TrackImportResult again = importTrackFile(path, copy);
    CHECK(again.outcome == TrackImportResult::Outcome::ImportedBefore);
    CHECK(again.positionsWritten == 0);
    CHECK(TrackGeoPackage::imports(path).size() == 1);
    TrackStore after;
    VesselRegistry afterRegistry;
    REQUIRE(TrackGeoPackage::read(path, after, afterRegistry, &error));
    CHECK(after.positionCount() == store.positionCount());
}

TEST_CASE("importTrackFile leaves the project as it was when nothing is kept, on cancel or on a bad file",
          "[project][tracks][bad-input]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("case.gpkg"));
    REQUIRE(Project::create(path, nullptr));

    SECTION("a log with no valid position")
    {
        const QString junk = dir.filePath(QStringLiteral("junk.nmea"));
        writeFile(junk, "hello\n!AIVDM,1,1,,A,garbage,0*00\n");
        const TrackImportResult r = importTrackFile(path, junk);
        CHECK(r.outcome == TrackImportResult::Outcome::NothingKept);
        CHECK(r.error.contains(junk));
        CHECK(!r.report.isEmpty());
    }
    SECTION("cancelled while reading")
    {
        const QString log = demoLogHead(dir, QStringLiteral("a.nmea"), 20000);
        const TrackImportResult r = importTrackFile(path, log, {}, [](double f) { return f < 0.2; });
        CHECK(r.outcome == TrackImportResult::Outcome::Cancelled);
    }
    SECTION("cancelled while writing")
    {
        const QString log = demoLogHead(dir, QStringLiteral("b.nmea"), 20000);
        const TrackImportResult r = importTrackFile(path, log, {}, [](double f) { return f < 0.85; });
        CHECK(r.outcome == TrackImportResult::Outcome::Cancelled);
    }
    SECTION("a CSV whose columns match no known export")
    {
        const QString odd = dir.filePath(QStringLiteral("odd.csv"));
        writeFile(odd, "a,b,c,d\n1,2,3,4\n");
        const TrackImportResult r = importTrackFile(path, odd);
        CHECK(r.outcome == TrackImportResult::Outcome::Failed);
        CHECK(r.error.contains(QStringLiteral("no column could be mapped to MMSI (mmsi)")));
        CHECK(r.error.contains(QStringLiteral("a, b, c, d")));
    }
    SECTION("a file that is not there")
    {
        const TrackImportResult r = importTrackFile(path, dir.filePath(QStringLiteral("gone.nmea")));
        CHECK(r.outcome == TrackImportResult::Outcome::Failed);
        CHECK(r.error.contains(QStringLiteral("gone.nmea")));
    }
    CHECK(TrackGeoPackage::imports(path).isEmpty());
    CHECK(!TrackGeoPackage::hasTracks(path));
}

TEST_CASE("importTrackFile reads a CSV with the columns chosen for it", "[project][tracks]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("case.gpkg"));
    REQUIRE(Project::create(path, nullptr));
    const QString csv = dir.filePath(QStringLiteral("mine.csv"));
    writeFile(csv, "id,stamp,northing_deg,easting_deg\n"
                   "273145020,2023-08-20T01:00:00Z,42.25,130.30\n"
                   "273145020,2023-08-20T02:00:00Z,42.40,130.60\n");
    CsvColumnMapping mapping;
    mapping.preset = QStringLiteral("custom");
    mapping.column[CsvColumnMapping::Mmsi] = 0;
    mapping.column[CsvColumnMapping::Time] = 1;
    mapping.column[CsvColumnMapping::Lat] = 2;
    mapping.column[CsvColumnMapping::Lon] = 3;
    TrackImportOptions options;
    options.csvMapping = mapping;
    const TrackImportResult r = importTrackFile(path, csv, options);
    INFO(r.error.toStdString());
    REQUIRE(r.outcome == TrackImportResult::Outcome::Imported);
    CHECK(r.positionsWritten == 2);
    CHECK(r.vesselsWritten == 1);
}
