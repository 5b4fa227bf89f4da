#include "../catchstringmakers.h"
#include "../testfiles.h"

#include "project/project.h"
#include "project/trackarchive.h"
#include "project/trackimport.h"
#include "util/gdalutil.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <cpl_vsi.h>

using namespace sightline;
using sightline::test::writeFile;

namespace {

const QString kData = QStringLiteral(SIGHTLINE_TEST_DATA_DIR "/tracks/");

QByteArray readAll(const QString &path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

// Writes `bytes` as `inner` into the zip or gzip file GDAL's writer `vsi` names.
void writeVsi(const QString &vsi, const QByteArray &bytes)
{
    ensureGdalInitialised();
    VSILFILE *f = VSIFOpenL(vsi.toUtf8().constData(), "wb");
    REQUIRE(f);
    REQUIRE(VSIFWriteL(bytes.constData(), 1, std::size_t(bytes.size()), f) == std::size_t(bytes.size()));
    VSIFCloseL(f);
}

QString zipOf(const QTemporaryDir &dir, const QString &name,
              const QList<std::pair<QString, QByteArray>> &files)
{
    const QString path = dir.filePath(name);
    for (const auto &[inner, bytes] : files)
        writeVsi(QStringLiteral("/vsizip/%1/%2").arg(path, inner), bytes);
    return path;
}

} // namespace

TEST_CASE("a zip, a gz, a tar.gz and a folder stand for the files in them, in name order",
          "[project][archive]")
{
    QTemporaryDir dir;
    const QByteArray dma = readAll(kData + QStringLiteral("test_aisdk_20180208_sample.csv"));
    const QByteArray noaa = readAll(kData + QStringLiteral("noaa_marinecadastre_20230101_first40.csv"));
    const QString zip = zipOf(dir, QStringLiteral("days.zip"),
                              {{QStringLiteral("aisdk-2018-02-09.csv"), dma},
                               {QStringLiteral("aisdk-2018-02-08.csv"), dma + "\n"},
                               {QStringLiteral("__MACOSX/._aisdk-2018-02-08.csv"), "junk"}});
    std::vector<TrackInput> inputs;
    QString error;
    inputs = expandTrackInputs(zip, &error);
    REQUIRE(inputs.size() == 2);
    CHECK(inputs[0].name == zip + QStringLiteral("/aisdk-2018-02-08.csv"));
    CHECK(inputs[1].name == zip + QStringLiteral("/aisdk-2018-02-09.csv"));
    CHECK(inputs[0].localPath.isEmpty());

    // Unpacked byte for byte, under the inner file's own name.
    QTemporaryDir unpack;
    const QString unpacked = materialiseTrackInput(inputs[1], unpack.path(), &error);
    CHECK(QFileInfo(unpacked).fileName() == QStringLiteral("aisdk-2018-02-09.csv"));
    CHECK(readAll(unpacked) == dma);

    const QString gz = dir.filePath(QStringLiteral("noaa.csv.gz"));
    writeVsi(QStringLiteral("/vsigzip/") + gz, noaa);
    inputs = expandTrackInputs(gz, &error);
    REQUIRE(inputs.size() == 1);
    CHECK(inputs[0].name == gz + QStringLiteral("/noaa.csv"));
    CHECK(readAll(materialiseTrackInput(inputs[0], unpack.path(), &error)) == noaa);

    QDir(dir.path()).mkdir(QStringLiteral("tar"));
    writeFile(dir.filePath(QStringLiteral("tar/a.csv")), dma);
    writeFile(dir.filePath(QStringLiteral("tar/b.nmea")),
              "!AIVDM,1,1,,A,13HOI:0P0000VOHLCnHQKwvL05Ip,0*23\n");
    const QString tgz = dir.filePath(QStringLiteral("logs.tgz"));
    REQUIRE(QProcess::execute(QStringLiteral("tar"), {QStringLiteral("-czf"), tgz, QStringLiteral("-C"),
                                                      dir.filePath(QStringLiteral("tar")),
                                                      QStringLiteral("a.csv"), QStringLiteral("b.nmea")}) ==
            0);
    inputs = expandTrackInputs(tgz, &error);
    REQUIRE(inputs.size() == 2);
    CHECK(inputs[1].name == tgz + QStringLiteral("/b.nmea"));

    // A folder: its track files and archives, not its README or its sub-folders.
    const QString folder = dir.filePath(QStringLiteral("tar"));
    writeFile(folder + QStringLiteral("/README"), "not a track");
    QFile::copy(zip, folder + QStringLiteral("/c.zip"));
    inputs = expandTrackInputs(folder, &error);
    QStringList names;
    for (const TrackInput &i : inputs)
        names << QFileInfo(i.name).fileName();
    CHECK(names == QStringList{QStringLiteral("a.csv"), QStringLiteral("b.nmea"),
                               QStringLiteral("aisdk-2018-02-08.csv"),
                               QStringLiteral("aisdk-2018-02-09.csv")});
    CHECK(inputs[2].name == folder + QStringLiteral("/c.zip/aisdk-2018-02-08.csv"));

    // A plain file is itself.
    inputs = expandTrackInputs(kData + QStringLiteral("generic_units_sample.csv"), &error);
    REQUIRE(inputs.size() == 1);
    CHECK(inputs[0].localPath == kData + QStringLiteral("generic_units_sample.csv"));
}

TEST_CASE("damaged archives, zip bombs and /vsi paths are refused naming the archive and the file",
          "[project][archive][bad-input]")
{
    QTemporaryDir dir, unpack;
    QString error;
    // Not a zip at all.
    const QString fake = dir.filePath(QStringLiteral("fake.zip"));
    writeFile(fake, "this is no zip file");
    CHECK(expandTrackInputs(fake, &error).empty());
    CHECK(error.contains(fake));

    // A zip whose compressed bytes are damaged: listed, but not unpacked.
    QByteArray text;
    for (int i = 0; i < 20000; ++i)
        text += QByteArray::number(i * 7919) + ",273145020,2023-08-15T12:00:00Z,42.3,131.0\n";
    const QString zip = zipOf(dir, QStringLiteral("broken.zip"), {{QStringLiteral("day.csv"), text}});
    QByteArray bytes = readAll(zip);
    for (int i = 200; i < 400; ++i)
        bytes[i] = char(bytes[i] ^ 0x5a);
    writeFile(zip, bytes);
    const std::vector<TrackInput> inputs = expandTrackInputs(zip, &error);
    REQUIRE(inputs.size() == 1);
    CHECK(materialiseTrackInput(inputs[0], unpack.path(), &error).isEmpty());
    CHECK(error.contains(zip + QStringLiteral("/day.csv")));
    CHECK(error.contains(QStringLiteral("damaged")));
    CHECK(QDir(unpack.path()).isEmpty());

    // 300 MiB of zeros pack to a few hundred KiB: refused before a byte is written.
    const QString bomb = dir.filePath(QStringLiteral("bomb.zip"));
    {
        ensureGdalInitialised();
        VSILFILE *f = VSIFOpenL(QStringLiteral("/vsizip/%1/zeros.csv").arg(bomb).toUtf8().constData(), "wb");
        REQUIRE(f);
        const QByteArray zeros(1 << 20, '0');
        for (int i = 0; i < 300; ++i)
            VSIFWriteL(zeros.constData(), 1, std::size_t(zeros.size()), f);
        VSIFCloseL(f);
    }
    const std::vector<TrackInput> bombInputs = expandTrackInputs(bomb, &error);
    REQUIRE(bombInputs.size() == 1);
    CHECK(materialiseTrackInput(bombInputs[0], unpack.path(), &error).isEmpty());
    CHECK(error.contains(bomb + QStringLiteral("/zeros.csv")));
    CHECK(error.contains(QStringLiteral("zip bomb")));

    // GDAL's own paths (and so its network readers) are never taken from the user.
    CHECK(expandTrackInputs(QStringLiteral("/vsicurl/https://example.org/day.zip"), &error).empty());
    CHECK(error.contains(QStringLiteral("not a local file")));
    CHECK(expandTrackInputs(QStringLiteral("/vsizip/") + zip, &error).empty());
    CHECK(expandTrackInputs(dir.filePath(QStringLiteral("missing.zip")), &error).empty());
    CHECK(error.contains(QStringLiteral("no such file")));
}

TEST_CASE("each file of an archive is imported and recorded under its inner name", "[project][archive]")
{
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("case.gpkg"));
    REQUIRE(Project::create(project, nullptr));
    const QByteArray mt = readAll(kData + QStringLiteral("marinetraffic_positions_sample.csv"));
    const QByteArray gfw = readAll(kData + QStringLiteral("gfw_ais_positions_sample.csv"));
    const QString zip = zipOf(dir, QStringLiteral("exports.zip"),
                              {{QStringLiteral("mt.csv"), mt}, {QStringLiteral("gfw.csv"), gfw}});
    QString error;
    const std::vector<TrackInput> inputs = expandTrackInputs(zip, &error);
    REQUIRE(inputs.size() == 2);
    std::int64_t written = 0;
    for (const TrackInput &input : inputs) {
        const TrackImportResult r = importTrackInput(project, input);
        CAPTURE(r.error);
        REQUIRE(r.outcome == TrackImportResult::Outcome::Imported);
        CHECK(r.report.startsWith(input.name + QStringLiteral(" (")));
        // The unpacked copy's path is never shown: each mention of the file is of the archive's.
        const QString inner = QLatin1Char('/') + QFileInfo(input.name).fileName();
        CHECK(r.report.count(inner) == r.report.count(input.name));
        written += r.positionsWritten;
    }
    CHECK(written == 10);
    // The same inner file again is known by its bytes.
    CHECK(importTrackInput(project, inputs[0]).outcome == TrackImportResult::Outcome::ImportedBefore);
}
